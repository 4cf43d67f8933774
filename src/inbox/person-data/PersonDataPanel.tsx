/**
 * 開示請求 and erasure on request, for an agency's admin, on the open conversation (the API
 * reaches the person through any conversation they wrote). The export links download what
 * GET /api/person-data answers (audited there). Erasing asks first, says what goes and that it
 * cannot be undone; the answer is shown as the server counted it (see Inbox: the conversation
 * closes, the list reloads, the result stays on screen).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../api.js';
import { personDataApi, type PersonErasure } from './api.js';
import { usePage } from '../i18n/index.js';
import { ErrorText } from '../components/ErrorText.js';
import { personDataPage } from './strings.js';

export function PersonDataPanel(props: { conversationId: string; onErased: (result: PersonErasure) => void }) {
  const s = usePage(personDataPage);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onErased(await personDataApi.erase(props.conversationId));
    } catch (e) {
      setError(errorText(e, s.failed));
      setBusy(false);
    }
  };
  // Focus follows the question in the same frame: onto やめる when asked, back to the button after.
  const moved = useRef(false);
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (confirming ? cancelButton : eraseButton).current?.focus();
  }, [confirming]);
  const ask = (open: boolean) => {
    moved.current = true;
    setConfirming(open);
  };
  const cancel = () => ask(false);
  return (
    <section class="person-data" aria-labelledby="person-data-title" data-testid="person-data">
      <h3 id="person-data-title">{s.title}</h3>
      <p class="muted">{s.intro}</p>
      <p class="note">{s.thirdParty}</p>
      <p class="row">
        <a class="btn" href={personDataApi.exportUrl(props.conversationId, 'json')} download data-testid="person-export-json">
          {s.exportJson}
        </a>
        <a class="btn" href={personDataApi.exportUrl(props.conversationId, 'pdf')} download data-testid="person-export-pdf">
          {s.exportPdf}
        </a>
      </p>
      {!confirming ? (
        <button
          type="button"
          class="btn danger"
          ref={eraseButton}
          data-testid="person-erase"
          onClick={() => ask(true)}
        >
          {s.erase}
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-labelledby="erase-confirm-title"
          aria-describedby="erase-confirm-text"
          class="erase-confirm"
          data-testid="person-erase-confirm"
          onKeyDown={(ev) => {
            if (ev.key === 'Escape' && !busy) {
              ev.stopPropagation();
              cancel();
            }
          }}
        >
          <h4 id="erase-confirm-title">{s.confirmTitle}</h4>
          <p id="erase-confirm-text">{s.confirmText}</p>
          <p class="row">
            {/* The safe choice has the focus first: Enter right away does not erase. */}
            <button type="button" class="btn" ref={cancelButton} data-testid="person-erase-cancel" disabled={busy} onClick={cancel}>
              {s.cancel}
            </button>
            <button type="button" class="btn danger" data-testid="person-erase-now" disabled={busy} onClick={() => void erase()}>
              {busy ? s.erasing : s.confirmErase}
            </button>
          </p>
        </div>
      )}
      <ErrorText error={error} testId="person-erase-error" />
    </section>
  );
}

/** What an erasure removed, as the server counted it (shown where the conversation was). */
export function ErasureResult(props: { result: PersonErasure }) {
  const s = usePage(personDataPage);
  const { erased, keptCases } = props.result;
  const conversations = erased.reduce((n, e) => n + e.conversationIds.length, 0);
  const cases = erased.reduce((n, e) => n + e.caseIds.length, 0);
  const rows = erased.reduce((n, e) => n + Object.values(e.counts).reduce((a, b) => a + b, 0), 0);
  return (
    <section class="erasure-result" role="status" data-testid="erasure-result" tabIndex={-1}>
      <h3>{s.erased}</h3>
      <p data-testid="erasure-counts">{s.erasedCounts(conversations, cases, rows)}</p>
      <p data-testid="erasure-kept">{keptCases.length > 0 ? s.kept(keptCases.length) : s.noneKept}</p>
    </section>
  );
}

/** On an open conversation: the cases that hold it, and 「この相談からケースを開く」 (creates a case and shows it). */
import { useEffect, useState } from 'preact/hooks';
import { useAction } from '../hooks/useAction.js';
import { usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { casesApi, type CaseView } from './api.js';

export function OpenCaseButton(props: { conversationId: string; onOpened: (caseId: string) => void }) {
  const s = usePage(casesPage);
  const { busy, error, run } = useAction();
  const [existing, setExisting] = useState<CaseView[]>([]);
  useEffect(() => {
    setExisting([]);
    casesApi.ofConversation(props.conversationId).then(setExisting, () => undefined);
  }, [props.conversationId]);
  const open = () => run(async () => props.onOpened((await casesApi.open(props.conversationId)).id), s.openFailed);
  return (
    <div class="case-bar">
      {existing.map((c) => (
        <button key={c.id} type="button" class="linklike" data-testid="conversation-case" onClick={() => props.onOpened(c.id)}>
          {s.inCase(c.number)}
        </button>
      ))}
      <button type="button" class="btn" data-testid="open-case" disabled={busy} onClick={() => void open()}>
        {busy ? s.opening : s.openCase}
      </button>
      <ErrorText error={error} />
    </div>
  );
}

/**
 * The conversation's details panel: channel, categories, who is writing, about whom, the reasons
 * triage gave, the correction form, consent and the audit log. Open by default on wide screens.
 */
import { useState } from 'preact/hooks';
import type { Conversation, Staff } from '../api.js';
import { useT } from '../i18n/index.js';
import { showReasons } from '../reasons.js';
import { AuditLog } from './AuditLog.js';
import { AnonymousBadge } from './Badges.js';
import { ConsentState } from './ConsentState.js';
import { TriageEditor } from './TriageEditor.js';
import { PersonDataPanel } from '../person-data/PersonDataPanel.js';
import type { PersonErasure } from '../person-data/api.js';

export function ConversationDetails(props: {
  conversationId: string;
  conversation: Conversation | undefined;
  epoch: number;
  me: Staff;
  onConversation: (c: Conversation) => void;
  /** An admin erased the person's data (the conversation is gone). */
  onErased?: (result: PersonErasure) => void;
}) {
  const t = useT();
  const c = props.conversation;
  const [editing, setEditing] = useState(false);
  const [wide] = useState(() => !window.matchMedia || window.matchMedia('(min-width: 1100px)').matches);
  return (
    <aside class="case-aside" aria-label={t.view.details}>
      <details class="case-details" open={wide}>
        <summary>{t.view.details}</summary>
        {c && (
          <dl class="triage" data-testid="triage">
            <dt>{t.channelLabel}</dt>
            <dd>{t.channel[c.channel] ?? c.channel}</dd>
            <dt>{t.view.categories}</dt>
            <dd>
              {c.triage && c.triage.categories.length > 0 ? (
                <ul class="tags">
                  {c.triage.categories.map((cat) => (
                    <li key={cat} data-testid="category-tag" data-code={cat}>
                      {t.category[cat] ?? cat}
                    </li>
                  ))}
                </ul>
              ) : (
                t.noTriage
              )}
            </dd>
            {c.triage?.reporter && (
              <>
                <dt>{t.view.reporter}</dt>
                <dd>
                  {t.reporter[c.triage.reporter] ?? c.triage.reporter}
                  {c.anonymous && (
                    <>
                      {' '}
                      <AnonymousBadge />
                    </>
                  )}
                </dd>
              </>
            )}
            {c.subject && (
              <>
                <dt>{t.subjectLabel}</dt>
                <dd data-testid="subject">{t.subject[c.subject] ?? c.subject}</dd>
              </>
            )}
            {c.triage && c.triage.reasons.length > 0 && (
              <>
                <dt>{t.view.reasons}</dt>
                <dd>
                  <ul class="reasons">
                    {showReasons(c.triage.reasons, c.triage, t).map((r, i) => (
                      <li key={i} data-testid="reason">
                        {r}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        )}
        {c && !editing && (
          <button type="button" class="link" data-testid="triage-edit" onClick={() => setEditing(true)}>
            {t.triageEdit.edit}
          </button>
        )}
        {c && editing && <TriageEditor conversation={c} onConversation={props.onConversation} onClose={() => setEditing(false)} />}
        <ConsentState conversationId={props.conversationId} epoch={props.epoch} />
        <AuditLog conversationId={props.conversationId} staff={props.me} />
        {props.me.role === 'admin' && props.onErased && <PersonDataPanel conversationId={props.conversationId} onErased={props.onErased} />}
      </details>
    </aside>
  );
}

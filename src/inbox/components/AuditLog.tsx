/** Who read or changed this conversation (supervisors only). */
import { useState } from 'preact/hooks';
import { api, errorText, isSupervisorRole, type AuditEntry, type Staff } from '../api.js';
import { absoluteTime, useT } from '../i18n/index.js';
import { ErrorText } from './ErrorText.js';

export function AuditLog({ conversationId, staff }: { conversationId: string; staff: Staff }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [error, setError] = useState('');
  if (!isSupervisorRole(staff.role)) return null;
  const toggle = async () => {
    const next = !open;
    setOpen(next);
    if (!next) return;
    setError('');
    try {
      setEntries(await api.audit(conversationId));
    } catch (err) {
      setError(errorText(err, t.audit.loadError));
    }
  };
  return (
    <div class="audit">
      <button type="button" class="link" aria-expanded={open} data-testid="audit-open" onClick={() => void toggle()}>
        {open ? t.audit.close : t.audit.open}
      </button>
      {open && (
        <div class="audit-panel" data-testid="audit-log">
          <ErrorText error={error} />
          {entries && entries.length === 0 && <p class="muted">{t.audit.empty}</p>}
          {entries && entries.length > 0 && (
            <table>
              <caption>{t.audit.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.audit.at}</th>
                  <th scope="col">{t.audit.actor}</th>
                  <th scope="col">{t.audit.action}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e, i) => (
                  <tr key={i} data-testid="audit-entry">
                    <td>{absoluteTime(e.at, t)}</td>
                    <td>{e.actorName ?? e.actorId ?? '—'}</td>
                    <td>{e.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}


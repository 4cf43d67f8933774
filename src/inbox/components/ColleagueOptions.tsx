/** The <option>s for choosing an assignee: nobody chosen yet, nobody, then each colleague with role and whether online. */
import type { Colleague } from '../api.js';
import { useT } from '../i18n/index.js';

export function ColleagueOptions(props: { colleagues: Colleague[] }) {
  const t = useT();
  return (
    <>
      <option value="">{t.assign.choose}</option>
      <option value="none">{t.assign.unassign}</option>
      {props.colleagues.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}（{t.role[c.role] ?? c.role}）{c.online ? ` ● ${t.header.online}` : ''}
        </option>
      ))}
    </>
  );
}

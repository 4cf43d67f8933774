import { isSupervisorRole, type Colleague, type Staff } from '../api.js';
import { useT, type InboxLang } from '../i18n/index.js';
import type { AudioState } from '../alerting.js';
import { AlertSettings } from './AlertSettings.js';
import { LangSwitch } from './LangSwitch.js';
import { usePage } from '../i18n/index.js';
import { cannedPage } from '../i18n/pages/canned.js';
import { casesPage } from '../i18n/pages/cases.js';
import { reportsPage } from '../reports/strings.js';

/** What the main pane shows: conversations, the ケース page, or (supervisors) the shift view, the 定型文 page or the reports. */
export type InboxView = 'inbox' | 'cases' | 'shift' | 'canned' | 'reports';

/** Who I am, who is on duty, live status, view tabs (supervisors), language and logout. */
export function Header(props: {
  staff: Staff;
  connected: boolean;
  colleagues: Colleague[];
  lang: InboxLang;
  onLang: (l: InboxLang) => void;
  onLogout: () => void;
  view: InboxView;
  onView: (v: InboxView) => void;
  sound: { soundOn: boolean; onSound: (on: boolean) => void; audio: AudioState };
}) {
  const t = useT();
  const { staff } = props;
  const others = props.colleagues.filter((c) => c.id !== staff.id && c.online);
  const supervisor = isSupervisorRole(staff.role);
  const canned = usePage(cannedPage);
  const casesTab = usePage(casesPage).tab;
  const reports = usePage(reportsPage);
  return (
    <header class="topbar">
      <h1 class="brand">{t.appTitle}</h1>
      <span class={`live ${props.connected ? 'on' : 'off'}`} role="status" data-testid="live-status" data-connected={String(props.connected)}>
        <span class="dot" aria-hidden="true" />
        {props.connected ? t.live.connected : t.live.disconnected}
      </span>
      {
        <nav class="view-tabs" aria-label={t.header.views}>
          {(
            [
              ['inbox', t.header.inboxTab, true],
              ['cases', casesTab, true],
              ['shift', t.header.shiftTab, supervisor],
              ['canned', canned.tab, supervisor],
              ['reports', reports.tab, supervisor],
            ] as const
          )
            .filter(([, , shown]) => shown)
            .map(([v, label]) => (
              <button
                key={v}
                type="button"
                class={`tab${props.view === v ? ' current' : ''}`}
                aria-pressed={props.view === v}
                data-testid={`${v}-tab`}
                onClick={() => props.onView(v)}
              >
                {label}
              </button>
            ))}
        </nav>
      }
      <span class="spacer" />
      <AlertSettings {...props.sound} />
      <details class="presence popover" data-testid="presence">
        <summary>
          {t.header.onDuty}: <span data-testid="presence-count">{others.length + 1}</span>
        </summary>
        <ul class="presence-list" data-testid="presence-list" aria-label={t.header.onDuty}>
          <li class="presence-item online" data-testid="presence-item" data-id={staff.id} data-online="true">
            <span class="pdot" aria-hidden="true" />
            {staff.name}（{t.role[staff.role] ?? staff.role}）— {t.header.online}
          </li>
          {others.map((c) => (
            <li key={c.id} class="presence-item online" data-testid="presence-item" data-id={c.id} data-online="true">
              <span class="pdot" aria-hidden="true" />
              {c.name}（{t.role[c.role] ?? c.role}）— {t.header.online}
            </li>
          ))}
          {others.length === 0 && <li class="muted-inv">{t.header.nobodyElse}</li>}
        </ul>
      </details>
      <span class="me" data-testid="me">
        <span class="sr-only">{t.header.me}: </span>
        {t.signedInAs(staff.name)}
        <span class="role" data-testid="me-role">
          {t.role[staff.role] ?? staff.role}
        </span>
      </span>
      <LangSwitch lang={props.lang} onLang={props.onLang} />
      <button type="button" class="btn" data-testid="logout" onClick={props.onLogout}>
        {t.logout}
      </button>
    </header>
  );
}

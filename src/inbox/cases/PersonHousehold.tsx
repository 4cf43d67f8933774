/**
 * 本人 and 世帯 of a case: what is known, and (for the agency working it) a form to change both
 * after the case was opened. The form sends what it shows: the person as a whole and the whole
 * list of members (PATCH /api/cases/:id). Keyboard: 変更する opens the form with focus on its first
 * field; 保存/取り消す (and Escape) close it and give focus back to 変更する.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../api.js';
import { useT, usePage } from '../i18n/index.js';
import { casesPage } from '../i18n/pages/cases.js';
import { ErrorText } from '../components/ErrorText.js';
import { Options } from '../components/Options.js';
import { AGE_BAND_LABELS, CATEGORY_LABELS, CONSENT_LABELS, HOUSEHOLD_PATTERN_LABELS, RELATIONSHIP_LABELS } from '../../contracts/case-labels.js';
import type { AgeBand, Category, Relationship } from '../../contracts/enums.js';
import { casesApi, type CaseDetailView } from './api.js';

// The label tables list the vocabularies (enums.ts would bring zod into the bundle).
const AGE_BANDS = Object.keys(AGE_BAND_LABELS) as AgeBand[];
const RELATIONSHIPS = Object.keys(RELATIONSHIP_LABELS) as Relationship[];
const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

interface MemberDraft {
  key: number;
  relationship: Relationship;
  name: string;
  /** Kept as it was (the form edits the name): sent back unchanged. */
  description?: string;
  ageBand: AgeBand | '';
  needs: Category[];
}

export function PersonHousehold(props: { c: CaseDetailView; onChanged: (c: CaseDetailView) => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const { c } = props;
  const p = c.person;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Once the form is gone, the button it came from has the focus again (in the same frame).
  useLayoutEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const close = (wasSaved: boolean) => {
    refocus.current = true;
    setEditing(false);
    setSaved(wasSaved);
  };
  return (
    <>
      <section class="case-section" aria-labelledby="person-title" data-testid="case-person">
        <h3 id="person-title">{s.person}</h3>
        <p data-testid="case-person-line">
          {p.name ?? p.description ?? s.unknownName}
          {p.name && p.description ? `（${p.description}）` : ''}
          {p.ageBand ? ` / ${AGE_BAND_LABELS[p.ageBand][lang]}` : ''}
          {p.addressArea ? ` / ${p.addressArea}` : ''}
        </p>
        <p>
          {s.consent}: <span data-testid="case-consent">{c.shareConsent ? CONSENT_LABELS[c.shareConsent][lang] : s.consentNever}</span>
        </p>
      </section>
      <section class="case-section" aria-labelledby="household-title" data-testid="case-household">
        <h3 id="household-title">{s.household}</h3>
        {c.household.members.length === 0 && <p class="muted">{s.noMembers}</p>}
        <ul class="plain">
          {c.household.members.map((m) => (
            <li key={m.id} data-testid="household-member">
              {RELATIONSHIP_LABELS[m.relationship][lang]}
              {m.name || m.description ? ` ${m.name ?? m.description}` : ''}
              {m.ageBand ? `（${AGE_BAND_LABELS[m.ageBand][lang]}）` : ''} {m.needs.map((n) => CATEGORY_LABELS[n][lang]).join('・')}
            </li>
          ))}
        </ul>
        {c.household.patterns.length > 0 && (
          <p>
            {s.patterns}: <strong data-testid="household-patterns">{c.household.patterns.map((x) => HOUSEHOLD_PATTERN_LABELS[x][lang]).join('・')}</strong>
          </p>
        )}
        {c.canEdit && !editing && (
          <div class="row">
            <button
              type="button"
              class="btn"
              ref={editButton}
              data-testid="edit-person"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {s.editPerson}
            </button>
          </div>
        )}
        {saved && !editing && (
          <p role="status" class="muted" data-testid="person-saved">
            {s.personSaved}
          </p>
        )}
        {c.canEdit && editing && (
          <PersonForm
            c={c}
            onSaved={(next) => {
              props.onChanged(next);
              close(true);
            }}
            onCancel={() => close(false)}
          />
        )}
      </section>
    </>
  );
}

let nextKey = 0;
const draftOf = (m: CaseDetailView['household']['members'][number]): MemberDraft => ({
  key: nextKey++,
  relationship: m.relationship,
  name: m.name ?? '',
  description: m.description ?? undefined,
  ageBand: m.ageBand ?? '',
  needs: [...m.needs],
});

function PersonForm(props: { c: CaseDetailView; onSaved: (c: CaseDetailView) => void; onCancel: () => void }) {
  const s = usePage(casesPage);
  const lang = useT().htmlLang === 'en' ? 'en' : 'ja';
  const p = props.c.person;
  const [name, setName] = useState(p.name ?? '');
  const [description, setDescription] = useState(p.description ?? '');
  const [ageBand, setAgeBand] = useState<AgeBand | ''>(p.ageBand ?? '');
  const [area, setArea] = useState(p.addressArea ?? '');
  const [members, setMembers] = useState<MemberDraft[]>(() => props.c.household.members.map(draftOf));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  // before the browser paints: the form never shows without the focus in it (keyboard and screen-reader users)
  useLayoutEffect(() => first.current?.focus(), []);

  const update = (key: number, change: Partial<MemberDraft>) => setMembers((list) => list.map((m) => (m.key === key ? { ...m, ...change } : m)));
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const person = { name: optional(name), description: optional(description), ageBand: ageBand || undefined, addressArea: optional(area) };
      const household = {
        members: members.map((m) => ({ relationship: m.relationship, name: optional(m.name), description: m.description, ageBand: m.ageBand || undefined, needs: m.needs })),
      };
      props.onSaved(await casesApi.edit(props.c.id, { person, household }));
    } catch (e) {
      setError(errorText(e, s.loadError));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="case-subform"
      aria-labelledby="person-form-title"
      data-testid="person-form"
      onSubmit={(ev) => void submit(ev)}
      onKeyDown={(ev) => {
        if (ev.key === 'Escape') {
          ev.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <h4 id="person-form-title">{s.editPersonTitle}</h4>
      <fieldset>
        <legend>{s.person}</legend>
        <label>
          {s.personName}
          <input ref={first} maxLength={100} value={name} data-testid="person-name" onInput={(ev) => setName((ev.target as HTMLInputElement).value)} />
        </label>
        <label>
          {s.personDescription}
          <input maxLength={500} value={description} data-testid="person-description" onInput={(ev) => setDescription((ev.target as HTMLInputElement).value)} />
        </label>
        <div class="action-row">
          <label>
            {s.ageBand}
            <select value={ageBand} data-testid="person-age" onChange={(ev) => setAgeBand((ev.target as HTMLSelectElement).value as AgeBand | '')}>
              <option value="">—</option>
              <Options values={AGE_BANDS} label={(a) => AGE_BAND_LABELS[a][lang]} />
            </select>
          </label>
          <label>
            {s.addressArea}
            <input maxLength={100} value={area} data-testid="person-area" onInput={(ev) => setArea((ev.target as HTMLInputElement).value)} />
          </label>
        </div>
      </fieldset>
      <fieldset data-testid="members-form">
        <legend>{s.household}</legend>
        {members.length === 0 && <p class="muted">{s.noMembers}</p>}
        {members.map((m, i) => (
          <fieldset key={m.key} class="member" data-testid="member-form">
            <legend>{s.memberN(i + 1)}</legend>
            <div class="action-row">
              <label>
                {s.relationship}
                <select value={m.relationship} data-testid="member-relationship" onChange={(ev) => update(m.key, { relationship: (ev.target as HTMLSelectElement).value as Relationship })}>
                  <Options values={RELATIONSHIPS} label={(r) => RELATIONSHIP_LABELS[r][lang]} />
                </select>
              </label>
              <label>
                {s.memberName}
                <input maxLength={100} value={m.name} data-testid="member-name" onInput={(ev) => update(m.key, { name: (ev.target as HTMLInputElement).value })} />
              </label>
              <label>
                {s.ageBand}
                <select value={m.ageBand} data-testid="member-age" onChange={(ev) => update(m.key, { ageBand: (ev.target as HTMLSelectElement).value as AgeBand | '' })}>
                  <option value="">—</option>
                  <Options values={AGE_BANDS} label={(a) => AGE_BAND_LABELS[a][lang]} />
                </select>
              </label>
            </div>
            <fieldset class="needs">
              <legend>{s.memberNeeds}</legend>
              {CATEGORIES.map((cat) => (
                <label key={cat} class="check">
                  <input
                    type="checkbox"
                    data-testid="member-need"
                    data-need={cat}
                    checked={m.needs.includes(cat)}
                    onChange={(ev) => update(m.key, { needs: (ev.target as HTMLInputElement).checked ? [...m.needs, cat] : m.needs.filter((n) => n !== cat) })}
                  />
                  {CATEGORY_LABELS[cat][lang]}
                </label>
              ))}
            </fieldset>
            <div class="row">
              <button type="button" class="btn" data-testid="member-remove" onClick={() => setMembers((list) => list.filter((x) => x.key !== m.key))}>
                {s.removeMember(i + 1)}
              </button>
            </div>
          </fieldset>
        ))}
        <div class="row">
          <button
            type="button"
            class="btn"
            data-testid="member-add"
            onClick={() => setMembers((list) => [...list, { key: nextKey++, relationship: list.length === 0 ? 'self' : 'parent', name: '', ageBand: '', needs: [] }])}
          >
            {s.addMember}
          </button>
        </div>
      </fieldset>
      <div class="row">
        <button type="submit" class="btn primary" data-testid="person-submit" disabled={busy}>
          {s.savePerson}
        </button>
        <button type="button" class="btn" data-testid="person-cancel" onClick={props.onCancel}>
          {s.cancel}
        </button>
      </div>
      <ErrorText error={error} testId="person-error" />
    </form>
  );
}

/**
 * The per-municipality settings file (hotlines, staffed hours, holidays, escalation), validated
 * with zod. Every object is strict: a misspelt key (`statr:`) is an error, not silently ignored,
 * because a wrong hotline or opening hour reaches a person in crisis.
 *
 * See config/municipality.example.yaml for a commented example.
 */
import { z } from 'zod';
import { CATEGORIES } from '../triage/lexicon';
import { LANGS } from '../contracts/enums';
import { agencyBody } from '../contracts/case';

export { LANGS };
export type MunicipalityLang = (typeof LANGS)[number];

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "HH:MM" → minutes after midnight. `24:00` is allowed as an end ("until midnight"). */
export function parseTime(s: string): number {
  const [h, m] = s.split(':').map(Number);
  return h * 60 + m;
}

const isTime = (s: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return false;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return (h < 24 && min < 60) || (h === 24 && min === 0);
};

const isMonthDay = (s: string) => {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
};

const isFullDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A type error message that says "is required" for a missing value. */
const typeError = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message);

const time = z.string({ error: typeError('must be HH:MM') }).refine(isTime, 'must be HH:MM (00:00–24:00)');
/** A date that recurs every year ("MM-DD") or a single date ("YYYY-MM-DD"). */
const dateSpec = z
  .string({ error: typeError('must be MM-DD or YYYY-MM-DD') })
  .refine((s) => isMonthDay(s) || isFullDate(s), 'must be MM-DD (every year) or YYYY-MM-DD (one date)');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const timeRangeSchema = z
  .strictObject({ start: time, end: time })
  .refine((r) => !isTime(r.start) || !isTime(r.end) || parseTime(r.start) < parseTime(r.end), {
    message: 'start must be before end (a range cannot pass midnight; split it over two days)',
    path: ['end'],
  });
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** The ranges of one day: sorted by start, not overlapping (touching is fine: 17:15–17:15). */
const dayHours = z.array(timeRangeSchema).superRefine((ranges, ctx) => {
  const sorted = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => parseTime(a.start) - parseTime(b.start));
  for (let k = 1; k < sorted.length; k++) {
    if (parseTime(sorted[k].start) < parseTime(sorted[k - 1].end)) {
      ctx.addIssue({
        code: 'custom',
        path: [sorted[k].i, 'start'],
        message: `overlaps ${sorted[k - 1].start}–${sorted[k - 1].end}`,
      });
    }
  }
});

/** A week of ranges, every day listed (`[]`: none that day). */
const weeklyHours = z.strictObject({
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
});
export type WeeklyHours = z.infer<typeof weeklyHours>;

/** When a hotline answers: `24h`, the same ranges every day, or a week like staffedHours. */
const openHours = z.union([z.literal('24h'), dayHours.min(1, 'give at least one range, or 24h'), weeklyHours], {
  error: 'must be 24h, a list of { start, end } ranges (every day), or mon … sun like staffedHours',
});
export type OpenHours = z.infer<typeof openHours>;

const localized = z.strictObject({ ja: nonEmpty, en: nonEmpty, 'easy-ja': nonEmpty });
export type LocalizedText = z.infer<typeof localized>;

/** `"12-31"` is shorthand for `{ from: "12-31", to: "12-31" }`. */
const closedDate = z.preprocess(
  (v) => (typeof v === 'string' ? { from: v, to: v } : v),
  z
    .strictObject({ from: dateSpec, to: dateSpec, note: z.string().optional() })
    .superRefine((r, ctx) => {
      const fromFull = isFullDate(r.from);
      const toFull = isFullDate(r.to);
      if ((isMonthDay(r.from) || fromFull) && (isMonthDay(r.to) || toFull)) {
        if (fromFull !== toFull) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: 'from and to must both be MM-DD or both be YYYY-MM-DD' });
        } else if (fromFull && r.from > r.to) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
        }
        // MM-DD with from > to wraps over the new year (12-29 … 01-03).
      }
    }),
);
export type ClosedDate = z.infer<typeof closedDate>;

/** `"2026-03-29"` is shorthand for `{ date: "2026-03-29" }` (that weekday's usual hours). */
const extraOpenDate = z.preprocess(
  (v) => (typeof v === 'string' ? { date: v } : v),
  z.strictObject({ date: dateSpec, hours: dayHours.min(1, 'give at least one range, or leave hours out').optional(), note: z.string().optional() }),
);
export type ExtraOpenDate = z.infer<typeof extraOpenDate>;

const phoneNumber = z
  .string({ error: typeError('must be a phone number as text (quote it: "0570-783-556")') })
  .trim()
  .regex(/^[#+]?[0-9][0-9\-() ]*$/, 'must be a phone number: digits, -, ( ), optionally starting with # or +');

const httpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, 'must be an http(s) URL');

export const hotlineSchema = z.strictObject({
  /** Stable id (logs, audit, tests): lower-case letters, digits, - and _. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must use a-z, 0-9, - and _ only'),
  name: localized,
  number: phoneNumber,
  hours: localized,
  url: httpUrl.optional(),
  /** When it answers (machine-readable; `hours` says it in words). Absent: shown at any hour. */
  openHours: openHours.optional(),
  /** A page where one can write instead of calling (chat, e-mail): offered when a call is not safe. */
  chat: httpUrl.optional(),
  /**
   * Who it is for: `self` (the person in trouble, e.g. いのちの電話), `others` (someone worried
   * about another person), `all`. A neighbour reporting a worry is not given a line for the person themself.
   */
  audience: z.enum(['self', 'others', 'all'], { error: 'must be self, others or all' }).default('all'),
  /** Categories this hotline fits (triage categories). */
  topics: z.array(z.enum(CATEGORIES, { error: `must be one of: ${CATEGORIES.join(' ')}` })).default([]),
  /** Shown in every emergency, before the topical ones. */
  always: z.boolean().default(false),
  /** For the people who maintain the file; never shown. */
  note: z.string().optional(),
});
export type Hotline = z.infer<typeof hotlineSchema>;

/** Unique ids and at least one `always` hotline. Defensive: may see hotlines that failed parsing. */
function checkHotlineList(list: unknown[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  list.forEach((h, i) => {
    const id = (h as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${id}" (also hotlines[${first}])` });
    } else {
      seen.set(id, i);
    }
  });
  if (list.length > 0 && !list.some((h) => (h as { always?: unknown } | null)?.always === true)) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: 'at least one hotline must have `always: true` (e.g. 119 and 110), shown in every emergency',
    });
  }
}

/** One line of the on-call roster (e.g. 夜間・休日当番): its name (for staff and the notice) and hours. */
const rosterEntry = z.strictObject({
  name: nonEmpty,
  /** `24h`, `outsideStaffedHours` (nights, weekends, holidays, closed dates), or mon … sun. */
  hours: z.union([z.literal('24h'), z.literal('outsideStaffedHours'), weeklyHours], {
    error: 'must be 24h, outsideStaffedHours, or mon … sun like staffedHours',
  }),
});
export type RosterEntry = z.infer<typeof rosterEntry>;

export const municipalitySchema = z
  .strictObject({
    name: z.strictObject({ ja: nonEmpty, en: nonEmpty, 'easy-ja': nonEmpty.optional() }),
    timezone: z.string().default('Asia/Tokyo').refine(isTimeZone, 'must be an IANA time zone such as Asia/Tokyo'),
    /** Weekly schedule. Every day must be listed; `[]` means closed. */
    staffedHours: weeklyHours,
    holidays: z
      .strictObject({
        /** Closed on Japanese national holidays (and substitute holidays). */
        national: z.boolean().default(true),
        closedDates: z.array(closedDate).default([]),
        /** Open although the weekly schedule, a holiday or closedDates say closed. Wins over both. */
        extraOpenDates: z.array(extraOpenDate).default([]),
      })
      .default({ national: true, closedDates: [], extraOpenDates: [] }),
    escalation: z
      .strictObject({
        /** An emergency nobody on staff has acknowledged after this long goes to supervisors. */
        unacknowledgedMinutes: z.number().int('must be a whole number').min(1).max(1440).default(5),
        /**
         * Outgoing POST to the on-call phone/paging service: when an emergency escalates, and at
         * once when nobody is signed in. With `email`, the escalation targets (at least one is
         * expected: without, a crisis at night reaches no one and the start says so loudly).
         */
        webhookUrl: httpUrl.optional(),
        /** Addresses that get the same notice by e-mail (sent through SMTP_URL). */
        email: z.array(z.email('must be an e-mail address')).default([]),
        /** The on-call roster: who answers the escalation targets at which hours. */
        onCall: z.array(rosterEntry).default([]),
        /**
         * A person told that the on-call staff are being alerted is told the truth when every
         * target has refused the notice for this long: not reached yet, nobody can read it now,
         * call now (src/safety/tell-unreached.ts). 0: at the first refusal.
         */
        tellPersonUnreachedSeconds: z.number().int('must be a whole number').min(0).max(3600).default(60),
      })
      .default({ unacknowledgedMinutes: 5, email: [], onCall: [], tellPersonUnreachedSeconds: 60 }),
    /**
     * Starter 定型文 every agency's staff can pick in the inbox (read-only there; an agency adds its
     * own). `id` keeps a starter recognisable when its text is edited here.
     */
    cannedReplies: z
      .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and -'), title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(5000) }))
      .default([])
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'ids must be unique'),
    /**
     * The directory of agencies (相談機関一覧): added or updated by code at every start (an admin
     * can add more with POST /api/agencies; for the agencies listed here the file wins).
     */
    agencies: z
      .array(agencyBody)
      .default([])
      .refine((list) => new Set(list.map((a) => a.code)).size === list.length, 'codes must be unique'),
    hotlines: z.array(hotlineSchema).min(1, 'list at least one hotline').superRefine(checkHotlineList, {
      // Run even when single hotlines have errors, so every problem is reported at once.
      when: (payload) => Array.isArray(payload.value),
    }),
  })
  .superRefine((m, ctx) => {
    // A one-off extra open date on a weekday without regular hours needs its own hours.
    m.holidays.extraOpenDates.forEach((d, i) => {
      if (d.hours || !isFullDate(d.date)) return;
      const [y, mo, day] = d.date.split('-').map(Number);
      const wd = WEEKDAYS[new Date(Date.UTC(y, mo - 1, day)).getUTCDay()];
      if (m.staffedHours[wd].length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', 'extraOpenDates', i, 'hours'],
          message: `${d.date} is a ${wd}, which has no regular hours: give hours`,
        });
      }
    });
  });

/** A validated settings file. */
export type Municipality = z.infer<typeof municipalitySchema>;

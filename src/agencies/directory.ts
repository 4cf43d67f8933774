/**
 * The directory of agencies (相談機関一覧): field, contact details, coverage area. Triage's
 * categories suggest the fields that serve a need; staff choose the agency.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { agencies } from '../db/schema';
import type { AgencyBody, AgencyField, AgencyView, Category } from '../contracts';

/** Which fields serve which needs (a suggestion for the counsellor, not a rule). */
export const FIELDS_FOR_CATEGORY: Readonly<Record<Category, readonly AgencyField[]>> = {
  elderly: ['elderly'],
  disability: ['disability'],
  child: ['child'],
  poverty: ['poverty', 'social_welfare_council'],
  housing: ['housing', 'poverty'],
  employment: ['employment', 'poverty'],
  health: ['health_center', 'medical'],
  isolation: ['social_welfare_council', 'general'],
  hikikomori: ['health_center', 'general', 'poverty'],
  selfneglect: ['elderly', 'general'],
  abuse: ['child', 'elderly', 'disability'],
  dv: ['general', 'child'],
  suicide: ['health_center', 'medical'],
  debt: ['poverty', 'social_welfare_council'],
  foreign: ['general'],
  carer: ['elderly', 'child'],
  '8050': ['elderly', 'general', 'health_center'],
  other: ['general'],
};

export type AgencyRow = typeof agencies.$inferSelect;

export const presentAgency = (a: AgencyRow, suggested?: boolean): AgencyView => ({
  id: a.id,
  code: a.code,
  name: a.name,
  field: a.field,
  phone: a.phone,
  email: a.email,
  address: a.address,
  coverageArea: a.coverageArea,
  coordinating: a.coordinating,
  ...(suggested === undefined ? {} : { suggested }),
});

/** Every agency; with categories, those whose field serves one of them are marked and listed first. */
export async function listDirectory(db: DbOrTx, categories: Category[] = []): Promise<AgencyView[]> {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.name));
  if (categories.length === 0) return rows.map((a) => presentAgency(a));
  const fields = new Set(categories.flatMap((c) => FIELDS_FOR_CATEGORY[c]));
  const views = rows.map((a) => presentAgency(a, fields.has(a.field)));
  return [...views.filter((v) => v.suggested), ...views.filter((v) => !v.suggested)];
}

/** Adds an agency or updates the one with the same code (admin, or the municipality file at start). */
export async function saveAgency(db: DbOrTx, input: AgencyBody): Promise<AgencyView> {
  const values = {
    name: input.name,
    field: input.field,
    phone: input.phone ?? null,
    email: input.email ?? null,
    address: input.address ?? null,
    coverageArea: input.coverageArea,
    coordinating: input.coordinating,
  };
  const [row] = await db
    .insert(agencies)
    .values({ code: input.code, ...values })
    .onConflictDoUpdate({ target: agencies.code, set: values })
    .returning();
  return presentAgency(row);
}

export async function agencyByCode(db: DbOrTx, code: string): Promise<AgencyRow | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
  return row ?? null;
}

export async function agencyById(db: DbOrTx, id: string): Promise<AgencyRow | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row ?? null;
}

/** At start: the agencies of the municipality file, added or updated by code. */
export async function loadDirectory(db: DbOrTx, list: readonly AgencyBody[]): Promise<void> {
  for (const a of list) await saveAgency(db, a);
}

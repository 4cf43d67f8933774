/** Referral queries: the incoming or outgoing list of an agency, one referral for its two agencies. */
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { agencies, cases, referrals } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { isUuid, mayViewReferral } from '../policies/case';
import { AppError } from '../errors';
import type { ReferralRow } from './answer-referral';

export interface ReferralRecord {
  ref: ReferralRow;
  caseNumber: string;
  from: { code: string; name: string };
  to: { code: string; name: string };
}

async function withNames(db: DbOrTx, refs: ReferralRow[]): Promise<ReferralRecord[]> {
  if (refs.length === 0) return [];
  const agencyIds = [...new Set(refs.flatMap((r) => [r.fromAgencyId, r.toAgencyId]))];
  const names = new Map((await db.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds))).map((a) => [a.id, a]));
  const numbers = new Map((await db.select({ id: cases.id, number: cases.number }).from(cases).where(inArray(cases.id, [...new Set(refs.map((r) => r.caseId))]))).map((c) => [c.id, c.number]));
  const pick = (id: string) => ({ code: names.get(id)!.code, name: names.get(id)!.name });
  return refs.map((ref) => ({ ref, caseNumber: numbers.get(ref.caseId)!, from: pick(ref.fromAgencyId), to: pick(ref.toAgencyId) }));
}

export async function listReferrals(db: Db, staff: SessionStaff, direction: 'incoming' | 'outgoing'): Promise<ReferralRecord[]> {
  const column = direction === 'incoming' ? referrals.toAgencyId : referrals.fromAgencyId;
  const rows = await db.select().from(referrals).where(eq(column, staff.agencyId)).orderBy(desc(referrals.sentAt)).limit(200);
  return withNames(db, rows);
}

export async function referralRecord(db: DbOrTx, id: string): Promise<ReferralRecord> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  if (!row) throw new AppError('not_found');
  return (await withNames(db, [row]))[0];
}

/** A referral one of its two agencies asks for; 404 to anyone else. */
export async function loadReferralFor(db: Db, staff: SessionStaff, id: string): Promise<ReferralRecord> {
  if (!isUuid(id)) throw new AppError('not_found');
  const record = await referralRecord(db, id);
  if (!mayViewReferral(staff, record.ref)) throw new AppError('not_found');
  return record;
}

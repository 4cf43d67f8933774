/**
 * Who is on duty, one definition used everywhere (crisis reply, escalation, README):
 *
 *   - `staff`: a staff member of the agency is signed in to the inbox, i.e. has it open (a live
 *     /staff socket; a session cookie alone is not someone looking: a browser closed at 17:15
 *     keeps its session until it expires);
 *   - `on_call`: nobody has the inbox open, but the municipality file's on-call roster covers
 *     this hour and there is an escalation target (webhook or e-mail) to reach them through;
 *   - `nobody`: neither.
 *
 * Open inboxes are kept in Redis (a sorted set per agency: socket → expiry), written by every API
 * process (src/safety/inbox-presence.ts) and read here by the workers, which may run elsewhere.
 * If Redis cannot be read, nobody is taken to be signed in: the person is then told to call now
 * and the targets are paged at once, which is the safe mistake.
 */
import type { Redis } from 'ioredis';
import type { Context } from '../context';
import type { DutyState } from '../contracts';
import { onCallAt, type RosterEntry } from '../municipality';
import { escalationTargets } from './escalation-targets';

/** An entry not refreshed for this long is an inbox that went away without saying so (a crashed API). */
export const OPEN_INBOX_TTL_MS = 60_000;

export const openInboxKey = (prefix: string, agencyId: string) => `${prefix}:inbox-open:${agencyId}`;

/** How many inboxes of the agency are open now. */
export async function openInboxCount(redis: Redis, prefix: string, agencyId: string, now = Date.now()): Promise<number> {
  const key = openInboxKey(prefix, agencyId);
  const [, count] = (await redis.multi().zremrangebyscore(key, '-inf', now).zcount(key, now, '+inf').exec()) ?? [];
  if (!count || count[0]) throw count?.[0] ?? new Error('redis answered nothing');
  return Number(count[1]);
}

export interface Duty {
  state: DutyState;
  /** Open inboxes of the agency (0 when Redis could not be read). */
  openInboxes: number;
  /** The roster line covering the hour, if any. */
  onCall: RosterEntry | null;
}

export async function whoIsOnDuty(ctx: Context, agencyId: string, at: Date): Promise<Duty> {
  let openInboxes = 0;
  try {
    openInboxes = await openInboxCount(ctx.redis, ctx.config.QUEUE_PREFIX, agencyId, at.getTime());
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'open inboxes unknown (Redis): nobody taken to be signed in');
  }
  const onCall = onCallAt(ctx.municipality, at);
  const reachable = onCall !== null && escalationTargets(ctx.municipality, ctx.config).usable;
  return { state: openInboxes > 0 ? 'staff' : reachable ? 'on_call' : 'nobody', openInboxes, onCall };
}

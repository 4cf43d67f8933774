/**
 * Keeps the Redis record of open inboxes (src/safety/on-duty.ts) for one API process: a /staff
 * socket is added when it connects, refreshed while it stays, removed when it goes. A process
 * that dies stops refreshing, and its entries expire within OPEN_INBOX_TTL_MS.
 */
import type { StaffNamespace } from '../server/namespaces';
import type { Context } from '../context';
import { OPEN_INBOX_TTL_MS, openInboxKey } from './on-duty';

const REFRESH_MS = OPEN_INBOX_TTL_MS / 3;

export function trackOpenInboxes(staff$: StaffNamespace, ctx: Context): { stop(): Promise<void> } {
  const prefix = ctx.config.QUEUE_PREFIX;
  const warn = (err: unknown) => ctx.log.warn({ err: (err as Error).message }, 'open inbox not recorded (Redis)');
  const mark = (agencyId: string, socketId: string) =>
    ctx.redis.zadd(openInboxKey(prefix, agencyId), Date.now() + OPEN_INBOX_TTL_MS, socketId).catch(warn);

  staff$.on('connection', (socket) => {
    const { agencyId } = socket.data.staff;
    void mark(agencyId, socket.id);
    socket.on('disconnect', () => void ctx.redis.zrem(openInboxKey(prefix, agencyId), socket.id).catch(warn));
  });
  const timer = setInterval(() => {
    for (const s of staff$.sockets.values()) if (s.data.staff) void mark(s.data.staff.agencyId, s.id);
  }, REFRESH_MS);
  timer.unref();

  return {
    stop: async () => {
      clearInterval(timer);
      // Going down: these inboxes are closed now, not in a minute.
      const local = [...staff$.sockets.values()].filter((s) => s.data.staff);
      await Promise.all(local.map((s) => ctx.redis.zrem(openInboxKey(prefix, s.data.staff.agencyId), s.id).catch(warn)));
    },
  };
}

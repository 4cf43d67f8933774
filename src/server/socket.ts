/**
 * Socket.IO: `/staff` (session cookie, same-origin only; one room per agency so nobody gets
 * another agency's events) and `/widget` (anonymous bearer token; one room per conversation).
 * The redis adapter lets events published by workers in other processes reach these sockets.
 * A staff socket lives no longer than its session: cut on logout and on a disabled account (rooms
 * per session and per staff member, reached through the adapter from any process), at expiry
 * (a timer), and by a periodic recheck that catches anything else (e.g. the CLI without Redis).
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import cookieParser from 'cookie-parser';
import { parse as parseCookie } from 'cookie';
import type { Context } from '../context';
import { createRedis } from '../redis';
import { findSession, liveSessionIds } from '../auth/sessions';
import { findWidgetSession } from '../channels/widget/sessions';
import { rooms, socketKey } from '../events/publisher';
import { SESSION_COOKIE } from './middleware/staff-auth';
import { isSameOrigin, requestProtocol, trustProxySetting } from './middleware/same-origin';
import { widgetCorsOrigin } from './app';
import { socketPresence } from './presence';
import { staffNamespace, widgetNamespace } from './namespaces';
import { z } from 'zod';
import { mayUseInbox } from '../policies/roles';
import { roomsFor } from '../policies/rooms';
import { conversationVisibleTo } from '../conversations/find';
import { socketError } from '../errors';
import { trackOpenInboxes } from '../safety/inbox-presence';

const typingEvent = z.object({ conversationId: z.uuid(), active: z.boolean() }).strict();

export interface SocketServer {
  io: Server;
  close(): Promise<void>;
}

export function attachSocketServer(http: HttpServer, ctx: Context): SocketServer {
  const pub = createRedis(ctx.config.REDIS_URL);
  const sub = pub.duplicate();
  const io = new Server(http, {
    cors: { origin: widgetCorsOrigin(ctx.config.WIDGET_ALLOWED_ORIGINS), credentials: false },
    adapter: createAdapter(pub, sub, { key: socketKey(ctx.config.QUEUE_PREFIX) }),
    maxHttpBufferSize: 1e6,
  });
  const staff$ = staffNamespace(io);
  const widget$ = widgetNamespace(io);

  staff$.use(async (socket, next) => {
    try {
      const headers = socket.handshake.headers;
      // Cross-site WebSocket hijacking defence: the page must be ours.
      const ours = { host: headers.host, protocol: requestProtocol(socket.request, trustProxySetting(ctx.config.TRUST_PROXY)) };
      if (!isSameOrigin(headers.origin, headers['sec-fetch-site'] as string | undefined, ours)) {
        return next(socketError('cross_origin'));
      }
      const raw = parseCookie(headers.cookie ?? '')[SESSION_COOKIE];
      const token = raw ? cookieParser.signedCookie(raw, ctx.config.sessionSecret) : false;
      const session = token ? await findSession(ctx.db, token) : null;
      if (!session) return next(socketError('unauthenticated'));
      const { staff } = session;
      // The system operator sees no agency's consultations, so no agency's live events either.
      if (!mayUseInbox(staff)) return next(socketError('forbidden'));
      socket.data.staff = staff;
      socket.data.sessionId = session.sessionId;
      socket.data.expiresAt = session.expiresAt.getTime();
      await socket.join(roomsFor(staff, session.sessionId));
      next();
    } catch {
      next(socketError('internal'));
    }
  });

  const presence = socketPresence(io);
  // Who is on duty (src/safety/on-duty.ts): the workers read the open inboxes from Redis.
  const openInboxes = trackOpenInboxes(staff$, ctx);
  // Once closing, nothing more is published: the Redis clients are about to go away, and a
  // publish on a closed client is a rejected promise nobody is waiting for.
  let closing = false;
  const announcePresence = async (agencyId: string) => {
    if (closing) return;
    try {
      const online = await presence.online(agencyId);
      if (closing) return;
      staff$.to(rooms.agency(agencyId)).emit('presence', { staff: online });
    } catch (err) {
      ctx.log.warn({ err: (err as Error).message }, 'presence not announced');
    }
  };

  staff$.on('connection', (socket) => {
    const { staff } = socket.data;
    // setTimeout holds at most ~24.8 days; a longer session is caught by the recheck below.
    const expiry = setTimeout(() => socket.disconnect(true), Math.min(socket.data.expiresAt - Date.now(), 2 ** 31 - 1));
    socket.on('disconnect', () => clearTimeout(expiry));
    void announcePresence(staff.agencyId);
    // A counsellor is writing an answer: colleagues see it (no two answer blindly at once) and
    // so does the person, in the widget. Only for conversations of the counsellor's agency.
    socket.on('typing', async (payload) => {
      const parsed = typingEvent.safeParse(payload);
      if (!parsed.success) return;
      const { conversationId, active } = parsed.data;
      // A handler's rejection would be nobody's: a database hiccup must not end the process.
      const visible = await conversationVisibleTo(ctx.db, staff, conversationId).catch((err: Error) => {
        ctx.log.warn({ err: err.message }, 'typing not relayed');
        return false;
      });
      if (!visible || closing) return;
      socket.to(rooms.agency(staff.agencyId)).emit('conversation:typing', { conversationId, staffId: staff.id, name: staff.name, active });
      ctx.publisher.widgetTyping(conversationId, active);
    });
    socket.on('disconnect', () => void announcePresence(staff.agencyId));
  });

  const recheck = setInterval(() => void endDeadSessions(), ctx.config.STAFF_SESSION_RECHECK_SECONDS * 1000);
  recheck.unref();
  const endDeadSessions = async () => {
    const local = [...staff$.sockets.values()];
    if (local.length === 0 || closing) return;
    try {
      const alive = await liveSessionIds(ctx.db, [...new Set(local.map((s) => s.data.sessionId))]);
      for (const s of local) if (!alive.has(s.data.sessionId)) s.disconnect(true);
    } catch (err) {
      ctx.log.warn({ err: (err as Error).message }, 'staff sessions not rechecked');
    }
  };

  widget$.use(async (socket, next) => {
    try {
      const token = socket.handshake.auth?.token;
      const session = typeof token === 'string' ? await findWidgetSession(ctx.db, token) : null;
      if (!session) return next(socketError('invalid_session'));
      await socket.join(rooms.conversation(session.conversationId));
      next();
    } catch {
      next(socketError('internal'));
    }
  });

  return {
    io,
    close: async () => {
      closing = true;
      clearInterval(recheck);
      await openInboxes.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // quit, not disconnect: commands already sent get their answers first.
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

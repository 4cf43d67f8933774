/**
 * The two Socket.IO namespaces, typed with the contract (src/contracts/socket-events.ts). One
 * server carries both, each with its own event maps, so they are typed here rather than through
 * the server's own generics.
 */
import type { Namespace, Server } from 'socket.io';
import type { StaffClientEvents, StaffServerEvents, WidgetClientEvents, WidgetServerEvents } from '../contracts';
import type { SessionStaff } from '../auth/sessions';

/** Set by the `/staff` handshake; nothing in it comes from the client. */
export interface StaffSocketData {
  staff: SessionStaff;
  sessionId: string;
  /** Session expiry, epoch milliseconds: the socket is cut then. */
  expiresAt: number;
}

export type StaffNamespace = Namespace<StaffClientEvents, StaffServerEvents, Record<string, never>, StaffSocketData>;
export type WidgetNamespace = Namespace<WidgetClientEvents, WidgetServerEvents>;

export const staffNamespace = (io: Server) => io.of('/staff') as unknown as StaffNamespace;
export const widgetNamespace = (io: Server) => io.of('/widget') as unknown as WidgetNamespace;

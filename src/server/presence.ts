/**
 * Who is on duty: staff with an open inbox (a connected /staff socket), per agency, across API
 * replicas (the redis adapter answers fetchSockets for every node).
 */
import type { Server } from 'socket.io';
import { rooms } from '../events/publisher';
import { staffNamespace } from './namespaces';
import type { SessionStaff } from '../auth/sessions';

export interface Presence {
  online(agencyId: string): Promise<Pick<SessionStaff, 'id' | 'name' | 'role'>[]>;
}

export function socketPresence(io: Server): Presence {
  return {
    online: async (agencyId) => {
      const sockets = await staffNamespace(io).in(rooms.agency(agencyId)).fetchSockets();
      const byId = new Map<string, Pick<SessionStaff, 'id' | 'name' | 'role'>>();
      for (const s of sockets) {
        const { staff } = s.data;
        if (staff) byId.set(staff.id, { id: staff.id, name: staff.name, role: staff.role });
      }
      return [...byId.values()];
    },
  };
}

/** Until the socket server is attached (and in processes without one), nobody is shown online. */
export const noPresence: Presence = { online: async () => [] };

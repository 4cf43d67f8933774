import { roomsFor } from '../../../src/policies/rooms';
import { authorize, mayUseInbox, mayUseQueueDashboard } from '../../../src/policies/roles';
import type { SessionStaff } from '../../../src/auth/sessions';

const member = (role: SessionStaff['role']): SessionStaff => ({ id: `s-${role}`, email: `${role}@example.jp`, name: role, role, agencyId: 'a1' });

describe('policies shared by routes, socket rooms and the queue dashboard', () => {
  test('a counsellor joins its session, its account and its agency; supervisors and admins also the supervisors room', () => {
    expect(roomsFor(member('counsellor'), 'sess')).toEqual(['session:sess', 'staff:s-counsellor', 'agency:a1']);
    for (const role of ['supervisor', 'admin'] as const) expect(roomsFor(member(role), 'sess')).toEqual(['session:sess', `staff:s-${role}`, 'agency:a1', 'agency:a1:supervisors']);
  });

  test('the inbox is for agency staff, the queue dashboard for the operator only; a refusal is a 403 value', () => {
    expect(['counsellor', 'supervisor', 'admin', 'operator'].map((r) => [r, mayUseInbox(member(r as SessionStaff['role'])), mayUseQueueDashboard(member(r as SessionStaff['role']))])).toEqual([
      ['counsellor', true, false],
      ['supervisor', true, false],
      ['admin', true, false],
      ['operator', false, true],
    ]);
    expect(() => authorize(false)).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    expect(() => authorize(true)).not.toThrow();
  });
});

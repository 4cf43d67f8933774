/**
 * アウトリーチ reminders survive the workers: a follow-up's reminder is a delayed BullMQ job in
 * Redis, so it fires when it is due even if the workers that were running when it was scheduled
 * are gone; and when Redis lost the job, the sweeper re-creates it from the database. The
 * reminder reaches the owner's inbox (`followup:due`) once. Postgres: API and workers apart,
 * sharing one database and queue prefix.
 */
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { followUps } from '../../src/db/schema';
import { jobId } from '../../src/queues';
import { connectStaffSocket, eventually, newPrefix, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { createTestDatabase, testDatabases } from '../helpers/databases';
import { json, post, seedConversation } from '../helpers/cases';

const pgOnly = testDatabases().includes('postgres') ? describe : describe.skip;

pgOnly('follow-up reminders (Postgres, API and workers apart)', () => {
  const prefix = newPrefix();
  let database: { url: string; drop(): Promise<void> };
  let api: TestApp;
  let workers: TestApp | undefined;
  let socket: Socket;
  let caseId: string;

  const startWorkers = () => startTestApp({ databaseUrl: database.url, role: 'workers', queuePrefix: prefix });
  const schedule = async (inMs: number) => {
    const res = await post(api, `/api/cases/${caseId}/follow-ups`, { kind: 'visit', dueAt: new Date(Date.now() + inMs).toISOString(), note: '自宅訪問' });
    expect(res.status).toBe(201);
    return (await json(res)).followUp;
  };
  const remindedAt = async (id: string) => (await api.runtime.ctx.db.select().from(followUps).where(eq(followUps.id, id)))[0].remindedAt;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp({ databaseUrl: database.url, role: 'api', queuePrefix: prefix });
    const conv = await seedConversation(api, { texts: ['一人暮らしの父が心配'], share: 'yes' });
    caseId = (await json(await post(api, '/api/cases', { conversationIds: [conv.id] }))).case.id;
    socket = await connectStaffSocket(api);
  });
  afterAll(async () => {
    socket?.disconnect();
    await workers?.close();
    await api?.close();
    await database?.drop();
  });

  test('a reminder scheduled before the workers restart fires after they are back, once, to the owner', async () => {
    workers = await startWorkers();
    // due well after the workers are gone: closing them took over 3 s on a busy 2-core machine
    const dueAt = Date.now() + 8000;
    const f = await schedule(8000);
    await workers.close(); // the workers go away before it is due
    workers = undefined;
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt + 500 - Date.now())));
    expect(await remindedAt(f.id)).toBeNull(); // nobody was there to fire it

    const seen: string[] = [];
    socket.on('followup:due', (e) => seen.push(e.followUp.id));
    const due = waitForEvent(socket, 'followup:due', (e) => e.followUp.id === f.id);
    workers = await startWorkers();
    const { followUp } = await due;
    await new Promise((r) => setTimeout(r, 2500)); // a sweep or two later: still one reminder
    expect(seen.filter((id) => id === f.id)).toHaveLength(1);
    expect(followUp).toMatchObject({ caseId, kind: 'visit', ownerId: api.staffId, overdue: true, doneAt: null });
    expect(followUp.caseNumber).toMatch(/^R\d+-\d{6}$/);
    expect(await remindedAt(f.id)).not.toBeNull();

    const mine = await json(await staffFetch(api, '/api/follow-ups'));
    expect(mine.followUps.find((x: any) => x.id === f.id)).toMatchObject({ overdue: true });
    const done = await post(api, `/api/follow-ups/${f.id}/done`, {});
    expect((await json(done)).followUp.doneAt).not.toBeNull();
    expect((await json(await staffFetch(api, '/api/follow-ups'))).followUps.map((x: any) => x.id)).not.toContain(f.id);
    await workers.close();
    workers = undefined;
  });

  test('when Redis lost the job, the sweeper re-creates it from the database', async () => {
    const f = await schedule(500);
    const queue = api.runtime.ctx.queues.followUp;
    await queue.remove(jobId.followUp(f.id));
    expect(await queue.getJob(jobId.followUp(f.id))).toBeUndefined();
    await new Promise((r) => setTimeout(r, 800));

    const due = waitForEvent(socket, 'followup:due', (e) => e.followUp.id === f.id, 30_000);
    workers = await startWorkers(); // sweeps every second; re-queues follow-ups due and never reminded
    await due;
    await eventually(async () => (await remindedAt(f.id)) !== null);
  });
});

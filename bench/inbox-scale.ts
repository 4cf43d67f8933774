/**
 * Inbox at scale: 10,000 conversations and 200,000 messages in the database, then the staff
 * list's first page, a later page, a filter and a Japanese substring search, timed through the
 * real HTTP API (with a logged-in counsellor).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Runtime } from '../src/runtime';
import { addStaff } from '../src/staff/add-staff';

export const TEXTS = [
  '母の介護のことで相談したいです。最近物忘れがひどくなってきました',
  '仕事を失って家賃が払えません',
  '子どもが学校に行けなくなって半年になります',
  '近所の一人暮らしのおじいさんを最近見かけません',
  '借金の返済が苦しくて生活ができません',
  '息子が10年ひきこもっていて、親も高齢になりました',
  '障害のある娘の将来が心配です',
  '夫の言葉の暴力がつらいです',
];

export async function benchInboxScale(rt: Runtime, summary: (xs: number[]) => string, conversationsCount: number, perConversation: number) {
  const db = rt.ctx.db;
  const result = (await db.execute(sql`select id from agencies where code = 'intake'`)) as unknown as { rows: { id: string }[] };
  const agencyId = result.rows[0].id;
  const tag = randomBytes(3).toString('hex');
  const t0 = performance.now();
  await db.execute(sql`insert into contacts (agency_id, channel, external_id)
    select ${agencyId}::uuid, 'widget', ${`bench-${tag}-`} || g from generate_series(1, ${conversationsCount}) g`);
  await db.execute(sql`insert into conversations (agency_id, contact_id, channel, status, triage, last_message_at)
    select ${agencyId}::uuid, c.id, 'widget', (array['new','open','waiting','closed'])[1 + (c.n % 4)],
      jsonb_build_object('categories', jsonb_build_array((array['elderly','employment','child','isolation','debt','hikikomori','disability','dv'])[1 + (c.n % 8)]),
        'urgency', case when c.n % 500 = 0 then 'emergency' else 'normal' end, 'reporter', 'self', 'reasons', '[]'::jsonb),
      now() - (c.n || ' minutes')::interval
    from (select id, row_number() over () as n from contacts where external_id like ${`bench-${tag}-%`}) c`);
  // One conversation in 200 mentions a ゴミ屋敷, so the search has few, scattered hits.
  // Seeded as already triaged and handled, like a real history: the workers stay idle.
  await db.execute(sql`insert into messages (conversation_id, agency_id, channel, direction, author_type, text, created_at, triaged_at, dialogued_at)
    select c.id, c.agency_id, 'widget', 'in', 'person',
      case when g = 1 and (hashtext(c.id::text) % 200) = 0 then '隣の家がゴミ屋敷になっていて心配です'
           else (array[${sql.raw(TEXTS.map((t) => `'${t}'`).join(','))}])[1 + ((hashtext(c.id::text) + g) & 7)] end,
      now() - ((20 - g) || ' seconds')::interval, now(), now()
    from conversations c
    join contacts k on k.id = c.contact_id and k.external_id like ${`bench-${tag}-%`}
    cross join generate_series(1, ${perConversation}) g`);
  const seedSeconds = (performance.now() - t0) / 1000;

  const email = `bench-${tag}@example.jp`;
  await addStaff(db, { email, name: 'ベンチ', password: 'bench password long', role: 'counsellor', agencyCode: 'intake' });
  const login = await fetch(`${rt.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: rt.url! }, body: JSON.stringify({ email, password: 'bench password long' }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const get = async (path: string) => {
    const s = performance.now();
    const res = await fetch(`${rt.url}${path}`, { headers: { cookie } });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return { ms: performance.now() - s, body };
  };
  const timeIt = async (path: string, runs = 15) => {
    await get(path); // warm
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) xs.push((await get(path)).ms);
    return xs;
  };
  const first = await get('/api/conversations');
  const cursor = first.body.nextCursor as string;
  const hits = (await get(`/api/conversations?q=${encodeURIComponent('ゴミ')}&limit=200`)).body.conversations.length;
  console.log(`seeded ${conversationsCount} conversations and ${conversationsCount * perConversation} messages in ${seedSeconds.toFixed(1)} s`);
  console.log(`list, first page (50):            ${summary(await timeIt('/api/conversations'))}`);
  console.log(`list, second page (cursor):        ${summary(await timeIt(`/api/conversations?cursor=${cursor}`))}`);
  console.log(`list, urgency + category filter:   ${summary(await timeIt('/api/conversations?urgency=normal&category=elderly'))}`);
  console.log(`search 「ゴミ」 (${hits} hits):          ${summary(await timeIt(`/api/conversations?q=${encodeURIComponent('ゴミ')}`))}`);
  console.log(`search 「屋敷」:                    ${summary(await timeIt(`/api/conversations?q=${encodeURIComponent('屋敷')}`))}`);
}

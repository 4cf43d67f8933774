/**
 * A referral across two agencies, live: both agencies' inboxes get `referral:updated` when it is
 * sent and when it is accepted or returned (a third agency gets nothing). The つなぐシート PDF
 * is real Japanese text: pdftotext (poppler-utils) reads the key fields back.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Socket } from 'socket.io-client';
import { connectStaffSocket, staffFetch, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { addAgencyWithCounsellor, json, post, seedConversation, type OtherAgency } from '../helpers/cases';

const run = promisify(execFile);

describe('referral round trip (pglite)', () => {
  let app: TestApp;
  let receiver: OtherAgency;
  let bystander: OtherAgency;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    receiver = await addAgencyWithCounsellor(app, 'poverty', '市自立相談支援機関');
    bystander = await addAgencyWithCounsellor(app, 'child', 'こども家庭センター');
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.close();
  });

  const socketOf = async (who: TestApp) => {
    const s = await connectStaffSocket(who);
    sockets.push(s);
    return s;
  };

  test('sent, then returned, then sent again and accepted: both agencies see each change live, nobody else', async () => {
    const [senderSocket, receiverSocket, bystanderSocket] = [await socketOf(app), await socketOf(receiver.as), await socketOf(bystander.as)];
    const leaked: unknown[] = [];
    bystanderSocket.on('referral:updated', (e) => leaked.push(e));

    const conv = await seedConversation(app, { texts: ['仕事を失って家賃が払えません'], share: 'yes' });
    const { case: c } = await json(await post(app, '/api/cases', { conversationIds: [conv.id] }));
    const sentAtSender = waitForEvent(senderSocket, 'referral:updated', (e) => e.referral.caseId === c.id && e.referral.state === 'sent');
    const sentAtReceiver = waitForEvent(receiverSocket, 'referral:updated', (e) => e.referral.caseId === c.id && e.referral.state === 'sent');
    const first = (await json(await post(app, `/api/cases/${c.id}/referrals`, { toAgency: receiver.code, summary: '住居確保給付金の相談' }))).referral;
    expect((await sentAtReceiver).referral).toMatchObject({ id: first.id, fromAgency: { code: 'intake' }, toAgency: { code: receiver.code } });
    await sentAtSender;

    const returned = waitForEvent(senderSocket, 'referral:updated', (e) => e.referral.id === first.id && e.referral.state === 'returned');
    expect((await post(receiver.as, `/api/referrals/${first.id}/return`, {})).status).toBe(400); // a reason is required
    expect((await post(receiver.as, `/api/referrals/${first.id}/return`, { reason: '管轄外の地区です' })).status).toBe(200);
    expect((await returned).referral.returnReason).toBe('管轄外の地区です');
    // Returned: the receiving agency no longer sees the case.
    expect((await staffFetch(receiver.as, `/api/cases/${c.id}`)).status).toBe(404);

    const second = (await json(await post(app, `/api/cases/${c.id}/referrals`, { toAgency: receiver.code, summary: '再度お願いします' }))).referral;
    const acceptedAtSender = waitForEvent(senderSocket, 'referral:updated', (e) => e.referral.id === second.id && e.referral.state === 'accepted');
    const acceptedAtReceiver = waitForEvent(receiverSocket, 'referral:updated', (e) => e.referral.id === second.id && e.referral.state === 'accepted');
    expect((await post(receiver.as, `/api/referrals/${second.id}/accept`, {})).status).toBe(200);
    await Promise.all([acceptedAtSender, acceptedAtReceiver]);
    const outgoing = await json(await staffFetch(app, '/api/referrals?direction=outgoing'));
    expect(outgoing.referrals.filter((r: any) => r.caseId === c.id).map((r: any) => r.state).sort()).toEqual(['accepted', 'returned']);
    expect(leaked).toEqual([]);
  });

  test('the つなぐシート PDF holds the key fields in Japanese', async () => {
    const conv = await seedConversation(app, { texts: ['母の年金だけで暮らしていて不安です'], share: 'yes' });
    const { case: c } = await json(
      await post(app, '/api/cases', {
        conversationIds: [conv.id],
        person: { name: '鈴木 一郎', ageBand: '40-64', addressArea: '北地区' },
        household: { members: [{ relationship: 'parent', name: '鈴木 ハナ', ageBand: '75plus', needs: ['elderly'] }] },
      }),
    );
    const { referral } = await json(await post(app, `/api/cases/${c.id}/referrals`, { toAgency: receiver.code, summary: '就労と家計の支援をお願いします', quotes: conv.messageIds, urgency: 'high' }));
    const res = await staffFetch(receiver.as, `/api/referrals/${referral.id}/sheet.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-')), 'sheet.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const text = stdout.replace(/\s+/g, '');
    for (const field of ['つなぐシート', c.number, '鈴木一郎', '40〜64歳', '北地区', '親鈴木ハナ', '75歳以上', '母の年金だけで暮らしていて不安です', '就労と家計の支援をお願いします', '市自立相談支援機関', '福祉の総合相談窓口', '相談員太郎', '高', '同意あり']) {
      expect(text).toContain(field.replace(/\s+/g, ''));
    }
    // The sheet is the receiver's and the sender's only.
    expect((await staffFetch(bystander.as, `/api/referrals/${referral.id}/sheet.pdf`)).status).toBe(404);
  });
});

/**
 * In Chromium, the two inbox paths that need time or a failure: a crisis nobody acknowledges
 * turns the supervisor's banner into an escalation, and the alert says when the on-call target
 * refused the notice (「当番への通知が届いていません」); a LINE answer that LINE rejected shows as
 * failed with its reason, and the retry button delivers it once; a case is handed to a team.
 */
import type { BrowserContext } from 'playwright-core';
import { addLoggedInStaff, connectStaffSocket, eventually, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, screenshot } from '../helpers/browser';
import { municipalityWithWebhook } from '../helpers/municipality';
import { startOnCallWebhook, type OnCallWebhook } from '../helpers/on-call-webhook';
import { openWidgetSession, widgetSend } from '../helpers/widget';
import { addTeam } from '../../src/teams/teams';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import { postWebhook, textEvent, webhookBody } from '../fixtures/line-events';
import type { MessagesEventPayload } from '../../src/contracts/socket-events';

jest.setTimeout(90_000);

describe('inbox escalation and delivery retry in Chromium', () => {
  let app: TestApp;
  let line: FakeLineApi;
  let browser: { context: BrowserContext; close(): Promise<void> };
  // The on-call paging service: down (refusing every notice) until the test brings it back.
  let onCall: OnCallWebhook;

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: 'e2e-token' });
    onCall = await startOnCallWebhook(503);
    app = await startTestApp({
      db: 'pglite',
      env: {
        MUNICIPALITY_FILE: municipalityWithWebhook(onCall.url),
        ESCALATION_AFTER_SECONDS: '2', LINE_CHANNEL_SECRET: 'e2e-secret', LINE_CHANNEL_ACCESS_TOKEN: 'e2e-token', LINE_API_BASE_URL: line.url },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await line?.close();
    await onCall?.close();
  });

  test('an unacknowledged crisis escalates on the supervisor’s screen', async () => {
    const supervisor = await addLoggedInStaff(app, 'supervisor', '主任 花子');
    const page = await browser.context.newPage();
    await loginToInbox(page, app.url, supervisor.email, supervisor.password);
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '今夜、首をつろうと思います');
    const alert = page.locator(`[data-testid="alert-item"][data-conversation-id="${s.conversationId}"]`);
    await alert.waitFor();
    await page.locator('[data-testid="alert-banner"][data-escalated="true"]').waitFor({ timeout: 20_000 });
    await alert.locator('.escalated-label').waitFor();
    // The on-call target refused the notice: the alert says so, in words a counsellor acts on.
    const unreached = alert.getByTestId('alert-unreached');
    await unreached.waitFor({ timeout: 20_000 });
    expect(await unreached.textContent()).toMatch(/当番への通知が届いていません（\d+回失敗、最後は.+。再送中）/);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'alert-escalation-unreached-phone.png');
    // The service is back: the next attempt is accepted and the alert says the on-call staff have it.
    onCall.status = 200;
    const reached = alert.getByTestId('alert-reached');
    await reached.waitFor({ timeout: 30_000 });
    expect(await reached.textContent()).toMatch(/^当番に通知済み（.+）$/);
    expect(await alert.getByTestId('alert-unreached').count()).toBe(0);
    await alert.getByTestId('alert-ack').click();
    await alert.waitFor({ state: 'detached' });
    await page.close();
  });

  test('a failed LINE answer shows why, and 再送 delivers it once', async () => {
    const userId = fakeLineUserId();
    const socket = await connectStaffSocket(app);
    const created = waitForEvent<MessagesEventPayload>(socket, 'message:created', (p) => p.messages.some((m) => m.text === '再送の確認'));
    await postWebhook(app.url, webhookBody([textEvent({ userId, text: '再送の確認', replyToken: 'y'.repeat(32), timestamp: Date.now() - 600_000 })]), 'e2e-secret');
    const { conversationId } = await created;
    socket.disconnect();
    // The bot's acknowledgement goes first; the failure below must hit the counsellor's answer.
    await eventually(async () => line.delivered().some((c) => c.body.to === userId));

    await browser.context.clearCookies(); // the supervisor of the first test logs out
    const page = await browser.context.newPage();
    await loginToInbox(page, app.url, app.staffEmail, app.staffPassword);
    await conversationItem(page, conversationId).click();
    line.failNext(400, 1);
    await page.getByTestId('reply-input').fill('お返事です（再送テスト）');
    await page.getByTestId('reply-send').click();
    const mine = page.locator('[data-testid="staff-message"][data-author="staff"]', { hasText: 'お返事です（再送テスト）' });
    await page.locator('[data-testid="staff-message"][data-delivery="failed"]', { hasText: 'お返事です（再送テスト）' }).waitFor({ timeout: 20_000 });
    await mine.getByTestId('delivery-retry').click();
    await page.locator('[data-testid="staff-message"][data-delivery="sent"]', { hasText: 'お返事です（再送テスト）' }).waitFor({ timeout: 20_000 });
    expect(line.delivered().filter((c) => c.body.to === userId && c.body.messages.some((m: { text: string }) => m.text === 'お返事です（再送テスト）'))).toHaveLength(1);
    await page.close();
  });

  test('a counsellor hands a conversation to a team', async () => {
    const team = await addTeam(app.runtime.ctx.db, { agencyCode: 'intake', name: '高齢・介護班' });
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '父が夜中に家を出てしまいます');
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await loginToInbox(page, app.url, app.staffEmail, app.staffPassword);
    await conversationItem(page, s.conversationId).click();
    await page.getByTestId('assign-select').selectOption(`team:${team.id}`);
    await page.getByTestId('assign-submit').click();
    await page.locator(`[data-testid="team"][data-team="${team.id}"]`, { hasText: '高齢・介護班' }).waitFor();
    const row = await eventually(async () => (await (await fetch(`${app.url}/api/conversations/${s.conversationId}`, { headers: { cookie: app.staffCookie } })).json()).conversation);
    expect(row.team).toBe(team.id);
    await page.close();
  });
});

/**
 * The staff inbox in Chromium with colleagues on the same shift: a claim by one counsellor is seen
 * by another at once, so is their typing; a canned answer reaches the widget; internal notes stay
 * inside and arrive live; the supervisor sees the shift and reassigns in bulk.
 * Screenshot: inbox-shift.png.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { addStaff } from '../../src/staff/add-staff';
import { eventually, login as apiLogin, startTestApp, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, SCREENSHOTS } from '../helpers/browser';
import { openWidgetSession, widgetSend as send, widgetThread, type WidgetSession } from '../helpers/widget';

jest.setTimeout(150_000);

const widgetSession = (app: TestApp) => openWidgetSession(app.url);
const widgetSend = async (app: TestApp, s: WidgetSession, text: string) => void (await send(app.url, s, text));
const widgetMessages = (app: TestApp, s: WidgetSession) => widgetThread(app.url, s);

const login = (page: Page, app: TestApp, email: string, password: string) => loginToInbox(page, app.url, email, password);
const item = conversationItem;

async function newStaff(app: TestApp, role: 'counsellor' | 'supervisor' | 'admin', name: string) {
  const email = `${role}${randomBytes(4).toString('hex')}@example.jp`;
  const password = 'another long password';
  const staff = await addStaff(app.runtime.ctx.db, { email, name, password, role, agencyCode: 'intake' });
  return { id: staff.id, name, email, password };
}

describe('staff inbox in Chromium: colleagues on one shift', () => {
  let app: TestApp;
  // One browser per person: each has their own session cookie.
  let b1: { context: BrowserContext; close(): Promise<void> };
  let b2: { context: BrowserContext; close(): Promise<void> };
  let b3: { context: BrowserContext; close(): Promise<void> };
  let taro: Page;
  let hanako: Page;
  let sup: Page;
  let hanakoStaff: { id: string; name: string; email: string; password: string };
  let supStaff: { id: string; name: string; email: string; password: string };
  let s: WidgetSession;
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    hanakoStaff = await newStaff(app, 'counsellor', '相談員 花子');
    supStaff = await newStaff(app, 'supervisor', '推進員 次郎');
    [b1, b2, b3] = await Promise.all([launchBrowser(), launchBrowser(), launchBrowser()]);
    taro = await b1.context.newPage();
    hanako = await b2.context.newPage();
    sup = await b3.context.newPage();
    for (const p of [taro, hanako, sup]) {
      await p.setViewportSize({ width: 1280, height: 800 });
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    }
    s = await widgetSession(app);
    await widgetSend(app, s, '近所の高齢の方が最近見かけなくて心配です');
  });
  afterAll(async () => {
    await Promise.all([b1?.close(), b2?.close(), b3?.close()]);
    await app?.close();
  });

  test('both counsellors log in and see each other on duty', async () => {
    await login(taro, app, app.staffEmail, app.staffPassword);
    await login(hanako, app, hanakoStaff.email, hanakoStaff.password);
    await taro.locator(`[data-testid="presence-item"][data-id="${hanakoStaff.id}"]`).waitFor({ state: 'attached' });
    await hanako.locator(`[data-testid="presence-item"][data-id="${app.staffId}"]`).waitFor({ state: 'attached' });
    await expect(
      taro.locator(`[data-testid="presence-item"][data-id="${hanakoStaff.id}"]`).textContent(),
    ).resolves.toContain('オンライン');
  });

  test('a claim by one counsellor is seen by the other at once, and so is their typing', async () => {
    await item(taro, s.conversationId).click();
    await item(hanako, s.conversationId).click();
    await taro.getByTestId('conversation-view').waitFor();
    await hanako.getByTestId('conversation-view').waitFor();

    await taro.getByTestId('claim').click();
    await hanako.locator(`[data-testid="assignee"][data-assignee="${app.staffId}"]`).waitFor();
    await expect(hanako.getByTestId('assignee').textContent()).resolves.toContain('相談員 太郎');
    await hanako.locator(`[data-testid="conversation-item"][data-id="${s.conversationId}"][data-assignee="${app.staffId}"]`).waitFor();

    await taro.getByTestId('reply-input').click();
    await taro.getByTestId('reply-input').pressSequentially('お電話でお話し', { delay: 30 });
    const typing = hanako.getByTestId('other-typing');
    await typing.waitFor();
    await expect(typing.textContent()).resolves.toContain('相談員 太郎さんが入力中…');
    // Never shown to the one typing.
    expect(await taro.getByTestId('other-typing').count()).toBe(0);

    // Clearing the box ends it.
    await taro.getByTestId('reply-input').fill('');
    await taro.getByTestId('reply-input').press('Backspace');
    await typing.waitFor({ state: 'detached', timeout: 10_000 });
  });

  test('a canned answer is inserted, sent, and reaches the widget', async () => {
    // Counsellors may not add canned answers; supervisors may.
    const counsellorAdd = await fetch(`${app.url}/api/canned-replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url, cookie: app.staffCookie },
      body: JSON.stringify({ title: 'x', text: 'y' }),
    });
    expect(counsellorAdd.status).toBe(403);
    const supCookie = await apiLogin(app.url, supStaff.email, supStaff.password);
    const added = await fetch(`${app.url}/api/canned-replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url, cookie: supCookie },
      body: JSON.stringify({ title: '初回のごあいさつ', text: 'ご連絡ありがとうございます。担当の相談員です。お話を聞かせてください。' }),
    });
    expect(added.status).toBe(201);

    await taro.getByTestId('canned-picker').click();
    await taro.getByTestId('canned-item').filter({ hasText: '初回のごあいさつ' }).click();
    await eventually(async () => (await taro.getByTestId('reply-input').inputValue()).includes('担当の相談員です。お話を聞かせてください。'), 5000);
    await taro.getByTestId('reply-send').click();
    await taro
      .locator('[data-testid="staff-message"][data-direction="out"]')
      .filter({ hasText: 'お話を聞かせてください' })
      .waitFor();
    await eventually(async () =>
      (await widgetMessages(app, s)).some((m) => m.direction === 'out' && m.author === 'staff' && m.text.includes('お話を聞かせてください')),
    );
    // The colleague sees the answer live, with its delivery state.
    const seen = hanako.locator('[data-testid="staff-message"][data-direction="out"]').filter({ hasText: 'お話を聞かせてください' });
    await seen.waitFor();
    await eventually(async () => (await seen.getAttribute('data-delivery')) === 'sent');
  });

  test('internal notes stay inside and arrive live for colleagues', async () => {
    await taro.getByTestId('tab-notes').click();
    await hanako.getByTestId('tab-notes').click();
    await taro.getByTestId('note-input').fill('民生委員さんにも確認済み。<b>夜間</b>は電話がつながりにくい');
    await taro.getByTestId('note-add').click();
    await taro.getByTestId('note-item').filter({ hasText: '<b>夜間</b>は電話がつながりにくい' }).waitFor();
    await hanako.getByTestId('note-item').filter({ hasText: '<b>夜間</b>は電話がつながりにくい' }).waitFor();
    expect((await widgetMessages(app, s)).some((m) => m.text.includes('民生委員'))).toBe(false);
    await taro.getByTestId('tab-messages').click();
  });

  test('a crisis alert acknowledged by one counsellor disappears for the other', async () => {
    const crisis = await widgetSession(app);
    await widgetSend(app, crisis, 'もう死にたい。薬を全部飲んだ');
    const sel = `[data-testid="alert-item"][data-conversation-id="${crisis.conversationId}"]`;
    await taro.locator(sel).waitFor();
    await hanako.locator(sel).waitFor();
    await hanako.locator(sel).getByTestId('alert-ack').click();
    await taro.locator(sel).waitFor({ state: 'detached' });
    await hanako.locator(sel).waitFor({ state: 'detached' });
  });

  test('consent: the latest answer per scope, recorded by staff, with history on demand', async () => {
    const consent = taro.getByTestId('consent-state');
    await consent.waitFor();
    await taro.getByTestId('consent-record-toggle').click();
    await taro.getByTestId('consent-scope').selectOption('share');
    await taro.getByTestId('consent-answer').selectOption('withdrawn');
    await taro.getByTestId('consent-submit').click();
    await consent.locator('[data-scope="share"][data-answer="withdrawn"]').filter({ hasText: '撤回' }).waitFor();
    await taro.getByTestId('consent-history-toggle').click();
    await expect(taro.getByTestId('consent-history').textContent()).resolves.toContain('職員が記録');
  });

  test('the supervisor sees the shift and reassigns in bulk; everyone sees it', async () => {
    const s2 = await widgetSession(app);
    await widgetSend(app, s2, '仕事を失って家賃が払えません');
    await login(sup, app, supStaff.email, supStaff.password);
    await item(sup, s.conversationId).waitFor();
    await item(sup, s2.conversationId).waitFor();

    await sup.getByTestId('shift-tab').click();
    const shift = sup.getByTestId('shift-view');
    await shift.waitFor();
    await sup.locator(`[data-testid="shift-row"][data-id="${app.staffId}"]`).waitFor();
    await expect(sup.locator(`[data-testid="shift-row"][data-id="${app.staffId}"]`).textContent()).resolves.toContain('1');
    await sup.getByTestId('shift-chart').waitFor();
    await sup.screenshot({ path: path.join(SCREENSHOTS, 'inbox-shift.png') });

    await sup.locator(`[data-testid="bulk-select"][data-id="${s.conversationId}"]`).check();
    await sup.locator(`[data-testid="bulk-select"][data-id="${s2.conversationId}"]`).check();
    await sup.getByTestId('bulk-assign-staff').selectOption(hanakoStaff.id);
    await sup.getByTestId('bulk-assign').click();
    await hanako.locator(`[data-testid="conversation-item"][data-id="${s.conversationId}"][data-assignee="${hanakoStaff.id}"]`).waitFor();
    await hanako.locator(`[data-testid="conversation-item"][data-id="${s2.conversationId}"][data-assignee="${hanakoStaff.id}"]`).waitFor();
    await taro.locator(`[data-testid="assignee"][data-assignee="${hanakoStaff.id}"]`).waitFor();

    // "Mine" now lists both for 花子.
    await hanako.getByTestId('filter-assignee').selectOption('me');
    await eventually(async () => (await hanako.getByTestId('conversation-item').count()) === 2);

    // The audit log of a conversation, for supervisors.
    await item(sup, s.conversationId).click();
    await sup.getByTestId('audit-open').click();
    await sup.getByTestId('audit-entry').first().waitFor();
    expect(dialogs).toEqual([]);
  });

  test('status and triage corrections apply for everyone', async () => {
    await taro.getByTestId('triage-edit').click();
    await taro.getByTestId('triage-urgency').selectOption('high');
    await taro.locator('[data-testid="triage-category"][data-code="isolation"]').check();
    await taro.getByTestId('triage-save').click();
    await hanako.locator(`[data-testid="conversation-item"][data-id="${s.conversationId}"][data-urgency="high"]`).waitFor();
    await taro.locator('[data-testid="category-tag"][data-code="isolation"]').filter({ hasText: '孤立' }).waitFor();

    await taro.locator('[data-testid="status-button"][data-status="waiting"]').click();
    await hanako.locator(`[data-testid="conversation-item"][data-id="${s.conversationId}"][data-status="waiting"]`).waitFor();
    await taro.locator('[data-testid="status-button"][data-status="closed"]').click();
    await taro.locator(`[data-testid="conversation-view"][data-status="closed"]`).waitFor();
    await taro.locator('[data-testid="status-button"][data-status="open"]').click();
    await taro.locator(`[data-testid="conversation-view"][data-status="open"]`).waitFor();
  });
});

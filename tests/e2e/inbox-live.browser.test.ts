/**
 * The staff inbox in Chromium, one counsellor on a night shift: login, a message written in the
 * widget appears live with its unread count, a crisis is pinned, flashes the tab title, beeps and
 * is announced until acknowledged, hostile text stays text, and a reply can be written with the
 * keyboard alone. Screenshots: inbox-list.png, inbox-crisis.png, inbox-narrow.png.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, SCREENSHOTS } from '../helpers/browser';
import { openWidgetSession, widgetSend as send, widgetThread, type WidgetSession } from '../helpers/widget';

jest.setTimeout(120_000);

const widgetSession = (app: TestApp) => openWidgetSession(app.url);
const widgetSend = async (app: TestApp, s: WidgetSession, text: string) => void (await send(app.url, s, text));
const widgetMessages = (app: TestApp, s: WidgetSession) => widgetThread(app.url, s);

const login = (page: Page, app: TestApp, email = app.staffEmail, password = app.staffPassword) => loginToInbox(page, app.url, email, password);
const item = conversationItem;

describe('staff inbox in Chromium: one counsellor', () => {
  let app: TestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    browser = await launchBrowser();
    // Count the crisis beeps (WebAudio oscillators) without any hook in the product.
    await browser.context.addInitScript(() => {
      const w = window as unknown as { __beeps: number };
      w.__beeps = 0;
      const proto = (window.AudioContext ?? (window as any).webkitAudioContext)?.prototype;
      if (proto) {
        const orig = proto.createOscillator;
        proto.createOscillator = function (this: AudioContext) {
          w.__beeps++;
          return orig.call(this);
        };
      }
    });
    page = await browser.context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('login shows who I am, my role and the live status', async () => {
    await page.goto(`${app.url}/inbox`);
    await page.getByTestId('login-email').fill(app.staffEmail);
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await login(page, app);
    await expect(page.getByTestId('me').textContent()).resolves.toContain('相談員 太郎');
    await expect(page.getByTestId('me-role').textContent()).resolves.toBe('相談員');
    await expect(page.getByTestId('live-status').textContent()).resolves.toContain('リアルタイム更新中');
    // English on demand, Japanese again.
    await page.getByTestId('lang-switch').selectOption('en');
    await expect(page.getByTestId('live-status').textContent()).resolves.toContain('Live');
    await expect(page.getByTestId('me-role').textContent()).resolves.toBe('Counsellor');
    await page.getByTestId('lang-switch').selectOption('ja');
    await expect(page.getByTestId('live-status').textContent()).resolves.toContain('リアルタイム更新中');
    // Counsellors get no supervisor views.
    expect(await page.getByTestId('shift-tab').count()).toBe(0);
  });

  test('a widget message appears live in the list and its unread count grows', async () => {
    const s = await widgetSession(app);
    await widgetSend(app, s, '母の介護のことで相談したいです');
    const conv = item(page, s.conversationId);
    await conv.waitFor();
    await conv.filter({ hasText: '母の介護のことで相談したいです' }).waitFor();
    const before = Number(await conv.getAttribute('data-unread'));
    expect(before).toBeGreaterThan(0);
    await expect(conv.getByTestId('unread-badge').textContent()).resolves.toContain(`未読 ${before}件`);

    await widgetSend(app, s, '夜になると特に不安です');
    await conv.filter({ hasText: '夜になると特に不安です' }).waitFor();
    await eventually(async () => Number(await conv.getAttribute('data-unread')) > before);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-list.png') });

    // Opening it marks it read, and the history is there, bot replies marked as such.
    await conv.click();
    await page.getByTestId('staff-message').filter({ hasText: '夜になると特に不安です' }).waitFor();
    await eventually(async () => (await conv.getAttribute('data-unread')) === '0');
    const bot = page.locator('[data-testid="staff-message"][data-author="bot"]');
    if ((await bot.count()) > 0) await expect(bot.first().getByTestId('bot-label').textContent()).resolves.toContain('自動応答');
  });

  test('search and filters narrow the list', async () => {
    const s = await widgetSession(app);
    await widgetSend(app, s, 'ゴミ屋敷になっている家が近所にあります');
    await item(page, s.conversationId).waitFor();
    await page.getByTestId('search-input').fill('ゴミ屋');
    await eventually(async () => (await page.getByTestId('conversation-item').count()) === 1);
    expect(await page.getByTestId('conversation-item').first().getAttribute('data-id')).toBe(s.conversationId);
    await page.getByTestId('search-input').fill('');
    await eventually(async () => (await page.getByTestId('conversation-item').count()) >= 2);

    await page.getByTestId('filter-channel').selectOption('line');
    await eventually(async () => (await page.getByTestId('conversation-item').count()) === 0);
    await page.getByTestId('filter-channel').selectOption('');
    await eventually(async () => (await page.getByTestId('conversation-item').count()) >= 2);
  });

  test('a crisis is pinned on top, flashes the title, beeps, is announced, and acknowledging removes it', async () => {
    const s = await widgetSession(app);
    const beepsBefore = await page.evaluate(() => (window as unknown as { __beeps: number }).__beeps);
    await widgetSend(app, s, 'もう死にたい。薬を全部飲んだ');

    const banner = page.getByTestId('alert-banner');
    await banner.waitFor();
    const alertItem = banner.locator(`[data-testid="alert-item"][data-conversation-id="${s.conversationId}"]`);
    await alertItem.waitFor();
    expect(await page.getByTestId('alert-announcer').textContent()).toContain('緊急アラート');

    // Pinned first, in red, with an icon and the word 緊急 (never colour alone).
    const first = page.getByTestId('conversation-item').first();
    await eventually(async () => (await first.getAttribute('data-id')) === s.conversationId);
    expect(await first.getAttribute('data-urgency')).toBe('emergency');
    await expect(first.getByTestId('emergency-pin').textContent()).resolves.toContain('緊急');

    // The tab title alternates.
    const titles = new Set<string>();
    for (let i = 0; i < 12; i++) {
      titles.add(await page.title());
      await page.waitForTimeout(250);
    }
    expect([...titles].some((t) => t.includes('【緊急】'))).toBe(true);
    expect([...titles].some((t) => !t.includes('【緊急】'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __beeps: number }).__beeps)).toBeGreaterThan(beepsBefore);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-crisis.png') });

    // "Open conversation" opens it.
    await alertItem.getByTestId('alert-open').click();
    await page.locator(`[data-testid="conversation-view"][data-id="${s.conversationId}"]`).waitFor();
    await page.getByTestId('staff-message').filter({ hasText: '薬を全部飲んだ' }).waitFor();

    // Acknowledge: gone, and the title stops flashing.
    const openAlerts = await (await fetch(`${app.url}/api/alerts?state=open`, { headers: { cookie: app.staffCookie, origin: app.url } })).json();
    const count = openAlerts.alerts.length as number;
    for (let i = 0; i < count; i++) {
      await page.getByTestId('alert-ack').first().click();
      await page.waitForTimeout(100);
    }
    await banner.waitFor({ state: 'detached' });
    await page.waitForTimeout(1200);
    expect(await page.title()).not.toContain('【緊急】');
  });

  test('hostile text in messages renders as text and opens no dialog', async () => {
    const s = await widgetSession(app);
    const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
    for (const p of payloads) await widgetSend(app, s, p);
    const conv = item(page, s.conversationId);
    await conv.waitFor();
    await conv.click();
    for (const p of payloads) await page.getByTestId('staff-message').filter({ hasText: p }).waitFor();
    // The list preview (whatever came last) is text too.
    const preview = await conv.locator('.conv-preview').textContent();
    expect(preview ?? '').not.toBe('');
    expect(await page.locator('[data-testid="staff-messages"] img, [data-testid="conversation-list"] img').count()).toBe(0);
    expect(await page.locator('[data-testid="staff-messages"] script').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
  });

  test('a reply can be written and sent with the keyboard alone', async () => {
    const s = await widgetSession(app);
    await widgetSend(app, s, 'キーボードだけで返事をもらえますか');
    await item(page, s.conversationId).waitFor();
    await page.goto(`${app.url}/inbox`);
    await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
    await item(page, s.conversationId).waitFor();

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { testid: el?.dataset.testid ?? '', id: el?.dataset.id ?? '' };
      });
    const tabTo = async (match: (f: { testid: string; id: string }) => boolean) => {
      for (let i = 0; i < 120; i++) {
        if (match(await focused())) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`not reached by Tab: ${JSON.stringify(await focused())}`);
    };
    await tabTo((f) => f.testid === 'conversation-item' && f.id === s.conversationId);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="conversation-view"][data-id="${s.conversationId}"]`).waitFor();
    await tabTo((f) => f.testid === 'reply-input');
    await page.keyboard.type('はい、キーボードでお返事しています。');
    await tabTo((f) => f.testid === 'reply-send');
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="staff-message"][data-direction="out"][data-author="staff"]')
      .filter({ hasText: 'キーボードでお返事しています' })
      .waitFor();
    await eventually(async () => (await widgetMessages(app, s)).some((m) => m.direction === 'out' && m.text.includes('キーボードでお返事')));
  });

  test('a lost connection shows 再接続中…; on reconnect missed messages arrive once', async () => {
    const s = await widgetSession(app);
    await widgetSend(app, s, '接続テストの最初のメッセージです');
    const conv = item(page, s.conversationId);
    await conv.waitFor();
    await conv.click();
    await page.getByTestId('staff-message').filter({ hasText: '接続テストの最初のメッセージです' }).waitFor();

    await browser.context.setOffline(true);
    await page.locator('[data-testid="live-status"][data-connected="false"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('live-status').textContent()).resolves.toContain('再接続中…');
    await widgetSend(app, s, '切断中に届いたメッセージです');
    await browser.context.setOffline(false);
    await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor({ timeout: 30_000 });
    const missed = page.getByTestId('staff-message').filter({ hasText: '切断中に届いたメッセージです' });
    await missed.waitFor();
    await page.waitForTimeout(500);
    expect(await missed.count()).toBe(1);
    expect(await page.getByTestId('staff-message').filter({ hasText: '接続テストの最初のメッセージです' }).count()).toBe(1);
  });

  test('narrow screen (390 px): list, then conversation with a way back', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/inbox`);
    await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
    await page.getByTestId('conversation-item').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-narrow.png') });
    const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    expect(noHorizontalScroll).toBe(true);
    await page.getByTestId('conversation-item').first().click();
    await page.getByTestId('conversation-view').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-narrow-conversation.png') });
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('conversation-item').first().waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(pageErrors).toEqual([]);
  });
});

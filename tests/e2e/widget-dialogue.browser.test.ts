/**
 * In a real browser, on a 360 px phone: the widget survives a lost connection (nothing typed is
 * lost, nothing is sent or shown twice), a message the server refuses does not hold up the ones
 * after it, the front-door bot's questions come with buttons, and a person on a Japanese browser
 * who writes English is answered in English, with the widget's own words following.
 */
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { messages } from '../../src/db/schema';
import { catalogues as botTexts } from '../../src/dialogue/texts';
import { catalogues as widgetTexts } from '../../widget/src/i18n';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { launchBrowser, SCREENSHOTS } from '../helpers/browser';
import { chatFrame, frameSession, openChat } from '../helpers/widget';

jest.setTimeout(90_000);

describe('widget dialogue in Chromium', () => {
  let app: TestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A new tab (so a new widget session: the frame keeps it in the tab's sessionStorage) on a 360 × 740 phone screen. */
  async function openWidget(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${app.url}/`);
    await openChat(page);
    return page;
  }

  async function storedCount(text: string): Promise<number> {
    const [row] = await app.runtime.ctx.db.select({ n: count() }).from(messages).where(eq(messages.text, text));
    return Number(row?.n ?? 0);
  }

  async function send(page: Page, text: string): Promise<void> {
    await chatFrame(page).getByTestId('widget-input').fill(text);
    await chatFrame(page).getByTestId('widget-send').click();
  }

  const bubble = (page: Page, text: string) => chatFrame(page).getByTestId('widget-message').filter({ hasText: text });
  const inState = (page: Page, state: string, text: string) =>
    chatFrame(page).locator(`[data-testid="widget-message"][data-state="${state}"]`, { hasText: text });

  test('reconnect and resend', async () => {
    const page = await openWidget();
    const first = '家賃が払えなくなりそうで困っています';
    const second = `電気も止まりそうです（${Date.now()}）`;
    const third = `ガスも心配です（${Date.now()}）`;
    const draft = '明日の午前中なら電話に出られます';

    await send(page, first);
    await inState(page, 'sent', first).waitFor();

    // The connection drops: the message waits in the outbox, marked as not sent.
    await browser.context.setOffline(true);
    await send(page, second);
    await inState(page, 'failed', second).waitFor();
    await chatFrame(page).getByTestId('widget-status').waitFor();
    await chatFrame(page).getByTestId('widget-input').fill(draft);
    expect(await storedCount(second)).toBe(0);

    // Back online: it is sent exactly once, shown once and as sent, and the draft is untouched.
    await browser.context.setOffline(false);
    await inState(page, 'sent', second).waitFor({ timeout: 40_000 });
    await eventually(async () => (await storedCount(second)) === 1);
    await expect(bubble(page, second).count()).resolves.toBe(1);
    await expect(chatFrame(page).getByTestId('widget-input').inputValue()).resolves.toBe(draft);

    // The server stores a message but its answer is lost on the way back: the widget resends with
    // the same clientMessageId, and the server recognises it.
    let dropped = 0;
    const ids: string[] = [];
    await page.route('**/api/widget/messages', async (route) => {
      const req = route.request();
      // No reading the thread until the resend happened (the thread would also tell the widget
      // the message is stored): this part is about the resend.
      if (req.method() !== 'POST') return ids.length < 2 ? route.abort('connectionreset') : route.continue();
      ids.push((req.postDataJSON() as { clientMessageId: string }).clientMessageId);
      if (dropped++ > 0) return route.continue();
      await route.fetch(); // reaches the server…
      await route.abort('connectionreset'); // …but the answer never arrives
    });
    // (Typing the third message replaces the draft; a new draft is typed before the reload.)
    await send(page, third);
    await inState(page, 'sent', third).waitFor({ timeout: 40_000 });
    await page.unroute('**/api/widget/messages');
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(1);
    expect(await storedCount(third)).toBe(1);
    await expect(bubble(page, third).count()).resolves.toBe(1);
    await expect(chatFrame(page).getByTestId('widget-input').inputValue()).resolves.toBe('');

    // A draft and the whole thread survive a reload.
    await chatFrame(page).getByTestId('widget-input').fill(draft);
    await page.reload();
    await openChat(page);
    for (const text of [first, second, third]) {
      await inState(page, 'sent', text).waitFor();
      await expect(bubble(page, text).count()).resolves.toBe(1);
    }
    await expect(chatFrame(page).getByTestId('widget-input').inputValue()).resolves.toBe(draft);
    for (const text of [first, second, third]) expect(await storedCount(text)).toBe(1);
    await page.close();
  });

  test('a message the server refuses is marked with the reason and does not hold up the next one', async () => {
    const page = await openWidget();
    const frame: FrameLocator = chatFrame(page);
    await send(page, '最初のメッセージです');
    await inState(page, 'sent', '最初のメッセージです').waitFor();
    const { conversationId } = (await frameSession(page))!;

    // Two messages the real server will refuse (as an older or newer server might): one arrives
    // too long (413), one with a malformed id (400). Only the request is altered on the way.
    await page.route('**/api/widget/messages', async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      const body = req.postDataJSON() as { text: string; clientMessageId: string };
      if (body.text.startsWith('長すぎる')) return route.continue({ postData: JSON.stringify({ ...body, text: 'あ'.repeat(5001) }) });
      if (body.text.startsWith('形が違う')) return route.continue({ postData: JSON.stringify({ ...body, clientMessageId: 'not valid!' }) });
      return route.continue();
    });
    // Written while offline, so all three wait in the outbox and go out in one run, in order.
    await browser.context.setOffline(true);
    await send(page, '長すぎるメッセージ');
    await send(page, '形が違うメッセージ');
    await send(page, '…助けてください');
    await inState(page, 'failed', '…助けてください').waitFor();
    await browser.context.setOffline(false);

    await inState(page, 'sent', '…助けてください').waitFor({ timeout: 40_000 });
    const tooLong = inState(page, 'rejected', '長すぎるメッセージ');
    const invalid = inState(page, 'rejected', '形が違うメッセージ');
    await expect(tooLong.getByTestId('widget-rejected-reason').textContent()).resolves.toContain('長すぎます（5000文字まで）');
    await expect(invalid.getByTestId('widget-rejected-reason').textContent()).resolves.toContain('受け付けられませんでした');
    const stored = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq));
    expect(stored.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['最初のメッセージです', '…助けてください']);
    await page.unroute('**/api/widget/messages');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-refused-360px.png') });

    // A refused message can be taken back, or put back in the text box to be corrected.
    await invalid.getByTestId('widget-remove').click();
    await expect(bubble(page, '形が違うメッセージ').count()).resolves.toBe(0);
    await tooLong.getByTestId('widget-edit').click();
    await expect(bubble(page, '長すぎるメッセージ').count()).resolves.toBe(0);
    await expect(frame.getByTestId('widget-input').inputValue()).resolves.toBe('長すぎるメッセージ');
    await frame.getByTestId('widget-send').click();
    await inState(page, 'sent', '長すぎるメッセージ').waitFor();
    // Nothing refused is left waiting after a reload either.
    await page.reload();
    await openChat(page);
    await inState(page, 'sent', '…助けてください').waitFor();
    await expect(chatFrame(page).locator('[data-testid="widget-message"][data-state="rejected"]').count()).resolves.toBe(0);
    await page.close();
  });

  test('bot buttons', async () => {
    const page = await openWidget();
    // Nothing yet says who is writing about whom, so the bot asks (with buttons).
    await send(page, '相談したいことがあります');

    // The front-door bot answers, labelled as automatic, and asks about whom with buttons.
    const frame = chatFrame(page);
    const subject = frame.locator('[data-testid="widget-choice"][data-data^="subject:"]');
    await subject.first().waitFor({ timeout: 20_000 });
    const botMessage = frame.locator('[data-testid="widget-message"][data-author="bot"]').last();
    await expect(botMessage.getAttribute('data-direction')).resolves.toBe('out');
    await expect(subject.count()).resolves.toBeGreaterThanOrEqual(3);

    // Keyboard reachable: the choice buttons take focus.
    const neighbour = frame.locator('[data-testid="widget-choice"][data-data="subject:neighbour"]');
    await neighbour.focus();
    await expect(neighbour.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Everything fits on a 360 px phone.
    const box = await neighbour.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await neighbour.click();

    // The answer goes out as the person's message; the old buttons go away; the bot offers anonymity.
    await frame.locator('[data-testid="widget-message"][data-direction="in"][data-state="sent"]').nth(1).waitFor();
    const anonymous = frame.locator('[data-testid="widget-choice"][data-data="anonymous:yes"]');
    await anonymous.waitFor({ timeout: 20_000 });
    await expect(frame.locator('[data-testid="widget-choice"][data-data^="subject:"]').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-bot-buttons-360px.png') });

    // Stored once, as the person's message carrying the button's data.
    const { conversationId } = (await frameSession(page))!;
    const inbound = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(inbound.filter((m) => m.direction === 'in')).toHaveLength(2);
    await page.close();
  });

  test('a Japanese browser, a message in English: the answers and the widget switch to English', async () => {
    const page = await openWidget();
    const frame = chatFrame(page);
    await expect(frame.getByTestId('widget-lang').inputValue()).resolves.toBe('ja');
    await send(page, 'Hello, I would like to talk about my son');
    await frame.locator('[data-testid="widget-message"][data-author="bot"]', { hasText: botTexts.en.askAnonymous }).waitFor({ timeout: 20_000 });
    await expect(frame.locator('[data-testid="widget-message"][data-author="bot"]').first().textContent()).resolves.toContain(botTexts.en.ack);
    // the selector and the widget's own words say the language the bot speaks
    await expect(frame.getByTestId('widget-lang').inputValue()).resolves.toBe('en');
    await expect(frame.getByTestId('widget-send').textContent()).resolves.toBe(widgetTexts.en.send);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-written-english-360px.png') });
    await page.close();
  });
});

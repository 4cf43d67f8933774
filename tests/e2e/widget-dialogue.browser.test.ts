/**
 * In a real browser, on a 360 px phone: the widget survives a lost connection (nothing typed is
 * lost, nothing is sent or shown twice), and the front-door bot's questions come with buttons.
 */
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { messages } from '../../src/db/schema';
import { eventually, startTestApp, type TestApp } from '../helpers/app';
import { launchBrowser, SCREENSHOTS } from '../helpers/browser';

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

  /** A new page with empty storage (so a new widget session) on a 360 × 740 phone screen. */
  async function openWidget(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${app.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByTestId('widget-open').click();
    return page;
  }

  async function storedCount(text: string): Promise<number> {
    const [row] = await app.runtime.ctx.db.select({ n: count() }).from(messages).where(eq(messages.text, text));
    return Number(row?.n ?? 0);
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.getByTestId('widget-input').fill(text);
    await page.getByTestId('widget-send').click();
  }

  const bubble = (page: Page, text: string) => page.getByTestId('widget-message').filter({ hasText: text });

  test('reconnect and resend', async () => {
    const page = await openWidget();
    const first = '家賃が払えなくなりそうで困っています';
    const second = `電気も止まりそうです（${Date.now()}）`;
    const third = `ガスも心配です（${Date.now()}）`;
    const draft = '明日の午前中なら電話に出られます';

    await send(page, first);
    await page.locator('[data-testid="widget-message"][data-state="sent"]', { hasText: first }).waitFor();

    // The connection drops: the message waits in the outbox, marked as not sent.
    await browser.context.setOffline(true);
    await send(page, second);
    await page.locator('[data-testid="widget-message"][data-state="failed"]', { hasText: second }).waitFor();
    await page.getByTestId('widget-status').waitFor();
    await page.getByTestId('widget-input').fill(draft);
    expect(await storedCount(second)).toBe(0);

    // Back online: it is sent exactly once, shown once and as sent, and the draft is untouched.
    await browser.context.setOffline(false);
    await page.locator('[data-testid="widget-message"][data-state="sent"]', { hasText: second }).waitFor({ timeout: 40_000 });
    await eventually(async () => (await storedCount(second)) === 1);
    await expect(bubble(page, second).count()).resolves.toBe(1);
    await expect(page.getByTestId('widget-input').inputValue()).resolves.toBe(draft);

    // The server stores a message but its answer is lost on the way back: the widget resends with
    // the same clientMessageId, and the server recognises it.
    let dropped = 0;
    const ids: string[] = [];
    await page.route('**/api/widget/messages', async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      ids.push((req.postDataJSON() as { clientMessageId: string }).clientMessageId);
      if (dropped++ > 0) return route.continue();
      await route.fetch(); // reaches the server…
      await route.abort('connectionreset'); // …but the answer never arrives
    });
    // (Typing the third message replaces the draft; a new draft is typed before the reload.)
    await send(page, third);
    await page.locator('[data-testid="widget-message"][data-state="sent"]', { hasText: third }).waitFor({ timeout: 40_000 });
    await page.unroute('**/api/widget/messages');
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(1);
    expect(await storedCount(third)).toBe(1);
    await expect(bubble(page, third).count()).resolves.toBe(1);
    await expect(page.getByTestId('widget-input').inputValue()).resolves.toBe('');

    // A draft and the whole thread survive a reload.
    await page.getByTestId('widget-input').fill(draft);
    await page.reload();
    await page.getByTestId('widget-open').click();
    for (const text of [first, second, third]) {
      await page.locator('[data-testid="widget-message"][data-state="sent"]', { hasText: text }).waitFor();
      await expect(bubble(page, text).count()).resolves.toBe(1);
    }
    await expect(page.getByTestId('widget-input').inputValue()).resolves.toBe(draft);
    for (const text of [first, second, third]) expect(await storedCount(text)).toBe(1);
    await page.close();
  });

  test('bot buttons', async () => {
    const page = await openWidget();
    // Nothing yet says who is writing about whom, so the bot asks (with buttons).
    await send(page, '相談したいことがあります');

    // The front-door bot answers, labelled as automatic, and asks about whom with buttons.
    const subject = page.locator('[data-testid="widget-choice"][data-data^="subject:"]');
    await subject.first().waitFor({ timeout: 20_000 });
    const botMessage = page.locator('[data-testid="widget-message"][data-author="bot"]').last();
    await expect(botMessage.getAttribute('data-direction')).resolves.toBe('out');
    await expect(subject.count()).resolves.toBeGreaterThanOrEqual(3);

    // Keyboard reachable: the choice buttons take focus.
    const neighbour = page.locator('[data-testid="widget-choice"][data-data="subject:neighbour"]');
    await neighbour.focus();
    await expect(neighbour.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(true);
    // Everything fits on a 360 px phone.
    const box = await neighbour.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await neighbour.click();

    // The answer goes out as the person's message; the old buttons go away; the bot offers anonymity.
    await page.locator('[data-testid="widget-message"][data-direction="in"][data-state="sent"]').nth(1).waitFor();
    const anonymous = page.locator('[data-testid="widget-choice"][data-data="anonymous:yes"]');
    await anonymous.waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid="widget-choice"][data-data^="subject:"]').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-bot-buttons-360px.png') });

    // Stored once, as the person's message carrying the button's data.
    const { conversationId } = await page.evaluate(() => JSON.parse(localStorage.getItem('tsunagu.widget.session') ?? '{}'));
    const inbound = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(inbound.filter((m) => m.direction === 'in')).toHaveLength(2);
    await page.close();
  });
});

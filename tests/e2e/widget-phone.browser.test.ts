/**
 * The widget on an old phone and by keyboard, in Chromium, embedded on a page of another origin:
 * touch screens write a new line with Enter; every phone number in an answer is a tel: link that
 * can be tapped and never breaks; the quick exit is always in view (390 and 320 px); keyboard
 * users get a visible focus, a sensible order and Escape back to the launcher; screen readers get
 * names and a live region; Japanese first, English and やさしい日本語; at night with nobody on duty
 * what the widget and the bot say is true.
 */
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { messages } from '../../src/db/schema';
import { eventually, NEVER_STAFFED, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { launchBrowser, screenshot } from '../helpers/browser';
import { startHostPage, type HostPage } from '../helpers/host-page';
import { chatFrameHandle, frameSession, openChat, writeInChat } from '../helpers/widget';

jest.setTimeout(120_000);

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** The test id (or tag) of the focused element inside the chat frame. */
const focusedInFrame = async (page: Page) =>
  (await chatFrameHandle(page)).evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.dataset.testid === 'widget-tel') return el.getAttribute('href') ?? '';
    return el?.dataset.testid ?? el?.tagName.toLowerCase() ?? '';
  });

describe('widget on a touch phone', () => {
  let host: HostPage;
  let app: TestApp;
  let phone: { context: BrowserContext; close(): Promise<void> };
  let small: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    host = await startHostPage();
    app = await startTestApp({ db: 'pglite', env: { WIDGET_ALLOWED_ORIGINS: host.origin } });
    host.apiUrl = app.url;
    phone = await launchBrowser(PHONE);
    small = await launchBrowser({ ...PHONE, viewport: { width: 320, height: 640 } });
  });
  afterAll(async () => {
    await phone?.close();
    await small?.close();
    await app?.close();
    await host?.close();
  });

  test('Enter writes a new line; the 送信 button sends', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${host.origin}/`);
    const frame = await openChat(page);
    const coarse = await (await chatFrameHandle(page)).evaluate(() => matchMedia('(pointer: coarse)').matches);
    expect(coarse).toBe(true); // the emulated phone has a touch screen, as the widget sees it
    const input = frame.getByTestId('widget-input');
    await expect(input.getAttribute('enterkeyhint')).resolves.toBe('enter');
    await expect(input.getAttribute('placeholder')).resolves.toContain('送信ボタン');

    await input.tap();
    await page.keyboard.type('家のことで相談です。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('夜になると不安です');
    await expect(input.inputValue()).resolves.toBe('家のことで相談です。\n夜になると不安です');
    await expect(frame.getByTestId('widget-message').count()).resolves.toBe(0);

    await frame.getByTestId('widget-send').tap();
    await frame.locator('[data-testid="widget-message"][data-state="sent"]', { hasText: '夜になると不安です' }).waitFor();
    const { conversationId } = (await frameSession(page))!;
    const stored = await app.runtime.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(stored.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['家のことで相談です。\n夜になると不安です']);
    await page.close();
  });

  test('every phone number in an answer is a tel: link, on one line, and a tap reaches it', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${host.origin}/`);
    const frame = await openChat(page);
    await writeInChat(page, 'もう疲れました。死にたいです。薬を全部飲もうと思っています');
    const { conversationId } = (await frameSession(page))!;
    // A counsellor's answer with a free-dial number, too.
    const reply = await staffFetch(app, `/api/conversations/${conversationId}/replies`, {
      method: 'POST',
      body: JSON.stringify({ text: '相談員の山田です。よりそいホットライン（0120-279-338）は24時間つながります。' }),
    });
    expect(reply.status).toBeLessThan(300);
    await frame.locator('[data-testid="widget-message"][data-author="staff"]').waitFor({ timeout: 20_000 });
    await frame.locator('[data-testid="widget-message"][data-author="bot"]', { hasText: 'いのちの電話' }).waitFor({ timeout: 20_000 });

    const hrefs = await frame.locator('[data-testid="widget-message"] a[data-testid="widget-tel"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['tel:119', 'tel:110', 'tel:0570783556', 'tel:0120279338']));
    // The notice's emergency numbers are links too.
    await expect(frame.locator('[data-testid="widget-notice"] a[href="tel:119"]').count()).resolves.toBe(1);

    const frameHandle = await chatFrameHandle(page);
    const layout = await frameHandle.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('a.tel')).map((a) => ({
        text: a.textContent,
        nowrap: getComputedStyle(a).whiteSpace,
        lines: a.getClientRects().length,
        height: a.getBoundingClientRect().height,
      })),
    );
    for (const link of layout) {
      expect(link).toMatchObject({ nowrap: 'nowrap', lines: 1 });
      expect(link.height).toBeGreaterThanOrEqual(24);
    }
    // A tap lands on the link itself (the dialling is the phone's; here the tap is recorded instead).
    await frameHandle.evaluate(() =>
      document.addEventListener(
        'click',
        (e) => {
          const a = (e.target as Element).closest('a.tel') as HTMLAnchorElement | null;
          if (!a) return;
          (window as unknown as { tapped: string }).tapped = a.getAttribute('href') ?? '';
          e.preventDefault();
        },
        true,
      ),
    );
    const free = frame.locator('[data-testid="widget-message"][data-author="staff"] a[data-testid="widget-tel"]');
    await free.scrollIntoViewIfNeeded();
    await free.tap();
    await expect(frameHandle.evaluate(() => (window as unknown as { tapped?: string }).tapped)).resolves.toBe('tel:0120279338');
    await screenshot(page, 'widget-tel-links-390.png');
    await page.close();
  });

  test('320 px: nothing overflows, the quick exit stays in view, and the notice folds once read', async () => {
    const page = await small.context.newPage();
    await page.goto(`${host.origin}/`);
    const frame = await openChat(page);
    const frameHandle = await chatFrameHandle(page);
    const fits = () => frameHandle.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    // On a touch screen the dialog takes focus, not the text box: no keyboard over the notice yet.
    await eventually(async () => (await focusedInFrame(page)) === 'widget-panel');
    await expect(fits()).resolves.toBe(true);
    const exit = await frame.getByTestId('widget-exit').boundingBox();
    expect(exit && exit.x >= 0 && exit.x + exit.width <= 320 && exit.y >= 0 && exit.height >= 44).toBe(true);
    await screenshot(page, 'widget-320-notice-open.png');

    // Activated from the keyboard, not tapped: in CI (two test files at once) Playwright's touch
    // emulation at 320 px hit-tested this tap ~200 px above the button (on the emergency line)
    // every time, while a lone run taps the button (the screenshot above shows it unobstructed);
    // tapping itself is tested at 390 px above. What is checked here is the fold.
    await frame.getByTestId('widget-notice-toggle').press('Enter');
    await expect(frame.getByTestId('widget-notice-device').isVisible()).resolves.toBe(false);
    await expect(frame.getByTestId('widget-notice-toggle').getAttribute('aria-expanded')).resolves.toBe('false');
    // The emergency numbers stay, folded or not.
    await expect(frame.locator('[data-testid="widget-notice"] a[href="tel:110"]').isVisible()).resolves.toBe(true);
    await writeInChat(page, `長い言葉も折り返されます：${'とても'.repeat(30)}`, { send: 'keyboard' });
    await expect(fits()).resolves.toBe(true);
    // Folded it stays, across a reload (the person has read it).
    await page.reload();
    const again = await openChat(page);
    await expect(again.getByTestId('widget-notice-device').isVisible()).resolves.toBe(false);
    await screenshot(page, 'widget-320-notice-folded.png');

    // On a phone the panel covers the page: Tab goes round inside it.
    await again.getByTestId('widget-erase').focus();
    await page.keyboard.press('Tab');
    await expect(focusedInFrame(page)).resolves.toBe('widget-exit');
    await page.close();
  });
});

describe('widget by keyboard and screen reader, in three languages, at night', () => {
  let host: HostPage;
  let app: TestApp;
  let desktop: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    host = await startHostPage();
    // Never staffed, and no counsellor has the inbox open: what is said must be true at night.
    app = await startTestApp({ db: 'pglite', env: { WIDGET_ALLOWED_ORIGINS: host.origin, MUNICIPALITY_FILE: NEVER_STAFFED } });
    host.apiUrl = app.url;
    desktop = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await desktop?.close();
    await app?.close();
    await host?.close();
  });

  test('keyboard only: launcher, focus in the text box, visible focus, a sensible order, Escape back to the launcher', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${host.origin}/`);
    const launcherFocused = () => page.evaluate(() => document.getElementById('tsunagu-widget')?.shadowRoot?.activeElement?.getAttribute('data-testid'));
    for (let i = 0; i < 5 && (await launcherFocused()) !== 'widget-open'; i++) await page.keyboard.press('Tab');
    expect(await launcherFocused()).toBe('widget-open');
    await page.keyboard.press('Enter');
    await eventually(async () => (await focusedInFrame(page)) === 'widget-input');
    const frameHandle = await chatFrameHandle(page);
    const outline = () => frameHandle.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    await expect(outline()).resolves.toBe('solid');

    // Desktop keyboard: Enter sends, Shift+Enter is a new line.
    await page.keyboard.type('一行目');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('二行目');
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('iframe[data-testid="widget-frame"]');
    await frame.locator('[data-testid="widget-message"][data-direction="in"]', { hasText: '二行目' }).waitFor();
    await frame.getByTestId('widget-choice').first().waitFor({ timeout: 20_000 });

    // Backwards from the text box: the conversation (its choices and numbers, then the log
    // itself), the notice, its numbers, language, minimise, quick exit; focus always visible.
    const order: string[] = [];
    while (order.length < 40 && order[order.length - 1] !== 'widget-exit') {
      await page.keyboard.press('Shift+Tab');
      order.push(await focusedInFrame(page));
      await expect(outline()).resolves.toBe('solid');
    }
    const log = order.indexOf('widget-messages');
    expect(order.slice(log)).toEqual(['widget-messages', 'widget-notice-toggle', 'tel:110', 'tel:119', 'widget-lang', 'widget-close', 'widget-exit']);
    expect(order.slice(0, log).every((id) => id === 'widget-choice' || id.startsWith('tel:'))).toBe(true);
    expect(order.slice(0, log)).toContain('widget-choice');
    await screenshot(page, 'widget-keyboard-focus-exit.png');

    await page.keyboard.press('Escape');
    await eventually(async () => (await launcherFocused()) === 'widget-open');
    await expect(page.locator('iframe[data-testid="widget-frame"]').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('widget-open').getAttribute('aria-expanded')).resolves.toBe('false');
    await page.close();
  });

  test('screen readers: names for the frame, the buttons and the text box; new messages in a live region', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${host.origin}/`);
    await expect(page.getByRole('button', { name: '福祉の総合相談チャットを開く' }).count()).resolves.toBe(1);
    const frame = await openChat(page);
    await expect(page.locator('iframe[title="福祉の総合相談チャット"]').count()).resolves.toBe(1);
    await expect(frame.getByRole('button', { name: /^すぐに閉じる：この端末の履歴を消して/ }).count()).resolves.toBe(1);
    await expect(frame.getByRole('button', { name: 'チャットを最小化する（やりとりは残ります）' }).count()).resolves.toBe(1);
    await expect(frame.getByRole('textbox', { name: '相談内容' }).count()).resolves.toBe(1);
    await expect(frame.getByRole('link', { name: '119 に電話する' }).count()).resolves.toBe(1);
    const log = frame.getByRole('log', { name: '相談のやりとり' });
    await expect(log.getAttribute('aria-live')).resolves.toBe('polite');
    await writeInChat(page, '母の介護のことで相談です');
    // The bot's answer arrives inside the live region, labelled as automatic for screen readers too.
    const bot = log.locator('[data-testid="widget-message"][data-author="bot"]').first();
    await bot.waitFor({ timeout: 20_000 });
    await expect(bot.locator('.sr').textContent()).resolves.toBe('自動応答: ');
    await page.close();
  });

  test.each([
    ['ja', '日本語', 'ただいまは受付時間外です', '相談する'],
    ['en', 'English', 'We are outside office hours now', 'Ask us'],
    ['easy-ja', 'やさしい日本語', 'いまは うけつけの じかんでは ありません', 'そうだん'],
  ])('at night in %s: the bot says nobody is in and what to do; numbers are links', async (lang, _name, afterHours, launcher) => {
    for (const width of [390, 320]) {
      const page = await desktop.context.newPage();
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${host.origin}/`);
      const frame = await openChat(page);
      await frame.getByTestId('widget-lang').selectOption(lang);
      // an ordinary request: out of hours it gets the night answer, not the hotline
      await writeInChat(page, lang === 'en' ? 'I would like to talk about my son' : '息子のことで相談があります');
      const bot = frame.locator('[data-testid="widget-message"][data-author="bot"]', { hasText: afterHours });
      await bot.waitFor({ timeout: 20_000 });
      await expect(bot.locator('a[href="tel:119"]').count()).resolves.toBeGreaterThanOrEqual(1);
      // Nothing says someone is typing or online: nobody is.
      await expect(frame.getByTestId('widget-typing').isVisible()).resolves.toBe(false);
      await bot.scrollIntoViewIfNeeded();
      await screenshot(page, `widget-night-${lang}-${width}.png`);
      await frame.getByTestId('widget-close').click();
      await expect(page.getByTestId('widget-open').textContent()).resolves.toContain(launcher);
      await page.close();
    }
  });
});

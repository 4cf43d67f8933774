/**
 * In Chromium, with the municipal page on another origin than tsunagu (as in real life): the
 * conversation's token lives only in the chat frame, out of reach of the page's scripts; the
 * person can erase the conversation from the device, or leave at once (quick exit); an idle
 * session ends by itself; and only the allowed sites may frame the chat.
 */
import type { BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { launchBrowser, screenshot } from '../helpers/browser';
import { startHostPage, type HostPage } from '../helpers/host-page';
import { chatFrame, chatFrameHandle, frameSession, frameStorage, openChat, writeInChat } from '../helpers/widget';

jest.setTimeout(120_000);

const tokenStatus = async (app: TestApp, token: string) =>
  (await fetch(`${app.url}/api/widget/messages`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('widget privacy on a municipal page of another origin', () => {
  let host: HostPage;
  let app: TestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    host = await startHostPage();
    app = await startTestApp({ db: 'pglite', env: { WIDGET_ALLOWED_ORIGINS: `${host.origin},${host.crossSite}` } });
    host.apiUrl = app.url;
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await host?.close();
  });

  test('the token lives only in the chat frame: the host page holds and sees nothing of the session', async () => {
    const page = await browser.context.newPage();
    // Every message the host page receives from the frame is recorded, to check none carries a secret.
    await page.addInitScript(() => {
      const w = window as unknown as { __received: string[] };
      w.__received = [];
      window.addEventListener('message', (e) => w.__received.push(JSON.stringify(e.data)));
    });
    // An older widget version kept the token in the page's localStorage: the new one removes it.
    await page.goto(`${host.origin}/`);
    await page.evaluate(() => localStorage.setItem('tsunagu.widget.session', '{"sessionToken":"old-token-from-before"}'));
    await page.reload();
    await openChat(page);
    await writeInChat(page, '夫から毎日どなられていて、家にいるのがこわいです');

    const session = await frameSession(page);
    expect(session?.sessionToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await tokenStatus(app, session!.sessionToken)).toBe(200);

    // The frame is another origin: the page can neither read its storage nor its document.
    const frameHandle = await chatFrameHandle(page);
    expect(new URL(frameHandle.url()).origin).toBe(new URL(app.url).origin);
    expect(new URL(page.url()).origin).toBe(host.origin);
    const reach = await page.evaluate(() => {
      const iframe = document.getElementById('tsunagu-widget')!.shadowRoot!.querySelector('iframe')!;
      let storage = 'blocked';
      try {
        void iframe.contentWindow!.sessionStorage;
        storage = 'readable';
      } catch {
        /* cross-origin */
      }
      return { storage, document: iframe.contentDocument === null ? 'blocked' : 'readable' };
    });
    expect(reach).toEqual({ storage: 'blocked', document: 'blocked' });

    // The host page's own storage, cookies and DOM hold nothing of it.
    const hostSide = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookie: document.cookie,
      html: document.documentElement.outerHTML + document.getElementById('tsunagu-widget')!.shadowRoot!.innerHTML,
      received: (window as unknown as { __received: string[] }).__received,
    }));
    expect(hostSide.local).toEqual([]);
    expect(hostSide.session).toEqual([]);
    expect(hostSide.cookie).toBe('');
    expect(await browser.context.cookies([host.origin, app.url])).toEqual([]);
    for (const text of [hostSide.html, ...hostSide.received]) {
      expect(text).not.toContain(session!.sessionToken);
      expect(text).not.toContain(session!.conversationId);
      expect(text).not.toContain('どなられて');
    }
    // What the frame tells the page: the launcher's language and unread count, nothing else.
    expect(hostSide.received.length).toBeGreaterThan(0);
    for (const raw of hostSide.received) {
      for (const key of Object.keys(JSON.parse(raw))) expect(['ns', 'type', 'lang', 'unread']).toContain(key);
    }
    await screenshot(page, 'widget-cross-origin-390.png');
    await page.close();
  });

  test('on another site, where the browser may refuse the frame storage, the chat still works and says what that means', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${host.crossSite}/`);
    const frame = await openChat(page);
    await writeInChat(page, '相談があります');
    const frameHandle = await chatFrameHandle(page);
    const persists = await frameHandle.evaluate(() => {
      try {
        sessionStorage.setItem('probe', '1');
        return true;
      } catch {
        return false;
      }
    });
    // Shown exactly when the browser keeps nothing for the frame.
    await expect(frame.getByTestId('widget-notice-no-storage').isVisible()).resolves.toBe(!persists);
    expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie])).toEqual([[], [], '']);
    await screenshot(page, 'widget-cross-site-390.png');
    await page.close();
  });

  test('「この端末から履歴を消す」: the conversation leaves this device, the old token is useless, staff keep the record', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${host.origin}/`);
    const frame = await openChat(page);
    await writeInChat(page, '子どものことで相談です');
    const before = (await frameSession(page))!;

    await frame.getByTestId('widget-erase').click();
    await frame.getByTestId('widget-erase-dialog').waitFor();
    // The safe choice has the focus: Enter by mistake erases nothing.
    await expect(frame.getByTestId('widget-erase-cancel').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshot(page, 'widget-erase-question-390.png');
    await frame.getByTestId('widget-erase-confirm').click();

    await frame.getByTestId('widget-note').filter({ hasText: 'この端末から履歴を消しました' }).waitFor();
    await expect(frame.getByTestId('widget-message').count()).resolves.toBe(0);
    expect(Object.keys(await frameStorage(page)).filter((k) => k.startsWith('tsunagu.'))).toEqual([]);
    expect(await tokenStatus(app, before.sessionToken)).toBe(401);
    await screenshot(page, 'widget-erased-390.png');

    // Closing and opening again, or reloading, shows a fresh conversation.
    await frame.getByTestId('widget-close').click();
    await page.getByTestId('widget-open').click();
    await expect(frame.getByTestId('widget-message').count()).resolves.toBe(0);
    await page.reload();
    const again = await openChat(page);
    await expect(again.getByTestId('widget-message').count()).resolves.toBe(0);
    // A new message starts a new conversation; the old one is still there for staff.
    await writeInChat(page, '新しい相談です');
    const after = (await frameSession(page))!;
    expect(after.conversationId).not.toBe(before.conversationId);
    const staffView = await fetch(`${app.url}/api/conversations/${before.conversationId}/messages`, {
      headers: { cookie: app.staffCookie, origin: app.url },
    });
    expect((await staffView.json()).messages.map((m: { text: string }) => m.text)).toContain('子どものことで相談です');
    await page.close();
  });

  test('「すぐに閉じる」 leaves at once for a neutral page, erases this device, and the page is not in the tab history', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${host.origin}/neutral?before`);
    await page.goto(`${host.origin}/`);
    const frame = await openChat(page);
    await writeInChat(page, '今、夫が隣の部屋にいます');
    const before = (await frameSession(page))!;
    const exit = frame.getByTestId('widget-exit');
    await expect(exit.isVisible()).resolves.toBe(true);

    await exit.click();
    await page.waitForURL(`${host.origin}/neutral`);
    await expect(page.title()).resolves.toBe('天気');
    expect(await tokenStatus(app, before.sessionToken)).toBe(401);
    // Back goes to the page before the consultation page, not to it.
    await page.goBack();
    expect(page.url()).toBe(`${host.origin}/neutral?before`);

    // Coming back to the site in the same tab: nothing of the conversation is left in the frame.
    await page.goto(`${host.origin}/`);
    const fresh = await openChat(page);
    expect(Object.keys(await frameStorage(page)).filter((k) => k.startsWith('tsunagu.'))).toEqual([]);
    await expect(fresh.getByTestId('widget-message').count()).resolves.toBe(0);
    await page.close();
  });

  test('a site that is not allowed cannot frame the chat', async () => {
    const other = await startHostPage();
    other.apiUrl = app.url;
    const page = await browser.context.newPage();
    const refused = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
    await page.goto(`${other.origin}/`);
    await page.getByTestId('widget-open').click();
    await refused;
    await expect(chatFrame(page).getByTestId('widget-input').count()).resolves.toBe(0);
    await page.close();
    await other.close();
  });
});

describe('an idle widget session ends by itself', () => {
  let app: TestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    // 12 seconds: long enough that typing keeps it alive on a busy machine, short enough to wait out.
    app = await startTestApp({ db: 'pglite', env: { WIDGET_SESSION_IDLE_MINUTES: '0.2' } });
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('while the person types it stays; left alone it ends, on the screen and on the server', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/`);
    const frame = await openChat(page);
    await writeInChat(page, '家賃のことで相談です');
    const { sessionToken } = (await frameSession(page))!;

    // 20 s of slow typing (longer than the idle time) keeps the session.
    const input = frame.getByTestId('widget-input');
    for (let i = 0; i < 10; i++) {
      await input.press('a');
      await page.waitForTimeout(2000);
    }
    await expect(frame.getByTestId('widget-note').isVisible()).resolves.toBe(false);
    expect(await tokenStatus(app, sessionToken)).toBe(200);

    // Left alone, it ends: the screen says so, the thread is gone, the token is refused.
    await frame.getByTestId('widget-note').filter({ hasText: 'しばらく操作がなかったため' }).waitFor({ timeout: 30_000 });
    await expect(frame.getByTestId('widget-message').count()).resolves.toBe(0);
    expect((await frameStorage(page))['tsunagu.widget.session']).toBeUndefined();
    expect(await tokenStatus(app, sessionToken)).toBe(401);
    await screenshot(page, 'widget-expired-390.png');
    await page.close();
  });
});

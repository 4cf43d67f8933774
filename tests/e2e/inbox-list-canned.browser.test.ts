/**
 * In Chromium at 1366×768, 1024×640 and a 390 px phone (issue 11 item 10): a list item shows what
 * the conversation is about (the first message) and what was written last; a search shows where
 * it matched, the words marked; a supervisor manages 定型文 from the 定型文 tab (the municipality
 * file's starters shown read-only, the agency's own added, edited and deleted) and a starter
 * can be picked into the reply box. English labels in English mode.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { addLoggedInStaff, eventually, startTestApp, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, SCREENSHOTS } from '../helpers/browser';
import { openWidgetSession, widgetSend, type WidgetSession } from '../helpers/widget';

jest.setTimeout(120_000);

const EXAMPLE = path.resolve(__dirname, '../../config/municipality.example.yaml');
const SIZES = [
  { name: 'desktop-1366', device: { viewport: { width: 1366, height: 768 } } },
  { name: 'laptop-1024', device: { viewport: { width: 1024, height: 640 } } },
  { name: 'phone-390', device: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];

describe('list lines, search matches and 定型文 (Chromium)', () => {
  let app: TestApp;
  let s: WidgetSession;
  const browsers: { context: BrowserContext; close(): Promise<void> }[] = [];

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: EXAMPLE } });
    s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '隣の家の前にゴミが山のようにたまっています。');
    await widgetSend(app.url, s, 'きのうから窓ガラスが割れたままで、夜も電気がつきません。');
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.close();
  });

  async function inbox(device: object, email = app.staffEmail, password = app.staffPassword, lang: 'ja' | 'en' = 'ja'): Promise<Page> {
    const b = await launchBrowser(device);
    browsers.push(b);
    if (lang === 'en') await b.context.addInitScript(() => localStorage.setItem('tsunagu.inbox.lang', 'en'));
    const page = await b.context.newPage();
    await loginToInbox(page, app.url, email, password);
    return page;
  }

  test.each(SIZES)('$name: first and latest message in the list; a search marks where it matched', async ({ name, device }) => {
    const page = await inbox(device);
    const item = conversationItem(page, s.conversationId);
    await eventually(async () => (await item.getByTestId('conv-latest').count()) > 0 || (await page.reload(), false), 20_000);
    expect(await item.getByTestId('conv-first').textContent()).toBe('最初: 隣の家の前にゴミが山のようにたまっています。');
    expect(await item.getByTestId('conv-latest').textContent()).toContain('最新: きのうから窓ガラスが割れたまま');

    await page.getByTestId('search-input').fill('窓ガラス');
    const match = item.getByTestId('conv-match');
    await match.waitFor({ timeout: 10_000 });
    expect(await match.locator('mark').allTextContents()).toEqual(['窓ガラス']);
    const box = (await item.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(device.viewport.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, `inbox-list-search-${name}.png`) });
    await page.close();
  });

  test('English: the lines are labelled in English', async () => {
    const page = await inbox(SIZES[0].device, app.staffEmail, app.staffPassword, 'en');
    const item = conversationItem(page, s.conversationId);
    await item.getByTestId('conv-first').waitFor();
    expect(await item.getByTestId('conv-first').textContent()).toMatch(/^First: /);
    expect(await item.getByTestId('conv-latest').textContent()).toMatch(/^Latest: /);
    await page.close();
  });

  test.each(SIZES)('$name: a supervisor manages 定型文 from the 定型文 tab; a starter goes into the reply box', async ({ name, device }) => {
    const sv = await addLoggedInStaff(app, 'supervisor', `主任 ${name}`);
    const page = await inbox(device, sv.email, sv.password);
    await page.getByTestId('canned-tab').click();
    const manager = page.getByTestId('canned-manager');
    await manager.waitFor();
    await eventually(async () => (await manager.locator('[data-testid="canned-entry"][data-starter="true"]').count()) === 3, 10_000);
    // Starters: no edit or delete here; the file is where they change.
    expect(await manager.locator('[data-starter="true"] [data-testid="canned-edit"]').count()).toBe(0);

    const title = `再連絡のご案内 ${name}`;
    await manager.getByTestId('canned-form-title').first().fill(title);
    await manager.getByTestId('canned-form-text').first().fill('明日の午前中にもう一度ご連絡します。');
    await manager.getByTestId('canned-form-save').first().click();
    const mine = manager.locator('[data-testid="canned-entry"][data-starter="false"]', { hasText: title });
    await mine.waitFor();
    expect(await mine.getByTestId('canned-edit').getAttribute('aria-label')).toBe(`編集（${title}）`);
    await mine.getByTestId('canned-edit').click();
    await mine.getByTestId('canned-form-text').fill('明日の午後にもう一度ご連絡します。');
    await mine.getByTestId('canned-form-save').click();
    await mine.locator('.canned-text-full', { hasText: '午後' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, `inbox-canned-manager-${name}.png`), fullPage: true });
    await mine.getByTestId('canned-remove').click();
    await mine.getByTestId('canned-remove-confirm').click();
    await mine.waitFor({ state: 'detached' });

    // Back to the conversations: the welfare-check starter goes into the reply box.
    await page.getByTestId('inbox-tab').click();
    await conversationItem(page, s.conversationId).click();
    await page.getByTestId('canned-picker').click();
    await page.locator('[data-testid="canned-item"]', { hasText: '安否確認のお願い' }).click();
    await eventually(async () => (await page.getByTestId('reply-input').inputValue()).includes('#9110'), 5000);
    await page.close();
  });
});

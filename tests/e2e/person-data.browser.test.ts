/**
 * The admin's 開示請求・削除 screen in Chromium (before, only the admin API): on an open
 * conversation an admin saves the export (JSON and PDF, what the API answers), and erases the
 * person's data after a confirmation whose safe choice has the focus; Escape or やめる erases
 * nothing. The result shown is what the server counted (the `erasures` row), the conversation is
 * gone from the API and the list. A counsellor sees no such panel.
 * Screenshots (tests/e2e/results): person-data.png, person-data-confirm.png, person-data-erased.png,
 * person-data-phone.png.
 */
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { erasures } from '../../src/db/schema';
import { addLoggedInStaff, startTestApp, staffFetch, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, screenshot } from '../helpers/browser';
import { seedConversation } from '../helpers/cases';

jest.setTimeout(240_000);

describe('person data: export and erasure on request (Chromium)', () => {
  let app: TestApp;
  let b: { context: BrowserContext; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    const admin = await addLoggedInStaff(app, 'admin', '管理者 花子');
    b = await launchBrowser();
    page = await b.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginToInbox(page, app.url, admin.email, admin.password);
  });
  afterAll(async () => {
    await b?.close();
    await app?.close();
  });

  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

  test('an admin saves the export and erases after confirming; the result is what the server counted', async () => {
    const conv = await seedConversation(app, { texts: ['自分の記録を見せてほしいです', 'そのあと消してください'], share: 'yes' });
    await conversationItem(page, conv.id).click();
    const panel = page.getByTestId('person-data');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.locator('h3').textContent()).toBe('ご本人の情報（開示請求・削除）');

    // The links download what the API answers (with this admin's cookie).
    const json = await page.request.get(app.url + (await page.getByTestId('person-export-json').getAttribute('href'))!);
    expect(json.status()).toBe(200);
    const body = await json.json();
    expect(body.conversations.map((c: any) => c.id)).toEqual([conv.id]);
    expect(body.conversations[0].messages.map((m: any) => m.text)).toEqual(['自分の記録を見せてほしいです', 'そのあと消してください']);
    const pdf = await page.request.get(app.url + (await page.getByTestId('person-export-pdf').getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'person-data.png');

    // Asking first: the safe choice has the focus; Escape erases nothing.
    await page.getByTestId('person-erase').click();
    const confirm = page.getByTestId('person-erase-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('元に戻せません');
    expect(await focused()).toBe('person-erase-cancel');
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(page, 'person-data-confirm.png');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focused()).toBe('person-erase');
    expect((await staffFetch(app, `/api/conversations/${conv.id}`)).status).toBe(200);

    // Erase, by keyboard.
    await page.getByTestId('person-erase').press('Enter');
    await page.getByTestId('person-erase-now').focus();
    await page.keyboard.press('Enter');
    const result = page.getByTestId('erasure-result');
    await result.waitFor();
    const [row] = await app.runtime.ctx.db.select().from(erasures).where(eq(erasures.kind, 'request'));
    const rows = Object.values(row.counts as Record<string, number>).reduce((a, n) => a + n, 0);
    expect(row.conversationIds).toEqual([conv.id]);
    expect(await page.getByTestId('erasure-counts').textContent()).toBe(`相談 1 件、ケース 0 件（記録の行 合計 ${rows} 件）を削除しました。`);
    expect(await page.getByTestId('erasure-kept').textContent()).toBe('他の機関が担当中のケースはありませんでした。');
    expect(await focused()).toBe('erasure-result');
    expect((await staffFetch(app, `/api/conversations/${conv.id}`)).status).toBe(404);
    await conversationItem(page, conv.id).waitFor({ state: 'detached' });
    expect(await page.getByTestId('conversation-view').count()).toBe(0);
    await screenshot(page, 'person-data-erased.png');
  });

  test('at phone width the panel fits; a counsellor has no such panel', async () => {
    const conv = await seedConversation(app, { texts: ['電話の幅で確認'] });
    await page.setViewportSize({ width: 390, height: 844 });
    await conversationItem(page, conv.id).click();
    // On a phone the details panel starts folded: open it, then the panel is in it.
    await page.locator('details.case-details > summary').click();
    await page.getByTestId('person-erase').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('person-erase').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'person-data-phone.png');
    await page.setViewportSize({ width: 1366, height: 768 });

    const other = await launchBrowser();
    try {
      const p = await other.context.newPage();
      await loginToInbox(p, app.url, app.staffEmail, app.staffPassword);
      await conversationItem(p, conv.id).click();
      await p.getByTestId('conversation-view').waitFor();
      expect(await p.getByTestId('person-data').count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

/**
 * The reports page in Chromium: a supervisor opens 集計, sees each table as a chart and as a table
 * with the seeded numbers, picks a month range (a reversed range is refused on the page), switches
 * the CSV to Shift_JIS and downloads it; a counsellor has no such tab. Desktop and a 390 px phone,
 * Japanese and English. Screenshots: reports-desktop-top.png, reports-desktop.png, reports-phone-390.png, reports-phone-390-en.png.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { addStaff } from '../../src/staff/add-staff';
import { findAgencyByCode } from '../../src/agencies/add-agency';
import { startTestApp, type TestApp } from '../helpers/app';
import { launchBrowser, loginToInbox, screenshot } from '../helpers/browser';
import { seedConversation, triage } from '../helpers/seed';
import { REPORT_TABLES } from '../../src/contracts/report';
import { alerts } from '../../src/db/schema';

jest.setTimeout(180_000);

/** YYYY-MM of `back` months before now, and a day in it (the 10th, midday UTC: the same month in Tokyo). */
const monthAgo = (back: number) => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 10, 3));
  return { month: d.toISOString().slice(0, 7), at: d };
};

describe('reports page in Chromium', () => {
  let app: TestApp;
  const sup = { email: `sup${randomBytes(4).toString('hex')}@example.jp`, password: 'supervisor long password' };
  const m1 = monthAgo(1);
  const m3 = monthAgo(3);

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite', withSweeper: false });
    const d = app.runtime.ctx.db;
    await addStaff(d, { ...sup, name: '推進員 次郎', role: 'supervisor', agencyCode: 'intake' });
    const intake = (await findAgencyByCode(d, 'intake'))!.id;
    // three months ago: 2 LINE and 1 widget; last month: 1 widget, answered by staff after 12 minutes
    for (const channel of ['line', 'line', 'widget'] as const) await seedConversation(d, { agencyId: intake, channel, createdAt: m3.at, triage: triage(['elderly'], 'normal', 'self') });
    const c = await seedConversation(d, { agencyId: intake, channel: 'widget', createdAt: m1.at, triage: triage(['child', 'poverty'], 'high', 'family'), staffId: app.staffId, messages: [{ after: 0, by: 'person' }, { after: 12, by: 'staff' }] });
    // last month: a crisis alert, escalated after the on-call target refused it, acknowledged after 9 minutes
    await d.insert(alerts).values({ agencyId: intake, conversationId: c.conversation.id, messageId: c.messageIds[0], urgency: 'emergency', reasons: [], createdAt: m1.at, escalatedAt: m1.at, escalationFailures: 3, acknowledgedAt: new Date(m1.at.getTime() + 9 * 60_000) });
  }, 180_000);
  afterAll(() => app?.close());

  const cell = (page: import('playwright-core').Page, table: string, month: string, key: string) =>
    page.locator(`[data-testid="report-table"][data-table="${table}"] tr[data-month="${month}"] td[data-key="${key}"]`).textContent();

  test('desktop: charts with their numbers as tables, a month range, CSV in Shift_JIS', async () => {
    const b = await launchBrowser({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await b.context.newPage();
      await loginToInbox(page, app.url, sup.email, sup.password);
      await page.getByTestId('reports-tab').click();
      await page.getByTestId('report-scope').waitFor();
      expect(await page.getByTestId('report-scope').textContent()).toBe('対象: 自分の機関（intake）の数字');
      expect(await page.getByTestId('report-section').count()).toBe(REPORT_TABLES.length);
      expect(await page.locator('[data-testid="report-section"][data-table="crisisAlerts"] caption').textContent()).toBe('緊急アラート（命に関わるおそれのある相談）');
      await screenshot(page, 'reports-desktop-top.png');
      expect(await cell(page, 'consultationsByChannel', m3.month, 'line')).toBe('2');
      expect(await cell(page, 'consultationsByChannel', m3.month, 'widget')).toBe('1');
      expect(await cell(page, 'consultationsByChannel', m3.month, 'total')).toBe('3');
      expect(await cell(page, 'consultationsByCategory', m1.month, 'child')).toBe('1');
      expect(await cell(page, 'consultationsByCategory', m1.month, 'poverty')).toBe('1');
      expect(await cell(page, 'firstHumanReply', m1.month, 'medianMinutes')).toBe('12');
      expect(await cell(page, 'firstHumanReply', m3.month, 'medianMinutes')).toBe('—');
      expect(await cell(page, 'crisisAlerts', m1.month, 'onCallRefused')).toBe('1');
      expect(await cell(page, 'crisisAlerts', m1.month, 'medianMinutes')).toBe('9');
      await page.locator('[data-testid="report-section"][data-table="crisisAlerts"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'reports-desktop-crisis.png');
      // every chart is a named image, next to its table
      const charts = page.getByTestId('report-chart');
      expect(await charts.count()).toBeGreaterThanOrEqual(9);
      expect(await charts.first().getAttribute('aria-label')).toBe('分類別の相談件数のグラフ（数値は下の表）');
      expect(await page.locator('caption').first().textContent()).toBe('分類別の相談件数');
      await page.locator('[data-testid="report-section"][data-table="consultationsByChannel"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'reports-desktop.png');

      // a reversed range is refused on the page; a valid one shows exactly its months
      await page.getByTestId('report-from').fill(m1.month);
      await page.getByTestId('report-to').fill(m3.month);
      expect(await page.getByTestId('report-show').isDisabled()).toBe(true);
      expect(await page.locator('#report-range-error[role="alert"]').textContent()).toBe('開始月は終了月より前にしてください。');
      await page.getByTestId('report-from').fill(m3.month);
      await page.getByTestId('report-to').fill(m1.month);
      await page.getByTestId('report-show').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-table="consultationsByChannel"] tbody tr').length === 3);

      // CSV in Shift_JIS: the link changes, and the download decodes to the table's rows
      await page.getByTestId('report-encoding').selectOption('shift_jis');
      const link = page.locator('[data-testid="report-section"][data-table="consultationsByChannel"] [data-testid="report-csv"]');
      expect(await link.getAttribute('href')).toContain('encoding=shift_jis');
      expect(await link.getAttribute('aria-label')).toBe('「窓口別の相談件数」を CSV でダウンロード');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const bytes = fs.readFileSync((await download.path())!);
      const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe('月,LINE,Webチャット,相談件数');
      expect(lines[1]).toBe(`${m3.month},2,1,3`);
      expect(lines).toHaveLength(4);
    } finally {
      await b.close();
    }
  });

  test('390 px phone, Japanese and English: the page fits, wide tables scroll in their own box', async () => {
    const b = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await b.context.newPage();
      await loginToInbox(page, app.url, sup.email, sup.password);
      await page.getByTestId('reports-tab').click();
      await page.getByTestId('report-scope').waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      const show = await page.getByTestId('report-show').boundingBox();
      expect(show!.x + show!.width).toBeLessThanOrEqual(390);
      await screenshot(page, 'reports-phone-390.png');
      await page.getByTestId('lang-switch').selectOption('en');
      await page.getByText('Monthly figures').waitFor();
      expect(await page.getByTestId('report-scope').textContent()).toBe('Scope: your own agency (intake)');
      // five view tabs in English still fit: the row wraps instead of pushing 「Reports」 off the screen
      const tab = await page.getByTestId('reports-tab').boundingBox();
      expect(tab!.x + tab!.width).toBeLessThanOrEqual(390);
      expect(await page.locator('caption').first().textContent()).toBe('Consultations by category');
      await screenshot(page, 'reports-phone-390-en.png');
    } finally {
      await b.close();
    }
  });

  test('a counsellor has no reports tab', async () => {
    const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await b.context.newPage();
      await loginToInbox(page, app.url, app.staffEmail, app.staffPassword);
      expect(await page.getByTestId('reports-tab').count()).toBe(0);
    } finally {
      await b.close();
    }
  });
});

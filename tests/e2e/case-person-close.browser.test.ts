/**
 * Gaps of the case page closed, in Chromium: the person (本人) and the household (世帯) are
 * changed after the case was opened, by keyboard. What the page shows is checked against what
 * the API stored.
 * Screenshots (tests/e2e/results): case-person-edit-form.png, case-person-edit.png, case-person-edit-phone.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startTestApp, staffFetch, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, screenshot } from '../helpers/browser';
import { json, seedConversation } from '../helpers/cases';

jest.setTimeout(240_000);

describe('case page: person and household (Chromium)', () => {
  let app: TestApp;
  let b: { context: BrowserContext; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    b = await launchBrowser();
    page = await b.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginToInbox(page, app.url, app.staffEmail, app.staffPassword);
  });
  afterAll(async () => {
    await b?.close();
    await app?.close();
  });

  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test('the person and the household are changed after opening, by keyboard; patterns follow', async () => {
    const conv = await seedConversation(app, { texts: ['兄が何年も部屋から出てきません。母も80代です'], share: 'yes' });
    await page.getByTestId('inbox-tab').click();
    await conversationItem(page, conv.id).click();
    await page.getByTestId('open-case').click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    const caseId = (await detail.getAttribute('data-id'))!;
    expect(await page.getByTestId('case-person-line').textContent()).toBe('氏名不明');
    expect(await page.getByTestId('household-member').count()).toBe(0);

    // Keyboard only: Enter opens the form with focus in the name field.
    await page.getByTestId('edit-person').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('person-form').waitFor();
    expect(await focused()).toBe('person-name');
    await page.keyboard.type('山田 次郎');
    await page.getByTestId('person-area').focus();
    await page.keyboard.type('北地区');
    await page.getByTestId('person-age').selectOption('40-64');
    // Two members: the person (ひきこもり) and the mother (高齢, 75+).
    await page.getByTestId('member-add').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const members = page.getByTestId('member-form');
    expect(await members.count()).toBe(2);
    await members.nth(0).getByTestId('member-relationship').selectOption('self');
    await members.nth(0).getByTestId('member-age').selectOption('40-64');
    await members.nth(0).locator('[data-testid="member-need"][data-need="hikikomori"]').focus();
    await page.keyboard.press('Space');
    await members.nth(1).getByTestId('member-relationship').selectOption('parent');
    await members.nth(1).getByTestId('member-name').focus();
    await page.keyboard.type('山田 ハル');
    await members.nth(1).getByTestId('member-age').selectOption('75plus');
    await members.nth(1).locator('[data-testid="member-need"][data-need="elderly"]').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('person-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-person-edit-form.png');
    // Enter in a text field saves; focus returns to the button that opened the form.
    await page.getByTestId('person-area').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('person-saved').waitFor();
    expect(await page.getByTestId('person-saved').textContent()).toBe('本人・世帯を保存しました。');
    expect(await focused()).toBe('edit-person');
    expect(await page.getByTestId('case-person-line').textContent()).toBe('山田 次郎 / 40〜64歳 / 北地区');
    expect(await page.getByTestId('household-member').allTextContents()).toEqual(['本人（40〜64歳） ひきこもり', '親 山田 ハル（75歳以上） 高齢']);
    expect(await page.getByTestId('household-patterns').textContent()).toBe('8050');

    // The page shows what the API stored.
    const stored = (await json(await staffFetch(app, `/api/cases/${caseId}`))).case;
    expect(stored.person).toEqual({ name: '山田 次郎', description: null, ageBand: '40-64', addressArea: '北地区' });
    expect(stored.household.members.map((m: any) => [m.relationship, m.name, m.ageBand, m.needs])).toEqual([
      ['self', null, '40-64', ['hikikomori']],
      ['parent', '山田 ハル', '75plus', ['elderly']],
    ]);
    await page.getByTestId('case-household').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-person-edit.png');

    // Escape leaves the form without saving; focus back on the button.
    await page.getByTestId('edit-person').press('Enter');
    await page.getByTestId('person-name').waitFor();
    await page.keyboard.type('（消える変更）');
    await page.keyboard.press('Escape');
    await page.getByTestId('person-form').waitFor({ state: 'detached' });
    expect(await focused()).toBe('edit-person');
    expect(await page.getByTestId('case-person-line').textContent()).toBe('山田 次郎 / 40〜64歳 / 北地区');
    expect(await page.getByTestId('person-saved').count()).toBe(0);

    // Phone width: the form fits.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('edit-person').press('Enter');
    await page.getByTestId('person-form').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByTestId('member-form').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'case-person-edit-phone.png');
    await page.getByTestId('person-cancel').press('Enter');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

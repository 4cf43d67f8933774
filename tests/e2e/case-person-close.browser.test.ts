/**
 * Gaps of the case page closed, in Chromium: the person (本人) and the household (世帯) are
 * changed after the case was opened, by keyboard; a second referral to an agency that has not
 * answered yet is refused in words that say why (it read 「読み込めませんでした」 before); and a
 * 多機関協働 case is closed on a meeting's decision chosen on the page (before, only through the
 * API). What the page shows is checked against what the API stored.
 * Screenshots (tests/e2e/results): case-person-edit-form.png, case-person-edit.png,
 * case-person-edit-phone.png, case-close-no-decision.png, case-close-by-meeting-form.png,
 * case-close-by-meeting.png, case-close-by-meeting-phone.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startTestApp, staffFetch, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, screenshot } from '../helpers/browser';
import { addAgencyWithCounsellor, json, post, seedConversation, type OtherAgency } from '../helpers/cases';

jest.setTimeout(240_000);

describe('case page: person and household, closing by a meeting decision (Chromium)', () => {
  let app: TestApp;
  let houkatsu: OtherAgency;
  let b: { context: BrowserContext; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    houkatsu = await addAgencyWithCounsellor(app, 'elderly', '中央地域包括支援センター');
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

  test('a second referral to an agency still to answer says so (409 referral_pending), and nothing more is sent', async () => {
    const conv = await seedConversation(app, { texts: ['父の物忘れがひどくなりました'], share: 'yes' });
    const opened = (await json(await post(app, '/api/cases', { conversationIds: [conv.id] }))).case;
    expect((await post(app, `/api/cases/${opened.id}/referrals`, { toAgency: houkatsu.code, summary: '先に送ったつなぎ' })).status).toBe(201);
    await page.getByTestId('cases-tab').click();
    if (await page.getByTestId('case-detail').count()) await page.getByRole('button', { name: 'ケース一覧へ戻る' }).click();
    await page.locator(`[data-testid="case-item"][data-number="${opened.number}"]`).click();
    await page.getByTestId('refer-form').waitFor();
    await page.getByTestId('refer-agency').selectOption(houkatsu.code);
    await page.getByTestId('refer-summary').fill('もう一度送るつなぎ');
    await page.getByTestId('refer-submit').press('Enter');
    const error = page.locator('[data-testid="refer-form"] [role="alert"]');
    await error.waitFor();
    expect(await error.textContent()).toBe('この機関へのつなぎはすでに送られ、返事を待っています。受け入れか差し戻しの返事が来てから、もう一度送れます（「送ったつなぎ」で状態を確認できます）。');
    expect(await page.getByTestId('refer-sent').count()).toBe(0);
    const outgoing = (await json(await staffFetch(app, '/api/referrals?direction=outgoing'))).referrals.filter((r: any) => r.caseId === opened.id);
    expect(outgoing).toHaveLength(1);
  });

  test('a 多機関協働 case is closed on a meeting decision chosen on the page', async () => {
    const conv = await seedConversation(app, { texts: ['母の介護と自分の仕事と、家計も苦しいです'], share: 'yes' });
    const opened = (await json(await post(app, '/api/cases', { conversationIds: [conv.id] }))).case;
    for (const to of ['assessment', 'coordination']) expect((await post(app, `/api/cases/${opened.id}/transitions`, { to })).status).toBe(200);
    await page.getByTestId('cases-tab').click();
    // The ケース tab still shows the case of the test before: back to the list.
    if (await page.getByTestId('case-detail').count()) await page.getByRole('button', { name: 'ケース一覧へ戻る' }).click();
    await page.locator(`[data-testid="case-item"][data-number="${opened.number}"]`).click();
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('case-stage').textContent()).toBe('多機関協働');

    // 終結 without a meeting decision: the page says so and does not offer to send.
    await page.getByTestId('stage-select').selectOption('closed');
    const none = page.getByTestId('stage-no-closing-meeting');
    await none.waitFor();
    expect(await none.textContent()).toContain('終結を決定した会議の記録がまだありません');
    expect(await page.getByTestId('stage-submit').isDisabled()).toBe(true);
    await page.getByTestId('stage-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-close-no-decision.png');

    // A 重層的支援会議 decides to close it (keyboard: Space ticks, Enter sends).
    await page.locator(`[data-testid="meeting-participant"][data-key="a:${houkatsu.code}"]`).focus();
    await page.keyboard.press('Space');
    await page.getByTestId('meeting-date').fill('2026-12-03');
    await page.getByTestId('meeting-decisions').fill('支援の目標を達成した');
    await page.getByTestId('meeting-close-case').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('meeting-submit').press('Enter');
    await page.getByTestId('meeting-held').waitFor();
    const decided = page.locator('[data-testid="meeting"] li[data-close="yes"]');
    await decided.waitFor();
    expect(await decided.textContent()).toBe('このケースを終結する（終結の決定）');

    // The stage form now offers that meeting; the stage is still 多機関協働 until sent.
    const choice = page.getByTestId('stage-meeting');
    await choice.waitFor();
    const meetings = (await json(await staffFetch(app, `/api/cases/${opened.id}/meetings`))).meetings;
    expect(meetings).toHaveLength(1);
    expect(await choice.inputValue()).toBe(meetings[0].id);
    expect(await choice.locator('option').allTextContents()).toEqual(['2026-12-03 重層的支援会議：このケースを終結する']);
    expect(await page.getByTestId('stage-no-closing-meeting').count()).toBe(0);
    expect(await page.getByTestId('case-stage').textContent()).toBe('多機関協働');
    await page.getByTestId('stage-reason').focus();
    await page.keyboard.type('会議で終結を決定したため');
    await page.getByTestId('stage-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-close-by-meeting-form.png');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="case-detail"][data-stage="closed"]').waitFor();
    expect(await page.getByTestId('case-stage').textContent()).toBe('終結');
    expect(await page.getByTestId('stage-error').count()).toBe(0);

    const stored = (await json(await staffFetch(app, `/api/cases/${opened.id}`))).case;
    expect(stored.stage).toBe('closed');
    expect(stored.history.at(-1)).toMatchObject({ from: 'coordination', to: 'closed', reason: '会議で終結を決定したため', meetingId: meetings[0].id });
    expect(await page.getByTestId('case-timeline').textContent()).toContain('多機関協働 → 終結');
    await page.getByTestId('case-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-close-by-meeting.png');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByTestId('case-stage').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-close-by-meeting-phone.png');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

/**
 * The rest of the case workflow in Chromium: on a case with share consent a counsellor records a
 * 重層的支援会議 with another agency, agrees a 支援プラン in it, schedules an outreach and marks it
 * done, and records a participation; on a case without consent the page refuses a 重層的支援会議
 * and a 支援会議 without the 守秘義務 acknowledgement, and says why and what to do.
 * The other agency in the meeting reads the meetings and the plan without any of the forms.
 * Screenshots (tests/e2e/results): case-workflow.png, case-workflow-phone.png, case-workflow-shien.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startTestApp, staffFetch, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, screenshot } from '../helpers/browser';
import { addAgencyWithCounsellor, seedConversation, type OtherAgency } from '../helpers/cases';

jest.setTimeout(180_000);

describe('case workflow on the case page (Chromium)', () => {
  let app: TestApp;
  let houkatsu: OtherAgency;
  let b: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  let sharedNumber = '';

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    houkatsu = await addAgencyWithCounsellor(app, 'elderly', '中央地域包括支援センター');
    b = await launchBrowser();
    page = await b.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginToInbox(page, app.url, app.staffEmail, app.staffPassword);
  });
  afterAll(async () => {
    await b?.close();
    await app?.close();
  });

  async function openCaseOf(convId: string): Promise<string> {
    await page.getByTestId('inbox-tab').click();
    await conversationItem(page, convId).click();
    await page.getByTestId('open-case').click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    return (await detail.getAttribute('data-id')) ?? '';
  }

  test('with consent: 重層的支援会議, 支援プラン, アウトリーチ done, 参加支援', async () => {
    const conv = await seedConversation(app, { texts: ['母の介護で仕事に行けなくなりました'], share: 'yes' });
    const caseId = await openCaseOf(conv.id);
    sharedNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    expect(await page.getByTestId('plan-needs-meeting').textContent()).toContain('先に会議を記録');

    // 会議: this agency's counsellor and the 地域包括 agency, with a decision.
    expect(await page.getByTestId('meeting-kind').inputValue()).toBe('jusou');
    await page.locator(`[data-testid="meeting-participant"][data-key="s:${app.staffId}"]`).check();
    await page.locator(`[data-testid="meeting-participant"][data-key="a:${houkatsu.code}"]`).check();
    await page.getByTestId('meeting-date').fill('2026-12-01');
    await page.getByTestId('meeting-decisions').fill('地域包括が訪問して介護サービスを調整する');
    await page.getByTestId('meeting-submit').click();
    await page.getByTestId('meeting-held').waitFor();
    const meeting = page.locator('[data-testid="meeting"][data-kind="jusou"]');
    await meeting.waitFor();
    const meetingText = await meeting.textContent();
    expect(meetingText).toContain('重層的支援会議');
    expect(meetingText).toContain('2026-12-01');
    expect(meetingText).toContain('中央地域包括支援センター');
    expect(meetingText).toContain('地域包括が訪問して介護サービスを調整する');

    // 支援プラン version 1, agreed in that meeting.
    await page.getByTestId('plan-form').waitFor();
    await page.getByTestId('plan-goals').fill('母の介護サービスを始める\n本人が仕事に戻る');
    await page.getByTestId('plan-action-text').fill('ケアマネジャーを紹介する');
    await page.getByTestId('plan-action-owner').selectOption(houkatsu.code);
    await page.getByTestId('plan-action-due').fill('2026-12-15');
    await page.getByTestId('plan-review').fill('2027-01-15');
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-agreed').waitFor();
    const plan = page.locator('[data-testid="plan-current"][data-version="1"]');
    await plan.waitFor();
    const planText = await plan.textContent();
    for (const t of ['第1版', '2027-01-15', '本人が仕事に戻る', 'ケアマネジャーを紹介する', '中央地域包括支援センター', '2026-12-15']) expect(planText).toContain(t);
    expect(await page.getByTestId('plan-submit').textContent()).toBe('第2版として合意する');

    // アウトリーチ: a call, owned by this counsellor, then done.
    await page.getByTestId('followup-kind').selectOption('call');
    await page.getByTestId('followup-due').fill('2026-12-10T10:00');
    await page.getByTestId('followup-owner').selectOption(app.staffId);
    await page.getByTestId('followup-note').fill('介護サービス開始の確認');
    await page.getByTestId('followup-submit').click();
    const open = page.locator('[data-testid="followup"][data-kind="call"][data-done="no"]');
    await open.waitFor();
    expect(await open.textContent()).toContain('介護サービス開始の確認');
    await open.getByTestId('followup-done').click();
    await page.locator('[data-testid="followup"][data-kind="call"][data-done="yes"]').waitFor();

    // 参加支援.
    await page.getByTestId('participation-kind').selectOption('place');
    await page.getByTestId('participation-name').fill('地域のカフェ');
    await page.getByTestId('participation-outcome').selectOption('going_well');
    await page.getByTestId('participation-submit').click();
    const entry = page.locator('[data-testid="participation"][data-kind="place"]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('地域のカフェ — 順調');

    // What the page showed is what the API stored.
    const stored = async (tail: string) => (await staffFetch(app, `/api/cases/${caseId}/${tail}`)).json();
    expect((await stored('plans')).plans).toHaveLength(1);
    const fus = (await stored('follow-ups')).followUps;
    expect(fus).toHaveLength(1);
    expect(fus[0].doneAt).not.toBeNull();
    expect((await stored('participations')).participations[0]).toMatchObject({ kind: 'place', name: '地域のカフェ', outcome: 'going_well' });
    await page.getByTestId('case-plan').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-workflow.png');

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('case-meetings').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-workflow-phone.png');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('without consent: a 重層的支援会議 is refused, a 支援会議 needs every acknowledgement — the page says why', async () => {
    const conv = await seedConversation(app, { texts: ['隣の方が最近見えません'], subject: 'neighbour', anonymous: true });
    const caseId = await openCaseOf(conv.id);
    expect(await page.getByTestId('meeting-kind').inputValue()).toBe('shien');
    await page.locator(`[data-testid="meeting-participant"][data-key="a:${houkatsu.code}"]`).check();
    await page.getByTestId('meeting-submit').click();
    const error = page.getByTestId('meeting-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('参加者全員が守秘義務を確認している必要があります');
    expect(await error.getAttribute('role')).toBe('alert');
    await screenshot(page, 'case-workflow-shien.png');

    await page.getByTestId('meeting-kind').selectOption('jusou');
    await page.getByTestId('meeting-submit').click();
    await page.getByText('重層的支援会議では扱えません').waitFor();
    expect((await (await staffFetch(app, `/api/cases/${caseId}/meetings`)).json()).meetings).toHaveLength(0);

    // With the acknowledgement ticked the 支援会議 is recorded.
    await page.getByTestId('meeting-kind').selectOption('shien');
    await page.locator(`[data-testid="meeting-ack"][data-key="a:${houkatsu.code}"]`).check();
    await page.getByTestId('meeting-submit').click();
    await page.locator('[data-testid="meeting"][data-kind="shien"]').waitFor();
    expect(await page.getByTestId('meeting-error').count()).toBe(0);
  });

  test('the agency that took part in the meeting reads meetings and plan, without the forms', async () => {
    const other = await launchBrowser();
    try {
      const p = await other.context.newPage();
      await loginToInbox(p, app.url, houkatsu.email, houkatsu.password);
      await p.getByTestId('cases-tab').click();
      await p.locator(`[data-testid="case-item"][data-number="${sharedNumber}"]`).click();
      await p.getByTestId('case-detail').waitFor();
      expect(await p.getByTestId('case-access').textContent()).toBe('会議の参加機関として閲覧中');
      await p.locator('[data-testid="plan-current"][data-version="1"]').waitFor();
      await p.locator('[data-testid="meeting"][data-kind="jusou"]').waitFor();
      await p.locator('[data-testid="participation"]').waitFor();
      for (const form of ['meeting-form', 'plan-form', 'followup-form', 'participation-form', 'followup-done']) expect(await p.getByTestId(form).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

/**
 * Cases in Chromium, across two agencies: a counsellor opens a case from a conversation, sees it
 * with its timeline, refers it with a つなぐシート; the 地域包括支援センター's counsellor sees the
 * referral arrive live and accepts it; the sender sees the answer live. Without the person's
 * consent the page says so before sending and, on consent_required, why and what to do.
 * Screenshots (tests/e2e/results): cases-opened.png, cases-incoming.png, cases-accepted.png,
 * cases-consent-required.png, cases-phone.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox, screenshot } from '../helpers/browser';
import { addAgencyWithCounsellor, seedConversation, type OtherAgency } from '../helpers/cases';

jest.setTimeout(150_000);

describe('cases in the inbox (Chromium, two agencies)', () => {
  let app: TestApp;
  let houkatsu: OtherAgency;
  let b1: { context: BrowserContext; close(): Promise<void> };
  let b2: { context: BrowserContext; close(): Promise<void> };
  let sender: Page;
  let receiver: Page;
  let caseNumber = '';

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    houkatsu = await addAgencyWithCounsellor(app, 'elderly', '中央地域包括支援センター');
    [b1, b2] = await Promise.all([launchBrowser(), launchBrowser()]);
    sender = await b1.context.newPage();
    receiver = await b2.context.newPage();
    for (const p of [sender, receiver]) await p.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await Promise.all([b1?.close(), b2?.close()]);
    await app?.close();
  });

  test('conversation → case → referral → accepted by the other agency, live on both sides', async () => {
    const conv = await seedConversation(app, { texts: ['母の介護で仕事に行けなくなりました', 'どこに相談すればいいですか'], share: 'yes' });
    await loginToInbox(sender, app.url, app.staffEmail, app.staffPassword);
    await loginToInbox(receiver, app.url, houkatsu.email, houkatsu.password);
    await receiver.getByTestId('cases-tab').click();
    await receiver.getByTestId('cases-page').waitFor();

    await conversationItem(sender, conv.id).click();
    await sender.getByTestId('open-case').click();
    const detail = sender.getByTestId('case-detail');
    await detail.waitFor();
    caseNumber = (await sender.getByTestId('case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/^R\d+-\d{6}$/);
    expect(await sender.getByTestId('case-stage').textContent()).toBe('受付');
    expect(await sender.getByTestId('case-timeline').textContent()).toContain('母の介護で仕事に行けなくなりました');

    // Stage: 受付 → アセスメント.
    await sender.getByTestId('stage-select').selectOption('assessment');
    await sender.getByTestId('stage-submit').click();
    await sender.locator('[data-testid="case-detail"][data-stage="assessment"]').waitFor();
    await screenshot(sender, 'cases-opened.png');

    await sender.getByTestId('refer-agency').selectOption(houkatsu.code);
    await sender.getByTestId('refer-summary').fill('介護と仕事の両立について支援をお願いします');
    await sender.getByTestId('refer-quote').first().check();
    await sender.getByTestId('refer-submit').click();
    await sender.getByTestId('refer-sent').waitFor();

    // The receiving agency sees it arrive without reloading.
    const incoming = receiver.locator(`[data-testid="incoming-referral"][data-case="${caseNumber}"]`);
    await incoming.waitFor();
    expect(await incoming.textContent()).toContain('福祉の総合相談窓口');
    await screenshot(receiver, 'cases-incoming.png');
    await incoming.getByTestId('accept-referral').click();
    await receiver.getByTestId('case-detail').waitFor();
    expect(await receiver.getByTestId('case-access').textContent()).toBe('この窓口が担当');
    expect(await receiver.getByTestId('case-timeline').textContent()).toContain('母の介護で仕事に行けなくなりました');
    await screenshot(receiver, 'cases-accepted.png');

    // Back on the conversation, the inbox names the case that holds it.
    await sender.getByTestId('inbox-tab').click();
    await conversationItem(sender, conv.id).click();
    expect(await sender.getByTestId('conversation-case').textContent()).toContain(caseNumber);
    await sender.getByTestId('conversation-case').click();
    await sender.getByTestId('case-detail').waitFor();

    // The sender sees the answer live in its sent referrals.
    await sender.getByRole('button', { name: 'ケース一覧へ戻る' }).click();
    await sender.locator('[data-testid="outgoing-referral"][data-state="accepted"]').waitFor();
  });

  test('without consent the page says so, and on consent_required says why and what to do', async () => {
    const conv = await seedConversation(app, { texts: ['隣の方が最近見えません'], subject: 'neighbour', anonymous: true });
    await sender.getByTestId('inbox-tab').click();
    await conversationItem(sender, conv.id).click();
    await sender.getByTestId('open-case').click();
    await sender.getByTestId('case-detail').waitFor();
    expect(await sender.getByTestId('consent-note').textContent()).toContain('支援会議');
    await sender.getByTestId('refer-agency').selectOption(houkatsu.code);
    await sender.getByTestId('refer-summary').fill('見守りをお願いしたい');
    await sender.getByTestId('refer-submit').click();
    const error = sender.getByTestId('refer-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('同意を確認するか、支援会議を開いて');
    expect(await error.getAttribute('role')).toBe('alert');
    await screenshot(sender, 'cases-consent-required.png');
  });

  test('the case page works on a 390 px phone', async () => {
    await receiver.setViewportSize({ width: 390, height: 844 });
    await receiver.getByTestId('case-detail').waitFor();
    const overflow = await receiver.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(receiver, 'cases-phone.png');
  });
});

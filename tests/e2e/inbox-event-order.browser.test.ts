/**
 * Live events of one conversation come from several processes (the API at intake, the workers
 * after triage and each front-door turn) and can cross on the way: under load a message's triage
 * result reached the inbox before the API's own event about that message, whose older view then
 * turned the counsellor's list back to the state before triage. The inbox keeps the view with the
 * higher version (raised by the database on every change), in the list and in the open conversation.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { eventually, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { conversationItem, launchBrowser, loginToInbox } from '../helpers/browser';
import { openWidgetSession, widgetSend } from '../helpers/widget';
import type { ConversationView } from '../../src/contracts';

jest.setTimeout(120_000);

describe('the inbox keeps the newest view of a conversation when events cross (Chromium)', () => {
  let app: TestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginToInbox(page, app.url, app.staffEmail, app.staffPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The conversation as the server has it once triage and the first turn are done. */
  const settled = (id: string) =>
    eventually(async () => {
      const res = await staffFetch(app, `/api/conversations/${id}`);
      const { conversation } = (await res.json()) as { conversation: ConversationView };
      return conversation.triage && conversation.frontDoor !== 'start' ? conversation : null;
    });

  test('an older view arriving after a newer one changes neither the list nor the open conversation', async () => {
    const first = await openWidgetSession(app.url);
    await widgetSend(app.url, first, '母の介護のことで相談したいです');
    const other = await openWidgetSession(app.url);
    await widgetSend(app.url, other, '仕事が見つからず家賃が払えません');
    const [a, b] = [await settled(first.conversationId), await settled(other.conversationId)];
    expect(a.triage?.urgency).not.toBe('high');
    await conversationItem(page, a.id).click();
    await page.getByTestId('conversation-view').waitFor();

    // Two views of the first conversation, the newer one first: as when triage's event overtakes intake's.
    const publisher = app.runtime.ctx.publisher;
    publisher.conversationUpdated({ ...a, version: a.version + 2, triage: { ...a.triage!, urgency: 'high' } });
    publisher.conversationUpdated({ ...a, version: a.version + 1, triage: { ...a.triage!, urgency: 'low' } });
    // Events on one socket arrive in order: once this later one shows, the older view above was seen.
    publisher.conversationUpdated({ ...b, version: b.version + 1, status: 'waiting' });
    await conversationItem(page, b.id).and(page.locator('[data-status="waiting"]')).waitFor();

    expect(await conversationItem(page, a.id).getAttribute('data-urgency')).toBe('high');
    expect(await page.getByTestId('conversation-view').locator('[data-urgency]').first().getAttribute('data-urgency')).toBe('high');

    // A newer view still replaces it.
    publisher.conversationUpdated({ ...a, version: a.version + 3, triage: { ...a.triage!, urgency: 'low' } });
    await conversationItem(page, a.id).and(page.locator('[data-urgency="low"]')).waitFor();
    await page.getByTestId('conversation-view').locator('[data-urgency="low"]').waitFor();
  });
});

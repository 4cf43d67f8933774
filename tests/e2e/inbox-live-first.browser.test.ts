/**
 * A conversation that first arrives live in the list shows what a reloaded list shows (issue 11,
 * point 10): its first message (what it is about) as well as the latest, not only the latest line
 * until someone reloads. Screenshots: inbox-live-first.png, inbox-live-first-phone.png.
 */
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { conversationItem, screenshot, signedInInbox } from '../helpers/browser';
import { openWidgetSession, widgetSend } from '../helpers/widget';

jest.setTimeout(120_000);

describe('a conversation arriving live shows its first message (Chromium)', () => {
  let app: TestApp;
  let inbox: { page: Page; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    inbox = await signedInInbox(app.url, app.staffEmail, app.staffPassword);
    page = inbox.page;
  });
  afterAll(async () => {
    await inbox?.close();
    await app?.close();
  });

  const lines = async (id: string) => {
    const item = conversationItem(page, id);
    return { first: await item.getByTestId('conv-first').allTextContents(), latest: await item.getByTestId('conv-latest').allTextContents() };
  };

  test('first and latest message, live as after a reload', async () => {
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, '母の介護のことで相談したいです');
    const item = conversationItem(page, s.conversationId);
    await item.getByTestId('conv-first').filter({ hasText: '母の介護のことで相談したいです' }).waitFor();
    await widgetSend(app.url, s, '夜になると特に不安です');
    await item.getByTestId('conv-latest').filter({ hasText: '夜になると特に不安です' }).waitFor();
    const live = await lines(s.conversationId);
    expect(live).toEqual({ first: ['最初: 母の介護のことで相談したいです'], latest: ['最新: 夜になると特に不安です'] });
    await screenshot(page, 'inbox-live-first.png');

    // What a reloaded list shows is the same.
    await page.reload();
    await item.getByTestId('conv-latest').waitFor();
    expect(await lines(s.conversationId)).toEqual(live);

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'inbox-live-first-phone.png');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

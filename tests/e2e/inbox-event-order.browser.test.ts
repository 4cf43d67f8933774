/**
 * Live events come from several processes (the API at intake and on staff actions, the workers
 * after triage, each front-door turn and an escalation) and can cross on the way: under load a
 * message's triage result reached the inbox before the API's own event about that message, whose
 * older view then turned the counsellor's list back to the state before triage. The inbox keeps
 * the view with the higher version (raised by the database on every change), in the list and in
 * the open conversation; an acknowledged alert stays acknowledged whatever arrives after; and a
 * conversation that came in while the list reloaded stays in it (the page, read before it came,
 * does not hold it).
 */
import type { Page } from 'playwright-core';
import { addLoggedInStaff, as, eventually, staffConversation, staffFetch, startTestApp, type TestApp } from '../helpers/app';
import { conversationItem, signedInInbox } from '../helpers/browser';
import { openWidgetSession, widgetSend } from '../helpers/widget';
import { seedConversation } from '../helpers/cases';
import type { AlertView } from '../../src/contracts';

jest.setTimeout(120_000);

describe('the inbox keeps the newest view of a conversation when events cross (Chromium)', () => {
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

  /** The conversation as the server has it once triage and the first turn are done. */
  const settled = (id: string) =>
    eventually(async () => {
      const conversation = await staffConversation(app, id);
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

  test('an escalation that crossed the acknowledgement does not bring the alert back (supervisor)', async () => {
    const supervisor = await addLoggedInStaff(app, 'supervisor', '主任 次郎');
    const own = await signedInInbox(app.url, supervisor.email, supervisor.password);
    const screen = own.page;
    try {
      const s = await openWidgetSession(app.url);
      await widgetSend(app.url, s, '今夜、首をつろうと思います');
      const item = screen.locator(`[data-testid="alert-item"][data-conversation-id="${s.conversationId}"]`);
      await item.waitFor();
      const { alerts } = (await (await staffFetch(as(app, supervisor.cookie), '/api/alerts?state=open')).json()) as { alerts: AlertView[] };
      const open = alerts.find((a) => a.conversationId === s.conversationId)!;
      const { agencyId } = await settled(s.conversationId);
      await item.getByTestId('alert-ack').click();
      await item.waitFor({ state: 'detached' });

      // What the escalation worker published just before the acknowledgement committed, arriving after it.
      const publisher = app.runtime.ctx.publisher;
      publisher.alertEscalated(agencyId, { ...open, escalatedAt: new Date().toISOString() });
      publisher.alertCrisis(agencyId, open);
      const other = await openWidgetSession(app.url);
      await widgetSend(app.url, other, '相談したいことがあります');
      const b = await settled(other.conversationId);
      publisher.conversationUpdated({ ...b, version: b.version + 1, status: 'waiting' });
      await conversationItem(screen, b.id).and(screen.locator('[data-status="waiting"]')).waitFor();

      expect(await item.count()).toBe(0);
      expect(await screen.getByTestId('alert-banner').count()).toBe(0);
    } finally {
      await own.close();
    }
  });

  test('a conversation that came in while the list reloaded stays in the list', async () => {
    // The list's next page is read by the server at once and handed to the inbox only when let go:
    // a reload whose answer is on its way while a person writes for the first time.
    const isList = (url: URL) => url.pathname === '/api/conversations';
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    let read!: () => void;
    const pageRead = new Promise<void>((r) => (read = r));
    await page.route(isList, async (route) => {
      const response = await route.fetch();
      read();
      await held;
      await route.fulfill({ response });
    });
    try {
      await page.getByTestId('filter-channel').selectOption('widget');
      await pageRead;
      // stored and announced once, as intake does; nothing more happens to it (no later event would bring it back)
      const seeded = await seedConversation(app, { texts: ['初めて相談します。家族のことで悩んでいます'] });
      const item = conversationItem(page, seeded.id);
      await item.waitFor();
      const answered = page.waitForResponse((r) => isList(new URL(r.url())));
      letGo();
      await answered;
      // the reloaded list has rendered (a later event of another conversation shows), and kept it
      const later = await seedConversation(app, { texts: ['相談があります'] });
      await conversationItem(page, later.id).waitFor();
      expect(await item.count()).toBe(1);
    } finally {
      await page.unroute(isList);
      await page.getByTestId('filter-channel').selectOption('');
    }
  });
});

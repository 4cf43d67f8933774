/** The widget's API as a test (or a resident without a browser) uses it, and the widget in a browser. */
import { randomUUID } from 'node:crypto';
import type { Frame, FrameLocator, Page } from 'playwright-core';

export interface WidgetSession {
  sessionToken: string;
  conversationId: string;
}

export interface WidgetThreadMessage {
  id: string;
  direction: 'in' | 'out';
  author: 'person' | 'bot' | 'staff';
  text: string;
  buttons?: { label: string; data: string }[];
}

export async function openWidgetSession(url: string, body: { lang?: string; agency?: string } = {}): Promise<WidgetSession> {
  const res = await fetch(`${url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`widget session: ${res.status}`);
  return (await res.json()) as WidgetSession;
}

/** Sends one message; throws unless it was accepted (202). */
export async function widgetSend(url: string, s: WidgetSession, text: string): Promise<string> {
  const res = await fetch(`${url}/api/widget/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
    body: JSON.stringify({ text, clientMessageId: randomUUID() }),
  });
  if (res.status !== 202) throw new Error(`widget send: ${res.status}`);
  return ((await res.json()) as { messageId: string }).messageId;
}

export async function widgetThread(url: string, s: WidgetSession | string): Promise<WidgetThreadMessage[]> {
  const token = typeof s === 'string' ? s : s.sessionToken;
  const res = await fetch(`${url}/api/widget/messages`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { messages: WidgetThreadMessage[] }).messages;
}

// ---------------------------------------------------------------------------------------------
// The widget in a browser: the chat lives in an iframe on tsunagu's origin.

/** The chat frame of a page embedding the widget (Playwright pierces the launcher's shadow root). */
export const chatFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-testid="widget-frame"]');

/** The chat frame as a Frame (to evaluate in it, e.g. read its sessionStorage). */
export async function chatFrameHandle(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe[data-testid="widget-frame"]').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no chat frame');
  return frame;
}

/** What the frame keeps in its sessionStorage (the session with its token, the outbox…). */
export async function frameStorage(page: Page): Promise<Record<string, string>> {
  const frame = await chatFrameHandle(page);
  return frame.evaluate(() => Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k) ?? ''])));
}

/** The frame's current session (token and conversation), or undefined. */
export async function frameSession(page: Page): Promise<WidgetSession | undefined> {
  const raw = (await frameStorage(page))['tsunagu.widget.session'];
  return raw ? (JSON.parse(raw) as WidgetSession) : undefined;
}

/** Opens the panel with the launcher and waits until the chat is ready to type in. */
export async function openChat(page: Page): Promise<FrameLocator> {
  await page.getByTestId('widget-open').click();
  const frame = chatFrame(page);
  await frame.getByTestId('widget-input').waitFor();
  return frame;
}

/**
 * Writes a message in the open chat and waits until the server has accepted it. `send: 'keyboard'`
 * activates the send button with Enter instead of a click: at 320 px with touch emulation, under
 * CI load, Playwright hit-tests clicks inside the frame a few hundred pixels off (it lands on the
 * log above the button), which a person's finger does not.
 */
export async function writeInChat(page: Page, text: string, options: { send?: 'click' | 'keyboard' } = {}): Promise<void> {
  const frame = chatFrame(page);
  await frame.getByTestId('widget-input').fill(text);
  if (options.send === 'keyboard') await frame.getByTestId('widget-send').press('Enter');
  else await frame.getByTestId('widget-send').click();
  await frame.locator('[data-testid="widget-message"][data-state="sent"]', { hasText: text }).waitFor();
}

/** Taps one of the bot's buttons (label and postback data, as the widget sends them). */
export async function widgetChoose(url: string, s: WidgetSession, button: { label: string; data: string }): Promise<string> {
  const res = await fetch(`${url}/api/widget/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
    body: JSON.stringify({ text: button.label, postback: button.data, clientMessageId: randomUUID() }),
  });
  if (res.status !== 202) throw new Error(`widget choose: ${res.status}`);
  return ((await res.json()) as { messageId: string }).messageId;
}

/** The person switches the widget's language. */
export async function widgetSetLang(url: string, s: WidgetSession, lang: string): Promise<number> {
  const res = await fetch(`${url}/api/widget/session`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
    body: JSON.stringify({ lang }),
  });
  return res.status;
}

/** The widget's API as a test (or a resident without a browser) uses it. */
import { randomUUID } from 'node:crypto';

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

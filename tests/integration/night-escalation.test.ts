/**
 * Nobody on duty is never silent (real Redis, database, a local webhook receiver, a local SMTP
 * server reached through nodemailer): with nobody signed in, a crisis reaches the on-call
 * targets at once (well within the configured delay) and the reply says truthfully what
 * happens; with an inbox open the reply says staff were told and the targets wait for the delay;
 * with no roster for the hour the reply says nobody can read it until the desk opens. Without any
 * target, /readyz is degraded and `npm start` says so loudly.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { alerts } from '../../src/db/schema';
import { describeNextStaffed, loadMunicipality } from '../../src/municipality';
import { ALWAYS_STAFFED, connectStaffSocket, eventually, startTestApp, waitForEvent, type TestApp } from '../helpers/app';
import { municipalityFile } from '../helpers/municipality';
import { openWidgetSession, widgetSend, widgetThread, type WidgetSession } from '../helpers/widget';
import { freePort, startTsunagu, stopProcess } from '../helpers/processes';

const CRISIS = 'もう限界です。今夜、薬を全部飲んで死のうと思っています';
const DELAY_SECONDS = 30;

interface Receivers {
  webhookUrl: string;
  smtpPort: number;
  hooks: { at: number; body: Record<string, unknown> }[];
  mails: { at: number; to: string[]; raw: string }[];
  close(): Promise<void>;
}

async function startReceivers(): Promise<Receivers> {
  const hooks: Receivers['hooks'] = [];
  const mails: Receivers['mails'] = [];
  const web = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      hooks.push({ at: Date.now(), body: JSON.parse(body) });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => (raw += d));
      stream.on('end', () => {
        mails.push({ at: Date.now(), to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', () => r()));
  return {
    webhookUrl: `http://127.0.0.1:${(web.address() as AddressInfo).port}/oncall`,
    smtpPort,
    hooks,
    mails,
    close: async () => {
      await new Promise((r) => web.close(r));
      await new Promise<void>((r) => smtp.close(() => r()));
    },
  };
}

async function crisisReply(app: TestApp, s: WidgetSession) {
  const bot = await eventually(async () => (await widgetThread(app.url, s)).find((m) => m.author === 'bot' && m.text.includes('119')));
  return bot.text;
}
const alertOf = async (app: TestApp, conversationId: string) =>
  eventually(async () => (await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.conversationId, conversationId)))[0]);

describe('a crisis at night with the on-call roster and both targets', () => {
  let app: TestApp;
  let rx: Receivers;

  beforeAll(async () => {
    rx = await startReceivers();
    const file = municipalityFile((m) => {
      m.escalation = { unacknowledgedMinutes: 5, webhookUrl: rx.webhookUrl, email: ['tobaan@city.example.jp'], onCall: [{ name: '夜間当番（福祉課）', hours: '24h' }] };
    });
    app = await startTestApp({
      db: 'pglite',
      env: { MUNICIPALITY_FILE: file, SMTP_URL: `smtp://127.0.0.1:${rx.smtpPort}`, SMTP_FROM: 'tsunagu <tsunagu@city.example.jp>', ESCALATION_AFTER_SECONDS: String(DELAY_SECONDS) },
    });
  });
  afterAll(async () => {
    await app?.close();
    await rx?.close();
  });

  test('nobody signed in: the webhook and the e-mail reach the on-call staff within the configured delay, and the reply says so', async () => {
    const s = await openWidgetSession(app.url);
    const sent = Date.now();
    await widgetSend(app.url, s, CRISIS);
    const text = await crisisReply(app, s);
    expect(text).toContain('当番の職員に知らせています');
    expect(text).not.toContain('相談員にすぐ知らせました');

    const alert = await alertOf(app, s.conversationId);
    const hook = await eventually(async () => rx.hooks.find((h) => h.body.alertId === alert.id), DELAY_SECONDS * 1000);
    const mail = await eventually(async () => rx.mails.find((m) => m.raw.includes(alert.id)), DELAY_SECONDS * 1000);
    expect(hook.at - sent).toBeLessThan(DELAY_SECONDS * 1000);
    expect(mail.at - sent).toBeLessThan(DELAY_SECONDS * 1000);
    expect(hook.body).toMatchObject({ type: 'crisis_unacknowledged', reason: 'nobody_signed_in', duty: 'on_call', onCall: '夜間当番（福祉課）', conversationId: s.conversationId });
    expect(mail.to).toEqual(['tobaan@city.example.jp']);
    // Ids only: never the person's words.
    for (const out of [JSON.stringify(hook.body), mail.raw]) {
      expect(out).not.toContain('薬');
      expect(out).not.toContain('死');
    }
    const done = await eventually(async () => {
      const [row] = await app.runtime.ctx.db.select().from(alerts).where(eq(alerts.id, alert.id));
      return row.escalationNotifiedAt && row.escalationEmailedAt ? row : null;
    });
    expect(done).toMatchObject({ duty: 'on_call', escalatedAt: expect.any(Date) });
  });

  test('an inbox open: the reply says staff were told, and the targets wait for the delay', async () => {
    const staff = await connectStaffSocket(app);
    try {
      const s = await openWidgetSession(app.url);
      await widgetSend(app.url, s, CRISIS);
      expect(await crisisReply(app, s)).toContain('相談員にすぐ知らせました');
      const alert = await alertOf(app, s.conversationId);
      expect(alert.duty).toBe('staff');
      expect(alert.escalateAt!.getTime() - alert.createdAt.getTime()).toBeGreaterThanOrEqual((DELAY_SECONDS - 1) * 1000);
      await new Promise((r) => setTimeout(r, 2000));
      expect(rx.hooks.some((h) => h.body.alertId === alert.id)).toBe(false);
      expect(rx.mails.some((m) => m.raw.includes(alert.id))).toBe(false);
    } finally {
      staff.disconnect();
    }
  });

  test('a staff member answering with the inbox open: a new crisis alerts staff, without the automatic reply on top', async () => {
    const staff = await connectStaffSocket(app);
    try {
      const s = await openWidgetSession(app.url);
      await widgetSend(app.url, s, '仕事のことで相談です');
      await eventually(async () => (await widgetThread(app.url, s)).some((m) => m.author === 'bot' && m.buttons));
      const reply = await fetch(`${app.url}/api/conversations/${s.conversationId}/replies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: app.url, cookie: app.staffCookie },
        body: JSON.stringify({ text: '相談員の佐藤です。どうされましたか。' }),
      });
      expect(reply.status).toBe(202);
      const crisis = waitForEvent(staff, 'alert:crisis', (a) => a.conversationId === s.conversationId);
      await eventually(async () => (await widgetThread(app.url, s)).some((m) => m.author === 'staff'));
      const before = (await widgetThread(app.url, s)).filter((m) => m.author === 'bot').length;
      await widgetSend(app.url, s, CRISIS);
      await crisis;
      await new Promise((r) => setTimeout(r, 1000));
      expect((await widgetThread(app.url, s)).filter((m) => m.author === 'bot')).toHaveLength(before);
    } finally {
      staff.disconnect();
    }
  });

  test('an inbox that closed is not on duty: the next crisis pages the on-call staff again', async () => {
    const staff = await connectStaffSocket(app);
    staff.disconnect();
    await new Promise((r) => setTimeout(r, 300));
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, CRISIS);
    expect(await crisisReply(app, s)).toContain('当番の職員に知らせています');
  });
});

describe('a crisis when nobody is on duty and no roster covers the hour', () => {
  let app: TestApp;
  let rx: Receivers;
  let file: string;

  beforeAll(async () => {
    rx = await startReceivers();
    // The desk opens three hours from now (every day), so "until" names a real time.
    const hour = (Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: 'numeric', hourCycle: 'h23' }).format(new Date())) + 3) % 24;
    const range = [{ start: `${String(hour).padStart(2, '0')}:00`, end: `${String(hour + 1).padStart(2, '0')}:00` }];
    file = municipalityFile((m) => {
      for (const day of Object.keys(m.staffedHours)) m.staffedHours[day] = range;
      m.escalation = { unacknowledgedMinutes: 5, webhookUrl: rx.webhookUrl };
    });
    app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: file, ESCALATION_AFTER_SECONDS: String(DELAY_SECONDS) } });
  });
  afterAll(async () => {
    await app?.close();
    await rx?.close();
  });

  // The reply is in the language the crisis is written in (English in English); a person with
  // やさしい日本語 keeps it when they write ordinary Japanese.
  test.each([
    ['ja', CRISIS, (next: string) => `いまは、このメッセージをすぐに読める職員がいません。相談員が読めるのは ${next} 以降です。`, '今すぐ下の番号に電話してください'],
    ['en', 'I cannot go on. Tonight I am going to take all my pills and die.', (next: string) => `No one can read this message right now. A counsellor will read it from ${next}.`, 'call one of the numbers below now'],
    ['easy-ja', CRISIS, (next: string) => `いまは この メッセージを すぐに よめる ひとが いません。そうだんいんが よめるのは ${next} からです。`, 'いま すぐ したの ばんごうに でんわ'],
  ] as const)('%s: nobody can read it until the desk opens; call now; the webhook is still told at once', async (lang, crisis, nobody, callNow) => {
    const s = await openWidgetSession(app.url, { lang });
    await widgetSend(app.url, s, crisis);
    const text = await crisisReply(app, s);
    const next = describeNextStaffed(loadMunicipality(file), new Date(), lang);
    expect(text).toContain(nobody(next));
    expect(text).toContain(callNow);
    const alert = await alertOf(app, s.conversationId);
    expect(alert.duty).toBe('nobody');
    await eventually(async () => rx.hooks.find((h) => h.body.alertId === alert.id && h.body.duty === 'nobody'), DELAY_SECONDS * 1000);
  });
});

describe('no out-of-hours target', () => {
  test('/readyz says degraded and the start log says why', async () => {
    const lines: string[] = [];
    const app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: ALWAYS_STAFFED, LOG_LEVEL: 'warn' }, logDestination: { write: (l) => void lines.push(l) } });
    try {
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'degraded', checks: { database: 'ok', redis: 'ok', escalation: 'missing' } });
      const warning = lines.map((l) => JSON.parse(l)).find((l) => /no out-of-hours escalation target/.test(l.msg));
      expect(warning).toMatchObject({ level: 50 }); // error
    } finally {
      await app.close();
    }
  });

  test('with a target it is ready', async () => {
    const app = await startTestApp({ db: 'pglite', env: { MUNICIPALITY_FILE: municipalityFile((m) => (m.escalation = { webhookUrl: 'http://127.0.0.1:9/oncall' })) } });
    try {
      expect(await (await fetch(`${app.url}/readyz`)).json()).toMatchObject({ status: 'ready', checks: { escalation: 'ok' } });
    } finally {
      await app.close();
    }
  });

  test('npm start prints a banner on the terminal', async () => {
    const port = await freePort();
    // The banner goes to stderr right after the start, before the "widget demo" line on stdout.
    const server = await startTsunagu(
      { DATA_DIR: 'memory://', PORT: String(port), QUEUE_PREFIX: `t${port}`, REDIS_AUTOSTART: 'false', MUNICIPALITY_FILE: ALWAYS_STAFFED },
      [],
      'widget demo',
    );
    try {
      await eventually(async () => server.output().includes('NO OUT-OF-HOURS ESCALATION TARGET'), 5000);
      expect(server.output()).toContain('受信箱を開いている職員がいないと、緊急の相談の通知は誰にも届きません');
    } finally {
      await stopProcess(server, 'SIGTERM');
    }
  });
});

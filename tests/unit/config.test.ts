import { ConfigError, loadConfig } from '../../src/config';

describe('settings', () => {
  test('defaults give the embedded setup', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.lineEnabled).toBe(false);
    expect(c.LINE_API_BASE_URL).toBe('https://api.line.me');
  });

  test('metrics are off unless METRICS_PORT is set (empty counts as unset); a wrong port is named', () => {
    expect(loadConfig({}).METRICS_PORT).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '' }).METRICS_PORT).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' })).toMatchObject({ METRICS_PORT: 9464, METRICS_HOST: '127.0.0.1' });
    expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });

  test("the embedded database keeps 32MB of pages by default; the setting is a size Postgres reads (a typo is named, not passed on)", () => {
    expect(loadConfig({}).PGLITE_SHARED_BUFFERS).toBe('32MB');
    expect(loadConfig({ PGLITE_SHARED_BUFFERS: '128MB' }).PGLITE_SHARED_BUFFERS).toBe('128MB');
    for (const wrong of ['32', '32 MB', '32mb', '0MB', '32MB; drop table messages']) expect(() => loadConfig({ PGLITE_SHARED_BUFFERS: wrong })).toThrow(/PGLITE_SHARED_BUFFERS: a size such as 32MB/);
  });

  test('an empty DATABASE_URL means the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  test('every wrong setting is named in one readable error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url', QUEUE_PREFIX: 'a b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('REDIS_URL');
    expect(message).toContain('QUEUE_PREFIX');
  });

  test('production requires a real session secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toBe('x'.repeat(32));
  });

  test('LINE needs both the secret and the token', () => {
    expect(() => loadConfig({ LINE_CHANNEL_SECRET: 's' })).toThrow(/LINE_CHANNEL_ACCESS_TOKEN/);
    expect(loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't' }).lineEnabled).toBe(true);
  });

  test('widget sessions end after 2 hours idle by default; the setting must be a positive number', () => {
    expect(loadConfig({}).WIDGET_SESSION_IDLE_MINUTES).toBe(120);
    expect(loadConfig({ WIDGET_SESSION_IDLE_MINUTES: '30' }).WIDGET_SESSION_IDLE_MINUTES).toBe(30);
    expect(() => loadConfig({ WIDGET_SESSION_IDLE_MINUTES: '0' })).toThrow(/WIDGET_SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ WIDGET_SESSION_IDLE_MINUTES: 'two hours' })).toThrow(/WIDGET_SESSION_IDLE_MINUTES/);
  });

  test('dialogue runs 4 jobs at a time and delivery 16 by default; the settings must be whole numbers from 1', () => {
    expect(loadConfig({})).toMatchObject({ DIALOGUE_CONCURRENCY: 4, DELIVER_CONCURRENCY: 16 });
    expect(loadConfig({ DIALOGUE_CONCURRENCY: '64', DELIVER_CONCURRENCY: '4' })).toMatchObject({ DIALOGUE_CONCURRENCY: 64, DELIVER_CONCURRENCY: 4 });
    for (const bad of ['0', '2.5', 'many']) {
      expect(() => loadConfig({ DIALOGUE_CONCURRENCY: bad })).toThrow(/DIALOGUE_CONCURRENCY/);
      expect(() => loadConfig({ DELIVER_CONCURRENCY: bad })).toThrow(/DELIVER_CONCURRENCY/);
    }
  });

  test('allowed widget origins are * or a list of origins (they go into a CSP header)', () => {
    expect(loadConfig({ WIDGET_ALLOWED_ORIGINS: 'https://www.city.example.lg.jp, http://localhost:8080' }).WIDGET_ALLOWED_ORIGINS).toBe(
      'https://www.city.example.lg.jp, http://localhost:8080',
    );
    for (const bad of ['www.city.example.lg.jp', 'https://a.example; script-src *', 'https://a.example/path', 'https://a.example,']) {
      expect(() => loadConfig({ WIDGET_ALLOWED_ORIGINS: bad })).toThrow(/WIDGET_ALLOWED_ORIGINS/);
    }
  });

  test('escalation e-mail: SMTP_URL must be smtp(s)://, and needs SMTP_FROM', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.city.example.jp' })).toThrow(/SMTP_URL must look like smtp:\/\//);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.city.example.jp:587' })).toThrow(/SMTP_FROM/);
    const c = loadConfig({ SMTP_URL: 'smtps://u:p@mail.city.example.jp:465', SMTP_FROM: 'tsunagu <t@city.example.jp>' });
    expect(c.SMTP_URL).toBe('smtps://u:p@mail.city.example.jp:465');
    expect(loadConfig({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });
});

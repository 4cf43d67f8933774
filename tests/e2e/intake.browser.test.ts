/**
 * In a real browser: a resident writes in the widget on the demo page, the message appears live
 * in the counsellor's inbox, the counsellor answers, and the answer appears in the widget
 * without a reload.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { launchBrowser, SCREENSHOTS } from '../helpers/browser';
import { openChat } from '../helpers/widget';

describe('widget → inbox → widget in Chromium', () => {
  let app: TestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    app = await startTestApp({ db: 'pglite' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a resident and a counsellor talk live', async () => {
    const resident = await browser.context.newPage();
    await resident.setViewportSize({ width: 360, height: 740 });
    await resident.goto(`${app.url}/`);
    const widget = await openChat(resident);
    await widget.getByTestId('widget-input').fill('父の物忘れがひどくなって心配です。<b>夜</b>も眠れません');
    await widget.getByTestId('widget-send').click();
    await widget.getByTestId('widget-message').filter({ hasText: '父の物忘れ' }).waitFor();

    const counsellor = await browser.context.newPage();
    await counsellor.setViewportSize({ width: 1280, height: 800 });
    await counsellor.goto(`${app.url}/inbox`);
    await counsellor.getByTestId('login-email').fill(app.staffEmail);
    await counsellor.getByTestId('login-password').fill(app.staffPassword);
    await counsellor.getByTestId('login-submit').click();
    const item = counsellor.getByTestId('conversation-item').first();
    await item.waitFor();
    await item.click();
    // Text, never markup: the <b> arrives as characters.
    await counsellor.getByTestId('staff-message').filter({ hasText: '父の物忘れがひどくなって心配です。<b>夜</b>も眠れません' }).waitFor();
    await counsellor.screenshot({ path: path.join(SCREENSHOTS, 'inbox-conversation.png') });

    // A second message arrives live while the counsellor is looking.
    await widget.getByTestId('widget-input').fill('母は隣の市に住んでいます');
    await widget.getByTestId('widget-send').click();
    await counsellor.getByTestId('staff-message').filter({ hasText: '母は隣の市に住んでいます' }).waitFor();

    await counsellor.getByTestId('reply-input').fill('ご連絡ありがとうございます。担当の相談員です。');
    await counsellor.getByTestId('reply-send').click();
    const answer = widget.getByTestId('widget-message').filter({ hasText: '担当の相談員です' });
    await answer.waitFor();
    expect(await answer.getAttribute('data-direction')).toBe('out');
    await resident.screenshot({ path: path.join(SCREENSHOTS, 'widget-answer-360px.png') });
  });
});

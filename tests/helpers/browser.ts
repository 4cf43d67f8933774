/** Debian's Chromium, headless, driven by playwright-core (never a downloaded browser). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Screenshots of browser tests (gitignored; CI keeps them as artifacts). Look at them. */
export const SCREENSHOTS = path.resolve(__dirname, '../e2e/results');

/** `device`: context options such as a phone's (`{ viewport, hasTouch: true, isMobile: true }`). */
export async function launchBrowser(device: BrowserContextOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'ja-JP',
    ...device,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Logs into the inbox at `url` and waits until the live connection is up. */
export async function loginToInbox(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/inbox`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
}

/** A Chromium of its own (its own session cookie) with one page signed in to the inbox, desktop-sized unless told. */
export async function signedInInbox(url: string, email: string, password: string, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; close(): Promise<void> }> {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await loginToInbox(page, url, email, password);
  return { page, close: browser.close };
}

/** A conversation in the inbox list. */
export const conversationItem = (page: Page, id: string) => page.locator(`[data-testid="conversation-item"][data-id="${id}"]`);

/** Saves a screenshot of `page` as `name` under SCREENSHOTS. */
export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });

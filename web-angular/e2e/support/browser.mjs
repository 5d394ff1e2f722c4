import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './platform.mjs';

export const SCREENSHOT_DIR = join(ROOT, 'web-angular/e2e/screenshots');
export const DESKTOP = { width: 1366, height: 900 };
export const TABLET = { width: 820, height: 1180 };

/**
 * Debian's Chromium, headless, with a fresh profile and no background traffic. Playwright takes the
 * profile directory as the persistent context's argument instead of a `--user-data-dir` flag.
 */
export async function launchBrowser() {
  const profileDir = mkdtempSync(join(tmpdir(), 'vsp-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    acceptDownloads: true,
    viewport: DESKTOP,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** `fullPage: false` suits dialogs, whose backdrop covers only the viewport. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  // Charts animate in; let them settle so the picture shows final values.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/**
 * Registers a new user on the platform and opens a page already signed in as them (the session the app
 * keeps in sessionStorage); page errors are collected for the test to assert there were none.
 */
export async function signedInPage(platform, name) {
  const registered = await fetch(`${platform.baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `${name}-${Date.now()}@example.com`, password: 'correct-horse-battery', name }),
  });
  if (registered.status !== 201) {
    throw new Error(`register answered ${registered.status}`);
  }
  const session = await registered.json();
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(
    (stored) => sessionStorage.setItem('vsp.session', stored),
    JSON.stringify({ token: session.token, user: session.user }),
  );
  return { session, browser, page, pageErrors };
}

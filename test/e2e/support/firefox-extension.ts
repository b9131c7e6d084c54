// Firefox helpers for e2e tests that need more than the page: a test CA imported into the
// profile (so Firefox verifies the fixture server's chain for real, as with a corporate or
// attacker root), and the extension's own storage, read from one of its pages.
//
// Reading extension storage needs Firefox started with `--remote-allow-system-access`
// (launchFirefox({ extraArgs: [FIREFOX_SYSTEM_ACCESS] })): without it WebDriver BiDi refuses to
// open moz-extension:// pages.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { Report } from '../../../core/types.ts';
import { waitFor } from './browsers.ts';

export const FIREFOX_SYSTEM_ACCESS = '--remote-allow-system-access';

/**
 * Creates an NSS certificate database in `profileDir` with `caPem` as a trusted root for web
 * sites ("C,,"), the way an enterprise or an attacker adds a root. Needs `certutil`
 * (apt-get install libnss3-tools).
 */
export function importCaIntoProfile(profileDir: string, caPem: string, nickname = 'CallGuard Test CA'): void {
  fs.mkdirSync(profileDir, { recursive: true });
  const caFile = path.join(profileDir, 'callguard-test-ca.pem');
  fs.writeFileSync(caFile, caPem);
  const db = `sql:${profileDir}`;
  try {
    if (!fs.existsSync(path.join(profileDir, 'cert9.db'))) execFileSync('certutil', ['-N', '-d', db, '--empty-password'], { stdio: 'pipe' });
    execFileSync('certutil', ['-A', '-d', db, '-n', nickname, '-t', 'C,,', '-i', caFile], { stdio: 'pipe' });
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer; message: string };
    if (e.code === 'ENOENT') throw new Error("No certutil found: install the 'libnss3-tools' package (apt-get install libnss3-tools)");
    throw new Error(`certutil failed: ${e.stderr?.toString() || e.message}`);
  }
}

/** Opens an extension page (e.g. `/popup.html?tab=3`) in a new tab and waits until it runs there. */
export async function openExtensionPage(browser: Browser, extensionOrigin: string, pathname: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${extensionOrigin}${pathname}`;
  // puppeteer's goto() waits for load events that never come for moz-extension pages over
  // BiDi: navigate without waiting, then wait for the page itself.
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: string): Promise<unknown> } }).browsingContext;
  if (context) await context.navigate(url, 'none');
  else void page.goto(url, { timeout: 5_000 }).catch(() => {});
  await waitFor(async () => (await page.evaluate(() => location.href)) === url, { what: `extension page ${url}`, timeoutMs: 10_000 });
  await waitFor(() => page.evaluate(() => document.readyState === 'complete'), { what: `${url} loaded` });
  return page;
}

/** Every report in the extension's storage.session, by tab id (from an extension page). */
export async function reportsIn(extensionPage: Page): Promise<Record<number, Report>> {
  return extensionPage.evaluate(async () => {
    const stored = (await (globalThis as any).browser.storage.session.get(null)) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(stored)
        .filter(([key]) => key.startsWith('report:'))
        .map(([key, value]) => [Number(key.slice('report:'.length)), value]),
    );
  }) as Promise<Record<number, Report>>;
}

/** Waits until the report of the tab showing `url` satisfies `accept`. */
export async function waitForFirefoxReport(
  extensionPage: Page,
  url: string,
  what: string,
  accept: (report: Report) => boolean,
  timeoutMs = 15_000,
): Promise<{ tabId: number; report: Report }> {
  return waitFor(
    async () => {
      const found = Object.entries(await reportsIn(extensionPage)).find(([, report]) => report.url === url);
      return found && accept(found[1]) ? { tabId: Number(found[0]), report: found[1] } : undefined;
    },
    { what, timeoutMs, intervalMs: 100 },
  );
}

// Firefox helpers for e2e tests that need more than the page: a test CA imported into the
// profile (so Firefox verifies the fixture server's chain for real, as with a corporate or
// attacker root), and the extension's own storage, read from one of its pages.
//
// Reading extension storage needs Firefox started with `--remote-allow-system-access`
// (launchFirefox({ extraArgs: [FIREFOX_SYSTEM_ACCESS] })): without it WebDriver BiDi refuses to
// open moz-extension:// pages.

import type { Browser, Page } from 'puppeteer-core';
import type { Report } from '../../../core/types.ts';
import { waitFor } from './browsers.ts';

export const FIREFOX_SYSTEM_ACCESS = '--remote-allow-system-access';

/**
 * The test CA into a profile's certificate database (support/cert.ts). launchFirefox already does it
 * for the profile it starts with (option testCa).
 */
export { importCaIntoProfile } from './cert.ts';

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

// Helpers for end-to-end tests of the built CallGuard extension in Chromium.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { launchChromium, launchFirefox, extensionServiceWorker, waitFor } from './browsers.ts';
import { injectDriver, startFixtureServer } from './server.ts';
import type { FixtureServer, Routes } from './server.ts';
import type { Report } from '../../../core/types.ts';

/** The extension API inside the service worker, where worker.evaluate() runs these callbacks. */
declare const chrome: any;

export const REPO = path.resolve(import.meta.dirname, '../../..');
export const FIXTURES = path.join(REPO, 'test/fixtures');
export const CHROME_BUILD = path.join(REPO, '.output/chrome-mv3');
export const FIREFOX_BUILD = path.join(REPO, '.output/firefox-mv3');

/**
 * Builds the enterprise flavour (wxt.config.ts: host access to every site, which Chrome, Edge and
 * Firefox grant an extension an organisation installs) and returns its folder in .output.
 */
export async function buildEnterprise(browser: 'chrome' | 'firefox'): Promise<string> {
  const args = [path.join(REPO, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
  await promisify(execFile)(process.execPath, args, { cwd: REPO, env: { ...process.env, CALLGUARD_FLAVOUR: 'enterprise' } });
  return path.join(REPO, `.output/enterprise-${browser}-mv3`);
}

/** Hosts every test maps to the fixture server: conference sites and one site that is not. */
export const TEST_HOSTS = ['meet.google.com', 'meet.jit.si', '8x8.vc', 'app.zoom.us', 'teams.microsoft.com', 'acme.webex.com', 'www.example.org'];

/** A fixture page, with the test driver; `edit` changes its HTML first (a platform's next release, say). */
export function fixtureRoute(fixture: string, edit: (html: string) => string = (html) => html): Routes[string] {
  return (_req, res) => {
    const html = edit(fs.readFileSync(path.join(FIXTURES, `${fixture}.html`), 'utf8'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(injectDriver(html));
  };
}

export interface ExtensionSession {
  server: FixtureServer;
  browser: Browser;
  worker: WebWorker;
  close(): Promise<void>;
}

/** Fixture server + Chromium with the built extension (or another build: `extensionDir`) loaded. */
export async function startChromiumSession(
  routes: Routes,
  { extensionDir = CHROME_BUILD, hosts = TEST_HOSTS, ...launch }: { extraArgs?: string[]; env?: Record<string, string>; extensionDir?: string; hosts?: string[]; userDataDir?: string } = {},
): Promise<ExtensionSession> {
  const server = await startFixtureServer({ root: FIXTURES, routes });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium({ ...launch, extensionDir, hosts, port: server.port });
    const worker = await extensionServiceWorker(browser);
    const launched = browser;
    return {
      server,
      browser: launched,
      worker,
      close: async () => {
        await launched.close().catch(() => {});
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.close();
    throw error;
  }
}

/** Fixture server + Firefox with the built extension installed (hosts keep the server's port). */
export async function startFirefoxSession(
  routes: Routes,
  { extraArgs = [] as string[] } = {},
): Promise<{ server: FixtureServer; browser: Browser; extensionOrigin: string | undefined; close(): Promise<void> }> {
  const server = await startFixtureServer({ root: FIXTURES, routes });
  try {
    const { browser, extensionOrigin } = await launchFirefox({ extensionDir: FIREFOX_BUILD, port: server.port, extraArgs });
    return {
      server,
      browser,
      extensionOrigin,
      close: async () => {
        await browser.close().catch(() => {});
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** The tab id of a page, asked of the extension (the only one that knows tab ids). */
export async function tabIdOf(worker: WebWorker, page: Page, { intervalMs = 100 } = {}): Promise<number> {
  const url = page.url();
  return waitFor(
    () =>
      worker.evaluate(async (u: string) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t: { url?: string }) => t.url === u)?.id;
      }, url),
    { what: `tab of ${url}`, intervalMs },
  );
}

export async function storedReport(worker: WebWorker, tabId: number): Promise<Report | undefined> {
  return worker.evaluate(async (key: string) => (await chrome.storage.session.get(key))[key], `report:${tabId}`) as Promise<
    Report | undefined
  >;
}

/** Waits until the stored report satisfies `accept`; the timeout error shows the last report. */
/** Waits for the tab's stored report to satisfy `accept` (the bench polls faster: `intervalMs`). */
export async function waitForReport(worker: WebWorker, tabId: number, what: string, accept: (r: Report) => boolean, timeoutMs = 10_000, intervalMs = 50) {
  let last: Report | undefined;
  try {
    return await waitFor(
      async () => {
        last = await storedReport(worker, tabId);
        return last && accept(last) ? last : undefined;
      },
      { what, timeoutMs, intervalMs },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last report: ${JSON.stringify(last)}`);
  }
}

export { bannerText } from './banner-dom.ts';

// Helpers for end-to-end tests of the built CallGuard extension in Chromium.
import fs from 'node:fs';
import path from 'node:path';
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

/** Hosts every test maps to the fixture server: conference sites and one site that is not. */
export const TEST_HOSTS = ['meet.google.com', 'meet.jit.si', '8x8.vc', 'app.zoom.us', 'teams.microsoft.com', 'acme.webex.com', 'www.example.org'];

/** A route that serves one fixture file (with the test driver) at a real call URL path. */
export function fixtureRoute(fixture: string): Routes[string] {
  return (_req, res) => {
    const html = fs.readFileSync(path.join(FIXTURES, `${fixture}.html`), 'utf8');
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

/** Fixture server + Chromium with the built extension loaded. */
export async function startChromiumSession(routes: Routes, opts: { extraArgs?: string[]; env?: Record<string, string> } = {}): Promise<ExtensionSession> {
  const server = await startFixtureServer({ root: FIXTURES, routes });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium({ extensionDir: CHROME_BUILD, hosts: TEST_HOSTS, port: server.port, extraArgs: opts.extraArgs, env: opts.env });
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
export async function tabIdOf(worker: WebWorker, page: Page): Promise<number> {
  const url = page.url();
  return waitFor(
    () =>
      worker.evaluate(async (u: string) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t: { url?: string }) => t.url === u)?.id;
      }, url),
    { what: `tab of ${url}` },
  );
}

export async function storedReport(worker: WebWorker, tabId: number): Promise<Report | undefined> {
  return worker.evaluate(async (key: string) => (await chrome.storage.session.get(key))[key], `report:${tabId}`) as Promise<
    Report | undefined
  >;
}

/** Waits until the stored report satisfies `accept`; the timeout error shows the last report. */
export function waitForReport(worker: WebWorker, tabId: number, what: string, accept: (r: Report) => boolean, timeoutMs = 10_000) {
  return waitFor(
    async () => {
      const report = await storedReport(worker, tabId);
      return report && accept(report) ? report : undefined;
    },
    { what, timeoutMs, intervalMs: 50 },
  );
}

export { bannerText } from './banner-dom.ts';

// Private by construction (issue 9): over a full run in real Chromium, the extension makes no
// network request of its own from any of its contexts: service worker, content scripts (and the
// main-world probe), popup, options page, the report tab. Every request of those contexts is
// recorded through the DevTools protocol (Network domain on each target, with the initiator's
// stack for requests made from a conference page) and must be none.
//
// That the test can fail: E2E_CHROME_BUILD=<a build with a fetch added to the background or the
// content script> makes it fail (see docs/security.md, "Checking it").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page, Target, WebWorker } from 'puppeteer-core';
import { extensionServiceWorker, launchChromium, launchFirefox, waitFor } from './support/browsers.ts';
import { clickInBanner } from './support/banner-dom.ts';
import { bannerText, CHROME_BUILD, FIREFOX_BUILD, FIXTURES, fixtureRoute, storedReport, tabIdOf, TEST_HOSTS, waitForReport } from './support/extension.ts';
import { startFixtureServer } from './support/server.ts';
import type { FixtureServer } from './support/server.ts';

const BUILD = process.env.E2E_CHROME_BUILD ?? CHROME_BUILD;
/** Schemes that never leave the browser. */
const LOCAL = /^(chrome-extension|data|blob|about|chrome):/;

interface Seen {
  context: string;
  url: string;
  why: string;
}

let server: FixtureServer;
let browser: Browser;
let worker: WebWorker;
let extensionOrigin: string;
const violations: Seen[] = [];
const watched = new WeakSet<object>();
const pageRequests: string[] = [];

before(async () => {
  server = await startFixtureServer({
    root: FIXTURES,
    routes: { '/abc-defg-hij': fixtureRoute('google-meet/pre-join') },
  });
  browser = await launchChromium({ extensionDir: BUILD, hosts: TEST_HOSTS, port: server.port });
  // Watch every target from the moment it appears: workers (the extension's, also after a
  // restart), extension pages, tabs the extension opens.
  browser.on('targetcreated', (t: Target) => void watchTarget(t));
  worker = await extensionServiceWorker(browser);
  extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  for (const t of browser.targets()) await watchTarget(t);
});
after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

async function watchTarget(target: Target): Promise<void> {
  if (watched.has(target)) return;
  watched.add(target);
  const type = target.type();
  try {
    if (type === 'service_worker' || type === 'shared_worker' || type === 'other') {
      if (!target.url().startsWith('chrome-extension://')) return;
      const w = await target.worker();
      if (w) await recordNetwork(w.client, `worker ${target.url()}`, 'extension');
      // The side panel is an extension page of its own kind of target.
      else if (/\/sidepanel\.html/.test(target.url())) await recordNetwork(await target.createCDPSession(), `side panel ${target.url()}`, 'extension');
    } else if (type === 'page' || type === 'background_page') {
      const page = await target.page();
      if (page) await watchPage(page);
    }
  } catch {
    // A target that went away while being attached: nothing it could have sent.
  }
}

/** Pages: extension pages may request nothing but their own files; conference pages nothing for the extension. */
async function watchPage(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await recordNetwork(cdp, `page ${page.url()}`, 'page', page);
}

async function recordNetwork(cdp: CDPSession, context: string, kind: 'extension' | 'page', page?: Page): Promise<void> {
  const check = (url: string, initiator: unknown, frameUrl: string | undefined) => {
    const where = page ? `page ${page.url()}` : context;
    const extensionContext = kind === 'extension' || (frameUrl ?? page?.url() ?? '').startsWith('chrome-extension://');
    if (extensionContext) {
      if (!LOCAL.test(url)) violations.push({ context: where, url, why: 'request from an extension context' });
      return;
    }
    if (LOCAL.test(url)) return;
    pageRequests.push(url);
    const frames = stackUrls(initiator);
    if (frames.some((u) => u.startsWith('chrome-extension://'))) {
      violations.push({ context: where, url, why: `made by extension code (${frames.find((u) => u.startsWith('chrome-extension://'))})` });
    }
    // The fixture pages load only from their own (mapped) origin; anything else on a conference
    // page is someone's, and the pages here have no one else.
    const host = safeHost(url);
    if (host && !TEST_HOSTS.includes(host)) violations.push({ context: where, url, why: 'a host the fixture page never uses' });
  };
  cdp.on('Network.requestWillBeSent', (e: any) => check(e.request.url, e.initiator, e.documentURL));
  cdp.on('Network.webSocketCreated', (e: any) => check(e.url, e.initiator, undefined));
  cdp.on('Network.webTransportCreated', (e: any) => check(e.url, e.initiator, undefined));
  await cdp.send('Network.enable');
}

function stackUrls(initiator: any): string[] {
  const urls: string[] = [];
  if (initiator?.url) urls.push(initiator.url);
  for (let stack = initiator?.stack; stack; stack = stack.parent) {
    for (const frame of stack.callFrames ?? []) urls.push(frame.url);
  }
  return urls;
}
function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

async function clickButton(page: Page, label: RegExp): Promise<void> {
  const handle = await waitFor(
    () => page.evaluateHandle((source: string) => [...document.querySelectorAll('button')].find((b) => new RegExp(source).test(b.textContent ?? '')) ?? null, label.source).then((h) => (h.asElement() ? h : null)),
    { what: `button ${label}` },
  );
  await (handle as any).click();
}


test('a full run makes no network request from any extension context', async () => {
  // 1. A Meet call: pre-join, join, a live call, the banner.
  const page = await browser.newPage();
  await page.goto('https://meet.google.com/abc-defg-hij', { waitUntil: 'load' });
  const tabId = await tabIdOf(worker, page);
  await waitForReport(worker, tabId, 'pre-join', (r) => r.phase === 'pre-join');
  await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
  await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
  await waitForReport(worker, tabId, 'in call', (r) => r.inCall && r.e2ee === 'off', 15_000);
  await waitFor(() => bannerText(page), { what: 'banner' });

  // 2. "Details" in the banner opens the report beside the call (the side panel).
  await clickInBanner(page, 'Details');
  const panel = await browser.waitForTarget((t) => t.url().startsWith(`${extensionOrigin}/sidepanel.html`), { timeout: 10_000 });
  await waitFor(async () => ((await panel.asPage())?.$('.report h1') ?? null), { what: 'the side panel shows the report' });

  // 3. The popup for the tab: check again, export the report and save a detection sample (downloads).
  const popup = await browser.newPage();
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-privacy-'));
  try {
    const cdp = await popup.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await popup.goto(`${extensionOrigin}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
    const before = (await storedReport(worker, tabId))!.updatedAt;
    await clickButton(popup, /Check again/);
    await waitFor(async () => (await storedReport(worker, tabId))!.updatedAt !== before, { what: 'a rechecked report' });
    await clickButton(popup, /Export report/);
    const exported = await waitFor(async () => fs.readdirSync(downloads).find((f) => f.endsWith('.json')), { what: 'the exported report' });
    assert.equal(JSON.parse(fs.readFileSync(path.join(downloads, exported), 'utf8')).platform, 'google-meet');
    // A detection sample runs a script in every frame of the call tab and saves a file: nothing sent.
    await clickButton(popup, /Save a detection sample/);
    await waitFor(async () => fs.readdirSync(downloads).find((f) => f.startsWith('callguard-sample-google-meet-')), { what: 'the detection sample' });

    // 4. The options page.
    const options = await browser.newPage();
    await options.goto(`${extensionOrigin}/options.html`, { waitUntil: 'load' });
    await waitFor(() => options.evaluate(() => document.querySelectorAll('input, select').length > 0), { what: 'options form' });

    // 5. The call goes on for a while (stats polls, re-reads), then the page changes state.
    await new Promise((r) => setTimeout(r, 4500));
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/recording'));
    await waitForReport(worker, tabId, 'recording', (r) => r.findings.some((f) => f.id === 'recording'));
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    fs.rmSync(downloads, { recursive: true, force: true });
  }

  // The recorder works: the conference page's own requests were seen (and are not the extension's).
  assert.ok(pageRequests.some((u) => u.includes('/google-meet/recording.html')), `page requests seen: ${pageRequests.join(', ')}`);
  assert.deepEqual(violations, [], 'no network request from the extension');
});

// ---------------------------------------------------------------------------------------------
// Firefox: its extension contexts are out of WebDriver BiDi's network view, so every request the
// browser makes goes through a recording proxy instead. The fixture origin is tunnelled through;
// anything else is recorded and refused. Firefox's own services (mozilla hosts) are Firefox's.

const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net)$/;

interface RecordingProxy {
  port: number;
  seen: string[];
  close(): Promise<void>;
}

async function startRecordingProxy(fixturePort: number): Promise<RecordingProxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const proxy = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  proxy.on('connect', (req, client, head) => {
    const [host, port] = (req.url ?? '').split(':');
    if (Number(port) !== fixturePort) {
      seen.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    void host;
    const upstream = net.connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as net.AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}

describe('Firefox', () => {
  let ffServer: FixtureServer;
  let proxy: RecordingProxy;
  let ff: Browser;
  before(async () => {
    ffServer = await startFixtureServer({ root: FIXTURES, routes: { '/abc-defg-hij': fixtureRoute('google-meet/pre-join') } });
    proxy = await startRecordingProxy(ffServer.port);
    ({ browser: ff } = await launchFirefox({
      extensionDir: process.env.E2E_FIREFOX_BUILD ?? FIREFOX_BUILD,
      port: ffServer.port,
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    }));
  });
  after(async () => {
    await ff?.close().catch(() => {});
    await proxy?.close();
    await ffServer?.close();
  });

  test('a call in Firefox: no request leaves the browser but the call page\'s own', async () => {
    const page = await ff.newPage();
    await page.goto(`${ffServer.origin('meet.google.com')}/abc-defg-hij`, { waitUntil: 'load' });
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    await waitFor(() => page.evaluate(() => document.querySelector('callguard-banner') !== null), { what: 'the banner', timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 4500));
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/recording'));
    await new Promise((r) => setTimeout(r, 1500));
    const hostOf = (entry: string) => entry.split(' ')[1]!.replace(/^https?:\/\//, '').split(/[:/]/)[0]!;
    assert.deepEqual(proxy.seen.filter((e) => !FIREFOX_OWN.test(hostOf(e))), [], 'requests other than the call page\'s own');
  });
});

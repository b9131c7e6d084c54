// WebRTC evidence (issue 4), in real Chromium and real Firefox: what the main-world probe sees of
// the page's own peer connections, and that a hostile page cannot talk it into "encrypted".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { waitFor } from './support/browsers.ts';
import { bannerWide } from './support/banner-dom.ts';
import {

  fixtureRoute,
  startChromiumSession,
  tabIdOf,
  waitForReport, startFirefoxSession } from './support/extension.ts';
import type { ExtensionSession } from './support/extension.ts';
import type { FixtureServer } from './support/server.ts';

const ROUTES = {
  '/BareCall': fixtureRoute('webrtc/bare'),
  '/HostileCall': fixtureRoute('webrtc/hostile'),
  '/E2eeCall': fixtureRoute('jitsi/e2ee-on'),
};
type Transforms = 'none' | 'all' | 'audio';
const startCall = (page: Page, transforms: Transforms, realm: 'top' | 'iframe' = 'top') =>
  page.evaluate((t, r) => (window as any).__fixture.startCall({ transforms: t, realm: r }), transforms, realm);

describe('Chromium', () => {
  let session: ExtensionSession;
  before(async () => {
    session = await startChromiumSession(ROUTES);
  });
  after(() => session?.close());

  async function callOn(path: string, transforms: Transforms, realm: 'top' | 'iframe' = 'top') {
    const page = await session.browser.newPage();
    await page.goto(`https://meet.jit.si${path}`, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(session.worker, page);
    await startCall(page, transforms, realm);
    return { page, tabId };
  }

  test('a plain loopback call on an unrecognised page: in call, e2ee off by rtc', async () => {
    const { page, tabId } = await callOn('/BareCall', 'none');
    try {
      const report = await waitForReport(session.worker, tabId, 'e2ee off by rtc', (r) =>
        r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'),
      );
      assert.equal(report.inCall, true, 'a live media connection counts as a call');
      assert.equal(report.e2ee, 'off');
      assert.match(report.findings.find((f) => f.id === 'e2ee-off')!.evidence.join(' '), /no encoded transform/);
      assert.ok(report.network.dtlsState, 'connection stats were summarised');
    } finally {
      await page.close();
    }
  });

  test('transforms on every sender and receiver: not off, and never "on" by themselves', async () => {
    const { page, tabId } = await callOn('/BareCall', 'all');
    try {
      const report = await waitForReport(session.worker, tabId, 'transforms everywhere', (r) =>
        r.inCall && r.e2eeEvidence.some((e) => /consistent with end-to-end encryption/.test(e)),
      );
      assert.equal(report.e2ee, 'unknown');
      assert.ok(!report.findings.some((f) => f.id === 'e2ee-off'));
      assert.ok(report.findings.some((f) => f.id === 'e2ee-unverified'));
    } finally {
      await page.close();
    }
  });

  test('a transform on audio only: off, with "partial" evidence', async () => {
    const { page, tabId } = await callOn('/BareCall', 'audio');
    try {
      const report = await waitForReport(session.worker, tabId, 'partial transforms', (r) =>
        r.findings.some((f) => f.id === 'e2ee-off' && f.evidence.some((e) => e.startsWith('partial'))),
      );
      assert.equal(report.e2ee, 'off');
      assert.match(report.findings.find((f) => f.id === 'e2ee-off')!.evidence[0]!, /video/);
    } finally {
      await page.close();
    }
  });

  test('a connection made from a fresh iframe\'s constructor is still seen', async () => {
    const { page, tabId } = await callOn('/BareCall', 'none', 'iframe');
    try {
      const report = await waitForReport(session.worker, tabId, 'iframe connection', (r) =>
        r.inCall && r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'),
      );
      assert.equal(report.e2ee, 'off');
    } finally {
      await page.close();
    }
  });

  test('the wrapped constructor looks native to the page', async () => {
    const page = await session.browser.newPage();
    try {
      await page.goto('https://meet.jit.si/BareCall', { waitUntil: 'domcontentloaded' });
      const facts = await page.evaluate(() => {
        const pc = new RTCPeerConnection();
        class Sub extends RTCPeerConnection {}
        const sub = new Sub();
        const result = {
          wrapped: (RTCPeerConnection as any)[Symbol.for('callguard.wrapped')] === true,
          instance: pc instanceof RTCPeerConnection,
          subclass: sub instanceof Sub && sub instanceof RTCPeerConnection,
          name: RTCPeerConnection.name,
          source: Function.prototype.toString.call(RTCPeerConnection),
          method: Function.prototype.toString.call(RTCPeerConnection.prototype.setLocalDescription),
          generateCertificate: typeof (RTCPeerConnection as any).generateCertificate,
        };
        pc.close();
        sub.close();
        return result;
      });
      assert.deepEqual(facts, {
        wrapped: true,
        instance: true,
        subclass: true,
        name: 'RTCPeerConnection',
        source: 'function RTCPeerConnection() { [native code] }',
        method: 'function setLocalDescription() { [native code] }',
        generateCertificate: 'function',
      });
    } finally {
      await page.close();
    }
  });

  test('a hostile page\'s forged messages change nothing', async () => {
    const { page, tabId } = await callOn('/HostileCall', 'none');
    try {
      await waitForReport(session.worker, tabId, 'e2ee off by rtc', (r) =>
        r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'),
      );
      // Let the page forge for a while, then look again: still off, by rtc.
      await new Promise((r) => setTimeout(r, 2000));
      const report = await waitForReport(session.worker, tabId, 'still off', (r) => r.inCall);
      assert.equal(report.e2ee, 'off');
      assert.ok(report.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'));
      const hostile = await page.evaluate(() => (window as any).__hostile);
      assert.deepEqual(
        hostile.secrets.filter((s: string) => s !== 'attacker-secret'),
        [],
        'the page never learned the secret',
      );
      assert.ok(!hostile.spied.some((t: string) => /^callguard:facts:[0-9a-f]{32}$/.test(t)), 'no real message passed through page code');
    } finally {
      await page.close();
    }
  });
});

describe('Firefox', () => {
  let server: FixtureServer;
  let browser: Browser;
  let close: () => Promise<void>;
  before(async () => {
    ({ server, browser, close } = await startFirefoxSession(ROUTES));
  });
  after(() => close?.());

  // Firefox gives tests no way into extension storage, so these watch what the user sees: the
  // wide banner (full or compact) for a call at risk, only the small pill for an E2EE call
  // (banner mode "risk", the default).
  const pillOnly = async (page: Page) => (await page.evaluate(() => document.querySelector('callguard-banner') !== null)) && !(await bannerWide(page));

  async function callOn(path: string, transforms: Transforms, realm: 'top' | 'iframe' = 'top') {
    const page = await browser.newPage();
    await page.goto(`${server.origin('meet.jit.si')}${path}`, { waitUntil: 'domcontentloaded' });
    await startCall(page, transforms, realm);
    return page;
  }

  test('the probe runs in the page world, before page scripts', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin('meet.jit.si')}/BareCall`, { waitUntil: 'domcontentloaded' });
      assert.equal(await page.evaluate(() => (RTCPeerConnection as any)[Symbol.for('callguard.wrapped')] === true), true);
    } finally {
      await page.close();
    }
  });

  test('an app that claims E2EE with transforms everywhere: only the pill (level ok)', async () => {
    const page = await callOn('/E2eeCall', 'all');
    try {
      await waitFor(() => pillOnly(page), { what: 'the pill alone', timeoutMs: 15_000 });
      // Reports keep coming: the banner stays a pill.
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(await pillOnly(page), true);
    } finally {
      await page.close();
    }
  });

  for (const [name, transforms, realm] of [
    ['the same app on a plain call: rtc contradicts it, the full banner', 'none', 'top'],
    ['the same app with a transform on audio only: the full banner', 'audio', 'top'],
    ['the same app with a connection from a fresh iframe: the full banner', 'none', 'iframe'],
  ] as const) {
    test(name, async () => {
      const page = await callOn('/E2eeCall', transforms, realm);
      try {
        await waitFor(() => bannerWide(page), { what: 'the banner', timeoutMs: 15_000 });
      } finally {
        await page.close();
      }
    });
  }

  test('a hostile page cannot suppress the e2ee-off banner', async () => {
    const page = await callOn('/HostileCall', 'none');
    try {
      await waitFor(() => bannerWide(page), { what: 'the banner', timeoutMs: 15_000 });
      const secrets = await page.evaluate(() => (window as any).__hostile.secrets as string[]);
      assert.deepEqual(secrets.filter((s) => s !== 'attacker-secret'), []);
    } finally {
      await page.close();
    }
  });
});


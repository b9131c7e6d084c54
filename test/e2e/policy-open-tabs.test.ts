// Sites the organisation adds are watched from the first second (issue "Deployable at scale",
// item 7), with the enterprise build (access to every site, which browsers grant an extension the
// organisation installs). Tabs that load before CallGuard's scripts are registered for the site
// get them within seconds. In Chromium: a call tab the browser opens at start while the policy is
// still being read, one at the next start, and one already open when the policy arrives; in
// Firefox (which reads its policy only at start): one open before CallGuard is installed. A page
// CallGuard joined late is never called safe (what its page did before is out of sight), and a
// second injection adds no second probe or banner. Policy files are always removed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { launchFirefox, waitFor } from './support/browsers.ts';
import { bannerHostCount } from './support/banner-dom.ts';
import { bannerText, buildEnterprise, FIXTURES, fixtureRoute, startChromiumSession, storedReport, tabIdOf, TEST_HOSTS, waitForReport } from './support/extension.ts';
import {
  chromiumExtensionPolicy,
  claimChromiumPolicy,
  claimFirefoxPolicies,
  FIREFOX_SYSTEM_ACCESS_ENV,
  firefoxExtensionPolicy,
  openFirefoxExtensionPage,
  reloadChromiumPolicies,
  waitForFirefoxReportAt,
} from './support/policy.ts';
import { startFixtureServer } from './support/server.ts';

declare const chrome: any;

const EXTENSION_ID = 'cnldncfpjacjjaieclaikfncgalbodkg';
const GECKO_ID = 'callguard@callguard.app';
const SELF_HOSTED = 'meet.example.org';
const CALL_PATH = '/CallGuardLateCall';
const CALL_URL = `https://${SELF_HOSTED}${CALL_PATH}`;
const ROUTES = { [CALL_PATH]: fixtureRoute('jitsi/pre-join') };
const SETTINGS = { banner: 'always', conferenceSites: [{ pattern: `https://${SELF_HOSTED}/*`, platform: 'jitsi' }] };
const POLICY = chromiumExtensionPolicy(EXTENSION_ID, SETTINGS);
/** What the report says of a page CallGuard started in after it had loaded. */
const STARTED_LATE = /started after this page had loaded/;

let build: string;

before(async () => {
  build = await buildEnterprise('chrome');
});

/** Runs `body` with the organisation's policy file in place, and removes it after. */
async function withPolicy(body: () => Promise<void>): Promise<void> {
  const policyFile = await claimChromiumPolicy('callguard-e2e-open-tabs', POLICY);
  try {
    await body();
  } finally {
    policyFile.remove();
  }
}

/** Runs `body` in Chromium with the enterprise build, and closes it after. */
async function withChromium(
  options: { userDataDir?: string; extraArgs?: string[] },
  body: (session: { browser: Browser; worker: WebWorker }) => Promise<void>,
): Promise<void> {
  const session = await startChromiumSession(ROUTES, { ...options, extensionDir: build, hosts: [...TEST_HOSTS, SELF_HOSTED] });
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

const startUpTab = (browser: Browser) => waitFor(async () => (await browser.pages()).find((p) => p.url() === CALL_URL), { what: 'the start-up tab' });
const fixture = (page: Page, call: string) => page.evaluate(`window.__fixture.${call}`);

test('a call tab the browser opens at start is covered once the policy is read', async () => {
  await withPolicy(() =>
    withChromium({ extraArgs: [CALL_URL] }, async ({ browser, worker }) => {
      const tabId = await tabIdOf(worker, await startUpTab(browser));
      await waitForReport(worker, tabId, 'report for the start-up tab', (r) => r.platform === 'jitsi' && r.phase === 'pre-join', 10_000);
    }),
  );
});

test('a call tab at the next browser start is covered, the site registered in the session before', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-restart-'));
  try {
    await withPolicy(async () => {
      await withChromium({ userDataDir: profile }, async ({ browser, worker }) => {
        const registered = () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length === 2);
        await waitFor(registered, { what: 'the site registered', timeoutMs: 15_000 });
        const page = await browser.newPage();
        await page.goto(CALL_URL, { waitUntil: 'domcontentloaded' });
        const onTime = await waitForReport(worker, await tabIdOf(worker, page), 'report in the first session', (r) => r.phase === 'pre-join');
        assert.equal(onTime.startedLate, undefined, 'a page loaded after the registration is watched from its start');
      });
      // Here the registration from before is gone when the tab loads (Chromium loads the unpacked
      // extension anew at each start, as after an update), and is made again seconds later.
      await withChromium({ userDataDir: profile, extraArgs: [CALL_URL] }, async ({ browser, worker }) => {
        const tabId = await tabIdOf(worker, await startUpTab(browser));
        await waitForReport(worker, tabId, 'report for the tab at the next start', (r) => r.platform === 'jitsi' && r.phase === 'pre-join', 10_000);
      });
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a call tab open before the policy arrives is covered within seconds, never called safe, and covered once', async () => {
  await withChromium({}, async ({ browser, worker }) => {
    const page = await browser.newPage();
    await page.goto(CALL_URL, { waitUntil: 'domcontentloaded' });
    // The app says E2EE is on, and a plain call is running before CallGuard is there.
    await fixture(page, "goto('jitsi/e2ee-on')");
    await fixture(page, "startCall({ transforms: 'none' })");
    const tabId = await tabIdOf(worker, page);
    assert.equal(await storedReport(worker, tabId), undefined, "no report while the site is not the organisation's");

    // The policy arrives once the browser has started: a policy written while Chromium's policy
    // service is still starting (managed storage answers only seconds after start) leaves the
    // extension's managed storage hanging for minutes, whatever the extension does.
    await worker.evaluate(() => chrome.storage.managed.get());
    await withPolicy(async () => {
      await reloadChromiumPolicies(browser);
      const first = await waitForReport(worker, tabId, 'report for the tab that was open', (r) => r.platform === 'jitsi' && r.inCall, 10_000);
      assert.equal(first.startedLate, true);
      assert.equal(first.e2ee, 'unknown');
      assert.ok(first.e2eeEvidence.some((e) => STARTED_LATE.test(e)), first.e2eeEvidence.join('\n'));

      // A call CallGuard sees whole, with a transform on every track, next to the plain one it
      // never saw: still not confirmed (without the late start in mind this was "on", level ok).
      await fixture(page, "startCall({ transforms: 'all' })");
      const seen = await waitForReport(worker, tabId, 'the new call seen', (r) => r.network.dtlsState === 'connected', 10_000);
      assert.equal(seen.e2ee, 'unknown');
      assert.notEqual(seen.level, 'ok');
      assert.ok(seen.e2eeEvidence.some((e) => STARTED_LATE.test(e)), seen.e2eeEvidence.join('\n'));
      await waitFor(() => bannerText(page), { what: 'the banner' });

      // A second injection (a race with the browser's own, or another policy change) starts no
      // probe and no banner, and the copy already there keeps watching.
      await page.evaluate(() => {
        const counter = window as unknown as { probesStarted: number };
        counter.probesStarted = 0;
        document.addEventListener('callguard:probe-ready', () => counter.probesStarted++);
      });
      await worker.evaluate(async (id: number) => {
        await chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, world: 'MAIN', files: ['rtc-probe.js'] });
        await chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: ['content-scripts/jitsi.js'] });
      }, tabId);
      await fixture(page, 'endCalls()');
      await fixture(page, "startCall({ transforms: 'none' })");
      const plain = await waitForReport(worker, tabId, 'the plain call seen by rtc', (r) => r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'), 10_000);
      assert.equal(plain.e2ee, 'off');
      assert.equal(await page.evaluate(() => (window as unknown as { probesStarted: number }).probesStarted), 0, 'no second probe');
      assert.equal(await bannerHostCount(page), 1, 'one banner');
    });
  });
});

test('Firefox: a call tab open before CallGuard is installed is covered once it is', async () => {
  const firefoxBuild = await buildEnterprise('firefox');
  const server = await startFixtureServer({ root: FIXTURES, routes: ROUTES });
  // The fixture site's test CA is the organisation's inspection root here, as in policy-firefox.
  const policyFile = await claimFirefoxPolicies(firefoxExtensionPolicy(GECKO_ID, { ...SETTINGS, trustedInterceptionRoots: [server.caFingerprintSha256] }));
  process.env[FIREFOX_SYSTEM_ACCESS_ENV] = '1';
  const uuid = randomUUID();
  try {
    const { browser } = await launchFirefox({ port: server.port, prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) } });
    try {
      const url = server.url(SELF_HOSTED, CALL_PATH);
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await fixture(page, "goto('jitsi/in-call')");
      await browser.installExtension(firefoxBuild);
      const extensionPage = await waitFor(() => openFirefoxExtensionPage(browser, `moz-extension://${uuid}/options.html`), {
        what: 'the installed extension',
        timeoutMs: 30_000,
        intervalMs: 1000,
      });
      const first = await waitForFirefoxReportAt(extensionPage, url, 'report for the tab that was open', (r) => r.platform === 'jitsi', 15_000);
      assert.equal(first.startedLate, true);
      // The probe came too: a call started now is seen.
      await fixture(page, "startCall({ transforms: 'none' })");
      await waitForFirefoxReportAt(extensionPage, url, 'the call seen by rtc', (r) => r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'), 15_000);
    } finally {
      await browser.close().catch(() => {});
    }
  } finally {
    await server.close();
    policyFile.remove();
  }
});

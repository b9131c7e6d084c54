// Organisation policy in real Firefox: one policies.json (/etc/firefox/policies/policies.json,
// which Debian's firefox-esr reads too) force-installs CallGuard's enterprise build
// (ExtensionSettings, an XPI on disk) and gives it its settings (3rdparty.Extensions.<gecko id>)
// through storage.managed. Firefox has no managed schema: every key reaches the extension, which
// ignores and lists what it does not know. The policy file is always removed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, waitFor } from './support/browsers.ts';
import { FIXTURES, buildEnterprise, fixtureRoute } from './support/extension.ts';
import {
  FIREFOX_SYSTEM_ACCESS_ENV,
  claimFirefoxPolicies,
  firefoxExtensionPolicy,
  openFirefoxExtensionPage,
  waitForFirefoxReportAt,
  type PolicyFile,
} from './support/policy.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';

const GECKO_ID = 'callguard@callguard.app';
const SELF_HOSTED = 'meet.example.org';
const SETTINGS = {
  requireE2EE: true,
  banner: 'off',
  supportUrl: 'https://help.example.org/calls',
  conferenceSites: [{ pattern: `https://${SELF_HOSTED}/*`, platform: 'jitsi' }],
  // No schema in Firefox: these reach the extension, which ignores them and says so.
  homeTimeZones: 'Europe/Paris',
  notACallGuardSetting: true,
};

/**
 * SETTINGS plus the fixture site's test CA in trustedInterceptionRoots: launchFirefox imports
 * that CA into the profile, a root Firefox does not ship, and the organisation lists it as one
 * that inspects TLS does (else every page would be a tls-interception danger).
 */
let settings: typeof SETTINGS & { trustedInterceptionRoots: string[] };
let work: string;
let server: FixtureServer | undefined;
let policyFile: PolicyFile | undefined;
let browser: Browser | undefined;
let origin: string;
let extensionPage: Page;

/**
 * The enterprise Firefox build as an XPI (a zip), as admins deploy it. Unsigned here: the test
 * profile turns signature checks off (ESR allows that; release Firefox needs a Mozilla signature).
 */
async function packXpi(): Promise<string> {
  const build = await buildEnterprise('firefox');
  const xpi = path.join(work, 'callguard.xpi');
  try {
    execFileSync('zip', ['-qr', xpi, '.'], { cwd: build, stdio: 'pipe' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new Error("No zip found: install the 'zip' package (apt-get install zip)");
    throw error;
  }
  return xpi;
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-ff-policy-'));
  const xpi = await packXpi();
  server = await startFixtureServer({
    root: FIXTURES,
    routes: { '/abc-defg-hij': fixtureRoute('google-meet/pre-join'), '/CallGuardSelfHosted': fixtureRoute('jitsi/pre-join') },
  });
  settings = { ...SETTINGS, trustedInterceptionRoots: [server.caFingerprintSha256] };
  policyFile = await claimFirefoxPolicies(
    firefoxExtensionPolicy(GECKO_ID, settings, {
      ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: `file://${xpi}` } },
    }),
  );
  // Lets the test open the extension's pages over WebDriver BiDi.
  process.env[FIREFOX_SYSTEM_ACCESS_ENV] = '1';
  const uuid = randomUUID();
  origin = `moz-extension://${uuid}`;
  ({ browser } = await launchFirefox({
    port: server.port,
    // The force-installed copy gets a known origin, so the test can open its pages.
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
    timeoutMs: 60_000,
  }));
});

after(async () => {
  try {
    await browser?.close().catch(() => {});
    await server?.close();
  } finally {
    policyFile?.remove();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('Firefox force-installs CallGuard from policies.json and gives it storage.managed', async () => {
  extensionPage = await waitFor(() => openFirefoxExtensionPage(browser!, `${origin}/options.html`), {
    what: 'the force-installed extension',
    timeoutMs: 30_000,
    intervalMs: 1000,
  });
  const managed = await extensionPage.evaluate(() => (globalThis as any).browser.storage.managed.get());
  assert.deepEqual(managed, settings);
});

test('the options page locks the organisation\'s settings and lists what Firefox passed through', async () => {
  await extensionPage.waitForSelector('[data-setting="requireE2EE"][data-locked="true"]');
  const locked = await extensionPage.$$eval('[data-setting][data-locked="true"]', (nodes) => nodes.map((n) => n.getAttribute('data-setting')));
  assert.deepEqual(locked.sort(), ['banner', 'conferenceSites', 'requireE2EE', 'supportUrl', 'trustedInterceptionRoots']);
  assert.match(await extensionPage.$eval('[data-setting="supportUrl"]', (n) => n.textContent ?? ''), /Set by your organisation/);
  const diagnostics = await extensionPage.$$eval('[data-diagnostic]', (nodes) =>
    nodes.map((n) => `${n.getAttribute('data-origin')} ${n.getAttribute('data-diagnostic')} ${n.getAttribute('data-problem')}`),
  );
  assert.deepEqual(diagnostics.sort(), ['admin homeTimeZones wrong-type', 'admin notACallGuardSetting unknown-key']);
});

test('requireE2EE makes an unencrypted Meet call a danger; banner "off" shows none', async () => {
  const url = server!.url('meet.google.com', '/abc-defg-hij');
  const page = await browser!.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await waitForFirefoxReportAt(extensionPage, url, 'pre-join report', (r) => r.phase === 'pre-join', 20_000);
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    const report = await waitForFirefoxReportAt(
      extensionPage,
      url,
      'in-call report with e2ee-off',
      (r) => r.inCall && r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'),
      20_000,
    );
    assert.equal(report.findings.find((f) => f.id === 'e2ee-off')?.severity, 'danger');
    assert.equal(report.findings.find((f) => f.id === 'tls-interception'), undefined, 'the test CA is listed by the organisation');
    assert.equal(report.network.tlsRoot?.trustedByPolicy, true);
    assert.equal(report.level, 'danger');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await page.evaluate(() => document.querySelector('callguard-banner') !== null), false, 'no banner with banner: off');
  } finally {
    await page.close();
  }
});

test('the self-hosted Jitsi is covered with no click: Firefox granted the enterprise build its host access', async () => {
  const site = await extensionPage.$eval(`[data-site="https://${SELF_HOSTED}/*"]`, (n) => n.getAttribute('data-site-status'));
  assert.equal(site, 'granted');
  const url = server!.url(SELF_HOSTED, '/CallGuardSelfHosted');
  const page = await browser!.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // "pre-join" comes from the Jitsi reader: the registered scripts ran, and the content script
    // learnt the organisation's site from the background.
    const report = await waitForFirefoxReportAt(extensionPage, url, 'pre-join on the self-hosted site', (r) => r.phase === 'pre-join', 20_000);
    assert.equal(report.platform, 'jitsi');
    // The registered main-world probe runs there too.
    assert.equal(await page.evaluate(() => (RTCPeerConnection as any)[Symbol.for('callguard.wrapped')] === true), true);
  } finally {
    await page.close();
  }
});

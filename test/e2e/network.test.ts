// Network trust in real browsers (issue 5), nothing mocked:
//
// Chromium: a real STUN/TURN server (coturn) behind a real NAT, in network namespaces this test
// builds and removes (support/turn.ts). The call gathers a server-reflexive candidate whose
// address is the NAT's outside address, 203.0.113.7; the organisation's trusted networks come
// from a Chromium policy file written before launch and changed while the call runs.
//
// Firefox: the conference site is served with a certificate from a test CA imported into the
// profile as a trusted root that is not built in (what a TLS-inspection proxy or an attacker
// does); Firefox's captive-portal detection is pointed at a loopback page playing a hotel login.
// Then the same root listed in policies.json trustedInterceptionRoots. Then no CA at all and the
// certificate warning bypassed (acceptInsecureCerts): danger, whatever the policy lists.
//
// Traffic goes only to 127.0.0.1 and to the namespaces this test makes. Policy files are
// machine-global: written just before a browser starts, always removed in `after`.
//
// Run: node --test test/e2e/network.test.ts (root; coturn, nftables, libnss3-tools installed).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { Report } from '../../core/types.ts';
import { launchFirefox, waitFor } from './support/browsers.ts';
import { FIREFOX_BUILD, FIXTURES, fixtureRoute, startChromiumSession, tabIdOf, waitForReport, type ExtensionSession } from './support/extension.ts';
import { FIREFOX_SYSTEM_ACCESS, importCaIntoProfile, openExtensionPage, waitForFirefoxReport } from './support/firefox-extension.ts';
import {
  chromiumExtensionPolicy,
  FIREFOX_POLICY_FILE,
  firefoxExtensionPolicy,
  reloadChromiumPolicies,
  writeChromiumPolicy,
  writePolicyFile,
  type PolicyFile,
} from './support/policy.ts';
import { startFixtureServer, startPlainServer, type FixtureServer, type PlainServer } from './support/server.ts';
import { missingTurnTools, startTurnBehindNat, type TurnBehindNat } from './support/turn.ts';

const CHROME_EXTENSION_ID = 'cnldncfpjacjjaieclaikfncgalbodkg';
const GECKO_ID = 'callguard@callguard.app';
const MEET_PATH = '/abc-defg-hij';
const ROUTES = { [MEET_PATH]: fixtureRoute('google-meet/pre-join') };

/** Policy files are shared by the whole machine: wait a little for another test's to go. */
async function writePolicyWhenFree(write: () => PolicyFile): Promise<PolicyFile> {
  return waitFor(
    async () => {
      try {
        return write();
      } catch (error) {
        if (/already exists/.test(String(error))) return undefined;
        throw error;
      }
    },
    { what: 'the policy file to be free (another test is using it)', timeoutMs: 30_000, intervalMs: 500 },
  );
}

const finding = (report: Report, id: string) => report.findings.find((f) => f.id === id);

/** Opens the Meet fixture; one retry if Chromium saw the network change under it. */
async function openMeet(page: Page, url = `https://meet.google.com${MEET_PATH}`) {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  } catch (error) {
    if (!/ERR_NETWORK_CHANGED/.test(String(error))) throw error;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  }
}

async function joinCall(page: Page, options: { iceServers: unknown[]; iceTransportPolicy?: 'all' | 'relay' }) {
  await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
  await page.evaluate((o) => (window as any).__fixture.startCall({ transforms: 'none', ...o }), options);
}

/** The popup's network section for a tab (Chromium): field → text. */
async function popupNetwork(session: ExtensionSession, tabId: number): Promise<Record<string, string>> {
  const popup = await session.browser.newPage();
  try {
    await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
    await popup.waitForSelector('[data-field="public-address"]', { timeout: 10_000 });
    return await popup.evaluate(() => {
      const section = document.querySelector('section.network')!;
      const fields = Object.fromEntries([...section.querySelectorAll('[data-field]')].map((el) => [el.getAttribute('data-field'), el.textContent!.trim()]));
      return { ...fields, reach: section.querySelector('.reach')?.textContent?.trim() ?? '' };
    });
  } finally {
    await popup.close();
  }
}

describe('Chromium: this computer\'s public address from a real STUN/TURN server behind a NAT', () => {
  let turn: TurnBehindNat | undefined;
  let policy: PolicyFile | undefined;
  let session: ExtensionSession | undefined;
  let page: Page;
  let tabId: number;

  before(async () => {
    const missing = missingTurnTools();
    assert.deepEqual(missing, [], `this test needs ${missing.join(', ')}`);
    turn = await startTurnBehindNat();
    policy = await writePolicyWhenFree(() =>
      writeChromiumPolicy('callguard-network-test', chromiumExtensionPolicy(CHROME_EXTENSION_ID, { trustedNetworks: ['203.0.113.0/24', '2001:db8::/32'] })),
    );
    session = await startChromiumSession(ROUTES);
  });
  after(async () => {
    await session?.close().catch(() => {});
    policy?.remove();
    await turn?.close();
  });

  test('trusted networks include the NAT address: srflx address seen, trusted, no finding, popup says so', { timeout: 60_000 }, async () => {
    page = await session!.browser.newPage();
    await openMeet(page);
    tabId = await tabIdOf(session!.worker, page);
    await joinCall(page, { iceServers: turn!.iceServers });
    const report = await waitForReport(
      session!.worker,
      tabId,
      'in-call report with the public address, trusted',
      (r) => r.inCall && r.network.publicAddress !== null && r.network.trusted === true,
      20_000,
    );
    // 203.0.113.7 exists only on the NAT's outside: only the STUN server's answer can have told it.
    assert.equal(report.network.publicAddress, turn!.publicAddress, 'the srflx address: the NAT\'s outside address, not a local one');
    assert.match(report.network.reason, /203\.0\.113\.7 is inside the trusted networks/);
    assert.equal(report.network.networkType, 'ethernet', 'Chromium exposes networkType (veth/eth0 are ethernet)');
    assert.equal(report.network.tls, 'not-checked', 'Chromium cannot read the certificate chain');
    assert.equal(report.network.captivePortal, null);
    assert.equal(finding(report, 'untrusted-network'), undefined);
    assert.equal(finding(report, 'tls-interception'), undefined);

    const popup = await popupNetwork(session!, tabId);
    assert.equal(popup['public-address'], '203.0.113.7');
    assert.match(popup.trusted!, /^yes, inside/);
    assert.equal(popup['network-type'], 'Ethernet (cable)');
    assert.equal(popup.tls, 'not checked in this browser');
    assert.equal(popup['captive-portal'], 'not checked in this browser');
    assert.match(popup.reach!, /only, not about the other participants/);
  });

  test('trusted networks exclude it (policy changed during the call): untrusted-network warning', { timeout: 60_000 }, async () => {
    policy!.write(chromiumExtensionPolicy(CHROME_EXTENSION_ID, { trustedNetworks: ['198.51.100.0/24', '2001:db8::/32'] }));
    await reloadChromiumPolicies(session!.browser);
    const report = await waitForReport(session!.worker, tabId, 'untrusted-network finding', (r) => r.network.trusted === false, 20_000);
    assert.equal(report.network.publicAddress, '203.0.113.7');
    const found = finding(report, 'untrusted-network');
    assert.ok(found, 'untrusted-network finding');
    assert.equal(found.severity, 'warning');
    assert.equal(found.source, 'network');
    assert.match(found.evidence[0]!, /public address 203\.0\.113\.7 is outside the trusted networks \(198\.51\.100\.0\/24, 2001:db8::\/32\)/);
    assert.ok(found.evidence.includes("this is about this computer's connection only, not the other participants'"));
    assert.ok(['warning', 'danger'].includes(report.level));
    const popup = await popupNetwork(session!, tabId);
    assert.match(popup.trusted!, /^no, outside/);
    await page.close();
  });

  test('relay-only (iceTransportPolicy "relay"): Chromium hides the related address, so: not decided, said why', { timeout: 60_000 }, async () => {
    const relayPage = await session!.browser.newPage();
    try {
      await openMeet(relayPage);
      const relayTab = await tabIdOf(session!.worker, relayPage);
      await joinCall(relayPage, { iceServers: turn!.iceServers, iceTransportPolicy: 'relay' });
      const report = await waitForReport(session!.worker, relayTab, 'relayed call report', (r) => r.inCall && r.network.localCandidateType === 'relay', 20_000);
      assert.equal(report.network.relayProtocol, 'udp');
      assert.equal(report.network.publicAddress, null);
      assert.equal(report.network.trusted, null);
      assert.match(report.network.reason, /relayed through a TURN server and the browser does not show the address/);
      assert.equal(finding(report, 'untrusted-network'), undefined);
    } finally {
      await relayPage.close();
    }
  });
});

describe('Firefox: the conference site\'s certificate chain and the captive portal', () => {
  let server: FixtureServer;
  let portal: PlainServer;
  const profiles: string[] = [];
  let browser: Browser | undefined;
  let policy: PolicyFile | undefined;

  before(async () => {
    server = await startFixtureServer({ root: FIXTURES, routes: ROUTES });
    // A hotel's login page where Firefox expects its "success" page.
    portal = await startPlainServer({
      '/canonical.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end('<!doctype html><title>Hotel Wi-Fi</title><form>Room number <input name="room"></form>');
      },
    });
  });
  after(async () => {
    await browser?.close().catch(() => {});
    policy?.remove();
    await server?.close();
    await portal?.close();
    for (const dir of profiles) fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Firefox with the test CA as a (non built-in) trusted root, real certificate checks, and
   * CallGuard not told about that root. `bypassWarnings`: no CA at all, every certificate
   * accepted through an exception instead (a certificate warning clicked through).
   */
  async function launch(prefs: Record<string, unknown> = {}, { bypassWarnings = false } = {}) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-ff-network-'));
    profiles.push(profile);
    if (!bypassWarnings) importCaIntoProfile(profile, server.caCert);
    const launched = await launchFirefox({
      extensionDir: FIREFOX_BUILD,
      port: server.port,
      profileDir: profile,
      testCa: false,
      acceptInsecureCerts: bypassWarnings,
      extraArgs: [FIREFOX_SYSTEM_ACCESS],
      prefs,
    });
    browser = launched.browser;
    return launched;
  }

  test('a root that is not built in: tls-interception (danger); a hotel portal: captive-portal', { timeout: 60_000 }, async () => {
    const { extensionOrigin } = await launch({
      'network.captive-portal-service.enabled': true,
      'captivedetect.canonicalURL': `${portal.origin()}/canonical.html`,
    });
    try {
      const url = server.url('meet.google.com', MEET_PATH);
      const page = await browser!.newPage();
      await page.goto(url, { waitUntil: 'load' });
      assert.equal(await page.title(), 'Meet', 'Firefox accepted the chain (the test CA is trusted in this profile)');
      const extension = await openExtensionPage(browser!, extensionOrigin!, '/popup.html');
      const { tabId, report } = await waitForFirefoxReport(extension, url, 'tls-interception and captive-portal', (r) =>
        ['tls-interception', 'captive-portal'].every((id) => finding(r, id)),
      );
      const tls = finding(report, 'tls-interception')!;
      assert.equal(tls.severity, 'danger');
      assert.equal(report.level, 'danger');
      assert.match(tls.evidence[0]!, new RegExp(`meet\\.google\\.com chains to a root that is not built into the browser: .*CallGuard Test CA.*${server.caFingerprintSha256}`));
      assert.equal(report.network.tls, 'checked');
      assert.deepEqual(report.network.tlsRoot, {
        host: 'meet.google.com',
        subject: 'O=CallGuard e2e,CN=CallGuard Test CA',
        sha256: server.caFingerprintSha256,
        builtIn: false,
        trustedByPolicy: false,
      });
      assert.equal(report.network.captivePortal, 'locked_portal');
      assert.equal(finding(report, 'captive-portal')!.severity, 'warning');

      // The popup says it in words.
      const popup = await openExtensionPage(browser!, extensionOrigin!, `/popup.html?tab=${tabId}`);
      await waitFor(() => popup.evaluate(() => document.querySelector('[data-field="tls"]') !== null), { what: 'popup network section' });
      const text = await popup.evaluate(() => ({
        tls: document.querySelector('[data-field="tls"]')!.textContent,
        captive: document.querySelector('[data-field="captive-portal"]')!.textContent,
      }));
      assert.match(text.tls!, /CallGuard Test CA, a root that is NOT built into the browser/);
      assert.match(text.captive!, /not logged in yet/);
    } finally {
      await browser!.close().catch(() => {});
      browser = undefined;
    }
  });

  test('the same root listed in policies.json trustedInterceptionRoots: no finding; captive detection off: "unsupported"', { timeout: 60_000 }, async () => {
    // As an admin copies it from a certificate viewer: upper case, colons.
    const listed = server.caFingerprintSha256.toUpperCase().match(/../g)!.join(':');
    policy = await writePolicyWhenFree(() => writePolicyFile(FIREFOX_POLICY_FILE, firefoxExtensionPolicy(GECKO_ID, { trustedInterceptionRoots: [listed] })));
    let extensionOrigin: string | undefined;
    try {
      ({ extensionOrigin } = await launch());
    } finally {
      // Firefox reads policies.json once, at start: no need to keep a machine-global file around.
      policy.remove();
    }
    const url = server.url('meet.google.com', MEET_PATH);
    const page = await browser!.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const extension = await openExtensionPage(browser!, extensionOrigin!, '/popup.html');
    const managed = await extension.evaluate(() => (globalThis as any).browser.storage.managed.get());
    assert.deepEqual(managed.trustedInterceptionRoots, [listed], 'Firefox read the policy file');
    const { report } = await waitForFirefoxReport(extension, url, 'root trusted by policy', (r) => r.network.tlsRoot?.trustedByPolicy === true);
    assert.equal(finding(report, 'tls-interception'), undefined);
    assert.equal(report.network.tlsRoot!.builtIn, false);
    assert.equal(report.network.captivePortal, 'unsupported', 'detection is off in the test profile: said, not guessed');
    assert.equal(finding(report, 'captive-portal'), undefined);
    await browser!.close().catch(() => {});
    browser = undefined;
  });

  test('a certificate warning bypassed (an exception, no CA): tls-interception (danger), even with the root listed by policy', { timeout: 60_000 }, async () => {
    policy = await writePolicyWhenFree(() =>
      writePolicyFile(FIREFOX_POLICY_FILE, firefoxExtensionPolicy(GECKO_ID, { trustedInterceptionRoots: [server.caFingerprintSha256] })),
    );
    let extensionOrigin: string | undefined;
    try {
      ({ extensionOrigin } = await launch({}, { bypassWarnings: true }));
    } finally {
      policy.remove();
    }
    const url = server.url('meet.google.com', MEET_PATH);
    const page = await browser!.newPage();
    await page.goto(url, { waitUntil: 'load' });
    assert.equal(await page.title(), 'Meet', 'the page loaded through the exception');
    const extension = await openExtensionPage(browser!, extensionOrigin!, '/popup.html');
    const { tabId, report } = await waitForFirefoxReport(extension, url, 'tls-interception for the bypassed warning', (r) => !!finding(r, 'tls-interception'));
    // What Firefox says about such a connection: untrusted, no verified chain.
    assert.equal(report.network.tls, 'not-checked');
    assert.equal(report.network.tlsRoot, null);
    assert.equal(report.network.tlsUntrusted, true);
    const tls = finding(report, 'tls-interception')!;
    assert.equal(tls.severity, 'danger');
    assert.equal(tls.source, 'network');
    assert.equal(report.level, 'danger');
    assert.match(tls.evidence[0]!, /^the certificate of meet\.google\.com is not trusted by the browser .*a certificate warning was bypassed/);
    assert.match(tls.evidence[1]!, /someone may be intercepting the connection/);
    assert.match(tls.evidence[2]!, /no root that trustedInterceptionRoots could allow/);

    const popup = await openExtensionPage(browser!, extensionOrigin!, `/popup.html?tab=${tabId}`);
    await waitFor(() => popup.evaluate(() => document.querySelector('[data-field="tls"]') !== null), { what: 'popup network section' });
    assert.match((await popup.evaluate(() => document.querySelector('[data-field="tls"]')!.textContent))!, /not trusted by the browser/);
    await waitFor(() => popup.evaluate(() => document.querySelector('[data-finding="tls-interception"]') !== null), { what: 'the finding in the popup' });
  });
});

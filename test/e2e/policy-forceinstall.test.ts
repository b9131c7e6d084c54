// A real off-store force-install in Chromium, as an organisation does it: the enterprise build
// packed into a CRX with a signing key, an update manifest and the CRX served on loopback, and a
// managed policy with ExtensionInstallForcelist and CallGuard's settings. Chromium installs it
// by itself; the organisation's self-hosted conference site is covered with no click (the
// enterprise build's host access is granted to force-installed extensions).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, WebWorker } from 'puppeteer-core';
import { extensionServiceWorker, findChromium, launchChromium, waitFor } from './support/browsers.ts';
import { FIXTURES, buildEnterprise, fixtureRoute, tabIdOf, waitForReport } from './support/extension.ts';
import {
  chromiumExtensionPolicy,
  newExtensionKey,
  updateManifest,
  claimChromiumPolicy,
  type PolicyFile,
} from './support/policy.ts';
import { startFixtureServer, startPlainServer, type FixtureServer, type PlainServer } from './support/server.ts';

declare const chrome: any;

const run = promisify(execFile);
const SELF_HOSTED = 'meet.example.org';
const SETTINGS = {
  requireE2EE: true,
  conferenceSites: [{ pattern: `https://${SELF_HOSTED}/*`, platform: 'jitsi' }],
};

let work: string;
let key: ReturnType<typeof newExtensionKey>;
let updates: PlainServer | undefined;
let fixtures: FixtureServer | undefined;
let policyFile: PolicyFile | undefined;
let browser: Browser | undefined;
let worker: WebWorker;

/** The enterprise build, copied without the manifest key, so that the test key gives its id. */
async function packEnterpriseBuild(): Promise<{ crx: string; version: string }> {
  const build = await buildEnterprise('chrome');
  const dir = path.join(work, 'callguard');
  fs.cpSync(build, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  assert.deepEqual(manifest.host_permissions, ['*://*/*'], 'the enterprise build asks for every site');
  delete manifest.key;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  const pem = path.join(work, 'key.pem');
  fs.writeFileSync(pem, key.privateKeyPem);
  const args = [`--pack-extension=${dir}`, `--pack-extension-key=${pem}`, '--no-message-box'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  await run(findChromium(), args, { timeout: 60_000 });
  return { crx: `${dir}.crx`, version: manifest.version };
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-forceinstall-'));
  key = newExtensionKey();
  const { crx, version } = await packEnterpriseBuild();
  updates = await startPlainServer({
    '/updates.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(updateManifest(key.extensionId, `${updates!.origin()}/callguard.crx`, version));
    },
    '/callguard.crx': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-chrome-extension' });
      res.end(fs.readFileSync(crx));
    },
  });
  fixtures = await startFixtureServer({ root: FIXTURES, routes: { '/CallGuardSelfHosted': fixtureRoute('jitsi/pre-join') } });
  policyFile = await claimChromiumPolicy(
    'callguard-e2e-forceinstall',
    chromiumExtensionPolicy(key.extensionId, SETTINGS, {
      ExtensionInstallForcelist: [`${key.extensionId};${updates.origin()}/updates.xml`],
      // By default Chromium keeps DevTools (and so the test's CDP) away from extensions that
      // policy installed; this lets the test look into the service worker.
      DeveloperToolsAvailability: 1,
    }),
  );
  browser = await launchChromium({ hosts: [SELF_HOSTED], port: fixtures.port, backgroundNetworking: true, timeoutMs: 60_000 });
});

after(async () => {
  try {
    await browser?.close().catch(() => {});
    await updates?.close();
    await fixtures?.close();
  } finally {
    policyFile?.remove();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('Chromium installs the extension from the self-hosted update manifest', async () => {
  worker = await extensionServiceWorker(browser!, { extensionId: key.extensionId, timeoutMs: 60_000 });
  const self = await worker.evaluate(() => chrome.management?.getSelf?.().catch(() => null) ?? null);
  // management.getSelf needs no permission; installType tells a policy install from others.
  if (self) assert.equal(self.installType, 'admin');
});

test('storage.managed holds the organisation\'s settings', async () => {
  const managed = await waitFor(
    async () => {
      const value = (await worker.evaluate(() => chrome.storage.managed.get())) as Record<string, unknown>;
      return Object.keys(value).length > 0 ? value : undefined;
    },
    { what: 'managed storage', timeoutMs: 30_000 },
  );
  assert.deepEqual(managed, SETTINGS);
});

test('the self-hosted Jitsi is covered at once: scripts registered, Jitsi reader, e2ee-off is a danger', async () => {
  const registered = await waitFor(
    async () => {
      const scripts = (await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())) as { id: string; matches: string[]; world?: string }[];
      return scripts.length >= 2 ? scripts : undefined;
    },
    { what: 'registered content scripts', timeoutMs: 15_000 },
  );
  assert.deepEqual(registered.map((s) => [s.id, s.matches, s.world ?? 'ISOLATED']).sort(), [
    ['callguard-sites-jitsi', [`https://${SELF_HOSTED}/*`], 'ISOLATED'],
    ['callguard-sites-probe', [`https://${SELF_HOSTED}/*`], 'MAIN'],
  ]);

  const page = await browser!.newPage();
  try {
    await page.goto(`https://${SELF_HOSTED}/CallGuardSelfHosted`, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(worker, page);
    // "pre-join" comes from the Jitsi reader, which the content script picks only once the
    // background told it about the organisation's site (generic WebRTC cannot tell the phase).
    const preJoin = await waitForReport(worker, tabId, 'pre-join on the self-hosted site', (r) => r.phase === 'pre-join', 20_000);
    assert.equal(preJoin.platform, 'jitsi');
    // The registered main-world probe runs there too.
    assert.equal(await page.evaluate(() => (RTCPeerConnection as any)[Symbol.for('callguard.wrapped')] === true), true);
    await page.evaluate(() => (window as any).__fixture.goto('jitsi/in-call'));
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    const inCall = await waitForReport(
      worker,
      tabId,
      'in-call report with rtc evidence',
      (r) => r.inCall && r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'),
      20_000,
    );
    assert.equal(inCall.findings.find((f) => f.id === 'e2ee-off')?.severity, 'danger');
    assert.equal(inCall.level, 'danger');
  } finally {
    await page.close();
  }
});

// Real browser policy for e2e tests: policy files outside the repo (Chromium's managed policy
// folder, Firefox's policies.json), written before a browser starts and always removed after.
// Tests that use them must not run in parallel with each other (npm test: --test-concurrency=1).
import { generateKeyPairSync, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { Report } from '../../../core/types.ts';
import { waitFor } from './browsers.ts';

/** Debian Chromium's managed policy folder (Chrome's is /etc/opt/chrome/policies/managed). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/** Where Firefox on Linux reads system policies (SysConfD/policies, also for firefox-esr). */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

export interface PolicyFile {
  path: string;
  /** Replaces the file's content (running browsers pick it up on their next policy reload). */
  write(content: unknown): void;
  /** Removes the file, and the folders it created when they are left empty. Safe to call twice. */
  remove(): void;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes a JSON policy file, creating its folders; remove() puts the machine back as it was.
 * Created exclusively: throws "… already exists …" while another test's file is there (there is
 * one policies.json for all of Firefox); claimPolicyFile waits for it instead.
 */
export function writePolicyFile(file: string, content: unknown): PolicyFile {
  const created: string[] = [];
  for (let dir = path.dirname(file); !fs.existsSync(dir); dir = path.dirname(dir)) created.unshift(dir);
  for (const dir of created) fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, json(content), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${file} already exists: another test or an admin policy is using it`);
    }
    throw error;
  }
  return {
    path: file,
    write: (value: unknown) => fs.writeFileSync(file, json(value)),
    remove() {
      fs.rmSync(file, { force: true });
      for (const dir of [...created].reverse()) {
        try {
          fs.rmdirSync(dir);
        } catch {
          // Not empty (someone else's files) or gone already: leave it.
        }
      }
    },
  };
}

/** writePolicyFile, waiting up to waitMs while another test's file is in the way. */
export async function claimPolicyFile(file: string, content: unknown, { waitMs = 120_000 } = {}): Promise<PolicyFile> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return writePolicyFile(file, content);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: another test removed the folders between our check and the write; try again.
      if (code !== 'ENOENT' && !/already exists/.test(String(error))) throw error;
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A Chromium policy file in the managed folder; `name` should be unique to the test. */
export function writeChromiumPolicy(name: string, policy: unknown): PolicyFile {
  return writePolicyFile(path.join(CHROMIUM_POLICY_DIR, `${name}.json`), policy);
}

export function claimChromiumPolicy(name: string, policy: unknown): Promise<PolicyFile> {
  return claimPolicyFile(path.join(CHROMIUM_POLICY_DIR, `${name}.json`), policy);
}

/** Firefox's policies.json (one file for all of Firefox: waits while another test has it). */
export function claimFirefoxPolicies(policies: unknown): Promise<PolicyFile> {
  return claimPolicyFile(FIREFOX_POLICY_FILE, policies);
}

/** Chromium's policy for one extension's managed storage (the "3rdparty" block). */
export function chromiumExtensionPolicy(extensionId: string, settings: unknown, more: Record<string, unknown> = {}) {
  return { ...more, '3rdparty': { extensions: { [extensionId]: settings } } };
}

/** Firefox's policies.json for one extension's managed storage (note the capital E). */
export function firefoxExtensionPolicy(geckoId: string, settings: unknown, more: Record<string, unknown> = {}) {
  return { policies: { ...more, '3rdparty': { Extensions: { [geckoId]: settings } } } };
}

/** Asks Chromium to re-read its policy files now (chrome://policy, "Reload policies"). */
export async function reloadChromiumPolicies(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://policy', { waitUntil: 'load' });
    // The button sits in the page's shadow DOM.
    const button = await page.waitForSelector('pierce/#reload-policies', { timeout: 10_000 });
    await button!.click();
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await page.close();
  }
}

/** A fresh RSA signing key and the Chrome extension id it gives (SHA-256 of the public key, a-p). */
export function newExtensionKey(): { privateKeyPem: string; publicKeyBase64: string; extensionId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyBase64: der.toString('base64'),
    extensionId: extensionIdFromPublicKey(der),
  };
}

export function extensionIdFromPublicKey(der: Buffer): string {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** The update manifest Chromium fetches for a force-installed extension (gupdate format). */
export function updateManifest(extensionId: string, crxUrl: string, version: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${extensionId}'>
    <updatecheck codebase='${crxUrl}' version='${version}' />
  </app>
</gupdate>
`;
}

// ---------------------------------------------------------------------------------------------
// Firefox: the extension's own pages (for storage.managed, storage.session and the options page)

/**
 * Environment switch that lets WebDriver BiDi open moz-extension:// pages (the same as starting
 * Firefox with --remote-allow-system-access). Set it in the test process before launchFirefox.
 */
export const FIREFOX_SYSTEM_ACCESS_ENV = 'MOZ_REMOTE_ALLOW_SYSTEM_ACCESS';

/** Opens an extension page in a new tab and waits until it has loaded there (Firefox, BiDi). */
export async function openFirefoxExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  // goto() waits for load events that moz-extension pages do not send over BiDi: navigate
  // without waiting, then watch the page itself.
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: string): Promise<unknown> } })
    .browsingContext;
  if (context) await context.navigate(url, 'none');
  else void page.goto(url, { timeout: 5_000 }).catch(() => {});
  try {
    await waitFor(
      async () => (await page.evaluate(() => location.href)) === url && (await page.evaluate(() => document.readyState)) === 'complete',
      { what: `extension page ${url}`, timeoutMs: 10_000 },
    );
  } catch (error) {
    await page.close().catch(() => {});
    throw error;
  }
  return page;
}

/** Waits until the stored report of the tab showing `url` satisfies `accept` (from an extension page). */
export function waitForFirefoxReportAt(extensionPage: Page, url: string, what: string, accept: (r: Report) => boolean, timeoutMs = 15_000) {
  return waitFor(
    async () => {
      const stored = (await extensionPage.evaluate(() => (globalThis as any).browser.storage.session.get(null))) as Record<string, unknown>;
      const report = Object.entries(stored).find(([key, value]) => key.startsWith('report:') && (value as Report).url === url)?.[1] as
        | Report
        | undefined;
      return report && accept(report) ? report : undefined;
    },
    { what, timeoutMs, intervalMs: 100 },
  );
}

// Launch real Chromium and Firefox for the e2e tests (puppeteer-core; CDP for Chromium,
// WebDriver BiDi for Firefox), with DNS for the call sites mapped to the local fixture server,
// fake camera/microphone, and optionally the built extension loaded. Firefox checks the fixture
// server's certificate for real, against the test CA imported into its profile.

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, LaunchOptions, Target, WebWorker } from 'puppeteer-core';
import { findChromium, findFirefox } from '../../../scripts/find-browser.ts';
import { certificateFingerprintSha256, importCaIntoProfile } from './cert.ts';
import { fixtureServerCa } from './server.ts';

// For the tests that start a browser by themselves.
export { findChromium, findFirefox };

const isRoot = (): boolean => process.getuid?.() === 0;
const dumpio = (): boolean => process.env.E2E_DUMPIO === '1';

// ---------------------------------------------------------------------------------------------
// Chromium

/** `--host-resolver-rules` value mapping every host (wildcards allowed) to 127.0.0.1:port. */
export function hostResolverRules(hosts: string[], port: number): string {
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`);
  rules.push('EXCLUDE localhost');
  return rules.join(', ');
}

export type ChromiumLaunchOptions = {
  /** Unpacked extension to load (`--load-extension`, or over DevTools: `loadOverDevTools`). */
  extensionDir?: string;
  /**
   * Load `extensionDir` over the DevTools protocol (Extensions.loadUnpacked, through a pipe)
   * instead of `--load-extension`, which Google Chrome ignores since version 137 (Chromium takes
   * both). For browsers other than Debian's Chromium, such as the demo's.
   */
  loadOverDevTools?: boolean;
  /** Hosts (e.g. `meet.google.com`, `*.zoom.us`) to send to the fixture server. */
  hosts: string[];
  /** Fixture server port; mapped hosts reach it on any port, so `https://meet.google.com/` works. */
  port: number;
  /** Default true (`--headless=new`; extensions work headless). */
  headless?: boolean;
  /** Profile folder to use and keep; by default a fresh temp one, removed on close. */
  userDataDir?: string;
  extraArgs?: string[];
  /** Added to the browser's environment (on Linux, LANGUAGE chooses the UI language; --lang does not). */
  env?: Record<string, string>;
  /**
   * Leave background networking on (drops `--disable-background-networking`). Needed for policy
   * force-installs (ExtensionInstallForcelist), which fetch the update manifest in the background.
   */
  backgroundNetworking?: boolean;
  /** Passed through to puppeteer (default 30 s). */
  timeoutMs?: number;
};

export async function launchChromium(opts: ChromiumLaunchOptions): Promise<Browser> {
  const args: string[] = [
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-component-update',
    '--disable-quic',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--ignore-certificate-errors',
  ];
  if (!opts.backgroundNetworking) args.push('--disable-background-networking');
  if (isRoot()) args.push('--no-sandbox');
  if (opts.hosts.length > 0) {
    args.push(`--host-resolver-rules=${hostResolverRules(opts.hosts, opts.port)}`);
  }
  const extensionDir = opts.extensionDir && path.resolve(opts.extensionDir);
  if (extensionDir) {
    if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
      throw new Error(`No manifest.json in extension folder ${extensionDir} (build the extension first)`);
    }
    if (!opts.loadOverDevTools) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  args.push(...(opts.extraArgs ?? []));

  // puppeteer's defaults include `--disable-extensions` (dropped by enableExtensions: true, and
  // listed here too for safety) and `--disable-background-networking` (stops policy installs).
  const ignoreDefaultArgs = ['--disable-extensions'];
  if (opts.backgroundNetworking) ignoreDefaultArgs.push('--disable-background-networking');

  const launchOptions: LaunchOptions = {
    browser: 'chrome',
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    enableExtensions: extensionDir && opts.loadOverDevTools ? [extensionDir] : true,
    pipe: opts.loadOverDevTools ?? false,
    acceptInsecureCerts: true,
    ignoreDefaultArgs,
    args,
    dumpio: dumpio(),
    timeout: opts.timeoutMs ?? 30_000,
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
  };
  if (opts.userDataDir) {
    fs.mkdirSync(opts.userDataDir, { recursive: true });
    launchOptions.userDataDir = opts.userDataDir;
  }
  return await puppeteer.launch(launchOptions);
}

function isExtensionServiceWorker(t: Target, extensionId?: string): boolean {
  if (t.type() !== 'service_worker') return false;
  const url = t.url();
  return extensionId
    ? url.startsWith(`chrome-extension://${extensionId}/`)
    : url.startsWith('chrome-extension://');
}

/** Waits for the extension's MV3 service worker and returns it (Chromium). */
export async function extensionServiceWorker(
  browser: Browser,
  opts: { extensionId?: string; timeoutMs?: number } = {},
): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => isExtensionServiceWorker(t, opts.extensionId), {
    timeout: opts.timeoutMs ?? 15_000,
  });
  const worker = await target.worker();
  if (!worker) throw new Error(`Could not attach to extension service worker ${target.url()}`);
  return worker;
}

/** The id of the (first) loaded extension, from its service worker's URL (Chromium). */
export async function extensionIdOf(
  browser: Browser,
  opts: { timeoutMs?: number } = {},
): Promise<string> {
  const target = await browser.waitForTarget(
    (t) => t.url().startsWith('chrome-extension://') && t.type() !== 'other',
    { timeout: opts.timeoutMs ?? 15_000 },
  );
  return new URL(target.url()).host;
}

// ---------------------------------------------------------------------------------------------
// Firefox

/**
 * Prefs for every Firefox launch: fake media, no first-run pages, and as little background
 * network traffic as possible (on top of the many puppeteer already sets in the profile).
 */
export const FIREFOX_BASE_PREFS: Record<string, unknown> = {
  // Camera / microphone
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  // First run
  'browser.aboutwelcome.enabled': false,
  'browser.startup.firstrunSkipsHomepage': true,
  'trailhead.firstrun.didSeeAboutWelcome': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.tabs.firefox-view': false,
  // Telemetry / studies / experiments
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.topsites.contile.enabled': false,
  'browser.discovery.enabled': false,
  'browser.crashReports.unsubmittedCheck.autoSubmit2': false,
  // Updates
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.update.staging.enabled': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-manager.url': '',
  'browser.search.update': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'services.settings.poll_interval': 86400 * 365,
  // Captive portal / connectivity checks
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  // DNS: never bypass forceResolve with DNS-over-HTTPS; no speculative connections
  'network.trr.mode': 5,
  'doh-rollout.disable-heuristics': true,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'browser.places.speculativeConnect.enabled': false,
  // Certificates: no OCSP fetches (the test CA has no responder)
  'security.OCSP.enabled': 0,
  // Misc network consumers
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'extensions.pocket.enabled': false,
  'browser.vpn_promo.enabled': false,
  // Plain-HTTP loopback servers must stay plain HTTP
  'dom.security.https_first': false,
  'dom.security.https_only_mode': false,
  // Unsigned extension builds
  'xpinstall.signatures.required': false,
};

export type FirefoxLaunchOptions = {
  /** Unpacked (built) Firefox extension folder, installed temporarily over BiDi. */
  extensionDir?: string;
  /** Fixture server port: every host resolves to 127.0.0.1, so URLs must carry this port. */
  port: number;
  /** Default true. */
  headless?: boolean;
  /** Extra prefs, applied over FIREFOX_BASE_PREFS. */
  prefs?: Record<string, unknown>;
  /** Profile folder to use and keep; by default a fresh temp one, removed on close. */
  profileDir?: string;
  /**
   * moz-extension:// UUID to give the extension (needs a gecko id in its manifest); random by
   * default. Lets tests open extension pages at a known origin.
   */
  extensionUuid?: string;
  /**
   * PEM of a CA to import into the profile as a trusted root (certutil, this profile only), so
   * Firefox verifies the fixture server's chain for real. Default: the test CA of the fixture
   * server listening on `port` (support/server.ts). false: none.
   */
  testCa?: string | false;
  /**
   * With an extension and a test CA, default true: list the CA's fingerprint in CallGuard's
   * trustedInterceptionRoots (the user's settings, written from an extension page before the
   * tests start), as a user behind a known TLS-inspection proxy does. The test CA is a root
   * that is not built in, so without this every page would report tls-interception (danger).
   * false for tests about that finding, or that set the list by policy.
   */
  trustTestCaInCallGuard?: boolean;
  /**
   * Default false. true: accept any certificate; Firefox then reports a certificate exception
   * (isUntrusted, no verified chain), which CallGuard raises as tls-interception (danger).
   */
  acceptInsecureCerts?: boolean;
  /**
   * Extra command-line arguments, e.g. `--remote-allow-system-access`, which lets WebDriver BiDi
   * open the extension's own pages (moz-extension://) and read its storage from there.
   */
  extraArgs?: string[];
  timeoutMs?: number;
};

export type LaunchedFirefox = {
  browser: Browser;
  /** The add-on id Firefox reports for the installed extension. */
  extensionId?: string | undefined;
  /** `moz-extension://<uuid>` when the manifest has a gecko id. */
  extensionOrigin?: string | undefined;
};

function geckoIdOf(extensionDir: string): string | undefined {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'),
    ) as {
      browser_specific_settings?: { gecko?: { id?: string } };
      applications?: { gecko?: { id?: string } };
    };
    return (
      manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id ?? undefined
    );
  } catch {
    return undefined;
  }
}

export async function launchFirefox(opts: FirefoxLaunchOptions): Promise<LaunchedFirefox> {
  const prefs: Record<string, unknown> = {
    ...FIREFOX_BASE_PREFS,
    // Every host name resolves to loopback (keep the port in URLs).
    'network.dns.forceResolve': '127.0.0.1',
    ...opts.prefs,
  };

  let extensionDir: string | undefined;
  let extensionOrigin: string | undefined;
  if (opts.extensionDir) {
    extensionDir = path.resolve(opts.extensionDir);
    if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
      throw new Error(`No manifest.json in extension folder ${extensionDir} (build it first)`);
    }
    const geckoId = geckoIdOf(extensionDir);
    if (geckoId && !('extensions.webextensions.uuids' in prefs)) {
      const uuid = opts.extensionUuid ?? randomUUID();
      prefs['extensions.webextensions.uuids'] = JSON.stringify({ [geckoId]: uuid });
      extensionOrigin = `moz-extension://${uuid}`;
    }
  }

  // The fixture server's test CA, trusted in this profile only: real certificate checks, as
  // on a network whose TLS-inspection root the computer trusts.
  const testCa = opts.testCa === false ? undefined : (opts.testCa ?? fixtureServerCa(opts.port)?.caCert);
  const listInCallGuard = !!testCa && !!extensionOrigin && (opts.trustTestCaInCallGuard ?? true);

  const args: string[] = [];
  // A profile of our own when the CA must go in before Firefox starts (removed when it exits).
  const ownProfile = !opts.profileDir && testCa ? fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-ff-profile-')) : undefined;
  const profileDir = opts.profileDir ?? ownProfile;
  const removeOwnProfile = () => {
    if (ownProfile) fs.rmSync(ownProfile, { recursive: true, force: true });
  };
  if (profileDir) {
    fs.mkdirSync(profileDir, { recursive: true });
    try {
      if (testCa) importCaIntoProfile(profileDir, testCa);
    } catch (err) {
      removeOwnProfile();
      throw err;
    }
    args.push('--profile', profileDir);
  }
  args.push(...(opts.extraArgs ?? []));
  // Writing CallGuard's settings needs WebDriver BiDi in the extension's own pages.
  if (listInCallGuard && !args.includes(FIREFOX_SYSTEM_ACCESS_ARG)) args.push(FIREFOX_SYSTEM_ACCESS_ARG);

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: opts.headless ?? true,
      acceptInsecureCerts: opts.acceptInsecureCerts ?? false,
      extraPrefsFirefox: prefs,
      args,
      dumpio: dumpio(),
      timeout: opts.timeoutMs ?? 30_000,
    });
  } catch (err) {
    removeOwnProfile();
    throw err;
  }
  if (ownProfile) {
    const child = browser.process();
    if (child && child.exitCode === null) child.once('exit', removeOwnProfile);
    else browser.once('disconnected', removeOwnProfile);
  }
  if (!extensionDir) return { browser };
  try {
    const extensionId = await browser.installExtension(extensionDir);
    if (listInCallGuard) await trustRootInCallGuard(browser, extensionOrigin!, certificateFingerprintSha256(testCa!));
    return { browser, extensionId, extensionOrigin };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}

/** Lets WebDriver BiDi open moz-extension:// pages (also support/firefox-extension.ts). */
const FIREFOX_SYSTEM_ACCESS_ARG = '--remote-allow-system-access';
/** storage.local key of CallGuard's user settings (entrypoints/background/policy-store.ts). */
const USER_SETTINGS_KEY = 'userSettings';

/**
 * Adds a root's fingerprint to CallGuard's trustedInterceptionRoots in the user's settings, from
 * one of the extension's pages (what the options page saves), and waits until it is stored. The
 * background applies user settings as they change (storage.onChanged), before any test page.
 */
async function trustRootInCallGuard(browser: Browser, extensionOrigin: string, fingerprint: string): Promise<void> {
  const page = await browser.newPage();
  try {
    const url = `${extensionOrigin}/popup.html`;
    // goto() waits for load events that moz-extension pages do not send over BiDi.
    const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: string): Promise<unknown> } })
      .browsingContext;
    if (context) await context.navigate(url, 'none');
    else void page.goto(url, { timeout: 5_000 }).catch(() => {});
    await waitFor(
      async () => (await page.evaluate(() => location.href)) === url && (await page.evaluate(() => document.readyState)) === 'complete',
      { what: `extension page ${url}`, timeoutMs: 15_000 },
    );
    const stored = await page.evaluate(
      async (key, root) => {
        const local = (globalThis as any).browser.storage.local;
        const settings = ((await local.get(key))[key] ?? {}) as { trustedInterceptionRoots?: string[] };
        const roots = [...new Set([...(settings.trustedInterceptionRoots ?? []), root])];
        await local.set({ [key]: { ...settings, trustedInterceptionRoots: roots } });
        return ((await local.get(key))[key] as { trustedInterceptionRoots?: string[] }).trustedInterceptionRoots;
      },
      USER_SETTINGS_KEY,
      fingerprint,
    );
    if (!stored?.includes(fingerprint)) throw new Error(`CallGuard's user settings did not take the test CA: ${JSON.stringify(stored)}`);
  } finally {
    await page.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Polling

export type WaitForOptions = {
  timeoutMs?: number;
  intervalMs?: number;
  /** What is being waited for, for the error message. */
  what?: string;
};

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const s = JSON.stringify(value);
    if (s === undefined) return String(value);
    return s.length > 500 ? `${s.slice(0, 500)}…` : s;
  } catch {
    return String(value);
  }
}

/**
 * Calls `fn` until it returns something other than undefined/null/false, and returns that.
 * Errors thrown by `fn` count as "not yet" (the last one is reported on timeout).
 */
export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false>,
  opts: WaitForOptions = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const intervalMs = opts.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let last: unknown = undefined;
  let lastWasError = false;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
      lastWasError = false;
    } catch (err) {
      last = err;
      lastWasError = true;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${opts.what ?? 'condition'}; last ${
          lastWasError ? 'error' : 'value'
        }: ${describe(last)}`,
      );
    }
    await new Promise((r) => setTimeout(r, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}

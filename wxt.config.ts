import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { CONFERENCE_MATCHES } from './core/platforms/index';

/**
 * Public half of CallGuard's signing key: it fixes the self-hosted Chrome/Edge extension id
 * (cnldncfpjacjjaieclaikfncgalbodkg) that admins put in their policies. The private key is held
 * by the release manager, never in this repository. Store packages carry no key: the Chrome Web
 * Store and Edge Add-ons reject it and assign their own ids (docs/admin/README.md).
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA24/K0G0vz4BVm6czcJgxDfj5d8MyCaCtxCwPYVvM7BqoowuFeCg5VOHa/F8MedAZzV80GYwxHMSBNhYk/qMzBRgNKwR3QZh2AyPTfv+qFvX0Nd89PzT+BQqyTiZ2YQWKkvw/fLTTlRbo/GRuz9w3lxZlwxZMBM7sYx3larUQxpXqEVcEC12YZwr0/cRXHmP2vdJIKGwE1wJDeFo/wwbLjZcVx30fkeW79vfWm7xHMayM8gEPc7gQvzhLMnEs9vUHEgZfWvuLtb1q3rTRfDhOU8o0RXt6TP3cyy5azC+X3Gr1aZv9D4DakZZHni4DBIC3teSoJHYGDKOUl6vZoL9j5QIDAQAB';
export const GECKO_ID = 'callguard@callguard.app';

/**
 * Build flavour (CALLGUARD_FLAVOUR): "self-hosted" (default) carries the key above; "store" is
 * what the stores get (no key); "enterprise" (.output/enterprise-*) also declares access to every
 * site, which Chrome and Edge grant force-installed extensions without a prompt, so the
 * organisation's conferenceSites work at once. CALLGUARD_UPDATE_URL sets a self-hosted update_url.
 */
const FLAVOUR = process.env.CALLGUARD_FLAVOUR ?? 'self-hosted';
const UPDATE_URL = process.env.CALLGUARD_UPDATE_URL;
const ALL_SITES = ['*://*/*'];

/** `git ls-files` with these arguments in `root`: paths relative to it. */
function gitFiles(root: string, ...args: string[]): string[] {
  return execFileSync('git', ['ls-files', '-z', ...args], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
}

export default defineConfig({
  ...(FLAVOUR === 'self-hosted' ? {} : { outDirTemplate: `${FLAVOUR}-{{browser}}-mv{{manifestVersion}}{{modeSuffix}}` }),
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // activeTab: the popup may read the address of the tab it was opened on (no install warning).
    // scripting: content scripts for the user's and organisation's own conference sites.
    // Firefox only: the site's TLS certificate chain (webRequest.getSecurityInfo needs a blocking
    // listener) and the captive-portal state; Chromium has neither API, so asks for neither.
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? ['webRequest', 'webRequestBlocking', 'captivePortal'] : ['sidePanel']),
    ],
    host_permissions: FLAVOUR === 'enterprise' ? ALL_SITES : [...CONFERENCE_MATCHES],
    ...(FLAVOUR === 'enterprise' ? {} : { optional_host_permissions: ALL_SITES }),
    // The stores update their copies themselves, and reject a package that names another server.
    ...(UPDATE_URL && browser !== 'firefox' && FLAVOUR !== 'store' ? { update_url: UPDATE_URL } : {}),
    action: { default_title: '__MSG_extensionName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions "none": CallGuard collects and sends nothing (Firefox 140+).
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { ...(FLAVOUR === 'store' ? {} : { key: CHROME_PUBLIC_KEY }), storage: { managed_schema: 'managed_schema.json' } }),
  }),
  // `wxt zip` (npm run zip: docs/building.md). Packages other than the self-hosted one are named
  // after their flavour, as their build folders are.
  zip: {
    ...(FLAVOUR === 'self-hosted' ? {} : { artifactTemplate: `{{name}}-{{packageVersion}}-{{browser}}-${FLAVOUR}.zip` }),
    // The sources package is what git tracks (hook below) but the tests, which the build never reads.
    excludeSources: ['test/**'],
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  hooks: {
    // Nothing git ignores (a private key, a local build) goes into a package: the sources are the
    // files git tracks, and the extension's own files are built from them and public/, where the
    // build would copy an ignored file as it is.
    'zip:extension:start': (wxt) => {
      const ignored = gitFiles(wxt.config.root, '--others', '--ignored', '--exclude-standard', '--', path.relative(wxt.config.root, wxt.config.publicDir));
      if (ignored.length > 0) throw new Error(`No package: git ignores ${ignored.join(', ')}, which the build would copy into the extension (move it out)`);
    },
    'zip:sources:start': (wxt) => {
      wxt.config.zip.includeSources = gitFiles(wxt.config.root);
    },
    // Content scripts run in every frame of every covered page, within 40 KB (docs/performance.md):
    // there `wxt/browser` (WXT's own runtime imports it too) is the browser's promise-based
    // namespace, not webextension-polyfill (10 KB), and WXT's content-script context is a stand-in
    // (entrypoints/call/script-context.ts says why). Everywhere else: the polyfill and WXT's own.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const aliases = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        { find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./entrypoints/call/script-context.ts', import.meta.url)) },
      ];
      const existing = config.resolve?.alias ?? [];
      config.resolve = { ...config.resolve, alias: [...aliases, ...(Array.isArray(existing) ? existing : Object.entries(existing).map(([find, replacement]) => ({ find, replacement })))] };
    },
  },
});

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

export default defineConfig({
  ...(FLAVOUR === 'self-hosted' ? {} : { outDirTemplate: `${FLAVOUR}-{{browser}}-mv{{manifestVersion}}{{modeSuffix}}` }),
  // Besides the local ones (modules/: the page-world probe, the content scripts' budget, the packages).
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
    // The sources package is what git tracks (modules/packages) but the tests, which the build never reads.
    excludeSources: ['test/**'],
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});

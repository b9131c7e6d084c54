import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { defineConfig } from 'wxt';
import { CONFERENCE_MATCHES, PLATFORM_MATCHES } from './core/platforms/matches';
import { ALL_ADAPTERS_FILE, adapterFile, CALL_SCRIPT_FILE } from './core/policy/sites';
import { isAdapter } from './core/platforms/installed';

/**
 * Public half of CallGuard's signing key: it fixes the Chrome/Edge extension id
 * (cnldncfpjacjjaieclaikfncgalbodkg) that admins put in their policies. The private key is
 * held by the release manager, never in this repository.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA24/K0G0vz4BVm6czcJgxDfj5d8MyCaCtxCwPYVvM7BqoowuFeCg5VOHa/F8MedAZzV80GYwxHMSBNhYk/qMzBRgNKwR3QZh2AyPTfv+qFvX0Nd89PzT+BQqyTiZ2YQWKkvw/fLTTlRbo/GRuz9w3lxZlwxZMBM7sYx3larUQxpXqEVcEC12YZwr0/cRXHmP2vdJIKGwE1wJDeFo/wwbLjZcVx30fkeW79vfWm7xHMayM8gEPc7gQvzhLMnEs9vUHEgZfWvuLtb1q3rTRfDhOU8o0RXt6TP3cyy5azC+X3Gr1aZv9D4DakZZHni4DBIC3teSoJHYGDKOUl6vZoL9j5QIDAQAB';
export const GECKO_ID = 'callguard@callguard.app';

const PROBE_FILE = 'rtc-probe.js';

/**
 * Firefox only: read the conference site's TLS certificate chain (webRequest.getSecurityInfo,
 * which works only in a blocking onHeadersReceived listener) and the captive-portal state.
 * Chromium has neither API, so its build asks for neither permission.
 */
const FIREFOX_NETWORK_PERMISSIONS = ['webRequest', 'webRequestBlocking', 'captivePortal'];

/**
 * Build flavour. The store build asks only for the conference sites and requests self-hosted
 * sites at run time (optional_host_permissions, one click on the options page). The enterprise
 * build (`CALLGUARD_FLAVOUR=enterprise wxt build`, to .output/enterprise-chrome-mv3) declares
 * access to every site, which Chrome and Edge grant without a prompt to force-installed
 * extensions, so the organisation's conferenceSites work at once. CALLGUARD_UPDATE_URL sets the
 * manifest update_url of a self-hosted build. See docs/admin/.
 */
const ENTERPRISE = process.env.CALLGUARD_FLAVOUR === 'enterprise';
const UPDATE_URL = process.env.CALLGUARD_UPDATE_URL;
const ALL_SITES = ['*://*/*'];

/** The main-world probe as one minified IIFE with nothing but its own code. */
async function bundleProbe(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(import.meta.dirname, 'entrypoints/rtc-probe/main.ts'), formats: ['iife'], name: 'callguardProbe' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('the rtc probe did not bundle');
  return chunk.code;
}

/**
 * The name under which a platform module exports its adapter. A bundle imports only that: a
 * namespace import would also carry the module's coverage notes (docs/platforms.md), which the
 * page never needs.
 */
async function adapterExportName(id: string): Promise<string> {
  const module = (await import(`./core/platforms/${id}.ts`)) as Record<string, unknown>;
  const name = Object.keys(module).find((key) => isAdapter(module[key]));
  if (!name) throw new Error(`core/platforms/${id}.ts exports no adapter`);
  return name;
}

/**
 * One platform's adapter (or, for 'all', every platform's) as a minified IIFE that installs it in
 * the isolated world for the call script (core/platforms/installed.ts).
 */
async function bundleAdapters(platforms: string[]): Promise<string> {
  const imports = await Promise.all(
    platforms.map(async (id, i) => `import { ${await adapterExportName(id)} as adapter${i} } from ${JSON.stringify(resolve(import.meta.dirname, `core/platforms/${id}.ts`))};`),
  );
  const code = [
    `import { installAdapters } from ${JSON.stringify(resolve(import.meta.dirname, 'core/platforms/installed.ts'))};`,
    ...imports,
    `installAdapters([${platforms.map((_, i) => `adapter${i}`).join(', ')}]);`,
  ].join('\n');
  // The bundler wants its entry as a file: a generated one, outside the source tree.
  const entry = resolve(import.meta.dirname, `node_modules/.cache/callguard/adapters-${platforms.length > 1 ? 'all' : platforms[0]}.ts`);
  mkdirSync(dirname(entry), { recursive: true });
  writeFileSync(entry, code);
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'callguardAdapters' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`the adapters ${platforms.join(', ')} did not bundle`);
  return chunk.code;
}
const ADAPTER_PLATFORMS = Object.keys(PLATFORM_MATCHES);

/**
 * The isolated content script runs in every frame of every covered site, so it carries only what
 * it uses (npm run bench sizes it):
 * - the browser's own `browser`/`chrome` namespace instead of webextension-polyfill (10 KB): it
 *   uses only runtime messaging and i18n.getMessage, promise-based natively in Chromium MV3 and
 *   Firefox (WXT's own `wxt/browser`, which the polyfill module aliases away for the rest);
 * - no ipaddr.js (12 KB): a CommonJS module, so the bundler cannot see that it has no side effects
 *   and kept all of it for a function of core/assess that the banner logic imports.
 */
function slimContentScript(viteConfig: InlineConfig): void {
  const alias = viteConfig.resolve?.alias ?? [];
  const aliases = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
  viteConfig.resolve = {
    ...viteConfig.resolve,
    alias: [{ find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'node_modules/wxt/dist/browser.mjs') }, ...aliases],
  };
  const rolldownOptions = viteConfig.build?.rolldownOptions ?? {};
  viteConfig.build = {
    ...viteConfig.build,
    rolldownOptions: { ...rolldownOptions, treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/ipaddr.js/') } },
  };
}

export default defineConfig({
  ...(ENTERPRISE ? { outDirTemplate: 'enterprise-{{browser}}-mv{{manifestVersion}}{{modeSuffix}}' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // activeTab: the popup may read the address of the tab it was opened on (no install warning),
    // so that on a site CallGuard does not cover yet it can offer "Watch calls on <site>".
    // scripting: content scripts for the user's and organisation's own conference sites.
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? FIREFOX_NETWORK_PERMISSIONS : [])],
    host_permissions: ENTERPRISE ? ALL_SITES : CONFERENCE_MATCHES,
    ...(ENTERPRISE ? {} : { optional_host_permissions: ALL_SITES }),
    ...(UPDATE_URL && browser !== 'firefox' ? { update_url: UPDATE_URL } : {}),
    action: { default_title: '__MSG_extensionName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions ("none": CallGuard collects and sends nothing) is read
            // from Firefox 140 and Firefox for Android 142 (web-ext lint; docs/security.md).
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: CHROME_PUBLIC_KEY, storage: { managed_schema: 'managed_schema.json' } }),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) slimContentScript(viteConfig);
    },
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: PROBE_FILE, contents: await bundleProbe() });
      // Built-in sites get their own platform's adapter; sites added at run time get them all
      // (core/policy/sites.ts), since one registration serves sites of every platform.
      for (const id of ADAPTER_PLATFORMS) files.push({ relativeDest: adapterFile(id), contents: await bundleAdapters([id]) });
      files.push({ relativeDest: ALL_ADAPTERS_FILE, contents: await bundleAdapters([...ADAPTER_PLATFORMS, 'bigbluebutton']) });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      type ContentScript = NonNullable<typeof manifest.content_scripts>[number];
      // The call script, once per platform, after that platform's adapter (same isolated world).
      const call = manifest.content_scripts?.find((script) => script.js?.includes(CALL_SCRIPT_FILE));
      const others = (manifest.content_scripts ?? []).filter((script) => script !== call);
      const perPlatform: ContentScript[] = call
        ? Object.entries(PLATFORM_MATCHES).map(([id, matches]) => ({ ...call, matches, js: [adapterFile(id), CALL_SCRIPT_FILE] }))
        : [];
      // The main-world probe must be first, at document_start, in every frame (about:blank too).
      manifest.content_scripts = [
        {
          matches: CONFERENCE_MATCHES,
          js: [PROBE_FILE],
          world: 'MAIN',
          run_at: 'document_start',
          all_frames: true,
          match_about_blank: true,
          match_origin_as_fallback: true,
        } as ContentScript,
        ...perPlatform,
        ...others,
      ];
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});

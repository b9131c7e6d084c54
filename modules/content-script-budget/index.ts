import { fileURLToPath } from 'node:url';
import { defineWxtModule } from 'wxt/modules';

/**
 * Content scripts run in every frame of every covered page, within 40 KB (docs/performance.md):
 * there `wxt/browser` (WXT's own runtime imports it too) is the browser's promise-based
 * namespace, not webextension-polyfill (10 KB), and WXT's content-script context is a stand-in
 * (entrypoints/call/script-context.ts says why). Everywhere else: the polyfill and WXT's own.
 */
export default defineWxtModule((wxt) => {
  wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
    if (!entrypoints.every((e) => e.type === 'content-script')) return;
    const aliases = [
      { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
      { find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('../../entrypoints/call/script-context.ts', import.meta.url)) },
    ];
    const existing = config.resolve?.alias ?? [];
    config.resolve = { ...config.resolve, alias: [...aliases, ...(Array.isArray(existing) ? existing : Object.entries(existing).map(([find, replacement]) => ({ find, replacement })))] };
  });
});

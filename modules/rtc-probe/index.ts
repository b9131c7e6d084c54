import { resolve } from 'node:path';
import { build } from 'vite';
import { defineWxtModule } from 'wxt/modules';
import { CONFERENCE_MATCHES } from '../../core/platforms/index';

/** Where the probe lands in the extension (the background registers it for added sites too). */
export const PROBE_FILE = 'rtc-probe.js';

/**
 * The main-world probe (modules/rtc-probe/probe.ts) as one minified IIFE of its own code, first
 * among the manifest's content scripts: at document_start, in every frame of every built-in site
 * (about:blank too). WXT's own main-world content scripts wrap the code in its runtime, which
 * does not fit the probe's 4 KB budget (docs/performance.md); this module builds it alone.
 */
export default defineWxtModule((wxt) => {
  // The background injects it into pages that were open before (scripting.executeScript).
  wxt.hook('prepare:publicPaths', (_wxt, paths) => {
    paths.push(PROBE_FILE);
  });
  wxt.hook('build:publicAssets', async (_wxt, files) => {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        write: false,
        minify: true,
        lib: { entry: resolve(import.meta.dirname, 'main.ts'), formats: ['iife'], name: 'callguardProbe' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
    const chunk = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk');
    if (!chunk?.code) throw new Error('the rtc probe did not bundle');
    files.push({ relativeDest: PROBE_FILE, contents: chunk.code });
  });
  wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
    type ContentScript = NonNullable<typeof manifest.content_scripts>[number];
    const probe = {
      matches: [...CONFERENCE_MATCHES],
      js: [PROBE_FILE],
      world: 'MAIN',
      run_at: 'document_start',
      all_frames: true,
      match_about_blank: true,
      match_origin_as_fallback: true,
    } as ContentScript;
    manifest.content_scripts = [probe, ...(manifest.content_scripts ?? [])];
  });
});

// Bundle sizes: the main-world probe and the isolated content scripts, as built, with a breakdown
// of the largest by source module (from a throw-away build with source maps).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { EXTENSION_DIR, kb, verdict, type Figure } from './common.ts';
import { REPO } from '../../test/e2e/support/extension.ts';

const PROBE = 'rtc-probe.js';
const CONTENT_SCRIPTS = 'content-scripts';
export const PROBE_LIMIT = 4 * 1024;
export const CONTENT_SCRIPT_LIMIT = 40 * 1024;

function sizeOf(file: string): { bytes: number; gzip: number } {
  const data = fs.readFileSync(path.join(EXTENSION_DIR, file));
  return { bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}

export function probeSize(): Figure {
  const { bytes, gzip } = sizeOf(PROBE);
  return {
    what: 'main-world probe (rtc-probe.js)',
    target: `≤ ${kb(PROBE_LIMIT)} minified`,
    measured: `${kb(bytes)} (${bytes} B; gzip ${kb(gzip)})`,
    verdict: verdict(bytes <= PROBE_LIMIT),
    details: [`.output/chrome-mv3/${PROBE}, built by modules/rtc-probe as one minified IIFE; runs in every frame of every covered site.`],
  };
}

/**
 * The isolated-world scripts: the manifest's, one per built-in platform, and the ones in
 * content-scripts/ the manifest does not list, which the background registers at run time for
 * the sites the user or organisation adds.
 */
function isolatedScripts(): { declared: { platform: string; file: string }[]; atRunTime: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[]; world?: string }[];
  };
  const declared = manifest.content_scripts
    .filter((script) => script.world !== 'MAIN')
    .flatMap((script) => script.js.map((file) => ({ platform: path.basename(file, '.js'), file })));
  const atRunTime = fs
    .readdirSync(path.join(EXTENSION_DIR, CONTENT_SCRIPTS))
    .map((name) => `${CONTENT_SCRIPTS}/${name}`)
    .filter((file) => file.endsWith('.js') && !declared.some((d) => d.file === file));
  return { declared, atRunTime };
}

export async function contentScriptSize(withBreakdown: boolean): Promise<Figure[]> {
  const { declared, atRunTime } = isolatedScripts();
  const pages = declared.map(({ platform, file }) => ({ platform, file, ...sizeOf(file) })).sort((a, b) => b.bytes - a.bytes);
  const worst = pages[0]!;
  const details = [
    `What one page of a built-in platform loads in the isolated world: content-scripts/<platform>.js, one minified script with that platform's declaration and the shared reader, watcher and banner; the figure is the largest. ${worst.file}: gzip ${kb(worst.gzip)}.`,
    `Per platform: ${pages.map((p) => `${p.platform} ${kb(p.bytes)} (${p.bytes} B)`).join(', ')}.`,
    "Left out (modules/content-script-budget): webextension-polyfill, about 10 KB, which the popup, options page, side panel and background use; in content scripts the browser's own promise-based `browser`/`chrome` namespace serves runtime messaging and i18n. Also left out: WXT's content-script context, 2.9 KB (entrypoints/call/script-context.ts). On demand only, never on a page by itself: detection-sample.js (\"Save a detection sample\", docs/platforms.md), " +
      `${kb(sizeOf('detection-sample.js').bytes)}.`,
  ];
  if (withBreakdown) {
    try {
      const parts = await breakdown(worst.platform, worst.file);
      details.push(
        `What ${worst.file} is made of (bytes of minified output per source, from a build with source maps):`,
        '',
        '| source | bytes |',
        '|---|---:|',
        ...parts.map(([source, size]) => `| ${source} | ${size} |`),
        '',
      );
    } catch (error) {
      details.push(`(breakdown unavailable: ${(error as Error).message})`);
    }
  }
  const runTime = atRunTime.map((file) => ({ file, ...sizeOf(file) }));
  return [
    {
      what: `isolated content script (largest platform: ${worst.platform})`,
      target: `≤ ${kb(CONTENT_SCRIPT_LIMIT)}`,
      measured: `${kb(worst.bytes)} (${worst.bytes} B)`,
      verdict: verdict(worst.bytes <= CONTENT_SCRIPT_LIMIT),
      details,
    },
    ...runTime.map(({ file, bytes, gzip }) => ({
      what: `isolated content script for sites added at run time (${file})`,
      target: `≤ ${kb(CONTENT_SCRIPT_LIMIT)}`,
      measured: `${kb(bytes)} (${bytes} B)`,
      verdict: verdict(bytes <= CONTENT_SCRIPT_LIMIT),
      details: [
        `Registered by the background for the sites the user or organisation adds as this platform (conferenceSites); the other platforms' scripts are registered the same way for sites added as theirs; gzip ${kb(gzip)}.`,
      ],
    })),
  ];
}

const ignore = () => {};
/** Only warnings and errors of the throw-away build reach the console. */
const quietLogger = { debug: ignore, log: ignore, info: ignore, success: ignore, warn: console.warn, error: console.error, fatal: console.error, level: 1 };

/** Builds one content script once more with source maps, to a temp folder, and sizes its sources. */
async function breakdown(entrypoint: string, output: string): Promise<[string, number][]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-bench-map-'));
  try {
    const { build } = await import('wxt');
    await build({
      root: REPO,
      outDir,
      logger: quietLogger,
      filterEntrypoints: [entrypoint],
      vite: () => ({ build: { sourcemap: 'hidden' } }),
    });
    const file = path.join(outDir, 'chrome-mv3', output);
    return sizeBySource(fs.readFileSync(file, 'utf8'), fs.readFileSync(`${file}.map`, 'utf8'), path.dirname(file));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Bytes of generated code per original source: node_modules files by package path, the repo's
 * files by repo path. `mapDir` is the folder of the map, which its source paths are relative to.
 */
export function sizeBySource(code: string, map: string, mapDir: string): [string, number][] {
  const lines = code.split('\n');
  const mappings = decodeMappings(JSON.parse(map) as SourceMap);
  const UNMAPPED = '(unmapped: bundler runtime, inline CSS)';
  const bySource = new Map<string, number>();
  let mapped = 0;
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const end = next && next.line === m.line ? next.column : (lines[m.line - 1]?.length ?? m.column);
    let name = UNMAPPED;
    if (m.source) {
      const full = path.resolve(mapDir, m.source);
      const inModules = full.lastIndexOf('node_modules/');
      name = inModules >= 0 ? full.slice(inModules + 'node_modules/'.length) : path.relative(REPO, full);
    }
    bySource.set(name, (bySource.get(name) ?? 0) + (end - m.column));
    mapped += end - m.column;
  });
  // Bytes before the first mapping of a line.
  bySource.set(UNMAPPED, (bySource.get(UNMAPPED) ?? 0) + Math.max(0, code.length - mapped));
  return [...bySource].sort((a, b) => b[1] - a[1]).filter(([, size]) => size >= 100);
}

interface SourceMap {
  sources: (string | null)[];
  sourceRoot?: string;
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The generated positions of a v3 source map and the source each one comes from (1-based lines). */
function decodeMappings(map: SourceMap): { line: number; column: number; source: string | null }[] {
  const out: { line: number; column: number; source: string | null }[] = [];
  let sourceIndex = 0;
  map.mappings.split(';').forEach((group, lineIndex) => {
    let column = 0;
    for (const segment of group.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length >= 4) sourceIndex += fields[1]!;
      const source = fields.length >= 4 ? (map.sources[sourceIndex] ?? null) : null;
      out.push({ line: lineIndex + 1, column, source: source && map.sourceRoot ? `${map.sourceRoot}/${source}` : source });
    }
  });
  return out;
}

// Bundle sizes: the main-world probe and the isolated content script, as built, with a breakdown
// of the content script by source module (from a throw-away build with source maps).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { EXTENSION_DIR, kb, verdict, type Figure } from './common.ts';
import { REPO } from '../../test/e2e/support/extension.ts';

const PROBE = 'rtc-probe.js';
const CONTENT_SCRIPT = 'content-scripts/call.js';
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
    details: [`.output/chrome-mv3/${PROBE}, built by wxt.config.ts as one minified IIFE; runs in every frame of every covered site.`],
  };
}

/** The isolated scripts of each built-in platform's pages, as the manifest lists them. */
function isolatedScriptsByPlatform(): { platform: string; files: string[] }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[]; world?: string }[];
  };
  return manifest.content_scripts
    .filter((script) => script.world !== 'MAIN' && script.js.includes(CONTENT_SCRIPT))
    .map((script) => ({ platform: path.basename(script.js[0]!, '.js'), files: script.js }));
}

export async function contentScriptSize(withBreakdown: boolean): Promise<Figure> {
  const pages = isolatedScriptsByPlatform()
    .map(({ platform, files }) => ({ platform, bytes: files.reduce((sum, file) => sum + sizeOf(file).bytes, 0) }))
    .sort((a, b) => b.bytes - a.bytes);
  const worst = pages[0]!;
  const { bytes: callBytes, gzip } = sizeOf(CONTENT_SCRIPT);
  const bytes = worst.bytes;
  const details = [
    `What one page loads in the isolated world: its platform's adapter (adapters/<platform>.js) and ${CONTENT_SCRIPT}, both minified; the figure is the largest platform. ${CONTENT_SCRIPT} alone: ${kb(callBytes)} (gzip ${kb(gzip)}).`,
    `Per platform: ${pages.map((p) => `${p.platform} ${kb(p.bytes)}`).join(', ')}. Sites added at run time load adapters/all.js (${kb(sizeOf('adapters/all.js').bytes)}) instead.`,
    'Left out already (slimContentScript in wxt.config.ts): webextension-polyfill, 10 KB (the browser\'s own promise-based `browser`/`chrome` namespace serves runtime messaging and i18n), and ipaddr.js, 12 KB (pulled in through core/assess by the banner logic, unused here).',
  ];
  if (bytes > CONTENT_SCRIPT_LIMIT) {
    details.push(
      'What is left over the budget: each adapter bundle carries the whole platform-facts table with its vendor statements (core/platforms/facts.ts, about 5 KB), because adapters look their fact up by id; the shared adapter toolkit; and the banner UI (Preact, the Banner component, its CSS, about 17 KB), which loads on every covered page, in a call or not. ' +
        'Letting the background attach the platform facts (it already applies them in core/encryption.ts) would take the table out of every adapter bundle.',
    );
  }
  if (withBreakdown) {
    try {
      const parts = await breakdown();
      details.push(
        'What it is made of (bytes of minified output per source, from a build with source maps):',
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
  return {
    what: `isolated content script (adapter + ${CONTENT_SCRIPT}, largest platform: ${worst.platform})`,
    target: `≤ ${kb(CONTENT_SCRIPT_LIMIT)}`,
    measured: `${kb(bytes)} (${bytes} B)`,
    verdict: verdict(bytes <= CONTENT_SCRIPT_LIMIT),
    details,
  };
}

const ignore = () => {};
/** Only warnings and errors of the throw-away build reach the console. */
const quietLogger = { debug: ignore, log: ignore, info: ignore, success: ignore, warn: console.warn, error: console.error, fatal: console.error, level: 1 };

/** Builds the content script once more with source maps, to a temp folder, and sizes its sources. */
async function breakdown(): Promise<[string, number][]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-bench-map-'));
  try {
    const { build } = await import('wxt');
    await build({
      root: REPO,
      outDir,
      logger: quietLogger,
      filterEntrypoints: ['call'],
      vite: () => ({ build: { sourcemap: 'hidden' } }),
    });
    const file = path.join(outDir, 'chrome-mv3', CONTENT_SCRIPT);
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

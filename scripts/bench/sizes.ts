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

export async function contentScriptSize(withBreakdown: boolean): Promise<Figure> {
  const { bytes, gzip } = sizeOf(CONTENT_SCRIPT);
  const details = [
    `.output/chrome-mv3/${CONTENT_SCRIPT} (minified by WXT); runs in every frame of every covered site.`,
    'Left out already (slimContentScript in wxt.config.ts): webextension-polyfill, 10 KB (the browser\'s own promise-based `browser`/`chrome` namespace serves runtime messaging and i18n), and ipaddr.js, 12 KB (pulled in through core/assess by the banner logic, unused here).',
  ];
  if (bytes > CONTENT_SCRIPT_LIMIT) {
    details.push(
      'What is left over the budget: every platform adapter ships in the one bundle (core/platforms, about 39 KB with the platform facts), though a page needs only its own; and the banner UI (Preact, the Banner component, its CSS, about 17 KB) loads on every covered page, in a call or not. ' +
        'One content script per platform (the manifest lists each with its own matches; sites added at run time get the generic one) would leave about 32 KB of shared code plus the one adapter a page needs (3–9 KB). ' +
        'Loading the banner UI only for a call would need the background to inject it (scripting.executeScript into the isolated world): MV3 content scripts cannot import() extension files that are not web-accessible, and making them web-accessible lets every site detect the extension.',
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
    what: 'isolated content script (content-scripts/call.js)',
    target: `≤ ${kb(CONTENT_SCRIPT_LIMIT)}`,
    measured: `${kb(bytes)} (${bytes} B; gzip ${kb(gzip)})`,
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

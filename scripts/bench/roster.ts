// Roster scale: ms per page read at 100 and 1,000 participants, in real Chromium, on the in-call
// page of each major platform with its roster grown from the page's own rows. The reader is
// bundled from core/ as the content script runs it (scripts/bench/roster-page.ts) and timed in
// the page itself, away from the extension (a browser without it: no content script reads too).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'puppeteer-core';
import { median, verdict, type BenchBrowser, type Figure } from './common.ts';
import type { ReadKind } from './roster-page.ts';

const PLATFORMS = ['google-meet', 'zoom', 'teams', 'jitsi'] as const;
const SIZES = [100, 1000] as const;
export const ROSTER_LIMIT_MS = 3;
/** Linear growth: 10× the participants cost at most 10× the time; a fifth more is noise. */
const LINEAR_RATIO = 12;
/** The fixture server answers for any host: a site CallGuard does not cover. */
const PAGE_ORIGIN = 'https://www.example.org';

/** Rounds of reads per platform and size; the figure is their median. */
const ROUNDS = 7;

/** Each read the content script makes, from the costliest: the list just drawn, then 1 in 100 rows changed since the last read, then none. */
const KINDS: readonly ReadKind[] = ['first', 'changed', 'unchanged'];
const KIND_NAMES: Record<ReadKind, string> = { first: 'first read (every row new)', changed: '1 in 100 rows changed', unchanged: 'no row changed' };

interface Timing {
  platform: string;
  kind: ReadKind;
  participants: number;
  /** Main-thread CPU time per read (CDP Performance ThreadTime): what a loaded machine does not inflate. */
  cpuMs: number;
  /** The fastest round's CPU ms per read: the reader's own cost with the least disturbance from the host. */
  fastestCpuMs: number;
  wallMs: number;
  reads: number;
}

/** Times readPage in rounds of reads sized to take about `minMs` in all. */
async function timeReads(page: Page, cdp: CDPSession, platform: string, kind: ReadKind, participants: number, minMs: number): Promise<Timing> {
  const run = (count: number) => page.evaluate((id, n, k) => (window as any).callguardRosterBench.reads(id, n, k), platform, count, kind) as Promise<{ names: number; wallMs: number }>;
  const threadTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
  const warmUp = await run(5);
  if (warmUp.names < participants) throw new Error(`${platform}: the reader listed ${warmUp.names} of ${participants} names`);
  const count = Math.max(3, Math.round(minMs / ROUNDS / Math.max(warmUp.wallMs / 5, 0.01)));
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = await threadTime();
    const { wallMs } = await run(count);
    cpu.push((await threadTime() - before) / count);
    wall.push(wallMs / count);
  }
  return { platform, kind, participants, cpuMs: median(cpu), fastestCpuMs: Math.min(...cpu), wallMs: median(wall), reads: count * ROUNDS };
}

/** roster-page.ts as one script for the page (Vite, as WXT builds the content scripts). */
async function readerBundle(): Promise<string> {
  const { build } = await import('vite');
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'roster-page.ts');
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'callguardRosterBench' } },
  });
  const chunk = (Array.isArray(result) ? result[0]! : (result as { output: unknown[] })).output[0];
  if (!chunk || typeof chunk !== 'object' || !('code' in chunk) || typeof chunk.code !== 'string') throw new Error('the reader bundle came out empty');
  return chunk.code;
}

export async function rosterScale(bench: BenchBrowser, minMs: number): Promise<Figure> {
  const bundle = await readerBundle();
  const timings: Timing[] = [];
  for (const platform of PLATFORMS) {
    const page = await bench.browser.newPage();
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable');
      await page.goto(`${PAGE_ORIGIN}/${platform}/in-call.html`, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      for (const participants of SIZES) {
        const listed = await page.evaluate((id, n) => (window as any).callguardRosterBench.grow(document, id, n), platform, participants);
        if (listed !== participants) throw new Error(`${platform}: ${listed} participants listed, not ${participants}`);
        for (const kind of KINDS) timings.push(await timeReads(page, cdp, platform, kind, participants, minMs / KINDS.length));
      }
    } finally {
      await page.close().catch(() => {});
    }
  }

  const at = (platform: string, kind: ReadKind, n: number) => timings.find((t) => t.platform === platform && t.kind === kind && t.participants === n)!;
  const rows = PLATFORMS.flatMap((platform) => KINDS.map((kind) => ({ platform, kind, small: at(platform, kind, 100), large: at(platform, kind, 1000) })));
  const ratio = (r: (typeof rows)[number]) => r.large.cpuMs / r.small.cpuMs;
  // The target is the read the content script makes again and again in a call: some rows changed since the last.
  const changed = rows.filter((r) => r.kind === 'changed');
  const slowest = changed.reduce((a, b) => (b.large.cpuMs > a.large.cpuMs ? b : a));
  const steepest = rows.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
  const slowestFirst = rows.filter((r) => r.kind === 'first').reduce((a, b) => (b.large.cpuMs > a.large.cpuMs ? b : a));
  const ok = slowest.large.cpuMs <= ROSTER_LIMIT_MS && ratio(steepest) <= LINEAR_RATIO;
  return {
    what: 'page read with a large roster (100 and 1,000 participants)',
    target: `≤ ${ROSTER_LIMIT_MS} ms per read at 1,000 in a call (1 in 100 rows changed since the last read), growing linearly (1,000 ÷ 100 ≤ ${LINEAR_RATIO})`,
    measured: `${slowest.large.cpuMs.toFixed(2)} ms at 1,000 (${slowest.platform}); first read ${slowestFirst.large.cpuMs.toFixed(2)} ms (${slowestFirst.platform}); steepest growth ×${ratio(steepest).toFixed(1)} (${steepest.platform}, ${KIND_NAMES[steepest.kind]})`,
    verdict: verdict(ok),
    details: [
      `Each platform's in-call fixture, served at ${PAGE_ORIGIN} in Chromium without the extension; its roster grown to 100, then 1,000 participants by copying the last row of the first kind of row the page shows (the participant list before the tiles), each copy with a name of its own. readPage (core/platforms/read.ts, bundled from source with Vite as the content script has it) runs in the page with the memo of rows read before that the content script keeps (rowMemo), ${ROUNDS} rounds of reads per size and kind of read, about ${minMs} ms in all per size, after a warm-up; every read lists every name.`,
      "Three kinds of read. The first read of a list just drawn reads every row (a new memo each time). In a call, between two reads some rows change (a speaker, a raised hand, someone joining): before each such read, 1 in 100 rows gets an attribute set on an element inside it, a change the memo must see; the time includes the page's own change, which only adds. With no row changed, only the rest of the page is read. The target is the read in a call; the first read happens once per list drawn. Rows are kept from 200 rows up (KEPT_FROM_ROWS), so at 100 participants every read reads every row.",
      "The figure is the main thread's CPU time per read (CDP Performance.getMetrics ThreadTime around each round), the median round: on a machine shared with other work the wall time per read (shown beside it) also counts the time the thread waited for a core. The fastest round is shown too: other work on the host only ever adds time, so it is the closest to the reader's own cost.",
      '',
      '| platform | read | CPU ms per read, 100 | CPU ms per read, 1,000 | 1,000 ÷ 100 | fastest round, 100 / 1,000 | wall ms per read, 100 / 1,000 | reads timed, 100 / 1,000 |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.platform} | ${KIND_NAMES[r.kind]} | ${r.small.cpuMs.toFixed(3)} | ${r.large.cpuMs.toFixed(3)} | ${ratio(r).toFixed(1)} | ${r.small.fastestCpuMs.toFixed(3)} / ${r.large.fastestCpuMs.toFixed(3)} | ${r.small.wallMs.toFixed(3)} / ${r.large.wallMs.toFixed(3)} | ${r.small.reads} / ${r.large.reads} |`,
      ),
      '',
    ],
  };
}

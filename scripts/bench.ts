// `npm run bench`: what CallGuard costs a call, measured in real Chromium side by side with no
// extension. Builds first (package.json), then measures every figure against its target, prints
// each with PASS/FAIL and writes docs/performance.md. Exits 1 when a figure misses its target.
//
//   node scripts/bench.ts [--only=sizes,roster,no-inject,join,polling,heap,main-thread] [--no-write] [--write]
//
// A partial run (--only) prints but does not rewrite docs/performance.md unless --write is given.
// Knobs (environment): BENCH_JOINS (30), BENCH_MAIN_ROUNDS (8) of BENCH_MAIN_WINDOWS (3) ×
// BENCH_MAIN_WINDOW_SECONDS (8), BENCH_MAIN_CONTROL=1 (also measure two browsers without the
// extension: the noise floor),
// BENCH_POLL_SECONDS (20), BENCH_HEAP_MINUTES (60), BENCH_ROSTER_MS (2000, per platform and roster
// size), CALLGUARD_BENCH_EXTENSION (another build),
// BENCH_VERBOSE=1 (print how each figure was measured, and each step's time).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../test/e2e/support/extension.ts';
import { envNumber, EXTENSION_DIR, launchBench, startBenchServer, type BenchBrowser, type Figure } from './bench/common.ts';
import { heapGrowth } from './bench/heap.ts';
import { joinLatency } from './bench/join.ts';
import { mainThreadCost } from './bench/main-thread.ts';
import { nothingInjected } from './bench/no-inject.ts';
import { statsPolling } from './bench/polling.ts';
import { markdown } from './bench/report.ts';
import { rosterScale } from './bench/roster.ts';
import { contentScriptSize, probeSize } from './bench/sizes.ts';

const STEPS = ['sizes', 'roster', 'no-inject', 'join', 'polling', 'heap', 'main-thread'] as const;
type Step = (typeof STEPS)[number];

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? (onlyArg.slice('--only='.length).split(',') as Step[]) : [...STEPS];
for (const step of only) {
  if (!STEPS.includes(step)) {
    console.error(`Unknown step "${step}"; steps: ${STEPS.join(', ')}`);
    process.exit(2);
  }
}
const partial = only.length < STEPS.length;
const write = args.includes('--write') || (!partial && !args.includes('--no-write'));

if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`No built extension in ${EXTENSION_DIR}: run "npm run bench" (it builds first) or "wxt build".`);
  process.exit(2);
}

const started = Date.now();
const loadAverage = os.loadavg();
const figures: Figure[] = [];

function print(figure: Figure): void {
  figures.push(figure);
  const mark = figure.verdict === 'PASS' ? 'PASS' : figure.verdict;
  console.log(`${mark.padEnd(4)}  ${figure.what}\n      target ${figure.target}; measured ${figure.measured}`);
  if (process.env.BENCH_VERBOSE) for (const line of figure.details) console.log(`        ${line}`);
}

/** Runs one measurement; a measurement that breaks is a FAIL with its error, the others still run. */
async function measure(step: Step, what: string, target: string, fn: () => Promise<Figure | Figure[]>): Promise<void> {
  if (!only.includes(step)) return;
  const t = Date.now();
  try {
    const result = await fn();
    for (const figure of Array.isArray(result) ? result : [result]) print(figure);
  } catch (error) {
    print({ what, target, measured: `error: ${(error as Error).message.split('\n')[0]}`, verdict: 'FAIL', details: [String((error as Error).stack ?? error)] });
  }
  if (process.env.BENCH_VERBOSE) console.log(`      (${step}: ${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

console.log(`CallGuard bench: ${EXTENSION_DIR}, ${os.cpus().length} cores, load ${loadAverage.map((x) => x.toFixed(2)).join(' ')}\n`);

const server = await startBenchServer();
let withExtension: BenchBrowser | undefined;
let chromium = 'unknown';
try {
  await measure('sizes', 'bundle sizes', '≤ 4 KB probe, ≤ 40 KB content script', async () => [probeSize(), ...(await contentScriptSize(true))]);

  // The reader alone, in a browser without the extension (its content script would read too).
  if (only.includes('roster')) {
    const plain = await launchBench(server, false);
    chromium = await plain.browser.version();
    try {
      await measure('roster', 'page read with a large roster', '≤ 3 ms per read at 1,000 participants, linear', () => rosterScale(plain, envNumber('BENCH_ROSTER_MS', 2000)));
    } finally {
      await plain.close().catch(() => {});
    }
  }

  const needsExtension = only.some((s) => s !== 'sizes' && s !== 'roster');
  if (needsExtension) {
    withExtension = await launchBench(server, true);
    chromium = await withExtension.browser.version();
  }
  const ext = () => withExtension!;

  await measure('no-inject', 'non-conference pages', 'nothing injected', () => nothingInjected(ext()));
  await measure('join', 'call UI appears → banner shown', 'median ≤ 50 ms, p95 ≤ 100 ms', () => joinLatency(ext(), envNumber('BENCH_JOINS', 30)));
  await measure('polling', 'stats polling', '≤ 1 getStats per connection per 2 s, only while connected', () =>
    statsPolling(ext(), envNumber('BENCH_POLL_SECONDS', 20), 10),
  );
  await measure('heap', '60-minute simulated call', 'content-script heap growth ≤ 1 MB', () => heapGrowth(ext(), envNumber('BENCH_HEAP_MINUTES', 60)));
  await withExtension?.close().catch(() => {});
  withExtension = undefined;
  // Fresh pairs of browsers, alike but for the extension (scripts/bench/main-thread.ts).
  const plan = { rounds: envNumber('BENCH_MAIN_ROUNDS', 8), windows: envNumber('BENCH_MAIN_WINDOWS', 3), windowSeconds: envNumber('BENCH_MAIN_WINDOW_SECONDS', 8) };
  await measure('main-thread', 'main-thread cost on a busy call page', 'with ÷ without ≤ 1.03', () => mainThreadCost(server, plan, process.env.BENCH_MAIN_CONTROL === '1'));
} finally {
  await withExtension?.close().catch(() => {});
  await server.close();
}

const durationSeconds = (Date.now() - started) / 1000;
const failed = figures.filter((f) => f.verdict === 'FAIL');
console.log(`\n${figures.length - failed.length} of ${figures.length} figures on target (${Math.round(durationSeconds)} s).`);
if (write) {
  const file = path.join(REPO, 'docs/performance.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, markdown(figures, { date: new Date(), chromium, durationSeconds, loadAverage, partial }));
  console.log(`Wrote ${path.relative(process.cwd(), file) || file}.`);
}
process.exitCode = failed.length > 0 ? 1 : 0;

// Main-thread cost on a busy call page: Chromium with CallGuard and Chromium without it, side by
// side on the same busy Meet page (≥ 1,000 DOM changes a second and a live loopback call). CDP
// Performance.getMetrics of the page counts every task and every script of its renderer's main
// thread, the extension's isolated content script and main-world probe included.
//
// On a small shared machine two identical browsers differ by several per cent from one window
// to the next, and a pair of browser processes can stay a few per cent apart for its whole life.
// So the measurement is made in rounds, each with a fresh pair of browsers, and the figure comes
// with the spread of its rounds (a 95% interval) and, with BENCH_MAIN_CONTROL=1, the same
// measurement of two browsers that are both without the extension.
import type { CDPSession, Page } from 'puppeteer-core';
import { waitFor } from '../../test/e2e/support/browsers.ts';
import type { FixtureServer } from '../../test/e2e/support/server.ts';
import { BUSY_URL, launchBench, mean, ms, sleep, sum, verdict, type BenchBrowser, type Figure } from './common.ts';
import { processTreeCpuMs } from './process-cpu.ts';
import { cpuShare, type CpuProfile } from './profiles.ts';

export const MAIN_THREAD_RATIO_LIMIT = 1.03;
export const MUTATIONS_PER_SECOND = 1500;
const WARM_UP_SECONDS = 8;

export interface MainThreadPlan {
  rounds: number;
  windows: number;
  windowSeconds: number;
}

interface Side {
  bench: BenchBrowser;
  page: Page;
  cdp: CDPSession;
}

/** Main-thread time of one side, ms: all tasks, and the scripts, style recalculation and layout among them. */
interface Times {
  task: number;
  script: number;
  style: number;
  layout: number;
}
const TIME_METRICS = { task: 'TaskDuration', script: 'ScriptDuration', style: 'RecalcStyleDuration', layout: 'LayoutDuration' } as const;
const noTime = (): Times => ({ task: 0, script: 0, style: 0, layout: 0 });
const TIME_KEYS = Object.keys(TIME_METRICS) as (keyof Times)[];

/** One side over one round. */
interface Sample extends Times {
  mutationsPerSecond: number;
  /** CPU time of every process of the side's browser over the windows, ms. */
  browserCpu: number;
}

interface Round {
  a: Sample;
  b: Sample;
}

async function openBusyPage(bench: BenchBrowser): Promise<Side> {
  const page = await bench.browser.newPage();
  await page.setViewport({ width: 1280, height: 760 });
  await page.goto(BUSY_URL, { waitUntil: 'load' });
  await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { bench, page, cdp };
}

async function metrics(side: Side): Promise<Times> {
  const { metrics } = (await side.cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const times = noTime();
  for (const key of TIME_KEYS) times[key] = (metrics.find((m) => m.name === TIME_METRICS[key])?.value ?? NaN) * 1000;
  return times;
}

/** The extension's page is in its call (banner up), so the content script is at full work. */
async function waitForBanner(page: Page): Promise<void> {
  await waitFor(() => page.evaluate(() => !!document.querySelector('callguard-banner')), { what: 'the banner on the busy page', timeoutMs: 15_000 });
}

const startBusy = (side: Side) => side.page.evaluate((rate: number) => (window as any).__busy.start({ perSecond: rate }), MUTATIONS_PER_SECOND);
const stopBusy = (side: Side) => side.page.evaluate(() => (window as any).__busy.stop()) as Promise<{ mutations: number; seconds: number }>;

/**
 * One round: a fresh browser for each side (launched in turn, the first one alternating), both
 * pages busy for the whole round, then `windows` windows whose metrics are read for both pages,
 * the order of the reads alternating. Warm-up first: the call's first seconds, the first reports
 * and the banner, the JIT. The steady call is what counts.
 */
async function measureRound(server: FixtureServer, withA: boolean, withB: boolean, round: number, plan: MainThreadPlan): Promise<Round> {
  const benches: BenchBrowser[] = [];
  try {
    const launchOrder = round % 2 === 0 ? [withA, withB] : [withB, withA];
    for (const withExtension of launchOrder) benches.push(await launchBench(server, withExtension));
    if (round % 2 === 1) benches.reverse();
    const [a, b] = [await openBusyPage(benches[0]!), await openBusyPage(benches[1]!)];
    for (const side of [a, b]) if (side.bench.extensionId) await waitForBanner(side.page);
    await Promise.all([a, b].map(startBusy));
    await sleep(WARM_UP_SECONDS * 1000);
    const totals = new Map<Side, Times>([
      [a, noTime()],
      [b, noTime()],
    ]);
    const browserCpu = new Map<Side, number>([
      [a, 0],
      [b, 0],
    ]);
    const cpuOf = (side: Side) => processTreeCpuMs(side.bench.browser.process()?.pid);
    for (let w = 0; w < plan.windows; w++) {
      const order = (w + round) % 2 === 0 ? [a, b] : [b, a];
      const before = [];
      const cpuBefore = order.map(cpuOf);
      for (const side of order) before.push(await metrics(side));
      await sleep(plan.windowSeconds * 1000);
      for (const [i, side] of order.entries()) {
        const after = await metrics(side);
        const total = totals.get(side)!;
        for (const key of TIME_KEYS) total[key] += after[key] - before[i]![key];
      }
      for (const [i, side] of order.entries()) browserCpu.set(side, browserCpu.get(side)! + cpuOf(side) - cpuBefore[i]!);
    }
    const [doneA, doneB] = await Promise.all([a, b].map(stopBusy));
    const sample = (side: Side, done: { mutations: number; seconds: number }): Sample => ({
      ...totals.get(side)!,
      mutationsPerSecond: done.mutations / done.seconds,
      browserCpu: browserCpu.get(side)!,
    });
    return { a: sample(a, doneA!), b: sample(b, doneB!) };
  } finally {
    for (const bench of benches) await bench.close().catch(() => {});
  }
}

const total = (s: Sample) => s.script + s.task;

/** Student's t for a two-sided 95% interval, by degrees of freedom (more than 10: about 2.2 or less). */
const T95 = [NaN, 12.71, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

/** Overall ratio (sum ÷ sum), its rounds' ratios and a 95% interval from their spread. */
function ratios(rounds: Round[]) {
  const perRound = rounds.map((r) => total(r.a) / total(r.b));
  const overall = sum(rounds.map((r) => total(r.a))) / sum(rounds.map((r) => total(r.b)));
  const m = mean(perRound);
  const sd = Math.sqrt(sum(perRound.map((x) => (x - m) ** 2)) / Math.max(1, perRound.length - 1));
  const half = (T95[perRound.length - 1] ?? 2.2) * (sd / Math.sqrt(perRound.length));
  return { overall, perRound, low: m - half, high: m + half };
}

export async function mainThreadCost(server: FixtureServer, plan: MainThreadPlan, control: boolean): Promise<Figure> {
  const rounds: Round[] = [];
  for (let r = 0; r < plan.rounds; r++) rounds.push(await measureRound(server, true, false, r, plan));
  const controlRounds: Round[] = [];
  if (control) for (let r = 0; r < plan.rounds; r++) controlRounds.push(await measureRound(server, false, false, r, plan));
  const share = await profileExtensionShare(server, Math.min(plan.windowSeconds, 10));

  const a = rounds.map((r) => r.a);
  const b = rounds.map((r) => r.b);
  const { overall, perRound, low, high } = ratios(rounds);
  const taskRatio = sum(a.map((s) => s.task)) / sum(b.map((s) => s.task));
  const scriptRatio = sum(a.map((s) => s.script)) / sum(b.map((s) => s.script));
  const seconds = plan.rounds * plan.windows * plan.windowSeconds;
  const perSecond = (samples: Sample[], part: (s: Sample) => number) => sum(samples.map(part)) / seconds;
  const fmtRatio = (x: number) => x.toFixed(3);
  const minRate = Math.min(...[...a, ...b].map((s) => s.mutationsPerSecond));
  const details = [
    `Chromium with CallGuard and Chromium without it, each on ${BUSY_URL} (test/fixtures/bench/busy-call.html: 16 participant tiles, audio meters, speaking highlights, mute toggles, a clock, captions, chat, people joining and leaving, ${MUTATIONS_PER_SECOND} DOM changes/s) with a live loopback WebRTC call (fake camera and microphone, both ends in the page); the extension's banner is up.`,
    `${plan.rounds} rounds, each with a fresh pair of browsers (the one launched first alternating): both pages busy at once, ${WARM_UP_SECONDS} s of warm-up, then CDP Performance.getMetrics (thread time) of each page before and after each of ${plan.windows} windows of ${plan.windowSeconds} s, the order of the reads alternating. ` +
      "TaskDuration is all the page's main-thread work (scripts, style, layout, paint, DOM); ScriptDuration is the JavaScript part. " +
      "Both count the isolated world and the main-world probe, which run on the page's main thread. The figure is (ScriptDuration + TaskDuration) with CallGuard ÷ the same without, summed over every round; each part is shown as well.",
    `Per round: ${perRound.map(fmtRatio).join(', ')}; 95% interval of the mean from their spread ${fmtRatio(low)}–${fmtRatio(high)}. On this kind of machine two identical browsers differ by a few per cent from window to window, so the interval is the honest size of the figure.`,
    `Task time with CallGuard ${ms(perSecond(a, (s) => s.task))}/s, without ${ms(perSecond(b, (s) => s.task))}/s (ratio ${fmtRatio(taskRatio)}); script time with ${ms(perSecond(a, (s) => s.script), 2)}/s, without ${ms(perSecond(b, (s) => s.script), 2)}/s (ratio ${fmtRatio(scriptRatio)}). ` +
      `Within the task time, style recalculation with ${ms(perSecond(a, (s) => s.style), 2)}/s, without ${ms(perSecond(b, (s) => s.style), 2)}/s; layout with ${ms(perSecond(a, (s) => s.layout), 2)}/s, without ${ms(perSecond(b, (s) => s.layout), 2)}/s.`,
    `Whole browser, every process (browser, GPU, network, audio, renderers, the extension's service worker; CPU time from /proc over the same windows, not part of the figure): with CallGuard ${ms(perSecond(a, (s) => s.browserCpu))}/s, without ${ms(perSecond(b, (s) => s.browserCpu))}/s (ratio ${fmtRatio(sum(a.map((s) => s.browserCpu)) / sum(b.map((s) => s.browserCpu)))}).`,
    `DOM changes per second achieved, per round: with ${a.map((s) => s.mutationsPerSecond.toFixed(0)).join(', ')}; without ${b.map((s) => s.mutationsPerSecond.toFixed(0)).join(', ')}.`,
    `Where the extension's time goes (separate ${share.seconds} s CPU profile of the page with CallGuard, not part of the ratio; the profiler slows everything a little): ` +
      `content script ${ms(share.contentScriptMs)} (${(share.contentScriptMs / share.seconds).toFixed(2)} ms/s), main-world probe ${ms(share.probeMs)} (${(share.probeMs / share.seconds).toFixed(2)} ms/s), ` +
      `of ${ms(share.busyMs)} of JavaScript and other V8 work on the page's main thread.`,
  ];
  if (control) {
    const c = ratios(controlRounds);
    details.push(
      `Noise floor (BENCH_MAIN_CONTROL=1): the same rounds with two browsers that are both without the extension: ${fmtRatio(c.overall)} (per round ${c.perRound.map(fmtRatio).join(', ')}; 95% interval ${fmtRatio(c.low)}–${fmtRatio(c.high)}).`,
    );
  }
  return {
    what: `main-thread cost on a busy call page (${Math.floor(minRate)}+ DOM changes/s, live WebRTC call, ${plan.rounds} × ${plan.windows * plan.windowSeconds} s)`,
    target: `with ÷ without ≤ ${MAIN_THREAD_RATIO_LIMIT}`,
    measured: `${fmtRatio(overall)} (95% interval ${fmtRatio(low)}–${fmtRatio(high)}; task alone ${fmtRatio(taskRatio)}, script alone ${fmtRatio(scriptRatio)})`,
    verdict: verdict(overall <= MAIN_THREAD_RATIO_LIMIT),
    details,
  };
}

/** A CPU profile of the busy page with CallGuard: which share of the page's JavaScript is the extension's. */
async function profileExtensionShare(server: FixtureServer, seconds: number) {
  const bench = await launchBench(server, true);
  try {
    const side = await openBusyPage(bench);
    await waitForBanner(side.page);
    await startBusy(side);
    await sleep(WARM_UP_SECONDS * 1000);
    await side.cdp.send('Profiler.enable');
    await side.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await side.cdp.send('Profiler.start');
    await sleep(seconds * 1000);
    const { profile } = (await side.cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await stopBusy(side);
    return { seconds, ...cpuShare(profile, bench.extensionId!) };
  } finally {
    await bench.close().catch(() => {});
  }
}

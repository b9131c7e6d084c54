// Main-thread cost on a busy call page: two Chromiums in the same run, one with CallGuard and
// one without, on the same busy Meet page (≥ 1,000 DOM changes a second and a live loopback
// call). CDP Performance.getMetrics of the page counts every task and every script of its
// renderer's main thread, the extension's isolated content script and main-world probe included.
import type { CDPSession, Page } from 'puppeteer-core';
import { waitFor } from '../../test/e2e/support/browsers.ts';
import { BUSY_URL, ms, sleep, sum, verdict, type BenchBrowser, type Figure } from './common.ts';
import { cpuShare, type CpuProfile } from './profiles.ts';

export const MAIN_THREAD_RATIO_LIMIT = 1.03;
export const MUTATIONS_PER_SECOND = 1500;

interface Side {
  label: string;
  page: Page;
  cdp: CDPSession;
  script: number[];
  task: number[];
  mutationRate: number[];
}

async function openBusyPage(bench: BenchBrowser, label: string): Promise<Side> {
  const page = await bench.browser.newPage();
  await page.setViewport({ width: 1280, height: 760 });
  await page.goto(BUSY_URL, { waitUntil: 'load' });
  await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { label, page, cdp, script: [], task: [], mutationRate: [] };
}

async function metrics(side: Side): Promise<{ script: number; task: number }> {
  const { metrics } = (await side.cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000 };
}

/** Extension page open and in its call (banner up), so the content script is at full work. */
async function waitForBanner(page: Page): Promise<void> {
  await waitFor(() => page.evaluate(() => !!document.querySelector('callguard-banner')), { what: 'the banner on the busy page', timeoutMs: 15_000 });
}

const startBusy = (side: Side) => side.page.evaluate((rate: number) => (window as any).__busy.start({ perSecond: rate }), MUTATIONS_PER_SECOND);
const stopBusy = (side: Side) => side.page.evaluate(() => (window as any).__busy.stop()) as Promise<{ mutations: number; seconds: number }>;

/**
 * Both pages busy at the same time, so both see the same machine; the order in which the two are
 * started and read alternates from one window to the next. Fills each side's script/task lists.
 */
async function measureWindows(a: Side, b: Side, windows: number, windowSeconds: number): Promise<void> {
  // Warm up both pages before measuring: the call's first seconds, the first reports and banner,
  // the JIT (the content script's first reads run unoptimised). The steady call is what counts.
  await Promise.all([a, b].map(startBusy));
  await sleep(10_000);
  await Promise.all([a, b].map(stopBusy));
  for (let w = 0; w < windows; w++) {
    const order = w % 2 === 0 ? [a, b] : [b, a];
    for (const side of order) await startBusy(side);
    const before = [];
    for (const side of order) before.push(await metrics(side));
    await sleep(windowSeconds * 1000);
    const after = [];
    for (const side of order) after.push(await metrics(side));
    for (const [i, side] of order.entries()) {
      const done = await stopBusy(side);
      side.script.push(after[i]!.script - before[i]!.script);
      side.task.push(after[i]!.task - before[i]!.task);
      side.mutationRate.push(done.mutations / done.seconds);
    }
  }
}

export async function mainThreadCost(withExt: BenchBrowser, without: BenchBrowser, windows: number, windowSeconds: number): Promise<Figure> {
  const a = await openBusyPage(withExt, 'with CallGuard');
  const b = await openBusyPage(without, 'without');
  try {
    await waitForBanner(a.page);
    await measureWindows(a, b, windows, windowSeconds);
    // Not part of the ratio: a CPU profile of the extension's page, to show where its time goes.
    const share = await profileExtensionShare(a, withExt.extensionId!, Math.min(windowSeconds, 10));

    const scriptRatio = sum(a.script) / sum(b.script);
    const taskRatio = sum(a.task) / sum(b.task);
    const totalWith = sum(a.script) + sum(a.task);
    const totalWithout = sum(b.script) + sum(b.task);
    const ratio = totalWith / totalWithout;
    const seconds = windows * windowSeconds;
    const perWindow = a.task.map((t, i) => (t / b.task[i]!).toFixed(3)).join(', ');
    const extra = (sum(a.task) - sum(b.task)) / seconds;
    return {
      what: `main-thread cost on a busy call page (${Math.round(Math.min(...a.mutationRate, ...b.mutationRate))}+ DOM changes/s, live WebRTC call, ${seconds} s)`,
      target: `with ÷ without ≤ ${MAIN_THREAD_RATIO_LIMIT}`,
      measured: `${ratio.toFixed(3)} (script + task ${fmt(totalWith)} with, ${fmt(totalWithout)} without; task alone ${taskRatio.toFixed(3)}, script alone ${scriptRatio.toFixed(3)})`,
      verdict: verdict(ratio <= MAIN_THREAD_RATIO_LIMIT),
      details: [
        `Two Chromiums, one with the extension and one without, each on ${BUSY_URL} (test/fixtures/bench/busy-call.html: 16 participant tiles, audio meters, speaking highlights, mute toggles, a clock, captions, chat, people joining and leaving, ${MUTATIONS_PER_SECOND} DOM changes/s) with a live loopback WebRTC call; the extension's banner is up.`,
        `After 10 s of warm-up, CDP Performance.getMetrics (thread time) of each page before and after each of ${windows} windows of ${windowSeconds} s, both pages busy at once, their order alternating. ` +
          "TaskDuration is all the page's main-thread work (scripts, style, layout, paint, DOM); ScriptDuration is the JavaScript part. " +
          "Both count the isolated world and the main-world probe, which run on the page's main thread. The figure is (ScriptDuration + TaskDuration) with CallGuard ÷ the same without; each part is shown as well.",
        `Task time with CallGuard ${fmt(sum(a.task))}, without ${fmt(sum(b.task))}: ratio ${taskRatio.toFixed(3)}, ${ms(extra)} more per second. Per window: ${a.task.map((t, i) => `${t.toFixed(0)}/${b.task[i]!.toFixed(0)} ms`).join(', ')} (ratios ${perWindow}).`,
        `Script time with CallGuard ${fmt(sum(a.script))}, without ${fmt(sum(b.script))}: ratio ${scriptRatio.toFixed(3)} (per window: ${a.script.map((t, i) => (t / b.script[i]!).toFixed(3)).join(', ')}).`,
        `DOM changes per second achieved: with ${a.mutationRate.map((r) => r.toFixed(0)).join(', ')}; without ${b.mutationRate.map((r) => r.toFixed(0)).join(', ')}.`,
        `Where the extension's time goes (separate ${share.seconds} s CPU profile of the page with CallGuard, not part of the ratio; the profiler slows everything a little): ` +
          `content script ${ms(share.contentScriptMs)} (${(share.contentScriptMs / share.seconds).toFixed(1)} ms/s), main-world probe ${ms(share.probeMs)} (${(share.probeMs / share.seconds).toFixed(1)} ms/s), ` +
          `of ${ms(share.busyMs)} of JavaScript and other V8 work on the page's main thread.`,
      ],
    };
  } finally {
    await a.page.close().catch(() => {});
    await b.page.close().catch(() => {});
  }
}

/** The same measurement with two browsers that are alike (both without the extension): the noise. */
export async function mainThreadControl(first: BenchBrowser, second: BenchBrowser, windows: number, windowSeconds: number): Promise<string> {
  const a = await openBusyPage(first, 'first');
  const b = await openBusyPage(second, 'second');
  try {
    await measureWindows(a, b, windows, windowSeconds);
    const ratio = (sum(a.script) + sum(a.task)) / (sum(b.script) + sum(b.task));
    return `ratio ${ratio.toFixed(3)} (task alone ${(sum(a.task) / sum(b.task)).toFixed(3)}, script alone ${(sum(a.script) / sum(b.script)).toFixed(3)})`;
  } finally {
    await a.page.close().catch(() => {});
    await b.page.close().catch(() => {});
  }
}

const fmt = (msec: number) => ms(msec, 0);

async function profileExtensionShare(side: Side, extensionId: string, seconds: number) {
  await startBusy(side);
  await side.cdp.send('Profiler.enable');
  await side.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await side.cdp.send('Profiler.start');
  await sleep(seconds * 1000);
  const { profile } = (await side.cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await side.cdp.send('Profiler.disable');
  await stopBusy(side);
  return { seconds, ...cpuShare(profile, extensionId) };
}

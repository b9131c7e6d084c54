// A 60-minute call in about a minute: the page's clock runs 60× faster for the main-world probe
// (its 2 s stats polls come every 33 ms), and the bench drives an hour's worth of call events
// (people joining and leaving, a dial-in caller, recording on and off). The content script's
// heap is the live memory it allocated: V8's sampling heap profiler records the stack of each
// sampled allocation, and after a full GC the samples still alive that were allocated with the
// content script on the stack are what it kept. (All worlds of a page share one V8 isolate, so
// Runtime.getHeapUsage alone cannot separate the extension from the page; it is shown as well.)
import type { CDPSession, Page } from 'puppeteer-core';
import { waitFor } from '../../test/e2e/support/browsers.ts';
import { kb, MEET_URL, sleep, verdict, type BenchBrowser, type Figure } from './common.ts';
import { heapShare, type SamplingHeapProfile } from './profiles.ts';

export const HEAP_GROWTH_LIMIT = 1024 * 1024;
const TIME_SCALE = 60;

/**
 * Runs in the page before anything else: a setTimeout that runs `__benchTimeScale` times faster
 * for the probe only (it captured setTimeout at document_start, so its calls come through here;
 * the stack tells them apart). The page's own timers keep real time.
 */
function installFastClock() {
  const w = window as any;
  const native = window.setTimeout as (...args: unknown[]) => number;
  w.__benchTimeScale = 1;
  w.__benchProbeTimers = 0;
  w.setTimeout = function (handler: unknown, delay?: number, ...args: unknown[]) {
    let wait = delay ?? 0;
    if (w.__benchTimeScale !== 1 && /rtc-probe\.js/.test(new Error().stack ?? '')) {
      wait /= w.__benchTimeScale;
      w.__benchProbeTimers++;
    }
    return native.call(window, handler, wait, ...args);
  };
}

/** One simulated minute of call events in the Meet in-call page (runs in the page). */
function simulateMinute(minute: number) {
  const grid = document.querySelector('.axUSnc');
  if (!grid) return;
  const w = window as any;
  w.__benchPeople ??= [];
  const people: Element[] = w.__benchPeople;
  const tile = (name: string, id: string) => {
    const el = document.createElement('div');
    el.className = 'oZRSLe';
    el.setAttribute('data-participant-id', `spaces/bench/devices/${id}`);
    el.innerHTML = '<div class="koV58 LNQBd"></div><div class="XEazBc adnwBd"><span class="notranslate zWGUib"></span></div>';
    el.querySelector('span')!.textContent = name;
    grid.append(el);
    return el;
  };
  // Someone joins every minute, someone leaves every minute after the fifth.
  people.push(tile(`Guest ${minute}`, `g${minute}`));
  if (minute > 5) people.shift()?.remove();
  // A phone caller dials in for ten minutes of every twenty.
  if (minute % 20 === 5) people.push(tile('+49 30 1234567', `p${minute}`));
  if (minute % 20 === 15) {
    const phone = people.findIndex((p) => p.textContent?.includes('+49'));
    if (phone >= 0) people.splice(phone, 1)[0]!.remove();
  }
  // Recording on for five minutes of every fifteen.
  if (minute % 15 === 3) {
    const rec = document.createElement('div');
    rec.className = 'bench-rec';
    rec.setAttribute('role', 'status');
    rec.textContent = 'This meeting is being recorded';
    document.body.append(rec);
  }
  if (minute % 15 === 8) document.querySelector('.bench-rec')?.remove();
}

async function liveExtensionHeap(cdp: CDPSession, extensionId: string) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { profile } = (await cdp.send('HeapProfiler.getSamplingProfile')) as { profile: SamplingHeapProfile };
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { ...heapShare(profile, extensionId), isolateUsed: usage.usedSize };
}

export async function heapGrowth(bench: BenchBrowser, minutes = 60): Promise<Figure> {
  const page: Page = await bench.browser.newPage();
  const cdp = await page.createCDPSession();
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; origin: string; auxData?: { type?: string } } }) => {
    if (event.context.auxData?.type === 'isolated') contexts.push(event.context);
  });
  try {
    await cdp.send('Runtime.enable');
    await page.evaluateOnNewDocument(installFastClock);
    await page.goto(MEET_URL, { waitUntil: 'load' });
    const isolated = await waitFor(async () => contexts.find((c) => c.origin === `chrome-extension://${bench.extensionId}`), {
      what: "the content script's isolated world",
    });
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    await waitFor(() => page.evaluate(() => !!document.querySelector('callguard-banner')), { what: 'the banner', timeoutMs: 15_000 });
    await page.evaluate((scale: number) => ((window as any).__benchTimeScale = scale), TIME_SCALE);

    // The first simulated minute warms everything up (JIT, caches, the banner); then measure.
    await page.evaluate(simulateMinute, 0);
    await sleep(60_000 / TIME_SCALE);
    const probeTimersBefore = (await page.evaluate(() => (window as any).__benchProbeTimers)) as number;
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const usageBefore = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024 });
    const checkpoints: { minute: number; contentScript: number }[] = [];
    for (let minute = 1; minute <= minutes; minute++) {
      await page.evaluate(simulateMinute, minute);
      await sleep(60_000 / TIME_SCALE);
      if (minute === Math.round(minutes / 2)) checkpoints.push({ minute, contentScript: (await liveExtensionHeap(cdp, bench.extensionId!)).contentScript });
    }
    const end = await liveExtensionHeap(cdp, bench.extensionId!);
    checkpoints.push({ minute: minutes, contentScript: end.contentScript });
    await cdp.send('HeapProfiler.stopSampling');
    const probeTimers = ((await page.evaluate(() => (window as any).__benchProbeTimers)) as number) - probeTimersBefore;
    const banner = (await page.evaluate(() => !!document.querySelector('callguard-banner'))) as boolean;
    // The isolated world is alive and reachable by CDP (context id shown for the record).
    const alive = (await cdp.send('Runtime.evaluate', { contextId: isolated.id, expression: 'typeof chrome.runtime.id', returnByValue: true })) as {
      result: { value?: string };
    };
    await page.evaluate(() => (window as any).__fixture.endCalls());

    return {
      what: `${minutes}-minute simulated call (${TIME_SCALE}× faster)`,
      target: `content-script heap growth ≤ ${HEAP_GROWTH_LIMIT / 1024 / 1024} MB`,
      measured: `${kb(end.contentScript)} kept (at minute ${checkpoints[0]!.minute}: ${kb(checkpoints[0]!.contentScript)})`,
      verdict: verdict(end.contentScript <= HEAP_GROWTH_LIMIT),
      details: [
        `Meet in-call page with a live loopback call; each simulated minute lasts ${(60 / TIME_SCALE).toFixed(0)} s: a guest joins, another leaves, a phone caller dials in for 10 minutes in every 20, recording is on 5 minutes in every 15. ` +
          `The page's clock runs ${TIME_SCALE}× faster for the main-world probe only, so its 2 s stats polls come every ${(2000 / TIME_SCALE).toFixed(0)} ms (${probeTimers} probe timers in the hour, 2 connections); the content script and the background run in real time (reads at most every 100 ms to 1 s).`,
        `Growth: live objects allocated with the content script on the stack since minute 1, after a full GC (CDP HeapProfiler sampling every 1 KB, then collectGarbage and getSamplingProfile). ` +
          `Isolated world context ${isolated.id} (${isolated.origin}) alive at the end: chrome.runtime.id is ${alive.result.value}; banner ${banner ? 'still up' : 'gone'}.`,
        `Main-world probe kept ${kb(end.probe)}. Whole page isolate (page + probe + content script, which share it): ${kb(usageBefore.usedSize)} at minute 1, ${kb(end.isolateUsed)} at minute ${minutes}.`,
      ],
    };
  } finally {
    await page.close().catch(() => {});
  }
}

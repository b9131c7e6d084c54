// Stats polling: the main-world probe calls getStats() on the page's connections. A wrapper of
// RTCPeerConnection.prototype.getStats, installed by CDP before any script of the page and
// before the probe (which calls pc.getStats() and so goes through it), counts every call, per
// connection and per connection state, and times it.
import { BUSY_URL, mean, ms, percentile, sleep, sum, verdict, type BenchBrowser, type Figure } from './common.ts';
import { cpuShare, type CpuProfile } from './profiles.ts';

export const POLL_INTERVAL_LIMIT_MS = 2000;

interface PollLog {
  /** Connection index (order of first negotiation), state when called, call time, ms to resolve. */
  calls: { pc: number; state: string; at: number; resolveMs: number; syncMs: number }[];
}

/** Runs in the page before anything else (Page.addScriptToEvaluateOnNewDocument). */
function installCounter() {
  const proto = RTCPeerConnection.prototype;
  const native = proto.getStats;
  const ids = new WeakMap<RTCPeerConnection, number>();
  const pcs: RTCPeerConnection[] = [];
  const log: PollLog = { calls: [] };
  const idOf = (pc: RTCPeerConnection) => {
    if (!ids.has(pc)) {
      ids.set(pc, pcs.length);
      pcs.push(pc);
    }
    return ids.get(pc)!;
  };
  // Connections are numbered as they negotiate, so the log can name the ones never polled.
  const negotiate = proto.setLocalDescription;
  proto.setLocalDescription = function (this: RTCPeerConnection, ...args: unknown[]) {
    idOf(this);
    return (negotiate as (...a: unknown[]) => Promise<void>).apply(this, args);
  };
  proto.getStats = function (this: RTCPeerConnection, ...args: unknown[]) {
    const entry = { pc: idOf(this), state: this.connectionState, at: performance.now(), resolveMs: NaN, syncMs: 0 };
    log.calls.push(entry);
    const result = (native as (...a: unknown[]) => Promise<RTCStatsReport>).apply(this, args);
    entry.syncMs = performance.now() - entry.at;
    result.then(
      () => (entry.resolveMs = performance.now() - entry.at),
      () => {},
    );
    return result;
  };
  (window as any).__pollLog = log;
  (window as any).__pollPcs = pcs;
}

export async function statsPolling(bench: BenchBrowser, connectedSeconds: number, afterSeconds: number): Promise<Figure> {
  const page = await bench.browser.newPage();
  const cdp = await page.createCDPSession();
  try {
    await page.evaluateOnNewDocument(installCounter);
    await page.goto(BUSY_URL, { waitUntil: 'load' });
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    await sleep(3000); // the first reports and the banner: measure the steady call after them
    // Window 1: connected. The CPU profile attributes main-thread time to the probe and the content script.
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const t0 = (await page.evaluate(() => performance.now())) as number;
    await cdp.send('Profiler.start');
    await sleep(connectedSeconds * 1000);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const t1 = (await page.evaluate(() => performance.now())) as number;
    // Window 2: the far end hangs up (its connection closes; ours is left disconnected, then
    // failed), then ours is closed too.
    await page.evaluate(() => (window as any).__pollPcs[1]?.close());
    await sleep((afterSeconds * 1000) / 2);
    const t2 = (await page.evaluate(() => performance.now())) as number;
    const stateAfterHangUp = (await page.evaluate(() => (window as any).__pollPcs[0]?.connectionState)) as string;
    await page.evaluate(() => (window as any).__fixture.endCalls());
    await sleep((afterSeconds * 1000) / 2);
    const t3 = (await page.evaluate(() => performance.now())) as number;
    const log = (await page.evaluate(() => (window as any).__pollLog)) as PollLog;
    const connectionCount = (await page.evaluate(() => (window as any).__pollPcs.length)) as number;

    const inWindow = (from: number, to: number) => log.calls.filter((c) => c.at >= from && c.at < to);
    const connected = inWindow(t0, t1);
    const hungUp = inWindow(t1, t2);
    const closed = inWindow(t2, t3);
    const perConnection = Array.from({ length: connectionCount }, (_, pc) => connected.filter((c) => c.pc === pc).length);
    // Polls per connection per 2 s: from the gaps between one connection's polls (a count over
    // the window would depend on where the window's edges fall).
    const gaps = connectionGaps(connected);
    const rate = POLL_INTERVAL_LIMIT_MS / gaps.mean;
    const notConnected = [...hungUp, ...closed].filter((c) => c.state !== 'connected');
    const resolve = connected.map((c) => c.resolveMs).filter(Number.isFinite);
    const share = cpuShare(profile, bench.extensionId!);
    const polls = connected.length;
    // Timers may fire a millisecond early against performance.now().
    const ok = gaps.min >= POLL_INTERVAL_LIMIT_MS - 5 && notConnected.length === 0 && closed.length === 0 && polls > 0;
    return {
      what: 'stats polling',
      target: '≤ 1 getStats per connection per 2 s, only while connected',
      measured:
        `${rate.toFixed(2)} per connection per 2 s while connected (shortest gap ${ms(gaps.min, 0)}); ${hungUp.length} after hang-up, ${closed.length} after close; ` +
        `${ms(mean(resolve))} per getStats, ${ms(share.probeMs / Math.max(1, polls), 2)} probe + ${ms(share.contentScriptMs / Math.max(1, polls), 2)} content script main-thread time per poll`,
      verdict: verdict(ok),
      details: [
        `Busy-page fixture without its DOM churn (${BUSY_URL}), a loopback call of ${connectionCount} connections (both ends in the page). ` +
          'A getStats wrapper installed with CDP before the page and the probe counts every call with the connection and its state.',
        `Connected, ${connectedSeconds} s: ${polls} calls, per connection ${perConnection.join(' / ')}; smallest gap between two polls of one connection ${ms(gaps.min, 0)}, mean ${ms(gaps.mean, 0)}.`,
        `Far end hung up, ${afterSeconds / 2} s (our connection ${stateAfterHangUp} by then): ${hungUp.length} calls (${hungUp.filter((c) => c.state !== 'connected').length} on a connection that was not connected). ` +
          `Both closed, ${afterSeconds / 2} s: ${closed.length} calls.`,
        `getStats() resolves in ${ms(mean(resolve))} on average (p95 ${ms(percentile(resolve, 95))}), off the main thread mostly; the call itself takes ${ms(mean(connected.map((c) => c.syncMs)), 3)} of main thread.`,
        `Main-thread time per poll (CPU profile of the connected window, divided by its ${polls} polls): main-world probe ${ms(share.probeMs / Math.max(1, polls), 2)}, ` +
          `isolated content script ${ms(share.contentScriptMs / Math.max(1, polls), 2)} (it summarises the stats the probe forwards, reads the page and sends the background any change). ` +
          `Together ${ms((share.probeMs + share.contentScriptMs) / ((t1 - t0) / 1000), 2)} per second of call.`,
      ],
    };
  } finally {
    await page.close().catch(() => {});
  }
}

function connectionGaps(calls: PollLog['calls']): { min: number; mean: number } {
  const gaps: number[] = [];
  for (const pc of new Set(calls.map((c) => c.pc))) {
    const times = calls.filter((c) => c.pc === pc).map((c) => c.at);
    for (let i = 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
  }
  return { min: gaps.length ? Math.min(...gaps) : NaN, mean: gaps.length ? sum(gaps) / gaps.length : NaN };
}

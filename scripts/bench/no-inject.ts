// Pages CallGuard does not cover get nothing: no isolated world of the extension, no main-world
// probe (RTCPeerConnection not wrapped), no banner, even with a live call on the page. The same
// checks on a covered page show that they would see the extension if it were there.
import { waitFor } from '../../test/e2e/support/browsers.ts';
import { BUSY_URL, ELSEWHERE_URL, verdict, type BenchBrowser, type Figure } from './common.ts';

const BANNER_WAIT_MS = 5000;

interface Seen {
  url: string;
  extensionWorlds: number;
  probeWrapped: boolean;
  banner: boolean;
  extensionScripts: string[];
}

async function look(bench: BenchBrowser, url: string): Promise<Seen> {
  const page = await bench.browser.newPage();
  const cdp = await page.createCDPSession();
  const origin = `chrome-extension://${bench.extensionId}`;
  let extensionWorlds = 0;
  const extensionScripts = new Set<string>();
  cdp.on('Runtime.executionContextCreated', (event: { context: { origin: string; name: string; auxData?: { type?: string } } }) => {
    const { context } = event;
    if (context.auxData?.type === 'isolated' && context.origin === origin) extensionWorlds++;
  });
  cdp.on('Debugger.scriptParsed', (event: { url: string }) => {
    if (event.url.startsWith(origin)) extensionScripts.add(event.url.slice(origin.length));
  });
  try {
    await cdp.send('Runtime.enable');
    await cdp.send('Debugger.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    // Time for the call to connect and a banner to come up: the covered page's shows within this
    // (on a loaded machine it can take more than a second), the other page gets as long.
    const banner = await waitFor(() => page.evaluate(() => !!document.querySelector('callguard-banner')), { timeoutMs: BANNER_WAIT_MS }).catch(() => false);
    const probeWrapped = (await page.evaluate(() => (RTCPeerConnection as any)[Symbol.for('callguard.wrapped')] === true)) as boolean;
    await page.evaluate(() => (window as any).__fixture.endCalls());
    return { url, extensionWorlds, probeWrapped, banner, extensionScripts: [...extensionScripts] };
  } finally {
    await page.close().catch(() => {});
  }
}

export async function nothingInjected(bench: BenchBrowser): Promise<Figure> {
  const elsewhere = await look(bench, ELSEWHERE_URL);
  const covered = await look(bench, BUSY_URL);
  const describe = (s: Seen) =>
    `${s.url}: ${s.extensionWorlds} isolated world(s) of the extension; extension scripts parsed: ${s.extensionScripts.join(', ') || 'none'}; ` +
    `RTCPeerConnection wrapped: ${s.probeWrapped}; banner: ${s.banner}.`;
  const clean = elsewhere.extensionWorlds === 0 && !elsewhere.probeWrapped && !elsewhere.banner && elsewhere.extensionScripts.length === 0;
  const controlSeen = covered.extensionWorlds > 0 && covered.probeWrapped && covered.banner;
  return {
    what: 'non-conference pages',
    target: 'nothing injected',
    measured: clean ? 'nothing injected' : 'extension code ran',
    verdict: controlSeen ? verdict(clean) : 'FAIL',
    details: [
      'The busy call page with a live loopback call, served at a site CallGuard does not cover, watched through CDP from before navigation ' +
        '(Runtime.executionContextCreated for isolated worlds, Debugger.scriptParsed for chrome-extension:// scripts), then RTCPeerConnection[Symbol.for("callguard.wrapped")] and <callguard-banner> looked for.',
      `Not covered — ${describe(elsewhere)}`,
      `Control, covered — ${describe(covered)}${controlSeen ? '' : ' (the control did not see the extension: the check itself is broken)'}`,
    ],
  };
}

// Shared pieces of `npm run bench`: figures, statistics, the fixture server and the browsers.
import path from 'node:path';
import type { Browser, WebWorker } from 'puppeteer-core';
import { extensionServiceWorker, launchChromium } from '../../test/e2e/support/browsers.ts';
import { CHROME_BUILD, FIXTURES, fixtureRoute, TEST_HOSTS } from '../../test/e2e/support/extension.ts';
import { startFixtureServer, type FixtureServer } from '../../test/e2e/support/server.ts';

export type Verdict = 'PASS' | 'FAIL' | 'INFO';

/** One line of the results table. */
export interface Figure {
  what: string;
  target: string;
  measured: string;
  verdict: Verdict;
  /** How it was measured and what else was seen, for docs/performance.md. */
  details: string[];
}

export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');

// ---------------------------------------------------------------------------------------------
// Statistics

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : NaN);

/** Nearest-rank percentile (p in 0..100) of a sample. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
export const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const ms = (x: number, digits = 1) => `${x.toFixed(digits)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const sleep = (msec: number) => new Promise<void>((r) => setTimeout(r, msec));

/** A positive number from the environment, else the default (BENCH_JOINS=40 etc.). */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

// ---------------------------------------------------------------------------------------------
// Pages and browsers

/** The built extension under test; CALLGUARD_BENCH_EXTENSION points elsewhere (another build). */
export const EXTENSION_DIR = path.resolve(process.env.CALLGUARD_BENCH_EXTENSION ?? CHROME_BUILD);

/** A Meet meeting: pre-join first, the driver swaps in the call. */
export const MEET_URL = 'https://meet.google.com/abc-defg-hij';
/** A Meet meeting whose page is the busy call (test/fixtures/bench/busy-call.html). */
export const BUSY_URL = 'https://meet.google.com/bsy-busy-pge';
/** The same busy page on a site CallGuard does not cover. */
export const ELSEWHERE_URL = 'https://www.example.org/bsy-busy-pge';

export function startBenchServer(): Promise<FixtureServer> {
  return startFixtureServer({
    root: FIXTURES,
    routes: {
      '/abc-defg-hij': fixtureRoute('google-meet/pre-join'),
      '/bsy-busy-pge': fixtureRoute('bench/busy-call'),
    },
  });
}

export interface BenchBrowser {
  browser: Browser;
  /** The extension's service worker; undefined in the browser without the extension. */
  worker?: WebWorker;
  extensionId?: string;
  close(): Promise<void>;
}

/** Chromium as the e2e tests run it, with or without the built extension. */
export async function launchBench(server: FixtureServer, withExtension: boolean): Promise<BenchBrowser> {
  const browser = await launchChromium({
    extensionDir: withExtension ? EXTENSION_DIR : undefined,
    hosts: TEST_HOSTS,
    port: server.port,
  });
  try {
    if (!withExtension) return { browser, close: () => browser.close() };
    const worker = await extensionServiceWorker(browser);
    return { browser, worker, extensionId: new URL(worker.url()).host, close: () => browser.close() };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

/** True when a URL belongs to the extension (its content scripts and the main-world probe). */
export const isExtensionUrl = (url: string | undefined, extensionId: string) =>
  !!url && url.startsWith(`chrome-extension://${extensionId}/`);

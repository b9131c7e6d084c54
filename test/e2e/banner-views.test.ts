// Calm on a normal call, loud on a risky one, in real Chromium (and the sidebar in Firefox) with
// the built extension, at the real hostnames with real loopback WebRTC: the compact banner that
// settles into the pill, the full banner back for what a participant should act on, provider
// encryption accepted by policy, "This call is sensitive", the join confirmation, and the
// report beside the call.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Report } from '../../core/types.ts';
import { waitFor } from './support/browsers.ts';
import { clickInBanner } from './support/banner-dom.ts';
import { bannerText, fixtureRoute, startChromiumSession, startFirefoxSession, storedReport, tabIdOf, waitForReport } from './support/extension.ts';
import type { ExtensionSession } from './support/extension.ts';
import { FIREFOX_SYSTEM_ACCESS, openExtensionPage, waitForFirefoxReport } from './support/firefox-extension.ts';
import { bannerShown, extensionIdOfSession, setUserSettings } from './support/ui-states.ts';

const ORDINARY_URL = 'https://meet.google.com/cgv-ordn-ary';
const TEAMS_URL = 'https://teams.microsoft.com/v2/';
const TEAMS_RENAMED_URL = 'https://teams.microsoft.com/v2/next-release';
const ROUTES = {
  '/cgv-ordn-ary': fixtureRoute('google-meet/in-call'),
  '/v2/': fixtureRoute('teams/pre-join'),
  // Teams' pre-join screen with its join button renamed (id, data-tid, label), as a release might.
  '/v2/next-release': fixtureRoute('teams/pre-join', (html) =>
    html.replace(
      '<button id="prejoin-join-button" data-tid="prejoin-join-button" type="button" aria-label="Join now">Join now</button>',
      '<button id="prejoin-join-now-v2" data-tid="prejoin-join-now-v2" type="button" aria-label="Join the meeting now">Join the meeting now</button>',
    ),
  ),
};

const finding = (report: Report, id: string) => report.findings.find((f) => f.id === id);
const view = async (page: Page) => (await bannerShown(page))?.view ?? 'none';
const untilView = (page: Page, wanted: string, what: string, timeoutMs = 15_000) =>
  waitFor(async () => (await view(page)) === wanted, { what, timeoutMs });

describe('Chromium', () => {
  let session: ExtensionSession;
  before(async () => {
    session = await startChromiumSession(ROUTES);
  });
  after(() => session?.close());

  async function ordinaryCall(settings: Record<string, unknown> = {}) {
    await setUserSettings(session.worker, settings);
    const page = await session.browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(ORDINARY_URL, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(session.worker, page);
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    return { page, tabId };
  }

  /** An ordinary call at its baseline warning, and the popup's report of its tab. */
  async function ordinaryCallWithPopup() {
    const { page, tabId } = await ordinaryCall();
    await waitForReport(session.worker, tabId, 'warning', (r) => r.inCall && r.level === 'warning');
    const popup = await session.browser.newPage();
    await popup.goto(`chrome-extension://${extensionIdOfSession(session)}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.report h1');
    return { page, tabId, popup };
  }

  test('an ordinary call: compact banner, then the pill by itself; a phone line joining brings the full banner back', async () => {
    const { page, tabId } = await ordinaryCall();
    try {
      const report = await waitForReport(session.worker, tabId, 'in call, provider encryption', (r) => r.inCall && !!finding(r, 'e2ee-off'));
      assert.equal(finding(report, 'e2ee-off')!.attention, false, 'provider encryption is the baseline');
      await untilView(page, 'compact', 'the compact banner');
      assert.match((await bannerText(page)) ?? '', /Google Meet can access this call's audio and video/);
      await untilView(page, 'pill', 'the pill, without a click');

      await page.evaluate(() => (window as any).__fixture.goto('google-meet/dial-in'));
      await untilView(page, 'full', 'the full banner for the phone line');
      assert.match((await bannerText(page)) ?? '', /Someone is on a phone line/);
    } finally {
      await page.close();
    }
  });

  test('acceptProviderEncryption changes the verdict, its words and the level live; the banner stays calm', async () => {
    const { page, tabId, popup } = await ordinaryCallWithPopup();
    try {
      assert.equal(await popup.$eval('.level-words', (p) => p.textContent), 'This call is not private.');

      await setUserSettings(session.worker, { acceptProviderEncryption: ['google-meet'] });
      const accepted = await waitForReport(session.worker, tabId, 'e2ee-off at info', (r) => finding(r, 'e2ee-off')?.severity === 'info');
      assert.equal(accepted.level, 'unknown');
      assert.equal(accepted.e2ee, 'off', 'still not end-to-end encrypted: only the level changes');
      await waitFor(async () => /as accepted on this platform/.test(await popup.$eval('.level-words', (p) => p.textContent ?? '')), {
        what: 'the popup says provider encryption is accepted',
      });
      assert.notEqual(await view(page), 'full');
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test('"This call is sensitive" requires E2EE for this call only: danger and the full banner, then back', async () => {
    const { page, tabId, popup } = await ordinaryCallWithPopup();
    try {
      await untilView(page, 'compact', 'the compact banner');
      await popup.click('.sensitive input');
      const sensitive = await waitForReport(session.worker, tabId, 'sensitive: danger', (r) => r.level === 'danger');
      assert.equal(sensitive.sensitive, true);
      assert.equal(finding(sensitive, 'e2ee-off')!.attention, true);
      await untilView(page, 'full', 'the full banner for a sensitive call without E2EE');
      await waitFor(() => popup.$eval('.sensitive input', (i) => (i as HTMLInputElement).checked), { what: 'the toggle shows it' });

      await popup.click('.sensitive input');
      const back = await waitForReport(session.worker, tabId, 'not sensitive any more', (r) => r.level === 'warning');
      assert.equal(back.sensitive, false);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  async function preJoin(url: string, joinSelector: string) {
    await setUserSettings(session.worker, { confirmBeforeJoin: 'warning' });
    const page = await session.browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(session.worker, page);
    // The platform's own handler on its join button: did the click reach the page?
    await page.evaluate((selector: string) => {
      (window as any).__joinClicks = 0;
      document.querySelector(selector)!.addEventListener('click', () => (window as any).__joinClicks++);
    }, joinSelector);
    const report = await waitForReport(session.worker, tabId, 'pre-join, warning known', (r) => r.phase === 'pre-join' && r.level === 'warning');
    await untilView(page, 'full', 'the full banner before joining');
    return { page, tabId, report, joinClicks: () => page.evaluate(() => (window as any).__joinClicks as number) };
  }

  test('confirmBeforeJoin: the join button is held until "Join anyway", then the click goes through', async () => {
    const { page, report, joinClicks } = await preJoin(TEAMS_URL, '#prejoin-join-button');
    try {
      assert.equal(report.joinControlSeen, true);
      assert.match((await bannerText(page)) ?? '', /CallGuard will ask you to confirm/);
      await page.click('#prejoin-join-button');
      await waitFor(async () => /Join anyway/.test((await bannerText(page)) ?? ''), { what: '"Join anyway" after the held click' });
      assert.equal(await joinClicks(), 0, 'the page did not get the click');

      await clickInBanner(page, 'Join anyway');
      await waitFor(async () => (await joinClicks()) === 1, { what: 'the held click let through' });
      await untilView(page, 'pill', 'the banner steps aside');
    } finally {
      await page.close();
    }
  });

  test('confirmBeforeJoin on a join button CallGuard does not recognise: nothing is blocked, and the banner says so', async () => {
    const { page, report, joinClicks } = await preJoin(TEAMS_RENAMED_URL, '#prejoin-join-now-v2');
    try {
      assert.equal(report.joinControlSeen, false);
      assert.match((await bannerText(page)) ?? '', /did not recognise this page's join button/);
      await page.click('#prejoin-join-now-v2');
      await waitFor(async () => (await joinClicks()) === 1, { what: 'the click reaches the page' });
    } finally {
      await page.close();
    }
  });

  test('Details opens the side panel beside the call, and it follows the report', async () => {
    const { page, tabId } = await ordinaryCall();
    try {
      await untilView(page, 'compact', 'the compact banner');
      await clickInBanner(page, 'Details');
      const target = await session.browser.waitForTarget((t) => t.url().includes(`sidepanel.html?tab=${tabId}`), { timeout: 10_000 });
      const panel = (await target.asPage())!;
      const headline = () => panel.$eval('.report h1', (h) => h.textContent ?? '').catch(() => '');
      await waitFor(async () => /Google Meet can access this call's audio and video/.test(await headline()), { what: 'the panel shows the call' });
      // No tab was opened for it: the user stays on the call.
      assert.equal((await session.browser.pages()).filter((p) => p.url().includes('popup.html')).length, 0);

      await page.evaluate(() => (window as any).__fixture.goto('google-meet/dial-in'));
      await waitFor(async () => (await headline()) === 'Someone is on a phone line', { what: 'the panel follows the report' });
      assert.ok((await panel.$$('.timeline li')).length >= 2, 'the call\'s timeline is beside the call too');
    } finally {
      await page.close();
    }
  });

  test('stored reports keep the verdict the banner showed', async () => {
    const { page, tabId } = await ordinaryCall({ banner: 'always' });
    try {
      await untilView(page, 'compact', 'the compact banner');
      const report = await storedReport(session.worker, tabId);
      assert.ok(report && report.inCall && report.findings.every((f) => !f.attention));
    } finally {
      await page.close();
    }
  });
});

describe('Firefox', () => {
  test('the sidebar opens from the popup ("Show beside the call") and shows the report', async () => {
    const { server, browser, close, extensionOrigin } = await startFirefoxSession(ROUTES, { extraArgs: [FIREFOX_SYSTEM_ACCESS] });
    try {
      const url = server.url('meet.google.com', '/cgv-ordn-ary');
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
      const extension = await openExtensionPage(browser, extensionOrigin!, '/popup.html');
      const { tabId } = await waitForFirefoxReport(extension, url, 'in call', (r) => r.inCall);
      const popup = await openExtensionPage(browser, extensionOrigin!, `/popup.html?tab=${tabId}`);
      await waitFor(() => popup.evaluate(() => document.querySelector('footer button:nth-child(2)') !== null), { what: 'the popup report' });
      // A real click: Firefox opens its sidebar only from the user's own action.
      await popup.click('footer button:nth-child(2)');
      const sidebarText = () =>
        extension.evaluate(() => {
          const [sidebar] = (globalThis as any).browser.extension.getViews({ type: 'sidebar' }) as Window[];
          return sidebar?.document.querySelector('.report h1')?.textContent ?? null;
        });
      const text = await waitFor(sidebarText, { what: 'the sidebar with the report', timeoutMs: 15_000 });
      assert.match(text, /Google Meet can access this call's audio and video/);
    } finally {
      await close();
    }
  });
});

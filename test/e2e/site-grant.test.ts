// A site the user adds is covered in the tabs already open on it, as soon as the user grants
// access (issue "Deployable at scale", item 7: "the same when the user grants a site"). In real
// Firefox: the call tab is open first, the site is in the user's settings, and the options page's
// own "grant access" button is clicked. Firefox's extensions.webextOptionalPermissionPrompts=false
// stands for the user's "Allow" in the browser's prompt, which no test can click (Chromium has no
// such switch, so this runs in Firefox only). The grant reaches the background as the browser's
// permissions.onAdded, as it would after the prompt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, waitFor } from './support/browsers.ts';
import { FIREFOX_BUILD, FIXTURES, fixtureRoute } from './support/extension.ts';
import { openFirefoxExtensionPage, waitForFirefoxReportAt } from './support/policy.ts';
import { startFixtureServer } from './support/server.ts';

declare const browser: any;

const SELF_HOSTED = 'meet.example.org';
const SITE = `https://${SELF_HOSTED}/*`;
const CALL_PATH = '/CallGuardUserGrant';
/** What the report says of a page CallGuard started in after it had loaded. */
const STARTED_LATE = /started after this page had loaded/;

test('Firefox: a call tab open on a site the user then grants is covered, and never called safe', async () => {
  const server = await startFixtureServer({ root: FIXTURES, routes: { [CALL_PATH]: fixtureRoute('jitsi/pre-join') } });
  try {
    const { browser: firefox, extensionOrigin } = await launchFirefox({
      extensionDir: FIREFOX_BUILD,
      port: server.port,
      prefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
    try {
      const url = server.url(SELF_HOSTED, CALL_PATH);
      const page = await firefox.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      // The app says E2EE is on, and a plain call runs before CallGuard is there.
      await page.evaluate("window.__fixture.goto('jitsi/e2ee-on')");
      await page.evaluate("window.__fixture.startCall({ transforms: 'none' })");

      const options = await waitFor(() => openFirefoxExtensionPage(firefox, `${extensionOrigin}/options.html`), { what: 'the options page', timeoutMs: 30_000, intervalMs: 1000 });
      const reports = () => options.evaluate(async () => Object.keys(await browser.storage.session.get(null)).filter((key) => key.startsWith('report:')));
      assert.deepEqual(await reports(), [], 'no report on a site CallGuard does not cover');

      // The site in the user's settings, as the popup's "Watch calls on this site" stores it, but
      // not yet granted: the options page lists it as waiting, with its one-click grant.
      await options.evaluate((pattern: string) => browser.storage.local.set({ userSettings: { conferenceSites: [{ pattern, platform: 'jitsi' }] } }), SITE);
      const waiting = await waitFor(() => options.$(`[data-site="${SITE}"][data-site-status="needed"]`), { what: 'the site waiting for access' });
      assert.ok(waiting);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(await reports(), [], 'a site without access is not covered');

      const grant = await waitFor(() => options.$('[data-grant-access]'), { what: 'the grant button' });
      await grant!.click();
      await waitFor(() => options.$(`[data-site="${SITE}"][data-site-status="granted"]`), { what: 'the site granted' });

      const first = await waitForFirefoxReportAt(options, url, 'report for the tab that was open', (r) => r.platform === 'jitsi' && r.inCall, 15_000);
      assert.equal(first.startedLate, true);
      assert.equal(first.e2ee, 'unknown', 'what the page did before CallGuard came is out of sight');
      assert.notEqual(first.level, 'ok');
      assert.ok(first.e2eeEvidence.some((e) => STARTED_LATE.test(e)), first.e2eeEvidence.join('\n'));

      // The probe came with it: a plain call started now is seen on the media path.
      await page.evaluate('window.__fixture.endCalls()');
      await page.evaluate("window.__fixture.startCall({ transforms: 'none' })");
      const seen = await waitForFirefoxReportAt(options, url, 'the call seen by rtc', (r) => r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'), 15_000);
      assert.equal(seen.e2ee, 'off');
    } finally {
      await firefox.close().catch(() => {});
    }
  } finally {
    await server.close();
  }
});

// Zoom, Teams and Webex end to end in Chromium with the built extension, at their real
// hostnames. Zoom and Webex run the meeting in an iframe: the content script reads the frame,
// the background merges frames, and the report still names the tab's top-level URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'puppeteer-core';
import { waitFor } from './support/browsers.ts';
import { bannerText, fixtureRoute, startChromiumSession, tabIdOf, waitForReport } from './support/extension.ts';
import type { ExtensionSession } from './support/extension.ts';
import type { Report } from '../../core/types.ts';

const ZOOM_URL = 'https://app.zoom.us/wc/123456789/join';
const TEAMS_URL = 'https://teams.microsoft.com/v2/';
const WEBEX_URL = 'https://acme.webex.com/meet/anna';
/** Two cores shared with other engineers' browser tests: be patient, never sleep. */
const WAIT = 15_000;

let session: ExtensionSession;
before(async () => {
  session = await startChromiumSession({
    '/wc/123456789/join': fixtureRoute('zoom/webclient-host'),
    '/wc/123456789/webclient-frame': fixtureRoute('zoom/in-call'),
    '/v2/': fixtureRoute('teams/pre-join'),
    '/meet/anna': fixtureRoute('webex/shell'),
    '/webappng/sites/acme/meeting/webclient': fixtureRoute('webex/external'),
  });
});
after(() => session?.close());

async function open(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, tabId: await tabIdOf(session.worker, page) };
}

/** The meeting frame, once its test driver is ready. */
async function meetingFrame(page: Page, path: string): Promise<Frame> {
  return waitFor(
    async () => {
      const frame = page.frames().find((f) => new URL(f.url()).pathname === path);
      return frame && (await frame.evaluate(() => typeof (window as any).__fixture === 'object')) ? frame : undefined;
    },
    { what: `frame ${path} with its driver`, timeoutMs: WAIT },
  );
}

const gotoState = (target: Page | Frame, state: string) => target.evaluate((s) => (window as any).__fixture.goto(s), state);
const finding = (report: Report, id: string) => report.findings.find((f) => f.id === id);
const report = (tabId: number, what: string, accept: (r: Report) => boolean) => waitForReport(session.worker, tabId, what, accept, WAIT);

test('Zoom: the call in iframe#webclient is read; the report names the top URL; E2EE off by the platform fact', async () => {
  const { page, tabId } = await open(ZOOM_URL);
  try {
    const inCall = await report(tabId, 'zoom in-call report', (r) => r.inCall && r.platform === 'zoom');
    assert.equal(inCall.url, ZOOM_URL, 'the top-level URL, not the frame');
    assert.equal(inCall.phase, 'in-call');
    assert.equal(inCall.e2ee, 'off');
    assert.equal(finding(inCall, 'e2ee-off')?.source, 'platform');
    assert.match(inCall.e2eeEvidence.join(' '), /support\.zoom\.com/);
    assert.ok(await waitFor(() => bannerText(page), { what: 'banner in the top frame', timeoutMs: WAIT }));

    const frame = await meetingFrame(page, '/wc/123456789/webclient-frame');
    await gotoState(frame, 'zoom/dial-in');
    const dialIn = await report(tabId, 'zoom dial-in finding', (r) => !!finding(r, 'dial-in-participant'));
    assert.ok(dialIn.participants.some((p) => p.kind === 'phone' && p.name === '+49 *** *** 4567'));

    await gotoState(frame, 'zoom/external');
    const external = await report(tabId, 'zoom external finding', (r) => !!finding(r, 'external-participant'));
    assert.match(finding(external, 'external-participant')!.evidence.join(" "), /Claire Dubois/);

    // A page pretending to show the E2EE padlock does not make the call E2EE.
    await gotoState(frame, 'hostile/zoom-fake-e2ee');
    const fake = await report(tabId, 'zoom fake padlock overruled', (r) => r.e2eeEvidence.some((e) => /the page claims end-to-end encryption/.test(e)));
    assert.equal(fake.e2ee, 'off');
    assert.equal(fake.url, ZOOM_URL);
  } finally {
    await page.close();
  }
});

test('Teams: pre-join, then a call with recording, an unverified guest, then a phone line (masked)', async () => {
  const { page, tabId } = await open(TEAMS_URL);
  try {
    const preJoin = await report(tabId, 'teams pre-join', (r) => r.phase === 'pre-join');
    assert.equal(preJoin.platform, 'teams');
    assert.equal(preJoin.inCall, false);

    await gotoState(page, 'teams/recording');
    const recording = await report(tabId, 'teams recording', (r) => r.inCall && !!finding(r, 'recording'));
    assert.equal(recording.url, TEAMS_URL);
    assert.equal(finding(recording, 'e2ee-off')?.source, 'platform');
    assert.match(recording.e2eeEvidence.join(' '), /learn\.microsoft\.com/);
    assert.match(finding(recording, 'recording')!.evidence.join(' '), /Recording has started/);

    await gotoState(page, 'teams/external');
    const external = await report(tabId, 'teams external', (r) => !!finding(r, 'external-participant') && finding(r, 'recording')?.active === false);
    assert.match(finding(external, 'external-participant')!.evidence.join(' '), /Eva Lindqvist/);

    await gotoState(page, 'teams/dial-in-masked');
    const dialIn = await report(tabId, 'teams dial-in', (r) => !!finding(r, 'dial-in-participant'));
    assert.ok(dialIn.participants.some((p) => p.kind === 'phone' && p.name === '+49 30 ••••••78'));
    // The call remembers: the guest who left is still in the report, no longer present.
    assert.ok(dialIn.participants.some((p) => p.kind === 'external' && p.present === false));
  } finally {
    await page.close();
  }
});

test('Webex: the call in #unified-webclient-iframe, with an unverified participant', async () => {
  const { page, tabId } = await open(WEBEX_URL);
  try {
    const inCall = await report(tabId, 'webex in-call with an external participant', (r) => r.inCall && !!finding(r, 'external-participant'));
    assert.equal(inCall.platform, 'webex');
    assert.equal(inCall.url, WEBEX_URL, 'the top-level URL, not the frame');
    assert.equal(inCall.e2ee, 'off');
    assert.equal(finding(inCall, 'e2ee-off')?.source, 'platform');
    assert.match(finding(inCall, 'e2ee-off')!.evidence.join(' '), /inference/);
    assert.match(finding(inCall, 'external-participant')!.evidence.join(' '), /Identity unverified/);

    // The Security tab's own "not end-to-end encrypted" is the page speaking: source ui.
    const frame = await meetingFrame(page, '/webappng/sites/acme/meeting/webclient');
    await gotoState(frame, 'webex/e2ee-off');
    const security = await report(tabId, 'webex security tab', (r) => finding(r, 'e2ee-off')?.source === 'ui');
    assert.match(security.e2eeEvidence.join(' '), /not end-to-end encrypted/);
  } finally {
    await page.close();
  }
});

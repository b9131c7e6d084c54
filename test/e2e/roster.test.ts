// A long roster is read again only where it changed (core/platforms/roster.ts, rowMemo): in real
// Chromium and real Firefox with the built extension, at Zoom's real hostname, rows of a
// 250-participant list that the page redraws in place are read again, however they change: a
// class alone (which does not wake the watcher's own observer: the next read happens for another
// change), or the row's contents replaced. A row kept from an earlier read while it shows a phone
// line would be a missed dial-in.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Report } from '../../core/types.ts';
import { fixtureRoute, startChromiumSession, startFirefoxSession, tabIdOf, waitForReport } from './support/extension.ts';
import { FIREFOX_SYSTEM_ACCESS, openExtensionPage, waitForFirefoxReport } from './support/firefox-extension.ts';
import { setUserSettings } from './support/ui-states.ts';

const ROUTES = { '/wc/555666777/join': fixtureRoute('zoom/in-call') };
const TITLE = 'rows redrawn in place in a long roster are read again: a phone icon by class alone, a row whose contents are replaced';

const phones = (report: Report) => report.participants.filter((p) => p.kind === 'phone').map((p) => p.name);
type WaitForReport = (what: string, accept: (report: Report) => boolean) => Promise<Report>;

/** The call on `page` (the in-call Zoom page, loaded), its reports read with `report`. */
async function redrawnRowsAreReadAgain(page: Page, report: WaitForReport): Promise<void> {
  await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
  // 250 participants (rows are kept from 200): copies of the last row, each with a name of its
  // own; the last one a guest, so that its report shows the 250 rows were read before anything
  // changes in place.
  await page.evaluate(() => {
    const template = [...document.querySelectorAll('div.participants-li')].at(-1)!;
    const copy = (i: number) => template.outerHTML.split('Bernd Müller').join(`Person ${String(i).padStart(3, '0')}`);
    const html = Array.from({ length: 247 }, (_, i) => (i < 246 ? copy(i) : copy(i).replace('participants-item__name-label"> <', 'participants-item__name-label"> (Guest)<'))).join('');
    template.insertAdjacentHTML('afterend', html);
  });
  const inCall = await report('the call with 250 participants', (r) => r.inCall && r.participants.some((p) => p.name === 'Person 246'));
  assert.deepEqual(phones(inCall), []);

  // A class alone: the icon of "Person 050" becomes Zoom's telephone icon. Then another row's
  // label changes, which wakes the watcher for a read.
  await page.evaluate(() => {
    const row = [...document.querySelectorAll('div.participants-li')].find((r) => r.textContent!.includes('Person 050'))!;
    row.querySelector('svg')!.setAttribute('class', 'lazy-svg-icon__icon lazy-icon-icons/participants-list/telephone-muted');
    const other = [...document.querySelectorAll('div.participants-li')].find((r) => r.textContent!.includes('Person 120'))!;
    other.setAttribute('aria-label', 'Person 120,computer audio unmuted,video on');
  });
  const byClass = await report('the phone icon drawn by class', (r) => phones(r).includes('Person 050'));
  assert.ok(byClass.findings.some((f) => f.id === 'dial-in-participant'));
  assert.match(JSON.stringify(byClass.participants.find((p) => p.name === 'Person 050')), /participants-list\/telephone/);

  // A row's contents replaced, as a framework redraws it: "Person 150" shows Zoom's "(Guest)" label.
  await page.evaluate(() => {
    const row = [...document.querySelectorAll('div.participants-li')].find((r) => r.textContent!.includes('Person 150'))!;
    row.querySelector('.participants-item__name-label')!.replaceChildren(document.createTextNode(' (Guest)'));
  });
  const guest = await report('the guest label', (r) => r.participants.some((p) => p.kind === 'external' && p.name === 'Person 150'));
  assert.equal(guest.participants.find((p) => p.name === 'Person 050')?.present, true, 'the phone line is still listed as present');
}

test(`Chromium: ${TITLE}`, async () => {
  const session = await startChromiumSession(ROUTES);
  try {
    await setUserSettings(session.worker, {});
    const page = await session.browser.newPage();
    await page.goto('https://app.zoom.us/wc/555666777/join', { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(session.worker, page);
    await redrawnRowsAreReadAgain(page, (what, accept) => waitForReport(session.worker, tabId, what, accept));
  } finally {
    await session.close();
  }
});

describe('Firefox', () => {
  test(TITLE, async () => {
    const { server, browser, close, extensionOrigin } = await startFirefoxSession(ROUTES, { extraArgs: [FIREFOX_SYSTEM_ACCESS] });
    try {
      const url = server.url('app.zoom.us', '/wc/555666777/join');
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const extension = await openExtensionPage(browser, extensionOrigin!, '/popup.html');
      await redrawnRowsAreReadAgain(page, async (what, accept) => (await waitForFirefoxReport(extension, url, what, accept)).report);
    } finally {
      await close();
    }
  });
});

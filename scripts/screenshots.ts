// `npm run screenshots`: builds the extension and saves a screenshot of every state of its UI in
// docs/screenshots/, from real Chromium on the fixture calls, so the pictures in the docs always
// show the current UI:
//   banner.png                      the README's picture: the banner on a Meet call with a dial-in participant
//   banner-<state>.png              the banner in each state (test/e2e/support/ui-states.ts BANNER_STATES:
//                                   danger, warning, provider (compact), pill, ok, unknown, join-held)
//   banner-dark.png                 the warning banner in a dark colour scheme
//   banner-fr.png, banner-de.png    the danger banner in French and German
//   popup-in-call.png               the popup on the danger call, evidence of the first finding open
//   popup-no-call.png               the popup opened from the toolbar on a site CallGuard does not cover
//   options.png                     the options page (when the build has one)
//   ../store/screenshots/*.png      store-size pictures (1280×800) for the Chrome Web Store, Edge Add-ons and AMO
// The toolbar icons' preview (icons.png) comes from scripts/make-icons.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { waitFor } from '../test/e2e/support/browsers.ts';
import { bannerText, CHROME_BUILD, REPO, startChromiumSession } from '../test/e2e/support/extension.ts';
import type { ExtensionSession } from '../test/e2e/support/extension.ts';
import {
  ELSEWHERE_URL,
  extensionIdOfSession,
  BANNER_STATES,
  openBannerState,
  type BannerStateName,
  setUserSettings,
  UI_ROUTES,
} from '../test/e2e/support/ui-states.ts';

const OUT = path.join(REPO, 'docs/screenshots');
const STORE = path.join(REPO, 'docs/store/screenshots');
const CALL_VIEWPORT = { width: 1280, height: 720 };
/** The size the Chrome Web Store asks for (Edge and AMO take it too). */
const STORE_VIEWPORT = { width: 1280, height: 800 };
const STATES = Object.keys(BANNER_STATES) as BannerStateName[];

const saved: string[] = [];
async function shoot(page: Page, name: string, opts: { fullPage?: boolean; dir?: string } = {}) {
  const file = path.join(opts.dir ?? OUT, name);
  await page.screenshot({ path: file as `${string}.png`, fullPage: opts.fullPage ?? false });
  saved.push(file);
}

async function withSession<T>(run: (session: ExtensionSession) => Promise<T>, extraArgs: string[] = []): Promise<T> {
  const session = await startChromiumSession(UI_ROUTES, { extraArgs });
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

async function englishStates(session: ExtensionSession) {
  const extensionId = extensionIdOfSession(session);
  for (const name of STATES) {
    const { page, tabId } = await openBannerState(session, name, { viewport: CALL_VIEWPORT });
    if (name === 'join') {
      // The user pressed the platform's join button: CallGuard holds it and asks.
      await page.click('#prejoin-join-button');
      await waitFor(async () => /Join anyway/.test((await bannerText(page)) ?? ''), { what: '"Join anyway" after the held join' });
      await new Promise((r) => setTimeout(r, 400));
    }
    await shoot(page, `banner-${name === 'join' ? 'join-held' : name}.png`);
    if (name === 'warning' || name === 'pill' || name === 'join') {
      await page.setViewport(STORE_VIEWPORT);
      await shoot(page, `store-${name === 'warning' ? '1-banner' : name === 'pill' ? '2-pill' : '3-join'}.png`, { dir: STORE });
      await page.setViewport(CALL_VIEWPORT);
    }
    if (name === 'warning') {
      await shoot(page, 'banner.png');
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await shoot(page, 'banner-dark.png');
    }
    if (name === 'danger') {
      const popup = await session.browser.newPage();
      await popup.setViewport({ width: 420, height: 1200 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('.report h1');
      await popup.evaluate(() => {
        const first = document.querySelector('.findings details') as HTMLDetailsElement | null;
        if (first) first.open = true;
      });
      // The picture ends where the popup does.
      const height = await popup.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      await popup.setViewport({ width: 420, height });
      await shoot(popup, 'popup-in-call.png', { fullPage: true });
      // The report as a store picture: the report page, centred on a 1280×800 canvas.
      await popup.setViewport(STORE_VIEWPORT);
      await popup.evaluate(() => {
        document.documentElement.style.background = '#e8eaed';
        Object.assign(document.body.style, { margin: '24px auto', maxWidth: '520px', boxShadow: '0 4px 18px rgba(0,0,0,.3)' });
      });
      await shoot(popup, 'store-4-report.png', { dir: STORE });
      await popup.close();
    }
    await page.close();
  }

  // No call: the toolbar button on a site CallGuard does not cover opens the real popup.
  await setUserSettings(session.worker, {});
  const page = await session.browser.newPage();
  await page.goto(ELSEWHERE_URL, { waitUntil: 'load' });
  const [extension] = [...(await session.browser.extensions()).values()];
  await page.triggerExtensionAction(extension!);
  const target = await session.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 10_000 });
  const real = (await target.asPage())!;
  await real.waitForSelector('.add-site button');
  await shoot(real, 'popup-no-call.png', { fullPage: true });
  await real.close();
  await page.close();

  if (fs.existsSync(path.join(CHROME_BUILD, 'options.html'))) {
    const options = await session.browser.newPage();
    await options.setViewport({ width: 1000, height: 800 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('h1');
    await new Promise((r) => setTimeout(r, 500));
    // A viewport as tall as the page, so that its sticky Save bar sits at the end of the picture.
    const height = await options.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    await options.setViewport({ width: 1000, height });
    await shoot(options, 'options.png');
    await options.close();
  }
}

async function translatedBanner(lang: 'fr' | 'de') {
  await withSession(
    async (session) => {
      const { page } = await openBannerState(session, 'danger', { viewport: CALL_VIEWPORT });
      await shoot(page, `banner-${lang}.png`);
      await page.close();
    },
    [`--lang=${lang}`, `--accept-lang=${lang}`],
  );
}

fs.mkdirSync(OUT, { recursive: true });
fs.mkdirSync(STORE, { recursive: true });
const started = Date.now();
await withSession(englishStates);
await translatedBanner('fr');
await translatedBanner('de');
console.log(`Saved ${saved.length} screenshots in ${Math.round((Date.now() - started) / 1000)} s:\n  ${saved.map((f) => path.relative(REPO, f)).join('\n  ')}`);

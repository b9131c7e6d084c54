// The states of CallGuard's UI on real pages, in real Chromium with the built extension: the
// banner at each level on a fixture call, the popup in and out of a call, the options page. Shared
// by the accessibility test (test/e2e/accessibility.test.ts) and the screenshots
// (scripts/screenshots.ts), so both look at the same thing.
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page, WebWorker } from 'puppeteer-core';
import type { Level, Report } from '../../../core/types.ts';
import { waitFor } from './browsers.ts';
import { findNode, type DomNode } from './banner-dom.ts';
import { fixtureRoute, REPO, storedReport, tabIdOf } from './extension.ts';
import type { ExtensionSession } from './extension.ts';
import type { Routes } from './server.ts';

/** The extension API inside the service worker, where worker.evaluate() runs these callbacks. */
declare const chrome: any;

/** Calls served already in their in-call state (with their own styles), the media still to start. */
export const MEET_DIAL_IN_URL = 'https://meet.google.com/cgx-dial-inx';
/** An ordinary Meet call: nobody to worry about, provider encryption (Meet's normal case). */
export const MEET_ORDINARY_URL = 'https://meet.google.com/cgx-ordn-ary';
export const JITSI_E2EE_URL = 'https://meet.jit.si/CallGuardUiTest';
/** A Jitsi room whose page CallGuard cannot read (markup changed): WebRTC alone decides. */
export const JITSI_CHANGED_URL = 'https://meet.jit.si/CallGuardChangedPage';
/** Teams' pre-join screen: its browser client cannot do E2EE, known before joining. */
export const TEAMS_PRE_JOIN_URL = 'https://teams.microsoft.com/v2/';
/** A site CallGuard does not cover. */
export const ELSEWHERE_URL = 'https://www.example.org/elsewhere';

export const UI_ROUTES: Routes = {
  '/cgx-dial-inx': fixtureRoute('google-meet/dial-in'),
  '/cgx-ordn-ary': fixtureRoute('google-meet/in-call'),
  '/CallGuardUiTest': fixtureRoute('jitsi/e2ee-on'),
  '/CallGuardChangedPage': fixtureRoute('changed/unrecognisable'),
  '/v2/': fixtureRoute('teams/pre-join'),
  '/elsewhere': fixtureRoute('webrtc/bare'),
};

export const SUPPORT = {
  supportMessage: 'Questions? The security desk is on extension 4242, day and night.',
  supportUrl: 'https://intranet.example.org/security/calls',
};

type View = 'full' | 'compact' | 'pill';

interface BannerState {
  url: string;
  /** The call's media; none: the page is shown before joining. */
  transforms: 'none' | 'all' | null;
  /** The user's settings for this state (storage.local userSettings). */
  settings: Record<string, unknown>;
  level: Level;
  view: View;
  what: string;
}

/** One real call (or pre-join screen) per state of the banner. */
export const BANNER_STATES = {
  danger: {
    url: MEET_DIAL_IN_URL,
    transforms: 'none',
    settings: { requireE2EE: true, acknowledgeDanger: true, ...SUPPORT },
    level: 'danger',
    view: 'full',
    what: 'Google Meet, a dial-in participant, the organisation requires E2EE and confirmation of danger',
  },
  warning: {
    url: MEET_DIAL_IN_URL,
    transforms: 'none',
    settings: {},
    level: 'warning',
    view: 'full',
    what: 'Google Meet, a dial-in participant, no E2EE',
  },
  provider: {
    url: MEET_ORDINARY_URL,
    transforms: 'none',
    settings: {},
    level: 'warning',
    view: 'compact',
    what: 'an ordinary Google Meet call: provider encryption only (compact, before it settles)',
  },
  pill: {
    url: MEET_ORDINARY_URL,
    transforms: 'none',
    settings: {},
    level: 'warning',
    view: 'pill',
    what: 'an ordinary Google Meet call, a few seconds in: the pill',
  },
  ok: {
    url: JITSI_E2EE_URL,
    transforms: 'all',
    settings: { banner: 'always' },
    level: 'ok',
    view: 'compact',
    what: 'Jitsi Meet with E2EE on (banner set to "always")',
  },
  unknown: {
    url: JITSI_CHANGED_URL,
    transforms: 'all',
    settings: {},
    level: 'unknown',
    view: 'compact',
    what: 'a Jitsi page CallGuard cannot read, media with transforms',
  },
  join: {
    url: TEAMS_PRE_JOIN_URL,
    transforms: null,
    settings: { confirmBeforeJoin: 'warning' },
    level: 'warning',
    view: 'full',
    what: "Teams' pre-join screen, the organisation asks for a confirmation before joining",
  },
} satisfies Record<string, BannerState>;
export type BannerStateName = keyof typeof BANNER_STATES;

export async function setUserSettings(worker: WebWorker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate((s: unknown) => chrome.storage.local.set({ userSettings: s }), settings);
}

export function extensionIdOfSession(session: ExtensionSession): string {
  return new URL(session.worker.url()).host;
}

/** Opens a call page, starts its media (the call begins), and waits for the report and the banner of the state. */
export async function openBannerState(
  session: ExtensionSession,
  name: BannerStateName,
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; tabId: number; report: Report }> {
  const state: BannerState = BANNER_STATES[name];
  await setUserSettings(session.worker, state.settings);
  const page = await session.browser.newPage();
  await page.setViewport(opts.viewport ?? { width: 1280, height: 720 });
  await page.goto(state.url, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(session.worker, page);
  if (state.transforms) await page.evaluate((t: string) => (window as any).__fixture.startCall({ transforms: t }), state.transforms);
  const inCall = state.transforms !== null;
  let last: Report | undefined;
  const report = await waitFor(
    async () => {
      last = await storedReport(session.worker, tabId);
      const media = !inCall || last?.e2eeEvidence.some((e) => /transform|app state/.test(e));
      return last && last.inCall === inCall && last.level === state.level && media ? last : null;
    },
    { what: `a ${state.level} report (${state.what})`, timeoutMs: 20_000, intervalMs: 100 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\nlast report: ${JSON.stringify(last && { level: last.level, e2ee: last.e2ee, findings: last.findings.map((f) => `${f.id}:${f.severity}`), evidence: last.e2eeEvidence })}`);
  });
  // The compact banner settles into the pill by itself after a few seconds.
  await waitFor(async () => {
    const shown = await bannerShown(page);
    return shown?.level === state.level && shown.view === state.view;
  }, { what: `the ${state.level} banner, ${state.view}`, timeoutMs: 15_000 });
  // The banner fades in (unless reduced motion is asked for): look at it once it has settled.
  await new Promise((r) => setTimeout(r, 400));
  return { page, tabId, report };
}

// ---------------------------------------------------------------------------------------------
// The banner in its closed shadow root, seen through the DevTools protocol


const attr = (node: DomNode, name: string) => {
  const list = node.attributes ?? [];
  const at = list.findIndex((v, i) => i % 2 === 0 && v === name);
  return at >= 0 ? list[at + 1] : undefined;
};

/** The banner host, its closed shadow root and the banner element, full, compact or the pill (pierced by CDP). */
export async function bannerNodes(cdp: CDPSession): Promise<{ host: DomNode; root: DomNode; banner: DomNode } | null> {
  const { root: doc } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
  const host = findNode(doc, (n) => n.nodeName === 'CALLGUARD-BANNER');
  const root = host?.shadowRoots?.[0];
  const banner = root && findNode(root, (n) => (n.nodeName === 'ASIDE' || n.nodeName === 'BUTTON') && attr(n, 'data-level') !== undefined);
  return host && root && banner ? { host, root, banner } : null;
}

/** The level and view the banner shows, or null when there is none. */
export async function bannerShown(page: Page): Promise<{ level: Level; view: View } | null> {
  const cdp = await page.createCDPSession();
  try {
    const nodes = await bannerNodes(cdp);
    if (!nodes) return null;
    const level = attr(nodes.banner, 'data-level') as Level;
    return { level, view: nodes.banner.nodeName === 'BUTTON' ? 'pill' : (attr(nodes.banner, 'data-view') as View) };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The level the banner shows, or null when there is none. */
export async function bannerLevel(page: Page): Promise<Level | null> {
  return (await bannerShown(page))?.level ?? null;
}

/** The banner's box on the page (CSS pixels). */
export async function bannerBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const cdp = await page.createCDPSession();
  try {
    const nodes = await bannerNodes(cdp);
    if (!nodes) throw new Error('no banner');
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: nodes.banner.backendNodeId })) as {
      model: { border: number[] };
    };
    const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Focuses an element inside the banner (by its text), as a keyboard user who tabbed there would. */
export async function focusInBanner(page: Page, text: string): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    const nodes = await bannerNodes(cdp);
    if (!nodes) throw new Error('no banner');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
    const button = findNode(root, (n) => n.nodeName === 'BUTTON' && JSON.stringify(n).includes(`"nodeValue":"${text}"`));
    if (!button) throw new Error(`no "${text}" button in the banner`);
    await cdp.send('DOM.focus', { backendNodeId: button.backendNodeId });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// axe-core

export const AXE_SOURCE = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** WCAG 2.2 A and AA, plus axe's best practices. */
export const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations', 'passes', 'incomplete'],
};

export interface AxeSummary {
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
  /** Rules that passed, with how many elements each checked. */
  passes: Record<string, number>;
  /** What axe could not decide by itself ("needs review"). */
  incomplete: { id: string; targets: string[] }[];
  /** Elements checked inside the banner's shadow root (target paths through the shadow root). */
  shadowNodesChecked: number;
}

const SUMMARIZE = `(results) => ({
  violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.failureSummary) })),
  passes: Object.fromEntries(results.passes.map((p) => [p.id, p.nodes.length])),
  incomplete: results.incomplete.map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target) + ' ' + (n.any.concat(n.all, n.none).map((c) => c.message + " " + JSON.stringify(c.data)).join("; "))) })),
  shadowNodesChecked: results.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length,
})`;

/**
 * axe on an extension page or any page: axe-core's own file, evaluated through the DevTools
 * protocol (extension pages forbid inline scripts, so a script tag would not run).
 */
export async function axeOnPage(page: Page, context: string | null = null): Promise<AxeSummary> {
  await page.evaluate(AXE_SOURCE);
  const json = await page.evaluate(
    `(async () => JSON.stringify((${SUMMARIZE})(await axe.run(${context ? JSON.stringify(context) : 'document'}, ${JSON.stringify(AXE_OPTIONS)}))))()`,
  );
  return JSON.parse(json as string) as AxeSummary;
}

/**
 * axe on the banner where it really is: on the call page, in its closed shadow root, with the
 * page around it. The banner's shadow root is closed, so neither the page nor axe can see into it
 * by itself. Through the DevTools protocol this makes a separate isolated world on the page
 * (neither the page's world nor the content script's), loads axe there, hands axe the closed root
 * (DOM.resolveNode) as the host's shadowRoot in that world only, and runs axe on the banner host.
 * The page's own world, its DOM and the content script are untouched.
 */
export async function axeOnBanner(page: Page): Promise<AxeSummary> {
  const cdp = await page.createCDPSession();
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'callguard-axe',
      grantUniveralAccess: false,
    });
    await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE, contextId: executionContextId });
    const nodes = await bannerNodes(cdp);
    if (!nodes) throw new Error('no banner on the page');
    const resolve = async (backendNodeId: number) =>
      ((await cdp.send('DOM.resolveNode', { backendNodeId, executionContextId })) as { object: { objectId: string } }).object.objectId;
    const hostId = await resolve(nodes.host.backendNodeId);
    const rootId = await resolve(nodes.root.backendNodeId);
    await cdp.send('Runtime.callFunctionOn', {
      objectId: hostId,
      functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }',
      arguments: [{ objectId: rootId }],
    });
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: hostId,
      // axe's colour-contrast rule maps the page by walking <body>, and the banner host sits on
      // <html> (in the top layer), outside it. In this world only, a walk of <body> goes on into
      // the banner host afterwards, so axe's map includes the banner. The page's DOM is not
      // changed (the host would put itself back if it were moved). The fade-in must be over
      // before colours are read.
      functionDeclaration: `async function () {
        const host = this;
        const walker = Document.prototype.createTreeWalker;
        document.createTreeWalker = function (root, ...rest) {
          const inner = walker.call(this, root, ...rest);
          if (root !== document.body) return inner;
          const after = walker.call(this, host, ...rest);
          let onHost = false;
          return {
            get currentNode() { return onHost ? after.currentNode : inner.currentNode; },
            nextNode() {
              if (!onHost) {
                const next = inner.nextNode();
                if (next) return next;
                onHost = true;
                return after.currentNode;
              }
              return after.nextNode();
            },
          };
        };
        await Promise.all(this.shadowRoot.getAnimations().map((a) => a.finished));
        return JSON.stringify((${SUMMARIZE})(await axe.run(this, ${JSON.stringify(AXE_OPTIONS)})));
      }`,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: string }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(`axe failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return JSON.parse(result.value!) as AxeSummary;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Opens every <details> (evidence lists), so that axe and screenshots see their content too. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

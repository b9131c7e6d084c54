// The banner lives in a closed shadow root that page scripts cannot reach; the DevTools
// protocol can (DOM.getDocument with pierce). Helpers for tests (and the demo) that read or press
// it.
import assert from 'node:assert/strict';
import type { CDPSession, Page } from 'puppeteer-core';
import { waitFor } from './browsers.ts';

/** A node of DOM.getDocument({depth: -1, pierce: true}). */
export interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

export function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Every node that passes `test`, in document order, through shadow roots. */
export function findNodes(node: DomNode, test: (n: DomNode) => boolean): DomNode[] {
  const children = [...(node.children ?? []), ...(node.shadowRoots ?? [])];
  return [...(test(node) ? [node] : []), ...children.flatMap((child) => findNodes(child, test))];
}

/** The text a node shows: its text nodes, through shadow roots, without style sheets. */
export function nodeText(node: DomNode): string {
  if (node.nodeName === 'STYLE') return '';
  if (node.nodeType === 3) return `${node.nodeValue ?? ''} `;
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(nodeText).join('');
}

/** The banner's closed shadow root, pierced by the DevTools protocol, or undefined when there is no banner. */
async function bannerShadowRoot(cdp: CDPSession): Promise<DomNode | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  return findNode(root, (n) => n.nodeName === 'CALLGUARD-BANNER')?.shadowRoots?.[0];
}

/** How many banner hosts are mounted (each copy of CallGuard's content script mounts its own). */
export async function bannerHostCount(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findNodes(root, (n) => n.nodeName === 'CALLGUARD-BANNER').length;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** What the banner shows, or null when no banner is mounted. */
export async function bannerText(page: Page): Promise<string | null> {
  const session = await page.createCDPSession();
  try {
    const shadow = await bannerShadowRoot(session);
    if (!shadow) return null;
    const text = nodeText(shadow).replace(/\s+/g, ' ').trim();
    return text.length > 0 ? text : null;
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Returns once the banner's animations (its fade-in) are over. */
async function bannerAnimationsDone(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    const shadow = await bannerShadowRoot(cdp);
    if (!shadow) return;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    // An animation cancelled by a new render rejects `finished`: the caller reads the text again.
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return Promise.allSettled(this.getAnimations().map((a) => a.finished)).then(() => {}); }',
      awaitPromise: true,
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * What the banner shows once it has settled: the same text for `quietMs` (while a call starts,
 * each new fact can change it) and its fade-in over, so that a screenshot shows it as it stays.
 */
export async function settledBannerText(page: Page, { quietMs = 1_000, timeoutMs = 20_000 } = {}): Promise<string> {
  let shown: string | null = null;
  let shownSince = Date.now();
  return await waitFor(
    async () => {
      const now = await bannerText(page);
      if (now !== shown) {
        shown = now;
        shownSince = Date.now();
        return null;
      }
      if (now === null || Date.now() - shownSince < quietMs) return null;
      await bannerAnimationsDone(page);
      return (await bannerText(page)) === now ? now : null;
    },
    { what: 'the CallGuard banner to settle', timeoutMs },
  );
}

/** Clicks a button of the banner by its label, with a real mouse click at its centre. */
export async function clickInBanner(page: Page, label: string): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findNode(root, (n) => n.nodeName === 'CALLGUARD-BANNER');
    const button = host && findNode(host, (n) => n.nodeName === 'BUTTON' && nodeText(n).trim() === label);
    assert.ok(button, `banner button ${label}`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Whether the banner shows wide (full or compact: 640 px at the top of the page), not only the
 * small pill, for browsers whose tests cannot pierce the closed shadow root (Firefox over BiDi):
 * what is on screen 300 px left of the centre, where the pill (at most 520 px wide) never reaches.
 */
export async function bannerWide(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('callguard-banner');
    return host !== null && [20, innerHeight - 20].some((y) => document.elementFromPoint(innerWidth / 2 - 300, y) === host);
  });
}

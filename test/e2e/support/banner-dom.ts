// The banner lives in a closed shadow root that page scripts cannot reach; the DevTools
// protocol can (DOM.getDocument with pierce). Helpers for tests that read or press it.
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';

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
  return findNodes(node, test)[0];
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

async function pageDocument(page: Page): Promise<DomNode> {
  const session = await page.createCDPSession();
  try {
    return ((await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }).root;
  } finally {
    await session.detach().catch(() => {});
  }
}

/** How many banner hosts are mounted (each copy of CallGuard's content script mounts its own). */
export async function bannerHostCount(page: Page): Promise<number> {
  return findNodes(await pageDocument(page), (n) => n.nodeName === 'CALLGUARD-BANNER').length;
}

/** What the banner shows, or null when no banner is mounted. */
export async function bannerText(page: Page): Promise<string | null> {
  const host = findNode(await pageDocument(page), (n) => n.nodeName === 'CALLGUARD-BANNER');
  if (!host?.shadowRoots?.length) return null;
  const text = nodeText(host.shadowRoots[0]!).replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : null;
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

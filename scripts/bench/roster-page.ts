// Bundled for the bench page (scripts/bench/roster.ts): the platforms' reader as the content
// script runs it, a roster grown from the page's own rows, and reads to time. `grow` also serves
// the unit test that counts a large roster's page queries (test/unit/core/platforms/scale.test.ts).
import { platformById } from '../../core/platforms/index';
import { readPage } from '../../core/platforms/read';
import { readRoster, rowMemo } from '../../core/platforms/roster';
import type { PlatformId } from '../../core/types';

/**
 * Grows the page's roster to `count` participants (names the reader lists; a participant may have
 * a row in the list and a tile): copies of the last row of the first kind the page shows (the
 * participant list before the tiles, in the declaration's order), each with a name of its own
 * wherever the row shows the name (text, labels, data attributes). Returns how many it lists.
 */
export function grow(doc: Document, id: PlatformId, count: number): number {
  const roster = platformById(id).detect.roster;
  if (!roster) throw new Error(`${id} declares no roster`);
  const rows = roster.rows.map((selector) => [...doc.querySelectorAll(selector)]).find((found) => found.length > 0);
  if (!rows) throw new Error(`no roster rows on the ${id} page`);
  const template = rows.at(-1)!;
  const nameElement = roster.name.map((selector) => template.querySelector(selector)).find(Boolean);
  const name = (roster.nameAttribute && nameElement?.getAttribute(roster.nameAttribute)) || nameElement?.textContent?.trim();
  if (!name) throw new Error(`no name in the last ${id} row`);
  const html = template.outerHTML;
  const copies: string[] = [];
  for (let listed = readRoster(doc, roster).count; listed < count; listed++) copies.push(html.split(name).join(`Person ${String(listed).padStart(4, '0')}`));
  template.insertAdjacentHTML('afterend', copies.join(''));
  return readRoster(doc, roster).count;
}

/** The rows read before, kept across reads as the content script keeps them. */
const memo = rowMemo();

/** Reads the page `count` times; how many names the last read listed, and the wall time taken. */
export function reads(id: PlatformId, count: number): { names: number; wallMs: number } {
  const platform = platformById(id);
  let names = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) names = readPage(platform, document, {}, memo).names.length;
  return { names, wallMs: performance.now() - start };
}

// Bundled for the bench page (scripts/bench/roster.ts): the platforms' reader as the content
// script runs it, a roster grown from the page's own rows, and reads to time. `grow` also serves
// the unit test that counts a large roster's page queries (test/unit/core/platforms/scale.test.ts).
import { platformById } from '../../core/platforms/index';
import { readPage } from '../../core/platforms/read';
import { readRoster, rosterRows, rowMemo } from '../../core/platforms/roster';
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

/** How a read finds the roster: every row new (the list just drawn), none changed, or some. */
export type ReadKind = 'first' | 'unchanged' | 'changed';

/** Of a roster this long, this many rows change before each 'changed' read: 1 in 100 (a speaker, a raised hand). */
const changedRows = (participants: number) => Math.max(1, Math.round(participants / 100));

/** The rows read before, kept across reads as the content script keeps them (one per document). */
let memo = rowMemo();
let changes = 0;

/**
 * Reads the page `count` times as `kind` says; how many names the last read listed, and the wall
 * time taken (the page's own changes before a 'changed' read included: they only add).
 */
export function reads(id: PlatformId, count: number, kind: ReadKind = 'unchanged'): { names: number; wallMs: number } {
  const platform = platformById(id);
  const rows = rosterRows(document, platform.detect.roster!);
  const changing = kind === 'changed' ? changedRows(rows.length) : 0;
  let names = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    if (kind === 'first') {
      memo.stop();
      memo = rowMemo();
    }
    // Another row each time, as a busy call changes them: an attribute set on an element inside it.
    for (let k = 0; k < changing; k++, changes++) {
      const row = rows[changes % rows.length]!;
      (row.lastElementChild ?? row).setAttribute('data-bench-change', String(changes));
    }
    names = readPage(platform, document, {}, memo).names.length;
  }
  return { names, wallMs: performance.now() - start };
}

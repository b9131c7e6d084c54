// @vitest-environment happy-dom
// The rows read before (rowMemo) are never stale: whatever changes in the roster between two
// reads (a row redrawn as another, a label or icon added, a text edited, a row gone or added, an
// element moved from one row to another), the read with the memo gives exactly what a fresh read
// gives. The memo's reads take both ways of finding the marks (queries on a few changed rows, one
// query per kind for the page when more than half changed); the fresh read always takes the page's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORM_MODULES } from '../../../../core/platforms/index';
import { KEPT_FROM_ROWS, readRoster, rosterRows, rowMemo, type RosterSpec } from '../../../../core/platforms/roster';
import { fixtureText, parseHtml } from '../../support/fixtures';
import { TABLE } from '../../support/fixture-table';

/** Values the platforms' own marks take (phone icons, labels), and a participant's words. */
const VALUES = [
  'lazy-svg-icon__icon lazy-icon-icons/participants-list/telephone-muted',
  'participants-icon__phone-speaking-icon',
  'roster-pstn-icon',
  'phone-icon',
  'identity-unverified',
  'icon-bbb-phone',
  'phoneUser',
  'userNameSubs',
  'participants-item__name-label',
  'Phone user',
  'telephone audio muted',
  'Guest',
  '(External)',
  'Unverified',
  'Bot',
  '+49 30 ****4567',
  'Anna Schmidt',
  '',
];
const ATTRIBUTES = ['class', 'aria-label', 'title', 'alt', 'data-test', 'data-tid', 'data-participant-id'];

type Step =
  | { kind: 'redraw' | 'clone'; row: number; donor: number }
  | { kind: 'text' | 'attribute'; row: number; at: number; attribute: number; value: number }
  | { kind: 'strip'; row: number; up: number; attribute: number }
  | { kind: 'remove'; row: number }
  | { kind: 'move' | 'nest'; row: number; at: number; to: number };

const index = fc.nat(1000);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('redraw' as const, 'clone' as const), row: index, donor: index }),
  fc.record({ kind: fc.constantFrom('text' as const, 'attribute' as const), row: index, at: index, attribute: index, value: index }),
  fc.record({ kind: fc.constant('strip' as const), row: index, up: fc.nat(2), attribute: index }),
  fc.record({ kind: fc.constant('remove' as const), row: index }),
  fc.record({ kind: fc.constantFrom('move' as const, 'nest' as const), row: index, at: index, to: index }),
);

const pick = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(items.length, 1)];

function apply(doc: Document, spec: RosterSpec, donors: readonly Element[], s: Step): void {
  const rows = rosterRows(doc, spec);
  const row = pick(rows, s.row);
  if (!row) return;
  const inside = (el: Element) => [el, ...el.querySelectorAll('*')];
  switch (s.kind) {
    case 'redraw': {
      // The app draws the row anew in place: another participant's attributes and contents.
      const donor = pick(donors, s.donor)!;
      for (const name of row.getAttributeNames()) row.removeAttribute(name);
      for (const name of donor.getAttributeNames()) row.setAttribute(name, donor.getAttribute(name)!);
      row.innerHTML = donor.innerHTML;
      return;
    }
    case 'clone':
      row.after(doc.importNode(pick(donors, s.donor)!, true));
      return;
    case 'text': {
      const texts: Text[] = [];
      const walker = doc.createTreeWalker(row, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const text = pick(texts, s.at);
      if (text) text.data = pick(VALUES, s.value)!;
      else pick(inside(row), s.at)!.append(pick(VALUES, s.value)!);
      return;
    }
    case 'attribute':
      pick(inside(row), s.at)!.setAttribute(pick(ATTRIBUTES, s.attribute)!, pick(VALUES, s.value)!);
      return;
    case 'strip': {
      // The row, or an element above it, loses an attribute: it may stop being a row (or a list of them).
      let at: Element = row;
      for (let up = 0; up < s.up && at.parentElement; up++) at = at.parentElement;
      const name = pick(at.getAttributeNames(), s.attribute);
      if (name) at.removeAttribute(name);
      return;
    }
    case 'remove':
      row.remove();
      return;
    case 'nest': {
      // A row drawn inside another row (a group that opens, a recycled element).
      const to = pick(rows, s.to);
      if (to && to !== row && !row.contains(to)) pick([to, ...to.querySelectorAll('*')], s.at)!.append(row);
      return;
    }
    case 'move': {
      const moved = pick(inside(row).slice(1), s.at);
      const to = pick(rows, s.to);
      if (moved && to && !moved.contains(to)) to.append(moved);
      return;
    }
  }
}

/** Each platform's fixture pages that list participants (GoTo's one fixture is its pre-join page). */
const rostered = PLATFORM_MODULES.map(({ platform }) => {
  const spec = platform.detect.roster;
  const pages = spec ? Object.keys(TABLE[platform.id] ?? {}).map((name) => fixtureText(`${platform.id}/${name}`)) : [];
  return { platform, withRows: spec ? pages.filter((html) => rosterRows(parseHtml(html), spec).length > 0) : [] };
}).filter(({ withRows }) => withRows.length > 0);

it('the memo is tried on the platforms whose fixtures list participants', () => {
  expect(rostered.map(({ platform }) => platform.id).sort()).toEqual(
    ['bigbluebutton', 'discord', 'element-call', 'google-meet', 'jitsi', 'slack', 'teams', 'webex', 'whereby', 'zoom'],
  );
});

describe('what a row shows depends on the row alone (what the memo keeps assumes it)', () => {
  const rosters = PLATFORM_MODULES.flatMap(({ platform }) => (platform.detect.roster ? [[platform.id, platform.detect.roster] as const] : []));
  const outsideQuotes = (selector: string) => selector.replace(/"[^"]*"|\[[^\]]*\]/g, '');
  const combinator = (selector: string) => /[\s>+~,]/.test(outsideQuotes(selector));
  // Pseudo-classes may look at siblings, ancestors or state (:nth-child, :has, :checked): none.
  const pseudo = (selector: string) => outsideQuotes(selector).includes(':');

  it.each(rosters)('%s: each mark selector is one compound selector without pseudo-classes, matched on the element alone', (_id, roster) => {
    for (const selector of [...(roster.phoneSelectors ?? []), ...(roster.externalSelectors ?? []), ...(roster.labelsIn ?? [])]) {
      expect(combinator(selector) || pseudo(selector), selector).toBe(false);
    }
  });

  it.each(rosters)('%s: no name selector has a pseudo-class', (_id, roster) => {
    for (const selector of roster.name) expect(pseudo(selector), selector).toBe(false);
  });

  it.each(rostered.map(({ platform, withRows }) => [platform.id, platform.detect.roster!, withRows] as const))(
    '%s: a name selector with a combinator finds its whole chain inside the row',
    (_id, roster, pages) => {
      for (const html of pages) {
        for (const row of rosterRows(parseHtml(html), roster)) {
          for (const selector of roster.name.filter(combinator)) expect(row.querySelector(selector)).toBe(row.querySelector(`:scope ${selector}`));
        }
      }
    },
  );
});

describe.each(rostered.map(({ platform, withRows }) => [platform.id, platform, withRows] as const))('%s: a read with the memo of the rows read before', (_id, platform, withRows) => {
  const spec = platform.detect.roster!;
  const donors = withRows.flatMap((html) => rosterRows(parseHtml(html), spec));

  it('gives what a fresh read gives, whatever changed in between', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 12 }), (page, steps) => {
        const doc = parseHtml(pick(withRows, page)!);
        // Rows kept however few (a fixture lists a handful; KEPT_FROM_ROWS is tested below).
        const memo = rowMemo(0);
        expect(readRoster(doc, spec, undefined, memo)).toEqual(readRoster(doc, spec));
        for (const [change, readNow] of steps) {
          apply(doc, spec, donors, change);
          if (readNow) expect(readRoster(doc, spec, undefined, memo)).toEqual(readRoster(doc, spec));
        }
        expect(readRoster(doc, spec, undefined, memo)).toEqual(readRoster(doc, spec));
      }),
      { numRuns: 150 },
    );
  });
});

describe('rowMemo', () => {
  const spec: RosterSpec = { rows: ['li'], name: ['.name'], phoneSelectors: ['.phone'], where: 'the list' };
  const list = (n: number) => parseHtml(`<ul>${Array.from({ length: n }, (_, i) => `<li><span class="name">P${i}</span><i></i></li>`).join('')}</ul>`);

  it('keeps no row of a short roster (reading it again costs less than watching it)', () => {
    const doc = list(KEPT_FROM_ROWS);
    const memo = rowMemo();
    readRoster(doc, spec, undefined, memo);
    expect(rosterRows(doc, spec).filter((row) => memo.reads.has(row))).toEqual([]);
  });

  it('reads again only the rows that changed', () => {
    const doc = list(KEPT_FROM_ROWS + 10);
    const memo = rowMemo();
    readRoster(doc, spec, undefined, memo);
    const rows = rosterRows(doc, spec);
    expect(rows.filter((row) => memo.reads.get(row) === undefined)).toEqual([]);
    rows[3]!.querySelector('i')!.className = 'phone';
    memo.update();
    expect(rows.filter((row) => memo.reads.get(row) === undefined)).toEqual([rows[3]]);
    const read = readRoster(doc, spec, undefined, memo);
    expect(read.participants.map((p) => `${p.kind}:${p.name}`)).toEqual(['phone:P3']);
  });

  it('an element once a row, now inside the row that holds it, does not hide a change from that row', () => {
    const byClass: RosterSpec = { ...spec, rows: ['.row'] };
    const fillers = Array.from({ length: KEPT_FROM_ROWS }, (_, i) => `<li class="row"><span class="name">P${i}</span></li>`).join('');
    const doc = parseHtml(`<ul>${fillers}<li class="row" id="a"><span class="name">Ann</span><div class="row" id="b"><span class="name">Bob</span><i></i></div></li></ul>`);
    const memo = rowMemo();
    const read = () => readRoster(doc, byClass, undefined, memo);
    expect(read().names).toContain('Bob'); // b is a row; a holds it, so a is a group of rows
    doc.getElementById('b')!.classList.remove('row');
    expect(read().names).toContain('Ann'); // b is no row now; a is, read and kept
    doc.querySelector('#b i')!.className = 'phone'; // inside b, which is inside a
    expect(read()).toEqual(readRoster(doc, byClass));
    expect(read().participants.map((p) => `${p.kind}:${p.name}`)).toEqual(['phone:Ann']);
  });

  it('sees a change made in the same task as the read, before any microtask runs', () => {
    const doc = list(KEPT_FROM_ROWS + 1);
    const memo = rowMemo();
    readRoster(doc, spec, undefined, memo);
    doc.querySelectorAll('i')[1]!.className = 'phone';
    expect(readRoster(doc, spec, undefined, memo).participants.map((p) => p.name)).toEqual(['P1']);
  });
});

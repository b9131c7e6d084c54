// @vitest-environment happy-dom
// A roster of 1,000 is still one call: reading its page costs the same page-wide queries as a
// roster of 100, and each further participant costs at most the look for its name, never a query
// per row for every mark the platform may draw (phone icons, labels) nor a look at its elements
// for every signal the page may show. The timings are the bench's (`npm run bench`,
// docs/performance.md); this counts the work, which does not depend on the machine.
import { describe, expect, it, vi } from 'vitest';
import { platformById } from '../../../../core/platforms/index';
import { pageView } from '../../../../core/platforms/page';
import { readPage } from '../../../../core/platforms/read';
import type { PlatformId } from '../../../../core/types';
import { grow } from '../../../../scripts/bench/roster-page';
import { fixtureText, parseHtml } from '../../support/fixtures';

/** The DOM's query methods, each call counted: page-wide lists, and lookups on one element. */
function countQueries(read: () => void): { lists: number; lookups: number } {
  const lists = [vi.spyOn(Document.prototype, 'querySelectorAll'), vi.spyOn(Element.prototype, 'querySelectorAll')];
  const lookups = [vi.spyOn(Element.prototype, 'querySelector'), vi.spyOn(Element.prototype, 'matches'), vi.spyOn(Element.prototype, 'closest')];
  read();
  const calls = (spies: { mock: { calls: unknown[] } }[]) => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  const counted = { lists: calls(lists), lookups: calls(lookups) };
  for (const spy of [...lists, ...lookups]) spy.mockRestore();
  return counted;
}

describe.each(['google-meet', 'zoom', 'teams', 'jitsi'] as PlatformId[])('%s with 100 and 1,000 participants', (id) => {
  it('queries the page as often, and looks at each further row only for its name', () => {
    const platform = platformById(id);
    const doc = parseHtml(fixtureText(`${id}/in-call.html`));
    const work = (participants: number) => {
      expect(grow(doc, id, participants)).toBe(participants);
      let names = 0;
      const counted = countQueries(() => (names = readPage(platform, doc, {}).names.length));
      expect(names).toBe(participants);
      return counted;
    };
    const small = work(100);
    const large = work(1000);
    expect(large.lists).toBe(small.lists);
    // findName: a name selector's `matches` and `querySelector` on the row, until one finds a name.
    expect((large.lookups - small.lookups) / 900).toBeLessThanOrEqual(2 * platform.detect.roster!.name.length);
  });
});

describe('pageView.search: what lies outside the roster rows, however long the roster', () => {
  it.each([5, 60])('with %i rows, the same elements as a plain query filtered by hand', (count) => {
    const rowsHtml = Array.from({ length: count }, (_, i) => `<li class="row"><span>P${i}</span><button aria-label="More for P${i}">…</button></li>`).join('');
    const doc = parseHtml(`<html><body><header><button>Leave</button><span title="Recording">●</span></header><ul>${rowsHtml}</ul><footer><button>Mute</button></footer></body></html>`);
    const rows = [...doc.querySelectorAll('.row')];
    const view = pageView(doc, ['.row'], rows);
    const outside = (selector: string) => [...doc.querySelectorAll(selector)].filter((el) => !el.closest('.row'));
    for (const selector of ['button', '[aria-label], [title]', 'span']) expect(view.search(selector)).toEqual(outside(selector));
  });
});

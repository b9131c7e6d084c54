// @vitest-environment happy-dom
// Participant-controlled text is hostile input. On every in-call fixture of every platform, a
// participant renames themself (their name changes wherever the page shows it, the app's own
// state included) and writes into the chat, captions and reactions, drawing from a corpus of
// indicator phrases, call-state words, phone-like strings and disguised bot names. Whatever they
// write, the verdict never moves towards safe: E2EE never becomes "on", the level never improves,
// no finding disappears, the phase never changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../../core/assess';
import { PLATFORM_MODULES } from '../../../../core/platforms/index';
import type { Platform } from '../../../../core/platforms/platform';
import { readPage } from '../../../../core/platforms/read';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import type { ConnectionFact, PageRead, Report } from '../../../../core/types';
import { levelRank } from '../../support/arbitraries';
import { appStateOf, fixtureText, parseHtml } from '../../support/fixtures';
import { HOSTILE_TEXT, WRITABLE_REGIONS } from '../../support/hostile';
import { inCallFixtures } from '../../support/fixture-table';

/** What the media path shows: none at all, or live media with an encoded transform on every track. */
const MEDIA: Record<string, ConnectionFact[]> = {
  none: [],
  encoded: [
    {
      id: 'pc1',
      state: 'connected',
      senders: [{ kind: 'audio', live: true, transformed: true }],
      receivers: [{ kind: 'video', live: true, transformed: true }],
    },
  ],
};

function readOf(platform: Platform, html: string, edit?: (doc: Document) => void): PageRead {
  const doc = parseHtml(html);
  edit?.(doc);
  return readPage(platform, doc, appStateOf(html));
}

function reportOf(platform: Platform, read: PageRead, connections: ConnectionFact[]): Report {
  const url = 'https://example.com/call';
  return assess({ url, platform: platform.id, frames: [{ url, page: read, rtc: { connections } }], policy: DEFAULT_POLICY, timeZone: null, now: new Date(0) });
}

/** Names of the participants a page shows whom CallGuard does not flag: the ones who could rename themselves. */
function ordinaryNames(platform: Platform, html: string, flagged: readonly string[]): string[] {
  const roster = platform.detect.roster;
  if (!roster) return [];
  const doc = parseHtml(html);
  const names = new Set<string>();
  for (const selector of roster.name) {
    for (const el of doc.querySelectorAll(selector)) {
      const name = ((roster.nameAttribute && el.getAttribute(roster.nameAttribute)) || el.textContent || '').trim();
      if (name.length >= 4 && !flagged.includes(name) && !/[<>&"'\\]/.test(name)) names.add(name);
    }
  }
  return [...names];
}

/** The regions a participant writes into (chat, captions), found on the page, with the element a line is drawn as. */
function writableRegions(platform: Platform, doc: Document): { region: Element; as: string }[] {
  return (WRITABLE_REGIONS[platform.id] ?? []).flatMap(({ selector, as }) => [...doc.querySelectorAll(selector)].map((region) => ({ region, as })));
}

const word = fc.constantFrom(...HOSTILE_TEXT);
const hostile = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a} ${b}`));

const cases = PLATFORM_MODULES.flatMap((module) => inCallFixtures(module.platform.id).map((file) => [module.platform.id, file, module.platform] as const));

describe('participant text never moves a verdict towards safe', () => {
  it('there are in-call fixtures to try on every platform with fixtures', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s/%s', (_id, file, platform) => {
    const html = fixtureText(`${_id}/${file}`);
    const baseline = readOf(platform, html);
    const before = Object.fromEntries(Object.entries(MEDIA).map(([media, connections]) => [media, reportOf(platform, baseline, connections)]));
    const names = ordinaryNames(platform, html, before.none!.participants.map((p) => p.name));
    fc.assert(
      fc.property(
        fc.option(fc.tuple(fc.constantFrom(...(names.length ? names : ['-'])), hostile), { nil: null }),
        fc.array(fc.tuple(fc.nat(), hostile), { maxLength: 4 }),
        (rename, writes) => {
          // A new name everywhere the old one shows, the app's own state included.
          const page = rename && names.length ? html.split(rename[0]).join(rename[1]) : html;
          const read = readOf(platform, page, (doc) => {
            const regions = writableRegions(platform, doc);
            for (const [at, text] of writes) {
              const target = regions[at % Math.max(regions.length, 1)];
              if (!target) continue;
              const line = doc.createElement(target.as);
              line.textContent = text;
              target.region.append(line);
            }
          });
          for (const [media, connections] of Object.entries(MEDIA)) {
            const was = before[media]!;
            const after = reportOf(platform, read, connections);
            const context = `${media} media; rename ${JSON.stringify(rename)}; writes ${JSON.stringify(writes)}`;
            if (was.e2ee !== 'on') expect(after.e2ee, context).not.toBe('on');
            expect(levelRank(after.level), context).toBeGreaterThanOrEqual(levelRank(was.level));
            for (const f of was.findings) expect(after.findings.map((g) => g.id), context).toContain(f.id);
            expect(after.phase, context).toBe(was.phase);
          }
        },
      ),
      { numRuns: 30 },
    );
    // 30 pages parsed and read twice each: seconds on a busy two-core machine, not a timing check.
  }, 30_000);
});

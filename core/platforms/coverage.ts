import type { PlatformId } from '../types';

/**
 * What each platform module reads, declared next to it (`export const coverage`), with the
 * fixtures (rebuilt from real-world evidence) that prove it. docs/platforms.md's matrix is
 * generated from these declarations, and test/unit/core/platforms/registry.test.ts checks both
 * that the doc is current and that every claimed signal is really detected on the named fixtures.
 * A signal CallGuard reads but has no evidence for is marked `unverified`, not claimed.
 */
export const SIGNALS = [
  'call-state',
  'lobby',
  'e2ee',
  'recording',
  'transcription',
  'dial-in',
  'external',
  'notetaker',
  'meeting-open',
  'join-button',
] as const;
export type Signal = (typeof SIGNALS)[number];

/**
 * How a signal is known:
 * - `page`: read from the page (selectors, roles/aria, text in en/de/fr);
 * - `fact`: the vendor's documented fact (the module's `fact`), with its source;
 * - `page+fact`: both (e.g. the page's own encryption indicator, overruled or backed by the fact);
 * - `app`: the app's own state, read by the main-world probe;
 * - `names`: participant names matched against known patterns (phone numbers, bot names).
 */
export type How = 'page' | 'fact' | 'page+fact' | 'app' | 'names';

export interface SignalClaim {
  how: How;
  /** Fixture files under test/fixtures/<platform>/ on which the signal must be detected. */
  fixtures: readonly string[];
  /** One short remark for the doc (where it is read, limits). */
  note?: string;
  /**
   * Read, but without evidence that the real page shows it this way (docs/evidence/<platform>.md
   * lists it as unverified): the doc says so instead of claiming the signal.
   */
  unverified?: string;
}

export type Coverage = Partial<Record<Signal, SignalClaim>>;

export interface PlatformCoverage {
  platform: Exclude<PlatformId, 'webrtc'>;
  name: string;
  tier: 1 | 2;
  coverage: Coverage;
}

const CELL: Record<How, string> = { page: 'page', fact: 'fact', 'page+fact': 'page + fact', app: 'app state', names: 'names' };

/** The platform × signal matrix as a Markdown table (the block docs/platforms.md embeds). */
export function coverageTable(platforms: readonly PlatformCoverage[]): string {
  const header = `| platform | tier | ${SIGNALS.join(' | ')} |`;
  const rule = `|---|---|${SIGNALS.map(() => '---').join('|')}|`;
  const rows = platforms.map(
    (p) =>
      `| ${p.name} (\`${p.platform}\`) | ${p.tier} | ${SIGNALS.map((s) => {
        const claim = p.coverage[s];
        return claim ? `${CELL[claim.how]}${claim.unverified ? ' (unverified)' : ''}` : '—';
      }).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

/** The remarks under the table: one line per platform and noted signal. */
export function coverageNotes(platforms: readonly PlatformCoverage[]): string {
  const lines: string[] = [];
  for (const p of platforms) {
    const notes = SIGNALS.flatMap((s) => {
      const claim = p.coverage[s];
      const words = [claim?.note, claim?.unverified ? `unverified: ${claim.unverified}` : undefined].filter(Boolean);
      return words.length ? [`${s}: ${words.join('; ')}`] : [];
    });
    if (notes.length) lines.push(`- **${p.name}**: ${notes.join('; ')}.`);
  }
  return lines.join('\n');
}

/** One row per fact: what is known of each service's E2EE in the browser, and who says so. */
export function factsTable(facts: Partial<Record<PlatformId, { e2eeInBrowser: string; statement: string; source: string }>>): string {
  const rows = Object.entries(facts).map(([id, f]) => `| \`${id}\` | ${f!.e2eeInBrowser} | ${f!.statement} | ${f!.source.split(' and ').map((u) => `<${u}>`).join('<br>')} |`);
  return ['| platform | E2EE in the browser | statement | source |', '|---|---|---|---|', ...rows].join('\n');
}

// The coverage matrix in docs/platforms.md is generated from the adapters' `coverage`
// declarations, and each claimed signal must really be detected on that platform's fixtures.
// After changing a declaration: UPDATE_DOCS=1 npx vitest run test/unit/platforms/coverage.test.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageNotes, coverageTable, factsTable, SIGNALS, type Signal, type SignalClaim } from '../../../core/platforms/coverage';
import { PLATFORM_COVERAGE } from '../../../core/platforms/coverage-list';
import { PLATFORM_FACTS } from '../../../core/platforms/facts';
import { adapterFor } from '../../../core/platforms/registry';
import type { AppState, PageRead, PlatformId, Report } from '../../../core/types';
import { FIXTURES, load, reportOf } from './support';

const DOC = resolve(import.meta.dirname, '../../../docs/platforms.md');
const START = '<!-- generated:coverage:start (test/unit/platforms/coverage.test.ts) -->';
const END = '<!-- generated:coverage:end -->';

function generatedBlock(): string {
  return [
    START,
    '',
    coverageTable(PLATFORM_COVERAGE),
    '',
    coverageNotes(PLATFORM_COVERAGE),
    '',
    '### Encryption facts',
    '',
    factsTable(PLATFORM_FACTS),
    '',
    END,
  ].join('\n');
}

interface Seen {
  read: PageRead;
  report: Report;
}

const PARTICIPANT_KIND = { 'dial-in': 'phone', external: 'external', notetaker: 'bot' } as const;

/** The evidence for one signal in one read, or null when the signal was not detected. */
function evidenceOf(signal: Signal, { read, report }: Seen): string[] | null {
  switch (signal) {
    case 'call-state':
      return read.phase === 'in-call' ? read.phaseEvidence : null;
    case 'lobby':
      return read.phase === 'lobby' ? read.phaseEvidence : null;
    case 'e2ee':
      // Read from the page, or at least the vendor's fact cited for an unknown verdict.
      return read.e2ee || report.e2eeEvidence.some((e) => e.includes('(source: ')) ? report.e2eeEvidence : null;
    case 'recording':
      return read.recording?.evidence ?? null;
    case 'transcription':
      return read.transcription?.evidence ?? null;
    case 'meeting-open':
      return read.meetingOpen?.evidence ?? null;
    default: {
      const flagged = read.participants.filter((p) => p.kind === PARTICIPANT_KIND[signal]);
      return flagged.length ? flagged.map((p) => p.evidence) : null;
    }
  }
}

function see(platform: PlatformId, file: string, app: AppState = {}): Seen {
  const read = adapterFor(platform).read(load(`${platform}/${file}`), app);
  return { read, report: reportOf(read) };
}

/** The claim's "how" must show in the evidence of at least one of its fixtures. */
function howShows(platform: PlatformId, signal: Signal, claim: SignalClaim, seen: Seen[]): Record<string, boolean> {
  const fact = PLATFORM_FACTS[platform];
  const evidence = seen.map((s) => (evidenceOf(signal, s) ?? []).join(' | '));
  const fromPage = seen.some((s, i) =>
    signal === 'e2ee'
      ? s.read.e2ee?.source === 'ui' || /the page claims/.test(evidence[i]!)
      : !/app state/.test(evidence[i]!) && evidence[i] !== '',
  );
  const checks: Record<string, boolean> = {};
  if (claim.how === 'page' || claim.how === 'page+fact') checks.page = fromPage;
  if (claim.how === 'fact' || claim.how === 'page+fact') checks.fact = !!fact && evidence.some((e) => e.includes(fact.source));
  // App state: the evidence with it holds something the page alone does not give.
  if (claim.how === 'app') {
    checks.app = claim.fixtures.some((file, i) => {
      const pageOnly = evidenceOf(signal, see(platform, file)) ?? [];
      return (evidenceOf(signal, seen[i]!) ?? []).some((e) => !pageOnly.includes(e));
    });
  }
  if (claim.how === 'names') checks.names = evidence.some((e) => /\bname (is|matches)\b/.test(e));
  return checks;
}

describe('docs/platforms.md', () => {
  it('embeds the coverage matrix and facts generated from the adapters', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start, 'generated block start marker').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = doc.slice(start, end + END.length);
    if (process.env.UPDATE_DOCS && current !== generatedBlock()) {
      writeFileSync(DOC, doc.slice(0, start) + generatedBlock() + doc.slice(end + END.length));
      return;
    }
    expect(current).toBe(generatedBlock());
  });

  it('covers every platform of DESIGN.md once, tier 1 with call state, lobby and encryption at least', () => {
    const ids = PLATFORM_COVERAGE.map((p) => p.platform);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      ['google-meet', 'zoom', 'teams', 'webex', 'jitsi', 'whereby', 'element-call', 'discord', 'slack', 'bigbluebutton', 'goto', 'whatsapp'].sort(),
    );
    for (const p of PLATFORM_COVERAGE) {
      expect(p.coverage['call-state'], `${p.platform} call state`).toBeDefined();
      expect(p.coverage.e2ee, `${p.platform} e2ee`).toBeDefined();
      if (p.tier === 1) expect(p.coverage.lobby, `${p.platform} lobby`).toBeDefined();
    }
  });
});

describe.each(PLATFORM_COVERAGE.map((p) => [p.platform, p] as const))('%s: what the matrix claims is detected', (platform, entry) => {
  const claimed = SIGNALS.flatMap((signal) => (entry.coverage[signal] ? [[signal, entry.coverage[signal]] as const] : []));

  it.each(claimed)('%s', (signal, claim) => {
    expect(claim.fixtures.length).toBeGreaterThan(0);
    const seen = claim.fixtures.map((file) => see(platform, file, claim.app));
    claim.fixtures.forEach((file, i) => {
      expect(evidenceOf(signal, seen[i]!), `${signal} on ${platform}/${file}`).not.toBeNull();
    });
    for (const [how, ok] of Object.entries(howShows(platform, signal, claim, seen))) {
      expect(ok, `${signal} on ${platform} is read by ${how}`).toBe(true);
    }
  });

  // A "—" in the matrix: none of the platform's fixtures shows that signal (read without app state).
  const unclaimed = SIGNALS.filter((s) => !entry.coverage[s] && s !== 'e2ee');
  if (unclaimed.length) {
    it.each(unclaimed)('%s is not claimed, and no fixture shows it', (signal) => {
      for (const file of readdirSync(resolve(FIXTURES, platform)).filter((f) => f.endsWith('.html'))) {
        expect(evidenceOf(signal, see(platform, file)), `${signal} on ${platform}/${file}`).toBeNull();
      }
    });
  }
});

describe('every adapter on pages it does not know', () => {
  const ADAPTED = PLATFORM_COVERAGE.map((p) => p.platform);

  it.each(ADAPTED)('%s: a page that changed beyond recognition reads no call and no flags, and is never ok', (platform) => {
    const read = adapterFor(platform).read(load('changed/unrecognisable.html'), {});
    expect(read.phase).toBe('unknown');
    expect(read.recording).toBeNull();
    expect(read.transcription).toBeNull();
    expect(read.participants).toEqual([]);
    expect(read.meetingOpen).toBeNull();
    expect(reportOf(read).level).not.toBe('ok');
  });

  const PHRASES = [
    'Leave',
    'Leave (Ctrl+Shift+H)',
    'Verlassen',
    'Quitter',
    'End call',
    'Disconnect',
    'Join now',
    'Someone will let you in shortly',
    'Please wait, the meeting host will let you in soon.',
    'Waiting for host',
    'The meeting is end-to-end encrypted',
    'End-to-end encrypted',
    'Encrypted',
    'Not encrypted',
    'Request to Speak',
    'Recording has started',
    'This meeting is being recorded',
    'Live transcription has been enabled',
    '(External)',
    'Unverified',
    'Identity unverified',
    'Guest',
    'Call-in User_1',
    '+49 30 ****4567',
    'Fireflies.ai Notetaker',
    'Lock Meeting',
    'Who can bypass the lobby? Everyone',
    'Anna Schmidt',
    '',
  ];
  const text = fc.oneof(fc.constantFrom(...PHRASES), fc.string({ maxLength: 20 }));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const attribute = fc.oneof(
    fc.tuple(fc.constant('aria-label'), text),
    fc.tuple(fc.constant('title'), text),
    fc.tuple(fc.constant('role'), fc.constantFrom('dialog', 'alert', 'status', 'list', 'listitem', 'tree', 'treeitem', 'tabpanel', 'menu', 'menuitemcheckbox', 'button', 'tooltip')),
    fc.tuple(fc.constant('aria-checked'), fc.constantFrom('true', 'false')),
    fc.tuple(fc.constant('id'), fc.constantFrom('wc-footer', 'hangup-button', 'prejoin-join-button', 'participants-ul', 'webclient', 'x')),
    fc.tuple(fc.constant('class'), fc.constantFrom('participants-li', 'participants-item__display-name', 'voiceUser_a1', 'tile_a1', 'rtcConnectionStatus_a1', 'x')),
    fc.tuple(fc.constant('data-test'), fc.constantFrom('leave-button', 'lobby-container', 'participant-item', 'participant-name', 'userListItem', 'join-button')),
    fc.tuple(fc.constant('data-tid'), fc.constantFrom('hangup-main-btn', 'participantsInCall-x', 'toggle-mute', 'app-bar')),
    fc.tuple(fc.constant('data-testid'), fc.constantFrom('incall_leave', 'videoTile', 'call-end', 'leaveButton')),
  );
  // No iframes: happy-dom logs every frame it may not load (the host pages are covered by the fixtures).
  const TAGS = ['div', 'span', 'button', 'li', 'ul', 'p', 'h1', 'h2', 'section', 'main', 'svg', 'label', 'input'];
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text.map(escape),
      fc
        .record({ tag: fc.constantFrom(...TAGS), attributes: fc.array(attribute, { maxLength: 3 }), children: fc.array(tie('node'), { maxLength: 4 }) })
        .map(({ tag, attributes, children }) => `<${tag}${attributes.map(([n, v]) => ` ${n}="${escape(v)}"`).join('')}>${children.join('')}</${tag}>`),
    ),
  }));
  const page = fc.array(node, { maxLength: 6 }).map((nodes) => `<!doctype html><html><body>${nodes.join('')}</body></html>`);

  it.each(ADAPTED.filter((p) => p !== 'google-meet' && p !== 'jitsi'))(
    '%s never throws, and its read never makes a report ok without E2EE confirmed on',
    (platform) => {
      const adapter = adapterFor(platform);
      fc.assert(
        fc.property(page, (html) => {
          const read = adapter.read(new DOMParser().parseFromString(html, 'text/html'), {});
          expect(read.platform).toBe(platform);
          const report = reportOf(read);
          if (report.level === 'ok') expect(report.e2ee).toBe('on');
          // A "never" platform is never on, whatever the page claims; off as soon as there is a call.
          if (PLATFORM_FACTS[platform]?.e2eeInBrowser === 'never') {
            expect(report.e2ee).not.toBe('on');
            if (read.phase === 'in-call') expect(report.e2ee).toBe('off');
          }
          // Nothing is "on" before the page shows a call.
          if (report.e2ee === 'on') expect(read.phase).toBe('in-call');
        }),
        { numRuns: 150 },
      );
    },
  );
});

// Random inputs for the property tests: pages, WebRTC facts, stats, policies. Shared by the
// files in this folder; not a test file itself.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { JITSI_FIELDS } from '../../../core/platforms/jitsi-app-state';
import type { Policy } from '../../../core/policy/types';
import {
  FINDING_IDS,
  PLATFORM_IDS,
  SEVERITIES,
  type AppState,
  type BrowserNetworkFacts,
  type CallPhase,
  type ConnectionFact,
  type FrameSignals,
  type PageRead,
  type Report,
  type TrackFact,
} from '../../../core/types';

export const PHASES: CallPhase[] = ['no-call', 'pre-join', 'lobby', 'in-call', 'unknown'];
export const LEVELS: Report['level'][] = ['danger', 'warning', 'ok', 'unknown'];
export const E2EE_STATES: Report['e2ee'][] = ['on', 'off', 'unknown'];
export const SOURCES = ['ui', 'rtc', 'platform', 'network', 'policy'] as const;
const LEVEL_RANK: Record<Report['level'], number> = { ok: 0, unknown: 1, warning: 2, danger: 3 };
export const levelRank = (level: Report['level']) => LEVEL_RANK[level];

// ---------------------------------------------------------------------------------------------
// Pages

/** Things platforms show, in the three UI languages, and things that look like them. */
const PHRASES = [
  'End-to-end encrypted',
  'end-to-end encryption',
  'This meeting is end-to-end encrypted',
  'not end-to-end encrypted',
  'Ende-zu-Ende-verschlüsselt',
  'chiffré de bout en bout',
  'Encrypted',
  'client-side encrypted',
  'This call is client-side encrypted',
  'Enhanced encryption',
  'Leave',
  'Leave call',
  'Join',
  'Join now',
  'Ready to join?',
  'Asking to be let in…',
  'Please wait, the meeting host will let you in soon',
  'Waiting for the host to start this meeting',
  'Share screen',
  'Present now',
  'New meeting',
  'Recording',
  'This meeting is being recorded',
  'This video call is being recorded',
  'Dieses Meeting wird aufgezeichnet',
  'Dieser Videoanruf wird aufgezeichnet',
  'The meeting is currently being recorded',
  'Live transcription is on',
  'Gemini is taking notes',
  'Gemini prend des notes',
  'Transcription started',
  'Call-in User',
  '+49 30 1234567',
  '(Guest)',
  'External',
  'Guest',
  'Fireflies.ai Notetaker',
  'Otter.ai',
  'Read.ai meeting notes',
  'Lock meeting',
  'Enable waiting room',
  'Stage',
  'Anna Schmidt',
  '',
];
export const text = fc.oneof(fc.constantFrom(...PHRASES), fc.string({ maxLength: 24 }));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Element openings built from the selectors the adapters themselves look for (tag, #id, .class,
 * [attr], [attr="v"], [attr*="v"] …), so random pages hit the adapters' real code paths.
 */
function selectorElements(): string[] {
  const dir = resolve(import.meta.dirname, '../../../core/platforms');
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(resolve(dir, f), 'utf8'))
    .join('\n');
  const found = new Set<string>();
  for (const [, literal] of source.matchAll(/'([^'\n]{2,120})'/g)) {
    for (const part of literal!.split(',')) {
      const compound = part.trim().split(/\s*[\s>+~]\s*/).pop() ?? '';
      const element = toElement(compound);
      if (element) found.add(element);
    }
  }
  return [...found];
}

function toElement(compound: string): string | null {
  const m = /^([a-z][a-z0-9-]*)?((?:[#.][\w-]+|\[[\w-]+(?:[*^$~|]?="[^"]*")?\])+)?$/i.exec(compound);
  if (!m || (!m[1] && !m[2])) return null;
  const tag = m[1] ?? 'div';
  if (/^(html|head|body|script|style|template|iframe)$/i.test(tag)) return null;
  const attrs: string[] = [];
  const classes: string[] = [];
  for (const [, kind, name] of (m[2] ?? '').matchAll(/([#.])([\w-]+)/g)) {
    if (kind === '#') attrs.push(`id="${escape(name!)}"`);
    else classes.push(name!);
  }
  for (const [, name, value] of (m[2] ?? '').matchAll(/\[([\w-]+)(?:[*^$~|]?="([^"]*)")?\]/g)) {
    attrs.push(`${name}="${escape(value ?? '')}"`);
  }
  if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
  return `${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}`;
}

const SELECTOR_ELEMENTS = selectorElements();
const TAGS = ['div', 'span', 'button', 'h1', 'h2', 'section', 'aside', 'ul', 'li', 'i', 'main', 'header', 'p', 'dialog', 'a', 'c-wiz'];
const attribute = fc.oneof(
  fc.tuple(fc.constant('aria-label'), text),
  fc.tuple(fc.constant('role'), fc.constantFrom('dialog', 'alertdialog', 'alert', 'status', 'list', 'listitem', 'banner', 'tooltip', 'button', 'toolbar', 'menuitemcheckbox', 'switch')),
  fc.tuple(fc.constant('aria-live'), fc.constantFrom('polite', 'assertive')),
  fc.tuple(fc.constantFrom('aria-checked', 'aria-pressed', 'aria-selected'), fc.constantFrom('true', 'false', 'mixed')),
  fc.tuple(fc.constantFrom('data-participant-id', 'data-self-name', 'data-name', 'data-tid', 'data-testid', 'title'), text),
  fc.tuple(fc.constantFrom('class', 'id'), fc.string({ maxLength: 12 })),
);
const element = fc.oneof(
  fc.constantFrom(...TAGS),
  ...(SELECTOR_ELEMENTS.length ? [fc.constantFrom(...SELECTOR_ELEMENTS)] : []),
);
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(escape),
    fc
      .record({
        open: element,
        attributes: fc.array(attribute, { maxLength: 3 }),
        children: fc.array(tie('node'), { maxLength: 4 }),
      })
      .map(({ open, attributes, children }) => {
        const tag = open.split(' ')[0]!;
        const attrs = attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
        return `<${open}${attrs}>${children.join('')}</${tag}>`;
      }),
  ),
}));
/** A random page, as HTML. */
export const pageHtml = fc
  .array(node, { maxLength: 8 })
  .map((nodes) => `<!doctype html><html><head><title>t</title></head><body>${nodes.join('')}</body></html>`);
export const selectorElementCount = SELECTOR_ELEMENTS.length;

/** What a page script could tell the probe about the app (Jitsi's state), well-typed or not. */
export const appState: fc.Arbitrary<AppState> = fc.oneof(
  fc.constant<AppState>({}),
  fc
    .record(
      {
        joined: fc.boolean(),
        e2eeEnabled: fc.boolean(),
        participants: fc.array(
          fc.record({ name: text, phone: fc.boolean(), e2ee: fc.option(fc.boolean(), { nil: undefined }), localRecording: fc.boolean() }),
          { maxLength: 3 },
        ),
        fileRecording: fc.boolean(),
        liveStreaming: fc.boolean(),
        transcribing: fc.boolean(),
        lobbyKnocking: fc.boolean(),
        lobbyEnabled: fc.boolean(),
        passwordLocked: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    // As the probe sends it: positional (core/platforms/jitsi-app-state.ts).
    .map(
      (jitsi): AppState => ({
        jitsi: JITSI_FIELDS.map((field) =>
          field === 'participants' ? jitsi.participants?.map((p) => [p.name, p.phone, p.e2ee, p.localRecording]) : jitsi[field],
        ),
      }),
    ),
);

// ---------------------------------------------------------------------------------------------
// Reports' inputs

const evidence = fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 2 });
const seen = fc.option(fc.record({ evidence }), { nil: null });

/** Any PageRead an adapter could produce (and many it would not). */
export const pageRead: fc.Arbitrary<PageRead> = fc.record({
  platform: fc.constantFrom(...PLATFORM_IDS),
  phase: fc.constantFrom(...PHASES),
  phaseEvidence: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }),
  e2ee: fc.option(fc.record({ state: fc.constantFrom('on' as const, 'off' as const), source: fc.constantFrom('ui' as const, 'platform' as const), evidence }), {
    nil: null,
  }),
  recording: seen,
  transcription: seen,
  participants: fc.array(
    fc.record({ kind: fc.constantFrom('phone' as const, 'external' as const, 'bot' as const, 'recorder' as const), name: text, evidence: fc.string({ minLength: 1, maxLength: 20 }) }),
    { maxLength: 3 },
  ),
  names: fc.array(text, { maxLength: 4 }),
  namesFrom: fc.constant('participant list'),
  phoneNames: fc.boolean(),
  meetingOpen: seen,
  unreadable: fc.array(fc.constantFrom('participants', 'recording', 'transcription', 'page', 'e2ee'), { maxLength: 2 }),
  joinControl: fc.boolean(),
});

export const track: fc.Arbitrary<TrackFact> = fc.record({
  kind: fc.constantFrom('audio' as const, 'video' as const),
  live: fc.boolean(),
  transformed: fc.boolean(),
});

const ADDRESSES = ['203.0.113.7', '198.51.100.20', '10.0.0.5', '192.168.1.20', '2001:db8::1', 'fe80::1', '::1', '127.0.0.1', 'not-an-ip', ''];
const address = fc.oneof(fc.constantFrom(...ADDRESSES), fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 }));

export const connection: fc.Arbitrary<ConnectionFact> = fc.record(
  {
    id: fc.string({ maxLength: 8 }),
    state: fc.oneof(fc.constantFrom('connected', 'connecting', 'new', 'disconnected', 'failed', 'closed'), fc.string({ maxLength: 8 })),
    senders: fc.array(track, { maxLength: 3 }),
    receivers: fc.array(track, { maxLength: 3 }),
    stats: fc.record(
      {
        localCandidateType: fc.constantFrom('host' as const, 'srflx' as const, 'prflx' as const, 'relay' as const),
        networkType: fc.oneof(fc.constantFrom('wifi', 'ethernet', 'cellular', 'vpn', 'unknown'), fc.string({ maxLength: 8 })),
        relayProtocol: fc.constantFrom('udp', 'tcp', 'tls'),
        publicAddress: address,
        dtlsState: fc.constantFrom('new', 'connecting', 'connected', 'closed', 'failed'),
        dtlsCipher: fc.oneof(fc.constantFrom('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_NULL_WITH_NULL_NULL'), fc.string({ maxLength: 12 })),
        srtpCipher: fc.oneof(fc.constantFrom('AES_CM_128_HMAC_SHA1_80', 'AEAD_AES_128_GCM', 'NULL'), fc.string({ maxLength: 12 })),
        tlsVersion: fc.constantFrom('FEFD', '0303'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['id', 'state', 'senders', 'receivers'] },
);

/** A live, connected call with no transform anywhere: strong evidence of no E2EE. */
export const plainLiveConnection: fc.Arbitrary<ConnectionFact> = fc
  .tuple(connection, fc.constantFrom('audio' as const, 'video' as const))
  .map(([c, kind]) => ({ ...c, state: 'connected', senders: [...c.senders, { kind, live: true, transformed: false }] }));

export const frame: fc.Arbitrary<FrameSignals> = fc.record(
  {
    url: fc.constantFrom('https://meet.google.com/abc-defg-hij', 'https://app.zoom.us/wc/123456789/join', 'about:blank'),
    page: fc.option(pageRead, { nil: null }),
    rtc: fc.option(fc.record({ connections: fc.array(connection, { maxLength: 3 }) }), { nil: null }),
    readError: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: ['url', 'page', 'rtc'] },
);

const CIDRS = ['203.0.113.0/24', '198.51.100.0/24', '10.0.0.0/8', '2001:db8::/32', '0.0.0.0/0', '::/0', 'not a cidr', '300.1.1.1/33'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Singapore', 'UTC', 'Not/AZone'];

/** Any well-typed policy (the validator already dropped wrong types). */
export const policy: fc.Arbitrary<Policy> = fc.record({
  requireE2EE: fc.boolean(),
  trustedNetworks: fc.subarray(CIDRS),
  trustVpn: fc.boolean(),
  homeTimeZones: fc.subarray(ZONES),
  allowedPlatforms: fc.subarray([...PLATFORM_IDS], { maxLength: 3 }),
  blockedPlatforms: fc.subarray([...PLATFORM_IDS], { maxLength: 3 }),
  conferenceSites: fc.constant([]),
  banner: fc.constantFrom('always' as const, 'risk' as const, 'off' as const),
  severity: fc.dictionary(fc.constantFrom(...FINDING_IDS), fc.constantFrom(...SEVERITIES), { maxKeys: 4 }),
  acknowledgeDanger: fc.boolean(),
  trustedInterceptionRoots: fc.subarray(['AA:BB', 'ab'.repeat(32)]),
  supportMessage: fc.oneof(fc.string({ maxLength: 20 }), fc.dictionary(fc.constantFrom('en', 'de', 'fr'), fc.string({ maxLength: 20 }))),
  supportUrl: fc.constantFrom('', 'https://help.example.com/', 'javascript:alert(1)'),
  acceptProviderEncryption: fc.subarray([...PLATFORM_IDS], { maxLength: 3 }),
  confirmBeforeJoin: fc.constantFrom('off' as const, 'warning' as const, 'danger' as const),
  allowNamesInExport: fc.boolean(),
});

export const browserNetwork: fc.Arbitrary<BrowserNetworkFacts | undefined> = fc.option(
  fc.record(
    {
      tls: fc.record(
        {
          checked: fc.boolean(),
          rootFingerprint: fc.constantFrom('AA:BB', 'ab'.repeat(32), ''),
          rootIsBuiltIn: fc.boolean(),
          rootSubject: fc.string({ maxLength: 20 }),
          host: fc.constantFrom('meet.google.com', 'app.zoom.us'),
        },
        { requiredKeys: ['checked'] },
      ),
      captivePortal: fc.constantFrom('unknown' as const, 'not_captive' as const, 'unlocked_portal' as const, 'locked_portal' as const, 'unsupported' as const),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

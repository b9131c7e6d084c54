// The isolated world's only door for main-world data: parseProbeMessage on anything a page could
// send, and summarizeStats on anything getStats() (or a page) could hand over (issue 9).
import { JITSI_FIELDS, parseJitsiWire } from '../../../core/platforms/jitsi-app-state';
import type { JitsiParticipant } from '../../../core/types';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProbeMessage } from '../../../core/channel';
import { summarizeStats, withoutNumbers } from '../../../core/rtc/summarize';
import type { ConnectionStats } from '../../../core/types';

const STATS_KEYS: (keyof ConnectionStats)[] = ['localCandidateType', 'networkType', 'relayProtocol', 'publicAddress', 'dtlsState', 'dtlsCipher', 'srtpCipher', 'tlsVersion'];
const JITSI_KEYS: readonly string[] = JITSI_FIELDS;

/** Keys that trip up naive code: prototype names, numbers, empty. */
const nastyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'toJSON', 'hasOwnProperty', '', '0', 'length'), fc.string({ maxLength: 10 }));
const value = fc.oneof(fc.anything({ maxDepth: 2, key: nastyKey }), fc.string({ maxLength: 300 }), fc.ipV4(), fc.constant(null));

/** Stats entries: real types and ids that point at each other, with random field values. */
const statsEntry = fc.record(
  {
    id: fc.oneof(fc.constantFrom('T1', 'CP1', 'L1', 'L2', 'R1'), fc.string({ maxLength: 4 }), fc.integer()),
    type: fc.oneof(fc.constantFrom('transport', 'candidate-pair', 'local-candidate', 'remote-candidate', 'inbound-rtp'), value),
    selectedCandidatePairId: fc.oneof(fc.constantFrom('CP1', 'nope'), value),
    localCandidateId: fc.oneof(fc.constantFrom('L1', 'L2', '__proto__'), value),
    candidateType: fc.oneof(fc.constantFrom('host', 'srflx', 'prflx', 'relay', 'evil'), value),
    address: fc.oneof(fc.ipV4(), fc.ipV6(), value),
    ip: value,
    relatedAddress: fc.oneof(fc.ipV4(), value),
    networkType: value,
    relayProtocol: value,
    dtlsState: value,
    dtlsCipher: value,
    srtpCipher: value,
    tlsVersion: value,
    selected: value,
    nominated: value,
    state: value,
  },
  { requiredKeys: [] },
);
const entries = fc.array(fc.oneof(statsEntry, fc.dictionary(nastyKey, value, { maxKeys: 4 })), { maxLength: 8 });

const trackLike = fc.oneof(
  fc.record({ kind: fc.constantFrom('audio', 'video'), live: fc.boolean(), transformed: fc.boolean() }),
  fc.record({ kind: value, live: value, transformed: value }, { requiredKeys: [] }),
);
const connectionLike = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 8 }), value),
    state: fc.oneof(fc.constantFrom('connected', 'closed'), value),
    senders: fc.oneof(fc.array(trackLike, { maxLength: 3 }), value),
    receivers: fc.oneof(fc.array(trackLike, { maxLength: 3 }), value),
    statsEntries: fc.oneof(entries, value),
  },
  { requiredKeys: [] },
);
const messageLike = fc.record(
  {
    rtc: fc.oneof(fc.record({ connections: fc.oneof(fc.array(connectionLike, { maxLength: 3 }), value) }, { requiredKeys: [] }), value),
    app: fc.oneof(fc.record({ jitsi: fc.oneof(fc.array(value, { maxLength: JITSI_KEYS.length + 1 }), value) }, { requiredKeys: [] }), value),
  },
  { requiredKeys: [] },
);
/** Anything a page can put in an event's detail, as the string the probe would send. */
const raw = fc.oneof(
  messageLike.map((m) => JSON.stringify(m)),
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc.anything({ maxDepth: 2 }),
  // A valid message with a piece cut off or garbage appended.
  fc.tuple(messageLike.map((m) => JSON.stringify(m)), fc.nat(), fc.string({ maxLength: 5 })).map(([s, cut, tail]) => s.slice(0, cut % (s.length + 1)) + tail),
);

const isShortString = (v: unknown) => typeof v === 'string' && v.length <= 200;

describe('parseProbeMessage on anything', () => {
  it('never throws; gives null or a message with exactly the known fields, well typed', () => {
    fc.assert(
      fc.property(raw, (input) => {
        const parsed = parseProbeMessage(input);
        if (parsed === null) return;
        expect(Object.keys(parsed).sort()).toEqual(['app', 'rtc']);
        expect(Object.keys(parsed.rtc)).toEqual(['connections']);
        expect(parsed.rtc.connections.length).toBeLessThanOrEqual(100);
        for (const c of parsed.rtc.connections) {
          expect(isShortString(c.id) && isShortString(c.state)).toBe(true);
          // Stats entries travel as their short strings and booleans; the background summarises them.
          for (const key of Object.keys(c)) expect(['id', 'state', 'senders', 'receivers', 'statsEntries']).toContain(key);
          for (const entry of c.statsEntries ?? []) for (const v of Object.values(entry)) expect(isShortString(v) || typeof v === 'boolean').toBe(true);
          for (const t of [...c.senders, ...c.receivers]) {
            expect(Object.keys(t).sort()).toEqual(['kind', 'live', 'transformed']);
            expect(['audio', 'video']).toContain(t.kind);
            expect(typeof t.live).toBe('boolean');
            expect(typeof t.transformed).toBe('boolean');
          }
          for (const [key, v] of Object.entries(c.stats ?? {})) {
            expect(STATS_KEYS).toContain(key);
            expect(isShortString(v)).toBe(true);
          }
        }
        expect(Object.keys(parsed.app).every((k) => k === 'jitsi')).toBe(true);
        // The app state travels as it came (bounded); Jitsi's reader keeps only well-typed facts.
        expect(parsed.app.jitsi === undefined || (Array.isArray(parsed.app.jitsi) && parsed.app.jitsi.length <= 16)).toBe(true);
        for (const [key, v] of Object.entries(parseJitsiWire(parsed.app.jitsi) ?? {})) {
          expect(JITSI_KEYS).toContain(key);
          if (key === 'participants') {
            expect(v === undefined || Array.isArray(v)).toBe(true);
            for (const p of (v as JitsiParticipant[] | undefined) ?? []) {
              expect(Object.keys(p).sort()).toEqual(['e2ee', 'localRecording', 'name', 'phone']);
              expect(isShortString(p.name) && typeof p.phone === 'boolean' && typeof p.localRecording === 'boolean').toBe(true);
              expect(p.e2ee === undefined || typeof p.e2ee === 'boolean').toBe(true);
            }
          } else expect(v === undefined || typeof v === 'boolean').toBe(true);
        }
        expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('never makes media look more transformed (or more live) than the message said', () => {
    const track = fc.record({ kind: fc.constantFrom('audio', 'video'), live: fc.boolean(), transformed: fc.boolean() });
    const connections = fc.array(
      fc.record({ id: fc.string({ maxLength: 8 }), state: fc.constantFrom('connected', 'new'), senders: fc.array(track, { maxLength: 3 }), receivers: fc.array(track, { maxLength: 3 }), statsEntries: entries }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(connections, (sent) => {
        const parsed = parseProbeMessage(JSON.stringify({ rtc: { connections: sent }, app: {} }))!;
        expect(parsed).not.toBeNull();
        expect(parsed.rtc.connections.map(({ id, state, senders, receivers }) => ({ id, state, senders, receivers }))).toEqual(
          sent.map(({ id, state, senders, receivers }) => ({ id, state, senders, receivers })),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('summarizeStats on anything', () => {
  it('never throws; keeps only known keys, with non-empty string values from the entries', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const stats = summarizeStats(list as Record<string, unknown>[]);
        const seenStrings = new Set(list.flatMap((e) => Object.values(e as object)).filter((v) => typeof v === 'string'));
        for (const [key, v] of Object.entries(stats)) {
          expect(STATS_KEYS).toContain(key);
          expect(typeof v === 'string' && v.length > 0).toBe(true);
          expect(seenStrings.has(v), `${key}=${v} comes from an entry`).toBe(true);
        }
        if (stats.localCandidateType) expect(['host', 'srflx', 'prflx', 'relay']).toContain(stats.localCandidateType);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same summary from the entries the probe sends (every number dropped)', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const sent = JSON.parse(`[${list.map((e) => JSON.stringify(e, withoutNumbers)).join(',')}]`) as Record<string, unknown>[];
        expect(summarizeStats(sent)).toEqual(summarizeStats(list as Record<string, unknown>[]));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the public address only from a server-reflexive or relay candidate', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const stats = summarizeStats(list as Record<string, unknown>[]);
        if (!stats.publicAddress) return;
        const from = (list as Record<string, unknown>[]).some(
          (e) =>
            (((e.candidateType === 'srflx' || e.candidateType === 'prflx') && (e.address === stats.publicAddress || e.ip === stats.publicAddress)) ||
              (e.candidateType === 'relay' && e.relatedAddress === stats.publicAddress)),
        );
        expect(from).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on entries that are not objects', () => {
    fc.assert(
      fc.property(fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 6 }), (list) => {
        expect(() => summarizeStats(list as Record<string, unknown>[])).not.toThrow();
      }),
    );
  });
});

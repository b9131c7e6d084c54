import { JITSI_FIELDS, parseJitsiWire, readJitsiAppState } from '../../../core/platforms/jitsi-app-state';
import { describe, it, expect } from 'vitest';
import { factsEventType, parseProbeMessage, requestEventType } from '../../../core/channel';
import { withStatsSummarized } from '../../../core/rtc/summarize';

const connection = (over: Record<string, unknown> = {}) => ({
  id: 'pc-1',
  state: 'connected',
  senders: [{ kind: 'audio', live: true, transformed: false }],
  receivers: [{ kind: 'video', live: true, transformed: true }],
  ...over,
});
const message = (over: Record<string, unknown> = {}) => ({ rtc: { connections: [connection()] }, app: {}, ...over });
/** The probe's message as the background keeps it: parsed in the page, its stats summarised on arrival. */
const parse = (value: unknown) => {
  const parsed = parseProbeMessage(JSON.stringify(value));
  if (!parsed) return null;
  return { ...parsed, rtc: withStatsSummarized({ url: '', page: null, rtc: parsed.rtc }).rtc! };
};
/** getStats() entries as Chromium reports a call through a STUN-mapped address on Wi-Fi. */
const srflxEntries = (local: Record<string, unknown> = {}, transport: Record<string, unknown> = {}) => [
  { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1', dtlsState: 'connected', ...transport },
  { id: 'CP1', type: 'candidate-pair', localCandidateId: 'L1', remoteCandidateId: 'R1', bytesSent: 1000 },
  { id: 'L1', type: 'local-candidate', candidateType: 'srflx', address: '203.0.113.7', networkType: 'wifi', relatedAddress: '192.168.1.20', ...local },
];

describe('parseProbeMessage', () => {
  it('accepts a valid message', () => {
    const raw = message({
      rtc: {
        connections: [connection({ statsEntries: srflxEntries() })],
      },
      app: { jitsi: jitsiWire({ joined: true, e2eeEnabled: false, participants: [['+49 30 1234567', true, false, false]], lobbyEnabled: true }) },
    });
    const parsed = parse(raw)!;
    expect(parsed.rtc).toEqual({
      connections: [
        {
          id: 'pc-1',
          state: 'connected',
          senders: [{ kind: 'audio', live: true, transformed: false }],
          receivers: [{ kind: 'video', live: true, transformed: true }],
          stats: { publicAddress: '203.0.113.7', networkType: 'wifi', localCandidateType: 'srflx', dtlsState: 'connected' },
        },
      ],
    });
    // The app state travels as it came; Jitsi's reader parses it (parseJitsiWire).
    expect(parseJitsiWire(parsed.app.jitsi)).toEqual({
      joined: true,
      e2eeEnabled: false,
      participants: [{ name: '+49 30 1234567', phone: true, e2ee: false, localRecording: false }],
      fileRecording: undefined,
      liveStreaming: undefined,
      transcribing: undefined,
      lobbyKnocking: undefined,
      lobbyEnabled: true,
      passwordLocked: undefined,
    });
  });

  it('drops fields it does not know, everywhere', () => {
    const parsed = parse({
      rtc: {
        connections: [
          connection({
            label: 'secret',
            senders: [{ kind: 'audio', live: true, transformed: false, trackId: 'abc', label: 'Built-in mic' }],
            statsEntries: srflxEntries({ networkType: undefined, localAddress: '192.168.1.20', raw: { a: 1 } }, { dtlsState: undefined }),
          }),
        ],
        extra: true,
      },
      app: { jitsi: [...jitsiWire({ joined: true }), 'jwt-token'], zoom: { anything: 1 } },
      evil: '<script>',
    })!;
    expect(Object.keys(parsed)).toEqual(['rtc', 'app']);
    expect(Object.keys(parsed.rtc)).toEqual(['connections']);
    expect(Object.keys(parsed.rtc.connections[0]!).sort()).toEqual(['id', 'receivers', 'senders', 'state', 'stats']);
    expect(parsed.rtc.connections[0]!.senders).toEqual([{ kind: 'audio', live: true, transformed: false }]);
    expect(parsed.rtc.connections[0]!.stats).toEqual({ publicAddress: '203.0.113.7', localCandidateType: 'srflx' });
    expect(Object.keys(parsed.app)).toEqual(['jitsi']);
    expect(JSON.stringify(parseJitsiWire(parsed.app.jitsi))).not.toContain('jwt-token');
  });

  it('keeps only the stats entries\' short strings and booleans, and the summary keeps only short strings', () => {
    const raw = parseProbeMessage(
      JSON.stringify(message({ rtc: { connections: [connection({ statsEntries: [{ id: 'T1', type: 'transport', bytes: 7, ok: true, nested: { a: 1 }, long: 'y'.repeat(201) }] })] } })),
    )!;
    expect(raw.rtc.connections[0]!.statsEntries).toEqual([{ id: 'T1', type: 'transport', ok: true }]);
  });

  it('summarises stats entries on arrival, keeping only short strings', () => {
    const parsed = parse(
      message({
        rtc: {
          connections: [
            connection({
              statsEntries: srflxEntries(
                { networkType: 'wifi', relayProtocol: 'tcp', address: 7 },
                { dtlsState: 5, srtpCipher: null, dtlsCipher: 'x'.repeat(201), tlsVersion: ['1.3'] },
              ),
            }),
          ],
        },
      }),
    )!;
    expect(parsed.rtc.connections[0]!.stats).toEqual({ networkType: 'wifi', relayProtocol: 'tcp', localCandidateType: 'srflx' });
    // Stats entries that are not a list are left out altogether.
    expect(parse(message({ rtc: { connections: [connection({ statsEntries: 'wifi' })] } }))!.rtc.connections[0]!).not.toHaveProperty('stats');
  });

  it('drops a candidate type that is not one of the four', () => {
    const parsed = parse(message({ rtc: { connections: [connection({ statsEntries: srflxEntries({ candidateType: 'evil' }) })] } }))!;
    expect(parsed.rtc.connections[0]!.stats).not.toHaveProperty('localCandidateType');
  });

  it('clamps lists: 100 connections, 100 tracks each, 5000 Jitsi participants', () => {
    const many = Array.from({ length: 150 }, (_, i) => connection({ id: `pc-${i}` }));
    many[0] = connection({ id: 'pc-0', senders: Array(150).fill({ kind: 'audio', live: true, transformed: false }) });
    const people = Array.from({ length: 6000 }, (_, i) => [`+49 30 ${1000000 + i}`, true, false, false]);
    const raw = JSON.stringify({ rtc: { connections: many }, app: { jitsi: jitsiWire({ participants: people }) } });
    expect(raw.length).toBeLessThan(1_000_000);
    const parsed = parseProbeMessage(raw)!;
    expect(parsed.rtc.connections).toHaveLength(100);
    expect(parsed.rtc.connections[99]!.id).toBe('pc-99');
    expect(parsed.rtc.connections[0]!.senders).toHaveLength(100);
    expect(parseJitsiWire(parsed.app.jitsi)?.participants).toHaveLength(5000);
  });

  it('keeps only well-typed Jitsi facts, by position', () => {
    const parsed = parse(
      message({
        app: {
          jitsi: jitsiWire({
            joined: 'true',
            e2eeEnabled: 1,
            fileRecording: true,
            participants: [['+1 555 123 4567', true, false, false], [7, true], null, ['y'.repeat(201), false], 'Bob'],
            passwordLocked: false,
          }),
        },
      }),
    )!;
    expect(parseJitsiWire(parsed.app.jitsi)).toMatchObject({
      joined: undefined,
      e2eeEnabled: undefined,
      fileRecording: true,
      participants: [{ name: '+1 555 123 4567', phone: true, e2ee: false, localRecording: false }],
      passwordLocked: false,
    });
    expect(parse(message({ app: { jitsi: 'yes' } }))!.app).toEqual({});
    expect(parse(message({ app: { jitsi: { joined: true } } }))!.app).toEqual({});
    expect(parse(message({ app: null }))!.app).toEqual({});
    expect(parse({ rtc: { connections: [] } })!.app).toEqual({});
    expect(parseJitsiWire(parse(message({ app: { jitsi: jitsiWire({ participants: 'not a list' }) } }))!.app.jitsi)?.participants).toBeUndefined();
  });


  it('reads what the probe reads from a Jitsi page, field for field', () => {
    const win = {
      APP: {
        conference: { isJoined: () => true },
        store: {
          getState: () => ({
            'features/e2ee': { enabled: true },
            'features/base/participants': { remote: new Map([['a', { name: 'Bernd', isJigasi: true, e2eeEnabled: false, localRecording: true }]]) },
            'features/recording': { sessionDatas: [{ mode: 'stream', status: 'pending' }] },
            'features/transcribing': { isTranscribing: true },
            'features/lobby': { knocking: false, lobbyEnabled: false },
            'features/base/conference': { locked: 'LOCKED_REMOTELY' },
          }),
        },
      },
    };
    const parsed = parse(message({ app: readJitsiAppState(win) }))!;
    expect(parseJitsiWire(parsed.app.jitsi)).toEqual({
      joined: true,
      e2eeEnabled: true,
      participants: [{ name: 'Bernd', phone: true, e2ee: false, localRecording: true }],
      fileRecording: false,
      liveStreaming: true,
      transcribing: true,
      lobbyKnocking: false,
      lobbyEnabled: false,
      passwordLocked: true,
    });
  });

  it('derives per-secret event types', () => {
    expect(factsEventType('s3cr3t')).toBe('callguard:facts:s3cr3t');
    expect(requestEventType('s3cr3t')).toBe('callguard:request:s3cr3t');
    expect(factsEventType('a')).not.toBe(factsEventType('b'));
  });
});

/** The probe's positional Jitsi facts, from named ones. */
function jitsiWire(named: Record<string, unknown>): unknown[] {
  return JITSI_FIELDS.map((field) => named[field]);
}

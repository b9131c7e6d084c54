import { describe, it, expect } from 'vitest';
import { summarizeStats, withoutNumbers } from '../../../../core/rtc/summarize';

type Entry = Record<string, unknown>;

/** Shaped like Chromium's getStats(): the transport names the selected pair. */
const chromium = (local: Entry, extra: Entry[] = []): Entry[] => [
  { id: 'OT01A1', type: 'outbound-rtp', kind: 'audio', bytesSent: 12345, transportId: 'T01' },
  {
    id: 'T01',
    type: 'transport',
    selectedCandidatePairId: 'CP01',
    dtlsState: 'connected',
    dtlsCipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    srtpCipher: 'AES_CM_128_HMAC_SHA1_80',
    tlsVersion: 'FEFD',
    iceState: 'connected',
  },
  { id: 'CP99', type: 'candidate-pair', localCandidateId: 'L-other', remoteCandidateId: 'R01', state: 'failed', nominated: false },
  { id: 'CP01', type: 'candidate-pair', localCandidateId: 'L01', remoteCandidateId: 'R01', state: 'succeeded', nominated: true },
  { id: 'L-other', type: 'local-candidate', candidateType: 'host', address: '192.168.1.20', networkType: 'ethernet', protocol: 'udp' },
  { id: 'L01', type: 'local-candidate', ...local },
  { id: 'R01', type: 'remote-candidate', candidateType: 'host', address: '142.250.82.1', port: 19305, protocol: 'udp' },
  ...extra,
];

const TRANSPORT = { dtlsState: 'connected', dtlsCipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', srtpCipher: 'AES_CM_128_HMAC_SHA1_80', tlsVersion: 'FEFD' };

describe('summarizeStats', () => {
  it('Chromium: selected pair → server-reflexive local candidate on Wi-Fi', () => {
    const stats = summarizeStats(
      chromium({ candidateType: 'srflx', address: '203.0.113.7', port: 54321, relatedAddress: '192.168.1.20', networkType: 'wifi', protocol: 'udp' }),
    );
    expect(stats).toEqual({ localCandidateType: 'srflx', networkType: 'wifi', publicAddress: '203.0.113.7', ...TRANSPORT });
  });

  it('Chromium: a relay candidate gives its related address as the public one, and the relay protocol', () => {
    const stats = summarizeStats(
      chromium({ candidateType: 'relay', address: '198.51.100.50', relatedAddress: '203.0.113.9', relayProtocol: 'tcp', networkType: 'wifi', url: 'turns:turn.example.com:443' }),
    );
    expect(stats).toMatchObject({ localCandidateType: 'relay', publicAddress: '203.0.113.9', relayProtocol: 'tcp' });
  });

  it('host-only pair: no public address unless a srflx candidate was gathered elsewhere', () => {
    const host = { candidateType: 'host', address: '10.0.0.5', networkType: 'ethernet', protocol: 'udp' };
    const alone = summarizeStats(chromium(host));
    expect(alone).toEqual({ localCandidateType: 'host', networkType: 'ethernet', ...TRANSPORT });
    expect(alone).not.toHaveProperty('publicAddress');

    const withSrflx = summarizeStats(
      chromium(host, [{ id: 'L02', type: 'local-candidate', candidateType: 'srflx', address: '203.0.113.40', networkType: 'ethernet' }]),
    );
    expect(withSrflx).toMatchObject({ localCandidateType: 'host', publicAddress: '203.0.113.40' });
  });

  it('Firefox: no transport entry; the pair marked selected', () => {
    const stats = summarizeStats([
      { id: 'p1', type: 'candidate-pair', localCandidateId: 'c-host', remoteCandidateId: 'r1', state: 'succeeded', nominated: true, selected: false },
      { id: 'p2', type: 'candidate-pair', localCandidateId: 'c-srflx', remoteCandidateId: 'r1', state: 'succeeded', nominated: true, selected: true },
      { id: 'c-host', type: 'local-candidate', candidateType: 'host', address: '192.168.1.20', protocol: 'udp' },
      { id: 'c-srflx', type: 'local-candidate', candidateType: 'srflx', address: '203.0.113.77', protocol: 'udp', relayProtocol: undefined },
      { id: 'r1', type: 'remote-candidate', candidateType: 'host', address: '142.250.82.1' },
    ]);
    expect(stats).toEqual({ localCandidateType: 'srflx', publicAddress: '203.0.113.77' });
  });

  it('falls back to a nominated, succeeded pair when nothing is marked selected', () => {
    const stats = summarizeStats([
      { id: 'p1', type: 'candidate-pair', localCandidateId: 'c1', state: 'in-progress', nominated: true },
      { id: 'p2', type: 'candidate-pair', localCandidateId: 'c2', state: 'succeeded', nominated: true },
      { id: 'c1', type: 'local-candidate', candidateType: 'host', address: '192.168.1.20' },
      { id: 'c2', type: 'local-candidate', candidateType: 'prflx', address: '203.0.113.5' },
    ]);
    expect(stats).toEqual({ localCandidateType: 'prflx', publicAddress: '203.0.113.5' });
  });

  it('reads the legacy ip field, and takes any iterable (a stats report)', () => {
    const report = new Map<string, Entry>([
      ['T', { id: 'T', type: 'transport', selectedCandidatePairId: 'P' }],
      ['P', { id: 'P', type: 'candidate-pair', localCandidateId: 'L' }],
      ['L', { id: 'L', type: 'local-candidate', candidateType: 'srflx', ip: '203.0.113.8' }],
    ]);
    expect(summarizeStats(report.values())).toEqual({ localCandidateType: 'srflx', publicAddress: '203.0.113.8' });
  });

  it('keeps nothing from an empty or odd report', () => {
    expect(summarizeStats([])).toEqual({});
    expect(summarizeStats([null as unknown as Entry, 5 as unknown as Entry, { type: 'codec', id: 'C1', mimeType: 'audio/opus' }])).toEqual({});
    // An unknown candidate type is not passed on; an empty address is no address.
    expect(summarizeStats(chromium({ candidateType: 'weird', address: '' }))).toEqual(TRANSPORT);
  });

  it('never copies raw stats fields', () => {
    const stats = summarizeStats(chromium({ candidateType: 'srflx', address: '203.0.113.7', port: 54321, foundation: '1', priority: 1 }));
    expect(Object.keys(stats).sort()).toEqual(['dtlsCipher', 'dtlsState', 'localCandidateType', 'publicAddress', 'srtpCipher', 'tlsVersion']);
  });

  it('reads no number: what the probe sends (numbers dropped) summarises the same, and is the same from poll to poll', () => {
    const poll = (n: number) =>
      chromium({ candidateType: 'srflx', address: '203.0.113.7', port: 54321, priority: 1686052607, networkType: 'wifi' }).map((entry) =>
        entry.type === 'candidate-pair' || entry.type === 'transport' ? { ...entry, bytesSent: 1000 * n, packetsSent: 10 * n, timestamp: 1.7e12 + n } : entry,
      );
    const sent = (entries: Entry[]) => entries.map((entry) => JSON.stringify(entry, withoutNumbers)).join(',');
    expect(sent(poll(1))).toBe(sent(poll(2)));
    expect(sent(poll(1))).not.toMatch(/bytesSent|timestamp|54321/);
    const received = JSON.parse(`[${sent(poll(1))}]`) as Entry[];
    expect(summarizeStats(received)).toEqual(summarizeStats(poll(1)));
    expect(summarizeStats(received)).toMatchObject({ localCandidateType: 'srflx', publicAddress: '203.0.113.7', networkType: 'wifi' });
  });

  it('links a pair to its local candidate by a string id only', () => {
    const numericIds = [
      { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1' },
      { id: 'CP1', type: 'candidate-pair', localCandidateId: 7 },
      { id: '7', type: 'local-candidate', candidateType: 'srflx', address: '203.0.113.7' },
    ];
    expect(summarizeStats(numericIds).publicAddress).toBe('203.0.113.7'); // from the candidate list, not the pair
    expect(summarizeStats(numericIds).localCandidateType).toBeUndefined();
  });
});

// Shared helpers for the platform adapter tests: fixtures as documents, and the expected read.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { assess } from '../../../core/assess';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { CallPhase, ConnectionFact, PageRead, ParticipantKind, Report } from '../../../core/types';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
export const fixtureText = (path: string) => readFileSync(resolve(FIXTURES, path), 'utf8');
/**
 * A fresh document per read: DOMParser documents run no scripts. The host pages' iframes get an
 * empty srcdoc here only, so happy-dom does not try (and loudly fail) to load the frame's page.
 */
export const load = (path: string) =>
  new DOMParser().parseFromString(fixtureText(path).replace(/<iframe\b/g, '<iframe srcdoc=""'), 'text/html');
export const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export interface Expected {
  phase: CallPhase;
  e2ee: { state: 'on' | 'off'; source: 'ui' | 'platform' } | null;
  recording?: boolean;
  transcription?: boolean;
  participants?: { kind: ParticipantKind; name: string }[];
  meetingOpen?: boolean;
}

export function expectRead(read: PageRead, want: Expected): void {
  expect(read.phase).toBe(want.phase);
  expect(read.phaseEvidence.length > 0).toBe(want.phase !== 'unknown');
  expect(read.e2ee && { state: read.e2ee.state, source: read.e2ee.source }).toEqual(want.e2ee);
  if (read.e2ee) expect(read.e2ee.evidence.length).toBeGreaterThan(0);
  expect(read.recording !== null).toBe(want.recording ?? false);
  expect(read.transcription !== null).toBe(want.transcription ?? false);
  const sort = (list: { kind: string; name: string }[]) => [...list].sort((a, b) => `${a.kind}${a.name}`.localeCompare(`${b.kind}${b.name}`));
  expect(sort(read.participants.map(({ kind, name }) => ({ kind, name })))).toEqual(sort(want.participants ?? []));
  for (const p of read.participants) expect(p.evidence).not.toBe('');
  expect(read.meetingOpen !== null).toBe(want.meetingOpen ?? false);
}

/** The report for one frame's read (and optional WebRTC facts), with the default policy. */
export function reportOf(read: PageRead, connections: ConnectionFact[] = [], url = 'https://example.com/'): Report {
  return assess({
    url,
    platform: read.platform,
    frames: [{ url, page: read, rtc: { connections } }],
    policy: DEFAULT_POLICY,
    timeZone: null,
    now: new Date(0),
  });
}

/** A live call whose media has no encoded transform at all. */
export const plainCall: ConnectionFact = {
  id: 'pc1',
  state: 'connected',
  senders: [{ kind: 'audio', live: true, transformed: false }],
  receivers: [{ kind: 'audio', live: true, transformed: false }],
};
/** A live call with an encoded transform on every track. */
export const transformedCall: ConnectionFact = {
  id: 'pc2',
  state: 'connected',
  senders: [{ kind: 'audio', live: true, transformed: true }],
  receivers: [{ kind: 'audio', live: true, transformed: true }],
};

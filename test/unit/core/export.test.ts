// "Export report": names and numbers replaced unless asked for (and allowed), the meeting link
// without its password, and a note of version, browser and effective settings.
import { describe, expect, it } from 'vitest';
import { exportedReport } from '../../../core/export';
import { effectivePolicy } from '../../../core/policy/effective';
import type { Report, ReportParticipant } from '../../../core/types';
import { HOSTILE_TEXT } from '../support/hostile';
import { finding, report as baseReport } from '../support/reports';

const AT = '2026-05-12T10:15:02.000Z';
const person = (kind: ReportParticipant['kind'], name: string): ReportParticipant => ({ kind, name, evidence: `${name}: flagged`, firstSeen: AT, lastSeen: AT, present: true });

function callWith(names: { kind: ReportParticipant['kind']; name: string }[]): Report {
  const participants = names.map(({ kind, name }) => person(kind, name));
  return baseReport('warning', [finding('dial-in-participant', 'warning', 'ui', participants.map((p) => p.evidence))], {
    url: 'https://us02web.zoom.us/wc/join/81234567890?pwd=Sup3rS3cret#success',
    participants,
    e2eeEvidence: [`Jitsi app state: ${names[0]?.name ?? ''} has E2EE off`],
    timeline: participants.map((p) => ({ at: AT, event: 'participant-joined' as const, participant: p.kind, detail: p.name })),
  });
}

const context = (includeNames: boolean, admin: Record<string, unknown> = {}) => ({
  includeNames,
  extensionVersion: '0.2.0',
  browser: 'Chromium 156',
  policy: effectivePolicy({}, admin),
  now: new Date(AT),
});

describe('exportedReport', () => {
  const names = [
    { kind: 'phone' as const, name: '+49 30 12345678' },
    { kind: 'external' as const, name: 'Eva Lindqvist (Guest)' },
    { kind: 'bot' as const, name: 'Fireflies.ai Notetaker' },
    ...HOSTILE_TEXT.filter((_, i) => i % 7 === 0).map((name) => ({ kind: 'external' as const, name })),
  ].filter((n) => n.name.trim().length > 1);

  it('replaces every name and number with a placeholder, wherever it appears', () => {
    const out = exportedReport(callWith(names), context(false));
    const json = JSON.stringify(out);
    for (const { name } of names) expect(json.includes(JSON.stringify(name).slice(1, -1)), name).toBe(false);
    expect(out.participants.map((p) => p.name)).toEqual(expect.arrayContaining(['[phone 1]', '[external 1]', '[bot 1]']));
    expect(out.timeline[0]!.detail).toBe('[phone 1]');
    expect(out.export.namesIncluded).toBe(false);
  });

  it('keeps names when the user asks, unless the organisation forbids it', () => {
    expect(exportedReport(callWith(names), context(true)).participants[0]!.name).toBe('+49 30 12345678');
    const forbidden = exportedReport(callWith(names), context(true, { allowNamesInExport: false }));
    expect(forbidden.participants[0]!.name).toBe('[phone 1]');
    expect(forbidden.export.namesIncluded).toBe(false);
  });

  it('never exports the meeting link\'s query or fragment (Zoom puts the password there)', () => {
    const out = exportedReport(callWith(names), context(true));
    expect(out.url).toBe('https://us02web.zoom.us/wc/join/81234567890');
    expect(JSON.stringify(out)).not.toContain('Sup3rS3cret');
  });

  it('a name that looks like a year or an address does not rewrite times, ids or the network', () => {
    const out = exportedReport(callWith([{ kind: 'external', name: '2026' }, { kind: 'external', name: 'e2ee' }]), context(false));
    expect(out.updatedAt).toBe(AT);
    expect(out.findings[0]!.id).toBe('dial-in-participant');
    expect(out.participants[0]!.name).toBe('[external 1]');
  });

  it('notes the version, the browser and the effective settings, with the organisation\'s lists counted', () => {
    const admin = { requireE2EE: true, trustedNetworks: ['203.0.113.0/24', '198.51.100.0/24'], blockedPlatforms: ['discord'] };
    const note = exportedReport(callWith(names), context(false, admin)).export;
    expect(note).toMatchObject({ extensionVersion: '0.2.0', browser: 'Chromium 156', exportedAt: AT });
    expect(note.policy).toMatchObject({ requireE2EE: true, trustedNetworks: 2, blockedPlatforms: ['discord'] });
    expect(note.policy.managed.sort()).toEqual(['blockedPlatforms', 'requireE2EE', 'trustedNetworks']);
    expect(JSON.stringify(note)).not.toContain('203.0.113.0');
  });
});

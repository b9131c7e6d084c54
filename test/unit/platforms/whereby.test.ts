import { describe, expect, it } from 'vitest';
import { whereby } from '../../../core/platforms/whereby';
import { expectRead, load, reportOf, plainCall, type Expected } from './support';

describe('Whereby adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['pre-join.html', { phase: 'pre-join', e2ee: null }],
    ['knocking.html', { phase: 'lobby', e2ee: null }],
    ['in-call.html', { phase: 'in-call', e2ee: null }],
    ['recording.html', { phase: 'in-call', e2ee: null, recording: true, participants: [{ kind: 'bot', name: 'tl;dv Recorder' }] }],
  ])('%s', (file, want) => {
    const read = whereby.read(load(`whereby/${file}`), {});
    expect(read.platform).toBe('whereby');
    expectRead(read, want);
  });

  it('leaves encryption unknown (small rooms only are E2EE), citing Whereby', () => {
    const report = reportOf(whereby.read(load('whereby/in-call.html'), {}));
    expect(report.e2ee).toBe('unknown');
    expect(report.level).toBe('unknown');
    expect(report.e2eeEvidence.join(' ')).toContain('whereby.com/information/security');
  });

  it.each<[string, boolean]>([
    ['https://whereby.com/kestrel-weekly', true],
    ['https://acme.whereby.com/kestrel', true],
    ['https://whereby.com/', false],
    ['https://whereby.com/information/security', false],
    ['https://whereby.com/user', false],
  ])('isCallUrl %s → %s', (url, want) => {
    expect(whereby.isCallUrl(new URL(url))).toBe(want);
  });

  it('WebRTC without transforms still decides "off" (see docs/platforms.md on peer-to-peer rooms)', () => {
    expect(reportOf(whereby.read(load('whereby/in-call.html'), {}), [plainCall]).e2ee).toBe('off');
  });
});

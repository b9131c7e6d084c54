import { describe, expect, it } from 'vitest';
import { goto } from '../../../core/platforms/goto';
import { expectRead, load, reportOf, type Expected } from './support';

describe('GoTo Meeting adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['pre-join.html', { phase: 'pre-join', e2ee: null }],
    ['waiting.html', { phase: 'lobby', e2ee: null }],
    ['in-call.html', { phase: 'in-call', e2ee: null, recording: true, participants: [{ kind: 'phone', name: '+44 20 7946 0958' }] }],
  ])('%s', (file, want) => {
    const read = goto.read(load(`goto/${file}`), {});
    expect(read.platform).toBe('goto');
    expectRead(read, want);
  });

  it('leaves encryption unknown (no vendor claim found), never ok', () => {
    const report = reportOf(goto.read(load('goto/in-call.html'), {}));
    expect(report.e2ee).toBe('unknown');
    expect(report.e2eeEvidence.join(' ')).toContain('support.goto.com');
    expect(report.level).toBe('warning');
  });
});

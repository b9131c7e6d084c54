// Two sources for "on" (the platform's own state or control, and the media path), one for "off".
import { describe, expect, it } from 'vitest';
import { judgeEncryption, withPlatformFact } from '../../../core/encryption';
import type { PlatformFact } from '../../../core/platforms/platform';
import { emptyRead } from '../../../core/platforms/read';
import type { ConnectionFact, PageRead } from '../../../core/types';

const fact = (e2eeInBrowser: PlatformFact['e2eeInBrowser']): PlatformFact => ({ e2eeInBrowser, statement: `${e2eeInBrowser} statement`, source: 'https://vendor.example/doc' });
const page = (e2ee: PageRead['e2ee'], phase: PageRead['phase'] = 'in-call'): PageRead => ({ ...emptyRead('jitsi'), phase, e2ee });
const ON: PageRead['e2ee'] = { state: 'on', source: 'ui', evidence: ['lock says encrypted'] };
const media = (transformed: boolean[]): ConnectionFact[] => [
  { id: 'pc', state: 'connected', senders: transformed.map((t) => ({ kind: 'audio' as const, live: true, transformed: t })), receivers: [] },
];

describe('judgeEncryption', () => {
  it.each<[string, PageRead['e2ee'], PlatformFact['e2eeInBrowser'], ConnectionFact[], string, RegExp]>([
    ['platform on, media encoded', ON, 'optional', media([true, true]), 'on', /media path agrees/],
    ['platform on, no media seen', ON, 'optional', [], 'unknown', /missing half: no live media/],
    ['platform on, one track plain', ON, 'optional', media([true, false]), 'off', /^partial:/],
    ['nothing said, media encoded', null, 'optional', media([true]), 'unknown', /missing half: the platform's own state/],
    ['"always" fact alone, media encoded', null, 'always', media([true]), 'on', /always statement/],
    ['"always" fact alone, no media', null, 'always', [], 'unknown', /missing half/],
    ['"never" fact and a page claiming on, media encoded', ON, 'never', media([true]), 'off', /claim is ignored/],
    ['media plain, nothing said', null, 'unknown', media([false]), 'off', /no encoded transform/],
  ])('%s → %s', (_name, e2ee, kind, connections, state, evidence) => {
    const verdict = judgeEncryption([page(e2ee)], connections, () => fact(kind));
    expect(verdict.state).toBe(state);
    expect(verdict.evidence.join(' | ')).toMatch(evidence);
  });

  it('off from any frame wins', () => {
    const off: PageRead['e2ee'] = { state: 'off', source: 'ui', evidence: ['not encrypted'] };
    expect(judgeEncryption([page(ON), page(off)], media([true]), () => fact('optional')).state).toBe('off');
  });

  it('the page saying "off" is the evidence shown, even when another frame has only the vendor fact', () => {
    const off: PageRead['e2ee'] = { state: 'off', source: 'ui', evidence: ['Security tab: not end-to-end encrypted'] };
    const verdict = judgeEncryption([page(null, 'no-call'), page(off)], [], () => fact('never'));
    expect(verdict).toMatchObject({ state: 'off', source: 'ui' });
    expect(verdict.evidence.join(' | ')).toMatch(/Security tab/);
  });

  it('a claim overruled in one frame is in the evidence, whichever frame came first', () => {
    const verdict = judgeEncryption([page(null, 'no-call'), page(ON)], [], () => fact('never'));
    expect(verdict).toMatchObject({ state: 'off', source: 'platform' });
    expect(verdict.evidence.join(' | ')).toMatch(/claim is ignored/);
  });
});

describe('judgeEncryption in a page CallGuard started in after it had loaded', () => {
  const late = (pages: PageRead[], connections: ConnectionFact[]) => judgeEncryption(pages, connections, () => fact('optional'), { startedLate: true });

  it('never confirms "on": connections made before it came were not seen, and the page could talk to the probe first', () => {
    const verdict = late([page(ON)], media([true, true]));
    expect(verdict.state).toBe('unknown');
    expect(verdict.evidence.join(' | ')).toMatch(/started after this page had loaded/);
  });

  it('says so, rather than that no media was seen', () => {
    expect(late([page(ON)], []).evidence.join(' | ')).not.toMatch(/no live media/);
    expect(late([page(null)], media([true])).evidence.join(' | ')).toMatch(/started after this page had loaded/);
  });

  it('still says "off" when what it does see is plain', () => {
    expect(late([page(ON)], media([false])).state).toBe('off');
  });
});

describe('withPlatformFact', () => {
  it('before the call, an "on" is not yet a claim; "off" already is', () => {
    expect(withPlatformFact(fact('optional'), ON, false)).toBeNull();
    expect(withPlatformFact(fact('always'), null, false)).toBeNull();
    expect(withPlatformFact(fact('never'), null, false)?.state).toBe('off');
  });
});

import { describe, expect, it } from 'vitest';
import { elementCall } from '../../../core/platforms/element-call';
import { expectRead, load, parse, plainCall, reportOf, transformedCall, type Expected } from './support';

describe('Element Call adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['pre-join.html', { phase: 'pre-join', e2ee: null }],
    ['lobby.html', { phase: 'lobby', e2ee: null }],
    ['in-call-encrypted.html', { phase: 'in-call', e2ee: { state: 'on', source: 'ui' } }],
    ['in-call-unencrypted.html', { phase: 'in-call', e2ee: { state: 'off', source: 'ui' }, participants: [{ kind: 'bot', name: 'Otter.ai' }] }],
  ])('%s', (file, want) => {
    const read = elementCall.read(load(`element-call/${file}`), {});
    expect(read.platform).toBe('element-call');
    expectRead(read, want);
  });

  it('is "on" only with the locks saying so and transforms on all media; a plain call contradicts it', () => {
    const read = elementCall.read(load('element-call/in-call-encrypted.html'), {});
    expect(reportOf(read, [transformedCall])).toMatchObject({ e2ee: 'on', level: 'ok' });
    expect(reportOf(read, [plainCall]).e2ee).toBe('off');
  });

  it('one participant "Not encrypted" makes the call not end-to-end encrypted', () => {
    const doc = parse(`<button data-testid="incall_leave"></button>
      <div data-testid="videoTile"><span aria-label="Encrypted"></span></div>
      <div data-testid="videoTile"><span title="Nicht verschlüsselt"></span></div>`);
    expect(elementCall.read(doc, {}).e2ee).toMatchObject({ state: 'off', source: 'ui' });
  });

  it('reads the locks in de and fr, and a browser that cannot encrypt', () => {
    expect(elementCall.read(parse('<button aria-label="Anruf beenden"></button><svg aria-label="Verschlüsselt"></svg>'), {}).e2ee?.state).toBe('on');
    expect(elementCall.read(parse('<button aria-label="Terminer l’appel"></button><svg aria-label="Non chiffré"></svg>'), {}).e2ee?.state).toBe('off');
    const unsupported = parse('<h1>Incompatible browser</h1><p>Your web browser does not support encrypted calls. Supported browsers include Chrome, Safari, and Firefox 117+.</p>');
    expect(elementCall.read(unsupported, {}).e2ee?.state).toBe('off');
  });

  it('in a call without any lock, encryption is unreadable, and the report unknown', () => {
    const read = elementCall.read(parse('<button data-testid="incall_leave"></button>'), {});
    expect(read.e2ee).toBeNull();
    expect(read.unreadable).toEqual(['e2ee']);
    expect(reportOf(read).e2ee).toBe('unknown');
  });
});

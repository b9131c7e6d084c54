import { describe, expect, it } from 'vitest';
import { whatsapp } from '../../../core/platforms/whatsapp';
import { expectRead, load, parse, reportOf, type Expected } from './support';

describe('WhatsApp Web adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    // The chat list: no call, so no encryption verdict either.
    ['chats.html', { phase: 'no-call', e2ee: null }],
    // Ringing is not a call yet: "always E2EE" is not claimed before a call is shown.
    ['calling.html', { phase: 'pre-join', e2ee: null }],
    ['in-call.html', { phase: 'in-call', e2ee: { state: 'on', source: 'ui' } }],
  ])('%s', (file, want) => {
    const read = whatsapp.read(load(`whatsapp/${file}`), {});
    expect(read.platform).toBe('whatsapp');
    expectRead(read, want);
  });

  it('a call without the label is still E2EE by the platform fact, with its source', () => {
    const read = whatsapp.read(parse('<button aria-label="End call"></button>'), {});
    expect(read.e2ee).toMatchObject({ state: 'on', source: 'platform' });
    expect(read.e2ee!.evidence.join(' ')).toContain('faq.whatsapp.com');
    expect(reportOf(read).level).toBe('ok');
  });

  it('reads the call in de and fr', () => {
    expect(whatsapp.read(parse('<button aria-label="Anruf beenden"></button>'), {}).phase).toBe('in-call');
    expect(whatsapp.read(parse('<button aria-label="Raccrocher"></button>'), {}).phase).toBe('in-call');
  });
});

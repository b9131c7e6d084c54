import { describe, expect, it } from 'vitest';
import { discord } from '../../../core/platforms/discord';
import { expectRead, load, parse, plainCall, reportOf, transformedCall, type Expected } from './support';

describe('Discord adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['text-channel.html', { phase: 'no-call', e2ee: null }],
    // A voice call: DAVE by design, and nothing on the page says otherwise.
    ['voice-call.html', { phase: 'in-call', e2ee: { state: 'on', source: 'platform' }, participants: [{ kind: 'bot', name: 'Fireflies.ai Notetaker' }] }],
    ['privacy.html', { phase: 'in-call', e2ee: { state: 'on', source: 'ui' } }],
    // Stage channels are excluded from DAVE.
    ['stage.html', { phase: 'in-call', e2ee: { state: 'off', source: 'platform' } }],
  ])('%s', (file, want) => {
    const read = discord.read(load(`discord/${file}`), {});
    expect(read.platform).toBe('discord');
    expectRead(read, want);
  });

  it('cites DAVE, and names the Stage channel when it says off', () => {
    expect(discord.read(load('discord/voice-call.html'), {}).e2ee!.evidence.join(' ')).toContain('discord.com/blog/bringing-dave-to-all-discord-platforms');
    expect(discord.read(load('discord/stage.html'), {}).e2ee!.evidence[0]).toMatch(/this is a Stage channel \(text "(Stage Channel|Request to Speak)"\)/);
  });

  it('DAVE uses encoded transforms: media without them contradicts the platform fact', () => {
    const read = discord.read(load('discord/voice-call.html'), {});
    expect(reportOf(read, [transformedCall]).e2ee).toBe('on');
    expect(reportOf(read, [plainCall])).toMatchObject({ e2ee: 'off' });
  });

  it('is never "on" without a call on the page', () => {
    expect(discord.read(parse('<button>Join Voice</button>'), {})).toMatchObject({ phase: 'pre-join', e2ee: null });
    expect(discord.read(parse('<p>hello</p>'), {})).toMatchObject({ phase: 'unknown', e2ee: null });
  });

  it('reads the call by its Disconnect button in en, de and fr', () => {
    for (const label of ['Disconnect', 'Verbindung trennen', 'Se déconnecter']) {
      expect(discord.read(parse(`<button aria-label="${label}"></button>`), {}).phase, label).toBe('in-call');
    }
  });
});

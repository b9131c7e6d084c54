import { describe, expect, it } from 'vitest';
import { slack } from '../../../core/platforms/slack';
import { expectRead, load, parse, reportOf, type Expected } from './support';

const OFF = { state: 'off', source: 'platform' } as const;

describe('Slack huddle adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['channel.html', { phase: 'no-call', e2ee: null }],
    ['huddle.html', { phase: 'in-call', e2ee: OFF }],
    ['huddle-notes.html', { phase: 'in-call', e2ee: OFF, transcription: true, participants: [{ kind: 'bot', name: 'Otter.ai' }] }],
  ])('%s', (file, want) => {
    const read = slack.read(load(`slack/${file}`), {});
    expect(read.platform).toBe('slack');
    expectRead(read, want);
  });

  it('says huddles are not E2EE, citing Slack', () => {
    const report = reportOf(slack.read(load('slack/huddle.html'), {}));
    expect(report.findings.find((f) => f.id === 'e2ee-off')).toMatchObject({ source: 'platform' });
    expect(report.e2eeEvidence.join(' ')).toContain('slack.com/help/articles/115003560786');
  });

  it('reads the huddle by its leave button in en, de and fr', () => {
    for (const label of ['Leave huddle', 'Huddle verlassen', 'Quitter le huddle']) {
      expect(slack.read(parse(`<button aria-label="${label}"></button>`), {}).phase, label).toBe('in-call');
    }
  });
});

import { describe, it, expect } from 'vitest';
import { flagNames, looksLikeNotetaker, looksLikePhoneNumber, uniqueParticipants } from '../../../core/platforms/participants';

describe('looksLikePhoneNumber', () => {
  it.each([
    '+49 30 1234567',
    '+1 (555) 123-4567',
    '(555) 123-4567',
    '+44 20 7946 0958',
    '030 1234567',
    '555.123.4567',
    '+33 1 23 45 67 89',
    '+4930/1234567',
    '  +49 30 1234567  ',
  ])('%s is a phone number', (name) => {
    expect(looksLikePhoneNumber(name)).toBe(true);
  });

  it.each([
    'Anna Schmidt',
    'Room 101',
    '101',
    '12345',
    '2024',
    '+49',
    '',
    'Tel. +49 30 1234567',
    'Anna (+49 30 1234567)',
    '1234567890123456', // 16 digits: longer than any E.164 number
    '+49 30 123-xxx-67', // masked numbers are not read as numbers
    'Meeting Room 4.12',
  ])('%s is not a phone number', (name) => {
    expect(looksLikePhoneNumber(name)).toBe(false);
  });
});

describe('looksLikeNotetaker', () => {
  it.each([
    'Fireflies.ai Notetaker Anna',
    "Anna's Fireflies.ai Notetaker",
    'Fireflies',
    'Liminal Notetaker',
    "Anna's Notetaker",
    'Note Taker',
    'Otter.ai',
    "Anna's OtterPilot",
    'Read.ai meeting notes',
    'Fathom Notetaker',
    'tl;dv',
    'Recall.ai bot',
    'MeetGeek',
    'Avoma Assistant',
    'Gong.io Recorder',
    'Sembly AI',
    'Supernormal',
    'Jamie AI',
    'Gemini taking notes',
    'Copilot',
    'Tactiq',
    'Bluedot Recorder',
    'Circleback',
    'Krisp AI Notetaker',
    'Notta Bot',
    'Grain Recorder',
    "Anna's AI Notetaker",
    'Meeting Recorder',
  ])('%s is a note-taking bot', (name) => {
    expect(looksLikeNotetaker(name)).toBe(true);
  });

  it.each([
    'Anna Schmidt',
    'Otto',
    'Otto Müller',
    'Anna Otter', // a surname, not the bot
    'Li Gong', // a common surname, not the bot
    'Jamie Smith',
    'Bernd Müller',
    'Claire Dubois',
    'Reading Group',
    'Gemini',
    'Anna Krisp', // surnames and first names that share a product's name
    'Notta Rossi',
    'Tom Grain',
    'Sybill Trelawney',
    'Nyota Uhura',
    '',
  ])('%s is not a note-taking bot', (name) => {
    expect(looksLikeNotetaker(name)).toBe(false);
  });
});

describe('flagNames and uniqueParticipants', () => {
  it('keeps only phones and bots, with where they were read', () => {
    expect(flagNames(['Anna Schmidt', '+49 30 1234567', 'Otter.ai', 'Claire Dubois'], 'test list')).toEqual([
      { kind: 'phone', name: '+49 30 1234567', evidence: 'name is a phone number (test list)' },
      { kind: 'bot', name: 'Otter.ai', evidence: 'name matches a note-taking bot (test list)' },
    ]);
    expect(flagNames([], 'x')).toEqual([]);
  });

  it('keeps one entry per name and kind, the first evidence found', () => {
    expect(
      uniqueParticipants([
        { kind: 'phone', name: '+49 30 1234567', evidence: 'first' },
        { kind: 'phone', name: '+49 30 1234567', evidence: 'second' },
        { kind: 'bot', name: '+49 30 1234567', evidence: 'other kind' },
        { kind: 'external', name: '', evidence: 'label' },
        { kind: 'external', name: '', evidence: 'label again' },
      ]),
    ).toEqual([
      { kind: 'phone', name: '+49 30 1234567', evidence: 'first' },
      { kind: 'bot', name: '+49 30 1234567', evidence: 'other kind' },
      { kind: 'external', name: '', evidence: 'label' },
    ]);
  });
});

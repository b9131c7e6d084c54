// Unicode hardening of participant-written text: what a name looks like, and its skeleton.
import { describe, expect, it } from 'vitest';
import { containsWords, skeleton, visibleText } from '../../../core/text';

describe('visibleText', () => {
  it.each([
    ['Fire\u200Bflies.ai', 'Fireflies.ai'],
    ['Ｆｉｒｅｆｌｉｅｓ.ai', 'Fireflies.ai'],
    ['\u202EAnna\u202C  Schmidt ', 'Anna Schmidt'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['\uFEFFBOM', 'BOM'],
    ['𝐀𝐧𝐧𝐚', 'Anna'],
    ['Anna\u00A0Schmidt', 'Anna Schmidt'],
  ])('%j → %j', (input, output) => expect(visibleText(input)).toBe(output));
});

describe('skeleton', () => {
  it.each([
    ['Otter.ai', '0tter.ai'],
    ['Otter.ai', 'Оtter.ai'], // Cyrillic capital O
    ['Fireflies', 'FIREFLIES'],
    ['Fireflies', 'Fireﬂ1es'], // fl ligature, digit one
    ['notetaker', 'nоtеtаkеr'], // Cyrillic o, e, a
    ['Fathom', 'Fathorn'],
    ['read.ai', 'rеad.aі'],
    ['Fireflies.ai', 'Fîreflíes.ai'],
  ])('%j and %j share a skeleton', (a, b) => expect(skeleton(b)).toBe(skeleton(a)));

  it.each([
    ['Anna Schmidt', 'Anna Schmitt'],
    ['Otter', 'Oster'],
  ])('%j and %j do not', (a, b) => expect(skeleton(a)).not.toBe(skeleton(b)));

  it('turns punctuation and spaces into single spaces', () => {
    expect(skeleton('  Fireflies.ai — Notetaker  ')).toBe(skeleton('fireflies ai notetaker'));
  });
});

describe('containsWords', () => {
  it('finds a phrase as whole words only', () => {
    expect(containsWords(skeleton('Fireflies.ai Notetaker Anna'), skeleton('notetaker'))).toBe(true);
    expect(containsWords(skeleton("Anna's Notetakers club"), skeleton('notetaker'))).toBe(false);
    expect(containsWords(skeleton('Anna Otter'), skeleton('otter.ai'))).toBe(false);
    expect(containsWords('anything', '')).toBe(false);
  });
});

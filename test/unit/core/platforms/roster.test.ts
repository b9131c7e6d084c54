// @vitest-environment happy-dom
// Who is in the call, as far as privacy goes: phone lines, externals, bots and recorders, from the
// marks the platform draws next to a name and, hardened, from the name itself.
import { describe, expect, it } from 'vitest';
import { botKinds, flagNames, looksLikeMaskedPhone, looksLikePhoneNumber, phoneName } from '../../../../core/platforms/names';
import fc from 'fast-check';
import {
  BOT_LABELS,
  EXTERNAL_ICON_LABELS,
  EXTERNAL_LABELS,
  LABEL_WORD_PARTS,
  MARK_WORD_PARTS,
  PHONE_ICON_LABELS,
  readRoster,
  type RosterSpec,
} from '../../../../core/platforms/roster';
import { parseHtml } from '../../support/fixtures';

describe('phone lines', () => {
  it.each(['+49 30 1234567', '+1 (555) 010-2345', '030/1234567', '+1 650-***-**89', '(650) ***-**89', '+49 30 ••••••78', '*******1234', '+1 415-xxx-x789'])('%j is a phone line', (name) => {
    expect(phoneName(name)).not.toBeNull();
  });
  it.each(['Anna Schmidt', '12345', 'Room 101', '2026', '***', 'x-ray', 'Fireflies.ai'])('%j is not', (name) => {
    expect(phoneName(name)).toBeNull();
  });
  it('knows the platforms\' default names for callers', () => {
    expect(phoneName('Call-in User_2')).toMatch(/default name/);
    expect(looksLikePhoneNumber('+49 30 123\u200B4567')).toBe(true);
    expect(looksLikeMaskedPhone('+49 30 ****4567')).toBe(true);
  });
});

describe('bots', () => {
  it.each([
    ['Fireflies.ai Notetaker Bruno', 'bot'],
    ["Siddhartha's Notetaker (Otter.ai)", 'bot'],
    ['read.ai meeting notes', 'bot'],
    ["George's Fathom Notetaker", 'bot'],
    ['0tter.ai', 'bot'],
    ['![RECORDING] Craig', 'recorder'],
    ['[REC] Bob', 'recorder'],
    ['Meeting Recorder', 'recorder'],
  ])('%j is a %s', (name, kind) => expect(botKinds(name).map((k) => k.kind)).toContain(kind));

  it.each(['Anna Otter', 'Jamie Gong', 'Grain Müller', 'Krisp Jones', 'Anna Schmidt'])('%j is a person', (name) => {
    expect(botKinds(name)).toEqual([]);
  });

  it('says when a name was disguised', () => {
    expect(botKinds('Оtter.ai')[0]!.evidence).toMatch(/look-alike or invisible/);
    expect(botKinds('Otter.ai')[0]!.evidence).not.toMatch(/look-alike/);
  });

  it('flagNames keeps only flagged names; phoneNames:false where the app says who dialled in', () => {
    expect(flagNames(['Anna', '+49 30 1234567', 'Otter.ai'], 'list').map((p) => p.kind)).toEqual(['phone', 'bot']);
    expect(flagNames(['+49 30 1234567'], 'list', { phoneNames: false })).toEqual([]);
  });
});

const SPEC: RosterSpec = {
  rows: ['[role="listitem"]'],
  name: ['.name'],
  phoneSelectors: ['.phone-icon'],
  labelsIn: ['.labels'],
  where: 'test list',
};
const read = (rows: string, spec: RosterSpec = SPEC) => readRoster(parseHtml(`<div role="list">${rows}</div>`), spec);

describe('readRoster', () => {
  it('reads the platform\'s marks next to a name', () => {
    const roster = read(`
      <div role="listitem"><span class="name">Anna</span></div>
      <div role="listitem"><span class="name">Bernd</span><i class="phone-icon"></i></div>
      <div role="listitem"><span class="name">Claire</span><span class="labels">Presenter | Guest</span></div>
      <div role="listitem"><span class="name">Dora</span><span class="labels">(Host, guest)</span></div>
      <div role="listitem"><span class="name">Eve</span><i title="Identity unverified"></i></div>
      <div role="listitem"><span class="name">Bot</span><span class="labels">Bot</span></div>`);
    expect(roster.count).toBe(6);
    expect(roster.participants.map((p) => `${p.kind}:${p.name}`).sort()).toEqual(['bot:Bot', 'external:Claire', 'external:Dora', 'external:Eve', 'phone:Bernd'].sort());
  });

  it('never reads a label out of the name itself', () => {
    const roster = read(`<div role="listitem"><span class="name">Guest</span></div><div role="listitem" aria-label="Guest, muted"><span class="name">External</span></div>`);
    expect(roster.participants.filter((p) => p.kind === 'external')).toEqual([]);
  });

  it('reads the label after the name in the row\'s own accessible name', () => {
    const roster = read(`<div role="listitem" aria-label="Eva Lindqvist Unverified, muted"><span class="name">Eva Lindqvist</span></div>`);
    expect(roster.participants).toEqual([expect.objectContaining({ kind: 'external', name: 'Eva Lindqvist' })]);
  });

  it('a row that holds other rows is a section of the list, not a participant', () => {
    const roster = readRoster(
      parseHtml(`<div role="tree"><div role="treeitem">In this meeting (2)<div role="treeitem"><span class="name">+49 30 1234567</span></div><div role="treeitem"><span class="name">Anna</span></div></div></div>`),
      { ...SPEC, rows: ['[role="treeitem"]'] },
    );
    expect(roster.count).toBe(2);
    expect(roster.names).toEqual(['+49 30 1234567', 'Anna']);
    expect(flagNames(roster.names, 'list').map((p) => p.kind)).toEqual(['phone']);
  });

  it('sections inside sections are sections too, however the rows share their ancestors', () => {
    const roster = readRoster(
      parseHtml(`<div role="tree">
        <div role="treeitem">Guests<div role="treeitem"><span class="name">Anna</span></div><div role="treeitem"><span class="name">Bernd</span></div></div>
        <div role="treeitem">Others<div role="treeitem">Phone<div role="treeitem"><span class="name">Claire</span></div></div></div>
      </div>`),
      { ...SPEC, rows: ['[role="treeitem"]'] },
    );
    expect(roster.names).toEqual(['Anna', 'Bernd', 'Claire']);
  });

  it('a mark of the platform\'s anywhere in the row counts, inside the name element too', () => {
    const roster = read(`<div role="listitem"><span class="name">Bernd <i class="phone-icon"></i></span></div><div role="listitem"><span class="name">Anna</span></div>`);
    expect(roster.participants).toEqual([expect.objectContaining({ kind: 'phone', name: 'Bernd', evidence: 'phone marker .phone-icon (test list)' })]);
  });

  it('every label word has a part in LABEL_WORD_PARTS, which lets rows without one skip the walk', () => {
    // The words of each pattern's alternation: "(external|unverified|guest …)".
    const words = [...EXTERNAL_LABELS, ...BOT_LABELS].flatMap((p) => /\(([^()]*\|[^()]*)\)/.exec(p.source)![1]!.split('|'));
    expect(words.length).toBeGreaterThan(15);
    // Both forms of a word with an optional letter: "invitée" and "invité".
    for (const word of words) for (const form of [word.replace(/\?/g, ''), word.replace(/.\?/g, '')]) expect(LABEL_WORD_PARTS.test(form), form).toBe(true);
  });

  // Icons' labels are kept only with a part of a mark word: every phrase the icon patterns know
  // must have one. The phrases, and random phrases made of the patterns' own words.
  const ICON_PATTERNS = [...PHONE_ICON_LABELS, ...EXTERNAL_ICON_LABELS, ...EXTERNAL_LABELS];
  const marks = (label: string) => ICON_PATTERNS.some((p) => p.test(label));
  it.each([
    'Phone', 'phone user', 'Telephone participant', 'dial-in caller', 'Dialled in audio', 'dialed in connection', 'Call-in user', 'called in', 'joined by phone',
    'Telefonteilnehmer', 'Einwahl', 'Telefon-Audio', 'per Telefon', 'par téléphone', 'Participant téléphonique', 'AUDIO TÉLÉPHONIQUE',
    'External participant', 'identity unverified', 'Unverified user', 'guest user', 'Externer Gast', 'Identität nicht verifiziert', 'nicht verifizierter Benutzer',
    'Participant externe', 'utilisateur externe', 'Identité non vérifiée', 'participant non vérifié', 'Utilisateur invité', '(Anonymous)', 'Gast', 'Invitée',
  ])('the icon label %j marks, and has a part of a mark word', (label) => {
    expect(marks(label)).toBe(true);
    expect(MARK_WORD_PARTS.test(label)).toBe(true);
  });
  it('any label an icon pattern matches has a part of a mark word (random phrases of the patterns\' words)', () => {
    const words = [...new Set(ICON_PATTERNS.flatMap((p) => p.source.match(/[\p{L}-]{2,}/gu) ?? []))];
    const cased = fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'as is')).map(([w, c]) => (c === 'lower' ? w.toLowerCase() : c === 'upper' ? w.toUpperCase() : w));
    const phrase = fc.array(fc.oneof(cased, fc.constantFrom('(', ')', 'the', 'user')), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
    let marked = 0;
    fc.assert(
      fc.property(phrase, (label) => {
        if (!marks(label)) return true;
        marked++;
        return MARK_WORD_PARTS.test(label);
      }),
      { numRuns: 20_000, seed: 7 },
    );
    expect(marked).toBeGreaterThan(1000);
  });

  it('labels in any element of a row, in any language and case, with or without labelsIn', () => {
    const rows = ['GUEST', '(Gast)', 'Invité', 'Non vérifiée', 'Anonyme', 'Robot'].map((label, i) => `<div role="listitem"><span class="name">P${i}</span><b><i>${label}</i></b></div>`);
    const withoutLabelsIn = read(rows.join('') + '<div role="listitem"><span class="name">Q</span><i>Presenter</i></div>', { ...SPEC, labelsIn: undefined });
    expect(withoutLabelsIn.participants.map((p) => `${p.kind}:${p.name}`)).toEqual(['external:P0', 'external:P1', 'external:P2', 'external:P3', 'external:P4', 'bot:P5']);
    const labelsIn = read(rows.join('').replaceAll('<b>', '<b class="labels">'));
    expect(labelsIn.participants).toHaveLength(6);
  });

  it('reads 1,000 participants, and passes on every name for classifying', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<div role="listitem"><span class="name">Person ${i}</span></div>`).join('');
    const roster = read(rows + '<div role="listitem"><span class="name">Otter.ai</span></div>');
    expect(roster.count).toBe(1001);
    expect(flagNames(roster.names, 'list').map((p) => `${p.kind}:${p.name}`)).toEqual(['bot:Otter.ai']);
  });
});

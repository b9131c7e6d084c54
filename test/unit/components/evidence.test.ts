// Evidence in the user's language: every template of core/evidence.ts has its message in each
// language, and a report's English line comes back as the same sentence in English and as the
// translated one elsewhere, with the page's own text in it as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localizeEvidence } from '../../../components/evidence';
import * as EVIDENCE from '../../../core/evidence';
import { FOUND_LABEL, FOUND_TEXT, INSIDE_TRUSTED, LABELLED, NAME_PHONE_NUMBER, NOT_CIDRS_IGNORED, say, SEEN_IN, SHOWS_E2EE, SHOWS_NOTICE, WHERE_MEET, WHERE_TEAMS } from '../../../core/evidence';
import { CHECKS } from '../../../core/checks';
import type { CheckContext } from '../../../core/checks/context';
import { judgeEncryption, overruledClaim, platformEvidence } from '../../../core/encryption';
import { judgeTrust } from '../../../core/network/report';
import { fact as zoomFact } from '../../../core/platforms/zoom';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { MediaKind } from '../../../core/types';
import { formatMessage, LANGUAGES, loadMessages } from '../support/locale';

const TEMPLATES = Object.entries(EVIDENCE).flatMap(([name, template]) => (typeof template === 'string' ? [{ name, template }] : []));
const track = (kind: MediaKind, transformed: boolean) => ({ kind, live: true, transformed });
const keyOf = (name: string) => `evidence_${name.toLowerCase()}`;
const placeholderCount = (template: string) => new Set(template.match(/\$\d/g)).size;
/** Values as a page would give them: quoted text, and characters a pattern could trip on. */
const samples = (template: string) => Array.from({ length: placeholderCount(template) }, (_, i) => `"page (text) ${i + 1}: $ & ü"`);

function useLanguage(lang: string) {
  const messages = loadMessages(lang);
  beforeEach(() => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => formatMessage(messages, key, subs)) as never;
  });
  return (name: string, values: string[] = []) => formatMessage(messages, keyOf(name), values);
}

describe('templates', () => {
  it('there are templates, each placeholder used once and numbered from $1', () => {
    expect(TEMPLATES.length).toBeGreaterThan(90);
    for (const { name, template } of TEMPLATES) {
      const numbers = (template.match(/\$\d/g) ?? []).map((p) => Number(p.slice(1))).sort();
      expect(numbers, name).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it.each(LANGUAGES)('%s has a message for every template, with as many placeholders', (lang) => {
    const messages = loadMessages(lang);
    for (const { name, template } of TEMPLATES) {
      const entry = messages[keyOf(name)];
      expect(entry, `${lang} ${keyOf(name)}`).toBeDefined();
      const contents = Object.values(entry!.placeholders ?? {}).map((p) => p.content).sort();
      expect(contents, `${lang} ${keyOf(name)}`).toEqual(Array.from({ length: placeholderCount(template) }, (_, i) => `$${i + 1}`));
    }
  });

  it('say() fills the placeholders with the values as they are', () => {
    expect(say('$2 before $1', 'a', '$1 & $$')).toBe('$1 & $$ before a');
    expect(say(EVIDENCE.JITSI_E2EE_NOT_EVERYONE, 2, 'Anna, Bob')).toMatch(/but 2 participant\(s\) do not have it \(Anna, Bob\);/);
  });
});

describe('English', () => {
  useLanguage('en');
  it.each(TEMPLATES)('$name: the line the report keeps', ({ template }) => {
    const line = say(template, ...samples(template));
    expect(localizeEvidence(line)).toBe(line);
  });
});

describe.each(LANGUAGES.filter((l) => l !== 'en'))('%s', (lang) => {
  const message = useLanguage(lang);

  it.each(TEMPLATES)('$name: its own message, with the page text verbatim', ({ name, template }) => {
    const values = samples(template);
    const shown = localizeEvidence(say(template, ...values));
    expect(shown).toBe(message(name, values));
    for (const value of values) expect(shown).toContain(value);
  });

  it('a sentence inside a sentence is translated too: why a participant is flagged, and where', () => {
    const line = say(LABELLED, 'Dana', say(SEEN_IN, say(FOUND_LABEL, '"Guest"'), WHERE_TEAMS));
    expect(localizeEvidence(line)).toBe(message('LABELLED', ['Dana', message('SEEN_IN', [message('FOUND_LABEL', ['"Guest"']), message('WHERE_TEAMS')])]));
  });

  it("the page's quoted text is never read as a template, even when it has one's words", () => {
    const quote = '"Recording shows recording: text (Teams participants)"';
    const line = say(SHOWS_NOTICE, 'Meet', say(FOUND_TEXT, quote));
    expect(localizeEvidence(line)).toBe(message('SHOWS_NOTICE', ['Meet', message('FOUND_TEXT', [quote])]));
  });

  it("a participant's name and a vendor's statement stay as they are, whatever they read like", () => {
    const name = 'label "Guest" is off';
    const line = say(LABELLED, name, say(SEEN_IN, NAME_PHONE_NUMBER, WHERE_MEET));
    expect(localizeEvidence(line)).toBe(message('LABELLED', [name, message('SEEN_IN', [message('NAME_PHONE_NUMBER'), message('WHERE_MEET')])]));
    const vendor = platformEvidence(zoomFact!);
    expect(localizeEvidence(vendor)).toBe(message('VENDOR_FACT', [zoomFact!.statement, zoomFact!.source]));
  });

  it('what core/ nests is translated all the way down', () => {
    const partial = judgeEncryption([], [{ id: 'pc', state: 'connected', senders: [track('audio', true), track('video', false)], receivers: [track('video', true)] }], () => null);
    expect(localizeEvidence(partial.evidence[0]!)).toBe(
      message('E2EE_PARTIAL', [message('TRACKS_VIDEO', ['1']), message('TRACKS_AUDIO_VIDEO', ['1', '1']), message('TRACKS_NONE'), message('TRACKS_VIDEO', ['1'])]),
    );
    const tls = CHECKS['tls-interception']({ browserNetwork: { tls: { checked: false, untrusted: true, certificateError: 'domain_mismatch' } }, policy: DEFAULT_POLICY } as CheckContext);
    expect(localizeEvidence(tls!.evidence[0]!)).toBe(message('TLS_UNTRUSTED_BECAUSE', [message('THE_CONFERENCE_SITE'), message('CERTIFICATE_WRONG_NAME')]));
    const claim = say(SHOWS_E2EE, 'Zoom', say(FOUND_LABEL, '"End-to-end encrypted"'));
    expect(localizeEvidence(overruledClaim(claim, zoomFact!))).toBe(
      message('CLAIM_OVERRULED', [message('SHOWS_E2EE', ['Zoom', message('FOUND_LABEL', ['"End-to-end encrypted"'])]), zoomFact!.statement, zoomFact!.source]),
    );
  });

  it('a network reason, with what it ignored', () => {
    const { reason } = judgeTrust('203.0.113.7', { publicAddress: '203.0.113.7' }, { trustedNetworks: ['203.0.113.0/24', 'office'], trustVpn: false });
    expect(reason).toBe(say(NOT_CIDRS_IGNORED, say(INSIDE_TRUSTED, '203.0.113.7'), 'office'));
    expect(localizeEvidence(reason)).toBe(message('NOT_CIDRS_IGNORED', [message('INSIDE_TRUSTED', ['203.0.113.7']), 'office']));
  });

  it('a line no template makes is shown as it is', () => {
    for (const line of ['seen on the page', '"a quote": with "unpaired quotes', '']) expect(localizeEvidence(line)).toBe(line);
  });
});

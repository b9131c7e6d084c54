import * as EVIDENCE from '../core/evidence';
import { t } from './i18n';

/**
 * Evidence and network reasons in the user's language. Reports keep them in English, each made by
 * say() from a template of core/evidence.ts; here a line is read back against those templates and
 * shown through the template's message, evidence_<name>, with its values as they were: the page's
 * own quoted text, names, addresses and selectors are never translated. A line no template makes
 * (a report from another version) is shown as it is.
 */

type TemplateName = { [K in keyof typeof EVIDENCE]: (typeof EVIDENCE)[K] extends string ? K : never }[keyof typeof EVIDENCE];

// Sentences that stand for a value of another sentence, in families.
const FOUND: readonly TemplateName[] = ['FOUND_ELEMENT', 'FOUND_TEXT', 'FOUND_BUTTON', 'FOUND_LABEL'];
const PARTICIPANT_MARKS: readonly TemplateName[] = [
  'FOUND_LABEL',
  'PHONE_MARKER',
  'PHONE_LABEL',
  'MARKER',
  'NAME_PHONE_NUMBER',
  'NAME_MASKED_PHONE',
  'NAME_DEFAULT_PHONE',
  'NAME_NOTETAKER',
  'NAME_NOTETAKER_DISGUISED',
  'NAME_RECORDER',
  'NAME_RECORDER_DISGUISED',
];
const LISTS: readonly TemplateName[] = [
  'WHERE_BIGBLUEBUTTON',
  'WHERE_DISCORD',
  'WHERE_ELEMENT_CALL',
  'WHERE_GOTO',
  'WHERE_JITSI',
  'WHERE_MEET',
  'WHERE_SLACK',
  'WHERE_TEAMS',
  'WHERE_WEBEX',
  'WHERE_WHEREBY',
  'WHERE_ZOOM',
];
const TRACKS: readonly TemplateName[] = ['TRACKS_NONE', 'TRACKS_AUDIO', 'TRACKS_VIDEO', 'TRACKS_AUDIO_VIDEO'];
const CERTIFICATE_ERRORS: readonly TemplateName[] = ['CERTIFICATE_UNTRUSTED_ISSUER', 'CERTIFICATE_WRONG_NAME', 'CERTIFICATE_EXPIRED'];

/**
 * Which placeholders hold another sentence, and which sentences they can be (as core/ builds
 * them): those are translated in turn. Every other value is shown as it is: the page's quoted text,
 * names, addresses, selectors, and a vendor's statement, a quotation that stays in English inside a
 * translated sentence. Naming the sentences each place can hold keeps generic ones ("$1: $2") from
 * reading a statement that happens to have a colon in it.
 */
const SENTENCE_VALUES: Partial<Record<TemplateName, Record<number, readonly TemplateName[]>>> = {
  SHOWS_RECORDING: { 2: FOUND },
  SHOWS_LIVE_STREAM: { 2: FOUND },
  SHOWS_TRANSCRIPTION: { 2: FOUND },
  SHOWS_NOTICE: { 2: FOUND },
  SHOWS_NOT_E2EE: { 2: FOUND },
  SHOWS_E2EE: { 2: FOUND },
  PHASE_LOBBY: { 2: FOUND },
  PHASE_PRE_JOIN: { 2: FOUND },
  PHASE_IN_CALL: { 2: FOUND },
  PHASE_NO_CALL: { 2: FOUND },
  DISCORD_STAGE: { 1: FOUND },
  // A meeting left open (how it shows), or a participant and why they are flagged.
  LABELLED: { 2: [...FOUND, 'CHOICE', 'TOGGLE_OFF', 'TOGGLES_OFF', 'SEEN_IN', 'JITSI_PHONE'] },
  SEEN_IN: { 1: PARTICIPANT_MARKS, 2: LISTS },
  E2EE_PARTIAL: { 1: TRACKS, 2: TRACKS, 3: TRACKS, 4: TRACKS },
  E2EE_NO_TRANSFORM: { 1: TRACKS, 2: TRACKS, 3: TRACKS, 4: TRACKS },
  MEDIA_AGREES: { 1: TRACKS, 2: TRACKS },
  MEDIA_AGREES_NOT_PROOF: { 1: TRACKS, 2: TRACKS },
  CLAIM_OVERRULED: { 1: ['SHOWS_E2EE', 'JITSI_E2EE_ON'] },
  TLS_UNTRUSTED: { 1: ['THE_CONFERENCE_SITE'] },
  TLS_UNTRUSTED_BECAUSE: { 1: ['THE_CONFERENCE_SITE'], 2: CERTIFICATE_ERRORS },
  TLS_FOREIGN_ROOT: { 1: ['THE_CONFERENCE_SITE'], 2: ['UNNAMED_ROOT'], 3: ['UNKNOWN_FINGERPRINT'] },
  NOT_CIDRS_IGNORED: { 1: ['NO_USABLE_NETWORKS', 'INSIDE_TRUSTED', 'OUTSIDE_TRUSTED'] },
};

/**
 * A value: any text whose double quotes pair up. Quoted page text is taken whole, so the words of
 * a template inside what a page wrote can never be read as that template's.
 */
const VALUE = '((?:"[^"]*"|[^"])*?)';

interface Template {
  name: TemplateName;
  pattern: RegExp;
  /** The placeholder number of each capture group, in the order they appear. */
  placeholders: number[];
  /** How many characters are the template's own words. */
  words: number;
}

const TEMPLATES: Template[] = Object.entries(EVIDENCE).flatMap(([name, template]) => {
  if (typeof template !== 'string') return [];
  const placeholders: number[] = [];
  const source = template
    .split(/(\$\d)/)
    .map((part, i) => (i % 2 ? (placeholders.push(Number(part[1])), VALUE) : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return [{ name: name as TemplateName, pattern: new RegExp(`^${source}$`), placeholders, words: template.replace(/\$\d/g, '').length }];
});

interface Reading {
  text: string;
  /** How many characters of the line CallGuard's own words explain. */
  words: number;
}

/**
 * The line in the user's language, read with the templates allowed here (all of them for a whole
 * line) that explain most of it: "label "Guest" (Teams participants)" is a label seen in a list
 * (SEEN_IN), not a label whose quoted text runs on (FOUND_LABEL alone).
 */
function read(line: string, allowed?: readonly TemplateName[]): Reading | null {
  let best: Reading | null = null;
  for (const template of TEMPLATES) {
    if (allowed && !allowed.includes(template.name)) continue;
    const match = template.pattern.exec(line);
    if (!match) continue;
    const values: string[] = [];
    let words = template.words;
    template.placeholders.forEach((n, i) => {
      const value = match[i + 1]!;
      const sentences = SENTENCE_VALUES[template.name]?.[n];
      const inner = sentences ? read(value, sentences) : null;
      values[n - 1] = inner?.text ?? value;
      words += inner?.words ?? 0;
    });
    if (!best || words > best.words) best = { text: t(`evidence_${template.name.toLowerCase()}`, values), words };
  }
  return best;
}

export function localizeEvidence(line: string): string {
  return read(line)?.text ?? line;
}

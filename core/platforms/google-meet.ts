import { emptyRead, type PlatformAdapter } from './adapter';
import { findSelector, findText, readNames } from './dom';
import { FACT_GOOGLE_MEET, platformEvidence } from './facts';
import { flagNames } from './participants';
import { findSmallText } from './toolkit';

/** A meeting code path (abc-defg-hij) or a lookup link; "/" and "/landing" are not calls. */
const MEETING_PATH = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3}|lookup\/[\w-]+)(\/|$)/;

/** Only present in the call itself, never in the pre-join screen or the lobby (Vexa selectors). */
const IN_CALL_SELECTORS = ['[data-participant-id]', '[data-self-name]', '[data-call-ended="false"]'];
const IN_CALL_TEXT = [/\b(Present now|Share screen)\b/, /Jetzt präsentieren|Bildschirm freigeben/, /Présenter maintenant|Partager l['’]écran/];

const LOBBY_TEXT = [
  /Asking to be let in/i,
  /You['’]ll join the call when someone lets you in/i,
  /Teilnahme wird angefragt|Sie nehmen am Anruf teil, sobald Sie jemand hereinlässt/i,
  /Demande de participation|Vous pourrez participer à l['’]appel dès que quelqu['’]un vous y aura autorisé/i,
];
const PRE_JOIN_TEXT = [
  /Ready to join\?|\bJoin now\b|\bAsk to join\b/i,
  /Bereit zum Beitreten\?|Jetzt teilnehmen|Teilnahme anfragen/i,
  /Prêt à participer \?|Participer à la réunion|Demander à participer/i,
];
/** The meet.google.com home page: start or join a meeting, no call on this page. */
const LANDING_TEXT = [/\bNew meeting\b|Enter a code or link/i, /Neue Besprechung|Code oder Link eingeben/i, /Nouvelle réunion|Saisir un code ou un lien/i];
const RECORDING_TEXT = [/being recorded/i, /wird aufgezeichnet/i, /(est|en cours d['’])\s?enregistr/i];
const TRANSCRIPTION_TEXT = [
  /being transcribed/i,
  /Gemini is taking notes/i,
  /wird transkribiert|Gemini (erstellt|macht) Notizen/i,
  /est transcrit|transcription en cours|Gemini prend des notes/i,
];
/**
 * The persistent pill once the notice dialog is dismissed: a short label on its own, so the
 * pattern is anchored (a chat message that merely mentions Gemini is not a pill).
 */
const TRANSCRIPTION_PILL = [/^\s*Gemini (is taking notes|erstellt Notizen|macht Notizen|prend des notes)\s*$/i];
const EXTERNAL_TEXT = [/\bexternal (participants?|people|guests?)\b/i, /externe (Teilnehmer|Gäste)/i, /participants? externes?/i];
/** The "External" label Meet shows top left (Workspace Updates 2023-03-14): one word on its own. */
const EXTERNAL_LABEL = [/^\s*(External|Extern|Externe)\s*$/i];
const CSE_TEXT = [/client-side encrypt/i, /clientseitig verschlüsselt|clientseitige Verschlüsselung/i, /chiffrement côté client|chiffré côté client/i];

export const googleMeet: PlatformAdapter = {
  id: 'google-meet',
  isCallUrl: (url) => url.hostname === 'meet.google.com' && MEETING_PATH.test(url.pathname),
  read(doc) {
    const read = emptyRead('google-meet');
    const inCallElement = findSelector(doc, IN_CALL_SELECTORS);
    const inCallBy = inCallElement ?? findText(doc, IN_CALL_TEXT, ['button']);
    // The lobby and pre-join screens share the call's toolbar, so the lobby's words win over the
    // call's buttons; but the in-call elements never show in the lobby, and with one of them on
    // the page (a long call) the costliest search of a read is not needed. The lobby's words sit
    // in a small element: big containers (the whole call page) are skipped.
    const lobbyBy = inCallElement ? null : (findText(doc, LOBBY_TEXT) ?? findSmallText(doc, LOBBY_TEXT, ['div', 'span']));
    if (lobbyBy) {
      read.phase = 'lobby';
      read.phaseEvidence = [`lobby text ${lobbyBy}`];
    } else if (inCallBy) {
      read.phase = 'in-call';
      read.phaseEvidence = [`in-call marker ${inCallBy}`];
    } else {
      // Searched only when neither the lobby nor the call shows: each search costs a pass over the page.
      const preJoinBy = findText(doc, PRE_JOIN_TEXT, ['button', 'h1', 'h2']);
      // Else the "New meeting" button, or the labelled "Enter a code or link" field.
      const landingBy = preJoinBy ? null : findText(doc, LANDING_TEXT, ['button']);
      if (preJoinBy) {
        read.phase = 'pre-join';
        read.phaseEvidence = [`pre-join text ${preJoinBy}`];
      } else if (landingBy) {
        read.phase = 'no-call';
        read.phaseEvidence = [`Meet home page ${landingBy}`];
        // No meeting here, so there is no meeting whose encryption could be judged.
        return read;
      }
    }

    const cse = findText(doc, CSE_TEXT);
    const fact = FACT_GOOGLE_MEET;
    read.e2ee = cse
      ? { state: 'on', source: 'ui', evidence: [`client-side encryption shown: ${cse}`] }
      : { state: 'off', source: 'platform', evidence: ['no client-side encryption indicator on the page', platformEvidence(fact)] };

    const recording = findText(doc, RECORDING_TEXT);
    if (recording) read.recording = { evidence: [`Meet shows ${recording}`] };
    const transcription = findText(doc, TRANSCRIPTION_TEXT) ?? findText(doc, TRANSCRIPTION_PILL, ['span']);
    if (transcription) read.transcription = { evidence: [`Meet shows ${transcription}`] };

    const names = [
      ...readNames(doc, '[data-participant-id][aria-label]', 'aria-label'),
      ...readNames(doc, '[data-participant-id] [data-name]', 'data-name'),
      // Video tiles: the name overlay is marked notranslate (names are never machine-translated).
      ...readNames(doc, '[data-participant-id] span.notranslate'),
      ...readNames(doc, '[role="list"] [role="listitem"][aria-label]', 'aria-label'),
    ];
    read.participants = flagNames([...new Set(names)], 'Meet participant list');
    const external = findText(doc, EXTERNAL_TEXT) ?? findText(doc, EXTERNAL_LABEL, ['span']);
    if (external) read.participants.push({ kind: 'external', name: '', evidence: `Meet shows ${external}` });
    if (read.phase === 'in-call' && names.length === 0) read.unreadable.push('participants');
    return read;
  },
};

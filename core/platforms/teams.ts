import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { findText } from './dom';
import { encryptionWithFact, FACT_TEAMS, type ShownEncryption } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * Microsoft Teams on the web (teams.microsoft.com, teams.live.com, teams.cloud.microsoft). One
 * single-page app for chat and calls, so every URL may hold a call: the page decides. Selectors:
 * TranscripTonic, Vexa, attendee; labels: Microsoft MC716008 (research/platforms.md).
 */
const PHASES: PhaseStrategies = {
  lobby: {
    selectors: ['[data-tid="lobby-screen"]', '[data-tid="prejoin-lobby-message"]'],
    text: [
      /Someone will let you in shortly|When the meeting starts, we['’]ll let people know you['’]re waiting|You['’]re in the lobby/i,
      /Jemand wird Sie in Kürze (zulassen|hereinlassen)|Sie befinden sich im Wartebereich/i,
      /Quelqu['’]un va bientôt vous (admettre|laisser entrer)|Vous êtes dans la salle d['’]attente/i,
    ],
    textIn: ['h1', 'h2', 'p', 'div', 'span'],
  },
  // The pre-join screen has the device toggles of the call, so its own join button wins.
  preJoin: {
    selectors: ['#prejoin-join-button', '[data-tid="prejoin-join-button"]'],
    text: [
      /Choose your (audio and )?video (and audio )?(settings|options)/i,
      /Wählen Sie Ihre (Audio- und )?Video(einstellungen|optionen)/i,
      /Choisissez vos (paramètres|options) (audio et vidéo|vidéo et audio)/i,
    ],
    textIn: ['h1', 'h2', 'div'],
  },
  inCall: {
    selectors: ['#hangup-button', 'button[data-tid="hangup-main-btn"]', '[data-tid="call-hangup"]', '[data-tid="toggle-mute"]'],
    // "Leave (Ctrl+Shift+H)": the shortcut is part of the label.
    buttons: [/^(Leave|Hang up)(\s*\(.*\))?$/i, /^(Verlassen|Auflegen)(\s*\(.*\))?$/i, /^(Quitter|Raccrocher)(\s*\(.*\))?$/i],
  },
  // The app around chat and calendar, with no call in it.
  noCall: {
    selectors: ['[data-tid="app-bar"]', '[data-tid="chat-list"]'],
    buttons: [/^(Activity|Chat|Calendar)$/, /^(Aktivität|Chat|Kalender)$/, /^(Activité|Conversation|Calendrier)$/],
  },
};

/** The shield top left: with a lock, E2EE (1:1 only); a plain shield: standard encryption (MS2). */
const ENCRYPTION_PLACES = ['[data-tid*="encryption"]', '[data-tid*="security"]'];
const E2EE_OFF_TEXT = [/not end-to-end encrypted/i, /nicht Ende-zu-Ende-verschlüsselt/i, /pas chiffrée? de bout en bout/i];
/** Quoted with the words around them, so the evidence shows what the page really said. */
const E2EE_ON_TEXT = [
  /[^.\n]{0,60}end-to-end encrypt(ed|ion)[^.\n]{0,40}/i,
  /[^.\n]{0,60}Ende-zu-Ende-verschlüssel(t|ung)[^.\n]{0,40}/i,
  /[^.\n]{0,60}chiffr(ée?|ement) de bout en bout[^.\n]{0,40}/i,
];

const RECORDING: Strategy = {
  selectors: ['[data-tid="recording-indicator"]', '[data-tid="call-recording-indicator"]'],
  text: [
    /Recording has started|Recording and transcription (have|has) started|this (meeting|call) is being recorded/i,
    /Die Aufzeichnung wurde gestartet|Aufzeichnung und Transkription wurden gestartet|(Diese Besprechung|Dieser Anruf) wird aufgezeichnet/i,
    /L['’]enregistrement a commencé|L['’]enregistrement et la transcription ont commencé|(cette réunion|cet appel) est (en cours d['’])?enregistr/i,
  ],
};
const TRANSCRIPTION: Strategy = {
  selectors: ['[data-tid="transcription-indicator"]'],
  text: [
    /Transcription has started|Recording and transcription (have|has) started|is being transcribed|Copilot is (on|transcribing)/i,
    /Die Transkription wurde gestartet|Aufzeichnung und Transkription wurden gestartet|wird transkribiert|Copilot ist aktiviert/i,
    /La transcription a commencé|L['’]enregistrement et la transcription ont commencé|est en cours de transcription|Copilot est activé/i,
  ],
};

const ROSTER: RosterSpec = {
  rows: ['[data-tid^="participantsInCall-"]', '[data-tid^="attendeesInMeeting-"]', '[role="tree"][aria-label="Attendees"] [role="treeitem"]', '[role="tree"][aria-label="Teilnehmer"] [role="treeitem"]', '[role="tree"][aria-label="Participants"] [role="treeitem"]'],
  name: ['span[title]', '[data-tid="roster-participant-name"]', '[id^="roster-avatar-img-"]'],
  nameAttribute: 'title',
  phoneSelectors: ['[data-tid="roster-pstn-icon"]'],
  where: 'Teams participant list',
};

/** Meeting options: who can bypass the lobby (Microsoft docs "Overview of lobby settings"). */
const OPEN_LOBBY = [
  /Who can bypass the lobby\??\s*:?\s*Everyone\b/i,
  /Wer kann den Wartebereich umgehen\??\s*:?\s*(Alle|Jeder)\b/i,
  /Qui peut contourner la salle d['’]attente\s*\??\s*:?\s*Tout le monde\b/i,
];

export const teams: PlatformAdapter = {
  id: 'teams',
  isCallUrl: () => true,
  read(doc) {
    const read = emptyRead('teams');
    readPhase(read, doc, PHASES, 'Teams', ['lobby', 'preJoin', 'inCall', 'noCall']);
    if (read.phase === 'no-call') return read;

    const off = findText(doc, E2EE_OFF_TEXT, ENCRYPTION_PLACES);
    const on = off ? null : findText(doc, E2EE_ON_TEXT, ENCRYPTION_PLACES);
    const shown: ShownEncryption | null = off
      ? { state: 'off', evidence: `Teams shows ${off}` }
      : on
        ? { state: 'on', evidence: `Teams shows ${on}` }
        : null;
    read.e2ee = encryptionWithFact(FACT_TEAMS, shown, { inCall: read.phase === 'in-call' });

    const recording = detect(doc, RECORDING);
    if (recording) read.recording = { evidence: [`Teams shows recording: ${recording}`] };
    const transcription = detect(doc, TRANSCRIPTION);
    if (transcription) read.transcription = { evidence: [`Teams shows transcription: ${transcription}`] };

    const roster = readRoster(doc, ROSTER);
    read.participants = roster.participants;
    if (read.phase === 'in-call' && roster.count === 0) read.unreadable.push('participants');

    const open = findText(doc, OPEN_LOBBY, ['[role="group"]', '[role="region"]', 'form', 'fieldset', '[data-tid="meeting-options"]']);
    if (open) read.meetingOpen = { evidence: [`Teams meeting options: ${open}`] };
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'in-call-de.html', 'in-call-fr.html'] },
  lobby: { how: 'page', fixtures: ['lobby.html'] },
  e2ee: {
    how: 'page+fact',
    fixtures: ['in-call.html', 'e2ee-shield.html'],
    note: 'Teams E2EE is not available in the browser, so a shield saying "end-to-end encrypted" is overruled',
  },
  recording: { how: 'page', fixtures: ['recording.html', 'in-call-de.html'] },
  transcription: { how: 'page', fixtures: ['recording.html', 'in-call-fr.html'] },
  'dial-in': { how: 'page', fixtures: ['dial-in.html'], note: 'phone numbers (also masked) in the roster' },
  external: { how: 'page', fixtures: ['external.html', 'in-call-de.html', 'in-call-fr.html'], note: '"External", "Unverified", "Guest" (and de/fr) labels' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'meeting-open': { how: 'page', fixtures: ['open-meeting.html'], note: 'only while meeting options show "Who can bypass the lobby? Everyone"' },
};

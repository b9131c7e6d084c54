import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { findSelector, findText } from './dom';
import { encryptionWithFact, FACT_ZOOM, type ShownEncryption } from './facts';
import { detect, readPhase, readRoster, readToggle, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * Zoom web client (app.zoom.us/wc/…, *.zoom.us, zoomgov.com). The meeting runs in a same-origin
 * `iframe#webclient`: the content script runs in every frame and the background merges them, so
 * this adapter reads whichever document it is given. The host page around the frame is "no call";
 * the frame's document is the call. Selectors: TranscripTonic, Vexa, attendee (research/platforms.md).
 */

/** `/wc/<id>/join`, `/wc/join/<id>`, the frame `/wc/<id>/…`, and the `/j/<id>` or `/w/<id>` launchers. */
const CALL_PATH = /^\/(wc\/(\d{9,12}|join|\d+\/)|[jsw]\/\d{9,12})/;
const HOST_FRAME = ['iframe#webclient', 'iframe[src*="/wc/"]'];

const PHASES: PhaseStrategies = {
  lobby: {
    selectors: ['.wr-default__text', '[class*="waiting-room"]'],
    text: [
      /Please wait, the meeting host will let you in soon/i,
      /Waiting for the host to start (this|the) meeting/i,
      /Bitte warten Sie, der Meeting-Host lässt Sie in Kürze eintreten|Warten auf den Host|Warten, bis der Host das Meeting startet/i,
      /Veuillez patienter, l['’]hôte de la réunion va bientôt vous admettre|En attente du démarrage de la réunion par l['’]hôte|En attente de l['’]hôte/i,
    ],
    textIn: ['h1', 'h2', 'h3', 'div', 'span'],
  },
  inCall: {
    selectors: ['#wc-footer', '.footer__leave-btn-container', '#audioOptionMenu', '.meeting-app', 'button.footer-button-base__button[aria-label="Leave"]'],
    buttons: [/^Leave$/i, /^(Verlassen|Meeting verlassen)$/i, /^(Quitter|Quitter la réunion)$/i],
  },
  preJoin: {
    selectors: ['#input-for-name', '#inputname', 'button.preview-join-button', '#joinBtn', '#preview-audio-control-button'],
    buttons: [/^Join$/i, /^Beitreten$/i, /^Rejoindre$/i],
    text: [/Join from your browser/i, /Über Ihren Browser beitreten/i, /Rejoindre depuis votre navigateur/i],
    textIn: ['a'],
  },
  noCall: {
    text: [/Launch Meeting|Click Open Zoom Meetings/i, /Meeting starten|Klicken Sie auf „Zoom Meetings öffnen“/i, /Lancer la réunion|Cliquez sur Ouvrir Zoom Meetings/i],
    textIn: ['h1', 'h2', 'button', 'a'],
  },
};

/** The shield at the top of the client and the dialog it opens (KB0065781). */
const ENCRYPTION_PLACES = ['[class*="encryption"]', '[class*="security-icon"]', '[class*="meeting-info"]'];
const E2EE_OFF_TEXT = [
  /not end-to-end encrypted|enhanced encryption/i,
  /nicht Ende-zu-Ende-verschlüsselt|erweiterte Verschlüsselung/i,
  /pas chiffrée? de bout en bout|chiffrement (amélioré|renforcé)/i,
];
/** Quoted with the words around them, so the evidence shows what the page really said. */
const E2EE_ON_TEXT = [
  /[^.\n]{0,60}end-to-end encrypt(ed|ion)[^.\n]{0,40}/i,
  /[^.\n]{0,60}Ende-zu-Ende-verschlüssel(t|ung)[^.\n]{0,40}/i,
  /[^.\n]{0,60}chiffr(ée?|ement) de bout en bout[^.\n]{0,40}/i,
];

const RECORDING: Strategy = {
  selectors: ['[class*="recording-indicat"]', '.recording-status'],
  text: [
    /this (meeting|webinar) is being recorded|^\s*Recording(…|\.\.\.)?\s*$|(cloud )?recording (is )?in progress/i,
    /(dieses|das) Meeting wird aufgezeichnet|^\s*Aufzeichnung( läuft)?(…|\.\.\.)?\s*$/i,
    /cette réunion est (en cours d['’]enregistrement|enregistrée)|^\s*Enregistrement( en cours)?(…|\.\.\.)?\s*$/i,
  ],
};
const TRANSCRIPTION: Strategy = {
  selectors: ['.live-transcription-subtitle__box'],
  text: [
    /live transcription (is on|has been enabled|has started)|AI Companion (is|has been) (on|enabled|taking notes)|meeting summary (is|has been) (on|started|enabled)/i,
    /Live-Transkription (ist aktiviert|wurde aktiviert|läuft)|AI Companion (ist|wurde) aktiviert|Meeting-Zusammenfassung (ist|wurde) aktiviert/i,
    /transcription en direct (est )?(activée|en cours)|AI Companion (est|a été) activé|résumé de réunion (est|a été) activé/i,
  ],
};

const ROSTER: RosterSpec = {
  rows: ['.participants-li', '#participants-ul > li', '[aria-label="participants list"] [role="listitem"]', '.video-avatar__avatar'],
  name: ['.participants-item__display-name', '.video-avatar__avatar-name', '.video-avatar__avatar-title'],
  where: 'Zoom participant list',
};

/** The host's Security menu: "Lock Meeting" and "Enable Waiting Room" (Zoom KB0062692). */
const LOCK_TOGGLE = [/^Lock meeting$/i, /^Meeting sperren$/i, /^Verrouiller la réunion$/i];
const WAITING_ROOM_TOGGLE = [/^Enable waiting room$/i, /^Warteraum aktivieren$/i, /^Activer la salle d['’]attente$/i];

export const zoom: PlatformAdapter = {
  id: 'zoom',
  isCallUrl: (url) => CALL_PATH.test(url.pathname),
  read(doc) {
    const read = emptyRead('zoom');
    const frame = findSelector(doc, HOST_FRAME);
    if (frame && !detect(doc, PHASES.inCall!) && !detect(doc, PHASES.lobby!)) {
      read.phase = 'no-call';
      read.phaseEvidence = [`host page of the Zoom client frame (${frame}): the call is read inside the frame`];
      return read;
    }
    readPhase(read, doc, PHASES, 'Zoom');
    if (read.phase === 'no-call') return read;

    const off = findText(doc, E2EE_OFF_TEXT, ENCRYPTION_PLACES);
    const on = off ? null : findText(doc, E2EE_ON_TEXT, ENCRYPTION_PLACES);
    const shown: ShownEncryption | null = off
      ? { state: 'off', evidence: `Zoom shows ${off}` }
      : on
        ? { state: 'on', evidence: `Zoom shows ${on}` }
        : null;
    read.e2ee = encryptionWithFact(FACT_ZOOM, shown, { inCall: read.phase === 'in-call' });

    const recording = detect(doc, RECORDING);
    if (recording) read.recording = { evidence: [`Zoom shows recording: ${recording}`] };
    const transcription = detect(doc, TRANSCRIPTION);
    if (transcription) read.transcription = { evidence: [`Zoom shows transcription: ${transcription}`] };

    const roster = readRoster(doc, ROSTER);
    read.participants = roster.participants;
    if (read.phase === 'in-call' && roster.count === 0) read.unreadable.push('participants');

    const lock = readToggle(doc, LOCK_TOGGLE);
    const waitingRoom = readToggle(doc, WAITING_ROOM_TOGGLE);
    if (lock && waitingRoom && !lock.checked && !waitingRoom.checked) {
      read.meetingOpen = { evidence: [`Zoom Security menu: ${lock.label} is off and ${waitingRoom.label} is off`] };
    }
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'in-call-de.html', 'in-call-fr.html'] },
  lobby: { how: 'page', fixtures: ['waiting-room.html'], note: 'the waiting room ("the meeting host will let you in soon")' },
  e2ee: {
    how: 'page+fact',
    fixtures: ['in-call.html', 'fake-e2ee.html'],
    note: 'the web client cannot do E2EE, so the shield saying "end-to-end encrypted" is overruled',
  },
  recording: { how: 'page', fixtures: ['recording.html', 'in-call-de.html'] },
  transcription: { how: 'page', fixtures: ['transcription.html'] },
  'dial-in': { how: 'page', fixtures: ['dial-in.html'], note: 'phone icons, phone numbers (also masked) and "Call-in User" names' },
  external: { how: 'page', fixtures: ['external.html'], note: 'the "(Guest)" label' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'meeting-open': { how: 'page', fixtures: ['open-meeting.html'], note: 'only while the host has the Security menu open' },
};

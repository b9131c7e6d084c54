import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { findSelector, findText } from './dom';
import { encryptionWithFact, FACT_WEBEX, type ShownEncryption } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * Webex web app (*.webex.com: /meet/<room>, /<site>/j.php, /wbxmjs/joinservice/…, /webappng/…,
 * web.webex.com/meetings). The meeting runs in `iframe#unified-webclient-iframe` (older:
 * `iframe[name="thinIframe"]`), read like Zoom's: the host page is "no call", the frame is the call.
 * Selectors: public Webex bot code; labels and Security tab texts: help.webex.com rzam8.
 */
const CALL_PATH = /^\/(meet\/[^/]+|[^/]+\/j\.php|wbxmjs\/|webappng\/|meetings?(\/|$)|join(\/|$))/;
const HOST_FRAME = ['iframe#unified-webclient-iframe', 'iframe[name="thinIframe"]'];

const PHASES: PhaseStrategies = {
  lobby: {
    selectors: ['[data-test="lobby-container"]'],
    text: [
      /Waiting for (the )?host|The host will let you in soon|You['’]re in the lobby|the meeting is locked/i,
      /Warten auf (den )?Gastgeber|Der Gastgeber lässt Sie in Kürze herein|Sie befinden sich im Wartebereich|Das Meeting ist gesperrt/i,
      /En attente de l['’](organisateur|hôte)|L['’]organisateur va bientôt vous admettre|Vous êtes dans la salle d['’]attente|La réunion est verrouillée/i,
    ],
    textIn: ['h1', 'h2', 'p', 'div', 'span'],
  },
  inCall: {
    selectors: ['[data-test="leave-button"]', '[data-test="participants-toggle-button"]', '[data-test="meeting-info-container"]'],
    buttons: [/^Leave( meeting)?$/i, /^(Verlassen|Meeting verlassen)$/i, /^(Quitter|Quitter la réunion)$/i],
  },
  preJoin: {
    selectors: ['[data-test="join-button"]', '#join-button', 'input[data-test="Name (required)"]'],
    buttons: [/^Join (from this browser|meeting)$/i, /^(Über diesen Browser beitreten|Meeting beitreten)$/i, /^(Rejoindre depuis ce navigateur|Rejoindre la réunion)$/i],
  },
};

/** Meeting Info › Security tab (help.webex.com rzam8). "not" first: the off sentence contains the on one. */
const SECURITY_PLACES = ['[role="tabpanel"]', '[data-test="security-tab"]', '[data-test="meeting-info-container"]'];
const E2EE_OFF_TEXT = [
  /secure, but the meeting is not end-to-end encrypted|meeting is not end-to-end encrypted/i,
  /Meeting ist nicht Ende-zu-Ende-verschlüsselt/i,
  /réunion n['’]est pas chiffrée de bout en bout/i,
];
const E2EE_ON_TEXT = [/The meeting is end-to-end encrypted/i, /Das Meeting ist Ende-zu-Ende-verschlüsselt/i, /La réunion est chiffrée de bout en bout/i];

const RECORDING: Strategy = {
  selectors: ['[data-test="recording-indicator"]', '[data-test="recording-status"]'],
  text: [
    /this meeting is being recorded|recording in progress|is recording this meeting/i,
    /dieses Meeting wird aufgezeichnet|Aufzeichnung läuft/i,
    /cette réunion est (en cours d['’])?enregistr|enregistrement en cours/i,
  ],
};
const TRANSCRIPTION: Strategy = {
  selectors: ['[data-test="transcript-panel"]', '[data-test="ai-assistant-indicator"]'],
  text: [
    /Webex (AI )?Assistant is on|transcription is on|closed captions and highlights are on/i,
    /Webex (KI-)?Assistent ist aktiviert|Transkription ist aktiviert/i,
    /assistant (IA )?Webex est activé|la transcription est activée/i,
  ],
};

const ROSTER: RosterSpec = {
  rows: [
    '[data-test="participant-item"]',
    '[data-test="participants-list"] [role="listitem"]',
    '[role="list"][aria-label*="articipant"] [role="listitem"]',
    '[role="list"][aria-label*="eilnehmer"] [role="listitem"]',
  ],
  name: ['[data-test="participant-name"]', '.participant-name'],
  phoneSelectors: ['[data-test="phone-icon"]', '[data-test="call-in-icon"]'],
  externalSelectors: ['[data-test="identity-unverified"]'],
  where: 'Webex participant list',
};

export const webex: PlatformAdapter = {
  id: 'webex',
  isCallUrl: (url) => CALL_PATH.test(url.pathname),
  read(doc) {
    const read = emptyRead('webex');
    const frame = findSelector(doc, HOST_FRAME);
    if (frame && !detect(doc, PHASES.inCall!) && !detect(doc, PHASES.lobby!)) {
      read.phase = 'no-call';
      read.phaseEvidence = [`host page of the Webex meeting frame (${frame}): the call is read inside the frame`];
      return read;
    }
    readPhase(read, doc, PHASES, 'Webex');
    if (read.phase === 'no-call') return read;

    const off = findText(doc, E2EE_OFF_TEXT, SECURITY_PLACES);
    const on = off ? null : findText(doc, E2EE_ON_TEXT, SECURITY_PLACES);
    const shown: ShownEncryption | null = off
      ? { state: 'off', evidence: `Webex Security tab: ${off}` }
      : on
        ? { state: 'on', evidence: `Webex Security tab: ${on}` }
        : null;
    read.e2ee = encryptionWithFact(FACT_WEBEX, shown, { inCall: read.phase === 'in-call' });

    const recording = detect(doc, RECORDING);
    if (recording) read.recording = { evidence: [`Webex shows recording: ${recording}`] };
    const transcription = detect(doc, TRANSCRIPTION);
    if (transcription) read.transcription = { evidence: [`Webex shows transcription: ${transcription}`] };

    const roster = readRoster(doc, ROSTER);
    read.participants = roster.participants;
    if (read.phase === 'in-call' && roster.count === 0) read.unreadable.push('participants');
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'in-call-fr.html'] },
  lobby: { how: 'page', fixtures: ['lobby.html'] },
  e2ee: {
    how: 'page+fact',
    fixtures: ['in-call.html', 'security-not-e2ee.html', 'security-e2ee.html'],
    note: 'Security tab text; the fact that the web app cannot do E2EE is an inference from Cisco\'s docs',
  },
  recording: { how: 'page', fixtures: ['recording.html', 'in-call-fr.html'] },
  transcription: { how: 'page', fixtures: ['transcription.html'] },
  'dial-in': { how: 'page', fixtures: ['dial-in.html'], note: 'phone icons and phone-number names' },
  external: { how: 'page', fixtures: ['external.html', 'in-call-fr.html'], note: '"Identity unverified" and "Guest" labels' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
};

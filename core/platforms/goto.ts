import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { encryptionWithFact, FACT_GOTO } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * GoTo Meeting in the browser (meet.goto.com, app.gotomeeting.com, global.gotomeeting.com). No
 * vendor claim of end-to-end encryption was found: encryption stays unknown unless WebRTC shows more.
 */
const PHASES: PhaseStrategies = {
  lobby: {
    text: [
      /Waiting for the organi[sz]er|The meeting has not started yet|This meeting is locked/i,
      /Warten auf den Organisator|Das Meeting hat noch nicht begonnen|Dieses Meeting ist gesperrt/i,
      /En attente de l['’]organisateur|La réunion n['’]a pas encore commencé|Cette réunion est verrouillée/i,
    ],
    textIn: ['h1', 'h2', 'p', 'div'],
  },
  inCall: {
    selectors: ['[data-testid="leave-meeting-button"]', '[data-testid="toolbar-leave"]'],
    buttons: [/^(Leave|Leave meeting|End meeting)$/i, /^(Verlassen|Meeting verlassen|Meeting beenden)$/i, /^(Quitter|Quitter la réunion|Terminer la réunion)$/i],
  },
  preJoin: {
    buttons: [/^(Join meeting|Join now|OK, I['’]m ready)$/i, /^(Meeting beitreten|Jetzt teilnehmen)$/i, /^(Rejoindre la réunion|Participer maintenant)$/i],
  },
};

const RECORDING: Strategy = {
  selectors: ['[data-testid="recording-indicator"]'],
  text: [/this (meeting|session) is being recorded|recording in progress/i, /dieses Meeting wird aufgezeichnet|Aufzeichnung läuft/i, /cette réunion est (en cours d['’])?enregistr|enregistrement en cours/i],
};
const TRANSCRIPTION: Strategy = {
  text: [/transcription is on|Smart (Meeting )?Assistant is on/i, /Transkription ist aktiviert/i, /la transcription est activée/i],
};

const ROSTER: RosterSpec = {
  rows: ['[data-testid="attendee-list-item"]', '[role="list"][aria-label*="ttendee"] [role="listitem"]', '[role="list"][aria-label*="articipant"] [role="listitem"]'],
  name: ['[data-testid="attendee-name"]'],
  where: 'GoTo attendee list',
};

export const goto: PlatformAdapter = {
  id: 'goto',
  isCallUrl: (url) => url.pathname.length > 1 || /meetingId=/.test(url.search),
  read(doc) {
    const read = emptyRead('goto');
    readPhase(read, doc, PHASES, 'GoTo Meeting');
    read.e2ee = encryptionWithFact(FACT_GOTO, null, { inCall: read.phase === 'in-call' });
    const recording = detect(doc, RECORDING);
    if (recording) read.recording = { evidence: [`GoTo shows recording: ${recording}`] };
    const transcription = detect(doc, TRANSCRIPTION);
    if (transcription) read.transcription = { evidence: [`GoTo shows transcription: ${transcription}`] };
    read.participants = readRoster(doc, ROSTER).participants;
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html'] },
  lobby: { how: 'page', fixtures: ['waiting.html'], note: 'waiting for the organiser, or a locked meeting' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'], note: 'unknown: no vendor claim of end-to-end encryption was found' },
  recording: { how: 'page', fixtures: ['in-call.html'] },
  'dial-in': { how: 'names', fixtures: ['in-call.html'] },
};

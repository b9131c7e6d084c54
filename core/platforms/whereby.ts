import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { encryptionWithFact, FACT_WHEREBY } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * Whereby (whereby.com/<room>, <team>.whereby.com/<room>). Small rooms are peer-to-peer and
 * end-to-end encrypted, large rooms are not, and the page does not say which: encryption stays
 * unknown unless WebRTC shows more (facts.ts).
 */
const NOT_ROOMS = new Set(['', 'user', 'login', 'signup', 'information', 'pricing', 'blog', 'org', 'embed', 'legal', 'download', 'dashboard', 'settings']);

const PHASES: PhaseStrategies = {
  lobby: {
    text: [
      /(You|You['’]ve) knocked|Waiting for the (host|room owner) to let you in|The room is locked/i,
      /Sie haben angeklopft|Warten, bis (der Gastgeber|die Raumverwaltung) Sie hereinlässt|Der Raum ist gesperrt/i,
      /Vous avez frappé|En attente que l['’](hôte|organisateur) vous laisse entrer|La salle est verrouillée/i,
    ],
    textIn: ['h1', 'h2', 'p', 'div'],
  },
  inCall: {
    selectors: ['[data-testid="leaveButton"]', '[data-testid="leave-button"]'],
    buttons: [/^Leave( meeting| room)?$/i, /^(Verlassen|Raum verlassen)$/i, /^(Quitter|Quitter la salle)$/i],
  },
  preJoin: {
    buttons: [/^(Join meeting|Join now|Knock)$/i, /^(Meeting beitreten|Jetzt beitreten|Anklopfen)$/i, /^(Rejoindre la réunion|Rejoindre|Frapper)$/i],
  },
};

const RECORDING: Strategy = {
  selectors: ['[data-testid="recordingIndicator"]'],
  text: [/this (meeting|room) is being recorded|recording in progress/i, /wird aufgezeichnet|Aufnahme läuft/i, /est (en cours d['’])?enregistr|enregistrement en cours/i],
};

const ROSTER: RosterSpec = {
  rows: ['[data-testid="participantTile"]', '[role="list"][aria-label*="articipant"] [role="listitem"]'],
  name: ['[data-testid="displayName"]', '[class*="displayName"]'],
  where: 'Whereby participants',
};

export const whereby: PlatformAdapter = {
  id: 'whereby',
  isCallUrl: (url) => !NOT_ROOMS.has(url.pathname.split('/')[1]?.toLowerCase() ?? ''),
  read(doc) {
    const read = emptyRead('whereby');
    readPhase(read, doc, PHASES, 'Whereby');
    read.e2ee = encryptionWithFact(FACT_WHEREBY, null, { inCall: read.phase === 'in-call' });
    const recording = detect(doc, RECORDING);
    if (recording) read.recording = { evidence: [`Whereby shows recording: ${recording}`] };
    read.participants = readRoster(doc, ROSTER).participants;
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html'] },
  lobby: { how: 'page', fixtures: ['knocking.html'], note: 'knocking on a locked room' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'], note: 'unknown: only small rooms are end-to-end encrypted and the page does not say which this is' },
  recording: { how: 'page', fixtures: ['recording.html'] },
  notetaker: { how: 'names', fixtures: ['recording.html'] },
};

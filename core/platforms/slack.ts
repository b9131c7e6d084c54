import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { encryptionWithFact, FACT_SLACK } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * Slack huddles in the browser (app.slack.com). The huddle runs inside the Slack client, so any
 * page may hold one; its controls tell. Not end-to-end encrypted: SRTP to Slack's media server.
 */
const PHASES: PhaseStrategies = {
  inCall: {
    selectors: ['[data-qa="huddle_sidebar_footer_leave_button"]', '[data-qa="huddle_mini_player_leave_button"]', '[data-qa="huddle-leave-button"]'],
    buttons: [/^Leave( huddle)?$/i, /^Huddle verlassen$/i, /^Quitter le huddle$/i],
  },
  preJoin: {
    buttons: [/^Join( huddle)?$/i, /^Huddle beitreten$/i, /^Rejoindre le huddle$/i],
  },
  noCall: {
    selectors: ['[data-qa="message_input"]', '[data-qa="channel_sidebar"]'],
  },
};

/** Slack AI huddle notes (the huddle itself cannot be recorded, per Slack). */
const NOTES: Strategy = {
  selectors: ['[data-qa="huddle_notes_ai_indicator"]'],
  text: [/(Slack AI is taking|AI) huddle notes|huddle notes are on/i, /Huddle-Notizen (sind aktiviert|werden erstellt)|KI-Huddle-Notizen/i, /notes (IA )?de huddle (sont activées|en cours)/i],
};

const ROSTER: RosterSpec = {
  rows: ['[data-qa="huddle_participant"]', '[role="list"][aria-label*="articipant"] [role="listitem"]'],
  name: ['[data-qa="huddle_participant_name"]'],
  where: 'Slack huddle participants',
};

export const slack: PlatformAdapter = {
  id: 'slack',
  isCallUrl: () => true,
  read(doc) {
    const read = emptyRead('slack');
    readPhase(read, doc, PHASES, 'Slack huddle');
    if (read.phase === 'no-call') return read;
    read.e2ee = encryptionWithFact(FACT_SLACK, null, { inCall: read.phase === 'in-call' });
    const notes = detect(doc, NOTES);
    if (notes) read.transcription = { evidence: [`Slack shows AI huddle notes: ${notes}`] };
    read.participants = readRoster(doc, ROSTER).participants;
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['huddle.html'] },
  e2ee: { how: 'fact', fixtures: ['huddle.html'] },
  transcription: { how: 'page', fixtures: ['huddle-notes.html'], note: 'Slack AI huddle notes' },
  notetaker: { how: 'names', fixtures: ['huddle-notes.html'] },
};

import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { encryptionWithFact, FACT_BIGBLUEBUTTON } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * BigBlueButton (self-hosted only: reachable through the conferenceSites setting, no manifest
 * match). Selectors: bigbluebutton-tests/playwright/core/elements.ts. No end-to-end encryption.
 */
const PHASES: PhaseStrategies = {
  lobby: {
    selectors: ['#positionInWaitingQueue'],
    text: [
      /Please wait for a moderator to approve you joining the meeting/i,
      /Bitte warten Sie, bis ein Moderator Ihre Teilnahme/i,
      /Veuillez patienter (jusqu['’]à ce qu['’]un|qu['’]un) modérateur/i,
    ],
    textIn: ['p', 'div', 'h1', 'h2'],
  },
  inCall: {
    selectors: ['button[data-test="leaveMeetingDropdown"]', 'div[data-test="userListPanel"]', 'button[data-test="optionsButton"]'],
    buttons: [/^Leave (meeting|session)$/i, /^(Konferenz verlassen|Sitzung verlassen)$/i, /^(Quitter la (réunion|conférence|session))$/i],
  },
};

const RECORDING: Strategy = {
  selectors: ['div[data-testid="recordingNotifyModal"]'],
  text: [/this session is (now )?being recorded/i, /diese (Sitzung|Konferenz) wird (jetzt )?aufgezeichnet/i, /cette (session|conférence) est (maintenant )?enregistrée/i],
};

const ROSTER: RosterSpec = {
  rows: ['div[data-test="userListItem"]', 'div[data-test="userListItemCurrent"]'],
  name: ['[data-test="userName"]', 'span[aria-hidden="true"]'],
  phoneSelectors: ['i.icon-bbb-phone', '[data-test="phoneUser"]'],
  where: 'BigBlueButton user list',
};

export const bigbluebutton: PlatformAdapter = {
  id: 'bigbluebutton',
  // The server is the organisation's own: anything but its front page may be a session.
  isCallUrl: (url) => url.pathname.length > 1,
  read(doc) {
    const read = emptyRead('bigbluebutton');
    readPhase(read, doc, PHASES, 'BigBlueButton');
    read.e2ee = encryptionWithFact(FACT_BIGBLUEBUTTON, null, { inCall: read.phase === 'in-call' });
    const recording = detect(doc, RECORDING);
    if (recording) read.recording = { evidence: [`BigBlueButton shows recording: ${recording}`] };
    const roster = readRoster(doc, ROSTER);
    read.participants = roster.participants;
    if (read.phase === 'in-call' && roster.count === 0) read.unreadable.push('participants');
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html'] },
  lobby: { how: 'page', fixtures: ['guest-lobby.html'], note: 'guests waiting for a moderator' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'] },
  recording: { how: 'page', fixtures: ['recording.html'] },
  'dial-in': { how: 'page', fixtures: ['in-call.html'], note: 'phone icon or phone-number names in the user list' },
  external: { how: 'page', fixtures: ['in-call.html'], note: 'the "Guest" label' },
  notetaker: { how: 'names', fixtures: ['recording.html'] },
};

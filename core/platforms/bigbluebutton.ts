import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * BigBlueButton (self-hosted only: reachable through the conferenceSites setting, no built-in
 * site). No end-to-end encryption. Selectors: the project's own Playwright tests and html5 client
 * (test/fixtures/bigbluebutton/SOURCES.md).
 */
export const platform: Platform = {
  id: 'bigbluebutton',
  name: 'BigBlueButton',
  tier: 2,
  matches: [],
  // The server is the organisation's own: anything but its front page may be a session.
  isCallUrl: (url) => url.pathname.length > 1,
  detect: {
    participantText: ['[data-test="userName"]', '[data-test="chatMessages"]', '[data-test="chatUserMessageText"]', '[data-test="msgListItem"]'],
    phases: [
      {
        phase: 'lobby',
        marker: {
          selectors: ['#positionInWaitingQueue'],
          text: [
            /Please wait for a moderator to approve you joining the meeting/i,
            /Bitte warten Sie, bis ein Moderator Ihre Teilnahme/i,
            /Veuillez patienter (jusqu['’]à ce qu['’]un|qu['’]un) modérateur/i,
          ],
          textIn: ['p', 'h1', 'h2'],
        },
      },
      {
        phase: 'in-call',
        marker: {
          selectors: ['button[data-test="leaveMeetingDropdown"]', 'div[data-test="userListPanel"]', 'button[data-test="optionsButton"]'],
          controls: [/^Leave (meeting|session)$/i, /^(Konferenz verlassen|Sitzung verlassen)$/i, /^(Quitter la (réunion|conférence|session))$/i],
        },
      },
    ],
    recording: {
      selectors: ['div[data-testid="recordingNotifyModal"]'],
      text: [/this session is (now )?being recorded/i, /diese (Sitzung|Konferenz) wird (jetzt )?aufgezeichnet/i, /cette (session|conférence) est (maintenant )?enregistrée/i],
    },
    roster: {
      rows: ['div[data-test="userListItem"]', 'div[data-test="userListItemCurrent"]'],
      name: ['[data-test="userName"]', 'span[aria-hidden="true"]'],
      phoneSelectors: ['i.icon-bbb-phone', '[data-test="phoneUser"]'],
      where: 'BigBlueButton user list',
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'never',
  statement: 'BigBlueButton has no end-to-end encryption: its media server decrypts all media (the feature request is still open)',
  source: 'https://github.com/bigbluebutton/bigbluebutton/issues/9893',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html'] },
  lobby: { how: 'page', fixtures: ['guest-lobby.html'], note: 'guests waiting for a moderator' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'] },
  recording: { how: 'page', fixtures: ['recording.html'] },
  'dial-in': { how: 'page', fixtures: ['in-call.html'], note: 'phone icon or phone-number names in the user list' },
  external: { how: 'page', fixtures: ['in-call.html'], note: 'the "Guest" label' },
  notetaker: { how: 'names', fixtures: ['recording.html'] },
};

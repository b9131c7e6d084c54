import { WHERE_BIGBLUEBUTTON } from '../evidence';
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
    participantText: [
      // The user list (each item's aria-label is the name), webcam tiles, the talking indicator.
      '[data-test="userListContent"]',
      '[data-test^="userListItem"]',
      '[data-test="webcamVideoList"]',
      '[data-test="talkingIndicator"]',
      // Chat, its notifications and toasts; shared notes; breakout room names.
      '[data-test="chatMessages"]',
      '[data-test="messageContent"]',
      '[data-test="chatMessageNotificationContent"]',
      '[data-test="toastContainer"]',
      '[data-test="private-user-list-content"]',
      '[data-test="notes"]',
      '[data-test="breakoutRoomList"]',
      '#message-input',
      // The meeting's and the presentation's names are whoever created them; the host's lobby message.
      '[data-test="presentationTitle"]',
      '[data-test="presentationName"]',
      '[data-test="guestLobbyMessage"]',
      '[data-test="guestPublicLobbyMessage"]',
      '[data-test="guestPrivateLobbyMessage"]',
    ],
    phases: [
      {
        phase: 'lobby',
        marker: {
          selectors: ['#positionInWaitingQueue', '[data-test="guestWaitSpinner"]'],
          text: [
            /^Please wait for a moderator to approve you joining the (session|meeting)\.?$/i,
            /^Bitte warten Sie, bis ein Moderator Ihre Teilnahme/i,
            /^Veuillez (patienter|attendre) (jusqu['’]à ce qu['’]un|qu['’]un) modérateur/i,
          ],
          textIn: ['p', 'h1'],
        },
      },
      {
        // BigBlueButton has no pre-join page: "How would you like to join the audio?" opens over
        // the meeting, whose list, chat and leave button are already there.
        phase: 'pre-join',
        marker: { selectors: ['[data-testid="audioModal"]', '[data-test="audioModalOptions"]'] },
      },
      {
        phase: 'in-call',
        marker: {
          selectors: ['button[data-test="leaveMeetingDropdown"]', 'div[data-test="userListPanel"]', 'button[data-test="optionsButton"]', '#ActionsBar'],
          controls: [/^Leave (meeting|session)$/i, /^(Konferenz verlassen|Sitzung verlassen)$/i, /^(Quitter la (réunion|conférence|session))$/i],
        },
      },
    ],
    // The indicator is there in every session that may be recorded, recording or not: only its
    // words tell (a viewer sees "This session is now being recorded", a moderator "Pause recording").
    recording: {
      selectors: ['div[data-testid="recordingNotifyModal"]'],
      labels: [
        /^This session is now being recorded$/i,
        /^Pause recording$/i,
        /^Diese Konferenz wird jetzt aufgezeichnet$/i,
        /^Aufzeichnung pausieren$/i,
        /^Cette réunion est maintenant enregistrée$/i,
      ],
      text: [/^(Recording|Aufzeichnung läuft|Enregistrement en cours) \d+:\d{2}$/i, /^Recording has started$/i, /^Aufzeichnung hat begonnen$/i],
      textIn: ['#recording-description', '[data-test="recordingNotifyModal"] h2'],
    },
    roster: {
      rows: ['[data-test="userListItem"]', '[data-test="userListItemCurrent"]'],
      name: ['[data-test="userName"]'],
      phoneSelectors: ['i.icon-bbb-volume_level_2', 'i.icon-bbb-phone', '[data-test="phoneUser"]'],
      labelsIn: ['[data-test="userNameSubs"]'],
      where: WHERE_BIGBLUEBUTTON,
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
  'call-state': { how: 'page', fixtures: ['in-call.html', 'recording.html'] },
  lobby: { how: 'page', fixtures: ['lobby.html'], note: 'guests waiting for a moderator' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'] },
  recording: { how: 'page', fixtures: ['recording.html', 'recording-moderator.html'], note: 'by the indicator\'s words: it shows in every session that may be recorded' },
  'dial-in': { how: 'page', fixtures: ['dial-in.html'], note: 'the phone avatar of the user list' },
  external: { how: 'page', fixtures: ['external.html'], note: 'the "Guest" label' },
  notetaker: { how: 'page', fixtures: ['notetaker.html'], note: 'the "Bot" label of bots joined through the API; other bots by their names' },
};

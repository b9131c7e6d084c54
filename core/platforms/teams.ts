import { WHERE_TEAMS } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Microsoft Teams on the web (teams.microsoft.com, teams.live.com, teams.cloud.microsoft). One
 * single-page app for chat and calls, so every URL may hold a call: the page decides. Closed
 * source: selectors from TranscripTonic, Vexa and attendee; labels from Microsoft's docs
 * (test/fixtures/teams/SOURCES.md).
 */
export const platform: Platform = {
  id: 'teams',
  name: 'Microsoft Teams',
  tier: 1,
  matches: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
  detect: {
    // For confirmBeforeJoin: the pre-join screen's "Join now" (test/fixtures/teams/SOURCES.md, pre-join.html).
    joinControl: { selectors: ['#prejoin-join-button', '[data-tid="prejoin-join-button"]'] },
    participantText: [
      // Captions: what each participant says, and who said it.
      '[data-tid="closed-caption-renderer-wrapper"]',
      '[data-tid^="closed-caption"]',
      '[data-tid="author"]',
      // Chat: the message list, each message, its author; the message box.
      '[data-tid="message-pane-list-viewport"]',
      '[data-tid="chat-pane-list"]',
      '[data-tid="chat-pane-item"]',
      '[data-tid="chat-pane-message"]',
      '[data-tid="message-author-name"]',
      '[aria-label="Type a message"]',
      // Video tiles and name tags (a tile's data-tid holds its participant's name).
      '[data-cid="calling-participant-stream"]',
      '[data-stream-type]',
      '[data-tid="participant-info-nametag"]',
      // The meeting's title is its organiser's text.
      '[data-tid="meeting-header-title"]',
    ],
    phases: [
      {
        // Only the admitted call has the hang-up button and the "More" menu; the device toggles
        // are the same on the pre-join screen.
        phase: 'in-call',
        marker: { selectors: ['#hangup-button', '[data-inp="hangup-button"]', '#callingButtons-showMoreBtn'] },
      },
      {
        // The lobby is the pre-join screen again, its Join now button disabled, with a message.
        phase: 'lobby',
        marker: {
          selectors: ['[data-tid="prejoin-join-button"][disabled]', '#prejoin-join-button[disabled]'],
          text: [
            /Someone (will|should|in the meeting should) let you in (soon|shortly)|When the meeting starts, we['’]ll let people know you['’]re waiting|We['’]ve let people in the meeting know you['’]re waiting|You['’]re in the lobby|Waiting to be admitted/i,
            /Jemand wird Sie in Kürze (zulassen|hereinlassen)|Sie befinden sich im Wartebereich|Warten auf die Zulassung/i,
            /Quelqu['’]un (vous laissera bientôt entrer|devrait vous laisser entrer sous peu)|Vous êtes dans la salle d['’]attente|En attente d['’]admission/i,
          ],
          textIn: ['h1', 'h2', 'p', 'span'],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          selectors: ['[data-tid="calling-prejoin-screen"]', '#prejoin-join-button', '[data-tid="prejoin-join-button"]', '[data-tid="prejoin-display-name-input"]'],
          text: [
            /^Choose your (audio and )?video (and audio )?(settings|options)$/i,
            /^Wählen Sie Ihre (Audio- und )?Video(einstellungen|optionen)$/i,
            /^Choisissez vos (paramètres|options) (audio et vidéo|vidéo et audio)$/i,
          ],
          textIn: ['h1', 'h2'],
        },
      },
      {
        // The app around chat and calendar with no call in it; the screens after a call.
        phase: 'no-call',
        marker: {
          selectors: ['[data-tid="calling-retry-screen"]', '[data-tid="calling-e2ee-end-screen"]', '[data-tid="app-bar"]', '[data-tid="chat-list"]'],
        },
      },
    ],
    // Teams E2EE needs the desktop or mobile client; a page claiming it is overruled by the fact.
    encryption: {
      off: { text: [/not end-to-end encrypted/i, /nicht Ende-zu-Ende-verschlüsselt/i, /pas chiffrée? de bout en bout/i], textIn: ['[data-tid*="encryption"]', '[data-tid*="security"]'] },
      on: {
        text: [
          /[^.\n]{0,60}end-to-end encrypt(ed|ion)[^.\n]{0,40}/i,
          /[^.\n]{0,60}Ende-zu-Ende-verschlüssel(t|ung)[^.\n]{0,40}/i,
          /[^.\n]{0,60}chiffr(ée?|ement) de bout en bout[^.\n]{0,40}/i,
        ],
        textIn: ['[data-tid*="encryption"]', '[data-tid*="security"]'],
      },
    },
    // The compliance notice everyone gets (wording: Microsoft's Teams-interop UI strings).
    recording: {
      selectors: ['[data-tid="recording-indicator"]', '[data-tid="call-recording-indicator"]'],
      text: [
        /^Recording has started|^Recording and transcription have started|this (meeting|call) is being recorded/i,
        /^Die Aufzeichnung wurde gestartet|^Die Aufzeichnung und Transkription haben begonnen|(Diese Besprechung|Dieser Anruf) wird aufgezeichnet/i,
        /^L['’]enregistrement a (démarré|commencé)|^Démarrage de l['’]enregistrement et de la transcription|(cette réunion|cet appel) est (en cours d['’])?enregistr/i,
      ],
      textIn: ['strong', 'p', 'span'],
    },
    transcription: {
      selectors: ['[data-tid="transcription-indicator"]'],
      text: [
        /^Transcription has started|^Recording and transcription have started|this (meeting|call) is being transcribed|^Copilot is (on|transcribing)/i,
        /^Die Transkription (hat begonnen|wurde gestartet)|^Die Aufzeichnung und Transkription haben begonnen|wird transkribiert/i,
        /^Démarrage de (la transcription|l['’]enregistrement et de la transcription)|^La transcription a (démarré|commencé)|est en cours de transcription/i,
      ],
      textIn: ['strong', 'p', 'span'],
    },
    roster: {
      rows: ['[data-tid^="participantsInCall-"]', '[data-tid^="attendeesInMeeting-"]', '[data-cid="roster-participant"]', '[data-cid="calling-participant-stream"]'],
      name: ['span[title]', '[data-tid="participant-info-nametag"]'],
      nameAttribute: 'title',
      phoneSelectors: ['[data-tid="roster-pstn-icon"]'],
      where: WHERE_TEAMS,
    },
    // Meeting options: who can bypass the lobby (Microsoft docs "Overview of lobby settings").
    meetingOpen: {
      choices: [
        {
          label: [/^Who can bypass the lobby\??$/i, /^Wer kann den Wartebereich umgehen\??$/i, /^Qui peut contourner la salle d['’]attente\s?\??$/i],
          value: [/^(Everyone|Alle|Jeder|Tout le monde)$/i],
        },
      ],
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'never',
  statement:
    'Microsoft Teams does not support end-to-end encryption in the browser: browser participants are blocked from end-to-end encrypted meetings, and 1:1 E2EE calls need the desktop or mobile client',
  source:
    'https://learn.microsoft.com/en-us/microsoftteams/end-to-end-encrypted-meetings and https://learn.microsoft.com/en-us/microsoftteams/teams-end-to-end-encryption',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'recording.html', 'dial-in.html'], note: 'the hang-up button and the "More" menu, only in the admitted call' },
  lobby: { how: 'page', fixtures: ['lobby.html'], note: 'the pre-join screen with Join now disabled' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'], note: 'browsers are blocked from E2EE meetings; 1:1 E2EE needs the desktop or mobile client' },
  recording: { how: 'page', fixtures: ['recording.html'], unverified: 'the notice\'s markup (its words are Microsoft\'s Teams-interop strings)' },
  transcription: { how: 'page', fixtures: ['transcription.html'], unverified: 'the notice\'s markup' },
  'dial-in': { how: 'names', fixtures: ['dial-in.html', 'dial-in-masked.html'], unverified: 'the phone icon and the mask format' },
  external: { how: 'page', fixtures: ['external.html', 'external-trusted.html'], note: '"Unverified" and "External" after the name (MC716008)' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'meeting-open': { how: 'page', fixtures: ['open-meeting.html'], note: 'meeting options: who can bypass the lobby', unverified: 'the options pane\'s markup' },
  'join-button': { how: 'page', fixtures: ['pre-join.html'] },
};

import { WHERE_WEBEX } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Webex web app (*.webex.com: /meet/<room>, /<site>/j.php, /wbxmjs/joinservice/…, /webappng/…,
 * web.webex.com/meetings). The meeting runs in `iframe#unified-webclient-iframe` (older:
 * `iframe[name="thinIframe"]`), read like Zoom's: the host page is "no call", the frame is the
 * call. Selectors: public Webex bot code; labels and Security tab texts: help.webex.com
 * (test/fixtures/webex/SOURCES.md).
 */
export const platform: Platform = {
  id: 'webex',
  name: 'Webex',
  tier: 1,
  matches: ['https://*.webex.com/*'],
  isCallUrl: (url) => /^\/(meet\/[^/]+|[^/]+\/j\.php|wbxmjs\/|webappng\/|meetings?(\/|$)|join(\/|$))/.test(url.pathname),
  detect: {
    // For confirmBeforeJoin: the pre-join screen's join button (test/fixtures/webex/SOURCES.md, pre-join.html).
    joinControl: { selectors: ['[data-test="join-button"]'] },
    callFrames: ['iframe#unified-webclient-iframe', 'iframe[name="thinIframe"]'],
    participantText: [
      // Names in the roster and on tiles (a tile label's data-test holds the name itself).
      '[data-test="participant-name"]',
      '[class*="full-name"]',
      '.participants-list-item',
      '.participants-video-tile',
      '[data-test$="-participant-label"]',
      // Chat (hashed "style-chat-*" classes), its composer, and captions.
      '[class*="chat-item"]',
      '[class*="chat-box"]',
      '#quill-composer',
      '[data-test="chat-message"]',
      '[data-test="chat-panel"]',
      '[data-test="caption-text"]',
      '[data-test="closed-captions"]',
      // The meeting's title is its host's text.
      'h1[data-type]',
      '[data-test="meeting-info-container"] > span',
    ],
    phases: [
      {
        phase: 'lobby',
        marker: {
          selectors: ['[data-test="lobby-container"]'],
          text: [
            /Waiting for (the )?host|The host will let you in soon|You['’]re in the lobby|the meeting is locked/i,
            /Warten auf (den )?Gastgeber|Der Gastgeber lässt Sie in Kürze herein|Sie befinden sich im Wartebereich|Das Meeting ist gesperrt/i,
            /En attente de l['’](organisateur|hôte)|L['’]organisateur va bientôt vous admettre|Vous êtes dans la salle d['’]attente|La réunion est verrouillée/i,
          ],
          textIn: ['h1', 'h2', 'p', 'span'],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          selectors: ['[data-test="join-button"]', '#join-button', 'input[data-test="Name (required)"]', 'input[aria-label="Meeting password"]'],
          controls: [/^Join (from this browser|meeting)$/i, /^(Über diesen Browser beitreten|Meeting beitreten)$/i, /^(Rejoindre depuis ce navigateur|Rejoindre la réunion)$/i],
        },
      },
      {
        phase: 'in-call',
        marker: {
          // The microphone and camera buttons are on the pre-join screen too; these are not.
          selectors: [
            '[data-test="leave-button"]',
            '[data-test="participants-toggle-button"]',
            '[data-test="meeting-info-container"]',
            '[data-test="in-meeting-chat-toggle-button"]',
            'button[data-doi="CHAT:OPEN_CHAT_PANEL:MENU_CONTROL_BAR"]',
          ],
          controls: [/^Leave( meeting)?$/i, /^(Verlassen|Meeting verlassen)$/i, /^(Quitter|Quitter la réunion)$/i],
        },
      },
    ],
    // Meeting Info › Security tab (help.webex.com rzam8). "not" first: the off sentence contains the on one.
    encryption: {
      off: {
        text: [/secure, but the meeting is not end-to-end encrypted|meeting is not end-to-end encrypted/i, /Meeting ist nicht Ende-zu-Ende-verschlüsselt/i, /réunion n['’]est pas chiffrée de bout en bout/i],
        textIn: ['[role="tabpanel"]', '[data-test="security-tab"]', '[data-test="meeting-info-container"]'],
      },
      on: {
        text: [/The meeting is end-to-end encrypted/i, /Das Meeting ist Ende-zu-Ende-verschlüsselt/i, /La réunion est chiffrée de bout en bout/i],
        textIn: ['[role="tabpanel"]', '[data-test="security-tab"]', '[data-test="meeting-info-container"]'],
      },
    },
    recording: {
      selectors: ['[data-test="recording-indicator"]', '[data-test="recording-status"]'],
      text: [
        /this meeting is being recorded|recording in progress|is recording this meeting/i,
        /dieses Meeting wird aufgezeichnet|Aufzeichnung läuft/i,
        /cette réunion est (en cours d['’])?enregistr|enregistrement en cours/i,
      ],
    },
    transcription: {
      selectors: ['[data-test="transcript-panel"]', '[data-test="ai-assistant-indicator"]'],
      text: [
        /Webex (AI )?Assistant is on|transcription is on|closed captions and highlights are on/i,
        /Webex (KI-)?Assistent ist aktiviert|Transkription ist aktiviert/i,
        /assistant (IA )?Webex est activé|la transcription est activée/i,
      ],
    },
    roster: {
      rows: [
        '.participants-list-item',
        '.participants-video-tile',
        '[data-test="participant-item"]',
        '[data-test="participants-list"] [role="listitem"]',
      ],
      name: ['[data-test="participant-name"]', '[class*="full-name"]', '.participant-name'],
      phoneSelectors: ['[data-test="phone-icon"]', '[data-test="call-in-icon"]'],
      externalSelectors: ['[data-test="identity-unverified"]'],
      where: WHERE_WEBEX,
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'never',
  statement:
    'the Webex web app is not documented as able to join end-to-end encrypted meetings: Cisco describes the E2EE status only for the Webex desktop app and Cisco video devices (an inference from the vendor docs, not a vendor statement about the web app)',
  source: 'https://help.webex.com/article/rzam8 and https://help.webex.com/article/5h5d8ab',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'external.html'], note: 'participants, chat and leave buttons, only in the admitted call' },
  lobby: { how: 'page', fixtures: ['lobby.html'] },
  e2ee: {
    how: 'page+fact',
    fixtures: ['e2ee-on.html', 'e2ee-off.html'],
    note: 'the Security tab\'s words; a claim of E2EE is overruled (the web app is not documented to do E2EE)',
    unverified: 'the Security tab\'s markup',
  },
  external: { how: 'page', fixtures: ['external.html'], note: '"Identity unverified"', unverified: 'the label\'s markup' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'join-button': { how: 'page', fixtures: ['pre-join.html'] },
};

import { WHERE_ZOOM } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Zoom web client (app.zoom.us/wc/…, *.zoom.us, zoomgov.com). The meeting may run in a
 * same-origin `iframe#webclient`: the host page around it is "no call" and the frame's own
 * document is the call. The waiting room is drawn inside the client's `.meeting-app` too, so
 * it is tried before the call. Closed source: selectors from Vexa, attendee and TranscripTonic
 * (test/fixtures/zoom/SOURCES.md).
 */
export const platform: Platform = {
  id: 'zoom',
  name: 'Zoom',
  tier: 1,
  matches: ['https://*.zoom.us/*', 'https://*.zoomgov.com/*'],
  // /wc/<id>/join, /wc/join/<id>, the frame /wc/<id>/…, and the /j/<id> or /w/<id> launchers.
  isCallUrl: (url) => /^\/(wc\/(\d{9,12}|join|\d+\/)|[jsw]\/\d{9,12})/.test(url.pathname),
  detect: {
    // For confirmBeforeJoin: the preview screen's join button (test/fixtures/zoom/SOURCES.md, pre-join.html).
    joinControl: { selectors: ['.preview-join-button'] },
    callFrames: ['iframe#webclient', 'iframe[src*="/wc/"]'],
    participantText: [
      // The right-hand panels: participants (each row's aria-label starts with the name), chat, transcript.
      '#wc-container-right',
      '.participants-li',
      '.waiting-room-list-container',
      // Names on video tiles, reactions with their senders.
      '.video-avatar__avatar-footer',
      '.video-avatar__avatar',
      '.meeting-reaction-emoji__wrapper',
      // Chat and captions wherever they show.
      '[aria-label="Chat Message List"]',
      '.chat-item__sender',
      '.new-chat-message__container',
      '.on-hold-chat',
      '[class*="notification-message"]',
      '.live-transcription-subtitle__box',
      '#live-transcription-subtitle',
      '#transcription-window',
      // The meeting's topic and the waiting room's text are the host's.
      '.head-meeting-topic',
      '.meeting-info-icon__meeting-topic-text',
      '.wr-topic',
      '.wr-main-content',
    ],
    phases: [
      {
        // The footer is drawn only in the admitted call (it may be hidden, never removed); the
        // waiting room is inside .meeting-app too, and its exit button reads "Verlassen" or
        // "Quitter" in German and French, like the call's Leave: never read a button's text here.
        phase: 'in-call',
        marker: {
          selectors: [
            'footer#wc-footer',
            '#foot-bar',
            '.footer__leave-btn-container',
            'button[aria-label="Leave"]',
            '#audioOptionMenu',
            'button.join-audio-container__btn',
            '#meeting-info-indication',
          ],
        },
      },
      {
        // The waiting room (host present) and "waiting for the host to start" share one container.
        phase: 'lobby',
        marker: {
          selectors: ['.meeting-on-hold', '.waiting-room-container', '.wr-tip', '.wr-default__text'],
          text: [
            /^Host has joined\. We['’]ve let them know you['’]re here|^Please wait, the meeting host will let you in soon|^Waiting for the host to start (this|the) meeting|^The host will (let you in|admit you)/i,
            /^Der Host ist beigetreten|^Bitte warten, der Meeting-Host lässt Sie in Kürze eintreten|^Bitte warten Sie, bis der Host das Meeting beginnt/i,
            /^L['’]hôte a participé|^Veuillez patienter, l['’]hôte de la réunion vous laissera bientôt entrer|^En attente de lancement de la réunion par l['’]hôte/i,
          ],
          textIn: ['.wr-tip span', 'span'],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          selectors: ['#input-for-name', '#input-for-pwd', 'button.preview-join-button', '.preview-meeting-info', '#preview-audio-control-button', '#inputname', '#joinBtn'],
        },
      },
      {
        // The launcher page, the end of a meeting, and the refusal of an E2EE meeting in the browser.
        phase: 'no-call',
        marker: {
          text: [
            /^(Launch Meeting|Join from your browser)$/i,
            /^(This meeting has been ended by host|You have been removed)/i,
            /^End-to-end encrypted meetings are not supported on the browser/i,
            /^End-to-End verschlüsselte Meetings sind vorläufig nicht für den Browser geeignet/i,
            /^Les réunions chiffrées de bout en bout ne sont pas prises en charge sur le navigateur/i,
          ],
          textIn: ['a', 'button', 'h1', 'h2', '.zm-modal-body-title'],
        },
      },
    ],
    // The shield means "client connection encrypted", never E2EE (the browser cannot join E2EE
    // meetings): a page claiming more is overruled by the fact.
    encryption: {
      on: {
        text: [
          /[^.\n]{0,60}end-to-end encrypt(ed|ion)[^.\n]{0,40}/i,
          /[^.\n]{0,60}Ende-zu-Ende-verschlüssel(t|ung)[^.\n]{0,40}/i,
          /[^.\n]{0,60}chiffr(ée?|ement) de bout en bout[^.\n]{0,40}/i,
        ],
        textIn: ['.meeting-info-icon__info-row', '[class*="encryption"]'],
      },
    },
    // The indicator at the top (cloud recording, or a participant recording locally: its title
    // says "Recording to cloud" either way), the recording icon in the list, the consent notice.
    recording: {
      selectors: ['.recording-indication__recording-container', '.recording-indication__recording-status', '.participants-icon__recording-icon'],
      text: [
        /^This meeting is being recorded( and livestreamed)?\.?$/i,
        /^Dieses Meeting wird aufgezeichnet( und per Livestream übertragen)?\.?$/i,
        /^Cette réunion est (en cours d['’]enregistrement|enregistrée)( et diffusée en direct)?\.?$/i,
        /^(Recording(…|\.\.\.)|Aufzeichnung läuft ?(…|\.\.\.)|Enregistrement(…|\.\.\.))$/i,
      ],
      textIn: ['.disclaimer-content__title', '.zm-modal-body-title'],
    },
    liveStream: {
      selectors: ['.live-stream-container', '.live-stream-icon'],
      text: [/^This meeting is being livestreamed/i, /^Dieses Meeting wird per Livestream übertragen/i, /^Cette réunion est diffusée en direct/i],
      textIn: ['.disclaimer-content__title'],
    },
    // Live transcription or captions on (Zoom's servers hear the call), or AI Companion.
    transcription: {
      selectors: ['.live-transcription-subtitle__box:not(.live-transcription-subtitle__box--hide)', '#live-transcription-subtitle', '[class*="ai-companion/transcribe-my-note"]'],
      text: [
        /^This meeting is being transcribed|^Live Transcription \(Closed Captioning\) has been enabled|^(Live Transcription|Closed Caption) is turned on|^Meeting Summary with AI Companion is on|^AI Companion has been turned on/i,
        /^Dieses Meeting wird (für AI Companion )?transkribiert|^Die Live-Transkription \(Untertitel\) ist aktiviert/i,
        /^Cette réunion est en cours de transcription|^La transcription en direct \(sous-titres\) a été activée/i,
      ],
      textIn: ['.disclaimer-content__title', '.lt-toast', '.zm-modal-body-title'],
    },
    roster: {
      rows: ['div.participants-li', '.video-avatar__avatar'],
      name: ['.participants-item__display-name', '.video-avatar__avatar-name', '.video-avatar__avatar-footer span'],
      // The phone icons the list draws for a phone line (class names carry the icon's path).
      phoneSelectors: ['[class*="participants-list/telephone"]', '.participants-icon__phone-speaking-icon'],
      // "(Host, guest)": the labels after the name.
      labelsIn: ['.participants-item__name-label'],
      where: WHERE_ZOOM,
    },
    // The host's Security menu: "Lock Meeting" and "Enable Waiting Room" (Zoom KB0062692).
    meetingOpen: {
      togglesOff: [
        [/^Lock meeting$/i, /^Meeting sperren$/i, /^Verrouiller la réunion$/i],
        [/^Enable waiting room$/i, /^Warteraum aktivieren$/i, /^Activer la salle d['’]attente$/i],
      ],
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'never',
  statement:
    'the Zoom web client cannot join end-to-end encrypted meetings: E2EE needs the Zoom desktop or mobile app or Zoom Rooms, and the Meeting SDK for web lists E2EE as unsupported in every browser',
  source:
    'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0065408 and https://developers.zoom.us/docs/meeting-sdk/web/browser-support/',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'recording.html', 'dial-in.html'], note: 'the footer, drawn only in the admitted call' },
  lobby: { how: 'page', fixtures: ['waiting-room.html', 'waiting-for-host.html'], note: 'the waiting room inside .meeting-app, and waiting for the host to start' },
  e2ee: { how: 'fact', fixtures: ['in-call.html', 'e2ee-off.html'], note: 'the web client cannot join E2EE meetings; its shield means ordinary encryption' },
  recording: { how: 'page', fixtures: ['recording.html', 'local-recording.html', 'live-stream.html'], note: 'cloud and local recording, live streams' },
  transcription: { how: 'page', fixtures: ['transcription.html', 'ai-companion.html'], note: 'live transcription and AI Companion' },
  'dial-in': { how: 'page', fixtures: ['dial-in.html'], note: 'the phone icon of the participant list', unverified: 'how numbers are masked' },
  external: { how: 'page', fixtures: ['external.html'], note: '"(Guest)", shown only when the host identifies guests' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'join-button': { how: 'page', fixtures: ['pre-join.html'] },
};

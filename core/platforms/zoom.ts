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
    callFrames: ['iframe#webclient', 'iframe[src*="/wc/"]'],
    participantText: [
      '.participants-item__display-name',
      '.video-avatar__avatar-name',
      '.video-avatar__avatar-title',
      '.chat-container',
      '.chat-content__chat-list',
      '.new-chat-message__container',
      '.chat-message__container',
      '.live-transcription-subtitle__box',
      '#live-transcription-subtitle',
      '.reaction-container',
    ],
    phases: [
      {
        phase: 'lobby',
        marker: {
          selectors: ['.wr-default__text', '[class*="waiting-room"]'],
          text: [
            /Please wait, the meeting host will let you in soon/i,
            /Waiting for the host to start (this|the) meeting/i,
            /Host has joined\. We['’]ve let them know you['’]re here/i,
            /Bitte warten Sie, der Meeting-Host lässt Sie in Kürze eintreten|Warten auf den Host|Warten, bis der Host das Meeting startet/i,
            /Veuillez patienter, l['’]hôte de la réunion va bientôt vous admettre|En attente du démarrage de la réunion par l['’]hôte|En attente de l['’]hôte/i,
          ],
          textIn: ['h1', 'h2', 'h3', 'p', 'span'],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          selectors: ['#input-for-name', '#inputname', 'button.preview-join-button', '#joinBtn', '#preview-audio-control-button'],
        },
      },
      {
        phase: 'in-call',
        marker: {
          selectors: ['#wc-footer', '.footer__leave-btn-container', '#audioOptionMenu', 'button.footer-button-base__button[aria-label="Leave"]'],
          controls: [/^Leave$/i, /^(Verlassen|Meeting verlassen)$/i, /^(Quitter|Quitter la réunion)$/i],
        },
      },
      {
        phase: 'no-call',
        marker: {
          text: [/Launch Meeting|Click Open Zoom Meetings/i, /Meeting starten|Klicken Sie auf „Zoom Meetings öffnen“/i, /Lancer la réunion|Cliquez sur Ouvrir Zoom Meetings/i],
          textIn: ['h1', 'h2', 'button', 'a'],
        },
      },
    ],
    // The shield at the top of the client and the dialog it opens (Zoom KB0065781).
    encryption: {
      off: {
        text: [/not end-to-end encrypted|enhanced encryption/i, /nicht Ende-zu-Ende-verschlüsselt|erweiterte Verschlüsselung/i, /pas chiffrée? de bout en bout|chiffrement (amélioré|renforcé)/i],
        textIn: ['[class*="encryption"]', '[class*="security-icon"]', '[class*="meeting-info"]'],
      },
      on: {
        text: [
          /[^.\n]{0,60}end-to-end encrypt(ed|ion)[^.\n]{0,40}/i,
          /[^.\n]{0,60}Ende-zu-Ende-verschlüssel(t|ung)[^.\n]{0,40}/i,
          /[^.\n]{0,60}chiffr(ée?|ement) de bout en bout[^.\n]{0,40}/i,
        ],
        textIn: ['[class*="encryption"]', '[class*="security-icon"]', '[class*="meeting-info"]'],
      },
    },
    recording: {
      selectors: ['[class*="recording-indicat"]', '.recording-status'],
      text: [
        /this (meeting|webinar) is being recorded|^\s*Recording(…|\.\.\.)?\s*$|(cloud )?recording (is )?in progress/i,
        /(dieses|das) Meeting wird aufgezeichnet|^\s*Aufzeichnung( läuft)?(…|\.\.\.)?\s*$/i,
        /cette réunion est (en cours d['’]enregistrement|enregistrée)|^\s*Enregistrement( en cours)?(…|\.\.\.)?\s*$/i,
      ],
    },
    transcription: {
      selectors: ['.live-transcription-subtitle__box'],
      text: [
        /live transcription (is on|has been enabled|has started)|AI Companion (is|has been) (on|enabled|taking notes)|meeting summary (is|has been) (on|started|enabled)/i,
        /Live-Transkription (ist aktiviert|wurde aktiviert|läuft)|AI Companion (ist|wurde) aktiviert|Meeting-Zusammenfassung (ist|wurde) aktiviert/i,
        /transcription en direct (est )?(activée|en cours)|AI Companion (est|a été) activé|résumé de réunion (est|a été) activé/i,
      ],
    },
    roster: {
      rows: ['.participants-li', '#participants-ul > li', '[aria-label="participants list"] [role="listitem"]', '.video-avatar__avatar'],
      name: ['.participants-item__display-name', '.video-avatar__avatar-name', '.video-avatar__avatar-title'],
      where: 'Zoom participant list',
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
  'call-state': { how: 'page', fixtures: ['in-call.html', 'in-call-de.html', 'in-call-fr.html'] },
  lobby: { how: 'page', fixtures: ['waiting-room.html'], note: 'the waiting room ("the meeting host will let you in soon")' },
  e2ee: {
    how: 'page+fact',
    fixtures: ['in-call.html', 'fake-e2ee.html'],
    note: 'the web client cannot do E2EE, so the shield saying "end-to-end encrypted" is overruled',
  },
  recording: { how: 'page', fixtures: ['recording.html', 'in-call-de.html'] },
  transcription: { how: 'page', fixtures: ['transcription.html'] },
  'dial-in': { how: 'page', fixtures: ['dial-in.html'], note: 'phone icons, phone numbers (also masked) and "Call-in User" names' },
  external: { how: 'page', fixtures: ['external.html'], note: 'the "(Guest)" label' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'meeting-open': { how: 'page', fixtures: ['open-meeting.html'], note: 'only while the host has the Security menu open' },
};

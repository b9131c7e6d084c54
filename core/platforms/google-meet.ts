import { MEET_NO_CSE_INDICATOR, WHERE_MEET } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Google Meet (meet.google.com/abc-defg-hij). Closed source: selectors and texts from the
 * maintained meeting bots (Vexa, attendee) and TranscripTonic, labels from Google's docs
 * (test/fixtures/google-meet/SOURCES.md). The pre-join and waiting screens show a self-preview
 * tile with data-participant-id, so the lobby and pre-join are tried first, and the in-call
 * markers are ones the waiting screens never show.
 */
export const platform: Platform = {
  id: 'google-meet',
  name: 'Google Meet',
  tier: 1,
  matches: ['https://meet.google.com/*'],
  // A meeting code (abc-defg-hij) or a lookup link; "/" and "/landing" are not calls.
  isCallUrl: (url) => /^\/([a-z]{3}-[a-z]{4}-[a-z]{3}|lookup\/[\w-]+)(\/|$)/.test(url.pathname),
  detect: {
    // For confirmBeforeJoin: its pre-join buttons "Join now" and "Ask to join" (test/fixtures/google-meet/SOURCES.md, pre-join.html).
    joinControl: { controls: [/^Join now$/i, /^Ask to join$/i] },
    participantText: [
      '[data-participant-id]',
      '[data-self-name]',
      '[role="list"][aria-label="Participants"]',
      '[role="region"][aria-label="Raised hands"]',
      '[role="region"][aria-label="Presentation"]',
      // Captions (en, de, fr): what each participant says.
      '[role="region"][aria-label="Captions"]',
      '[role="region"][aria-label="Untertitel"]',
      '[role="region"][aria-label="Sous-titres"]',
      // Chat: the message list, each message, its sender; the message box.
      '[jsname="xySENc"]',
      '[jscontroller="RrV5Ic"]',
      '.poVWob',
      'textarea',
      // Names are marked notranslate wherever they show; the meeting title is the host's own text.
      '.notranslate',
      '.u6vdEc',
    ],
    phases: [
      {
        // Only the admitted call has captions, chat and present controls (the waiting screens
        // have Leave call, mic and camera too, and a self-preview tile with data-participant-id).
        // The icon ligatures are the same in every language.
        phase: 'in-call',
        marker: {
          selectors: ['[data-self-name]'],
          controls: [
            /^Turn (on|off) captions$|^Chat with everyone$|^(Present now|Share screen)$/i,
            /^Untertitel (aktivieren|deaktivieren)$|^Mit allen chatten$|^Jetzt präsentieren$/i,
            /^(Activer|Désactiver) les sous-titres$|^Discuter avec tous les participants$|^Présenter maintenant$/i,
          ],
          text: [/^(closed_caption|closed_caption_off|chat|present_to_all)$/],
          textIn: ['button .google-symbols', 'button .material-icons-extended'],
        },
      },
      {
        phase: 'lobby',
        marker: {
          text: [
            /^Asking to be let in/i,
            /You['’]ll join the call when someone lets you in|Please wait until a meeting host brings you into the call|Waiting for the host to (let you in|join)|You['’]re in the waiting room/i,
            /^Teilnahme wird angefragt|Sie nehmen am Anruf teil, sobald Sie jemand hereinlässt/i,
            /^Demande de participation|Vous pourrez participer à l['’]appel dès que quelqu['’]un vous y aura autorisé/i,
          ],
          textIn: ['h1', 'h2', 'div', 'span'],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          selectors: ['input[aria-label="Your name"]'],
          text: [/^Ready to join\?$/i, /^Bereit zum Beitreten\?$/i, /^Prêt à participer\s?\?$/i],
          textIn: ['h1', 'h2', 'div[role="heading"]'],
          controls: [
            /^(Join now|Ask to join|Ask to join anyway|Join anyway|Switch here|Join here too)$/i,
            /^(Jetzt teilnehmen|Teilnahme anfragen)$/i,
            /^(Participer|Participer à la réunion|Demander à participer)$/i,
          ],
        },
      },
      {
        // The home page (start or join a meeting), and the screens after a call has ended.
        phase: 'no-call',
        marker: {
          controls: [/^New meeting$/i, /^Neue Besprechung$/i, /^Nouvelle réunion$/i],
          labels: [/^Enter a code or link$/i, /^Code oder Link eingeben$/i, /^Saisir un code ou un lien$/i],
          text: [
            /^(You left the meeting|Meeting ended|Call ended|Your host ended the meeting for everyone|You['’]ve been removed from the meeting)\.?$/i,
            /^(Sie haben die Besprechung verlassen|Besprechung beendet|Anruf beendet)\.?$/i,
            /^(Vous avez quitté la réunion|Réunion terminée|Appel terminé)\.?$/i,
          ],
          textIn: ['h1', 'h2', 'div[role="heading"]'],
        },
      },
    ],
    // Client-side encryption (CSE): Google's own display string is "Extra encryption added by <domain>".
    encryption: {
      on: {
        // Not anchored: the indicator's icon ligature ("encrypted") comes first in its text.
        text: [/Extra encryption added by \S+/i, /[^.\n]{0,40}client-side encrypt[^.\n]{0,40}/i, /clientseitig verschlüsselt|clientseitige Verschlüsselung/i, /chiffrement côté client|chiffré côté client/i],
        textIn: ['span', 'div[role="status"]'],
        labels: [/Extra encryption added by \S+/i, /client-side encrypt/i, /clientseitig verschlüsselt|clientseitige Verschlüsselung/i, /chiffrement côté client|chiffré côté client/i],
      },
      offWithoutOn: MEET_NO_CSE_INDICATOR,
    },
    // The consent dialog on joining or when recording starts, then the badge at the top.
    recording: {
      text: [
        /^This (video )?call is being recorded/i,
        /^(Dieser|Der) (Video)?anruf wird aufgezeichnet/i,
        /^(Cet|L['’])\s?appel (vidéo )?est (en cours d['’])?enregistr/i,
        /^(Recording|Aufzeichnung läuft|Enregistrement en cours)$/i,
      ],
      textIn: ['h1', 'h2', '.IjxGeb', '.IjxGeb span'],
    },
    // Only organisers of a live-streamed call see a viewer count at the top (Google's help); the
    // rest of the indicator is unverified.
    liveStream: {
      text: [
        /^This (video )?call is being (live[- ]?)?streamed/i,
        /^\d+ (viewers?|Zuschauer|spectateurs?)$/i,
        /^(Dieser|Der) (Video)?anruf wird (live )?gestreamt/i,
        /^(Cet|L['’])\s?appel (vidéo )?est diffusé en direct/i,
      ],
      textIn: ['h1', 'h2', 'span', '.IjxGeb'],
    },
    transcription: {
      text: [
        /^This (video )?call is being (recorded and )?transcribed/i,
        /^Gemini is taking notes\.?$/i,
        /wird transkribiert|^Gemini (erstellt|macht) Notizen\.?$/i,
        /est transcrit|^Gemini prend des notes\.?$/i,
      ],
      textIn: ['h1', 'h2', 'span', '.IjxGeb'],
    },
    roster: {
      rows: ['[data-participant-id]', '[role="list"][aria-label="Participants"] [role="listitem"]'],
      name: ['span.notranslate'],
      where: WHERE_MEET,
    },
    // The "External" label at the top left when people from outside the organisation are in.
    externalNotice: {
      text: [/^(External|Extern|Externe)$/],
      textIn: ['span'],
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'optional',
  statement:
    'Google Meet encrypts media in transit only; end-to-end protection needs client-side encryption (CSE), which must be turned on for the meeting',
  source: 'https://support.google.com/meet/answer/11605714',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'recording.html', 'dial-in.html'], note: 'captions, chat and present controls, which the waiting screens lack' },
  lobby: { how: 'page', fixtures: ['lobby.html'] },
  e2ee: {
    how: 'page+fact',
    fixtures: ['in-call.html', 'e2ee-on.html'],
    note: 'client-side encryption (CSE) shows "Extra encryption added by <domain>" (Google\'s API docs), else off by the platform fact',
    unverified: 'where Meet draws the CSE indicator',
  },
  recording: {
    how: 'page',
    fixtures: ['recording.html', 'recording-consent.html', 'live-stream.html'],
    note: 'the consent dialog "This video call is being recorded", the badge at the top, a live stream\'s viewer count',
    unverified: 'the badge\'s words and the live-stream indicator',
  },
  transcription: { how: 'page', fixtures: ['transcription.html', 'transcription-consent.html'], note: 'also "Gemini is taking notes"' },
  'dial-in': { how: 'names', fixtures: ['dial-in.html'], note: 'callers show as (partly masked) numbers', unverified: 'the exact mask format' },
  external: { how: 'page', fixtures: ['external.html'], note: 'the "External" label', unverified: 'the label\'s markup and its German and French words' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'join-button': { how: 'page', fixtures: ['pre-join.html'] },
};

import { WHERE_GOTO } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * GoTo Meeting in the browser (meet.goto.com, app.gotomeeting.com, global.gotomeeting.com). No
 * vendor claim of end-to-end encryption was found: encryption stays unknown unless WebRTC shows
 * more. Sources: test/fixtures/goto/SOURCES.md.
 */
export const platform: Platform = {
  id: 'goto',
  name: 'GoTo Meeting',
  tier: 2,
  matches: ['https://meet.goto.com/*', 'https://global.gotomeeting.com/*', 'https://app.gotomeeting.com/*'],
  isCallUrl: (url) => url.pathname.length > 1 || /meetingId=/.test(url.search),
  detect: {
    participantText: ['[data-testid="attendee-name"]', '[data-testid="chat-message"]'],
    phases: [
      {
        phase: 'lobby',
        marker: {
          text: [
            /Waiting for the organi[sz]er|The meeting has not started yet|This meeting is locked/i,
            /Warten auf den Organisator|Das Meeting hat noch nicht begonnen|Dieses Meeting ist gesperrt/i,
            /En attente de l['’]organisateur|La réunion n['’]a pas encore commencé|Cette réunion est verrouillée/i,
          ],
          textIn: ['h1', 'h2', 'p'],
        },
      },
      {
        phase: 'in-call',
        marker: {
          selectors: ['[data-testid="leave-meeting-button"]', '[data-testid="toolbar-leave"]'],
          controls: [/^(Leave|Leave meeting|End meeting)$/i, /^(Verlassen|Meeting verlassen|Meeting beenden)$/i, /^(Quitter|Quitter la réunion|Terminer la réunion)$/i],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          // The classic web app's join form and onboarding dialogs (an old pre-join script; unverified today).
          selectors: ['#attendee-name', '[data-automation-id="onboarding-continue-no-audio"]', '[data-automation-id="change-name-and-email-dialog__submit"]'],
          controls: [/^(Join meeting|Join now|OK, I['’]m ready)$/i, /^(Meeting beitreten|Jetzt teilnehmen)$/i, /^(Rejoindre la réunion|Participer maintenant)$/i],
        },
      },
    ],
    recording: {
      selectors: ['[data-testid="recording-indicator"]'],
      text: [/this (meeting|session) is being recorded|recording in progress/i, /dieses Meeting wird aufgezeichnet|Aufzeichnung läuft/i, /cette réunion est (en cours d['’])?enregistr|enregistrement en cours/i],
    },
    transcription: {
      text: [/transcription is on|Smart (Meeting )?Assistant is on/i, /Transkription ist aktiviert/i, /la transcription est activée/i],
    },
    roster: {
      rows: ['[data-testid="attendee-list-item"]', '[role="list"][aria-label*="ttendee"] [role="listitem"]', '[role="list"][aria-label*="articipant"] [role="listitem"]'],
      name: ['[data-testid="attendee-name"]'],
      where: WHERE_GOTO,
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'unknown',
  statement:
    'GoTo describes encryption between GoTo and its users; CallGuard found no current vendor statement that GoTo Meeting media in the browser is end-to-end encrypted',
  source: 'https://support.goto.com/meeting/help/tips-for-staying-secure-using-gotomeeting',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: [], unverified: 'the call page (only an old pre-join script was found)' },
  e2ee: { how: 'fact', fixtures: [], note: 'unknown: no vendor claim of end-to-end encryption was found' },
};

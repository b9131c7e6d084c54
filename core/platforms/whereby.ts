import { WHERE_WHEREBY } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Whereby (whereby.com/<room>, <team>.whereby.com/<room>). Small rooms are peer-to-peer and
 * end-to-end encrypted, large rooms are not, and the page does not say which: encryption stays
 * unknown unless WebRTC shows more. Sources: test/fixtures/whereby/SOURCES.md.
 */
const NOT_ROOMS = new Set(['', 'user', 'login', 'signup', 'information', 'pricing', 'blog', 'org', 'embed', 'legal', 'download', 'dashboard', 'settings']);

export const platform: Platform = {
  id: 'whereby',
  name: 'Whereby',
  tier: 2,
  matches: ['https://whereby.com/*', 'https://*.whereby.com/*'],
  isCallUrl: (url) => !NOT_ROOMS.has(url.pathname.split('/')[1]?.toLowerCase() ?? ''),
  detect: {
    // Names on tiles (the 2020 room's name banners), chat messages.
    participantText: ['[data-testid="displayName"]', '[class*="displayName"]', '[class*="nameBanner"]', '[data-testid="chat-message"]', '[class*="chatMessage"]'],
    phases: [
      {
        phase: 'lobby',
        marker: {
          text: [
            /(You|You['’]ve) knocked|Waiting for the (host|room owner) to let you in|The room is locked/i,
            /Sie haben angeklopft|Warten, bis (der Gastgeber|die Raumverwaltung) Sie hereinlässt|Der Raum ist gesperrt/i,
            /Vous avez frappé|En attente que l['’](hôte|organisateur) vous laisse entrer|La salle est verrouillée/i,
          ],
          textIn: ['h1', 'h2', 'p'],
        },
      },
      {
        phase: 'in-call',
        marker: {
          // The room's own markers as extensions read them in 2019-2020 (unverified today).
          selectors: ['[data-testid="leaveButton"]', '[data-testid="leave-button"]', '[class*="ConnectedRoom"]', '.jstest-client-video'],
          controls: [/^Leave( meeting| room)?$/i, /^(Verlassen|Raum verlassen)$/i, /^(Quitter|Quitter la salle)$/i],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          controls: [/^(Join meeting|Join now|Knock)$/i, /^(Meeting beitreten|Jetzt beitreten|Anklopfen)$/i, /^(Rejoindre la réunion|Rejoindre|Frapper)$/i],
        },
      },
    ],
    recording: {
      selectors: ['[data-testid="recordingIndicator"]'],
      text: [/this (meeting|room) is being recorded|recording in progress/i, /wird aufgezeichnet|Aufnahme läuft/i, /est (en cours d['’])?enregistr|enregistrement en cours/i],
    },
    roster: {
      rows: ['[data-testid="participantTile"]', '.jstest-client-video', '[role="list"][aria-label*="articipant"] [role="listitem"]'],
      name: ['[data-testid="displayName"]', '[class*="displayName"]', '[class*="nameBanner"]'],
      where: WHERE_WHEREBY,
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'optional',
  statement:
    "Whereby end-to-end encrypts only small rooms (media sent peer-to-peer); in large rooms media is decrypted on Whereby's servers, and the page does not show which mode a room uses",
  source: 'https://whereby.com/information/security',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call-2020.html'], unverified: 'today\'s room (the markup is what extensions read in 2019-2020)' },
  e2ee: { how: 'fact', fixtures: ['in-call-2020.html'], note: 'unknown: only small rooms are end-to-end encrypted and the page does not say which this is' },
};

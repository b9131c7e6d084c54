import { WHERE_ELEMENT_CALL } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Element Call (call.element.io, or embedded in Element Web as a widget frame). Calls can be
 * unencrypted, per-participant or shared-key encrypted (E2eeType), and every video tile carries
 * an encryption lock. Strings and markup: element-call's own source, locales and rendered test
 * snapshots (test/fixtures/element-call/SOURCES.md).
 */
export const platform: Platform = {
  id: 'element-call',
  name: 'Element Call',
  tier: 2,
  matches: ['https://call.element.io/*'],
  isCallUrl: (url) => url.pathname.length > 1 || /roomId=/.test(url.hash),
  detect: {
    // For confirmBeforeJoin: the lobby's "Join call" (Element Call's own LobbyView, test/fixtures/element-call/SOURCES.md).
    joinControl: { selectors: ['[data-testid="lobby_joinCall"]'] },
    // Names on tiles, and the room name (anyone who can create a room names it).
    participantText: ['[data-testid="name_tag"]', '[data-testid="roomHeader_roomName"]'],
    phases: [
      {
        // The lobby's footer already has incall_leave, incall_mute and incall_videomute: only
        // tiles, the layout switch and screen sharing are the call's own.
        phase: 'in-call',
        marker: { selectors: ['[data-testid="videoTile"]', 'fieldset[aria-label="Layout"]', '[data-testid="incall_screenshare"]'] },
      },
      {
        // After "Request to join call" the lobby's join button waits for an invitation.
        phase: 'lobby',
        marker: {
          controls: [
            /^Request sent! Waiting for permission to join/i,
            /^Anfrage gesendet!? Warten auf Teilnahmefreigabe/i,
            /^Demande envoyée/i,
          ],
        },
      },
      {
        phase: 'pre-join',
        marker: {
          selectors: ['[data-testid="lobby_joinCall"]', '[data-testid="joincall_displayName"]'],
          controls: [
            /^(Join call|Request to join call)$/i,
            /^(Anruf beitreten|Teilnahmeanfrage senden)$/i,
            /^(Rejoindre l['’]appel|Demandez à rejoindre l['’]appel)$/i,
          ],
        },
      },
      {
        // Error pages: the call cannot run in this browser, or the request to join was declined.
        phase: 'no-call',
        marker: {
          text: [/^(Incompatible browser|Access denied)$/i, /^(Inkompatibler Browser|Zugriff verweigert)$/i, /^(Moteur de recherche incompatible|Non autorisé à rejoindre)$/i],
          textIn: ['h1'],
        },
      },
    ],
    // The lock next to the room name shows the room's configured encryption, in the lobby and in
    // the call ("Encrypted" is only its tooltip); a tile warns of a participant's unencrypted media.
    encryption: {
      off: {
        selectors: [
          '[data-encrypted="false"]',
          '[data-testid="videoTile"] [role="img"][aria-label="Not encrypted"]',
          '[data-testid="videoTile"] [role="img"][aria-label="Nicht verschlüsselt"]',
          '[data-testid="videoTile"] [role="img"][aria-label="Non chiffré"]',
        ],
        text: [/does not support encrypted calls/i, /unterstützt keine verschlüsselten Anrufe/i],
        textIn: ['p', 'h1'],
      },
      on: { selectors: ['svg[data-encrypted="true"]', '[data-encrypted="true"]'] },
    },
    roster: {
      rows: ['[data-testid="videoTile"]'],
      name: ['[data-testid="name_tag"]'],
      where: WHERE_ELEMENT_CALL,
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'optional',
  statement:
    'Element Call can run with no encryption, per-participant keys or a shared key (E2eeType NONE, PER_PARTICIPANT, SHARED_KEY), so a call is not end-to-end encrypted unless it shows "Encrypted"',
  source: 'https://github.com/element-hq/element-call/blob/livekit/src/e2ee/e2eeType.ts',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'e2ee-off.html'], note: 'video tiles and the layout switch (the lobby has the call\'s footer buttons too)' },
  lobby: { how: 'page', fixtures: ['lobby.html'], note: 'waiting after "Request to join call"' },
  e2ee: { how: 'page', fixtures: ['e2ee-on.html', 'e2ee-off.html', 'e2ee-track-warning.html'], note: 'the lock\'s data-encrypted next to the room name, and a tile\'s "Not encrypted"; not shown inside Element Web' },
  'join-button': { how: 'page', fixtures: ['pre-join.html'] },
};

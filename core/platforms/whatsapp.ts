import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * WhatsApp Web (web.whatsapp.com): 1:1 calls, end-to-end encrypted by design. That fact is one
 * of the two sources "on" needs; the other is the media path. The chat list alone is no call,
 * and a ringing call is not joined. Sources: test/fixtures/whatsapp/SOURCES.md.
 */
export const platform: Platform = {
  id: 'whatsapp',
  name: 'WhatsApp Web',
  tier: 2,
  matches: ['https://web.whatsapp.com/*'],
  detect: {
    participantText: ['#main', '[data-testid="conversation-panel-messages"]', '[data-testid="cell-frame-title"]', '#pane-side'],
    phases: [
      {
        phase: 'in-call',
        marker: {
          selectors: ['[data-testid="call-end"]', '[data-icon="call-end"]'],
          controls: [/^End call$/i, /^Anruf beenden$/i, /^(Raccrocher|Terminer l['’]appel)$/i],
        },
      },
      // Calling out, ringing: not connected yet.
      {
        phase: 'pre-join',
        marker: {
          text: [/^\s*(Calling|Ringing)(…|\.\.\.)?\s*$/i, /^\s*(Anrufen|Klingelt)(…|\.\.\.)?\s*$/i, /^\s*(Appel en cours|Sonnerie)(…|\.\.\.)?\s*$/i],
          textIn: ['span', 'div'],
        },
      },
      {
        phase: 'no-call',
        marker: {
          selectors: ['#pane-side', '[data-testid="chat-list"]'],
          labels: [/^Chat list$/i, /^Chatliste$/i, /^Liste des discussions$/i],
        },
      },
    ],
    encryption: {
      on: { text: [/^\s*End-to-end encrypted\s*$/i, /^\s*Ende-zu-Ende-verschlüsselt\s*$/i, /^\s*Chiffré de bout en bout\s*$/i], textIn: ['span'] },
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'always',
  statement: 'WhatsApp end-to-end encrypts personal calls by default (Signal protocol), including calls from WhatsApp Web',
  source: 'https://faq.whatsapp.com/820124435853543 and https://www.whatsapp.com/security/WhatsApp-Security-Whitepaper.pdf',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: [], unverified: 'the call screen (no public source shows it)' },
  e2ee: { how: 'fact', fixtures: [], note: 'end-to-end encrypted by design; "on" still needs the media path' },
};

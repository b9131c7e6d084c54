import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { encryptionWithFact, FACT_WHATSAPP } from './facts';
import { detect, readPhase, type PhaseStrategies } from './toolkit';

/**
 * WhatsApp Web (web.whatsapp.com): 1:1 calls, end-to-end encrypted by design. Still "on" only
 * while the page shows a call: the chat list alone is no call, and a ringing call is not joined.
 */
const PHASES: PhaseStrategies = {
  inCall: {
    selectors: ['[data-testid="call-end"]', '[data-icon="call-end"]'],
    buttons: [/^End call$/i, /^Anruf beenden$/i, /^(Raccrocher|Terminer l['’]appel)$/i],
  },
  // Calling out, ringing: not connected yet.
  preJoin: {
    text: [/^\s*(Calling|Ringing)(…|\.\.\.)?\s*$/i, /^\s*(Anrufen|Klingelt)(…|\.\.\.)?\s*$/i, /^\s*(Appel en cours|Sonnerie)(…|\.\.\.)?\s*$/i],
    textIn: ['span', 'div'],
  },
  noCall: {
    selectors: ['#pane-side', '[data-testid="chat-list"]'],
    text: [/^\s*Chat list\s*$/i, /^\s*Chatliste\s*$/i, /^\s*Liste des discussions\s*$/i],
  },
};

const E2EE_SHOWN = [/^\s*End-to-end encrypted\s*$/i, /^\s*Ende-zu-Ende-verschlüsselt\s*$/i, /^\s*Chiffré de bout en bout\s*$/i];

export const whatsapp: PlatformAdapter = {
  id: 'whatsapp',
  isCallUrl: () => true,
  read(doc) {
    const read = emptyRead('whatsapp');
    readPhase(read, doc, PHASES, 'WhatsApp');
    if (read.phase === 'no-call') return read;
    const shown = read.phase === 'in-call' ? detect(doc, { text: E2EE_SHOWN, textIn: ['span', 'div'] }) : null;
    read.e2ee = encryptionWithFact(FACT_WHATSAPP, shown ? { state: 'on', evidence: `WhatsApp call screen shows ${shown}` } : null, {
      inCall: read.phase === 'in-call',
    });
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html'] },
  e2ee: { how: 'page+fact', fixtures: ['in-call.html'], note: 'on only while a call is shown; the call screen says "End-to-end encrypted"' },
};

import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { quote } from './dom';
import { encryptionWithFact, FACT_ELEMENT_CALL, type ShownEncryption } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec } from './toolkit';

/**
 * Element Call (call.element.io, or embedded in Element Web as a widget frame). Calls can be
 * unencrypted, per-participant or shared-key encrypted (E2eeType), and every video tile carries
 * an "Encrypted" / "Not encrypted" lock: that is the indicator read here. Strings: element-call
 * locales/en/app.json (common.encrypted, common.unencrypted, lobby.*, hangup_button_label).
 */
const PHASES: PhaseStrategies = {
  lobby: {
    text: [
      /Request sent! Waiting for permission to join/i,
      /Anfrage gesendet!? Warte auf (die )?Berechtigung/i,
      /Demande envoyée\s*!? En attente de l['’]autorisation/i,
    ],
    textIn: ['h1', 'h2', 'p', 'div', 'span'],
  },
  inCall: {
    selectors: ['[data-testid="incall_leave"]'],
    buttons: [/^End call$/i, /^Anruf beenden$/i, /^(Terminer l['’]appel|Raccrocher)$/i],
  },
  preJoin: {
    selectors: ['[data-testid="lobby_joinCall"]'],
    buttons: [/^(Join call|Request to join call|Join as guest)$/i, /^(Anruf beitreten|Beitritt anfragen)$/i, /^(Rejoindre l['’]appel|Demander à rejoindre l['’]appel)$/i],
  },
};

/** The per-tile lock: its accessible label, exactly one of these. */
const NOT_ENCRYPTED = /^(Not encrypted|Nicht verschlüsselt|Non chiffré)$/i;
const ENCRYPTED = /^(Encrypted|Verschlüsselt|Chiffré)$/i;
const UNSUPPORTED = [/does not support encrypted calls/i, /unterstützt keine verschlüsselten Anrufe/i, /ne prend pas en charge les appels chiffrés/i];

const ROSTER: RosterSpec = {
  rows: ['[data-testid="videoTile"]'],
  name: ['[data-testid="name_tag"]', '[class*="nameTag"]'],
  where: 'Element Call tiles',
};

export const elementCall: PlatformAdapter = {
  id: 'element-call',
  isCallUrl: (url) => url.pathname.length > 1 || /roomId=/.test(url.hash),
  read(doc) {
    const read = emptyRead('element-call');
    readPhase(read, doc, PHASES, 'Element Call');
    const shown = lockState(doc);
    read.e2ee = encryptionWithFact(FACT_ELEMENT_CALL, shown, { inCall: read.phase === 'in-call' });
    if (read.phase === 'in-call' && !shown) read.unreadable.push('e2ee');
    read.participants = readRoster(doc, ROSTER).participants;
    return read;
  },
};

function lockState(doc: Document): ShownEncryption | null {
  const unsupported = detect(doc, { text: UNSUPPORTED, textIn: ['p', 'h1', 'h2'] });
  if (unsupported) return { state: 'off', evidence: `Element Call says the browser cannot encrypt: ${unsupported}` };
  let encrypted: string | null = null;
  // The lock's accessible label (aria-label), or its tooltip (title).
  for (const el of doc.querySelectorAll('[aria-label], [title]')) {
    const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').trim();
    if (NOT_ENCRYPTED.test(label)) return { state: 'off', evidence: `Element Call shows ${quote(label)} on a participant` };
    if (ENCRYPTED.test(label)) encrypted ??= label;
  }
  return encrypted ? { state: 'on', evidence: `Element Call shows ${quote(encrypted)} and no participant "Not encrypted"` } : null;
}

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call-encrypted.html', 'in-call-unencrypted.html'] },
  lobby: { how: 'page', fixtures: ['lobby.html'], note: 'waiting after "Request to join call"' },
  e2ee: { how: 'page', fixtures: ['in-call-encrypted.html', 'in-call-unencrypted.html'], note: 'the "Encrypted" / "Not encrypted" lock on each tile' },
  notetaker: { how: 'names', fixtures: ['in-call-unencrypted.html'] },
};

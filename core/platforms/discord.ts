import { emptyRead, type PlatformAdapter } from './adapter';
import type { Coverage } from './coverage';
import { findText } from './dom';
import { encryptionWithFact, FACT_DISCORD, type ShownEncryption } from './facts';
import { detect, readPhase, readRoster, type PhaseStrategies, type RosterSpec, type Strategy } from './toolkit';

/**
 * Discord in the browser (discord.com/channels/…, /app). Text and voice channels share the URL
 * shape, so only the page tells a call: the "Voice Connected" panel with its Disconnect button.
 * Voice and video are end-to-end encrypted with DAVE except in Stage channels (facts.ts); the
 * Privacy tab of the voice details says "End-to-end encrypted".
 */
const PHASES: PhaseStrategies = {
  inCall: {
    selectors: ['[class*="rtcConnectionStatus"]', 'section[class*="panels"] [class*="voiceUsers"]'],
    text: [/^\s*Voice Connected\s*$/i, /^\s*Sprachverbindung hergestellt\s*$/i, /^\s*(Connecté au vocal|Voix connectée)\s*$/i],
    textIn: ['div', 'span'],
    buttons: [/^Disconnect$/i, /^(Trennen|Verbindung trennen)$/i, /^(Déconnecter|Se déconnecter)$/i],
  },
  preJoin: {
    buttons: [/^Join Voice$/i, /^(Sprachkanal beitreten|Beitreten)$/i, /^(Rejoindre le vocal|Rejoindre le salon vocal)$/i],
  },
  noCall: {
    selectors: ['[data-list-id="chat-messages"]', '[role="textbox"][aria-label^="Message"]'],
  },
};

/** Stage channels are not end-to-end encrypted. */
const STAGE: Strategy = {
  text: [/\bRequest to Speak\b|\bStage Channel\b|You['’]re in the audience/i, /Sprechen anfragen|Stage-Kanal|Bühnenkanal/i, /Demander à parler|salon de conférence/i],
  textIn: ['button', 'h1', 'h2', 'h3', 'div'],
};
const E2EE_OFF_TEXT = [/not end-to-end encrypted/i, /nicht Ende-zu-Ende-verschlüsselt/i, /pas chiffré de bout en bout/i];
const E2EE_ON_TEXT = [/^\s*End-to-end encrypted\s*$/i, /^\s*Ende-zu-Ende-verschlüsselt\s*$/i, /^\s*Chiffré de bout en bout\s*$/i];

const ROSTER: RosterSpec = {
  // Hashed class names: "voiceUser_x1" (not the "voiceUsers_" list), "tile_x1".
  rows: ['[class*="voiceUser_"]', '[class*="tile_"][aria-label]'],
  name: ['[class*="usernameFont"]', '[class*="username"]', '[class*="title"]'],
  where: 'Discord voice channel',
};

export const discord: PlatformAdapter = {
  id: 'discord',
  isCallUrl: (url) => /^\/(channels|app)(\/|$)/.test(url.pathname),
  read(doc) {
    const read = emptyRead('discord');
    readPhase(read, doc, PHASES, 'Discord');
    if (read.phase === 'no-call') return read;
    const stage = detect(doc, STAGE);
    const off = findText(doc, E2EE_OFF_TEXT, ['[role="tabpanel"]']);
    const on = off ? null : findText(doc, E2EE_ON_TEXT, ['[role="tabpanel"] div', '[role="tabpanel"] span']);
    const shown: ShownEncryption | null = off
      ? { state: 'off', evidence: `Discord shows ${off}` }
      : on
        ? { state: 'on', evidence: `Discord voice privacy shows ${on}` }
        : null;
    read.e2ee = encryptionWithFact(FACT_DISCORD, shown, {
      inCall: read.phase === 'in-call',
      contradiction: stage ? `this is a Stage channel (${stage}), which Discord does not end-to-end encrypt` : null,
    });
    read.participants = readRoster(doc, ROSTER).participants;
    return read;
  },
};

export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['voice-call.html', 'privacy.html'] },
  e2ee: {
    how: 'page+fact',
    fixtures: ['voice-call.html', 'privacy.html', 'stage.html'],
    note: 'DAVE; the Privacy tab\'s "End-to-end encrypted"; Stage channels read as not E2EE',
  },
  notetaker: { how: 'names', fixtures: ['voice-call.html'] },
};

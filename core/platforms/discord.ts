import { DISCORD_STAGE, WHERE_DISCORD } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Discord in the browser (discord.com/channels/…, /app). Text and voice channels share the URL
 * shape, so only the page tells a call: the voice connection panel with its Disconnect button.
 * Voice and video are end-to-end encrypted with DAVE except in Stage channels; that fact is one
 * of the two sources "on" needs. Sources: test/fixtures/discord/SOURCES.md.
 */
export const platform: Platform = {
  id: 'discord',
  name: 'Discord',
  tier: 2,
  matches: ['https://discord.com/*'],
  isCallUrl: (url) => /^\/(channels|app)(\/|$)/.test(url.pathname),
  detect: {
    participantText: [
      // Chat: the message list, embeds, the message box.
      '[data-list-id="chat-messages"]',
      '[class*="messageContent"]',
      '[class*="embedWrapper"]',
      '[role="textbox"]',
      // Names: voice users, members, the user panel; channel names and topics.
      '[class*="voiceUser"]',
      '[class*="username"]',
      '[class*="members"]',
      '[class*="avatarWrapper"]',
      '[class*="channelName"]',
      '[class*="labelWrapper"] [class*="subtext"]',
      'a[data-list-item-id*="channels"]',
    ],
    phases: [
      {
        // The voice connection panel at the bottom left, on whichever channel is on screen.
        phase: 'in-call',
        marker: {
          selectors: ['section[class*="panels"] [class*="rtcConnectionStatus"]', 'section[class*="panels"] [class*="containerRtcOpened"]', '[class*="rtcConnectionStatusWrapper"]'],
          controls: [/^Disconnect$/i, /^(Trennen|Verbindung trennen)$/i, /^(Déconnecter|Se déconnecter)$/i],
        },
      },
      {
        phase: 'pre-join',
        marker: { controls: [/^Join Voice$/i, /^(Sprachkanal beitreten)$/i, /^(Rejoindre le vocal|Rejoindre le salon vocal)$/i] },
      },
      { phase: 'no-call', marker: { selectors: ['[data-list-id="chat-messages"]', '[role="textbox"][data-slate-editor="true"]', 'nav[aria-label*="Servers"]'] } },
    ],
    encryption: {
      off: { text: [/not end-to-end encrypted/i, /nicht Ende-zu-Ende-verschlüsselt/i, /pas chiffré de bout en bout/i], textIn: ['[role="tabpanel"] div', '[role="tabpanel"] span'] },
      on: { text: [/^End-to-end encrypted$/i, /^Ende-zu-Ende-verschlüsselt$/i, /^Chiffré de bout en bout$/i], textIn: ['[role="tabpanel"] div', '[role="tabpanel"] span'] },
      notCovered: {
        meaning: DISCORD_STAGE,
        marker: { controls: [/^Request to Speak$/i, /^Sprechen anfragen$/i, /^Demander à parler$/i] },
      },
    },
    roster: {
      // Hashed class names: "voiceUser_x1" (not the "voiceUsers_" list), "tile_x1".
      rows: ['[class*="voiceUser_"]', '[class*="voiceUser-"]', '[class*="tile_"][aria-label]'],
      name: ['[class*="usernameFont"]', '[class*="username"]'],
      where: WHERE_DISCORD,
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'always',
  statement:
    'Discord end-to-end encrypts voice and video in DMs, group DMs, voice channels and Go Live with its DAVE protocol, also in browsers; Stage channels are excluded',
  source: 'https://discord.com/blog/bringing-dave-to-all-discord-platforms and https://support.discord.com/hc/en-us/articles/25968222946071',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'e2ee-on.html'], note: 'the voice connection panel' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'], note: 'DAVE; Stage channels are excluded', unverified: 'the Privacy tab\'s markup and Stage channels\' markers' },
  recording: { how: 'names', fixtures: ['recording.html'], note: 'recording bots such as Craig ("![RECORDING] …")' },
};

import { WHERE_SLACK } from '../evidence';
import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Slack huddles in the browser (app.slack.com). The huddle runs inside the Slack client, so any
 * page may hold one; its controls tell. Not end-to-end encrypted: SRTP to Slack's media server.
 * Sources: test/fixtures/slack/SOURCES.md.
 */
export const platform: Platform = {
  id: 'slack',
  name: 'Slack huddles',
  tier: 2,
  matches: ['https://app.slack.com/*'],
  detect: {
    // For confirmBeforeJoin: the huddle preview's "Join" (test/fixtures/slack/SOURCES.md, pre-join.html).
    joinControl: { selectors: ['[data-qa="huddle_join_preview_modal_go"]'] },
    participantText: [
      // Channel messages, threads and the message box.
      'div.c-virtual_list__scroll_container',
      '[data-qa="message_list"]',
      '[data-qa="message-pane"]',
      '[data-qa="message_input"]',
      '[data-qa="flexpane"]',
      '[data-qa="rhs_container"]',
      '[role="textbox"]',
      // Peer tiles (their aria-label starts with the name), the avatar stack, captions, the
      // huddle's title (the channel's name).
      '[data-qa^="huddle_peer_tile_userId_"]',
      '.p-peer_tile__container',
      '[data-qa="huddle_avatar_stack__member"]',
      '.p-huddle_closed_captions',
      '[data-qa="huddle_closed_caption_event"]',
      '[data-qa="huddle_transcribe_event"]',
      '[data-qa="huddle_window_titlebar_title"]',
      '[data-qa="huddle_details_title"]',
    ],
    phases: [
      {
        // This device is in the huddle: its toolbar, mini player and sidebar footer. The header's
        // huddle button and avatar stack also show when only others are in one.
        phase: 'in-call',
        marker: {
          selectors: [
            '[data-qa="huddle_toolbar__leave_button"]',
            '[data-qa="huddle_mini_player_leave_button"]',
            '#huddle_mini_player_leave_button',
            '[data-qa="huddle_sidebar_footer"]',
            '[data-qa="huddle_toolbar_buttons_center"]',
            '.p-huddle_channel_header_button--in_huddle',
          ],
        },
      },
      { phase: 'pre-join', marker: { selectors: ['[data-qa="huddle_join_preview_modal"]', '[data-qa="huddle_join_modal"]'] } },
      { phase: 'no-call', marker: { selectors: ['[data-qa="message_input"]', '[data-qa="channel_sidebar"]', '.p-client_workspace'] } },
    ],
    // Slack AI huddle notes: a transcript of the huddle is being kept.
    transcription: { selectors: ['[data-qa="huddle_transcribe_event"]', '[data-qa="huddle_notes_ai_indicator"]'] },
    roster: {
      rows: ['[data-qa^="huddle_peer_tile_userId_"]', '.p-peer_tile__container'],
      name: ['[data-qa="huddle_participant_name"]'],
      where: WHERE_SLACK,
    },
  },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'never',
  statement:
    "Slack huddle media is encrypted in transit (SRTP with a DTLS-SRTP key exchange) to Slack's media server; Slack does not describe huddles as end-to-end encrypted",
  source: 'https://slack.com/help/articles/115003560786',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'page', fixtures: ['in-call.html', 'notetaker.html'], note: 'this device\'s huddle toolbar (the header shows others\' huddles too)' },
  e2ee: { how: 'fact', fixtures: ['in-call.html'] },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'join-button': { how: 'page', fixtures: ['pre-join.html'] },
};

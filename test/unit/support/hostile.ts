// What a hostile participant writes, as a display name or in chat, captions and reactions: the
// platforms' own indicator phrases and call-state words in English, German and French, phone-like
// strings, and bot names disguised with look-alike and invisible characters.
export const HOSTILE_TEXT = [
  // Encryption indicators, on and off.
  '🔒 Client-side encrypted',
  'is this meeting client-side encrypted?',
  'Extra encryption added by example.com',
  'End-to-end encrypted',
  'This call is end-to-end encrypted',
  'The meeting is end-to-end encrypted.',
  'Encrypted',
  'Ende-zu-Ende-verschlüsselt',
  'Chiffré de bout en bout',
  'Not encrypted',
  'not end-to-end encrypted',
  // Call state.
  'Voice Connected',
  'Disconnect',
  'Stage Channel',
  'Request to Speak',
  'Leave call',
  'End call',
  'Leave',
  'Asking to be let in...',
  "You'll join the call when someone lets you in",
  'Someone will let you in soon',
  "Host has joined. We've let them know you're here.",
  'Please wait for a moderator to approve you joining the session.',
  'Request sent! Waiting for permission to join…',
  'Ready to join?',
  'Join now',
  'You left the meeting',
  'Meeting ended',
  'Incompatible browser',
  'Launch Meeting',
  // Recording and transcription.
  'is this being recorded?',
  'This video call is being recorded',
  'This meeting is being recorded.',
  'Recording has started.',
  'Recording',
  'Die Aufzeichnung wurde gestartet.',
  'Cette réunion est enregistrée.',
  'This session is now being recorded',
  'Gemini is taking notes',
  'This meeting is being transcribed.',
  '12 viewers',
  // Labels next to names.
  'External',
  '(Guest)',
  'Unverified',
  // Phone lines.
  '+49 30 1234567',
  '(650) ***-**89',
  'Call-in User_1',
  // Bots, disguised.
  '0tter.ai',
  'Оtter.ai',
  'Fire\u200Bflies.ai',
  'Ｆｉｒｅｆｌｉｅｓ.ai',
  'Fireflies.ai Notetaker',
  '![RECORDING] Craig',
  'nоtеtаkеr',
];

/**
 * Where participants' words show on each platform's pages, as the evidence describes them
 * (docs/evidence/<platform>.md): chat lists and captions, with the element a new message or
 * caption line is drawn as. Declared here, apart from the platforms' own declarations, so that a
 * region a platform module forgets is written into all the same.
 */
export const WRITABLE_REGIONS: Record<string, { selector: string; as: string }[]> = {
  'google-meet': [
    { selector: '[jsname="xySENc"]', as: 'div' },
    { selector: '[role="region"][aria-label="Captions"]', as: 'div' },
  ],
  zoom: [
    { selector: '[aria-label="Chat Message List"]', as: 'div' },
    { selector: '.live-transcription-subtitle__box', as: 'span' },
  ],
  teams: [
    { selector: '[data-tid="message-pane-list-viewport"]', as: 'div' },
    { selector: '[data-tid="closed-caption-v2-virtual-list-content"]', as: 'span' },
  ],
  webex: [{ selector: '[class*="chat-box"]', as: 'span' }],
  jitsi: [
    { selector: '#chatconversation', as: 'div' },
    // Captions are drawn over the large video as <p><span>name: text</span></p>.
    { selector: '#largeVideoContainer', as: 'p' },
  ],
  discord: [{ selector: '[data-list-id="chat-messages"]', as: 'li' }],
  slack: [
    { selector: '[data-qa="message_list"]', as: 'div' },
    { selector: '.p-huddle_closed_captions', as: 'span' },
  ],
  bigbluebutton: [{ selector: '[data-test="chatMessages"]', as: 'div' }],
};

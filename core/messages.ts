import type { Policy } from './policy/types';
import type { FrameSignals, Report } from './types';

/**
 * Settings the page-side banner needs, decided in the background: the support message in the
 * user's language, and whether the join button waits for a confirmation now (confirmBeforeJoin
 * against what is known). The rest of the policy stays in the background.
 */
export type BannerSettings = Pick<Policy, 'banner' | 'acknowledgeDanger' | 'supportUrl'> & { supportMessage: string; confirmJoin: boolean };

/**
 * Every message between the extension's contexts (runtime and tabs messaging), and what each
 * is answered with. The one place a message is defined; `route` dispatches them.
 */
export interface Messages {
  /** Content script → background: what one frame shows now. */
  'frame-signals': { message: { signals: FrameSignals }; answer: void };
  /** Background → every frame of the tab: the report, for the banner (top frame) and the join button's guard. */
  report: { message: { report: Report; settings: BannerSettings }; answer: void };
  /** A frame → background → the top frame: the user pressed the join button and CallGuard holds the click. */
  'join-held': { message: {}; answer: void };
  /** The top frame → background → every frame: the user confirmed, with a real click, to join anyway. */
  'join-confirmed': { message: {}; answer: void };
  /** Popup / side panel → background: "This call is sensitive" (E2EE required for this call only), on or off. */
  'set-sensitive': { message: { tabId: number; sensitive: boolean }; answer: void };
  /** Popup / side panel → background → tab: read the page again now. */
  recheck: { message: { tabId?: number }; answer: void };
  /** Banner → background: open the report beside the call. */
  'open-details': { message: {}; answer: void };
  /** Content script (sites added at run time) → background: which platform is each added site. */
  'conference-sites': { message: {}; answer: Policy['conferenceSites'] };
}

export type MessageType = keyof Messages;
export type ExtensionMessage = { [K in MessageType]: { type: K } & Messages[K]['message'] }[MessageType];
export type MessageOf<K extends MessageType> = Extract<ExtensionMessage, { type: K }>;

/** Who sent a message, as runtime.onMessage says (only what CallGuard uses). */
export interface MessageSender {
  tab?: { id?: number; url?: string };
  frameId?: number;
}

type Handlers = { [K in MessageType]?: (message: MessageOf<K>, sender: MessageSender) => Messages[K]['answer'] | Promise<Messages[K]['answer']> };

/**
 * A runtime.onMessage listener that hands each known message to its handler. A handler's
 * answer (also a promise) goes back through sendResponse, which works with and without the
 * promise-based polyfill; messages of other types, or malformed ones, are left to other listeners.
 */
export function route(handlers: Handlers) {
  return (raw: unknown, sender: MessageSender, sendResponse: (answer: unknown) => void): true | undefined => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    const handler = handlers[type as MessageType] as ((message: unknown, sender: MessageSender) => unknown) | undefined;
    const answer = handler?.(raw, sender);
    if (answer === undefined) return undefined;
    Promise.resolve(answer).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}

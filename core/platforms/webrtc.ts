import { emptyRead, type PlatformAdapter } from './adapter';

/**
 * The fallback for any covered site without its own adapter: the page is not read at all, and
 * call state and encryption come from the page's WebRTC connections alone.
 */
export const genericWebrtc: PlatformAdapter = {
  id: 'webrtc',
  isCallUrl: () => true,
  read: () => ({ ...emptyRead('webrtc'), unreadable: ['page'] }),
};

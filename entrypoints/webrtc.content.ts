import { platform } from '../core/platforms/webrtc';
import { CALL_SCRIPT } from './call/options';
import { runCallWatcher } from './call/watcher';

/** Any site added without a platform of ours: WebRTC alone tells: registered at run time for the sites added as webrtc (entrypoints/background/sites.ts). */
export default defineContentScript({ ...CALL_SCRIPT, registration: 'runtime', main: () => runCallWatcher(platform) });

import { platform } from '../core/platforms/bigbluebutton';
import { CALL_SCRIPT } from './call/options';
import { runCallWatcher } from './call/watcher';

/** BigBlueButton is self-hosted only: registered at run time for the sites added as bigbluebutton (entrypoints/background/sites.ts). */
export default defineContentScript({ ...CALL_SCRIPT, registration: 'runtime', main: () => runCallWatcher(platform) });

import { platform } from '../core/platforms/discord';
import { CALL_SCRIPT } from './call/options';
import { runCallWatcher } from './call/watcher';

export default defineContentScript({ ...CALL_SCRIPT, matches: [...platform.matches], main: () => runCallWatcher(platform) });

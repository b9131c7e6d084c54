import { PLATFORMS } from '../core/platforms/index';
import { CALL_SCRIPT } from './call/options';
import { runCallWatcher } from './call/watcher';

/** The sites the user or organisation adds: every platform, registered by the background. */
export default defineContentScript({ ...CALL_SCRIPT, registration: 'runtime', main: (ctx) => runCallWatcher(ctx, PLATFORMS, { runtime: true }) });

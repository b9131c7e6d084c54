import { matchesPattern } from '../core/match-pattern';
import { PLATFORMS } from '../core/platforms/index';
import { CALL_SCRIPT } from './call/options';
import { runCallWatcher, type PlatformOf } from './call/watcher';

/** A site the user or organisation added is read as the platform they named for it. */
const platformOfSite: PlatformOf = (url, sites) => PLATFORMS.find((p) => p.id === sites.find((s) => matchesPattern(s.pattern, url))?.platform) ?? null;

/** The sites the user or organisation adds: every platform, registered by the background. */
export default defineContentScript({ ...CALL_SCRIPT, registration: 'runtime', main: () => runCallWatcher(platformOfSite, { askSites: true }) });

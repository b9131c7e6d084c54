/**
 * Stands in for WXT's ContentScriptContext in CallGuard's content scripts: wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file for them, and WXT's entry code constructs it.
 * WXT's context stops a script when a DOM event says a newer copy started, an event a page can
 * forge (watcherStopped in watcher.ts is CallGuard's own check, out of the page's reach); its
 * timers, location watcher and logger cost 2.9 KB on every covered page, which the 40 KB budget
 * (docs/performance.md) does not have. CallGuard uses nothing of it.
 */
export class ContentScriptContext {
  constructor(readonly name: string) {}
}

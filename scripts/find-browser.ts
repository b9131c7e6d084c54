// Where the browsers are on Linux, macOS and Windows, and how to show a browser window.
// Everything depends on a `Host` (platform, environment, a file check) so that every platform's
// search is tested from any one (test/unit/scripts/find-browser.test.ts).
import fs from 'node:fs';
import path from 'node:path';

export interface Host {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Whether `file` is a file this user may run. */
  isExecutable(file: string): boolean;
}

export const thisComputer: Host = {
  platform: process.platform,
  env: process.env,
  isExecutable(file) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

/** Chrome, Chromium and Edge where their installers put them, in that order of preference. */
export function chromiumCandidates({ platform, env }: Pick<Host, 'platform' | 'env'>): string[] {
  if (platform === 'win32') {
    // Per-machine installs under Program Files (either one), per-user ones under LOCALAPPDATA.
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA];
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => roots.filter((root) => root !== undefined).map((root) => path.win32.join(root, app)));
  }
  if (platform === 'darwin') {
    const apps = ['Google Chrome', 'Chromium', 'Microsoft Edge'].map((name) => `${name}.app/Contents/MacOS/${name}`);
    const folders = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((app) => folders.map((folder) => path.posix.join(folder, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ];
}

/** `$variable` if it is set (it must then name a browser that runs), else the first of `candidates` there is. */
function findExecutable(host: Host, variable: string, candidates: string[], install: string): string {
  const chosen = host.env[variable];
  if (chosen) {
    if (host.isExecutable(chosen)) return chosen;
    throw new Error(`${variable}=${chosen} is not an executable file: point it at the browser's executable, or unset it`);
  }
  const found = candidates.find((candidate) => host.isExecutable(candidate));
  if (!found) throw new Error(`${install}, or set ${variable} to its executable`);
  return found;
}

/** CHROME_PATH, else Chrome, Chromium or Edge at their usual places. */
export function findChromium(host: Host = thisComputer): string {
  const install =
    host.platform === 'win32' || host.platform === 'darwin'
      ? 'No Chrome, Chromium or Edge found: install one of them'
      : "No Chrome, Chromium or Edge found: install the 'chromium' package (apt-get install chromium)";
  return findExecutable(host, 'CHROME_PATH', chromiumCandidates(host), install);
}

/** FIREFOX_PATH, else the usual Linux locations (where the Firefox tests run). */
export function findFirefox(host: Host = thisComputer): string {
  const install = "No Firefox found: install the 'firefox-esr' package (apt-get install firefox-esr)";
  return findExecutable(host, 'FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox'], install);
}

/**
 * The Chromium arguments that show its window on this computer's display, or undefined where there
 * is no display to show it on (Linux and other Unix without X11 or Wayland): run headless there.
 * macOS and Windows always have one.
 */
export function chromiumWindowArgs({ platform, env }: Pick<Host, 'platform' | 'env'>): string[] | undefined {
  if (platform === 'darwin' || platform === 'win32' || env.DISPLAY) return [];
  // Wayland without XWayland: Chromium builds that still default to X11 must be told.
  if (env.WAYLAND_DISPLAY) return ['--ozone-platform=wayland'];
  return undefined;
}

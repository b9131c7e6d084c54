// Browser discovery on each platform, over a made-up computer: which executables exist and what
// the environment says.
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, chromiumWindowArgs, findChromium, findFirefox, type Host } from '../../../scripts/find-browser';

function computer(platform: NodeJS.Platform, executables: string[], env: Host['env'] = {}): Host {
  return { platform, env, isExecutable: (file) => executables.includes(file) };
}

const WINDOWS_ENV = {
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
};

describe('findChromium', () => {
  it.each([
    ['linux', '/usr/bin/chromium'],
    ['linux', '/usr/bin/google-chrome-stable'],
    ['linux', '/usr/bin/microsoft-edge'],
    ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['darwin', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    ['darwin', '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['win32', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
    ['win32', 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', 'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
  ] as const)('on %s finds %s when it is the only browser', (platform, executable) => {
    const env = platform === 'win32' ? WINDOWS_ENV : { HOME: '/Users/ada' };
    expect(findChromium(computer(platform, [executable], env))).toBe(executable);
  });

  it('prefers Chrome to Chromium to Edge', () => {
    const all = chromiumCandidates({ platform: 'win32', env: WINDOWS_ENV });
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(all.indexOf(chrome)).toBeLessThan(all.indexOf(edge));
    expect(findChromium(computer('win32', [edge, chrome], WINDOWS_ENV))).toBe(chrome);
  });

  it('looks in the default Program Files folders when the environment does not name them', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium(computer('win32', [edge]))).toBe(edge);
  });

  it('takes CHROME_PATH over every usual place', () => {
    const chosen = '/opt/chrome-for-testing/chrome';
    expect(findChromium(computer('linux', ['/usr/bin/chromium', chosen], { CHROME_PATH: chosen }))).toBe(chosen);
  });

  it('says so when CHROME_PATH names nothing that runs, rather than taking another browser', () => {
    const host = computer('linux', ['/usr/bin/chromium'], { CHROME_PATH: '/nowhere/chrome' });
    expect(() => findChromium(host)).toThrow(/CHROME_PATH=\/nowhere\/chrome is not an executable file/);
  });

  it('says what to install when there is no browser', () => {
    expect(() => findChromium(computer('linux', []))).toThrow(/apt-get install chromium.*CHROME_PATH/);
    expect(() => findChromium(computer('darwin', []))).toThrow(/No Chrome, Chromium or Edge found: install one of them, or set CHROME_PATH/);
    expect(() => findChromium(computer('win32', [], WINDOWS_ENV))).toThrow(/install one of them, or set CHROME_PATH/);
  });

  it('does not take a browser of another platform', () => {
    expect(() => findChromium(computer('linux', ['/Applications/Chromium.app/Contents/MacOS/Chromium']))).toThrow(/No Chrome/);
  });
});

describe('findFirefox', () => {
  it('takes FIREFOX_PATH, else firefox-esr', () => {
    expect(findFirefox(computer('linux', ['/usr/bin/firefox-esr', '/usr/bin/firefox']))).toBe('/usr/bin/firefox-esr');
    expect(findFirefox(computer('linux', ['/usr/bin/firefox-esr', '/opt/ff'], { FIREFOX_PATH: '/opt/ff' }))).toBe('/opt/ff');
    expect(() => findFirefox(computer('linux', []))).toThrow(/apt-get install firefox-esr.*FIREFOX_PATH/);
  });
});

describe('chromiumWindowArgs', () => {
  it('shows a window on macOS and Windows, whatever the environment', () => {
    expect(chromiumWindowArgs({ platform: 'darwin', env: {} })).toEqual([]);
    expect(chromiumWindowArgs({ platform: 'win32', env: {} })).toEqual([]);
  });

  it('on Linux shows a window only on an X11 or Wayland display', () => {
    expect(chromiumWindowArgs({ platform: 'linux', env: {} })).toBeUndefined();
    expect(chromiumWindowArgs({ platform: 'linux', env: { DISPLAY: ':0' } })).toEqual([]);
    expect(chromiumWindowArgs({ platform: 'linux', env: { DISPLAY: ':0', WAYLAND_DISPLAY: 'wayland-0' } })).toEqual([]);
    expect(chromiumWindowArgs({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual(['--ozone-platform=wayland']);
  });
});

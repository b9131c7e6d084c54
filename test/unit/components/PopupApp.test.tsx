// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoCallView, PopupApp, RECHECK_TIMEOUT_MS } from '../../../components/PopupApp';
import { SAMPLE_SCRIPT } from '../../../components/SampleButton';
import { frameSample, SAMPLE_FORMAT, type SampleFile } from '../../../core/platforms/sample';
import { platform as zoom } from '../../../core/platforms/zoom';
import { PLATFORMS } from '../../../core/platforms/index';
import type { Report } from '../../../core/types';
import { fixtureText, parseHtml } from '../support/fixtures';
import { useLocale } from '../support/locale';
import { DIAL_IN, report } from '../support/reports';

useLocale('en');
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'CallGuard', version: '0.2.0' })) as never;
});
afterEach(cleanup);

const TAB = 7;
const store = (r: Report | null, tabId = TAB) =>
  r ? fakeBrowser.storage.session.set({ [`report:${tabId}`]: r }) : fakeBrowser.storage.session.remove(`report:${tabId}`);

describe('popup in a call', () => {
  it('puts the verdict first, then each finding with what to do and its evidence', async () => {
    await store(DIAL_IN);
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    // The headline says what to act on, as the banner does; the level in words under it.
    const verdict = await screen.findByRole('heading', { level: 1 });
    expect(verdict.textContent).toBe('Someone is on a phone line');
    expect(container.querySelector('.level-words')!.textContent).toBe('This call is not private.');
    const headings = [...container.querySelectorAll('h1, h2')].map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual(['Someone is on a phone line', 'Findings']);

    const dialIn = container.querySelector('[data-finding="dial-in-participant"]')!;
    expect(dialIn.querySelector('h3')!.textContent).toBe('Warning Someone is on a phone line');
    // Meet's own advice (public/_locales advice_dial_in_participant_google_meet), not the generic one.
    expect(dialIn.querySelector('.advice')!.textContent).toBe(
      'What to do: With host management on, only the host or a co-host can remove a phone participant; otherwise anyone from the organizer\'s organization can. Ask them who is calling in.',
    );
    expect(dialIn.querySelector('summary')!.textContent).toBe('Evidence from the call page');
    expect(dialIn.querySelector('.evidence li')!.textContent).toBe('dial-in-participant seen');
    const e2ee = container.querySelector('[data-finding="e2ee-off"]')!;
    expect(e2ee.querySelector('summary')!.textContent).toBe("Evidence from the call's WebRTC connections");
    expect(container.querySelector('[data-field="platform"]')!.textContent).toBe('Google Meet');
    expect(container.querySelector('[data-field="phase"]')!.textContent).toBe('in the call');
  });

  it('follows the tab: a new report replaces the one on screen', async () => {
    await store(DIAL_IN);
    render(<PopupApp tabParam={String(TAB)} />);
    await screen.findByText('This call is not private.');
    await store(report('ok'));
    await screen.findByText('End-to-end encrypted, and nothing else to worry about was seen.');
  });

  it('"Check again" asks the background to re-read the tab, and shows when the new report came', async () => {
    await store(DIAL_IN);
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    const checked = () => container.querySelector('[data-field="checked"]')!;
    await screen.findByText('This call is not private.');
    expect(checked().getAttribute('role')).toBe('status');
    expect(checked().textContent).toMatch(/^Checked at \d/);

    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'recheck', tabId: TAB });
    expect(checked().textContent).toBe('Checking again…');

    const later = { ...DIAL_IN, updatedAt: '2026-05-12T10:16:40.000Z' };
    await store(later);
    await waitFor(() => expect(checked().textContent).toBe(`Checked at ${new Date(later.updatedAt).toLocaleTimeString('en', { timeStyle: 'medium' } as never)}`));
  });

  it('says so when the page does not answer "Check again"', async () => {
    await store(DIAL_IN);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    await screen.findByText('This call is not private.');
    vi.useFakeTimers();
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
      await vi.advanceTimersByTimeAsync(RECHECK_TIMEOUT_MS + 10);
      expect(container.querySelector('[data-field="checked"]')!.textContent).toBe(
        'The page did not answer. If the call is still on, reload the tab.',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  function captureExport() {
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:report';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('callguard-report-2026-05-12T10-15-02-000Z.json');
      expect(this.href).toBe('blob:report');
    });
    return { click, exported: async () => JSON.parse(await saved.at(-1)!.text()) };
  }

  const WITH_PHONE: Report = {
    ...DIAL_IN,
    participants: [{ kind: 'phone', name: '+49 30 12345678', evidence: 'name is a phone number', firstSeen: DIAL_IN.updatedAt, lastSeen: DIAL_IN.updatedAt, present: true }],
  };

  it('"Export report" saves the report as JSON, names replaced, with the version and the settings', async () => {
    await store(WITH_PHONE);
    const { click, exported } = captureExport();
    render(<PopupApp tabParam={String(TAB)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export report' }));
    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    const json = await exported();
    expect(json).toMatchObject({ ...DIAL_IN, participants: [{ kind: 'phone', name: '[phone 1]' }] });
    expect(json.export).toMatchObject({ extensionVersion: '0.2.0', namesIncluded: false, policy: { managed: [] } });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Include names and numbers in the export' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export report' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect((await exported()).participants[0].name).toBe('+49 30 12345678');
  });

  it('the footer says the version, and who manages CallGuard; names cannot be included where the organisation forbids it', async () => {
    await fakeBrowser.storage.managed.set({ allowNamesInExport: false });
    await store(WITH_PHONE);
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    await waitFor(() => expect(container.querySelector('[data-field="about"]')!.textContent).toBe('CallGuard 0.2.0 · Managed by your organisation'));
    const include = screen.getByRole('checkbox', { name: /Include names and numbers in the export/ }) as HTMLInputElement;
    expect(include.disabled).toBe(true);
    expect(include.closest('label')!.textContent).toContain('your organisation does not allow it');
  });

  it('pre-join and lobby still show the report (the banner waits for the call)', async () => {
    await store(report('warning', [], { inCall: false, phase: 'lobby' }));
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    await screen.findByText('This call is not private.');
    expect(container.querySelector('[data-field="phase"]')!.textContent).toBe('waiting in the lobby');
  });
});

describe('popup without a call', () => {
  it('on a covered site with no call: says it is watching, lists the covered sites, offers nothing to add', async () => {
    await store(report('unknown', [], { inCall: false, phase: 'no-call' }));
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    await screen.findByRole('heading', { level: 1, name: 'No call in this tab.' });
    screen.getByText('CallGuard watches this site and will warn you as soon as you join a call.');
    const items = [...container.querySelectorAll('.covered li')];
    expect(items.map((li) => li.getAttribute('data-platform'))).toEqual(PLATFORMS.filter((p) => p.matches.length > 0).map((p) => p.id));
    expect(items[0]!.textContent).toBe('Google Meet meet.google.com');
    expect(container.querySelector('[data-platform="zoom"]')!.textContent).toBe('Zoom *.zoom.us, *.zoomgov.com');
    // A call CallGuard does not see is one it reads wrongly: the only thing offered is a sample.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Save a detection sample']);
  });

  it('on another site: offers to watch it, asks for that site only, and stores it in the user settings', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://meet.example.org:8443/room/42', active: true });
    await fakeBrowser.storage.local.set({ userSettings: { requireE2EE: true } });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    render(<PopupApp tabParam={String(tab.id)} />);
    await screen.findByText('CallGuard does not run on this site. It warns you during calls on the sites below.');
    fireEvent.click(await screen.findByRole('button', { name: 'Watch calls on meet.example.org' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://meet.example.org/*'] });
    await screen.findByText('CallGuard now watches calls on meet.example.org. Reload the page to start.');
    expect(await fakeBrowser.storage.local.get('userSettings')).toEqual({
      userSettings: { requireE2EE: true, conferenceSites: [{ pattern: 'https://meet.example.org/*', platform: 'webrtc' }] },
    });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('when access is refused, says so and stores nothing', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    render(<NoCallView watched={false} tabUrl="https://calls.example.com/x" />);
    fireEvent.click(screen.getByRole('button', { name: 'Watch calls on calls.example.com' }));
    await screen.findByText('Access was not allowed, so CallGuard cannot watch this site.');
    const { userSettings } = await fakeBrowser.storage.local.get('userSettings');
    expect((userSettings as { conferenceSites?: unknown[] } | undefined)?.conferenceSites ?? []).toEqual([]);
  });

  it('a site added before shows as added', async () => {
    await fakeBrowser.storage.local.set({ userSettings: { conferenceSites: [{ pattern: 'https://calls.example.com/*', platform: 'webrtc' }] } });
    render(<NoCallView watched={false} tabUrl="https://calls.example.com/x" />);
    await screen.findByText('CallGuard now watches calls on calls.example.com. Reload the page to start.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers nothing for pages that are not web sites, or whose address it cannot see', () => {
    render(<NoCallView watched={false} tabUrl="chrome://settings/" />);
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    render(<NoCallView watched={false} tabUrl={undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('"Save a detection sample"', () => {
  /** Catches the file the popup saves through an object URL and a link. */
  function catchDownload() {
    const saved: { name?: string; blob?: Blob } = {};
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.blob = blob as Blob;
      return 'blob:sample';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.name = this.download;
    });
    return saved;
  }
  const status = (container: Element) => container.querySelector('[data-field="sample-status"]')!;

  it('samples every frame of the tab with the unlisted script and saves them as one file', async () => {
    await store(DIAL_IN);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '1.2.3' } as never);
    const host = frameSample(parseHtml(fixtureText('zoom/webclient-host.html')), new URL('https://app.zoom.us/wc/123456789/join'), zoom);
    const call = frameSample(parseHtml(fixtureText('zoom/external.html')), new URL('https://app.zoom.us/wc/123456789/webclient-frame'), zoom);
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([
      { frameId: 0, result: host },
      { frameId: 3, result: call },
      { frameId: 5, result: null },
    ] as never);
    const saved = catchDownload();
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    const button = await screen.findByRole('button', { name: 'Save a detection sample' });
    expect(button.getAttribute('aria-describedby')).toBe('sample-hint');
    expect(screen.getByText(/CallGuard sends nothing/).id).toBe('sample-hint');
    expect(status(container).getAttribute('role')).toBe('status');

    fireEvent.click(button);
    expect(execute).toHaveBeenCalledWith({ target: { tabId: TAB, allFrames: true }, files: [SAMPLE_SCRIPT] });
    await waitFor(() => expect(status(container).textContent).toMatch(/^Saved callguard-sample-zoom-.+\.json to your downloads\.$/));
    expect(saved.name).toMatch(/^callguard-sample-zoom-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    const file = JSON.parse(await saved.blob!.text()) as SampleFile;
    expect(file).toMatchObject({ format: SAMPLE_FORMAT, extensionVersion: '1.2.3' });
    expect(file.frames.map((f) => [f.frameId, 'platform' in f && f.read.phase])).toEqual([
      [0, 'no-call'],
      [3, 'in-call'],
    ]);
    expect(JSON.stringify(file)).not.toContain('Claire Dubois');
  });

  it('says why when the page cannot be read, and when no frame belongs to a platform', async () => {
    await store(DIAL_IN);
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page.'));
    const saved = catchDownload();
    const { container } = render(<PopupApp tabParam={String(TAB)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save a detection sample' }));
    await waitFor(() => expect(status(container).textContent).toBe('The sample could not be saved: Cannot access contents of the page.'));

    execute.mockResolvedValue([{ frameId: 0, result: null }] as never);
    fireEvent.click(screen.getByRole('button', { name: 'Save a detection sample' }));
    await waitFor(() => expect(status(container).textContent).toBe('Nothing saved: no page in this tab belongs to a platform CallGuard reads.'));
    expect(saved.name).toBeUndefined();
  });
});

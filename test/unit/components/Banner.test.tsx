// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner, TOP_FINDINGS, type JoinState } from '../../../components/Banner';
import { bannerPlacement, type BannerView } from '../../../core/banner';
import { PLATFORM_IDS } from '../../../core/types';
import type { BannerSettings } from '../../../core/messages';
import type { Report } from '../../../core/types';
import { useLocale } from '../support/locale';
import { DANGER, DIAL_IN, finding, OK, report, settings, UNKNOWN } from '../support/reports';

useLocale('en');
afterEach(cleanup);

function show(r: Report, s: BannerSettings = settings(), view: Exclude<BannerView, 'none'> = 'full', join: JoinState = 'none') {
  const actions = { onDismiss: vi.fn(), onDetails: vi.fn(), onExpand: vi.fn(), onJoin: vi.fn() };
  const rendered = render(<Banner report={r} settings={s} view={view} join={join} {...actions} />);
  return { ...rendered, ...actions, banner: screen.queryByRole('complementary', { name: 'CallGuard call privacy check' }) };
}

const PROVIDER = report('warning', [finding('e2ee-off', 'warning', 'rtc')]);

describe('Banner', () => {
  it('full: the headline names what to act on; the list has the rest that matters', () => {
    const { banner } = show(DIAL_IN);
    expect(banner!.textContent).toContain('CallGuard: Someone is on a phone line');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Not end-to-end encrypted']);
    expect(screen.queryByText(/more: see Details/)).toBeNull();
  });

  it.each<[string, Report, string]>([
    ['provider encryption', PROVIDER, "Google Meet can access this call's audio and video"],
    ['provider encryption on a site CallGuard does not know', { ...PROVIDER, platform: 'webrtc' }, 'The service running this call can access its audio and video'],
    ['E2EE confirmed', OK, 'End-to-end encrypted'],
    ['E2EE not confirmed', UNKNOWN, 'End-to-end encryption not confirmed'],
  ])('compact, %s: one line that says what is true, with Details and no list', (_what, r, headline) => {
    const { banner, onDetails } = show(r, settings(), 'compact');
    expect(banner!.dataset.view).toBe('compact');
    expect(banner!.textContent).toContain(`CallGuard: ${headline}`);
    expect(screen.queryAllByRole('listitem')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(onDetails).toHaveBeenCalledOnce();
  });

  it('pill: one button, named with the verdict, that opens the full banner; not a live region', () => {
    const { onExpand, container } = show(PROVIDER, settings(), 'pill');
    const pill = screen.getByRole('button', { name: "CallGuard: Google Meet can access this call's audio and video. Open the banner" });
    expect(container.querySelector('[role="status"], [role="alert"]')).toBeNull();
    expect(pill.className).toContain('level-warning');
    fireEvent.click(pill);
    expect(onExpand).toHaveBeenCalledOnce();
  });

  it(`shows at most ${TOP_FINDINGS} findings under the headline and counts the rest`, () => {
    const many = report('warning', [
      finding('recording', 'warning'),
      finding('transcription', 'warning'),
      finding('dial-in-participant', 'warning'),
      finding('ai-notetaker', 'warning'),
      finding('e2ee-off', 'warning'),
      finding('external-participant', 'info'),
    ]);
    show(many);
    expect(screen.getAllByRole('listitem')).toHaveLength(TOP_FINDINGS);
    screen.getByText('and 2 more: see Details');
  });

  it.each<[Report, string]>([
    [DANGER, 'alert'],
    [DIAL_IN, 'status'],
    [OK, 'status'],
    [UNKNOWN, 'status'],
  ])('level %#: the message is a live region with role %s', (r, role) => {
    show(r);
    const region = screen.getByRole(role);
    expect(region.textContent).toContain('CallGuard:');
    // Only the message is live: the buttons are not read out with every update.
    expect(region.querySelector('button')).toBeNull();
  });

  it('the level is shown by a shape too, hidden from screen readers', () => {
    const marks = (r: Report) => {
      const { container, unmount } = show(r);
      const mark = container.querySelector('.mark')!;
      expect(mark.getAttribute('aria-hidden')).toBe('true');
      const shape = `${mark.textContent} ${container.querySelector('.banner')!.className.match(/level-\w+/)![0]}`;
      unmount();
      return shape;
    };
    expect([marks(DANGER), marks(DIAL_IN), marks(UNKNOWN), marks(OK)]).toEqual(['! level-danger', '! level-warning', '? level-unknown', '✓ level-ok']);
  });

  it('Details and Dismiss are buttons that do what they say', () => {
    const { onDismiss, onDetails } = show(DIAL_IN);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(onDetails).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('Escape inside the banner dismisses it, and the call page does not see that Escape', () => {
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    try {
      const { onDismiss } = show(DIAL_IN);
      fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Escape' });
      expect(onDismiss).toHaveBeenCalledOnce();
      expect(pageHeard).not.toHaveBeenCalled();
      fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Enter' });
      expect(onDismiss).toHaveBeenCalledOnce();
    } finally {
      document.removeEventListener('keydown', pageHeard);
    }
  });

  it('never takes the focus from the call, and gives it back when dismissed from the keyboard', () => {
    const outside = document.createElement('button');
    outside.textContent = 'Mute';
    document.body.append(outside);
    try {
      outside.focus();
      const { onDismiss } = show(DIAL_IN);
      expect(document.activeElement).toBe(outside);
      // Tab into the banner, then Escape: focus returns to the call's control.
      const details = screen.getByRole('button', { name: 'Details' });
      fireEvent.focusIn(details, { relatedTarget: outside });
      details.focus();
      fireEvent.keyDown(details, { key: 'Escape' });
      expect(onDismiss).toHaveBeenCalledOnce();
      expect(document.activeElement).toBe(outside);
    } finally {
      outside.remove();
    }
  });

  describe('with acknowledgeDanger', () => {
    const acknowledge = settings({ acknowledgeDanger: true });

    it('a danger banner cannot be dismissed (button or Escape) until the risk is confirmed', () => {
      const { onDismiss } = show(DANGER, acknowledge);
      const dismiss = screen.getByRole('button', { name: 'Dismiss' }) as HTMLButtonElement;
      expect(dismiss.disabled).toBe(true);
      fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Escape' });
      fireEvent.click(dismiss);
      expect(onDismiss).not.toHaveBeenCalled();

      fireEvent.click(screen.getByRole('checkbox', { name: 'I understand the risk' }));
      expect(dismiss.disabled).toBe(false);
      fireEvent.keyDown(screen.getByRole('checkbox'), { key: 'Escape' });
      expect(onDismiss).toHaveBeenCalledOnce();
    });

    it('a warning banner needs no confirmation', () => {
      const { onDismiss } = show(DIAL_IN, acknowledge);
      expect(screen.queryByRole('checkbox')).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
      expect(onDismiss).toHaveBeenCalledOnce();
    });
  });

  describe('before joining, where the organisation asks for a confirmation', () => {
    it('says CallGuard will ask, or that it cannot (join button not recognised)', () => {
      show(PROVIDER, settings({ confirmJoin: true }), 'full', 'guarded');
      screen.getByText(/CallGuard will ask you to confirm/);
      expect(screen.queryByRole('button', { name: 'Join anyway' })).toBeNull();
      cleanup();
      show(PROVIDER, settings({ confirmJoin: true }), 'full', 'unguarded');
      screen.getByText(/did not recognise this page's join button/);
    });

    it('a held join offers "Join anyway", which a synthetic click (the page) cannot press', () => {
      const { onJoin } = show(PROVIDER, settings({ confirmJoin: true }), 'full', 'held');
      screen.getByText(/You pressed Join/);
      fireEvent.click(screen.getByRole('button', { name: 'Join anyway' }));
      expect(onJoin).not.toHaveBeenCalled();
    });

    it('with acknowledgeDanger, "Join anyway" waits for the acknowledgement too', () => {
      show(DANGER, settings({ confirmJoin: true, acknowledgeDanger: true }), 'full', 'held');
      expect((screen.getByRole('button', { name: 'Join anyway' }) as HTMLButtonElement).disabled).toBe(true);
      fireEvent.click(screen.getByRole('checkbox', { name: 'I understand the risk' }));
      expect((screen.getByRole('button', { name: 'Join anyway' }) as HTMLButtonElement).disabled).toBe(false);
    });
  });

  describe("the organisation's support message", () => {
    it('shows the message and a link that opens apart from the call', () => {
      show(DIAL_IN, settings({ supportMessage: 'Questions? Call the security desk on 1234.', supportUrl: 'https://intranet.example.org/callguard' }));
      screen.getByText(/Questions\? Call the security desk on 1234\./);
      const link = screen.getByRole('link', { name: 'Get help' });
      expect(link.getAttribute('href')).toBe('https://intranet.example.org/callguard');
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    });

    it('shows the message without a link when there is no URL, and never a non-https link', () => {
      show(DIAL_IN, settings({ supportMessage: 'Call 1234.', supportUrl: 'javascript:alert(1)' }));
      screen.getByText('Call 1234.');
      expect(screen.queryByRole('link')).toBeNull();
    });

    it('shows nothing when the organisation set no message', () => {
      const { container } = show(DIAL_IN, settings({ supportUrl: 'https://intranet.example.org/' }));
      expect(container.querySelector('.support')).toBeNull();
    });
  });

  describe('placement: never over the call controls', () => {
    it('top by default, bottom on Teams (its controls are at the top)', () => {
      expect(PLATFORM_IDS.filter((id) => bannerPlacement(id) === 'bottom')).toEqual(['teams']);
      expect(bannerPlacement(null)).toBe('top');
      expect(show(DIAL_IN).banner!.className).toContain('place-top');
      cleanup();
      expect(show(report('warning', [], { platform: 'teams' })).banner!.className).toContain('place-bottom');
    });
  });
});

describe('banner.css', () => {
  const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../../components/banner.css'), 'utf8');

  it('animates only for people who have not asked for reduced motion', () => {
    const reduced = css.indexOf('@media (prefers-reduced-motion: no-preference)');
    expect(reduced).toBeGreaterThan(-1);
    const before = css.slice(0, reduced);
    expect(before).not.toMatch(/animation|transition/);
  });

  it('danger and warning differ by shape (octagon, triangle) and border, and keep them in forced colours', () => {
    const clip = (level: string) => new RegExp(`\\.level-${level} \\.mark \\{[^}]*clip-path: polygon\\(([^)]*)\\)`).exec(css)?.[1];
    expect(clip('danger')).toBeDefined();
    expect(clip('warning')).toBeDefined();
    expect(clip('danger')).not.toBe(clip('warning'));
    const forced = css.slice(css.indexOf('@media (forced-colors: active)'));
    expect(forced).toMatch(/\.mark \{[^}]*forced-color-adjust: none/);
  });

  it('is compact: a capped height, so it never reaches the centre of the stage', () => {
    const rule = /\.banner \{([^}]*)\}/.exec(css)![1]!;
    expect(rule).toMatch(/max-height: min\(30vh, \d+px\)/);
    expect(rule).toMatch(/overflow: auto/);
    expect(css).toMatch(/\.place-top \{ top: 8px; \}/);
    expect(css).toMatch(/\.place-bottom \{ bottom: 8px; \}/);
  });
});

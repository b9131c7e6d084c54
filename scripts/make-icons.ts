// `node scripts/make-icons.ts`: draws CallGuard's toolbar icons as SVG and saves them as PNGs
// (16, 32, 48, 128 px) through headless Chromium, with a transparent background:
//   public/icon/<size>.png          the default icon (no call in the tab)
//   public/icon/<level>-<size>.png  one per report level: danger, warning, ok, unknown
// and docs/screenshots/icons.png, every icon on a light and a dark toolbar, to check them by eye.
// The PNGs are committed; run this again after changing the drawing.
//
// Readable on light and dark toolbars: each shield has a dark edge (seen on light toolbars) inside
// a light halo (seen on dark ones), and the level shows by shape as well as colour (✓ ! ?).
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../test/e2e/support/browsers.ts';
import { REPO } from '../test/e2e/support/extension.ts';

export const ICON_SIZES = [16, 32, 48, 128] as const;
type Variant = 'default' | 'danger' | 'warning' | 'ok' | 'unknown';

const STYLE: Record<Variant, { fill: string; glyph: string; ink: string }> = {
  default: { fill: '#1a5fb4', glyph: 'camera', ink: '#ffffff' },
  danger: { fill: '#c5221f', glyph: 'bang', ink: '#ffffff' },
  warning: { fill: '#f9ab00', glyph: 'bang', ink: '#202124' },
  ok: { fill: '#188038', glyph: 'check', ink: '#ffffff' },
  unknown: { fill: '#6f7378', glyph: 'question', ink: '#ffffff' },
};

/** The shield in a 0..100 box. */
const SHIELD = 'M50 0 L100 17 V48 C100 78 78 94 50 100 C22 94 0 78 0 48 V17 Z';

function glyph(kind: string, ink: string, stroke: number): string {
  const line = `fill="none" stroke="${ink}" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"`;
  const dot = (y: number) => `<circle cx="50" cy="${y}" r="${stroke * 0.62}" fill="${ink}"/>`;
  switch (kind) {
    case 'check':
      return `<polyline points="27,50 43,66 73,33" ${line}/>`;
    case 'bang':
      return `<line x1="50" y1="22" x2="50" y2="55" ${line}/>${dot(76)}`;
    case 'question':
      return `<path d="M35 36 C35 16 66 16 66 35 C66 50 50 49 50 60" ${line}/>${dot(78)}`;
    default:
      // A video camera: this is about calls.
      return `<rect x="20" y="34" width="42" height="32" rx="6" fill="${ink}"/><path d="M64 50 L82 36 V64 Z" fill="${ink}" stroke="${ink}" stroke-width="4" stroke-linejoin="round"/>`;
  }
}

/** One icon as SVG, drawn for its pixel size (edges and strokes stay at least a pixel wide). */
export function iconSvg(variant: Variant, size: number): string {
  const unit = 128 / size; // viewBox units per pixel
  const edge = Math.max(1, size / 40) * unit; // dark edge
  const halo = Math.max(1, size / 40) * unit; // light halo around it
  const margin = edge + halo;
  const scale = (128 - 2 * margin) / 100;
  const { fill, glyph: kind, ink } = STYLE[variant];
  // Small icons get bolder strokes, so the glyph still reads at 16 px.
  const stroke = size <= 16 ? 19 : size <= 32 ? 16 : 13;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <g transform="translate(${margin} ${margin}) scale(${scale})">
    <path d="${SHIELD}" fill="#ffffff" stroke="#ffffff" stroke-opacity="0.9" stroke-width="${(2 * (edge + halo)) / scale}" stroke-linejoin="round"/>
    <path d="${SHIELD}" fill="#202124" stroke="#202124" stroke-width="${(2 * edge) / scale}" stroke-linejoin="round"/>
    <path d="${SHIELD}" fill="${fill}"/>
    <g transform="translate(0 2)">${glyph(kind, ink, stroke)}</g>
  </g>
</svg>`;
}

export const VARIANTS: Variant[] = ['default', 'danger', 'warning', 'ok', 'unknown'];
export const iconFile = (variant: Variant, size: number) => (variant === 'default' ? `icon/${size}.png` : `icon/${variant}-${size}.png`);

async function main() {
  const browser = await launchChromium({ hosts: [], port: 0 });
  try {
    const page = await browser.newPage();
    for (const variant of VARIANTS) {
      for (const size of ICON_SIZES) {
        await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
        await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(variant, size)}</body></html>`);
        const out = path.join(REPO, 'public', iconFile(variant, size));
        fs.mkdirSync(path.dirname(out), { recursive: true });
        await page.screenshot({ path: out as `${string}.png`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      }
    }
    // A preview: every icon at every size on light and dark toolbar colours, then the 16 px
    // icons (the toolbar's size) magnified 4× to check their pixels.
    const img = (v: Variant, s: number, shown = s) =>
      `<img src="data:image/png;base64,${fs.readFileSync(path.join(REPO, 'public', iconFile(v, s))).toString('base64')}" width="${shown}" height="${shown}" style="image-rendering:pixelated">`;
    const row = (bg: string, cell: (v: Variant) => string) =>
      `<div style="background:${bg};padding:8px;display:flex;gap:24px;align-items:center">${VARIANTS.map(
        (v) => `<span style="display:flex;gap:10px;align-items:center">${cell(v)}</span>`,
      ).join('')}</div>`;
    const all = (v: Variant) => ICON_SIZES.map((s) => img(v, s)).join('');
    const zoomed = (v: Variant) => img(v, 16, 64);
    await page.setViewport({ width: 1400, height: 600, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;display:inline-block">${['#ffffff', '#f1f3f4', '#35363a', '#202124']
        .map((bg) => row(bg, all))
        .join('')}${row('#f1f3f4', zoomed)}${row('#202124', zoomed)}</body></html>`,
    );
    const preview = await page.$('body');
    const shots = path.join(REPO, 'docs/screenshots');
    fs.mkdirSync(shots, { recursive: true });
    await preview!.screenshot({ path: path.join(shots, 'icons.png') });
    console.log(`Wrote ${VARIANTS.length * ICON_SIZES.length} icons in public/icon/ and docs/screenshots/icons.png`);
  } finally {
    await browser.close();
  }
}

if (import.meta.main) await main();

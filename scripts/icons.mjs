// Draws the story's icons: an SVG favicon, PNG app icons (192, 512), a maskable 512 and an Apple touch icon (180).
// The PNGs are the SVG rendered by the system Chromium through playwright-core (nothing is downloaded).
//   node scripts/icons.mjs            writes public/icons/
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { requireChromium, CHROMIUM_ARGS } from './chromium.mjs';

const OUT = path.resolve('public/icons');
/** Same as the manifest's theme_color (scripts/vite/pwa.ts) and index.html's theme-color. */
const ACCENT = '#a12a1f';
const INK = '#ffffff';

/**
 * A map pin beside a dashed border line, on the story's red.
 * `full` fills the whole square (maskable and Apple icons, which the platform crops) and keeps the drawing inside
 * the maskable safe zone (a centred circle of 40% radius); otherwise the square has rounded corners.
 */
function svg({ full = false } = {}) {
  const background = full ? `<rect width="512" height="512" fill="${ACCENT}"/>` : `<rect width="512" height="512" rx="112" fill="${ACCENT}"/>`;
  const scale = full ? 0.7 : 1;
  const shift = (512 * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  ${background}
  <g transform="translate(${shift} ${shift}) scale(${scale})">
    <path d="M104 96 L168 214 L140 300 L204 424" fill="none" stroke="${INK}" stroke-width="26" stroke-linecap="round" stroke-linejoin="round" stroke-dasharray="40 30" opacity="0.85"/>
    <path d="M316 404 C316 404 224 292 224 226 A92 92 0 1 1 408 226 C408 292 316 404 316 404 Z" fill="${INK}"/>
    <circle cx="316" cy="224" r="36" fill="${ACCENT}"/>
  </g>
</svg>
`;
}

const PNGS = [
  { file: 'icon-192.png', size: 192, full: false },
  { file: 'icon-512.png', size: 512, full: false },
  { file: 'icon-maskable-512.png', size: 512, full: true },
  { file: 'apple-touch-icon.png', size: 180, full: true },
];

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'icon.svg'), svg());

const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  for (const { file, size, full } of PNGS) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg({ full })).toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: path.join(OUT, file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${file}: ${fs.statSync(path.join(OUT, file)).size} bytes`);
  }
} finally {
  await browser.close();
}

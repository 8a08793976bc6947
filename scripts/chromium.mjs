// Finds a Chromium for the tests: $CHROMIUM_PATH, then the usual install places. Never downloads one.
import fs from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** @returns {string | undefined} */
export function findChromium() {
  return candidates.find((p) => p && fs.existsSync(p));
}

export function requireChromium() {
  const found = findChromium();
  if (!found) {
    console.error(
      'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium)\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
    process.exit(2);
  }
  return found;
}

// Lighthouse 12.8 (13.x needs Node 22) through its CLI, against Debian's Chromium, offline, mobile or desktop.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS } from '../chromium.mjs';

const require = createRequire(import.meta.url);
const CLI = path.join(path.dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

export function lighthouseVersion() {
  return require('lighthouse/package.json').version;
}

/**
 * One Lighthouse run. `profile` is 'mobile' (Lighthouse's default: Moto G Power, slow 4G, 4× CPU, simulated) or
 * 'desktop' (`--preset=desktop`).
 * The bench's own settings: all four categories, and service workers kept out by blocking the worker script, as in
 * the other runs. With `defaults`, Lighthouse as anyone runs it: `lighthouse URL --only-categories=performance`, its
 * mobile defaults, nothing blocked (the Chromium flags are only those that let headless Chromium run on this machine).
 */
export async function lighthouse(url, profile, chromium, { defaults = false } = {}) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lh-')), 'report.json');
  const categories = defaults ? ['performance'] : CATEGORIES;
  const args = [
    CLI,
    url,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    `--only-categories=${categories.join(',')}`,
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    ...(defaults ? [] : ['--blocked-url-patterns=*/sw.js']),
    ...(profile === 'desktop' ? ['--preset=desktop'] : []),
  ];
  if (defaults && profile !== 'mobile') throw new Error('bench: Lighthouse defaults are its mobile settings');
  const stderr = [];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d) => stderr.push(d));
    child.on('close', resolve);
  });
  if (code !== 0 || !fs.existsSync(out)) throw new Error(`lighthouse failed (${code}): ${Buffer.concat(stderr).toString().slice(-500)}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, report.audits[id]?.numericValue ?? null]));
  const failing = Object.values(report.categories)
    .filter((c) => c.id !== 'performance')
    .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0 && (report.audits[r.id]?.score ?? 1) < 1).map((r) => r.id));
  return { ...scores, ...metrics, failing };
}

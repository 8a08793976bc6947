// `npm test`: unit and browser tests (vitest), then a production build and the end-to-end tests (Playwright)
// against it, then the engine smoke tests (Firefox ESR, WebKitGTK: scripts/engines/run.mjs). Finds Chromium itself; ends with a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { requireChromium } from './chromium.mjs';

const chromium = requireChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium };
fs.mkdirSync('test-results', { recursive: true });

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;

for (const f of ['test-results/vitest.json', 'test-results/e2e.json']) fs.rmSync(f, { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
} else if (vitestStatus !== 0) failed += 1;

const buildStatus = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (buildStatus !== 0) {
  failed += 1;
} else {
  const e2eStatus = run('npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
  } else if (e2eStatus !== 0) failed += 1;

  // Firefox ESR and WebKitGTK against the same build; a missing engine is one line (a failure under CI=true).
  fs.rmSync('test-results/engines.json', { force: true });
  const enginesStatus = run('node', ['scripts/engines/run.mjs', '--dir', 'dist']);
  const engines = readJson('test-results/engines.json');
  if (engines) {
    passed += engines.passed;
    failed += engines.failed;
  } else if (enginesStatus !== 0) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

// Engine smoke tests: the built story (dist/) in Firefox ESR and WebKitGTK, English and Arabic.
//   node scripts/engines/run.mjs [--dir dist] [--engines firefox,webkit] [--langs en,ar] [--shots /tmp/engines-shots]
//     [--out test-results/engines.json]
// Runs itself under xvfb-run when there is no display (WebKit needs one; Firefox gets WebGL from it). Prints a PASS or
// FAIL line per test and ends with "engines: N passed, N failed, N skipped"; writes the counts to test-results/engines.json.
// A missing engine is one line naming its install command: skipped, or under CI=true a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../serve.mjs';
import { ENGINES, firefox, webkit } from './drivers.mjs';
import { storyTests } from '../../tests/engines/story.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const TEST_TIMEOUT = 120000;

if (!process.env.DISPLAY && !process.env.ENGINES_XVFB && fs.existsSync('/usr/bin/xvfb-run')) {
  const args = ['-a', '-s', '-screen 0 1600x1200x24', process.execPath, ...process.execArgv, process.argv[1], ...argv];
  const result = spawnSync('xvfb-run', args, { stdio: 'inherit', env: { ...process.env, ENGINES_XVFB: '1' } });
  process.exit(result.status ?? 1);
}

const dir = opt('--dir', 'dist');
const shots = opt('--shots', '/tmp/engines-shots');
const engines = opt('--engines', 'firefox,webkit').split(',');
const langs = opt('--langs', 'en,ar').split(',');
const out = opt('--out', 'test-results/engines.json');
const ci = process.env.CI === 'true';
const launch = { firefox, webkit };
const counts = { passed: 0, failed: 0, skipped: 0, versions: {} };
fs.mkdirSync(shots, { recursive: true });

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms).unref())]);

const server = await serve({ dir, base: '/news/graphics/syria-iraq/' });
try {
  for (const engine of engines) {
    if (!ENGINES[engine]?.available()) {
      console.log(`engines: ${engine} is not installed, skipped${ci ? ' (a failure under CI)' : ''}; install it with: ${ENGINES[engine]?.install ?? '?'}`);
      counts[ci ? 'failed' : 'skipped'] += 1;
      continue;
    }
    for (const lang of langs) {
      let browser;
      try {
        browser = await withTimeout(launch[engine](), 60000, `${engine} launch`);
        counts.versions[engine] = browser.version;
        if (browser.retried?.length) console.log(`engines: ${engine} ${lang}: started on a second attempt (${browser.retried.join('; ')})`);
      } catch (error) {
        console.log(`FAIL ${engine} ${lang}: launch: ${error instanceof Error ? error.message : error}`);
        counts.failed += 1;
        continue;
      }
      for (const test of storyTests(browser, { url: server.url, lang, shots })) {
        const started = Date.now();
        try {
          const note = await withTimeout(test.fn(), TEST_TIMEOUT, test.name);
          counts.passed += 1;
          console.log(`PASS ${engine} ${lang}: ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? ` — ${note}` : ''}`);
        } catch (error) {
          counts.failed += 1;
          console.log(`FAIL ${engine} ${lang}: ${test.name}: ${error instanceof Error ? error.message : error}`);
        }
      }
      await withTimeout(browser.close(), 20000, `${engine} close`).catch(() => undefined);
    }
  }
} finally {
  await server.close();
}

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(counts, null, 2));
console.log(
  `engines: ${
    Object.entries(counts.versions)
      .map(([e, v]) => `${e} ${v}`)
      .join(', ') || 'none run'
  }`,
);
console.log(`engines: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 ? 1 : 0);

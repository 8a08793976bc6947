#!/usr/bin/env node
// `npm run bench`: the story against the floor for this stack, side by side in one run.
//   (a) the story, built as `npm run build` builds it, into a temporary folder (never dist/);
//   (b) scripts/bench/floor.html: a bare MapLibre page drawing the same basemap data at the story's first camera.
// Both are served gzip-encoded by scripts/serve.mjs and loaded cold in Debian's Chromium.
// Measures first map pixels on screen (trace screenshots), the live map complete after the reader's first gesture,
// bytes for a full read per language with the service worker blocked and allowed, long tasks while scrolling, and
// Lighthouse with its default flags and with the bench's settings. Prints the tables, writes
// scripts/bench/results/latest.{json,md} and the README's figures.
//   node scripts/bench.mjs [--runs 5] [--lighthouse-runs 5] [--scroll-runs 5] [--no-lighthouse] [--no-bytes] [--no-readme]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { requireChromium } from './chromium.mjs';
import { serve } from './serve.mjs';
import { ROOT, buildStory, buildFloor, gzipCopy } from './bench/build.mjs';
import { LAUNCH_ARGS, GPU_COMPOSITING_ARGS, storyCamera, floorUrl, storyScroll, floorTour } from './bench/measure.mjs';
import { tracedFirstView, liveAfterGesture } from './bench/firstview.mjs';
import { fullRead } from './bench/bytes.mjs';
import { lighthouse, lighthouseVersion } from './bench/lighthouse.mjs';
import { medians, ratio, lighthouseSummary, checkTargets, updateReadme } from './bench/report.mjs';
import { markdown } from './bench/markdown.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(opt('--runs', '5')));
const LH_RUNS = argv.includes('--no-lighthouse') ? 0 : Math.max(1, Number(opt('--lighthouse-runs', '5')));
const SCROLL_RUNS = Math.max(1, Number(opt('--scroll-runs', '5')));
const BYTES = !argv.includes('--no-bytes');
/** The story's camera flight, read from src/map/camera.ts, where the live map takes it from. */
const CAMERA_MS = (() => {
  const m = /export const CAMERA_MS = (\d+);/.exec(fs.readFileSync(path.join(ROOT, 'src/map/camera.ts'), 'utf8'));
  if (!m) throw new Error('bench: CAMERA_MS not found in src/map/camera.ts');
  return Number(m[1]);
})();
const RESULTS = path.join(ROOT, 'scripts/bench/results');
const PROFILES = ['desktop', 'mobile'];

const executablePath = requireChromium();
const log = (...a) => console.log(...a);
const load = () => os.loadavg()[0].toFixed(2);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'map-story-bench-'));
log(`Building the story and the floor page into ${work} …`);
// Built for the address the bench serves it from, as a newsroom builds it for its site (SITE_URL): canonical,
// hreflang and Open Graph links are then absolute, as search engines and Lighthouse's SEO audits expect.
const STORY_PORT = 4327;
process.env.SITE_URL = `http://127.0.0.1:${STORY_PORT}/story/`;
await buildStory(path.join(work, 'story'));
delete process.env.SITE_URL;
await buildFloor(path.join(work, 'floor'));
gzipCopy(path.join(work, 'story'), path.join(work, 'story-gz'));
gzipCopy(path.join(work, 'floor'), path.join(work, 'floor-gz'));

/** What each server sent, as it sent it: the JavaScript bytes before a page's first map pixels are counted from this. */
const served = { story: [], floor: [] };
const record = (list) => (pathname, status, bytes) => list.push({ at: Date.now(), pathname, status, bytes });
const gzip = { 'content-encoding': 'gzip', vary: 'accept-encoding' };
const story = await serve({ dir: path.join(work, 'story-gz'), base: '/story/', port: STORY_PORT, headers: gzip, onServe: record(served.story) });
const floor = await serve({ dir: path.join(work, 'floor-gz'), base: '/floor/', headers: gzip, onServe: record(served.floor) });
const loadBefore = load();
const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
const chromiumVersion = browser.version();

try {
  log('Measuring the story’s first camera at each viewport …');
  const cameras = {};
  for (const p of [...PROFILES, 'lighthouseDesktop']) cameras[p] = await storyCamera(browser, story.url, p);

  // "story": the reader does not move; its first map pixels are the still image of the first scene.
  // "gesture": the reader turns the wheel at load, which starts the live map; timed to its first scene complete.
  // "floor": first map pixels, then on to its first MapLibre idle.
  const runs = { story: { desktop: [], mobile: [] }, gesture: { desktop: [], mobile: [] }, floor: { desktop: [], mobile: [] } };
  for (let i = 0; i < RUNS; i++) {
    for (const p of PROFILES) {
      // Rotate which page goes first, so drift in the machine's load favours none.
      const order = ['story', 'gesture', 'floor'];
      for (let k = 0; k < i % 3; k++) order.push(order.shift());
      for (const page of order) {
        if (page === 'gesture') {
          const r = await liveAfterGesture(browser, story.url, p);
          runs.gesture[p].push(r);
          log(`run ${i + 1}/${RUNS} ${p.padEnd(7)} gesture at ${Math.round(r.gesture)} ms (${r.gestureType}), live map complete ${Math.round(r.complete)} ms`);
          continue;
        }
        const r =
          page === 'floor'
            ? await tracedFirstView(browser, floorUrl(floor.url, cameras[p]), p, served.floor, { idleMark: 'map-idle' })
            : await tracedFirstView(browser, story.url, p, served.story);
        runs[page][p].push(r);
        if (r.onScreen == null)
          log(`  ${page}, ${p}: no screenshot showed the map (${Math.round(r.settledShare * 100)}% of its box in map colours once settled)`);
        log(
          `run ${i + 1}/${RUNS} ${p.padEnd(7)} ${page.padEnd(7)} map on screen ${Math.round(r.onScreen ?? -1)} ms (frame requested ${Math.round(r.requested)} ms)` +
            `${r.idle ? `, idle ${Math.round(r.idle)} ms` : ''}, FCP ${Math.round(r.fcp ?? -1)} ms, JS ${kb(r.jsBytes)}`,
        );
      }
    }
  }

  // Scrolling is measured twice. 'software': this machine's Chromium as it starts, WebGL drawn by SwiftShader and
  // the page composited in software, so every frame of the map is read back from the GPU process on the page's
  // main thread (a wait that grows with the map's pixels, for any WebGL page). 'gpu': the same SwiftShader, with the
  // page composited on the GPU path as on a reader's computer with a graphics card; the frame is handed over, not
  // read back, so what is left on the main thread is the page's own work.
  const browsers = { software: browser, gpu: await chromium.launch({ executablePath, args: [...LAUNCH_ARGS, ...GPU_COMPOSITING_ARGS] }) };
  const scrolls = { software: { story: [], floor: [] }, gpu: { story: [], floor: [] } };
  for (let i = 0; i < SCROLL_RUNS; i++) {
    for (const [mode, b] of Object.entries(browsers)) {
      const { cameras: stepCameras, ...longTasks } = await storyScroll(b, story.url);
      scrolls[mode].story.push(longTasks);
      const fl = await floorTour(b, floorUrl(floor.url, cameras.desktop), stepCameras, CAMERA_MS);
      scrolls[mode].floor.push(fl);
      log(
        `scroll ${i + 1}/${SCROLL_RUNS} ${mode.padEnd(8)}: story ${longTasks.count} long tasks (${longTasks.over50} over 50 ms, longest ${Math.round(longTasks.max)} ms); floor ${fl.count} (${fl.over50}, ${Math.round(fl.max)} ms)`,
      );
    }
  }
  await browsers.gpu.close();

  // Bytes for a full read: each on its own server, so that its log holds that visit and nothing else.
  let bytes = null;
  if (BYTES) {
    bytes = { en: {}, ar: {} };
    const storyDir = { dir: path.join(work, 'story-gz'), base: '/story/' };
    for (const [lang, pagePath] of [
      ['en', ''],
      ['ar', 'ar/'],
    ]) {
      for (const serviceWorkers of ['block', 'allow']) {
        const r = await fullRead(browser, { ...storyDir, pagePath, serviceWorkers });
        bytes[lang][serviceWorkers] = r;
        log(`full read ${lang}, service worker ${serviceWorkers.padEnd(5)}: ${kb(r.total)} in ${r.requests} responses, JavaScript ${kb(r.groups.js.bytes)}`);
      }
    }
    const floorPage = new URL(floorUrl(floor.url, cameras.desktop));
    bytes.floor = await fullRead(browser, { dir: path.join(work, 'floor-gz'), base: '/floor/', pagePath: `floor.html${floorPage.search}`, floor: true });
    log(`full load of the floor: ${kb(bytes.floor.total)} in ${bytes.floor.requests} responses, JavaScript ${kb(bytes.floor.groups.js.bytes)}`);
  }
  await browser.close();

  let lh = null;
  if (LH_RUNS > 0) {
    lh = { bench: { story: {}, floor: {} }, defaults: { story: {}, floor: {} } };
    const lhCamera = { mobile: cameras.mobile, desktop: cameras.lighthouseDesktop };
    const plan = [
      ['defaults', 'mobile'],
      ['bench', 'mobile'],
      ['bench', 'desktop'],
    ];
    for (const [settings, p] of plan) {
      for (const page of ['story', 'floor']) {
        const url = page === 'story' ? story.url : floorUrl(floor.url, lhCamera[p]);
        const results = [];
        for (let i = 0; i < LH_RUNS; i++) {
          const r = await lighthouse(url, p, executablePath, { defaults: settings === 'defaults' });
          results.push(r);
          log(
            `lighthouse ${settings === 'defaults' ? 'default flags ' : 'bench settings'} ${p.padEnd(7)} ${page.padEnd(5)} ${i + 1}/${LH_RUNS}: performance ${r.performance}` +
              `${r.accessibility == null ? '' : `, accessibility ${r.accessibility}, best practices ${r['best-practices']}, SEO ${r.seo}`}, TBT ${Math.round(r.tbt)} ms`,
          );
        }
        lh[settings][page][p] = lighthouseSummary(results);
      }
    }
  }

  const perProfile = (f) => Object.fromEntries(PROFILES.map((p) => [p, f(p)]));
  const fv = { story: perProfile((p) => medians(runs.story[p])), floor: perProfile((p) => medians(runs.floor[p])) };
  const gesture = perProfile((p) => medians(runs.gesture[p]));
  // Each figure is the median over the runs, as for the first view; `runsOver50` counts the runs with any task over
  // 50 ms and `worstMax` is the longest task of any run, so a bad run stays visible.
  const summarise = (list) => ({
    ...medians(list),
    steps: list[0].steps,
    runs: list.length,
    runsOver50: list.filter((s) => s.over50 > 0).length,
    worstMax: Math.max(...list.map((s) => s.max)),
  });
  const result = {
    date: new Date().toISOString().slice(0, 10),
    runs: RUNS,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.versions.node,
      chromium: chromiumVersion,
      lighthouse: lighthouseVersion(),
      loadBefore,
      loadAfter: load(),
    },
    cameras,
    firstView: fv,
    gesture,
    scroll: Object.fromEntries(Object.entries(scrolls).map(([mode, r]) => [mode, { story: summarise(r.story), floor: summarise(r.floor) }])),
    bytes: bytes && {
      ...Object.fromEntries(['en', 'ar'].map((lang) => [lang, { block: bytes[lang].block, allow: bytes[lang].allow }])),
      floor: bytes.floor,
    },
    lighthouse: lh,
    ratios: {
      firstPixels: perProfile((p) => ratio(fv.story[p].onScreen, fv.floor[p].onScreen)),
      firstPixelsRequested: perProfile((p) => ratio(fv.story[p].requested, fv.floor[p].requested)),
      liveComplete: perProfile((p) => ratio(gesture[p].complete, fv.floor[p].idle)),
      jsBytes: ratio(fv.story.desktop.jsBytes, fv.floor.desktop.jsBytes),
      fullReadJs: bytes && perLang((lang) => ratio(bytes[lang].block.groups.js.bytes, bytes.floor.groups.js.bytes)),
      serviceWorker: bytes && perLang((lang) => ratio(bytes[lang].allow.total, bytes[lang].block.total)),
      lighthouseMobile: lh ? ratio(lh.bench.story.mobile.median.performance, lh.bench.floor.mobile.median.performance) : null,
    },
    raw: { firstView: runs, scroll: scrolls },
  };
  result.targets = checkTargets(result);
  const md = markdown(result);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), `# Benchmark: the story against a bare MapLibre page\n\n${md}\n`);
  if (!argv.includes('--no-readme') && updateReadme(path.join(ROOT, 'README.md'), md)) log('README.md: Performance figures updated.');
  log(`\n${md}\n\nWritten to ${path.relative(process.cwd(), RESULTS)}/latest.{json,md}`);
} finally {
  if (browser.isConnected()) await browser.close();
  await story.close();
  await floor.close();
  fs.rmSync(work, { recursive: true, force: true });
}

function perLang(f) {
  return { en: f('en'), ar: f('ar') };
}

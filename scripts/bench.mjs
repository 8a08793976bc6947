#!/usr/bin/env node
// `npm run bench`: the story against the floor for this stack, side by side in one run.
//   (a) the story, built as `npm run build` builds it;
//   (b) scripts/bench/floor.html: a bare MapLibre page drawing the same basemap data at the story's first camera.
// Both are served gzip-encoded by scripts/serve.mjs and loaded cold in Debian's Chromium with service workers blocked.
// Prints medians and story/floor ratios, writes scripts/bench/results/latest.{json,md} and the README's figures.
//   node scripts/bench.mjs [--runs 5] [--lighthouse-runs 3] [--no-lighthouse] [--no-readme]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { requireChromium } from './chromium.mjs';
import { serve } from './serve.mjs';
import { ROOT, buildStory, buildFloor, gzipCopy } from './bench/build.mjs';
import { LAUNCH_ARGS, GPU_COMPOSITING_ARGS, firstView, storyCamera, floorUrl, storyScroll, floorTour } from './bench/measure.mjs';
import { lighthouse, lighthouseVersion } from './bench/lighthouse.mjs';
import { medians, ratio, checkTargets, markdown, updateReadme } from './bench/report.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(opt('--runs', '5')));
const LH_RUNS = argv.includes('--no-lighthouse') ? 0 : Math.max(1, Number(opt('--lighthouse-runs', '3')));
const SCROLL_RUNS = Math.max(1, Number(opt('--scroll-runs', '5')));
/** The story's camera flight, read from src/map/camera.ts, where the live map takes it from. */
const CAMERA_MS = (() => {
  const m = /export const CAMERA_MS = (\d+);/.exec(fs.readFileSync(path.join(ROOT, 'src/map/camera.ts'), 'utf8'));
  if (!m) throw new Error('bench: CAMERA_MS not found in src/map/camera.ts');
  return Number(m[1]);
})();
const RESULTS = path.join(ROOT, 'scripts/bench/results');

const executablePath = requireChromium();
const log = (...a) => console.log(...a);
const load = () => os.loadavg()[0].toFixed(2);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'map-story-bench-'));
log(`Building the story and the floor page into ${work} …`);
await buildStory(path.join(work, 'story'));
await buildFloor(path.join(work, 'floor'));
gzipCopy(path.join(work, 'story'), path.join(work, 'story-gz'));
gzipCopy(path.join(work, 'floor'), path.join(work, 'floor-gz'));

/** What each server sent, as it sent it: the JavaScript bytes before a page's mark are counted from this. */
const served = { story: [], floor: [] };
const record = (list) => (pathname, status, bytes) => list.push({ at: Date.now(), pathname, status, bytes });
const gzip = { 'content-encoding': 'gzip', vary: 'accept-encoding' };
const story = await serve({ dir: path.join(work, 'story-gz'), base: '/story/', headers: gzip, onServe: record(served.story) });
const floor = await serve({ dir: path.join(work, 'floor-gz'), base: '/floor/', headers: gzip, onServe: record(served.floor) });
const loadBefore = load();
const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
const chromiumVersion = browser.version();

try {
  log('Measuring the story’s first camera at each viewport …');
  const cameras = {};
  for (const p of ['desktop', 'mobile', 'lighthouseDesktop']) cameras[p] = await storyCamera(browser, story.url, p);

  // "story": the reader does not move; its first map pixels are the still image of the first scene.
  // "live": the reader's mouse moves from the start, which starts the live map; timed to its first frame.
  const runs = { story: { desktop: [], mobile: [] }, live: { desktop: [], mobile: [] }, floor: { desktop: [], mobile: [] } };
  for (let i = 0; i < RUNS; i++) {
    for (const p of ['desktop', 'mobile']) {
      // Rotate which page goes first, so drift in the machine's load favours none.
      const order = ['story', 'live', 'floor'];
      for (let k = 0; k < i % 3; k++) order.push(order.shift());
      for (const page of order) {
        const r =
          page === 'floor'
            ? await firstView(browser, floorUrl(floor.url, cameras[p]), p, served.floor)
            : await firstView(browser, story.url, p, served.story, page === 'live' ? { mark: 'live-map-first-frame', moving: true } : {});
        runs[page][p].push(r);
        log(
          `run ${i + 1}/${RUNS} ${p.padEnd(7)} ${page.padEnd(5)} first map pixels ${Math.round(r.firstPixels)} ms, FCP ${Math.round(r.fcp ?? -1)} ms, JS ${(r.jsBytes / 1024).toFixed(0)} KB`,
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
  await browser.close();

  let lh = null;
  if (LH_RUNS > 0) {
    lh = { story: {}, floor: {} };
    const lhCamera = { mobile: cameras.mobile, desktop: cameras.lighthouseDesktop };
    for (const p of ['mobile', 'desktop']) {
      for (const page of ['story', 'floor']) {
        const url = page === 'story' ? story.url : floorUrl(floor.url, lhCamera[p]);
        const results = [];
        for (let i = 0; i < LH_RUNS; i++) {
          const r = await lighthouse(url, p, executablePath);
          results.push(r);
          log(
            `lighthouse ${p.padEnd(7)} ${page.padEnd(5)} ${i + 1}/${LH_RUNS}: performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r['best-practices']}, SEO ${r.seo}, TBT ${Math.round(r.tbt)} ms`,
          );
        }
        lh[page][p] = { ...medians(results), failing: [...new Set(results.flatMap((r) => r.failing))] };
      }
    }
  }

  const firstViewMedians = {
    story: { desktop: medians(runs.story.desktop), mobile: medians(runs.story.mobile) },
    live: { desktop: medians(runs.live.desktop), mobile: medians(runs.live.mobile) },
    floor: { desktop: medians(runs.floor.desktop), mobile: medians(runs.floor.mobile) },
  };
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
    firstView: firstViewMedians,
    scroll: Object.fromEntries(Object.entries(scrolls).map(([mode, r]) => [mode, { story: summarise(r.story), floor: summarise(r.floor) }])),
    lighthouse: lh,
    ratios: {
      firstPixels: {
        desktop: ratio(firstViewMedians.story.desktop.firstPixels, firstViewMedians.floor.desktop.firstPixels),
        mobile: ratio(firstViewMedians.story.mobile.firstPixels, firstViewMedians.floor.mobile.firstPixels),
      },
      liveFirstFrame: {
        desktop: ratio(firstViewMedians.live.desktop.firstPixels, firstViewMedians.floor.desktop.firstPixels),
        mobile: ratio(firstViewMedians.live.mobile.firstPixels, firstViewMedians.floor.mobile.firstPixels),
      },
      jsBytes: ratio(firstViewMedians.story.desktop.jsBytes, firstViewMedians.floor.desktop.jsBytes),
      lighthouseMobile: lh ? ratio(lh.story.mobile.performance, lh.floor.mobile.performance) : null,
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

// Hardening: the strict Content-Security-Policy holds, hostile URLs open the story as its URL reader says and inject
// nothing, the map survives losing its WebGL context, broken data leaves readable text and a notice, and reading the
// story three times over does not grow the JS heap.
import type { Page } from '@playwright/test';
import { test, expect, mapIdle, mapState, mapColours, readerArrives, stepIds } from './fixtures.ts';
import { hostileUrls, pageFacts, type PageFacts } from './hostile.ts';
import { t } from '../../src/i18n/strings.ts';
import { readUrl } from '../../src/state/url.ts';

const story = (page: Page) => page.locator('map-story');
const storyMap = (page: Page) => story(page).locator('live-map');

/** Console errors a failed request prints on its own; the tests check what the page does about it instead. */
const notNetwork = (errors: string[]) => errors.filter((e) => !/^Failed to load resource/.test(e));

test.describe('Content-Security-Policy', () => {
  test('the built page carries a strict policy and nothing in it is refused: map, steps, animations, Arabic', async ({ page, g }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        void (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const html = await (await page.request.get('./')).text();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toMatch(/unsafe-|\*|https?:/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style[\s>]|\sstyle\s*=|\son[a-z]+\s*=/i);

    await page.goto('./');
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(12);
    // Steps with a flight, a drawing animation and highlighted places, then the other language.
    for (const id of ['convoys', 'trench', 'transfer']) {
      await story(page).locator('story-timeline').locator(`button[data-step="${id}"]`).click();
      await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe(id);
      await mapIdle(page);
    }
    await story(page).locator('button.lang').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(12);
    expect(violations).toEqual([]);
    expect(g.errors).toEqual([]);
    expect(g.refused).toEqual([]);
  });
});

test.describe('hostile URLs', () => {
  test('over 50 generated hostile URLs open the story as its URL reader says, and inject no markup', async ({ page, g, baseURL }) => {
    test.setTimeout(600_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto('./');
    const ids = await stepIds(page);
    await mapIdle(page);
    // What a clean page is made of: any element or attribute the hostile pages have beyond this was injected.
    const clean: PageFacts = await pageFacts(page);
    await page.goto('./?embed=1&lang=ar#trench');
    await mapIdle(page);
    const cleanEmbed = await pageFacts(page);
    const knownTags = new Set([...clean.tags, ...cleanEmbed.tags]);

    // What each URL must open with: the story's own reader of the address (pure, so it runs here as in the page),
    // with the first step when the hash names none.
    const urls = hostileUrls(ids, 60).map((path) => {
      const href = new URL(path, baseURL).href;
      const state = readUrl(href, ids);
      return { path, href, lang: state.lang, embed: state.embed, step: ids[Math.max(0, state.stepIndex)]! };
    });
    expect(urls.length).toBeGreaterThanOrEqual(50);
    // The generator also reaches real steps and Arabic in odd but valid ways, so not every URL expects the defaults.
    expect(urls.filter((u) => u.step !== ids[0]).length, 'URLs that open a later step').toBeGreaterThan(0);
    expect(urls.filter((u) => u.lang === 'ar').length, 'URLs that open in Arabic').toBeGreaterThan(0);
    for (const [i, { path, href, lang, embed, step }] of urls.entries()) {
      await test.step(`${i + 1}: ${path.slice(0, 120)}`, async () => {
        await page.goto(href);
        await expect(story(page).locator(embed ? 'story-stepper' : 'main h1')).toBeVisible();
        // The still image of the step is in place (its address is built from the URL's step and language).
        await expect(story(page).locator('live-map static-map svg path').first()).toBeAttached();
        if (i % 4 === 0) {
          // Every fourth page also starts its live map: its labels, description and controls come in too.
          await readerArrives(page);
          await page.waitForFunction(() => document.querySelector('map-story')?.map?.isStyleLoaded() === true, undefined, { timeout: 60_000 });
        }
        const facts = await pageFacts(page);
        expect(facts.lang, 'language').toBe(lang);
        expect(facts.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(facts.embed, 'embedded layout').toBe(embed);
        expect([clean.title, cleanEmbed.title], 'document title').toContain(facts.title);
        expect(facts.step, 'active step').toBe(step);
        expect(facts.tags.filter((tag) => !knownTags.has(tag)), 'elements not on a clean page').toEqual([]);
        expect(facts.handlers, 'inline event handlers').toEqual([]);
        expect(facts.pwned, 'a payload ran').toBe(false);
      });
    }
    expect(dialogs).toEqual([]);
    expect(g.errors).toEqual([]);
    expect(g.refused).toEqual([]);
  });
});

test.describe('WebGL context loss', () => {
  test('the still image stands in while the context is lost, and the map comes back by itself with the current scene', async ({ page, g }) => {
    await page.goto('./#trench');
    await mapIdle(page);
    await expect(storyMap(page).locator('static-map')).toHaveCount(0);
    await page.evaluate(() => {
      const map = document.querySelector('map-story')?.map;
      const gl = map?.getCanvas().getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('WEBGL_lose_context is not available');
      (window as unknown as { loseContext: WEBGL_lose_context }).loseContext = ext;
      ext.loseContext();
    });
    await expect(storyMap(page).locator('static-map')).toBeVisible();
    await expect(storyMap(page).locator('.map')).toBeHidden();

    // The reader moves on while the map is away; the still image follows.
    await story(page).locator('story-timeline').locator('button[data-step="mosul-arrest"]').click();
    await expect(storyMap(page).locator('static-map')).toHaveAttribute('lang', 'en');
    await expect.poll(() => storyMap(page).locator('static-map').evaluate((el) => (el as HTMLElement & { stepId: string }).stepId)).toBe('mosul-arrest');

    await page.evaluate(() => (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext());
    await expect(storyMap(page).locator('.map')).toBeVisible();
    await expect(storyMap(page).locator('static-map')).toHaveCount(0);
    await mapIdle(page);
    const restored = await mapState(page);
    expect(await mapColours(page)).toBeGreaterThan(12);

    // The same step reached again in the usual way (away and back) gives the same map.
    await story(page).locator('story-timeline').locator('button[data-step="trench"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe('trench');
    await mapIdle(page);
    await story(page).locator('story-timeline').locator('button[data-step="mosul-arrest"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe('mosul-arrest');
    await mapIdle(page);
    const again = await mapState(page);
    expect(restored.step).toBe('mosul-arrest');
    expect(restored.visible).toEqual(again.visible);
    expect(restored.center[0]).toBeCloseTo(again.center[0], 2);
    expect(restored.center[1]).toBeCloseTo(again.center[1], 2);
    expect(restored.zoom).toBeCloseTo(again.zoom, 2);
    expect(g.errors).toEqual([]);
  });
});

test.describe('missing or broken data', () => {
  const cases: [string, string, { status: number; body: string }][] = [
    ['every data file is missing (404)', '**/data/*.geojson', { status: 404, body: 'not found' }],
    ['a data file is not valid JSON', '**/data/rivers.geojson', { status: 200, body: '{"type":"FeatureCollection","features":[{"type":' }],
    ['a data file is JSON but not GeoJSON', '**/data/countries.geojson', { status: 200, body: '{"error":"<img src=x onerror=alert(1)>"}' }],
  ];
  for (const [name, pattern, response] of cases) {
    test(`${name}: the text stays readable and a short notice says the map could not load`, async ({ page, g }) => {
      await page.route(pattern, (route) => route.fulfill({ ...response, contentType: 'application/geo+json' }));
      await page.goto('./');
      // Before the reader's first gesture the still image is the map; the live map's data is fetched then.
      await expect(storyMap(page).locator('static-map svg path').first()).toBeAttached();
      await readerArrives(page);
      await expect(storyMap(page).locator('.notice')).toHaveText(t('en', 'mapFailed'));
      await expect(storyMap(page).locator('.notice')).toHaveAttribute('role', 'status');
      await expect(story(page).locator('main h1')).toBeVisible();
      await expect(story(page).locator('story-step').first().locator('h2#title')).toBeVisible();
      // The story still moves on, with the still image of each step.
      await story(page).locator('story-timeline').locator('button[data-step="trench"]').click();
      await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe('trench');
      await expect(story(page).locator('story-step#trench h2#title')).toBeInViewport();
      await expect(storyMap(page).locator('static-map')).toBeVisible();
      expect(await page.evaluate(() => document.querySelector('map-story')?.map)).toBeUndefined();
      expect(notNetwork(g.errors)).toEqual([]);
    });
  }
});

test.describe('memory', () => {
  test('three full passes through the story grow the JS heap by less than 10%', async ({ page }) => {
    test.setTimeout(600_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./');
    await mapIdle(page);
    const ids = await stepIds(page);
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const pass = async (): Promise<void> => {
      for (const id of [...ids.slice(1), ids[0]!]) {
        await story(page).locator('story-timeline').locator(`button[data-step="${id}"]`).click();
        await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe(id);
        await mapIdle(page);
      }
    };
    // One pass first: every scene, tile and still image seen once, so caches are warm and code is compiled;
    // what the next three passes add is what reading the story again costs (and a leak would show).
    await pass();
    const before = await heap();
    for (let i = 0; i < 3; i++) await pass();
    const after = await heap();
    console.log(`JS heap: ${(before / 2 ** 20).toFixed(2)} MB before, ${(after / 2 ** 20).toFixed(2)} MB after three passes (${(((after - before) / before) * 100).toFixed(1)}%)`);
    expect(after).toBeLessThan(before * 1.1);
  });
});

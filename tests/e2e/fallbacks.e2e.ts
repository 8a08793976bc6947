/**
 * The story where the live map is not (yet) there: the still image while MapLibre loads, Chromium without WebGL,
 * a browser without JavaScript, and print. Each shows the same scenes as still images with their text alternative.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { test, expect, guard, mapIdle, mapColours } from './fixtures.ts';
import { axeViolations } from './axe.ts';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { loadStory } from '../../src/story/load-node.ts';
import { plainText } from '../../src/story/inline.ts';
import { t } from '../../src/i18n/strings.ts';

const story = loadStory();
const ids = story.steps.map((s) => s.id);
const step = (id: string) => story.steps.find((s) => s.id === id)!;

/** The still image inside the map area, by its role and accessible name. */
const stillImage = (page: Page) => page.locator('map-story live-map static-map [role="img"]');

test.describe('the still image first', () => {
  test('while MapLibre is still loading, the step text and its still map are on screen; the live map then replaces it', async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./#shaddadi');
    await expect(stillImage(page)).toHaveAttribute('aria-label', step('shaddadi').alt.en);
    await expect(stillImage(page).locator('svg path').first()).toBeAttached();
    expect((await stillImage(page).boundingBox())!.width).toBeGreaterThan(600);
    await expect(page.locator('map-story story-step#shaddadi h2#title')).toHaveText(step('shaddadi').title.en);
    expect(await page.evaluate(() => document.querySelector('map-story')!.map)).toBeUndefined();
    release();
    await mapIdle(page);
    await expect(page.locator('map-story live-map static-map')).toHaveCount(0);
    await expect(page.locator('map-story live-map canvas')).toHaveAttribute('aria-label', `The map now shows: ${step('shaddadi').alt.en}`);
  });
});

test.describe("the still images show the live map's scenes", () => {
  test("at 1280×800, each step's image frames the same area as the live map opened at that step", async ({ page }) => {
    for (const id of ids) {
      await page.goto(`./#${id}`);
      await mapIdle(page);
      const live = await page.evaluate(() => {
        const b = document.querySelector('map-story')!.map!.getBounds();
        return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      });
      const svg = await (await page.request.get(`static/en/${id}.svg`)).text();
      const still = /data-bounds="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number);
      for (const [i, v] of live.entries()) expect(Math.abs(v - still[i]!), `${id} bound ${i}`).toBeLessThan(0.01);
    }
  });
});

test.describe('without WebGL', () => {
  let browser: Browser;
  test.beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'] });
  });
  test.afterAll(async () => {
    await browser.close();
  });

  for (const [lang, size] of [
    ['en', { width: 1280, height: 800 }],
    ['ar', { width: 390, height: 844 }],
  ] as const) {
    test(`${lang} ${size.width}×${size.height}: each step shows its still map with alt text, and the whole text`, async ({ baseURL }) => {
      const context = await browser.newContext({ baseURL, viewport: size, serviceWorkers: 'block' });
      const page = await context.newPage();
      const g = await guard(context, page);
      await page.goto(`./?lang=${lang}#trench`);
      await expect(page.locator('map-story live-map .notice')).toBeVisible();
      await expect(stillImage(page)).toHaveAttribute('aria-label', step('trench').alt[lang]);
      await expect(stillImage(page).locator('svg text').first()).toBeAttached();
      expect(await mapColours(page)).toBeGreaterThan(8);
      expect(await page.evaluate(() => document.querySelector('map-story')!.map)).toBeUndefined();
      for (const s of story.steps) await expect(page.locator(`map-story story-step#${s.id} h2#title`)).toHaveText(s.title[lang]);
      // The next step brings its own still image.
      await page.keyboard.press('n');
      const next = story.steps[ids.indexOf('trench') + 1]!;
      await expect(stillImage(page)).toHaveAttribute('aria-label', next.alt[lang]);
      expect(await axeViolations(page)).toEqual([]);
      expect(g.refused).toEqual([]);
      await context.close();
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  const editions = [
    { lang: 'en', path: './', other: 'ar', link: 'ar/' },
    { lang: 'ar', path: './ar/', other: 'en', link: './' },
  ] as const;
  for (const e of editions) {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      test(`${e.path} at ${size.width}×${size.height} holds the whole ${e.lang} story: every step with its date, text, figures, sources and still map`, async ({
        page,
        g,
      }) => {
        await page.setViewportSize(size);
        await page.goto(e.path);
        await expect(page.locator('html')).toHaveAttribute('lang', e.lang);
        await expect(page.locator('html')).toHaveAttribute('dir', e.lang === 'ar' ? 'rtl' : 'ltr');
        await expect(page).toHaveTitle(story.meta.title[e.lang]);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.meta.title[e.lang]);
        const other = page.locator(`map-story a[hreflang="${e.other}"]`);
        await expect(other).toHaveAttribute('href', e.link);
        await expect(other).toHaveAttribute('lang', e.other);
        for (const [i, s] of story.steps.entries()) {
          const article = page.locator(`map-story > main > article#${s.id}`);
          await expect(article.locator('h2')).toHaveText(s.title[e.lang]);
          await expect(article).toContainText(t(e.lang, 'stepOf', { n: i + 1, total: ids.length }));
          for (const p of s.body) await expect(article).toContainText(plainText(p[e.lang]));
          for (const f of s.figures ?? []) await expect(article).toContainText(`${f.value[e.lang]} ${f.label[e.lang]}`);
          await expect(article.locator('.pre-sources')).toContainText(t(e.lang, 'readSources'));
          const img = article.locator('img');
          await expect(img).toHaveAttribute('alt', s.alt[e.lang]);
          await expect(img).toHaveAttribute('src', `static/${e.lang}/${s.id}.svg`);
          await img.scrollIntoViewIfNeeded();
          await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(768);
          // Nothing wider than the screen: the page does not scroll sideways.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        }
        for (const p of story.meta.method) await expect(page.locator('map-story > footer')).toContainText(plainText(p[e.lang]));
        await expect(page.locator('map-story > footer')).toContainText(plainText(story.meta.credits[0]![e.lang]));
        await page.locator('map-story > header').scrollIntoViewIfNeeded();
        await page.screenshot({ path: test.info().outputPath(`no-script-${e.lang}-${size.width}.png`) });
        expect(g.refused).toEqual([]);
      });
    }
  }
});

test.describe('with JavaScript, the prerendered text is replaced, not repeated', () => {
  test('one h1, one set of steps, for eyes and for assistive technology', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    await expect(page.locator('map-story > main')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: story.steps[0]!.title.en })).toHaveCount(1);
  });
});

test.describe('print', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(`${lang}: one step per page, each with its still map and its sources; no bar, timeline or sticky map`, async ({ page }) => {
      await page.goto(`./?lang=${lang}`);
      // Once the story's script has replaced the prerendered text (whose lazy images a slow script may let load),
      // the printed page's still maps are not fetched for the screen, where the live map shows the scene.
      await expect(page.locator('map-story > main')).toBeHidden();
      const stills: string[] = [];
      page.on('request', (r) => {
        if (/\/static\/(en|ar)\//.test(r.url())) stills.push(r.url());
      });
      await mapIdle(page);
      await page.waitForTimeout(1000);
      expect(stills.filter((u) => !u.endsWith(`/${story.steps[0]!.id}.svg`))).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('map-story header.bar')).toBeHidden();
      await expect(page.locator('map-story section.graphic')).toBeHidden();
      await expect(page.locator('map-story story-timeline')).toBeHidden();
      for (const s of story.steps) {
        const host = page.locator(`map-story story-step#${s.id}`);
        expect(await host.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
        const map = host.locator('.print-map img');
        await map.scrollIntoViewIfNeeded();
        await expect(map).toHaveAttribute('alt', s.alt[lang]);
        await expect(map).toHaveAttribute('src', `static/${lang}/${s.id}.svg`);
        await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(300);
        expect((await map.boundingBox())!.width).toBeGreaterThan(300);
        await expect(host.locator('.sources')).toBeVisible();
        await expect(host.locator('.print-map map-legend li').first()).toBeVisible();
      }
      expect(
        await page
          .locator('map-story footer')
          .filter({ has: page.locator('story-sources') })
          .evaluate((el) => getComputedStyle(el).breakBefore),
      ).toBe('page');
    });
  }

  test('without JavaScript the printed page also breaks before every step', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('./');
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.locator('map-story > main > article').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(ids.map(() => 'page'));
    await expect(page.locator('map-story > main > article img').first()).toBeVisible();
    await context.close();
  });
});

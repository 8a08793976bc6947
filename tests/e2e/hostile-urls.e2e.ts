/** Hostile and malformed URLs: the story opens with what the real URL reader makes of them, and injects nothing. */
import type { Page } from '@playwright/test';
import { test, expect, mapIdle, readerArrives, stepIds } from './fixtures.ts';
import { hostileUrls, pageFacts, type PageFacts } from './hostile.ts';
import { readUrl } from '../../src/state/url.ts';

const story = (page: Page) => page.locator('map-story');

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
    // What a clean page is made of, before the reader moves (its still map) and after (its live map): any element
    // or attribute the hostile pages have beyond these was injected.
    await expect(page.locator('map-story live-map static-map svg path').first()).toBeAttached();
    const still: PageFacts = await pageFacts(page);
    await mapIdle(page);
    const clean: PageFacts = await pageFacts(page);
    await page.goto('./?embed=1&lang=ar#trench');
    await mapIdle(page);
    const cleanEmbed = await pageFacts(page);
    const knownTags = new Set([...still.tags, ...clean.tags, ...cleanEmbed.tags]);

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
        expect(
          facts.tags.filter((tag) => !knownTags.has(tag)),
          'elements not on a clean page',
        ).toEqual([]);
        expect(facts.handlers, 'inline event handlers').toEqual([]);
        expect(facts.pwned, 'a payload ran').toBe(false);
      });
    }
    expect(dialogs).toEqual([]);
    expect(g.errors).toEqual([]);
    expect(g.refused).toEqual([]);
  });
});

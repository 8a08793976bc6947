// Embedding: the stepper keeps one height per width and language, so a host article below the frame never moves
// while the reader steps through (measured at 320, 640 and 1240 px in both languages, on a host of another origin).
import type { Page, Frame } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { FRAME, activeText, count, fittedHeight, frameHeights, frameState, nth, send, storyFrame, STORY_ORIGIN as origin, useHost } from './embed-host.ts';
import { loadStory } from '../../src/story/load-node.ts';

const story = loadStory();
const ids = story.steps.map((s) => s.id);
const host = useHost(story.meta.title.en);

const heights = (page: Page, frame: Frame) => frameHeights(page, frame, origin);
const fitted = (page: Page, frame: Frame) => fittedHeight(page, frame, origin);

test.describe('one height per width and language', () => {
  const table: string[] = [];
  test.afterAll(() => console.log(`Frame heights (px) at steps 1–${ids.length}:\n| width | lang | heights |\n|---|---|---|\n${table.join('\n')}`));
  for (const lang of ['en', 'ar'] as const) {
    test(`${lang}: at 320, 640 and 1240 px the frame keeps one height at every step, shows the whole step, and the page does not move`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width: 336, height: 900 });
      await page.goto(host.page('overview', lang));
      await nth(page, origin, 'map-story:ready', 1);
      const frame = await storyFrame(page);
      const next = page.frameLocator(FRAME).locator('story-stepper .pager button.next');
      const below = () => page.locator('#sibling').evaluate((el) => el.getBoundingClientRect().top + scrollY);
      for (const width of [320, 640, 1240]) {
        // The host page's body has its default 8 px margins.
        await page.setViewportSize({ width: width + 16, height: 900 });
        await expect.poll(() => page.locator(FRAME).evaluate((el) => el.getBoundingClientRect().width)).toBe(width);
        if ((await frameState(frame)).step !== ids[0]) await send(page, { type: 'map-story:goto', id: ids[0] }, origin);
        await expect.poll(async () => (await frameState(frame)).step).toBe(ids[0]);
        await frame.evaluate(() => document.fonts.ready.then(() => undefined));
        const height = await fitted(page, frame);
        const sent = await count(page, origin, 'map-story:height');
        const position = await below();
        const row: number[] = [];
        for (const [i, step] of story.steps.entries()) {
          if (i > 0) await next.click();
          await expect.poll(async () => (await frameState(frame)).title).toBe(step.title[lang]);
          const h = await heights(page, frame);
          row.push(h.frame);
          const where = `${lang}, ${width} px, step ${i + 1} (${step.id})`;
          expect(h, where).toEqual({ frame: height, content: height, reported: height, hiddenBelow: 0 });
          const text = await activeText(frame);
          expect(text.overflow, `${where}: the step's text needs no scrolling`).toBeLessThanOrEqual(0);
          expect(text.top, where).toBeGreaterThanOrEqual(0);
          expect(Math.max(text.bottom, text.pagerBottom), `${where}: the text and the buttons are inside the frame`).toBeLessThanOrEqual(text.viewport);
          expect(await below(), `${where}: the host page below the frame stays put`).toBe(position);
        }
        expect(await count(page, origin, 'map-story:height'), `${lang}, ${width} px: no height message while stepping`).toBe(sent);
        table.push(`| ${width} | ${lang} | ${row.join(', ')} |`);
      }
    });
  }
});

/**
 * What backs each paragraph, as a reader finds it: the "Source" control under the paragraph (scrolling story, stepper
 * embed, page without script, print), the publication line near the top and the corrections section at the end.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, mapIdle } from './fixtures.ts';
import { loadStory } from '../../src/story/load-node.ts';
import { sourceNotes } from '../../src/story/source-notes.ts';
import type { Lang, Paragraph } from '../../src/story/types.ts';

const story = loadStory();
const step = (id: string) => story.steps.find((s) => s.id === id)!;
const notes = (p: Paragraph, lang: Lang) => sourceNotes(p.claims, story.claims, story.meta.sources, lang);
const activeStep = (page: Page) => page.evaluate(() => document.querySelector('map-story')!.step);

/** The control's opened text holds every note of the paragraph: who, when, which report, and each passage in English. */
async function expectNotes(details: Locator, p: Paragraph, lang: Lang): Promise<void> {
  await expect(details).toHaveAttribute('open', '');
  for (const n of notes(p, lang)) {
    await expect(details).toContainText(n.who);
    await expect(details).toContainText(n.said);
    await expect(details).toContainText(n.outlet);
    for (const passage of n.passages) {
      const quote = details.locator('blockquote', { hasText: passage });
      await expect(quote).toBeVisible();
      await expect(quote).toHaveAttribute('lang', 'en');
    }
  }
}

test.describe('the Source control in the scrolling story', () => {
  test('en, desktop: reached with Tab from the step, opened with Enter, it shows who, when, the report and the passage, and the story stays on its step', async ({
    page,
    g,
  }) => {
    await page.goto('./#transfer');
    await mapIdle(page);
    const host = page.locator('map-story story-step#transfer');
    await host.locator('article').focus();
    await page.keyboard.press('Tab');
    const summary = host.locator('details.src summary').first();
    await expect(summary).toBeFocused();
    await expect(summary).toHaveText('Source');
    expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Enter');
    const p = step('transfer').body[0]!;
    await expectNotes(host.locator('details.src').first(), p, 'en');
    await expect(host.locator('details.src').first()).toContainText('US Central Command (CENTCOM), 20 January 2026 (Tuesday)');
    expect(await activeStep(page)).toBe('transfer');
    await expect(page).toHaveURL(/#transfer$/);
    expect(g.refused).toEqual([]);
  });

  test('a claim without a day says so, and a report without a time zone says so', async ({ page }) => {
    await page.goto('./#al-hol');
    await mapIdle(page);
    const details = page.locator('map-story story-step#al-hol details.src').first();
    await details.locator('summary').click();
    await expect(details).toContainText('no day given in the report');
    await expect(details).toContainText('The National, 20 January 2026, 10:36, time zone not given');
  });

  test('ar, phone: «المصدر» opens under the paragraph, in Arabic, with the English passage marked as English', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./?lang=ar#shaddadi');
    await mapIdle(page);
    const host = page.locator('map-story story-step#shaddadi');
    const details = host.locator('details.src').first();
    await expect(details.locator('summary')).toHaveText('المصدر');
    const paragraph = host.locator('.block > p:not(.meta)').first();
    const summary = details.locator('summary');
    const gap = async () => (await summary.boundingBox())!.y - (await paragraph.boundingBox())!.y;
    const closed = await gap();
    await summary.click();
    await expectNotes(details, step('shaddadi').body[0]!, 'ar');
    await expect(details).toContainText('وزارة الداخلية السورية');
    // It opens in place: the control stays right under its paragraph, and the notes open below the control.
    expect(await gap()).toBeCloseTo(closed, 0);
    const body = (await details.locator('.src-body').boundingBox())!;
    expect(body.y).toBeGreaterThanOrEqual((await summary.boundingBox())!.y + 20);
    expect(await activeStep(page)).toBe('shaddadi');
  });

  test('method paragraphs that state a claim have the control too', async ({ page }) => {
    await page.goto('./');
    const sources = page.locator('map-story story-sources');
    const cited = story.meta.method.filter((p) => p.claims.length);
    await expect(sources.locator('details.src')).toHaveCount(cited.length);
    await sources.locator('details.src summary').first().click();
    await expectNotes(sources.locator('details.src').first(), cited[0]!, 'en');
  });
});

test.describe('the Source control in the stepper embed', () => {
  test('opens in the embedded step and leaves the step as it was', async ({ page }) => {
    await page.setViewportSize({ width: 600, height: 700 });
    await page.goto('./?embed=1#ceasefire');
    await mapIdle(page);
    const details = page.locator('map-story story-stepper story-step details.src').first();
    await details.locator('summary').click();
    await expectNotes(details, step('ceasefire').body[0]!, 'en');
    expect(await activeStep(page)).toBe('ceasefire');
  });
});

test.describe('publication line and corrections', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(`${lang}: "Published … · Updated …" with time zones near the top, and a corrections section at the end`, async ({ page }) => {
      await page.goto(`./?lang=${lang}`);
      const line = page.locator('map-story .intro .pubdate');
      await expect(line).toContainText(lang === 'en' ? /^Published 20 January 2026 at 18:00 UTC · Updated / : /^نُشر في .*UTC · آخر تحديث: /);
      const footer = page.locator('map-story story-sources');
      await expect(footer.locator('h2#corrections')).toHaveText(lang === 'en' ? 'Corrections and updates' : 'التصويبات والتحديثات');
      await expect(footer.locator('.corrections')).toHaveText(lang === 'en' ? 'No corrections.' : 'لا توجد تصويبات.');
    });
  }
});

test.describe('without JavaScript', () => {
  test('each cited paragraph has a Source control that opens, and the page has the publication line and the corrections', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.locator('map-story .pre-pubdate')).toContainText(/^Published 20 January 2026 at 18:00 UTC · Updated /);
    await expect(page.locator('map-story #corrections + .corrections')).toHaveText('No corrections.');
    for (const s of story.steps) {
      const cited = s.body.filter((p) => p.claims.length).length;
      await expect(page.locator(`map-story > main > article#${s.id} details.src`)).toHaveCount(cited);
    }
    const details = page.locator('map-story > main > article#ceasefire details.src').first();
    await details.locator('summary').click();
    await expectNotes(details, step('ceasefire').body[0]!, 'en');
    await context.close();
  });
});

test.describe('print', () => {
  test('the closed controls give way to numbered notes after each step, with every passage', async ({ page }) => {
    await page.goto('./?lang=ar');
    await mapIdle(page);
    await page.emulateMedia({ media: 'print' });
    const host = page.locator('map-story story-step#transfer');
    await expect(host.locator('details.src').first()).toBeHidden();
    const printed = host.locator('.print-notes');
    await expect(printed).toBeVisible();
    await expect(printed.locator('h3')).toHaveText('المصادر فقرةً فقرة');
    for (const p of step('transfer').body) for (const n of notes(p, 'ar')) for (const passage of n.passages) await expect(printed).toContainText(passage);
  });
});

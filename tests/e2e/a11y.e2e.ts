/**
 * Accessibility of the live story: axe (WCAG 2.2 AA and best practice) at the first, a middle and the last step in
 * both languages at desktop and phone sizes; a keyboard-only pass through every step; the polite announcements;
 * reduced motion (system setting and the remembered toggle). Fallbacks (no WebGL, no JavaScript, print) are in
 * fallbacks.e2e.ts.
 */
import type { Page } from '@playwright/test';
import { test, expect, mapIdle, mapState } from './fixtures.ts';
import { axeViolations, focused, inside, intersects, labelInNameMismatches, measureReflow, type Focused } from './axe.ts';
import { loadStory } from '../../src/story/load-node.ts';
import { plainText } from '../../src/story/inline.ts';

const story = loadStory();
const ids = story.steps.map((s) => s.id);
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

const activeStep = (page: Page): Promise<string> => page.evaluate(() => document.querySelector('map-story')!.step);

/** Tabs from the page's start to the skip button (the first Tab may only bring focus into the document). */
async function tabToSkip(page: Page): Promise<Focused> {
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body') return f;
  }
  throw new Error('Tab never left the document');
}

/**
 * Tabs from a step to the next: first through each "Source" control of the step (one per paragraph that cites
 * claims), each seen and inside that step, then onto the next step. Returns the focus on the next step.
 */
async function tabToNextStep(page: Page, from: string): Promise<Focused> {
  const controls = story.steps.find((s) => s.id === from)!.body.filter((p) => p.claims.length).length;
  for (let k = 0; k < controls; k++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.tag, `Source control ${k + 1} of step ${from}`).toBe('summary');
    expect(f.step).toBe(from);
    expectSeen(f);
  }
  await page.keyboard.press('Tab');
  return focused(page);
}

function expectSeen(f: Focused): void {
  expect(f.outline, `focus ring on ${f.tag} "${f.name}"`).not.toBe('none');
  expect(f.outlineWidth, `focus ring width on ${f.tag} "${f.name}"`).toBeGreaterThanOrEqual(2);
  expect(f.visible, `${f.tag} "${f.name}" is not covered by the bar or the map`).toBe(true);
  if (!f.inHeader) expect(f.top, `${f.tag} "${f.name}" starts below the sticky bar`).toBeGreaterThanOrEqual(f.headerBottom - 1);
}

test.describe('axe: no violations (WCAG 2.2 AA and best practice)', () => {
  const middle = ids[Math.floor(ids.length / 2)]!;
  for (const lang of ['en', 'ar'] as const) {
    for (const size of SIZES) {
      test(`${lang} at ${size.width}×${size.height}: first, middle and last step`, async ({ page, g }) => {
        await page.setViewportSize(size);
        for (const id of [ids[0]!, middle, ids.at(-1)!]) {
          await page.goto(`./?lang=${lang}#${id}`);
          await mapIdle(page);
          expect(await activeStep(page)).toBe(id);
          expect(await axeViolations(page), `${lang} ${size.width} #${id}`).toEqual([]);
        }
        expect(g.refused).toEqual([]);
      });
    }
  }
});

test.describe('keyboard only', () => {
  test('Tab goes skip button → timeline → tools → every step in reading order, always visible and never covered', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    const order: Focused[] = [await tabToSkip(page)];
    expectSeen(order[0]!);
    for (let i = 0; i < 40 && !order.at(-1)?.step; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expectSeen(f);
      order.push(f);
    }
    expect(order[0]?.name).toBe('Skip past the map to the story text');
    const where = (test: (f: Focused) => boolean): number => order.findIndex(test);
    const timeline = where((f) => f.name.startsWith('Step 1 of'));
    const next = where((f) => f.name === 'Next step');
    const motion = where((f) => f.name.startsWith('Motion: on'));
    expect(timeline).toBeGreaterThan(0);
    expect(next).toBeGreaterThan(timeline);
    expect(motion).toBeGreaterThan(next);
    expect(order.at(-1)?.step).toBe(ids[0]);
    // On through the text: each step's Source controls, then the next step, which becomes the step the map shows.
    for (const [i, id] of ids.slice(1).entries()) {
      const f = await tabToNextStep(page, ids[i]!);
      expect(f.step).toBe(id);
      expectSeen(f);
      await expect.poll(() => activeStep(page)).toBe(id);
    }
  });

  test('the skip button lands on the step the map shows; n/p and the arrow keys move the step and the focus', async ({ page }) => {
    await page.goto(`./#${ids[2]}`);
    await mapIdle(page);
    expectSeen(await tabToSkip(page));
    await page.keyboard.press('Enter');
    expect((await focused(page)).step).toBe(ids[2]);
    await page.keyboard.press('n');
    await expect.poll(() => activeStep(page)).toBe(ids[3]);
    expect((await focused(page)).step).toBe(ids[3]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeStep(page)).toBe(ids[4]);
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeStep(page)).toBe(ids[2]);
    const f = await focused(page);
    expect(f.step).toBe(ids[2]);
    expectSeen(f);
  });

  test('the next and previous buttons work from the keyboard, with targets of at least 24×24 px', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    const next = page.locator('map-story story-timeline button.next');
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeStep(page)).toBe(ids[1]);
    await page.keyboard.press('Space');
    await expect.poll(() => activeStep(page)).toBe(ids[2]);
    await page.locator('map-story story-timeline button.prev').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeStep(page)).toBe(ids[1]);
    const boxes = await page
      .locator('map-story')
      .locator('header button:not(.skip), story-timeline button')
      .evaluateAll((els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => el.getBoundingClientRect())
          .map((r) => [r.width, r.height]),
      );
    expect(boxes.length).toBeGreaterThan(5);
    for (const [w, h] of boxes) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(24);
  });

  test('on a phone, in Arabic, each focused step scrolls clear of the sticky bar', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./?lang=ar');
    await mapIdle(page);
    expectSeen(await tabToSkip(page));
    await page.keyboard.press('Enter');
    expect((await focused(page)).step).toBe(ids[0]);
    for (const [i, id] of ids.slice(1).entries()) {
      const f = await tabToNextStep(page, ids[i]!);
      expect(f.step).toBe(id);
      expectSeen(f);
    }
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeStep(page)).toBe(ids.at(-2));
  });
});

test.describe('label in name (WCAG 2.5.3)', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const size of SIZES) {
      test(`${lang} at ${size.width}×${size.height}: every visible control's accessible name contains its visible text`, async ({ page }) => {
        await page.setViewportSize(size);
        await page.goto(lang === 'en' ? './' : './ar/');
        await mapIdle(page);
        await tabToSkip(page);
        const seen = await page.evaluate(labelInNameMismatches);
        await page.keyboard.press('Escape');
        await page.locator('map-story share-embed button.tool').click();
        await expect(page.locator('map-story share-embed dialog')).toBeVisible();
        const dialog = await page.evaluate(labelInNameMismatches);
        expect([...seen, ...dialog].map((m) => `${m.control}: visible "${m.visible}", name "${m.name}"`)).toEqual([]);
        const motion = page.locator('map-story button.motion');
        await expect(motion).toHaveAttribute('aria-label', new RegExp(`^${lang === 'en' ? 'Motion: on' : 'الحركة: مفعّلة'} — `));
      });
    }
  }
});

test.describe('reflow at 320 CSS px with text at 200 % (WCAG 1.4.4, 1.4.10)', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(`${lang}: the bar's controls and the skip button do not overlap, text does not scroll by itself, the key leaves the map clear`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      const middle = ids[Math.floor(ids.length / 2)]!;
      for (const id of [ids[0]!, middle, ids.at(-1)!]) {
        await page.goto(`${lang === 'en' ? './' : './ar/'}#${id}`);
        await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        await mapIdle(page);
        const r = await page.evaluate(measureReflow);
        const where = `${lang} #${id}`;
        expect(r.pageWidth, `${where}: no horizontal scroll`).toBeLessThanOrEqual(320);
        expect(Object.keys(r.controls).length, `${where}: the bar's controls`).toBe(6);
        const controls = Object.entries(r.controls);
        for (const [i, [a, boxA]] of controls.entries()) {
          expect(inside(boxA, r.bar) && inside(boxA, r.viewport), `${where}: ${a} ${JSON.stringify(boxA)} inside the bar ${JSON.stringify(r.bar)}`).toBe(true);
          for (const [b, boxB] of controls.slice(i + 1))
            expect(intersects(boxA, boxB), `${where}: ${a} ${JSON.stringify(boxA)} overlaps ${b} ${JSON.stringify(boxB)}`).toBe(false);
        }
        expect(r.scrollers, `${where}: step text in its own scroll box`).toEqual([]);
        expect(r.wide, `${where}: step text past the viewport's sides`).toEqual([]);
        expect(r.key && r.locator, `${where}: the key and the locator are shown`).toBeTruthy();
        expect(intersects(r.key!, r.locator!), `${where}: key ${JSON.stringify(r.key)} covers the locator ${JSON.stringify(r.locator)}`).toBe(false);
        expect(r.labelsUnderKey, `${where}: map labels under the key`).toEqual([]);
      }
      // From the top of the page: a followed #link would start the Tab order at its step.
      await page.goto(lang === 'en' ? './' : './ar/');
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await mapIdle(page);
      const skip = await tabToSkip(page);
      expect(skip.name).toBe(lang === 'en' ? 'Skip past the map to the story text' : 'تخطَّ الخريطة إلى نص القصة');
      const r = await page.evaluate(measureReflow);
      const box = await page.evaluate(() => {
        const b = document.querySelector('map-story')!.shadowRoot!.querySelector('.skip')!.getBoundingClientRect();
        return [b.left, b.top, b.right, b.bottom] as [number, number, number, number];
      });
      expect(
        inside(box, r.bar) && inside(box, r.viewport),
        `${lang}: the focused skip button ${JSON.stringify(box)} stays in the bar ${JSON.stringify(r.bar)}`,
      ).toBe(true);
      await page.screenshot({ path: test.info().outputPath(`reflow-${lang}.png`) });
    });
  }
});

test.describe('screen readers', () => {
  const live = (page: Page) => page.locator('map-story [role="status"][aria-live="polite"]').last();

  test('a step change is announced politely: step n of N, its title and what the map now shows', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    await page.keyboard.press('n');
    const step = story.steps[1]!;
    await expect(live(page)).toHaveText(`Step 2 of ${ids.length}: ${step.title.en}. The map now shows: ${step.alt.en}`);
    const canvas = page.locator('map-story live-map canvas');
    await expect(canvas).toHaveAttribute('role', 'img');
    await expect(canvas).toHaveAttribute('aria-label', `The map now shows: ${step.alt.en}`);
    await expect(page.locator('map-story section.graphic')).toHaveAttribute('aria-label', 'Map of the current step');
  });

  test('in Arabic, the announcement is in Arabic; in English, Arabic names carry lang="ar"', async ({ page }) => {
    await page.goto('./?lang=ar');
    await mapIdle(page);
    await page.keyboard.press('ArrowLeft');
    const step = story.steps[1]!;
    await expect(live(page)).toHaveText(`المحطة 2 من ${ids.length}: ${step.title.ar}. تعرض الخريطة الآن: ${step.alt.ar}`);
    await page.goto('./');
    const marked = story.steps.flatMap((s) => s.body.flatMap((p) => [...p.en.matchAll(/\[\[ar:([^\]]+)\]\]/g)].map((m) => m[1]!)));
    expect(marked.length).toBeGreaterThan(0);
    const spans = await page.locator('map-story story-step span[lang="ar"]').allTextContents();
    for (const name of marked) expect(spans).toContain(name);
    const firstParagraph = plainText(story.steps[0]!.body[0]!.en);
    await expect(page.locator(`map-story story-step#${ids[0]}`)).toContainText(firstParagraph);
  });
});

test.describe('reduced motion', () => {
  const trench = ids.indexOf('trench');

  async function stepAndSample(page: Page) {
    await page.goto(`./#${ids[trench - 1]}`);
    await mapIdle(page);
    await page.keyboard.press('n');
    await page.waitForTimeout(100);
    return page.evaluate(() => {
      const map = document.querySelector('map-story')!.map!;
      return { moving: map.isMoving(), gradient: JSON.stringify(map.getPaintProperty('trench-line', 'line-gradient')) };
    });
  }

  test('with motion allowed, the camera is still flying 100 ms after a step change', async ({ page }) => {
    expect((await stepAndSample(page)).moving).toBe(true);
  });

  test('under prefers-reduced-motion the scene is in place at once and the trench is already drawn', async ({ browser }) => {
    const context = await browser.newContext({ reducedMotion: 'reduce', serviceWorkers: 'block' });
    const page = await context.newPage();
    const sample = await stepAndSample(page);
    expect(sample.moving).toBe(false);
    expect(sample.gradient).toMatch(/^\["step",\["line-progress"\],"(#[0-9a-f]{6})",1,"\1"\]$/);
    await expect(page.locator('map-story button.motion')).toHaveAttribute('aria-pressed', 'false');
    const now = await mapState(page);
    await mapIdle(page);
    const after = await mapState(page);
    expect(now.center[0]).toBeCloseTo(after.center[0], 6);
    expect(now.zoom).toBeCloseTo(after.zoom, 6);
    expect(now.visible).toContain('trench-line');
    await context.close();
  });

  test('the visible motion toggle turns motion off and is remembered across reloads', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    const toggle = page.locator('map-story button.motion');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toContainText('Motion: off');
    await page.reload();
    await expect(page.locator('map-story button.motion')).toHaveAttribute('aria-pressed', 'false');
    const sample = await stepAndSample(page);
    expect(sample.moving).toBe(false);
    await expect(page.locator('map-story button.motion')).toHaveAttribute('aria-pressed', 'false');
  });
});

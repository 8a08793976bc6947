import { test, expect, mapIdle, mapState, mapColours, stepIds } from './fixtures.ts';

test.describe('the story in English, desktop', () => {
  test('the map draws the region, with no request leaving the origin and no error', async ({ page, g }) => {
    await page.goto('./');
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(12);
    await expect(page.locator('map-story h1')).toContainText('Syria');
    const state = await mapState(page);
    expect(state.visible).toEqual(expect.arrayContaining(['countries-fill', 'border-line', 'rivers-line', 'places-dot']));
    expect(g.refused).toEqual([]);
    expect(g.errors).toEqual([]);
  });

  test('scrolling with the wheel over the map visits every step in order, then back', async ({ page, g }) => {
    await page.goto('./');
    await mapIdle(page);
    const ids = await stepIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      document.querySelector('map-story')?.addEventListener('step-change', (e) => seen.push((e as CustomEvent<{ id: string }>).detail.id));
    });
    const box = (await page.locator('map-story live-map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // One wheel turn at a time: the next turn only once the page has scrolled (or is at its end) and come to rest.
    const scrollTo = async (direction: 1 | -1, until: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await until()); i++) {
        const before = await page.evaluate(() => scrollY);
        await page.mouse.wheel(0, direction * 300);
        await page.waitForFunction(
          ({ before, direction }) => {
            const w = window as unknown as { lastScrollY?: number };
            const root = document.documentElement;
            const atEnd = direction > 0 ? Math.ceil(scrollY + innerHeight) >= root.scrollHeight : scrollY <= 0;
            const resting = w.lastScrollY === scrollY;
            w.lastScrollY = scrollY;
            return (scrollY !== before || atEnd) && resting;
          },
          { before, direction },
          { polling: 'raf', timeout: 10_000 },
        );
      }
    };
    await scrollTo(1, async () => (await page.evaluate(() => document.querySelector('map-story')!.step)) === ids.at(-1));
    const down = await page.evaluate(() => (window as unknown as { seen: string[] }).seen.splice(0));
    expect(down).toEqual(ids.slice(1));
    await scrollTo(-1, async () => (await page.evaluate(() => document.querySelector('map-story')!.step)) === ids[0]);
    const up = await page.evaluate(() => (window as unknown as { seen: string[] }).seen.splice(0));
    expect(up).toEqual(ids.slice(0, -1).reverse());
    expect(page.url()).toContain(`#${ids[0]}`);
    expect(g.errors).toEqual([]);
  });

  test('each scene sets its own camera and layers, the same from any direction', async ({ page }) => {
    await page.goto('./#overview');
    await mapIdle(page);
    // The first step's link opens at the title, not scrolled past it to where the prerendered step was.
    await expect(page.locator('map-story h1')).toBeInViewport();
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const overview = await mapState(page);
    expect(overview.visible).not.toContain('trench-line');

    await page.goto('./#trench');
    await mapIdle(page);
    const trench = await mapState(page);
    expect(trench.step).toBe('trench');
    expect(trench.visible).toContain('trench-line');
    expect(trench.visible).toContain('trench-label');

    await page.goto('./#mosul-arrest');
    await mapIdle(page);
    const mosul = await mapState(page);
    expect(mosul.visible).toContain('areas-fill');
    expect(mosul.center[0]).toBeGreaterThan(41);

    await page.goto('./#convoys');
    await mapIdle(page);
    const convoys = await mapState(page);
    expect(convoys.visible).toContain('arrows-convoy-shaft');
    expect(convoys.visible).not.toContain('arrows-transfer-shaft');
    expect(convoys.zoom).toBeGreaterThan(overview.zoom);

    // The same step reached by the timeline from a later step shows the same camera.
    await page.goto('./#transfer');
    await mapIdle(page);
    expect((await mapState(page)).step).toBe('transfer');
    await page.locator('map-story story-timeline').locator('button[data-step="convoys"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe('convoys');
    await mapIdle(page);
    const again = await mapState(page);
    expect(again.step).toBe('convoys');
    expect(again.center[0]).toBeCloseTo(convoys.center[0], 2);
    expect(again.center[1]).toBeCloseTo(convoys.center[1], 2);
    expect(again.zoom).toBeCloseTo(convoys.zoom, 2);
    expect(again.visible).toEqual(convoys.visible);
  });

  test('a step after a centre-and-zoom view gets the same camera as its deep link', async ({ page }) => {
    await page.goto('./#mosul-arrest');
    await mapIdle(page);
    const direct = await mapState(page);
    await page.goto('./#trench');
    await mapIdle(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe('mosul-arrest');
    await mapIdle(page);
    const stepped = await mapState(page);
    expect(stepped.zoom).toBeCloseTo(direct.zoom, 2);
    expect(stepped.center[0]).toBeCloseTo(direct.center[0], 2);
    expect(stepped.center[1]).toBeCloseTo(direct.center[1], 2);
  });

  test('a deep link opens its step, with its text in view', async ({ page, g }) => {
    await page.goto('./#shaddadi');
    await mapIdle(page);
    const state = await mapState(page);
    expect(state.step).toBe('shaddadi');
    const step = page.locator('map-story story-step#shaddadi');
    await expect(step).toBeInViewport();
    await expect(step).toContainText('1,500');
    await expect(step).toContainText('120');
    expect(Math.abs(state.center[0] - 40.73)).toBeLessThan(1.2);
    expect(g.errors).toEqual([]);
  });

  test('unknown step ids and languages fall back to the first step in English', async ({ page, g }) => {
    await page.goto('./?lang=xx#no-such-step');
    await mapIdle(page);
    expect((await mapState(page)).step).toBe((await stepIds(page))[0]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(g.errors).toEqual([]);
  });

  test('keys and the next/previous buttons step through the story', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    const ids = await stepIds(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe(ids[1]);
    await page.locator('map-story story-timeline').locator('button.next').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe(ids[2]);
    await page.locator('map-story story-timeline').locator('button.prev').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe(ids[1]);
    await expect(page.locator(`map-story story-step#${ids[1]}`)).toBeInViewport();
  });

  test('the wheel over the map scrolls the page, the map never traps it', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    const box = (await page.locator('map-story live-map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = await mapState(page);
    await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(300);
    const after = await mapState(page);
    expect(after.zoom).toBeCloseTo(before.zoom, 5);
  });
});

test.describe('the story on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a full-bleed map under text cards that cover at most ~45% of it', async ({ page }) => {
    await page.goto('./#shaddadi');
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(12);
    const map = (await page.locator('map-story live-map').boundingBox())!;
    expect(map.width).toBeGreaterThanOrEqual(389);
    const heights = await page
      .locator('map-story story-step')
      .evaluateAll((steps) => steps.flatMap((s) => [...(s.shadowRoot?.querySelectorAll('.block') ?? [])].map((b) => b.getBoundingClientRect().height)));
    expect(Math.max(...heights)).toBeLessThanOrEqual(map.height * 0.46);
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('no horizontal scroll at 320 px', async ({ page }) => {
    await page.goto('./');
    await mapIdle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

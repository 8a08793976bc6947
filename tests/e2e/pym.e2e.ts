// The story in a Pym.js host: the real pym.js 1.3 parent from npm (`new pym.Parent('container', url + '?embed=1', {})`)
// on another origin (a second loopback port). The story answers in Pym's own message format, so the frame Pym
// builds (150 px high until told otherwise) takes the story's whole height, follows the width and keeps its height
// while the reader steps through.
import fs from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { FRAME, PYM_ID, frameMapIdle, frameState, nth, received, storyFrame, storyStrings, STORY_ORIGIN as origin, useHost } from './embed-host.ts';
import { loadStory } from '../../src/story/load-node.ts';
import { readStoryMessage } from '../../src/embed/protocol.ts';

const story = loadStory();
const ids = story.steps.map((s) => s.id);
const HEIGHT = new RegExp(`^pymxPYMx${PYM_ID}xPYMxheightxPYMx(\\d+)$`);
const host = useHost(story.meta.title.en);

async function openPym(page: Page, step = 'overview', lang: 'en' | 'ar' = 'en'): Promise<Frame> {
  await page.goto(host.pymPage(step, lang));
  await nth(page, origin, 'map-story:ready', 1);
  const frame = await storyFrame(page);
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  return frame;
}

/** The Pym height messages the story has sent, as numbers (NaN for a string that is not one). */
async function pymHeights(page: Page): Promise<number[]> {
  return (await storyStrings(page, origin)).map((s) => Number(HEIGHT.exec(s)?.[1] ?? Number.NaN));
}

/** The frame's height on the host page (set by Pym), the story's content height and what is hidden below. */
async function sizes(page: Page, frame: Frame) {
  return {
    frame: await page.locator(FRAME).evaluate((el) => el.getBoundingClientRect().height),
    content: await frame.evaluate(() => Math.ceil(document.querySelector('map-story')!.getBoundingClientRect().height)),
    hiddenBelow: await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight),
  };
}

/** Waits until Pym has sized the frame to the story's content; returns that height. */
async function fitted(page: Page, frame: Frame): Promise<number> {
  await expect
    .poll(
      async () => {
        const s = await sizes(page, frame);
        return s.frame === s.content && s.hiddenBelow <= 0 && s.frame > 150;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return (await sizes(page, frame)).frame;
}

test.describe('the story in a Pym.js host on another origin', () => {
  test('Pym’s frame grows to the story’s full height: the story answers in Pym’s format', async ({ page, g }) => {
    await page.setViewportSize({ width: 1240, height: 1000 });
    const frame = await openPym(page, 'convoys');
    const src = new URL(frame.url());
    expect(src.searchParams.get('childId')).toBe(PYM_ID);
    expect(Number(src.searchParams.get('initialWidth'))).toBeGreaterThan(1000);
    expect(src.hash).toBe('#convoys');
    const height = await fitted(page, frame);
    expect(height).toBeGreaterThan(400);
    await expect.poll(async () => (await pymHeights(page)).at(-1)).toBe(height);
    expect(await page.locator(FRAME).getAttribute('height')).toBe(`${height}px`);
    // Every string the story sent is a Pym height message for this container; its own protocol goes on beside it.
    expect((await pymHeights(page)).every((h) => Number.isInteger(h) && h > 0)).toBe(true);
    const objects = (await received(page)).filter((r) => r.fromStory && typeof r.data !== 'string');
    const types = objects.map((r) => readStoryMessage(r.data)?.type);
    expect(types[0]).toBe('map-story:ready');
    expect(types.slice(1).every((type) => type === 'map-story:height')).toBe(true);
    expect((await frameState(frame)).step).toBe('convoys');
    expect(page.url()).toBe(host.pymPage('convoys', 'en'));

    await frameMapIdle(frame);
    await expect.poll(async () => (await frameState(frame)).visible).toContain('arrows-convoy-shaft');
    fs.mkdirSync('/tmp/embed-shots', { recursive: true });
    await page.screenshot({ path: '/tmp/embed-shots/pym-host.png', fullPage: true });
    expect(g.refused).toEqual([]);
    expect(g.errors).toEqual([]);
  });

  test('the frame follows the host page’s width', async ({ page }) => {
    await page.setViewportSize({ width: 1240, height: 900 });
    const frame = await openPym(page);
    const wide = await fitted(page, frame);
    for (const width of [640, 320, 1000]) {
      await page.setViewportSize({ width, height: 900 });
      await expect.poll(() => page.locator(FRAME).evaluate((el) => el.getBoundingClientRect().width)).toBe(width);
      const h = await fitted(page, frame);
      await expect.poll(async () => (await pymHeights(page)).at(-1)).toBe(h);
      if (width === 640) expect(h).toBeGreaterThan(wide);
    }
  });

  test('the reader steps through with buttons, keys and the timeline, and the frame keeps one height', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 900 });
    const frame = await openPym(page);
    const height = await fitted(page, frame);
    const sent = (await pymHeights(page)).length;
    const after = () => page.locator('#after').evaluate((el) => el.getBoundingClientRect().top + scrollY);
    const below = await after();
    const stepper = page.frameLocator(FRAME).locator('story-stepper');
    const expectStep = async (id: string) => {
      await expect.poll(async () => (await frameState(frame)).step).toBe(id);
      expect((await frameState(frame)).title).toBe(story.steps[ids.indexOf(id)]!.title.en);
      expect(await sizes(page, frame)).toEqual({ frame: height, content: height, hiddenBelow: 0 });
      expect(await after()).toBe(below);
    };
    await stepper.locator('.pager button.next').click();
    await expectStep(ids[1]!);
    await page.keyboard.press('ArrowRight');
    await expectStep(ids[2]!);
    await stepper.locator('story-timeline button[data-step="shaddadi"]').click();
    await expectStep('shaddadi');
    await stepper.locator('.pager button.prev').click();
    await expectStep(ids[ids.indexOf('shaddadi') - 1]!);
    expect((await pymHeights(page)).length).toBe(sent);
  });

  test('the story answers Pym’s width message and ignores malformed or foreign ones, without a word in the console', async ({ page, g }) => {
    const frame = await openPym(page, 'convoys');
    const height = await fitted(page, frame);
    await expect.poll(async () => (await pymHeights(page)).at(-1)).toBe(height);
    const logs: string[] = [];
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    const before = (await storyStrings(page, origin)).length;
    const stateBefore = await frameState(frame);
    await page.evaluate((id) => {
      const target = document.querySelector<HTMLIFrameElement>('#' + id + ' iframe')!.contentWindow!;
      const D = 'xPYMx';
      const list: unknown[] = [
        ['pym', id, 'width', 'wide'].join(D),
        ['pym', id, 'width', '-3'].join(D),
        ['pym', id, 'width', '64.5'].join(D),
        ['pym', 'other', 'width', '640'].join(D),
        ['pym', id, 'height', '9999'].join(D),
        ['pym', id, 'navigateTo', 'https://example.invalid/'].join(D),
        ['pym', id, 'scrollToChildPos', '100'].join(D),
        ['pym', id, 'viewport-iframe-position', '1 2 3 4 5 6'].join(D),
        ['pym', id, 'width'].join(D),
        'pym' + D + id,
        'pym',
        '',
        { type: 'width', width: 640 },
        ['pym', id, 'width', '640'],
        42,
        null,
      ];
      for (const m of list) target.postMessage(m, '*');
      // The parent's own width message, last: its answer shows that the ones before it have been handled.
      (window as unknown as { pymParent: { sendWidth(): void } }).pymParent.sendWidth();
    }, PYM_ID);
    await expect.poll(async () => (await storyStrings(page, origin)).length).toBeGreaterThan(before);
    expect((await storyStrings(page, origin)).slice(before)).toEqual([`pymxPYMx${PYM_ID}xPYMxheightxPYMx${height}`]);
    expect(await frameState(frame)).toEqual(stateBefore);
    expect(page.url()).toBe(host.pymPage('convoys', 'en'));
    expect(logs).toEqual([]);
    expect(g.errors).toEqual([]);
  });
});

// Embedding: the story in an iframe on a host page served from another origin (a second loopback port), the
// message protocol both ways, the resize script, the stepper layout, the full-story link and the embed code.
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import {
  FRAME,
  count,
  fittedHeight,
  frameHeights,
  frameMapIdle,
  frameState,
  nth,
  received,
  send,
  storyFrame,
  storyMessages,
  STORY_BASE as storyBase,
  STORY_ORIGIN as origin,
  useHost,
} from './embed-host.ts';
import { embedSnippet, storyUrls } from '../../src/embed/snippet.ts';
import { loadStory } from '../../src/story/load-node.ts';
import { t } from '../../src/i18n/strings.ts';

const story = loadStory();
const ids = story.steps.map((s) => s.id);
const host = useHost(story.meta.title.en);

/** Opens the host page and waits for the story's ready message and its drawn map. */
async function openHost(page: Page, step: string, lang: 'en' | 'ar' = 'en'): Promise<Frame> {
  await page.goto(host.page(step, lang));
  await nth(page, origin, 'map-story:ready', 1);
  const frame = await storyFrame(page);
  await frameMapIdle(frame);
  return frame;
}

const heights = (page: Page, frame: Frame) => frameHeights(page, frame, origin);
const fitted = (page: Page, frame: Frame) => fittedHeight(page, frame, origin);

test.describe('the story embedded on another origin', () => {
  test('ready arrives with the step ids, every message is valid, and the frame takes the story’s height', async ({ page, g }) => {
    const frame = await openHost(page, 'convoys');
    const ready = await nth(page, origin, 'map-story:ready', 1);
    expect(ready).toEqual({ type: 'map-story:ready', steps: ids, step: 'convoys', lang: 'en' });
    expect((await frameState(frame)).visible).toContain('arrows-convoy-shaft');
    const height = await fitted(page, frame);
    expect(height).toBeGreaterThan(400);
    const all = await received(page);
    expect(all.filter((r) => r.fromStory).every((r) => r.origin === origin)).toBe(true);
    const messages = await storyMessages(page, origin);
    expect(messages).not.toContain(null);
    expect(messages[0]?.type).toBe('map-story:ready');
    expect(page.url()).toBe(host.page('convoys', 'en'));
    expect(g.refused).toEqual([]);
  });

  test('goto and lang act and are answered, even when nothing has to change', async ({ page }) => {
    const frame = await openHost(page, 'convoys');
    const steps = await count(page, origin, 'map-story:step');
    await send(page, { type: 'map-story:goto', id: 'trench' }, origin);
    const index = ids.indexOf('trench');
    expect(await nth(page, origin, 'map-story:step', steps + 1)).toEqual({ type: 'map-story:step', id: 'trench', index, total: ids.length, lang: 'en' });
    await frameMapIdle(frame);
    let state = await frameState(frame);
    expect(state).toMatchObject({ step: 'trench', hash: '#trench', lang: 'en', title: story.steps[index]!.title.en });
    expect(state.visible).toContain('trench-line');

    await send(page, { type: 'map-story:lang', lang: 'ar' }, origin);
    expect(await nth(page, origin, 'map-story:step', steps + 2)).toEqual({ type: 'map-story:step', id: 'trench', index, total: ids.length, lang: 'ar' });
    await expect.poll(async () => (await frameState(frame)).title).toBe(story.steps[index]!.title.ar);
    state = await frameState(frame);
    expect(state).toMatchObject({ step: 'trench', lang: 'ar', dir: 'rtl' });

    await send(page, { type: 'map-story:goto', id: 'trench' }, origin);
    expect(await nth(page, origin, 'map-story:step', steps + 3)).toEqual({ type: 'map-story:step', id: 'trench', index, total: ids.length, lang: 'ar' });
    expect(page.url()).toBe(host.page('convoys', 'en'));
  });

  test('the height follows the width and the language, and not the step', async ({ page }) => {
    const frame = await openHost(page, 'overview');
    const wide = await fitted(page, frame);
    await page.setViewportSize({ width: 420, height: 800 });
    await expect.poll(async () => (await heights(page, frame)).reported).not.toBe(wide);
    const narrow = await fitted(page, frame);
    expect(narrow).toBeGreaterThan(wide);

    const before = await count(page, origin, 'map-story:height');
    const steps = await count(page, origin, 'map-story:step');
    await send(page, { type: 'map-story:goto', id: 'shaddadi' }, origin);
    await nth(page, origin, 'map-story:step', steps + 1);
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await fitted(page, frame)).toBe(narrow);
    expect(await count(page, origin, 'map-story:height')).toBe(before);

    await send(page, { type: 'map-story:lang', lang: 'ar' }, origin);
    await nth(page, origin, 'map-story:height', before + 1);
    expect(await fitted(page, frame)).not.toBe(narrow);
  });

  test('100 malformed or foreign messages change nothing and log nothing', async ({ page, g }) => {
    const frame = await openHost(page, 'convoys');
    await fitted(page, frame);
    const logs: string[] = [];
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
    await frame.evaluate(() => console.info('probe from the story frame'));
    await expect.poll(() => logs.some((l) => l.includes('probe from the story frame'))).toBe(true);
    logs.length = 0;
    const before = await frameState(frame);
    const frameUrl = frame.url();
    const messagesBefore = (await storyMessages(page, origin)).length;

    const malformed = await page.evaluate((sel) => {
      const goto = (id: unknown) => ({ type: 'map-story:goto', id });
      const lang = (l: unknown) => ({ type: 'map-story:lang', lang: l });
      const list: unknown[] = [
        null,
        undefined,
        0,
        1,
        Number.NaN,
        true,
        '',
        'map-story:goto',
        JSON.stringify(goto('trench')),
        [],
        [goto('trench')],
        {},
        new Date(),
        new Map([['type', 'map-story:goto']]),
        new Set(['trench']),
        new ArrayBuffer(8),
        new Blob(['x']),
        /trench/,
        ...[
          'goto',
          'map-story:Goto',
          'MAP-STORY:GOTO',
          'map-story:goto ',
          ' map-story:goto',
          'map-story:ready',
          'map-story:step',
          'map-story:height',
          'map-story:',
          'map-story:reset',
        ].map((type) => ({ type, id: 'trench' })),
        ...[
          undefined,
          null,
          4,
          '',
          'Trench',
          ' trench',
          'trench ',
          '../trench',
          '#trench',
          'trench#x',
          '<img src=x onerror=alert(1)>',
          'a'.repeat(81),
          'a'.repeat(100_000),
          ['trench'],
          { id: 'trench' },
          'no-such-step',
          'javascript:alert(1)',
          'trench\u0000',
          '%74rench',
          'الخندق',
        ].map(goto),
        ...[undefined, null, 'fr', 'AR', 'ar ', ['ar'], {}, 1, 'ar-SY', 'english'].map(lang),
        { type: 'map-story:goto', id: 'trench', index: 4 },
        { type: 'map-story:lang', lang: 'ar', id: 'trench' },
        JSON.parse('{"type":"map-story:goto","id":"trench","__proto__":{"id":"trench"}}'),
        { type: 'map-story:goto' },
        { id: 'trench' },
        { lang: 'ar' },
      ];
      for (let i = 0; list.length < 80; i++) list.push(goto(`step-${i}`));
      const target = document.querySelector<HTMLIFrameElement>(sel)!.contentWindow!;
      for (const m of list) target.postMessage(m, '*');
      return list.length;
    }, FRAME);
    // Valid commands from windows other than the parent: the story frame itself, and a sibling frame of the host.
    const fromSelf = await frame.evaluate(() => {
      for (let i = 0; i < 5; i++) window.postMessage({ type: 'map-story:goto', id: 'trench' }, '*');
      for (let i = 0; i < 5; i++) window.postMessage({ type: 'map-story:lang', lang: 'ar' }, '*');
      return 10;
    });
    const sibling = page.frame({ url: /sibling\.html$/ })!;
    const fromSibling = await sibling.evaluate((sel) => {
      const target = parent.document.querySelector<HTMLIFrameElement>(sel)!.contentWindow!;
      for (let i = 0; i < 5; i++) target.postMessage({ type: 'map-story:goto', id: 'trench' }, '*');
      for (let i = 0; i < 5; i++) target.postMessage({ type: 'map-story:lang', lang: 'ar' }, '*');
      return 10;
    }, FRAME);
    expect(malformed + fromSelf + fromSibling).toBe(100);

    // A valid command for the current step comes after them all; its answer shows they have all been handled.
    await send(page, { type: 'map-story:goto', id: 'convoys' }, origin);
    await expect.poll(async () => (await storyMessages(page, origin)).length).toBeGreaterThan(messagesBefore);
    const since = (await storyMessages(page, origin)).slice(messagesBefore);
    expect(since).toEqual([{ type: 'map-story:step', id: 'convoys', index: ids.indexOf('convoys'), total: ids.length, lang: 'en' }]);
    expect(await frameState(frame)).toEqual(before);
    expect(frame.url()).toBe(frameUrl);
    expect(page.url()).toBe(host.page('convoys', 'en'));
    expect(logs).toEqual([]);
    expect(g.errors).toEqual([]);
  });

  test('next/previous buttons, keys and the timeline step through the embedded story', async ({ page }) => {
    const frame = await openHost(page, 'overview');
    const stepper = page.frameLocator(FRAME).locator('story-stepper');
    const expectStep = async (id: string) => {
      await expect.poll(async () => (await frameState(frame)).step).toBe(id);
      expect((await frameState(frame)).title).toBe(story.steps[ids.indexOf(id)]!.title.en);
      const last = (await storyMessages(page, origin)).filter((m) => m?.type === 'map-story:step').at(-1);
      expect(last).toMatchObject({ id, index: ids.indexOf(id) });
    };
    await stepper.locator('.pager button.next').click();
    await expectStep(ids[1]!);
    await page.keyboard.press('ArrowRight');
    await expectStep(ids[2]!);
    await page.keyboard.press('p');
    await expectStep(ids[1]!);
    await stepper.locator('.pager button.prev').click();
    await expectStep(ids[0]!);
    await stepper.locator('story-timeline button.next').click();
    await expectStep(ids[1]!);
    await stepper.locator('story-timeline button[data-step="breach"]').click();
    await expectStep('breach');
  });

  test('the full-story link opens the standalone story at the same step and language in a new tab', async ({ page, context }) => {
    await openHost(page, 'shaddadi', 'ar');
    const link = page.frameLocator(FRAME).locator('story-stepper .full a');
    await expect(link).toHaveAttribute('href', `${storyBase}ar/#shaddadi`);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(link).toContainText(t('ar', 'openFull'));
    await send(page, { type: 'map-story:goto', id: 'breach' }, origin);
    await expect(link).toHaveAttribute('href', `${storyBase}ar/#breach`);
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${storyBase}ar/#breach`);
    await expect.poll(() => tab.evaluate(() => document.querySelector('map-story')?.step)).toBe('breach');
    expect(await tab.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect(tab.locator('map-story story-stepper')).toHaveCount(0);
    await expect(tab.locator('map-story story-step#breach')).toBeInViewport();
  });

  test('the example host page in the build embeds the story, sizes it and steers it', async ({ page }) => {
    await page.goto('./example-host.html');
    await expect(page.locator('#goto')).toBeEnabled({ timeout: 60_000 });
    const frame = (await (await page.locator('iframe.story-frame').elementHandle())!.contentFrame())!;
    await frameMapIdle(frame);
    await expect
      .poll(async () => {
        const frameHeight = await page.locator('iframe.story-frame').evaluate((el) => el.getBoundingClientRect().height);
        const content = await frame.evaluate(() => Math.ceil(document.querySelector('map-story')!.getBoundingClientRect().height));
        return frameHeight === content;
      })
      .toBe(true);
    await page.locator('#goto').selectOption('trench');
    await expect.poll(async () => (await frameState(frame)).step).toBe('trench');
    await page.locator('button.lang[data-lang="ar"]').click();
    await expect.poll(async () => (await frameState(frame)).lang).toBe('ar');
    await expect(page.locator('#log')).toContainText('"map-story:step"');
  });
});

test.describe('the embed code', () => {
  test('the Share / embed dialog gives the link and the embed code for the current step and language, and copies them', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto('./?lang=ar#trench');
    const share = page.locator('map-story share-embed');
    await share.locator('button.tool').click();
    await expect(share.locator('dialog')).toBeVisible();
    await expect(share.locator('#link')).toHaveValue(`${storyBase}ar/s/trench.html`);
    const code = embedSnippet(storyUrls(storyBase, 'ar', 'trench'), story.meta.title.ar, 'ar');
    await expect(share.locator('#code')).toHaveValue(code);
    await share.locator('button.copy.code').click();
    await expect(share.locator('.status')).toHaveText(t('ar', 'copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.keyboard.press('Escape');
    await expect(share.locator('dialog')).toBeHidden();

    await page.keyboard.press('ArrowLeft');
    const next = ids[ids.indexOf('trench') + 1]!;
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe(next);
    await share.locator('button.tool').click();
    await expect(share.locator('#code')).toHaveValue(embedSnippet(storyUrls(storyBase, 'ar', next), story.meta.title.ar, 'ar'));
  });

  test('where the clipboard is blocked, the text is selected for the reader to copy', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('blocked')) } });
    });
    await page.goto('./#convoys');
    const share = page.locator('map-story share-embed');
    await share.locator('button.tool').click();
    await share.locator('button.copy.link').click();
    await expect(share.locator('.status')).toHaveText(t('en', 'copyFallback'));
    const selection = await share
      .locator('#link')
      .evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length, el.matches(':focus')]);
    expect(selection).toEqual([0, selection[2], selection[2], true]);
    expect(selection[2]).toBeGreaterThan(20);
  });
});

for (const [width, height] of [
  [320, 400],
  [1200, 900],
] as const) {
  test.describe(`the embed layout at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });
    test('shows the map and the whole text of a long step, with nothing clipped or overlapping', async ({ page, g }) => {
      await page.goto('./?embed=1#shaddadi');
      await expect(page.locator('map-story story-stepper story-step h2#title')).toHaveText(story.steps[ids.indexOf('shaddadi')]!.title.en);
      const layout = await page.evaluate(() => {
        const stepper = document.querySelector('map-story')!.shadowRoot!.querySelector('story-stepper')!;
        const root = stepper.shadowRoot!;
        const step = root.querySelector('story-step')!;
        const rect = (el: Element) => el.getBoundingClientRect();
        const blocks = [...step.shadowRoot!.querySelectorAll('.block')];
        const map = rect(root.querySelector('.map')!);
        const text = rect(root.querySelector('.panel')!);
        const overlap =
          Math.max(0, Math.min(map.right, text.right) - Math.max(map.left, text.left)) *
          Math.max(0, Math.min(map.bottom, text.bottom) - Math.max(map.top, text.top));
        return {
          overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          clippedBlocks:
            blocks.filter((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1).length +
            (step.scrollHeight > step.clientHeight ? 1 : 0),
          reachable: document.documentElement.scrollHeight >= Math.floor(rect(stepper).height),
          overlap,
          mapHeight: map.height,
          buttons: [...root.querySelectorAll('.pager button')].map((b) => rect(b).right <= document.documentElement.clientWidth && rect(b).height >= 24),
        };
      });
      expect(layout).toEqual({ overflowX: 0, clippedBlocks: 0, reachable: true, overlap: 0, mapHeight: layout.mapHeight, buttons: [true, true] });
      expect(layout.mapHeight).toBeGreaterThanOrEqual(200);
      expect(g.errors).toEqual([]);
    });
  });
}

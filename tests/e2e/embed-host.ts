// A host page on its own origin (a second loopback port) that embeds the story with the embed code the story
// itself writes, records every message it receives, and has a sibling frame for "foreign" messages; and host pages
// that embed it with the real Pym.js 1.3 parent from npm instead (`new pym.Parent('container', url, {})`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Frame, type Page } from '@playwright/test';
import { serve, type Server } from '../../scripts/serve.mjs';
import { embedSnippet, storyUrls } from '../../src/embed/snippet.ts';
import { readStoryMessage, type StoryMessage } from '../../src/embed/protocol.ts';
import type { Lang } from '../../src/story/types.ts';
import { drawnLayerIds, test } from './fixtures.ts';
import { BASE_PATH, PORT } from './playwright.config.ts';

/** The story as the tests serve it, and its origin. */
export const STORY_BASE = `http://127.0.0.1:${PORT}${BASE_PATH}`;
export const STORY_ORIGIN = new URL(STORY_BASE).origin;

export const FRAME = 'iframe[src*="embed=1"]';

const RECORD_JS = `window.received = [];
window.addEventListener('message', function (event) {
  var frame = document.querySelector('${FRAME}');
  window.received.push({ data: event.data, fromStory: !!frame && event.source === frame.contentWindow, origin: event.origin });
});
`;

export interface HostSite extends Server {
  /** The host page embedding the story at the given step and language. */
  page(step: string, lang: Lang): string;
  /** The host page embedding it with a Pym.js parent (container `#container`, the parent in `window.pymParent`). */
  pymPage(step: string, lang: Lang): string;
}

/**
 * The host site for the tests of one file: started before them on another origin than the story's, stopped after
 * them. Its pages can be asked for once it has started.
 */
export function useHost(title: string): Pick<HostSite, 'page' | 'pymPage'> {
  let site: HostSite | undefined;
  const started = (): HostSite => {
    if (!site) throw new Error('the host site has not started');
    return site;
  };
  test.beforeAll(async () => {
    site = await startHost(STORY_BASE, title);
    expect(new URL(site.url).origin).not.toBe(STORY_ORIGIN);
  });
  test.afterAll(async () => site?.close());
  return { page: (step, lang) => started().page(step, lang), pymPage: (step, lang) => started().pymPage(step, lang) };
}

/** Pym's container id on the Pym host pages. */
export const PYM_ID = 'container';
const PYM_JS = fileURLToPath(new URL('../../node_modules/pym.js/dist/pym.v1.min.js', import.meta.url));

function pymHostPage(storyBase: string, step: string, lang: Lang): string {
  const url = `${storyBase}?embed=1&lang=${lang}#${step}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host article with Pym.js</title><script src="record.js"></script>
<style>body { margin: 0; font: 18px/1.5 Georgia, serif; } article { max-width: 1240px; margin: 0 auto; } p, h1 { margin: 16px; }</style>
</head><body><article><h1>An article that embeds the story with Pym.js</h1><p>Text before the story.</p>
<div id="${PYM_ID}"></div>
<p id="after">Text after the story.</p></article>
<script src="pym.v1.min.js"></script>
<script>window.pymParent = new pym.Parent(${JSON.stringify(PYM_ID)}, ${JSON.stringify(url)}, {});</script>
</body></html>`;
}

/** Serves host pages from a temporary folder on another port; each page holds the story's own embed code. */
export async function startHost(storyBase: string, title: string): Promise<HostSite> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'map-story-host-'));
  fs.writeFileSync(path.join(dir, 'record.js'), RECORD_JS);
  fs.copyFileSync(PYM_JS, path.join(dir, 'pym.v1.min.js'));
  fs.writeFileSync(path.join(dir, 'sibling.html'), '<!doctype html><title>Another frame on the host page</title><p>sibling</p>');
  for (const lang of ['en', 'ar'] as const) {
    for (const step of ['overview', 'convoys', 'shaddadi']) {
      const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host article</title><script src="record.js"></script></head>
<body><h1>An article on another site</h1><p>Text before the story.</p>
${embedSnippet(storyUrls(storyBase, lang, step), title, lang)}
<p>Text after the story.</p>
<iframe id="sibling" src="sibling.html" title="Another frame"></iframe>
</body></html>`;
      fs.writeFileSync(path.join(dir, `host-${lang}-${step}.html`), html);
      fs.writeFileSync(path.join(dir, `pym-${lang}-${step}.html`), pymHostPage(storyBase, step, lang));
    }
  }
  const server = await serve({ dir, base: '/', port: 0 });
  return {
    ...server,
    page: (step, lang) => `${server.url}host-${lang}-${step}.html`,
    pymPage: (step, lang) => `${server.url}pym-${lang}-${step}.html`,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Received {
  data: unknown;
  fromStory: boolean;
  origin: string;
}

export async function received(page: Page): Promise<Received[]> {
  return page.evaluate(() => (window as unknown as { received: Received[] }).received);
}

/** The story's messages received so far, each checked against the protocol (null for anything malformed). */
export async function storyMessages(page: Page, storyOrigin: string): Promise<(StoryMessage | null)[]> {
  const all = await received(page);
  return all.filter((r) => r.fromStory && r.origin === storyOrigin).map((r) => readStoryMessage(r.data));
}

/** The strings the story has sent (Pym's messages), in order. */
export async function storyStrings(page: Page, storyOrigin: string): Promise<string[]> {
  const all = await received(page);
  return all.filter((r) => r.fromStory && r.origin === storyOrigin && typeof r.data === 'string').map((r) => r.data as string);
}

/** Waits until the story has sent `count` messages of a kind (counting from the start), returns the last. */
export async function nth<T extends StoryMessage['type']>(page: Page, origin: string, type: T, count: number): Promise<Extract<StoryMessage, { type: T }>> {
  await expect.poll(async () => (await storyMessages(page, origin)).filter((m) => m?.type === type).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(count);
  const all = (await storyMessages(page, origin)).filter((m) => m?.type === type);
  return all[count - 1] as Extract<StoryMessage, { type: T }>;
}

export async function count(page: Page, origin: string, type: StoryMessage['type']): Promise<number> {
  return (await storyMessages(page, origin)).filter((m) => m?.type === type).length;
}

/** Posts a message from the host page to the story's frame. */
export async function send(page: Page, message: unknown, origin: string): Promise<void> {
  await page.evaluate(([m, o, sel]) => document.querySelector<HTMLIFrameElement>(sel as string)!.contentWindow!.postMessage(m, o as string), [
    message,
    origin,
    FRAME,
  ] as const);
}

export async function storyFrame(page: Page): Promise<Frame> {
  const handle = await page.locator(FRAME).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no story frame');
  await frame.waitForFunction(() => Boolean(document.querySelector('map-story')?.shadowRoot?.querySelector('story-stepper')));
  return frame;
}

/** The reader's pointer moves over the frame; waits until the map in the frame has drawn its scene. */
export async function frameMapIdle(frame: Frame): Promise<void> {
  const element = await frame.frameElement();
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  const viewport = frame.page().viewportSize();
  if (!box || !viewport) throw new Error('the story frame is not on screen');
  // The middle of the part of the frame on screen (a frame can be taller than the window).
  const x = box.x + box.width / 2;
  const y = (Math.max(box.y, 0) + Math.min(box.y + box.height, viewport.height)) / 2;
  await frame.page().mouse.move(x, y);
  await frame.page().mouse.move(x + 1, y + 1);
  await frame.waitForFunction(
    () => {
      const map = document.querySelector('map-story')?.map;
      return Boolean(map && map.loaded() && !map.isMoving());
    },
    undefined,
    { timeout: 60_000 },
  );
}

export interface FrameState {
  step: string;
  lang: string;
  dir: string;
  hash: string;
  title: string;
  visible: string[];
}

export async function frameState(frame: Frame): Promise<FrameState> {
  const state = await frame.evaluate(() => {
    const story = document.querySelector('map-story')!;
    const stepper = story.shadowRoot!.querySelector('story-stepper')!;
    const title = stepper.shadowRoot!.querySelector('story-step')!.shadowRoot!.querySelector('h2#title')!.textContent ?? '';
    return { step: story.step, lang: document.documentElement.lang, dir: document.documentElement.dir, hash: location.hash, title };
  });
  return { ...state, visible: await frame.evaluate(drawnLayerIds) };
}

/** The frame's height on the host page, the story's content height, the last height the story reported, and how much
 * of the story is hidden below the frame's bottom edge. */
export async function frameHeights(page: Page, frame: Frame, storyOrigin: string) {
  const reported = (await storyMessages(page, storyOrigin)).filter((m) => m?.type === 'map-story:height').at(-1);
  return {
    frame: await page.locator(FRAME).evaluate((el) => el.getBoundingClientRect().height),
    content: await frame.evaluate(() => Math.ceil(document.querySelector('map-story')!.getBoundingClientRect().height)),
    reported: reported?.type === 'map-story:height' ? reported.height : -1,
    hiddenBelow: await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight),
  };
}

/** Waits until the frame has the story's reported content height and hides nothing; returns that height. */
export async function fittedHeight(page: Page, frame: Frame, storyOrigin: string): Promise<number> {
  await expect
    .poll(
      async () => {
        const h = await frameHeights(page, frame, storyOrigin);
        return h.frame === h.content && h.content === h.reported && h.hiddenBelow <= 0;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return (await frameHeights(page, frame, storyOrigin)).reported;
}

/** Where the step shown sits in the frame: how much of its text would need scrolling, and its and the buttons' edges. */
export async function activeText(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.querySelector('map-story')!.shadowRoot!.querySelector('story-stepper')!.shadowRoot!;
    const step = root.querySelector('story-step')!;
    const article = step.shadowRoot!.querySelector('article')!.getBoundingClientRect();
    const pager = root.querySelector('.pager')!.getBoundingClientRect();
    return { overflow: step.scrollHeight - step.clientHeight, top: article.top, bottom: article.bottom, pagerBottom: pager.bottom, viewport: innerHeight };
  });
}

// Offline and static hosting: after one visit the story works with the network off and its server stopped;
// the built site works from a sub-path of a plain static server (scripts/serve.mjs, not Vite).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, mapIdle, mapState, mapColours, stepIds } from './fixtures.ts';
import { serve } from '../../scripts/serve.mjs';
import { t } from '../../src/i18n/strings.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const STEPS_DIR = path.join(ROOT, 'src/story/content/steps');

interface Titled {
  id: string;
  title: { en: string; ar: string };
}
/** Every step's id and title, in reading order, from the content files. */
const STEPS: Titled[] = fs
  .readdirSync(STEPS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(STEPS_DIR, f), 'utf8')) as Titled);

/** Waits until a service worker controls the page and returns its scope. */
async function controlled(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.scope;
  });
}

/** The story's files that its service worker keeps, relative to the scope. */
async function kept(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const scope = (await navigator.serviceWorker.ready).scope;
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('story-')) continue;
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url.slice(scope.length));
    }
    return urls.sort();
  });
}

/** The files of one edition that a reader of it keeps once the connection has been idle: its page and still maps. */
function editionFiles(lang: 'en' | 'ar'): string[] {
  return [lang === 'ar' ? 'ar/index.html' : 'index.html', ...STEPS.map((s) => `static/${lang}/${s.id}.svg`)];
}

/** The story's text as a reader sees it: the title, every step's card and the sources. */
async function storyText(page: Page): Promise<{ h1: string[]; titles: string[]; cards: string[]; sources: string }> {
  const story = page.locator('map-story');
  return {
    h1: (await story.locator('h1').allInnerTexts()).map((s) => s.trim()),
    titles: (await story.locator('story-step h2').allInnerTexts()).map((s) => s.trim()),
    cards: await story.locator('story-step article').allInnerTexts(),
    sources: await story.locator('story-sources').locator('.inner').innerText(),
  };
}

/** Every request any page of the context makes, to check that none leaves the origin. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

const offOrigin = (urls: string[], origin: string): string[] => urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));

test.describe('offline after one visit', () => {
  test.use({ serviceWorkers: 'allow' });

  test('with the network off and the server stopped: map, full text, a deep link in a new tab, Arabic once opened', async ({ context, page }) => {
    test.setTimeout(300_000);
    const server = await serve({ dir: DIST, base: '/newsroom/graphics/syria-iraq/', port: 0 });
    const origin = new URL(server.url).origin;
    const requests = recordRequests(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let online: Awaited<ReturnType<typeof storyText>>;
    try {
      await page.goto(server.url);
      await mapIdle(page);
      // The worker's scope is the sub-path the story is served from.
      expect(await controlled(page)).toBe(server.url);
      online = await storyText(page);
      expect(online.titles).toEqual(STEPS.map((s) => s.title.en));
      expect(online.cards.join('\n').length).toBeGreaterThan(4000);
      // Once the connection is idle, the worker has the whole English story, and neither the Arabic edition's pages
      // nor its still maps (its fonts: only what the English page itself showed).
      // (The rest comes one file at a time, in any order: wait for all of it, the data files included.)
      const dataFiles = fs.readdirSync(path.join(DIST, 'data')).map((f) => `data/${f}`);
      await expect.poll(() => kept(page), { timeout: 60_000 }).toEqual(expect.arrayContaining([...editionFiles('en'), ...dataFiles]));
      const english = await kept(page);
      expect(english.filter((u) => u.startsWith('ar/') || u.startsWith('static/ar/'))).toEqual([]);
      // The worker answers for the story only: another page under its scope still comes from the server.
      const other = await context.newPage();
      expect((await other.goto(`${server.url}another-story/`))?.status()).toBe(404);
      await other.close();
      // The reader opens the Arabic edition once, online: from then on it is kept too.
      const first = await context.newPage();
      await first.goto(`${server.url}ar/#courts`);
      await expect.poll(() => kept(first), { timeout: 60_000 }).toEqual(expect.arrayContaining(editionFiles('ar')));
      await first.close();
    } finally {
      await context.setOffline(true);
      await server.close();
    }
    await expect(fetch(server.url), 'the server is down').rejects.toThrow();

    await page.reload();
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(12);
    expect(await storyText(page)).toEqual(online);
    expect(
      await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('16px "Noto Sans"');
      }),
    ).toBe(true);

    // A deep link opened in a new tab, still offline, with a parameter the story does not know.
    const tab = await context.newPage();
    await tab.goto(`${server.url}?ref=newsletter#trench`);
    await mapIdle(tab);
    const trench = await mapState(tab);
    expect(trench.step).toBe('trench');
    expect(trench.visible).toContain('trench-line');
    expect(await mapColours(tab)).toBeGreaterThan(12);
    await expect(tab.locator('map-story story-step#trench h2')).toHaveText(STEPS.find((s) => s.id === 'trench')!.title.en);
    await expect(tab.locator('map-story story-step#trench h2')).toBeInViewport();

    // The Arabic edition's own page (ar/), with its font, at a step not visited online; `?lang=ar` on the English page too.
    const ar = await context.newPage();
    await ar.goto(`${server.url}?lang=ar#transfer`);
    await mapIdle(ar);
    expect(await ar.evaluate(() => [document.documentElement.lang, document.querySelector('map-story')!.step])).toEqual(['ar', 'transfer']);
    await ar.goto(`${server.url}ar/#transfer`);
    await mapIdle(ar);
    await expect(ar.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(ar.locator('html')).toHaveAttribute('dir', 'rtl');
    expect((await mapState(ar)).step).toBe('transfer');
    expect(await mapColours(ar)).toBeGreaterThan(12);
    const arabic = await storyText(ar);
    expect(arabic.titles).toEqual(STEPS.map((s) => s.title.ar));
    expect(arabic.cards.every((c) => /[\u0600-\u06ff]{3}/.test(c))).toBe(true);
    expect(
      await ar.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans Arabic' && f.status === 'loaded');
      }),
    ).toBe(true);

    expect(offOrigin(requests, origin)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('from a sub-path of a plain static server', () => {
  test('assets, data, manifest and icons load from the sub-path; deep links there open their step', async ({ page, g, baseURL }) => {
    const base = new URL(baseURL!);
    expect(base.pathname).not.toBe('/');
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });

    await page.goto('./#mosul-arrest');
    await mapIdle(page);
    expect((await mapState(page)).step).toBe('mosul-arrest');
    expect(await mapColours(page)).toBeGreaterThan(12);
    expect(new URL(page.url()).pathname).toBe(base.pathname);
    expect(await stepIds(page)).toEqual(STEPS.map((s) => s.id));

    // The manifest and every icon it lists, and the favicon, resolve under the sub-path.
    const manifestHref = await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href);
    expect(manifestHref.startsWith(base.href)).toBe(true);
    const manifestResponse = await page.request.get(manifestHref);
    expect(manifestResponse.ok()).toBe(true);
    const manifest = (await manifestResponse.json()) as { start_url: string; scope: string; icons: { src: string; type: string }[] };
    expect(new URL(manifest.start_url, manifestHref).href).toBe(base.href);
    expect(new URL(manifest.scope, manifestHref).href).toBe(base.href);
    expect(manifest.icons.map((i) => i.type)).toEqual(expect.arrayContaining(['image/png', 'image/svg+xml']));
    const iconHrefs = [
      ...manifest.icons.map((i) => new URL(i.src, manifestHref).href),
      await page.locator('link[rel="icon"]').evaluate((l: HTMLLinkElement) => l.href),
    ];
    for (const href of iconHrefs) {
      expect(href.startsWith(base.href), href).toBe(true);
      const response = await page.request.get(href);
      expect(response.ok(), href).toBe(true);
      expect(response.headers()['content-type'], href).toMatch(/^image\//);
    }

    // A second deep link, in Arabic, under the same sub-path.
    await page.goto('./?lang=ar#transfer');
    await mapIdle(page);
    expect((await mapState(page)).step).toBe('transfer');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(new URL(page.url()).pathname).toBe(base.pathname);

    expect(requests.filter((u) => u.startsWith('http') && !u.startsWith(base.href))).toEqual([]);
    expect(failed).toEqual([]);
    expect(g.refused).toEqual([]);
    expect(g.errors).toEqual([]);
  });
});

/** Deploys a new version into a copy of the build: index.html gains a marker, and the service worker its revision. */
function deployNewVersion(dir: string): void {
  const sw = path.join(dir, 'sw.js');
  const before = fs.readFileSync(sw, 'utf8');
  let after = before;
  for (const page of ['index.html', 'ar/index.html']) {
    const file = path.join(dir, page);
    const html = fs.readFileSync(file, 'utf8').replace('<head>', '<head>\n    <meta name="story-build" content="2" />');
    fs.writeFileSync(file, html);
    const revision = crypto.createHash('md5').update(html).digest('hex');
    const entry = new RegExp(`("revision":")[0-9a-f]+(","url":"${page.replace(/[./]/g, '\\$&')}")`);
    const next = after.replace(entry, `$1${revision}$2`);
    expect(next, `the service worker lists ${page} with a revision`).not.toBe(after);
    after = next;
  }
  fs.writeFileSync(sw, after);
}

const loadedAt = (page: Page): Promise<number> => page.evaluate(() => performance.timeOrigin);
const activeStep = (page: Page): Promise<string | undefined> => page.evaluate(() => document.querySelector('map-story')?.step);

test.describe('a new version', () => {
  test.use({ serviceWorkers: 'allow' });

  test('is offered by a notice in the page’s language; a page reloads only when its reader asks', async ({ context }) => {
    test.setTimeout(300_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-update-'));
    fs.cpSync(DIST, dir, { recursive: true });
    const server = await serve({ dir, base: '/story/', port: 0 });
    try {
      // The Arabic edition's page is the first visit (it registers the worker for the whole site, from ar/); the
      // English tab opens when the worker already controls the site.
      const ar = await context.newPage();
      await ar.goto(`${server.url}ar/#courts`);
      expect(await controlled(ar)).toBe(server.url);
      const en = await context.newPage();
      await en.goto(`${server.url}#trench`);
      await controlled(en);
      const started = { en: await loadedAt(en), ar: await loadedAt(ar), enStep: await activeStep(en) };
      // (started.en is taken again after the language round trip below, which loads pages.)

      deployNewVersion(dir);
      await en.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const enNotice = en.locator('update-notice [role="status"]');
      const arNotice = ar.locator('update-notice [role="status"]');
      await expect(enNotice).toHaveText(new RegExp(t('en', 'newVersion')));
      await expect(arNotice).toHaveText(new RegExp(t('ar', 'newVersion')));
      await expect(arNotice.getByRole('button', { name: t('ar', 'reload') })).toBeVisible();
      expect(await loadedAt(en)).toBe(started.en);
      expect(await activeStep(en)).toBe(started.enStep);

      // The notice follows the reader to the other edition's page (still the old version, from the worker) and back.
      await en
        .locator('map-story')
        .getByRole('button', { name: t('en', 'langSwitchLabel') })
        .click();
      await en.waitForURL(`${server.url}ar/#trench`);
      await expect(enNotice).toHaveText(new RegExp(t('ar', 'newVersion')));
      await expect(en.locator('meta[name="story-build"]')).toHaveCount(0);
      await en
        .locator('map-story')
        .getByRole('button', { name: t('ar', 'langSwitchLabel') })
        .click();
      await en.waitForURL(`${server.url}#trench`);
      await expect(enNotice.getByRole('button', { name: t('en', 'reload') })).toBeVisible();
      started.en = await loadedAt(en);

      // The Arabic reader asks: that tab reloads into the new version. The other tab is taken over but stays put.
      const takenOver = en.evaluate(
        () => new Promise<boolean>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true })),
      );
      await Promise.all([ar.waitForEvent('load', { timeout: 30_000 }), arNotice.getByRole('button', { name: t('ar', 'reload') }).click()]);
      await expect(ar.locator('meta[name="story-build"]')).toHaveCount(1);
      await expect(arNotice).toHaveText('');
      expect(await takenOver).toBe(true);
      expect(await loadedAt(en)).toBe(started.en);
      expect(await activeStep(en)).toBe(started.enStep);
      await expect(en.locator('meta[name="story-build"]')).toHaveCount(0);
      await expect(enNotice).toHaveText(new RegExp(t('en', 'newVersion')));

      // Then its reader asks too.
      await Promise.all([en.waitForEvent('load', { timeout: 30_000 }), enNotice.getByRole('button', { name: t('en', 'reload') }).click()]);
      await expect(en.locator('meta[name="story-build"]')).toHaveCount(1);
      expect(await loadedAt(en)).not.toBe(started.en);
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

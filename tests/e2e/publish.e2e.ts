// Publishing: what a link preview, a search engine or a shared link finds in the built pages. Both editions and every
// step's page are read as a bot reads them (no script): their head tags, in the page's language; the preview images
// they name; and the links between them. Then, with script, a step's link opens the story at that step.
import type { Page } from '@playwright/test';
import { test, expect, mapIdle } from './fixtures.ts';
import { loadStory } from '../../src/story/load-node.ts';
import type { Lang } from '../../src/story/types.ts';
import { OG_LOCALE, PREVIEW_SIZE } from '../../scripts/vite/head.ts';

const story = loadStory();
const LANGS: Lang[] = ['en', 'ar'];
const ARABIC = /[\u0600-\u06ff]{3}/;

interface Head {
  lang: string;
  dir: string;
  title: string;
  h1: string;
  meta: Record<string, string[]>;
  /** Links by rel (and hreflang for alternates), resolved as the browser resolves them. */
  links: Record<string, string>;
  jsonLd: string[];
  refresh: string | null;
  anchors: string[];
  base: string;
}

/**
 * The page's head as a bot reads it: the HTML as served (no script, no redirect followed), parsed by the browser,
 * addresses resolved against the page's base URL.
 */
async function readHead(page: Page, url: string): Promise<Head> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toMatch(/^text\/html/);
  return page.evaluate(
    ({ html, url }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const base = new URL(doc.querySelector('base')?.getAttribute('href') ?? '', url).href;
      const resolve = (href: string): string => new URL(href, base).href;
      const meta: Record<string, string[]> = {};
      for (const m of doc.querySelectorAll<HTMLMetaElement>('meta[name], meta[property]')) {
        const key = m.getAttribute('name') ?? m.getAttribute('property') ?? '';
        (meta[key] ??= []).push(m.content);
      }
      const links: Record<string, string> = {};
      for (const l of doc.querySelectorAll<HTMLLinkElement>('link[rel="canonical"], link[rel="alternate"][hreflang]')) {
        links[l.hreflang ? `alternate:${l.hreflang}` : l.rel] = resolve(l.getAttribute('href') ?? '');
      }
      const refresh = doc.querySelector<HTMLMetaElement>('meta[http-equiv="refresh"]')?.content ?? null;
      return {
        lang: doc.documentElement.lang,
        dir: doc.documentElement.dir,
        title: doc.title,
        h1: doc.querySelector('h1')?.textContent?.trim() ?? '',
        meta,
        links,
        jsonLd: [...doc.querySelectorAll('script[type="application/ld+json"]')].map((el) => el.textContent ?? ''),
        refresh: refresh ? resolve(refresh.replace(/^0;\s*url=/, '')) : null,
        anchors: [...doc.querySelectorAll('body a')].map((a) => resolve(a.getAttribute('href') ?? '')),
        base,
      };
    },
    { html: await response.text(), url },
  );
}

const one = (head: Head, key: string): string => {
  expect(head.meta[key], key).toHaveLength(1);
  return head.meta[key]![0]!;
};

/** A PNG's size, from its IHDR chunk. */
async function pngSize(page: Page, url: string): Promise<{ width: number; height: number; bytes: number }> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  const body = await response.body();
  expect(body.subarray(0, 8).toString('hex'), `${url} is a PNG`).toBe('89504e470d0a1a0a');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20), bytes: body.length };
}

test.describe('the published pages, as a link preview reads them', () => {
  test.use({ javaScriptEnabled: false });

  test('both editions: one title everywhere, every tag in the page’s language, links that point at each other, previews that exist', async ({
    page,
    baseURL,
  }) => {
    const url: Record<Lang, string> = { en: `${baseURL}`, ar: `${baseURL}ar/` };
    const heads = { en: await readHead(page, url.en), ar: await readHead(page, url.ar) };
    const manifest = (await (await page.request.get(`${baseURL}manifest.webmanifest`)).json()) as { name: string };
    for (const lang of LANGS) {
      const head = heads[lang];
      const other: Lang = lang === 'en' ? 'ar' : 'en';
      const title = story.meta.title[lang];
      expect([head.lang, head.dir]).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
      // One title, from the story's data: <title>, <h1>, Open Graph, Twitter and JSON-LD (and the manifest's, in English).
      expect(head.title).toBe(title);
      expect(head.h1).toBe(title);
      expect(one(head, 'og:title')).toBe(title);
      expect(one(head, 'twitter:title')).toBe(title);
      if (lang === 'en') expect(manifest.name).toBe(title);
      expect(one(head, 'description')).toBe(story.meta.dek[lang]);
      expect(one(head, 'og:description')).toBe(story.meta.dek[lang]);
      if (lang === 'ar') for (const key of ['description', 'og:title', 'og:image:alt', 'twitter:image:alt']) expect(one(head, key), key).toMatch(ARABIC);
      // Canonical and language links: each page names itself and its sister, and the sister names it back.
      expect(head.links.canonical).toBe(url[lang]);
      expect(new URL(one(head, 'og:url'), head.base).href).toBe(head.links.canonical);
      expect(head.links['alternate:en']).toBe(url.en);
      expect(head.links['alternate:ar']).toBe(url.ar);
      expect(head.links['alternate:x-default']).toBe(url.en);
      expect(heads[other].links[`alternate:${lang}`]).toBe(head.links.canonical);
      expect(one(head, 'og:type')).toBe('article');
      expect(one(head, 'og:locale')).toBe(OG_LOCALE[lang]);
      expect(one(head, 'og:locale:alternate')).toBe(OG_LOCALE[other]);
      expect(one(head, 'article:published_time')).toBe(story.meta.published);
      expect(one(head, 'article:modified_time')).toBe(story.meta.updated);
      expect(one(head, 'twitter:card')).toBe('summary_large_image');
      // The image: a PNG of the stated size, the same for both cards.
      const image = new URL(one(head, 'og:image'), head.base).href;
      expect(image).toBe(`${baseURL}preview/${lang}/story.png`);
      expect(new URL(one(head, 'twitter:image'), head.base).href).toBe(image);
      expect([Number(one(head, 'og:image:width')), Number(one(head, 'og:image:height'))]).toEqual([PREVIEW_SIZE.width, PREVIEW_SIZE.height]);
      expect(await pngSize(page, image)).toMatchObject(PREVIEW_SIZE);
      expect(one(head, 'og:image:type')).toBe('image/png');
      // The NewsArticle.
      expect(head.jsonLd).toHaveLength(1);
      const article = JSON.parse(head.jsonLd[0]!) as Record<string, unknown>;
      expect(article).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: title,
        description: story.meta.dek[lang],
        inLanguage: lang,
        datePublished: story.meta.published,
        dateModified: story.meta.updated,
        isAccessibleForFree: true,
      });
      expect((article.image as string[]).map((i) => new URL(i, head.base).href)).toEqual([image]);
      const citations = article.citation as { name: string; publisher: { name: string } }[];
      expect(citations.map((c) => c.publisher.name)).toEqual(story.meta.sources.map((s) => s.name[lang]));
      expect(citations.map((c) => c.name)).toEqual(story.meta.sources.map((s) => s.title[lang]));
    }
  });

  test('every step has a page per language with that step’s card and image, leading on to the story at that step', async ({ page, baseURL }) => {
    let bytes = 0;
    for (const lang of LANGS) {
      for (const step of story.steps) {
        const path = `${lang === 'en' ? '' : 'ar/'}s/${step.id}.html`;
        const head = await readHead(page, `${baseURL}${path}`);
        const other: Lang = lang === 'en' ? 'ar' : 'en';
        expect(head.lang, path).toBe(lang);
        expect(head.title).toBe(`${step.title[lang]} · ${story.meta.title[lang]}`);
        expect(head.h1).toBe(step.title[lang]);
        expect(one(head, 'og:title')).toBe(step.title[lang]);
        expect(one(head, 'og:image:alt')).toBe(step.alt[lang]);
        expect(one(head, 'og:locale')).toBe(OG_LOCALE[lang]);
        expect(head.links.canonical).toBe(`${baseURL}${path}`);
        expect(new URL(one(head, 'og:url'), head.base).href).toBe(head.links.canonical);
        expect(head.links[`alternate:${other}`]).toBe(`${baseURL}${other === 'en' ? '' : 'ar/'}s/${step.id}.html`);
        const image = new URL(one(head, 'og:image'), head.base).href;
        expect(image).toBe(`${baseURL}preview/${lang}/${step.id}.png`);
        const png = await pngSize(page, image);
        expect(png).toMatchObject(PREVIEW_SIZE);
        bytes += png.bytes;
        expect(JSON.parse(head.jsonLd[0]!)).toMatchObject({ '@type': 'NewsArticle', headline: story.meta.title[lang], inLanguage: lang });
        // On to the story: a meta refresh (no script needed) and a plain link, both to the step in its edition.
        const target = `${baseURL}${lang === 'en' ? '' : 'ar/'}#${step.id}`;
        expect(head.refresh).toBe(target);
        expect(head.anchors).toEqual([target]);
      }
    }
    test.info().annotations.push({ type: 'preview bytes', description: `${bytes} bytes for ${story.steps.length * 2} step images` });
  });
});

test.describe('a step’s link', () => {
  for (const [lang, id] of [
    ['en', 'transfer'],
    ['ar', 'trench'],
  ] as const) {
    test(`${lang}: s/${id}.html opens the story at that step, in its language`, async ({ page, baseURL, g }) => {
      await page.goto(`./${lang === 'en' ? '' : 'ar/'}s/${id}.html`);
      await page.waitForURL(`${baseURL}${lang === 'en' ? '' : 'ar/'}#${id}`);
      await mapIdle(page);
      expect(await page.evaluate(() => [document.documentElement.lang, document.querySelector('map-story')!.step])).toEqual([lang, id]);
      await expect(page.locator(`map-story story-step#${id}`)).toBeInViewport();
      await expect(page.locator(`map-story story-step#${id} h2`)).toHaveText(story.steps.find((s) => s.id === id)!.title[lang]);
      expect(g.refused).toEqual([]);
      expect(g.errors).toEqual([]);
    });
  }

  test('the Arabic edition opens in Arabic without ?lang, and ?lang=ar still opens Arabic on the English page', async ({ page, g }) => {
    await page.goto('./ar/#convoys');
    await mapIdle(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.querySelector('map-story')!.step])).toEqual([
      'ar',
      'rtl',
      'convoys',
    ]);
    await expect(page.locator('map-story story-step#convoys h2')).toHaveText(story.steps.find((s) => s.id === 'convoys')!.title.ar);
    await page.goto('./?lang=ar#convoys');
    await mapIdle(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.querySelector('map-story')!.step])).toEqual(['ar', 'convoys']);
    expect(g.refused).toEqual([]);
    expect(g.errors).toEqual([]);
  });
});

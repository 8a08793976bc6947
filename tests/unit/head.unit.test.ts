import { describe, expect, test } from 'vitest';
import { loadStory } from '../../src/story/load-node.ts';
import { headTags, jsonForScript, linkTo, newsArticle, readSiteUrl } from '../../scripts/vite/head.ts';
import { editionHtml, stepPageHtml } from '../../scripts/vite/editions.ts';
import { assertNoInline } from '../../scripts/vite/csp.ts';

const story = loadStory();
const SITE = 'https://news.example/graphics/syria-iraq/';

/** The href or content of every tag matching `pattern`'s first group. */
function values(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(new RegExp(pattern, 'g'))].map((m) => m[1]!);
}

describe('SITE_URL', () => {
  test('is an absolute http(s) address, with a trailing slash added and query and hash dropped', () => {
    expect(readSiteUrl(undefined)).toBeUndefined();
    expect(readSiteUrl('  ')).toBeUndefined();
    expect(readSiteUrl('https://news.example/graphics/syria-iraq')).toBe(SITE);
    expect(readSiteUrl('https://news.example/graphics/syria-iraq/?x=1#y')).toBe(SITE);
    expect(() => readSiteUrl('news.example/graphics')).toThrow(/SITE_URL: "news.example\/graphics" is not an absolute address/);
    expect(() => readSiteUrl('ftp://news.example/')).toThrow(/must be an http or https address/);
  });

  test('makes every link of a page absolute; without it they are relative to the site root', () => {
    expect(linkTo({ siteUrl: SITE, root: '../' }, 'ar/')).toBe(`${SITE}ar/`);
    expect(linkTo({ siteUrl: undefined, root: '../../' }, 'preview/ar/trench.png')).toBe('../../preview/ar/trench.png');
    expect(linkTo({ siteUrl: undefined, root: '' }, '')).toBe('./');
    for (const lang of ['en', 'ar'] as const) {
      const html = headTags({ story, lang, siteUrl: SITE, root: '' });
      const links = [
        ...values(html, /href="([^"]*)"/),
        ...values(html, /property="og:(?:url|image)" content="([^"]*)"/),
        ...values(html, /name="twitter:image" content="([^"]*)"/),
      ];
      expect(links.length).toBe(7);
      for (const link of links) expect(link.startsWith(SITE), link).toBe(true);
      const article = newsArticle({ story, lang, siteUrl: SITE, root: '' });
      expect(article.image).toEqual([`${SITE}preview/${lang}/story.png`]);
      expect(article.url).toBe(lang === 'en' ? SITE : `${SITE}ar/`);
    }
  });
});

describe('the pages', () => {
  const english = `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <title>x</title>
    <!-- page head -->
    <meta name="description" content="x" />
    <!-- /page head -->
    <link rel="stylesheet" crossorigin href="./assets/index.css">
    <link rel="preload" as="font" type="font/woff2" crossorigin href="./assets/noto-sans-latin-400-normal-a.woff2">
    <link rel="preload" as="fetch" crossorigin href="./static/en/overview.svg">
  </head>
  <body><map-story><p>English</p></map-story></body>
</html>`;

  test('the Arabic edition is the English page with its own language, base, head, fonts and text', () => {
    const ar = editionHtml(english, story, 'ar', SITE, ['assets/noto-sans-arabic-arabic-400-normal-b.woff2']);
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toMatch(/content="default-src 'self'" \/>\n\s*<base href="..\/" \/>/);
    expect(ar).toContain(`<title>${story.meta.title.ar}</title>`);
    expect(ar).toContain(`<link rel="canonical" href="${SITE}ar/" />`);
    expect(ar).toContain('<meta property="og:locale" content="ar_AR" />');
    expect(ar).not.toContain('noto-sans-latin');
    expect(ar).toContain('href="./assets/noto-sans-arabic-arabic-400-normal-b.woff2"');
    expect(ar).toContain('<link rel="preload" as="fetch" crossorigin href="./static/ar/overview.svg">');
    expect(ar).not.toContain('static/en/');
    expect(ar).not.toContain('<p>English</p>');
    expect(ar).toContain(`<h1>${story.meta.title.ar}</h1>`);
    assertNoInline(ar);
  });

  test('an edition that lost its head block fails the build, saying what is missing', () => {
    expect(() => editionHtml(english.replace('<!-- page head -->', ''), story, 'ar', SITE, [])).toThrow(/no page head block/);
    expect(() => editionHtml(english.replace('<map-story>', '<div>'), story, 'ar', SITE, [])).toThrow(/no <map-story>/);
  });

  test('a step page carries its card and leads on, with no script', () => {
    const html = stepPageHtml(story, 'ar', 'trench', SITE);
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=../../ar/#trench" />');
    expect(html).toContain(`<meta property="og:image" content="${SITE}preview/ar/trench.png" />`);
    expect(html).toContain(`<link rel="canonical" href="${SITE}ar/s/trench.html" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${SITE}s/trench.html" />`);
    assertNoInline(html);
    expect(() => stepPageHtml(story, 'en', 'nowhere', SITE)).toThrow(/no step "nowhere"/);
  });

  test('JSON-LD cannot close its script element', () => {
    expect(jsonForScript({ a: '</script><b>&' })).toBe('{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}');
    expect(JSON.parse(jsonForScript({ a: '</script>' }))).toEqual({ a: '</script>' });
  });
});

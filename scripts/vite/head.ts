/**
 * What a link preview, a search engine and a reader's browser read from a page's head: description, canonical and
 * language links, Open Graph and Twitter card tags, and a schema.org NewsArticle. One function for every page the
 * build writes (the two editions and the step pages), so that they cannot disagree.
 *
 * Addresses: with a site address (SITE_URL at build time) every link is absolute, as link previews require. Without
 * one they are relative to the site root, through `root` (the path from the page's base to the root of the build).
 */
import type { Lang, Step, Story } from '../../src/story/types.ts';
import { LANGS } from '../../src/story/types.ts';
import { escapeHtml } from './escape.ts';
import { editionPath, stepPagePath } from '../../src/state/paths.ts';

export { editionPath, stepPagePath };

/** The preview images' size (Open Graph's recommended 1.91:1). */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
/** The preview card's map panel (beside the text) and the even edge its scene is framed within. */
export const PREVIEW_MAP = { width: 680, height: 630, edge: 40 } as const;

export const OG_LOCALE: Record<Lang, string> = { en: 'en_GB', ar: 'ar_AR' };

export function previewPath(lang: Lang, stepId?: string): string {
  return `preview/${lang}/${stepId ?? 'story'}.png`;
}

/** SITE_URL, checked: an absolute http(s) address, ending in '/' so that paths resolve under it. */
export function readSiteUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SITE_URL: "${value}" is not an absolute address (for example https://news.example/stories/syria-iraq/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL: "${value}" must be an http or https address`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export interface PageHead {
  story: Story;
  lang: Lang;
  /** The step a step page shares; none for an edition page. */
  step?: Step;
  /** The site's address (SITE_URL), or undefined for relative links. */
  siteUrl: string | undefined;
  /** From the page's base URL to the site root: '' for the editions (the Arabic one has <base href="../">). */
  root: string;
}

/** A link to a path from the site root, as this page writes it. */
export function linkTo(page: Pick<PageHead, 'siteUrl' | 'root'>, path: string): string {
  if (page.siteUrl) return new URL(path, page.siteUrl).href;
  return `${page.root}${path}` || './';
}

/** The page's title: the story's, or the step's followed by the story's. */
export function pageTitle({ story, lang, step }: Pick<PageHead, 'story' | 'lang' | 'step'>): string {
  return step ? `${step.title[lang]} · ${story.meta.title[lang]}` : story.meta.title[lang];
}

function meta(attr: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attr}="${key}" content="${escapeHtml(content)}" />`;
}

/** JSON for a <script type="application/ld+json">: nothing in it can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function newsArticle(page: PageHead): Record<string, unknown> {
  const { story, lang, step } = page;
  const own = linkTo(page, step ? stepPagePath(lang, step.id) : editionPath(lang));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.meta.title[lang],
    description: story.meta.dek[lang],
    inLanguage: lang,
    url: linkTo(page, editionPath(lang)),
    mainEntityOfPage: own,
    datePublished: story.meta.published,
    dateModified: story.meta.updated,
    image: [linkTo(page, previewPath(lang, step?.id))],
    isAccessibleForFree: true,
    citation: story.meta.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title[lang],
      publisher: { '@type': 'Organization', name: s.name[lang] },
      datePublished: s.date,
    })),
  };
}

/** Every tag of the page's head that describes it, in its own language. */
export function headTags(page: PageHead): string {
  const { story, lang, step } = page;
  const own = linkTo(page, step ? stepPagePath(lang, step.id) : editionPath(lang));
  const title = step ? step.title[lang] : story.meta.title[lang];
  const image = linkTo(page, previewPath(lang, step?.id));
  const imageAlt = (step ?? story.steps[0])?.alt[lang] ?? story.meta.dek[lang];
  const tags = [
    meta('name', 'description', story.meta.dek[lang]),
    `<link rel="canonical" href="${escapeHtml(own)}" />`,
    ...LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(linkTo(page, step ? stepPagePath(l, step.id) : editionPath(l)))}" />`),
    `<link rel="alternate" hreflang="x-default" href="${escapeHtml(linkTo(page, step ? stepPagePath('en', step.id) : editionPath('en')))}" />`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', story.meta.dek[lang]),
    meta('property', 'og:url', own),
    meta('property', 'og:locale', OG_LOCALE[lang]),
    ...LANGS.filter((l) => l !== lang).map((l) => meta('property', 'og:locale:alternate', OG_LOCALE[l])),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(PREVIEW_SIZE.width)),
    meta('property', 'og:image:height', String(PREVIEW_SIZE.height)),
    meta('property', 'og:image:alt', imageAlt),
    meta('property', 'article:published_time', story.meta.published),
    meta('property', 'article:modified_time', story.meta.updated),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', story.meta.dek[lang]),
    meta('name', 'twitter:image', image),
    meta('name', 'twitter:image:alt', imageAlt),
    `<script type="application/ld+json">${jsonForScript(newsArticle(page))}</script>`,
  ];
  return tags.join('\n    ');
}

/** Marks the page-specific part of the head, which prerender.ts writes and each edition replaces. */
export const HEAD_START = '<!-- page head -->';
export const HEAD_END = '<!-- /page head -->';

/** The edition's own head block: description, links and cards. */
export function headBlock(story: Story, lang: Lang, siteUrl: string | undefined): string {
  return `${HEAD_START}\n    ${headTags({ story, lang, siteUrl, root: '' })}\n    ${HEAD_END}`;
}

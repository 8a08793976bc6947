/**
 * The pages a newsroom publishes besides index.html, written from the built English page once Vite has finished it:
 * - `ar/index.html`, the Arabic edition: the same page (scripts, styles, policy) with <html lang="ar" dir="rtl">,
 *   its own head and the whole Arabic story prerendered. A `<base href="../">` makes every relative address in it
 *   (its assets, the data files, the still images, the service worker) the same as the English page's.
 * - `s/<step>.html` and `ar/s/<step>.html`: one small page per step to share, with that step's preview card, which
 *   sends a reader on to the story at that step (a plain link, and a meta refresh that needs no script).
 * - `preview/<lang>/*.png`: the link-preview images (scripts/vite/preview-image.ts).
 */
import { STILL_PRELOAD } from './preload.ts';
import type { Plugin } from 'vite';
import { loadStory } from '../../src/story/load-node.ts';
import type { Lang, Story } from '../../src/story/types.ts';
import { t } from '../../src/i18n/strings.ts';
import { escapeHtml } from './escape.ts';
import { cspContent } from './csp.ts';
import { editionPath, HEAD_END, HEAD_START, headBlock, headTags, pageTitle, readSiteUrl, stepPagePath } from './head.ts';
import { renderStoryHtml } from './prerender.ts';
import { renderPreviews } from './preview-image.ts';

const STORY_ROOT = /<map-story(\s[^>]*)?>[\s\S]*<\/map-story>/;
const FONT_PRELOAD = /\n?\s*<link rel="preload" as="font"[^>]*>/g;

/** Replaces the first match; `replacement` gets the match (no `$` patterns, so that no text is read as one). */
function replaceOnce(html: string, pattern: RegExp, replacement: (match: string) => string, what: string): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`editions: the built index.html has no ${what}`);
  return html.slice(0, match.index) + replacement(match[0]) + html.slice(match.index + match[0].length);
}

/** The Arabic edition (or any other) from the finished English page. `fonts`: that language's text fonts. */
export function editionHtml(english: string, story: Story, lang: Lang, siteUrl: string | undefined, fonts: readonly string[]): string {
  let html = english;
  html = replaceOnce(html, /<html lang="en" dir="ltr">/, () => `<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`, '<html lang="en" dir="ltr">');
  // The base comes right after the policy, before any element with an address.
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy"[^>]*>/, (policy) => `${policy}\n    <base href="../" />`, 'Content-Security-Policy');
  html = replaceOnce(html, /<title>[^<]*<\/title>/, () => `<title>${escapeHtml(pageTitle({ story, lang }))}</title>`, '<title>');
  const start = html.indexOf(HEAD_START);
  const end = html.indexOf(HEAD_END);
  if (start < 0 || end < start) throw new Error('editions: the built index.html has no page head block');
  html = html.slice(0, start) + headBlock(story, lang, siteUrl) + html.slice(end + HEAD_END.length);
  const preloads = fonts.map((f) => `\n    <link rel="preload" as="font" type="font/woff2" crossorigin href="./${f}">`).join('');
  html = html.replace(FONT_PRELOAD, '');
  html = replaceOnce(html, /<link rel="stylesheet"[^>]*>/, (link) => `${link}${preloads}`, 'stylesheet link');
  // The first still map's preload, if the page has one, in this edition's language.
  html = html.replace(STILL_PRELOAD, (link) => link.replace('/static/en/', `/static/${lang}/`));
  const root = STORY_ROOT.exec(html)?.[1] ?? '';
  html = replaceOnce(html, STORY_ROOT, () => `<map-story${root}>\n${renderStoryHtml(story, lang)}\n</map-story>`, '<map-story>');
  return html;
}

/** A step's page to share: its card, and the way on to the story at that step. */
export function stepPageHtml(story: Story, lang: Lang, stepId: string, siteUrl: string | undefined): string {
  const step = story.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`editions: no step "${stepId}"`);
  // From <lang>/s/ (or s/) back to the site root.
  const root = '../'.repeat(stepPagePath(lang, stepId).split('/').length - 1);
  const page = { story, lang, step, siteUrl, root };
  // Relative, so that the page leads to the copy of the story it was served with (a mirror, an archive, offline).
  const target = `${root}${editionPath(lang)}#${encodeURIComponent(step.id)}`;
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`,
    '  <head>',
    '    <meta charset="utf-8" />',
    `    <meta http-equiv="Content-Security-Policy" content="${cspContent()}" />`,
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <title>${escapeHtml(pageTitle(page))}</title>`,
    `    <meta http-equiv="refresh" content="0; url=${escapeHtml(target)}" />`,
    `    <link rel="icon" href="${root}icons/icon.svg" type="image/svg+xml" />`,
    `    ${headTags(page)}`,
    '  </head>',
    '  <body>',
    `    <h1>${escapeHtml(step.title[lang])}</h1>`,
    `    <p>${escapeHtml(story.meta.title[lang])}</p>`,
    `    <p><a href="${escapeHtml(target)}">${escapeHtml(t(lang, 'openAtStep'))}</a></p>`,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/** The built text fonts of a language, regular and bold, as preloaded. */
export function textFonts(files: readonly string[], lang: Lang): string[] {
  const pattern =
    lang === 'ar' ? /^assets\/noto-sans-arabic-arabic-(400|700)-normal-[\w-]+\.woff2$/ : /^assets\/noto-sans-latin-(400|700)-normal-[\w-]+\.woff2$/;
  return files.filter((f) => pattern.test(f)).sort();
}

export function editions(): Plugin {
  let siteUrl: string | undefined;
  return {
    name: 'editions',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      siteUrl = readSiteUrl(process.env.SITE_URL);
      if (!siteUrl) {
        config.logger.warn(
          'editions: SITE_URL is not set, so the pages\u2019 canonical, Open Graph and image links are relative. Link previews need absolute ones: build with SITE_URL=https://… (the address the story is published at).',
        );
      }
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset' || typeof index.source !== 'string') throw new Error('editions: no built index.html');
      const story = loadStory();
      const files = Object.keys(bundle);
      const english = index.source;
      this.emitFile({ type: 'asset', fileName: 'ar/index.html', source: editionHtml(english, story, 'ar', siteUrl, textFonts(files, 'ar')) });
      for (const lang of ['en', 'ar'] as const) {
        for (const step of story.steps) {
          this.emitFile({ type: 'asset', fileName: stepPagePath(lang, step.id), source: stepPageHtml(story, lang, step.id, siteUrl) });
        }
      }
      for (const [fileName, source] of renderPreviews()) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/**
 * The story without JavaScript: at build time the whole English text (every step's date, title, body, figures with
 * who gave them, sources and its still map), a link to the Arabic edition, and the sources, method and credits are
 * written as plain HTML into <map-story>'s light DOM in index.html. Once the element upgrades, its shadow root
 * (which has no <slot>) replaces this text on screen and for assistive technology, so nothing is read twice.
 */
import type { Plugin } from 'vite';
import { loadStory } from '../../src/story/load-node.ts';
import { parseInline } from '../../src/story/inline.ts';
import type { Lang, Paragraph, Step, Story } from '../../src/story/types.ts';
import { formatDate, formatDateTime } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/strings.ts';
import { STATIC_SIZE } from '../../src/map/static/frame.ts';
import { staticMapPath } from './static-maps.ts';
import { escapeHtml } from './escape.ts';
import { correctionsHtml, notesOf, printNotesHtml, sourceDetailsHtml } from './prerender-sources.ts';
import { publicationLine } from '../../src/story/dateline.ts';
import { formatSourceDate } from '../../src/i18n/format.ts';
import { editionPath, headBlock, pageTitle, readSiteUrl } from './head.ts';

export { escapeHtml };

/** A text with `[[ar:…]]` names as <span lang="ar" dir="rtl">. */
function inline(text: string): string {
  return parseInline(text)
    .map((part) => (part.lang ? `<span lang="${part.lang}" dir="rtl">${escapeHtml(part.text)}</span>` : escapeHtml(part.text)))
    .join('');
}

function time(lang: Lang, iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatDate(lang, iso))}</time>`;
}

/** A paragraph and its "Source" control. */
function paragraphHtml(story: Story, p: Paragraph, lang: Lang): string {
  return `<p>${inline(p[lang])}</p>${sourceDetailsHtml(notesOf(p, story.claims, story.meta.sources, lang), lang)}`;
}

function stepHtml(story: Story, step: Step, index: number, lang: Lang): string {
  const total = story.steps.length;
  const meta = story.meta;
  const when = step.when ? ` · ${escapeHtml(step.when[lang])}` : '';
  const sources = step.sources.map((key) => story.meta.sources.find((s) => s.key === key)?.name[lang] ?? key);
  const figures = step.figures?.length
    ? `<ul class="pre-figures">${step.figures
        .map(
          (f) =>
            `<li><strong>${escapeHtml(f.value[lang])}</strong> ${escapeHtml(f.label[lang])} <span>(${escapeHtml(t(lang, 'said'))} ${escapeHtml(f.who[lang])})</span></li>`,
        )
        .join('')}</ul>`
    : '';
  return [
    `<article id="${escapeHtml(step.id)}" class="pre-step" aria-labelledby="${escapeHtml(step.id)}-title">`,
    `<p class="pre-meta">${escapeHtml(t(lang, 'stepOf', { n: index + 1, total }))} · ${time(lang, step.date)}${when}</p>`,
    `<h2 id="${escapeHtml(step.id)}-title">${escapeHtml(step.title[lang])}</h2>`,
    `<figure class="pre-map"><img src="${escapeHtml(staticMapPath(lang, step.id))}" alt="${escapeHtml(step.alt[lang])}" width="${STATIC_SIZE.width}" height="${STATIC_SIZE.height}" loading="lazy" decoding="async"></figure>`,
    ...step.body.map((p) => paragraphHtml(story, p, lang)),
    figures,
    `<p class="pre-sources">${escapeHtml(t(lang, 'readSources'))}: ${escapeHtml(sources.join('; '))}</p>`,
    printNotesHtml(
      step.body.map((p) => notesOf(p, story.claims, meta.sources, lang)),
      lang,
    ),
    '</article>',
  ].join('\n');
}

/** The story as semantic HTML, for <map-story>'s light DOM. English, with a link to the Arabic edition. */
export function renderStoryHtml(story: Story, lang: Lang = 'en'): string {
  const { meta, steps } = story;
  const other: Lang = lang === 'en' ? 'ar' : 'en';
  const first = steps[0]?.date ?? '';
  const last = steps.at(-1)?.date ?? '';
  return [
    '<header class="pre-intro">',
    `<p class="pre-lang"><a href="${editionPath(other) || './'}" hreflang="${other}" lang="${other}">${escapeHtml(t(lang, 'langSwitchLabel'))}</a></p>`,
    `<h1>${escapeHtml(meta.title[lang])}</h1>`,
    `<p class="pre-dek">${escapeHtml(meta.dek[lang])}</p>`,
    `<p class="pre-dates">${time(lang, first)} – ${time(lang, last)}</p>`,
    `<p class="pre-pubdate">${escapeHtml(publicationLine(lang, meta))}</p>`,
    '</header>',
    '<main>',
    ...steps.map((step, i) => stepHtml(story, step, i, lang)),
    '</main>',
    '<footer class="pre-about">',
    `<h2>${escapeHtml(t(lang, 'sources'))}</h2>`,
    `<ul>${meta.sources.map((s) => `<li><strong>${escapeHtml(s.name[lang])}</strong> (${escapeHtml(formatSourceDate(lang, s.date))}): ${escapeHtml(s.title[lang])}</li>`).join('')}</ul>`,
    `<h2>${escapeHtml(t(lang, 'method'))}</h2>`,
    ...meta.method.map((p) => paragraphHtml(story, p, lang)),
    `<h2>${escapeHtml(t(lang, 'credits'))}</h2>`,
    `<ul>${meta.credits.map((c) => `<li>${inline(c[lang])}</li>`).join('')}</ul>`,
    correctionsHtml(meta, lang),
    `<p><time datetime="${escapeHtml(meta.updated)}">${escapeHtml(t(lang, 'updated', { date: formatDateTime(lang, meta.updated) }))}</time></p>`,
    '</footer>',
  ].join('\n');
}

const TITLE_AND_DESCRIPTION = /<title>[^<]*<\/title>\s*<meta name="description" content="[^"]*" \/>/;
const EMPTY_ROOT = /<map-story(\s[^>]*)?>\s*<\/map-story>/;

export function prerender(): Plugin {
  return {
    name: 'prerender-story',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!EMPTY_ROOT.test(html)) throw new Error('prerender-story: index.html has no empty <map-story></map-story> to fill');
        const story = loadStory();
        const body = renderStoryHtml(story);
        // The page's title and description are the story's own title and standfirst, as everywhere else; then its
        // links and cards (the Arabic edition replaces this block with its own: editions.ts).
        const head = `<title>${escapeHtml(pageTitle({ story, lang: 'en' }))}</title>\n    ${headBlock(story, 'en', readSiteUrl(process.env.SITE_URL))}`;
        if (!TITLE_AND_DESCRIPTION.test(html)) throw new Error('prerender-story: index.html has no <title> followed by <meta name="description">');
        return html
          .replace(TITLE_AND_DESCRIPTION, () => head)
          .replace(EMPTY_ROOT, (_, attrs: string | undefined) => `<map-story${attrs ?? ''}>\n${body}\n</map-story>`);
      },
    },
  };
}

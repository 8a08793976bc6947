/**
 * The prerendered page's provenance, as HTML strings: each paragraph's "Source" control (a native <details>, which
 * opens without script), the printed notes that stand in for the closed controls on paper, and the corrections log.
 * The words come from src/story/source-notes.ts, as in the live page.
 */
import type { Claim, Lang, Paragraph, Source, StoryMeta } from '../../src/story/types.ts';
import { sourceNotes, type SourceNote } from '../../src/story/source-notes.ts';
import { formatDateTime } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/strings.ts';
import { escapeHtml } from './escape.ts';

function noteHtml(note: SourceNote, lang: Lang): string {
  const said = note.saidIso ? `<time datetime="${escapeHtml(note.saidIso)}">${escapeHtml(note.said)}</time>` : escapeHtml(note.said);
  return [
    '<div class="note">',
    `<p class="note-head"><strong>${escapeHtml(note.who)}</strong>${lang === 'ar' ? '، ' : ', '}${said}</p>`,
    `<p class="note-in">${escapeHtml(t(lang, 'claimIn'))}: ${escapeHtml(note.outlet)}</p>`,
    ...note.passages.map((p) => `<blockquote lang="en" dir="ltr">${escapeHtml(p)}</blockquote>`),
    '</div>',
  ].join('');
}

/** The notes of a paragraph's claims. */
export function notesOf(p: Paragraph, claims: readonly Claim[], sources: readonly Source[], lang: Lang): SourceNote[] {
  return sourceNotes(p.claims, claims, sources, lang);
}

/** A paragraph's "Source" control, or nothing for a paragraph that cites no claim. */
export function sourceDetailsHtml(notes: readonly SourceNote[], lang: Lang): string {
  if (!notes.length) return '';
  return `<details class="src"><summary>${escapeHtml(t(lang, 'source'))}</summary><div class="src-body">${notes.map((n) => noteHtml(n, lang)).join('')}</div></details>`;
}

/** The numbered notes, paragraph by paragraph, that print shows in place of the controls. */
export function printNotesHtml(paragraphs: readonly (readonly SourceNote[])[], lang: Lang): string {
  const items = paragraphs.map((notes, i) => (notes.length ? `<li value="${i + 1}">${notes.map((n) => noteHtml(n, lang)).join('')}</li>` : '')).join('');
  return items ? `<section class="print-notes"><h3>${escapeHtml(t(lang, 'notes'))}</h3><ol>${items}</ol></section>` : '';
}

/** The corrections log, or the line that says there is none. */
export function correctionsHtml(meta: StoryMeta, lang: Lang): string {
  const heading = `<h2 id="corrections">${escapeHtml(t(lang, 'corrections'))}</h2>`;
  if (!meta.corrections.length) return `${heading}<p class="corrections">${escapeHtml(t(lang, 'noCorrections'))}</p>`;
  const items = meta.corrections.map(
    (c) => `<li><time datetime="${escapeHtml(c.date)}">${escapeHtml(formatDateTime(lang, c.date))}</time>: ${escapeHtml(c.text[lang])}</li>`,
  );
  return `${heading}<ul class="corrections">${items.join('')}</ul>`;
}

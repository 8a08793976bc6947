import { css, html, nothing, type TemplateResult } from 'lit';
import type { SourceNote } from '../story/source-notes.ts';
import type { Lang } from '../story/types.ts';
import { t } from '../i18n/strings.ts';

/**
 * The "Source" control under a paragraph: a native <details>, so it opens with a keyboard, a tap or a screen reader,
 * and works in the page without script. It opens in place, under the paragraph, and does not move the story on.
 */
export function sourceDetails(cited: boolean, notes: readonly SourceNote[], lang: Lang): TemplateResult | typeof nothing {
  // Drawn for every paragraph that cites claims, before the log has loaded too, so the text does not move when it
  // arrives; the notes fill in then.
  if (!cited) return nothing;
  return html`<details class="src" @toggle=${reveal}>
    <summary>${t(lang, 'source')}</summary>
    <div class="src-body">${notes.map((n) => sourceNote(n, lang))}</div>
  </details>`;
}

/** Once opened, the notes are brought into view, within a phone's scrolling card too. */
function reveal(event: Event): void {
  const details = event.currentTarget as HTMLDetailsElement;
  if (details.open) details.querySelector('.src-body')?.scrollIntoView({ block: 'nearest' });
}

/** One claim's provenance: who, when, which report, and the passages (in the report's own language). */
export function sourceNote(note: SourceNote, lang: Lang): TemplateResult {
  const said = note.saidIso ? html`<time datetime=${note.saidIso}>${note.said}</time>` : note.said;
  return html`<div class="note">
    <p class="note-head"><strong>${note.who}</strong>${lang === 'ar' ? '، ' : ', '}${said}</p>
    <p class="note-in">${t(lang, 'claimIn')}: ${note.outlet}</p>
    ${note.passages.map((p) => html`<blockquote lang="en" dir="ltr">${p}</blockquote>`)}
  </div>`;
}

/** Styles of the control and of the printed notes, shared by the components that show them. */
export const sourceStyles = css`
  details.src { margin: -0.35rem 0 0.7rem; font-size: 0.8rem; line-height: 1.4; }
  details.src summary { display: inline-flex; align-items: center; gap: 0.3rem; min-block-size: 24px; padding: 0 0.5rem; border: 1px solid var(--rule); border-radius: 999px; color: #3d434a; cursor: pointer; list-style: none; }
  details.src summary::-webkit-details-marker { display: none; }
  details.src summary::before { content: '▸'; font-size: 0.7rem; }
  :host(:dir(rtl)) details.src summary::before { content: '◂'; }
  details.src[open] summary::before, :host(:dir(rtl)) details.src[open] summary::before { content: '▾'; }
  details.src summary:hover { background: #f1eee8; }
  details.src summary { scroll-margin-block: calc(var(--bar, 3.5rem) + 0.75rem) 0.75rem; }
  details.src summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  .src-body { margin-block-start: 0.4rem; padding: 0.5rem 0.65rem; background: var(--panel); border-radius: 4px; }
  .note + .note { margin-block-start: 0.55rem; padding-block-start: 0.55rem; border-block-start: 1px solid #ddd8cf; }
  .note p { margin: 0; font-size: 0.8rem; line-height: 1.4; }
  .note-in { color: var(--ink-muted); }
  .note blockquote { margin: 0.3rem 0 0; padding-inline-start: 0.5rem; border-inline-start: 3px solid var(--rule); font-style: italic; text-align: start; }
  .print-notes { display: none; }
  @media print {
    details.src { display: none; }
    .print-notes { display: block; margin-block-start: 0.6rem; break-inside: auto; }
    .print-notes h3 { font-size: 0.85rem; margin: 0 0 0.3rem; }
    .print-notes ol { margin: 0; padding-inline-start: 1.2rem; }
    .print-notes li { margin-block-end: 0.35rem; }
  }
`;

/** Every paragraph's notes, for paper: a numbered list that print shows in place of the closed controls. */
export function printNotes(paragraphs: readonly (readonly SourceNote[])[], lang: Lang): TemplateResult | typeof nothing {
  const cited = paragraphs.map((notes, i) => ({ n: i + 1, notes })).filter((p) => p.notes.length);
  if (!cited.length) return nothing;
  return html`<section class="print-notes">
    <h3>${t(lang, 'notes')}</h3>
    <ol>${cited.map((p) => html`<li value=${p.n}>${p.notes.map((n) => sourceNote(n, lang))}</li>`)}</ol>
  </section>`;
}

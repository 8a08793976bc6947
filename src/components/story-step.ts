import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Claim, Lang, Paragraph, Source, Step } from '../story/types.ts';
import { parseInline } from '../story/inline.ts';
import { formatDate } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { sourceNotes } from '../story/source-notes.ts';
import { sharedStyles } from './shared-styles.ts';
import { printNotes, sourceDetails, sourceStyles } from './source-details.ts';
import { STATIC_SIZE } from '../map/static/frame.ts';
import './map-legend.ts';

/** One step of the story: dated, attributed text and its disputed figures side by side. */
@customElement('story-step')
export class StoryStep extends LitElement {
  static override styles = [
    sharedStyles,
    sourceStyles,
    css`
    :host { display: block; }
    article { background: var(--card-bg); color: var(--ink); border-radius: 8px; box-shadow: var(--card-shadow); padding: 1.1rem 1.25rem 1rem; transition: opacity 200ms; }
    /* Steps away from the map's scene fade a little and lose colour; their text keeps a 4.5:1 contrast. */
    :host(:not([active])) article { opacity: var(--inactive-opacity, 0.9); filter: grayscale(0.8); }
    article { scroll-margin-block: calc(var(--bar, 3.5rem) + 0.75rem) 0.75rem; }
    .print-map { display: none; }
    @media (prefers-reduced-motion: reduce) { article { transition: none; } }
    @media print {
      article { opacity: 1 !important; filter: none !important; box-shadow: none; padding: 0; }
      .block { max-block-size: none !important; overflow: visible !important; margin: 0 !important; padding: 0 !important; box-shadow: none !important; background: none !important; }
      .print-map { display: block; position: relative; margin: 0.5rem 0 1rem; break-inside: avoid; }
      .print-map img { display: block; block-size: auto; inline-size: min(100%, 12cm); aspect-ratio: ${unsafeCSS(`${STATIC_SIZE.width} / ${STATIC_SIZE.height}`)}; border: 1px solid var(--rule); }
      .print-map map-legend { position: absolute; inset-block-start: 0.4rem; inset-inline-start: calc(min(100%, 12cm) - 11rem); max-inline-size: 10.5rem; box-shadow: none; border: 1px solid var(--rule); }
    }
    .meta { margin: 0 0 0.35rem; font-size: 0.8rem; font-weight: 700; color: var(--accent); letter-spacing: 0.02em; }
    :host(:lang(ar)) .meta { letter-spacing: 0; }
    h2 { margin: 0 0 0.6rem; font-size: 1.3rem; line-height: 1.25; }
    p { margin: 0 0 0.75rem; font-size: 1rem; line-height: 1.55; }
    :host(:lang(ar)) p { line-height: 1.75; }
    .figures { list-style: none; margin: 0.25rem 0 0.9rem; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(6rem, 1fr)); gap: 0.4rem; }
    .block + .block > .figures:first-child, .figures + .figures { margin-block-start: 0; }
    .figures li { border-inline-start: 4px solid var(--accent); background: var(--panel); padding: 0.45rem 0.6rem; border-radius: 0 4px 4px 0; }
    :host(:dir(rtl)) .figures li { border-radius: 4px 0 0 4px; }
    .value { display: block; font-size: 1.35rem; font-weight: 700; line-height: 1.2; }
    .label { display: block; font-size: 0.85rem; }
    .who { display: block; font-size: 0.75rem; color: var(--ink-muted); margin-block-start: 0.15rem; }
    .sources { font-size: 0.78rem; color: var(--ink-muted); margin: 0; }
    @media (max-width: 699px) {
      article { padding: 0; background: none; box-shadow: none; }
      :host(:not([active])) article { opacity: 1; }
      .block { background: var(--card-bg); border-radius: 8px; box-shadow: var(--card-shadow); padding: 0.8rem 0.95rem; margin-block-end: var(--block-gap, 38dvh); }
      /* The print-only notes follow the last block: it is the last <div>, not the last child. */
      .block:last-of-type { margin-block-end: 0; }
      .block p:last-child, .block details.src:last-child { margin-block-end: 0; }
      h2 { font-size: 1.1rem; }
      p { font-size: 0.93rem; line-height: 1.45; margin-block-end: 0.55rem; }
      .value { font-size: 1.1rem; }
    }
  `,
  ];

  @property({ attribute: false }) step?: Step;
  @property({ attribute: false }) sources: Source[] = [];
  /** The fact-check log, for the paragraphs' "Source" controls. */
  @property({ attribute: false }) claims: Claim[] = [];
  @property({ reflect: true }) override lang: Lang = 'en';
  @property({ type: Number }) index = 0;
  @property({ type: Number }) total = 0;
  @property({ type: Boolean, reflect: true }) active = false;
  /** True while the page is printed: the still map's key is only drawn then. */
  @state() private printing = false;
  private readonly printQuery = matchMedia('print');

  override connectedCallback(): void {
    super.connectedCallback();
    this.printing = this.printQuery.matches;
    this.printQuery.addEventListener('change', this.onPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printQuery.removeEventListener('change', this.onPrint);
  }

  private readonly onPrint = (): void => {
    this.printing = this.printQuery.matches;
  };

  /** Focuses the step's text (Tab order, the skip button and the step keys land here). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('article')?.focus(options);
  }

  private inline(text: string) {
    return parseInline(text).map((part) => (part.lang ? html`<span lang=${part.lang} dir="rtl">${part.text}</span>` : part.text));
  }

  /** A paragraph with its "Source" control under it. */
  private paragraph(p: Paragraph) {
    return html`<p>${this.inline(p[this.lang])}</p>${sourceDetails(p.claims.length > 0, this.notes(p), this.lang)}`;
  }

  private notes(p: Paragraph) {
    return sourceNotes(p.claims, this.claims, this.sources, this.lang);
  }

  override render() {
    const step = this.step;
    if (!step) return nothing;
    const lang = this.lang;
    const when = step.when ? ` · ${step.when[lang]}` : '';
    const sourceNames = step.sources.map((key) => this.sources.find((s) => s.key === key)?.name[lang] ?? key);
    const [first, ...rest] = step.body;
    const sources = html`<p class="sources">${t(lang, 'readSources')}: ${sourceNames.join(lang === 'ar' ? '، ' : '; ')}</p>`;
    // Up to three figures share a row; four go two by two, so a phone's card never needs its own scroll bar.
    const all = step.figures ?? [];
    const figureRows = (all.length > 3 ? chunk(all, 2) : all.length ? [all] : []).map(
      (row) => html`<ul class="figures">
        ${row.map(
          (f) => html`<li>
            <span class="value">${f.value[lang]}</span><span class="label">${f.label[lang]}</span>
            <span class="who">${t(lang, 'said')} ${f.who[lang]}</span>
          </li>`,
        )}
      </ul>`,
    );
    const blocks = [
      html`<p class="meta">
          <span class="visually-hidden">${t(lang, 'stepOf', { n: this.index + 1, total: this.total })} · </span>
          <time datetime=${step.date}>${formatDate(lang, step.date)}</time>${when}
        </p>
        <h2 id="title">${step.title[lang]}</h2>
        ${first ? this.paragraph(first) : nothing}`,
      ...rest.map((p) => this.paragraph(p)),
      ...figureRows,
    ];
    const last = blocks.length - 1;
    // The printed page shows the step's own still map. On screen, where the live map shows the scene, it is not
    // displayed, so the lazy image is not fetched; when the page is about to print it is asked for at once. (`loading`
    // comes before `src`: Lit sets them in that order, and an image given its source first starts loading.)
    const printMap = html`<div class="print-map">
      <img loading=${this.printing ? 'eager' : 'lazy'} src=${`static/${lang}/${step.id}.svg`} alt=${step.alt[lang]} width=${STATIC_SIZE.width} height=${STATIC_SIZE.height} decoding="async" />
      ${this.printing ? html`<map-legend .scene=${step.scene} .lang=${lang}></map-legend>` : nothing}
    </div>`;
    return html`<article aria-labelledby="title" tabindex="0">
      ${blocks.map((b, i) => html`<div class="block">${b}${i === last ? sources : nothing}</div>${i === 0 ? printMap : nothing}`)}
      ${printNotes(
        step.body.map((p) => this.notes(p)),
        lang,
      )}
    </article>`;
  }
}

/** The items in rows of `size`. */
function chunk<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

declare global {
  interface HTMLElementTagNameMap {
    'story-step': StoryStep;
  }
}

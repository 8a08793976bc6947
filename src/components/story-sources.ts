import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Claim, Lang, Paragraph, StoryMeta } from '../story/types.ts';
import { formatDateTime, formatSourceDate } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { sourceNotes } from '../story/source-notes.ts';
import { sourceDetails, sourceStyles } from './source-details.ts';

/** Sources, method, credits and the corrections log after the last step, with the story's publication times. */
@customElement('story-sources')
export class StorySources extends LitElement {
  static override styles = [
    sourceStyles,
    css`
    :host { display: block; background: #f4f1ec; color: var(--ink); padding: 2.5rem 1.25rem 3rem; }
    .inner { max-inline-size: 44rem; margin-inline: auto; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; }
    h2:first-of-type { margin-block-start: 0; }
    p, li { font-size: 0.95rem; line-height: 1.6; }
    ul { padding-inline-start: 1.2rem; }
    .updated { font-size: 0.85rem; color: var(--ink-muted); }
  `,
  ];

  @property({ attribute: false }) meta?: StoryMeta;
  @property({ attribute: false }) claims: Claim[] = [];
  @property() override lang: Lang = 'en';

  private paragraph(p: Paragraph) {
    const meta = this.meta;
    const notes = meta ? sourceNotes(p.claims, this.claims, meta.sources, this.lang) : [];
    return html`<p>${p[this.lang]}</p>${sourceDetails(p.claims.length > 0, notes, this.lang)}`;
  }

  override render() {
    const meta = this.meta;
    if (!meta) return html``;
    const lang = this.lang;
    return html`<div class="inner">
      <h2 id="sources">${t(lang, 'sources')}</h2>
      <ul>
        ${meta.sources.map((s) => html`<li><strong>${s.name[lang]}</strong> (${formatSourceDate(lang, s.date)}): ${s.title[lang]}</li>`)}
      </ul>
      <h2>${t(lang, 'method')}</h2>
      ${meta.method.map((p) => this.paragraph(p))}
      <h2>${t(lang, 'credits')}</h2>
      <ul>
        ${meta.credits.map((c) => html`<li>${c[lang]}</li>`)}
      </ul>
      <h2 id="corrections">${t(lang, 'corrections')}</h2>
      ${
        meta.corrections.length
          ? html`<ul class="corrections">
            ${meta.corrections.map((c) => html`<li><time datetime=${c.date}>${formatDateTime(lang, c.date)}</time>: ${c.text[lang]}</li>`)}
          </ul>`
          : html`<p class="corrections">${t(lang, 'noCorrections')}</p>`
      }
      <p class="updated"><time datetime=${meta.updated}>${t(lang, 'updated', { date: formatDateTime(lang, meta.updated) })}</time></p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-sources': StorySources;
  }
}

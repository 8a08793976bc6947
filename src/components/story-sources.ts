import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, StoryMeta } from '../story/types.ts';
import { formatDateTime } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';

/** Sources, method and credits after the last step, with the story's "updated" time. */
@customElement('story-sources')
export class StorySources extends LitElement {
  static override styles = css`
    :host { display: block; background: #f4f1ec; color: #1c1f23; padding: 2.5rem 1.25rem 3rem; }
    .inner { max-inline-size: 44rem; margin-inline: auto; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; }
    h2:first-of-type { margin-block-start: 0; }
    p, li { font-size: 0.95rem; line-height: 1.6; }
    ul { padding-inline-start: 1.2rem; }
    .updated { font-size: 0.85rem; color: #4f555c; }
  `;

  @property({ attribute: false }) meta?: StoryMeta;
  @property() override lang: Lang = 'en';

  override render() {
    const meta = this.meta;
    if (!meta) return html``;
    const lang = this.lang;
    return html`<div class="inner">
      <h2 id="sources">${t(lang, 'sources')}</h2>
      <ul>
        ${meta.sources.map((s) => html`<li><strong>${s.name[lang]}</strong>: ${s.title[lang]}</li>`)}
      </ul>
      <h2>${t(lang, 'method')}</h2>
      ${meta.method.map((p) => html`<p>${p[lang]}</p>`)}
      <h2>${t(lang, 'credits')}</h2>
      <ul>
        ${meta.credits.map((c) => html`<li>${c[lang]}</li>`)}
      </ul>
      <p class="updated"><time datetime=${meta.updated}>${t(lang, 'updated', { date: formatDateTime(lang, meta.updated) })}</time></p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-sources': StorySources;
  }
}

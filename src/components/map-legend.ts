import { LitElement, css, html, svg, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Scene } from '../story/types.ts';
import { legendItems } from '../map/layers/index.ts';
import type { Swatch } from '../map/layers/types.ts';
import { t } from '../i18n/strings.ts';
import { KEY_WIDTH_PX } from '../map/camera.ts';

function swatch(s: Swatch) {
  switch (s.kind) {
    case 'line':
      return svg`<line x1="1" y1="7" x2="21" y2="7" stroke=${s.color} stroke-width=${s.width ?? 2} stroke-dasharray=${s.dashed ? '4 2' : 'none'} />`;
    case 'dot':
      return s.ring
        ? svg`<circle cx="11" cy="7" r="5.5" fill="none" stroke=${s.color} stroke-width="1.8" />`
        : svg`<circle cx="11" cy="7" r="4" fill=${s.color} stroke="#fff" stroke-width="1" />`;
    case 'area':
      return svg`<rect x="2" y="1.5" width="18" height="11" rx="2" fill=${s.color} fill-opacity="0.18" stroke=${s.color} stroke-dasharray="3 2" />`;
    case 'arrow':
      return svg`<path d="M1 7 H15" stroke=${s.color} stroke-width="3" /><path d="M14 2 L21 7 L14 12 Z" fill=${s.color} />`;
    default: {
      const unknown: never = s;
      return unknown;
    }
  }
}

/**
 * The map key for the current scene: only the symbols the reader can see now. Where the map is narrow or the text
 * large, the key folds behind its heading (a native <details>), so it covers neither the locator nor the map's labels;
 * elsewhere, and on paper, it is open and its heading is not a control.
 */
@customElement('map-legend')
export class MapLegend extends LitElement {
  static override styles = css`
    :host { display: block; max-inline-size: ${unsafeCSS(`${KEY_WIDTH_PX}px`)}; background: rgb(255 255 255 / 0.92); border-radius: 6px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.18); padding: 0.5rem 0.7rem; font: 0.78rem/1.3 var(--font-text); color: #222; }
    h2, summary { font-size: 0.72rem; font-weight: 700; margin: 0 0 0.3rem; text-transform: uppercase; letter-spacing: 0.06em; color: #555; }
    :host(:lang(ar)) :is(h2, summary) { text-transform: none; letter-spacing: 0; font-size: 0.8rem; }
    summary { display: none; }
    details::details-content { content-visibility: visible; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
    li { display: flex; align-items: center; gap: 0.45rem; }
    svg { flex: none; inline-size: 22px; block-size: 14px; }
    @media (max-width: 699px) { :host { font-size: 0.7rem; padding: 0.35rem 0.5rem; max-inline-size: 11rem; } }
    /* The map's width in rem: narrow screens and large text alike. */
    @container (max-width: 30rem) {
      :host { padding: 0; max-inline-size: min(11rem, calc(100cqi - 76px - 2.75rem)); }
      h2 { display: none; }
      summary { display: flex; align-items: center; gap: 0.3rem; min-block-size: 24px; margin: 0; padding: 0 0.5rem; line-height: 1.1; text-transform: none; letter-spacing: 0; cursor: pointer; border-radius: 6px; }
      summary::before { content: '▸'; font-size: 0.7rem; }
      :host(:dir(rtl)) summary::before { content: '◂'; }
      details[open] summary::before { content: '▾'; }
      details:not([open])::details-content { content-visibility: hidden; }
      ul { padding: 0 0.5rem 0.35rem; }
    }
    summary::-webkit-details-marker { display: none; }
    summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    @media print {
      h2 { display: block !important; }
      summary { display: none !important; }
      details::details-content { content-visibility: visible !important; }
    }
  `;

  @property({ attribute: false }) scene?: Scene;
  @property({ reflect: true }) override lang: Lang = 'en';

  override render() {
    if (!this.scene) return html``;
    const title = t(this.lang, 'legend');
    return html`<h2>${title}</h2>
      <details>
        <summary>${title}</summary>
        <ul>
          ${legendItems(this.scene).map(
            (item) => html`<li><svg viewBox="0 0 22 14" aria-hidden="true">${swatch(item.swatch)}</svg>${t(this.lang, item.label)}</li>`,
          )}
        </ul>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'map-legend': MapLegend;
  }
}

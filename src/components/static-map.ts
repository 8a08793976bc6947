import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../story/types.ts';
import { theme } from '../map/theme.ts';

/** Elements and attributes a static map may contain; anything else is dropped before it reaches the page. */
const ELEMENTS = new Set(['svg', 'title', 'defs', 'g', 'path', 'use', 'rect', 'circle', 'text', 'tspan']);

/** Fetches an image's text (a second element showing the same image gets it from the HTTP cache). */
async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.text();
}

/** Parses SVG text with DOMParser and keeps only drawing elements and plain attributes: no scripts, no handlers, no links out. */
export function parseStaticSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (!(root instanceof SVGSVGElement) || doc.querySelector('parsererror')) return null;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el !== root && !ELEMENTS.has(el.localName)) {
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      const name = attr.localName.toLowerCase();
      // Links are judged by their local name, whatever prefix names the XLink namespace.
      if (name.startsWith('on') || name === 'style' || (name === 'href' && !attr.value.startsWith('#'))) el.removeAttributeNode(attr);
    }
  }
  return document.importNode(root, true);
}

/**
 * A step's map as a still image, rendered at build time from the same data and scene as the live map
 * (`static/<lang>/<step-id>.svg`). The SVG is placed in the page itself so its labels use the page's fonts.
 */
@customElement('static-map')
export class StaticMap extends LitElement {
  static override styles = css`
    :host { display: block; position: relative; background: ${unsafeCSS(theme.background)}; }
    .frame { inline-size: 100%; block-size: 100%; }
    svg { display: block; inline-size: 100%; block-size: 100%; }
  `;

  /** The step whose scene to show. */
  @property() stepId = '';
  @property({ reflect: true }) override lang: Lang = 'en';
  /** The image's text alternative: the step's description of its map. */
  @property() alt = '';
  /** Keep the image's top edge at the top (phones, where text cards cover the lower part). */
  @property({ type: Boolean, reflect: true }) compact = false;

  @state() private image: SVGSVGElement | null = null;
  private loaded = '';
  /** Set once this element's image has been painted (and `still-painted` fired). */
  private painted = false;

  /** The URL of the current image, relative to the page. */
  get src(): string {
    return new URL(`static/${this.lang}/${this.stepId}.svg`, document.baseURI).href;
  }

  override updated(changed: PropertyValues): void {
    if (this.stepId && this.src !== this.loaded) void this.load(this.src);
    if (changed.has('compact') || changed.has('image')) {
      this.image?.setAttribute('preserveAspectRatio', this.compact ? 'xMidYMin meet' : 'xMidYMid meet');
    }
    if (this.image && !this.painted) {
      this.painted = true;
      requestAnimationFrame(() => {
        // `npm run bench` reads this mark: the story's first map pixels, in the frame that paints the first image.
        if (performance.getEntriesByName('map-first-pixels').length === 0) performance.mark('map-first-pixels');
        this.dispatchEvent(new Event('still-painted', { bubbles: true }));
      });
    }
  }

  private async load(src: string): Promise<void> {
    this.loaded = src;
    try {
      const text = await fetchText(src);
      if (src !== this.src) return;
      const image = parseStaticSvg(text);
      image?.setAttribute('aria-hidden', 'true');
      image?.querySelector('title')?.remove();
      this.image = image;
    } catch {
      if (src === this.src) this.loaded = '';
    }
  }

  override render() {
    return this.alt
      ? html`<div class="frame" role="img" aria-label=${this.alt}>${this.image ?? nothing}</div>`
      : html`<div class="frame" aria-hidden="true">${this.image ?? nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'static-map': StaticMap;
  }
}

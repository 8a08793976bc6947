import { LitElement, css, html, svg, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../story/types.ts';
import { t } from '../i18n/strings.ts';

interface LocatorData {
  viewBox: [number, number];
  bbox: [number, number, number, number];
  countries: { id: string; d: string; highlight: boolean }[];
}

/** A small inset of the wider region with the map's current view drawn as a box. */
@customElement('map-locator')
export class MapLocator extends LitElement {
  static override styles = css`
    :host { display: block; inline-size: 120px; background: rgb(255 255 255 / 0.92); border-radius: 6px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.18); padding: 3px; line-height: 0; }
    svg { inline-size: 100%; block-size: auto; }
    .land { fill: #e4e1da; stroke: #fff; stroke-width: 0.6; }
    .focus { fill: #b9b2a6; }
    .view { fill: none; stroke: #c0392b; stroke-width: 2; }
    @media (max-width: 699px) { :host { inline-size: 76px; } }
  `;

  @property({ attribute: false }) bounds: [number, number, number, number] | null = null;
  @property() override lang: Lang = 'en';
  @state() private data?: LocatorData;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.data) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const response = await fetch(new URL('data/locator.json', document.baseURI));
      if (response.ok) this.data = (await response.json()) as LocatorData;
    } catch {
      this.data = undefined;
    }
  }

  override render() {
    const data = this.data;
    if (!data) return nothing;
    const [w, h] = data.viewBox;
    const [west, south, east, north] = data.bbox;
    const x = (lon: number) => ((lon - west) / (east - west)) * w;
    const y = (lat: number) => ((north - lat) / (north - south)) * h;
    const b = this.bounds;
    return html`<svg viewBox="0 0 ${w} ${h}" role="img" aria-label=${t(this.lang, 'locator')}>
      ${data.countries.map((c) => svg`<path class=${c.highlight ? 'land focus' : 'land'} d=${c.d} />`)}
      ${b ? svg`<rect class="view" x=${x(b[0])} y=${y(b[3])} width=${Math.max(3, x(b[2]) - x(b[0]))} height=${Math.max(3, y(b[1]) - y(b[3]))} />` : nothing}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'map-locator': MapLocator;
  }
}

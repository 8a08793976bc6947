import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import maplibreCss from '../map/maplibre-base.css?inline';
import type { GeoJSONSource, IControl, Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import type { Lang, Scene } from '../story/types.ts';
import { loadMapData, type MapData } from '../map/data.ts';
import { buildStyle, type BuiltStyle } from '../map/layers/index.ts';
import { rtlReadyData, rtlReadyStyle } from '../map/rtl.ts';
import { applyCamera, applyScene } from '../map/scene.ts';
import { endWarmUp, sceneStyle, warmUpHidden } from '../map/warm-up.ts';
import { prefetchMapLater } from '../map/prefetch.ts';
import { LineAnimator } from '../map/animate.ts';
import { theme } from '../map/theme.ts';
import { t } from '../i18n/strings.ts';
import './map-legend.ts';
import './map-locator.ts';
import './static-map.ts';
import { FIRST_VIEW, mapPadding } from '../map/camera.ts';
import { framePoints, type ScreenRect } from '../map/layers/keep-out.ts';

/** 'lost': the browser took the WebGL context away; the still image shows until the map has redrawn. */
export type MapStatus = 'loading' | 'ready' | 'failed' | 'no-webgl' | 'lost';
export type Bounds = [number, number, number, number];

/**
 * Signs that a reader is at the page. The live map starts at the first of them (or at the first change of scene);
 * until then the still image of the same scene is the map, so the page is ready to read before MapLibre has been
 * fetched, parsed or given a WebGL context.
 */
const READER_SIGNS = ['pointerdown', 'pointermove', 'wheel', 'touchstart', 'keydown', 'scroll'] as const;

const ATTRIBUTION = 'Natural Earth · Rivers: WDBII via GSHHG (Wessel &amp; Smith) · MapLibre';

/**
 * The story's map: owns one MapLibre instance, applies whole scenes, and never captures the page's scroll.
 * @fires map-ready - once the map has drawn its first scene; `detail.map` is the MapLibre Map
 * @fires map-error - when the map cannot be shown; `detail.reason` is 'failed' or 'no-webgl'
 */
@customElement('live-map')
export class LiveMap extends LitElement {
  static override styles = [
    unsafeCSS(maplibreCss),
    css`
      :host { display: block; position: relative; block-size: 100%; inline-size: 100%; overflow: hidden; background: ${unsafeCSS(theme.background)}; container: live-map / size; }
      /* A map this small (a short embed) keeps its area for the map itself; the step text names what it shows. */
      @container live-map (max-height: 300px) { map-legend, map-locator { display: none; } }
      .map { position: absolute; inset: 0; direction: ltr; }
      static-map { position: absolute; inset: 0; }
      .map[data-status='failed'], .map[data-status='no-webgl'] { display: none; }
      .map[data-status='lost'] { visibility: hidden; }
      /* Until its first scene is complete the map draws unseen, over the still image: no half-drawn frames, and a
         software-rendered canvas is not copied to the screen at every frame while the page loads. */
      .map[data-drawn='false'] { visibility: hidden; }
      .notice { position: absolute; inset-inline: 1rem; inset-block-start: 1rem; margin: 0; padding: 0.75rem 1rem; background: #fff8e6; border: 1px solid #d9b45b; border-radius: 6px; font: 0.95rem/1.4 var(--font-text); color: #3d2f00; }
      /* With the still image in place of the map, the notice sits at the foot of the map, clear of the key. */
      .notice { inset-block: auto 2.25rem; }
      :host([compact]) .notice { inset-block-end: 46%; }
      map-legend { position: absolute; inset-block-start: 0.75rem; inset-inline-end: 0.75rem; }
      map-locator { position: absolute; inset-block-end: 2.25rem; inset-inline-end: 0.75rem; }
      :host([compact]) map-locator { inset-block-end: auto; inset-block-start: 0.75rem; inset-inline-end: auto; inset-inline-start: 0.75rem; }
      .maplibregl-ctrl-attrib { font: 11px/1.4 var(--font-text); }
      .maplibregl-ctrl-attrib-button:focus-visible { box-shadow: none; outline: 3px solid var(--focus); outline-offset: 2px; }
    `,
  ];

  /** The scene to show; setting it applies it whole. */
  @property({ attribute: false }) scene?: Scene;
  /** Text description of the current scene, read by screen readers as the map's name. */
  @property({ attribute: false }) description = '';
  @property({ reflect: true }) override lang: Lang = 'en';
  /** Show scenes without camera flights or drawing animations. */
  @property({ type: Boolean }) still = false;
  /** Lower share of the map hidden by the story's cards (0–1), kept clear when framing places. */
  @property({ type: Number }) coverBottom = 0;
  @property({ type: Boolean, reflect: true }) compact = false;
  /** The active step's id: names the still image shown while the map loads or where it cannot be drawn. */
  @property() stepId = '';

  @state() private status: MapStatus = 'loading';
  /** True once the live map has drawn its first scene; until then its still image shows. */
  @state() private drawn = false;
  @state() private bounds: Bounds | null = null;

  /** The MapLibre Map, once created. */
  map?: MapLibreMap;
  /** True once every shader program the story uses has been compiled (see `warmUp`). */
  warm = false;
  private data?: MapData;
  private built?: BuiltStyle;
  private animator?: LineAnimator;
  private resizeObserver?: ResizeObserver;
  private attribution?: IControl;
  private started = false;
  /** The element's size as the ResizeObserver last gave it: read at each step without forcing a layout. */
  private size?: { width: number; height: number };
  /** The view and covers the frame's keep-out was last made for (see `keepFrame`). */
  private frameKey = '';

  /** Settles in the frame that paints this map's first still image (its `still-painted` event). */
  private stillPainted!: () => void;
  private readonly firstStill = new Promise<void>((resolve) => (this.stillPainted = resolve));

  override firstUpdated(): void {
    prefetchMapLater(this.firstStill);
    for (const type of READER_SIGNS) window.addEventListener(type, this.startLive, { capture: true, passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWaiting();
    this.animator?.stop();
    this.resizeObserver?.disconnect();
    this.map?.remove();
    this.map = undefined;
  }

  /** Starts the live map, once. */
  readonly startLive = (): void => {
    this.stopWaiting();
    if (this.started || !this.isConnected) return;
    this.started = true;
    void this.start();
  };

  private stopWaiting(): void {
    for (const type of READER_SIGNS) window.removeEventListener(type, this.startLive, { capture: true });
  }

  private async start(): Promise<void> {
    let lib: typeof import('../map/maplibre.ts');
    try {
      [lib, this.data] = await Promise.all([import('../map/maplibre.ts'), loadMapData()]);
    } catch (error) {
      this.fail('failed', error);
      return;
    }
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container || !this.isConnected) return;
    this.built = this.buildForMap(this.data);
    try {
      this.map = new lib.Map({
        container,
        style: this.scene ? sceneStyle(this.built, this.scene) : this.built.style,
        interactive: false,
        attributionControl: false,
        center: FIRST_VIEW.center,
        zoom: FIRST_VIEW.zoom,
        fadeDuration: 0,
        canvasContextAttributes: { preserveDrawingBuffer: new URLSearchParams(location.search).has('testing') },
      });
    } catch (error) {
      this.fail('no-webgl', error);
      return;
    }
    const map = this.map;
    this.attribution = new lib.AttributionControl({ compact: true, customAttribution: ATTRIBUTION });
    map.addControl(this.attribution, this.controlCorner());
    this.animator = new LineAnimator(map);
    // The first scene's camera and layers from the start: the first tiles and programs are the ones the reader sees.
    if (this.scene) applyCamera(map, this.scene, { animate: false, padding: this.padding(), compact: this.compact });
    map.on('move', () => this.trackBounds());
    map.on('idle', this.keepFrame);
    map.once('load', () => {
      if (this.compact) {
        // On phones the credits start folded behind their (i) button, as after a map drag.
        const attribution = container.querySelector('.maplibregl-ctrl-attrib');
        attribution?.classList.remove('maplibregl-compact-show');
        attribution?.removeAttribute('open');
      }
      // The scene the reader has reached by now, still unseen.
      this.status = 'ready';
      this.applyCurrent(false);
      this.describe();
      map.once('idle', () => {
        // The scene is complete: the map takes the still image's place.
        this.drawn = true;
        // `npm run bench` reads this mark: the live map's first frame on screen.
        performance.mark('live-map-first-frame');
        this.dispatchEvent(new CustomEvent('map-ready', { detail: { map }, bubbles: true, composed: true }));
        this.warmUp(map);
      });
    });
    map.on('webglcontextlost', this.onContextLost);
    map.on('webglcontextrestored', this.onContextRestored);
    this.resizeObserver = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box) this.size = { width: box.width, height: box.height };
      map.resize();
      if (this.status === 'ready') this.applyCurrent(false);
    });
    this.resizeObserver.observe(this);
  }

  /**
   * Draws, invisibly, every layer the first scene hides, so that its shader program is compiled now and not during a
   * later camera flight (map/warm-up.ts). `warm` is true once that is done (the tests wait for it).
   */
  private warmUp(map: MapLibreMap): void {
    if (!this.built) return;
    const layers = this.built.layers;
    const warmed = warmUpHidden(map, layers);
    map.once('idle', () => {
      if (this.scene && this.map === map) endWarmUp(map, layers, warmed, this.scene);
      this.warm = true;
      performance.mark('live-map-warm');
    });
  }

  /** The GPU dropped the map's context (driver reset, memory pressure, too many contexts): show the still image. */
  private readonly onContextLost = (): void => {
    this.animator?.stop();
    if (this.status === 'ready') this.status = 'lost';
  };

  /** MapLibre rebuilt its painter and style from a snapshot: re-apply the current scene and show the map once drawn. */
  private readonly onContextRestored = (): void => {
    const map = this.map;
    if (!map || this.status !== 'lost') return;
    const redraw = (): void => {
      // The language may have changed while the map was away.
      if (this.data) {
        this.built = this.buildForMap(this.data);
        map.setStyle(this.built.style, { diff: true });
      }
      this.applyCurrent(false);
      this.describe();
      map.once('idle', () => {
        if (this.status === 'lost') this.status = 'ready';
      });
    };
    if (map.isStyleLoaded()) redraw();
    else map.once('style.load', redraw);
  };

  /** The style for MapLibre; in Arabic its texts' brackets are prepared for MapLibre's right-to-left layout (map/rtl.ts). */
  private buildForMap(data: MapData): BuiltStyle {
    if (this.lang !== 'ar') return buildStyle({ data, lang: this.lang });
    const built = buildStyle({ data: rtlReadyData(data), lang: this.lang });
    return { ...built, style: rtlReadyStyle(built.style) };
  }

  private fail(reason: 'failed' | 'no-webgl', error: unknown): void {
    this.status = reason;
    console.warn(`map unavailable (${reason}):`, error instanceof Error ? error.message : error);
    this.dispatchEvent(new CustomEvent('map-error', { detail: { reason }, bubbles: true, composed: true }));
  }

  override updated(changed: PropertyValues<this>): void {
    // A new step (from the text, a key, a link or the host page) is a reader at work too.
    if (changed.has('scene') && changed.get('scene') !== undefined) this.startLive();
    if (!this.map || this.status !== 'ready' || !this.data) return;
    if (changed.has('lang')) {
      this.built = this.buildForMap(this.data);
      this.map.setStyle(this.built.style, { diff: true });
      if (this.attribution) {
        // Controls sit at the reading end of the map: bottom right in English, bottom left in Arabic.
        this.map.removeControl(this.attribution);
        this.map.addControl(this.attribution, this.controlCorner());
      }
      this.applyCurrent(false);
    } else if (changed.has('scene')) {
      this.applyCurrent(!this.still);
    }
    if (changed.has('description') || changed.has('lang')) this.describe();
  }

  private controlCorner(): 'bottom-left' | 'bottom-right' {
    return this.lang === 'ar' ? 'bottom-left' : 'bottom-right';
  }

  private padding(): Required<PaddingOptions> {
    const { width, height } = this.size ?? this.getBoundingClientRect();
    return mapPadding({ width, height }, { compact: this.compact, coverBottom: this.coverBottom });
  }

  /**
   * Once the map is still, keeps labels off the edges of the map the reader sees and off what lies over it (the key,
   * the locator, the controls, the cards' share at the foot of a phone's map): see layers/keep-out.ts `frameKeepOut`.
   * Only when the camera or those outlines moved, so that the next idle ends it.
   */
  private readonly keepFrame = (): void => {
    const map = this.map;
    const source = map?.getSource<GeoJSONSource>('frame');
    if (!map || !source || this.status !== 'ready') return;
    const canvas = map.getCanvas().getBoundingClientRect();
    const rect = (r: DOMRect): ScreenRect => ({ x0: r.left - canvas.left, y0: r.top - canvas.top, x1: r.right - canvas.left, y1: r.bottom - canvas.top });
    const view = { x0: 0, y0: 0, x1: Math.min(canvas.width, innerWidth - canvas.left), y1: Math.min(canvas.height, innerHeight - canvas.top) };
    const covers = [...this.renderRoot.querySelectorAll('map-legend, map-locator, .maplibregl-ctrl')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map(rect);
    if (this.coverBottom > 0) covers.push({ x0: view.x0, y0: canvas.height * (1 - this.coverBottom), x1: view.x1, y1: canvas.height });
    const { lng, lat } = map.getCenter();
    const key = JSON.stringify([view, covers, lng, lat, map.getZoom()].map((v) => (typeof v === 'number' ? v.toFixed(6) : v)));
    if (key === this.frameKey) return;
    this.frameKey = key;
    source.setData({
      type: 'FeatureCollection',
      features: framePoints(view, covers).map((p) => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: map.unproject(p).toArray() },
      })),
    });
  };

  private applyCurrent(animate: boolean): void {
    if (!this.map || !this.built || !this.scene) return;
    // A new style or scene: the frame's keep-out is made again at the next idle.
    this.frameKey = '';
    applyScene(this.map, this.built.layers, this.scene, { animate, padding: this.padding(), compact: this.compact });
    this.animator?.play(this.scene.animation, animate);
    this.trackBounds();
  }

  private trackBounds(): void {
    const b = this.map?.getBounds();
    if (b) this.bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  private describe(): void {
    const canvas = this.map?.getCanvas();
    if (!canvas) return;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', t(this.lang, 'mapNow', { alt: this.description }));
  }

  override render() {
    const notice =
      this.status === 'failed' || this.status === 'no-webgl'
        ? html`<p class="notice" role="status">${t(this.lang, this.status === 'failed' ? 'mapFailed' : 'noWebgl')}</p>`
        : nothing;
    return html`
      ${
        this.drawn && this.status === 'ready'
          ? nothing
          : html`<static-map .stepId=${this.stepId} .lang=${this.lang} .alt=${this.description} ?compact=${this.compact} @still-painted=${() => this.stillPainted()}></static-map>`
      }
      <div class="map" data-status=${this.status} data-drawn=${this.drawn ? 'true' : 'false'}></div>
      ${this.scene ? html`<map-legend .scene=${this.scene} .lang=${this.lang}></map-legend>` : nothing}
      ${this.status === 'ready' && this.scene ? html`<map-locator .bounds=${this.bounds} .lang=${this.lang}></map-locator>` : nothing}
      ${notice}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-map': LiveMap;
  }
}

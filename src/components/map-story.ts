import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { story } from '../story/index.ts';
import type { Claim, Lang } from '../story/types.ts';
import { fetchClaims } from '../story/claims-url.ts';
import { readUrl, withState } from '../state/url.ts';
import { EDITION } from '../state/edition.ts';
import { storyUrls } from '../embed/snippet.ts';
import { motionAllowed, saveMotion } from '../state/motion.ts';
import { StepController } from '../scroll/step-controller.ts';
import { t } from '../i18n/strings.ts';
import { formatDate } from '../i18n/format.ts';
import { publicationLine } from '../story/dateline.ts';
import { storyStyles } from './map-story.styles.ts';
import type { LiveMap } from './live-map.ts';
import './live-map.ts';
import './story-step.ts';
import './story-timeline.ts';
import './story-sources.ts';
import './story-stepper.ts';
import './share-embed.ts';
import { HostBridge } from '../embed/host-bridge.ts';

const PHONE_QUERY = '(max-width: 699px)';

/**
 * The root of the story and the one owner of its state: the active step, the language and the motion setting.
 * Scroll, keys, buttons, the timeline and the URL all ask it for a step; it passes the step's scene to the map.
 * @fires step-change - `detail: { id, index }` whenever the active step changes
 */
@customElement('map-story')
export class MapStory extends LitElement {
  static override styles = storyStyles;

  @state() private index = 0;
  @state() private language: Lang = 'en';
  @state() private motion = true;
  @state() private phone = false;
  @state() private announcement = '';
  /** The fact-check log, once fetched; until then (or if it cannot load) the paragraphs have no Source control. */
  @state() private claims: Claim[] = [];
  /** The stepper layout for iframes (`?embed=1`), talking to the host page through the bridge. */
  @state() private embed = false;
  private bridge?: HostBridge;

  private readonly ids = story.steps.map((s) => s.id);
  private readonly phoneQuery = matchMedia(PHONE_QUERY);
  private readonly scroller = new StepController(
    this,
    () => [...this.renderRoot.querySelectorAll('story-step')],
    (index) => this.setStep(index),
  );
  private started = false;

  /** The MapLibre Map, once the map element has created it. */
  get map(): MapLibreMap | undefined {
    return this.renderRoot.querySelector<LiveMap>('live-map')?.map;
  }

  /** The active step's id. */
  get step(): string {
    return this.ids[this.index] ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The story text prerendered into index.html for readers without JavaScript: the shadow root replaces it.
    this.replaceChildren();
    const url = readUrl(location.href, this.ids, EDITION);
    this.language = url.lang;
    this.index = Math.max(0, url.stepIndex);
    this.embed = url.embed;
    if (this.embed) {
      this.bridge ??= new HostBridge(this, {
        state: () => ({ ids: this.ids, index: this.index, lang: this.language }),
        goTo: (index) => this.goTo(index),
        setLang: (lang) => this.setLang(lang),
      });
    }
    this.motion = motionAllowed();
    this.phone = this.phoneQuery.matches;
    this.phoneQuery.addEventListener('change', this.onMedia);
    document.addEventListener('keydown', this.onKey);
    window.addEventListener('hashchange', this.onHash);
    this.applyDocumentLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.phoneQuery.removeEventListener('change', this.onMedia);
    document.removeEventListener('keydown', this.onKey);
    window.removeEventListener('hashchange', this.onHash);
  }

  override firstUpdated(): void {
    fetchClaims().then(
      (claims) => (this.claims = claims),
      (error: unknown) => console.warn('Source notes unavailable:', error instanceof Error ? error.message : error),
    );
    // The steps render just after this element: jump to a deep-linked step once they have their height. The first
    // step opens at the title, even where the browser had already scrolled to the prerendered step of that id.
    if (this.index > 0) void this.updateComplete.then(() => this.scrollToStep(this.index));
    else if (location.hash && !this.embed) window.scrollTo({ top: 0, behavior: 'instant' });
    this.started = true;
  }

  /** The announcement is worked out before the render that shows the new step, so a step change renders once. */
  override willUpdate(changed: PropertyValues): void {
    const step = story.steps[this.index];
    if (changed.has('index') && this.started && step) {
      this.announcement = `${t(this.language, 'stepOf', { n: this.index + 1, total: this.ids.length })}: ${step.title[this.language]}. ${t(this.language, 'mapNow', { alt: step.alt[this.language] })}`;
    }
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('index') && this.started) {
      history.replaceState(history.state, '', withState(location.href, { stepId: this.step }));
      this.dispatchEvent(new CustomEvent('step-change', { detail: { id: this.step, index: this.index }, bubbles: true, composed: true }));
    }
    if (changed.has('language')) this.applyDocumentLang();
  }

  /** Makes a step active (from scroll, keys, buttons, the timeline or a host page). */
  setStep(index: number): void {
    if (index < 0 || index >= this.ids.length || index === this.index) return;
    this.index = index;
  }

  /** Jumps to a step: the page scrolls there at once and its scene is applied whole. */
  goTo(index: number): void {
    const clamped = Math.max(0, Math.min(this.ids.length - 1, index));
    this.setStep(clamped);
    this.scrollToStep(clamped);
  }

  setLang(lang: Lang): void {
    if (lang === this.language) return;
    // The standalone story goes to the other edition's page at the same step; an embed (and the dev server, which
    // has one page) changes language in place, keeping its address with ?lang.
    if (!this.embed && !import.meta.env.DEV) {
      location.assign(storyUrls(document.baseURI, lang, this.step).page);
      return;
    }
    this.language = lang;
    history.replaceState(history.state, '', withState(location.href, { lang }));
    void this.updateComplete.then(() => this.scrollToStep(this.index));
  }

  private scrollToStep(index: number): void {
    const el = this.renderRoot.querySelectorAll('story-step')[index];
    if (!el) return;
    this.scroller.expectJump(index);
    el.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  private applyDocumentLang(): void {
    document.documentElement.lang = this.language;
    document.documentElement.dir = this.language === 'ar' ? 'rtl' : 'ltr';
    document.title = story.meta.title[this.language];
  }

  private readonly onMedia = (): void => {
    this.phone = this.phoneQuery.matches;
  };

  private readonly onHash = (): void => {
    const { stepIndex } = readUrl(location.href, this.ids);
    if (stepIndex >= 0 && stepIndex !== this.index) this.goTo(stepIndex);
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    const forward = this.language === 'ar' ? 'ArrowLeft' : 'ArrowRight';
    const back = this.language === 'ar' ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward || event.key === 'n') this.goTo(this.index + 1);
    else if (event.key === back || event.key === 'p') this.goTo(this.index - 1);
    else return;
    event.preventDefault();
    // Keyboard focus in the text follows the step, so Tab and screen readers go on from the step now shown.
    const reading = event.composedPath().some((el) => el instanceof HTMLElement && (el.localName === 'story-step' || el.localName === 'main'));
    if (reading) this.renderRoot.querySelectorAll('story-step')[this.index]?.focus({ preventScroll: true });
  };

  private toggleMotion(): void {
    this.motion = !this.motion;
    saveMotion(this.motion);
  }

  override render() {
    const lang = this.language;
    const current = story.steps[this.index];
    const other: Lang = lang === 'en' ? 'ar' : 'en';
    const map = html`<live-map
        slot="map"
        .scene=${current?.scene}
        .stepId=${current?.id ?? ''}
        .description=${current?.alt[lang] ?? ''}
        .lang=${lang}
        .still=${!this.motion}
        .coverBottom=${this.phone && !this.embed ? 0.45 : 0}
        ?compact=${this.phone}
      ></live-map>`;
    if (this.embed) return this.renderEmbed(map);
    return html`
      <button class="skip" @click=${this.skip}>${t(lang, 'skipMap')}</button>
      <header class="bar">
        <story-timeline .steps=${story.steps} .active=${this.index} .lang=${lang} @step-select=${(e: CustomEvent<{ index: number }>) => this.goTo(e.detail.index)}></story-timeline>
        <div class="tools">
          <button class="tool lang" lang=${other} aria-label=${t(lang, 'langSwitchLabel')} @click=${() => this.setLang(other)}>${t(lang, 'langSwitch')}</button>
          <button class="tool motion" aria-pressed=${this.motion ? 'true' : 'false'} aria-label=${t(lang, 'motionLabel')} title=${t(lang, this.motion ? 'motionOn' : 'motionOff')} @click=${this.toggleMotion}>
            <span aria-hidden="true">${this.motion ? '◉' : '◎'}</span><span class="tool-text">${t(lang, this.motion ? 'motionOn' : 'motionOff')}</span>
          </button>
          <share-embed .stepId=${this.step} .lang=${lang} heading=${story.meta.title[lang]}></share-embed>
        </div>
      </header>
      <div class="scrolly">
        <section class="graphic" aria-label=${t(lang, 'mapRegion')}>
          ${map}
        </section>
        <main class="text" id="text" tabindex="-1" @focusin=${this.onFocusIn}>
          <div class="intro card-like">
            <h1>${story.meta.title[lang]}</h1>
            <p class="dek">${story.meta.dek[lang]}</p>
            <p class="dates">${formatDate(lang, story.steps[0]?.date ?? '')} – ${formatDate(lang, story.steps.at(-1)?.date ?? '')}</p>
            <p class="pubdate">${publicationLine(lang, story.meta)}</p>
          </div>
          ${story.steps.map(
            (step, i) => html`<story-step
              id=${step.id}
              .step=${step}
              .sources=${story.meta.sources}
              .claims=${this.claims}
              .lang=${lang}
              .index=${i}
              .total=${this.ids.length}
              ?active=${i === this.index}
            ></story-step>`,
          )}
        </main>
      </div>
      <footer><story-sources .meta=${story.meta} .claims=${this.claims} .lang=${lang}></story-sources></footer>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement || nothing}</div>
    `;
  }

  private renderEmbed(map: TemplateResult) {
    const lang = this.language;
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement || nothing}</div>
      <story-stepper
        .steps=${story.steps}
        .sources=${story.meta.sources}
        .claims=${this.claims}
        .active=${this.index}
        .lang=${lang}
        heading=${story.meta.title[lang]}
        @step-select=${(e: CustomEvent<{ index: number }>) => this.goTo(e.detail.index)}
        >${map}</story-stepper
      >`;
  }

  /** Past the map, to the active step's text: keyboard focus lands on it, and Tab then goes on step by step. */
  private readonly skip = (): void => {
    this.scrollToStep(this.index);
    this.renderRoot.querySelectorAll('story-step')[this.index]?.focus({ preventScroll: true });
  };

  /**
   * A step that takes focus becomes the active step. The browser has scrolled it into view, but a step taller than
   * the screen may show only its end: from the keyboard, its start is brought below the bar.
   */
  private readonly onFocusIn = (event: FocusEvent): void => {
    const step = event.composedPath().find((el): el is HTMLElement => el instanceof HTMLElement && el.localName === 'story-step');
    const index = step ? this.ids.indexOf(step.id) : -1;
    if (index < 0) return;
    this.setStep(index);
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement) || !target.matches(':focus-visible')) return;
    const bar = this.renderRoot.querySelector('.bar')?.getBoundingClientRect().bottom ?? 0;
    const top = target.getBoundingClientRect().top;
    if (top < bar || top > innerHeight - 48) this.scrollToStep(index);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'map-story': MapStory;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Claim, Lang, Source, Step } from '../story/types.ts';
import { storyUrls } from '../embed/snippet.ts';
import { t } from '../i18n/strings.ts';
import { sharedStyles } from './shared-styles.ts';
import './story-step.ts';
import './story-timeline.ts';

/**
 * The embed layout: the story as a stepper that needs no scrolling, for iframes. The dated timeline and the
 * current step's text with next/previous buttons, the map (slotted) beside or above the text, and a link to the
 * full story. Its height depends on its width and the text only, never on the frame's height, so a host page can
 * size the frame to it.
 * @slot map - the story's map
 * @fires step-select - `detail.index` is the step the reader asked for
 */
@customElement('story-stepper')
export class StoryStepper extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; background: var(--page-bg); color: var(--ink); }
      .frame { display: grid; grid-template-areas: 'head' 'map' 'panel'; grid-template-columns: minmax(0, 1fr); }
      .head { grid-area: head; display: flex; flex-direction: column; gap: 0.3rem; padding: 0.5rem 0.75rem; background: #fff; border-block-end: 1px solid #dcdfe3; }
      h1 { margin: 0; font-size: 0.95rem; line-height: 1.3; }
      .map { grid-area: map; position: relative; block-size: clamp(200px, 60vw, 420px); }
      ::slotted(live-map) { position: absolute; inset: 0; }
      .panel { grid-area: panel; display: flex; flex-direction: column; gap: 0.75rem; padding: 0.75rem; min-inline-size: 0; }
      story-step { --block-gap: 0.5rem; --block-max: none; }
      .pager { display: flex; gap: 0.5rem; justify-content: space-between; }
      .pager button { flex: 1 1 0; min-block-size: 40px; padding: 0.35rem 0.6rem; border: 1px solid var(--rule); background: #fff; border-radius: 6px; color: var(--ink); font-size: 0.9rem; cursor: pointer; }
      .pager .next { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 700; }
      .pager button[aria-disabled='true'] { opacity: 0.45; cursor: default; }
      :host(:dir(rtl)) .pager .arrow { display: inline-block; transform: scaleX(-1); }
      .full { margin: 0; font-size: 0.9rem; }
      .full a { color: #0b3d91; font-weight: 700; }
      @media (min-width: 900px) {
        .frame { grid-template-areas: 'head head' 'panel map'; grid-template-columns: minmax(20rem, 36%) minmax(0, 1fr); }
        .head { flex-direction: row; align-items: center; gap: 1rem; padding: 0.5rem 1rem; }
        h1 { flex: 0 1 40%; font-size: 1rem; }
        story-timeline { flex: 1 1 0; min-inline-size: 0; }
        .map { block-size: auto; min-block-size: clamp(360px, 46vw, 560px); }
        .panel { padding: 1rem; }
      }
    `,
  ];

  @property({ attribute: false }) steps: Step[] = [];
  @property({ attribute: false }) sources: Source[] = [];
  @property({ attribute: false }) claims: Claim[] = [];
  /** Index of the active step. */
  @property({ type: Number }) active = 0;
  @property({ reflect: true }) override lang: Lang = 'en';
  /** The story's title, shown above the timeline. */
  @property() heading = '';

  private select(index: number): void {
    if (index < 0 || index >= this.steps.length) return;
    this.dispatchEvent(new CustomEvent('step-select', { detail: { index }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.lang;
    const step = this.steps[this.active];
    const total = this.steps.length;
    const full = step ? storyUrls(document.baseURI, lang, step.id).page : '';
    const hasPrev = this.active > 0;
    const hasNext = this.active < total - 1;
    return html`<div class="frame">
      <header class="head">
        <h1>${this.heading}</h1>
        <story-timeline .steps=${this.steps} .active=${this.active} .lang=${lang}></story-timeline>
      </header>
      <div class="map"><slot name="map"></slot></div>
      <div class="panel">
        <story-step .step=${step} .sources=${this.sources} .claims=${this.claims} .lang=${lang} .index=${this.active} .total=${total} active></story-step>
        <nav class="pager" aria-label=${t(lang, 'stepperNav')}>
          <button class="prev" aria-disabled=${hasPrev ? 'false' : 'true'} @click=${() => this.select(this.active - 1)}>
            <span class="arrow" aria-hidden="true">←</span> ${t(lang, 'previous')}
          </button>
          <button class="next" aria-disabled=${hasNext ? 'false' : 'true'} @click=${() => this.select(this.active + 1)}>
            ${t(lang, 'next')} <span class="arrow" aria-hidden="true">→</span>
          </button>
        </nav>
        <p class="full">
          <a href=${full} target="_blank" rel="noopener">${t(lang, 'openFull')}<span class="visually-hidden"> ${t(lang, 'opensNewTab')}</span></a>
          <span aria-hidden="true">↗</span>
        </p>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-stepper': StoryStepper;
  }
}

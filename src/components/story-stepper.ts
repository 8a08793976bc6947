import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Claim, Lang, Source, Step } from '../story/types.ts';
import { storyUrls } from '../embed/snippet.ts';
import { t } from '../i18n/strings.ts';
import { sharedStyles } from './shared-styles.ts';
import { StoryStep } from './story-step.ts';
import './story-timeline.ts';

/**
 * A hidden copy of a step that only takes its room: the stepper stacks one for every step in one grid cell, so the
 * cell is as tall as the tallest step. Its own tag, so that `story-step` still names the one step a reader sees.
 */
export class StepSizer extends StoryStep {}
if (!customElements.get('story-step-sizer')) customElements.define('story-step-sizer', StepSizer);

/**
 * The embed layout: the story as a stepper that needs no scrolling, for iframes. The dated timeline and the
 * current step's text with next/previous buttons, the map (slotted) beside or above the text, and a link to the
 * full story. Its height depends on its width and language only, never on the step or the frame's height: the text
 * cell is as tall as the tallest step, so a host page sizes the frame once and does not move as the reader steps.
 * @slot map - the story's map
 * @fires step-select - `detail.index` is the step the reader asked for
 */
@customElement('story-stepper')
export class StoryStepper extends LitElement {
  // `.texts`: every step's hidden copy, in one cell, sets its height; the step shown fills it (with 8 px of room for
  // its card's shadow and the focus ring), and scrolls only if an open Source control makes it taller than that.
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
      story-step, story-step-sizer { --block-gap: 0.5rem; --block-max: none; min-inline-size: 0; }
      .texts { position: relative; display: grid; }
      story-step-sizer { grid-area: 1 / 1; visibility: hidden; }
      story-step { position: absolute; inset: -8px; padding: 8px; overflow: auto; }
      @media print { story-step-sizer { display: none; } story-step { position: static; } }
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

  /** The sizers' copies of the steps, without an id: a copy fetches no still map for its (hidden) printed page. */
  private copies: { of: Step[]; steps: Step[] } = { of: [], steps: [] };

  private sizerSteps(): Step[] {
    if (this.copies.of !== this.steps) this.copies = { of: this.steps, steps: this.steps.map((step) => ({ ...step, id: '' })) };
    return this.copies.steps;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('active')) this.renderRoot.querySelector('story-step')?.scrollTo({ top: 0 });
  }

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
        <div class="texts">
          <story-step .step=${step} .sources=${this.sources} .claims=${this.claims} .lang=${lang} .index=${this.active} .total=${total} active></story-step>
          ${this.sizerSteps().map(
            (s, i) =>
              html`<story-step-sizer aria-hidden="true" inert .step=${s} .sources=${this.sources} .claims=${this.claims} .lang=${lang} .index=${i} .total=${total} active></story-step-sizer>`,
          )}
        </div>
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
    'story-step-sizer': StepSizer;
  }
}

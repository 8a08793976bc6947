import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Step } from '../story/types.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * The dated progress bar: one button per step, grouped by day; shows where the reader is and jumps on click.
 * @fires step-select - `detail.index` is the step the reader asked for
 */
@customElement('story-timeline')
export class StoryTimeline extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; container: timeline / inline-size; }
      nav { display: flex; align-items: center; gap: 0.4rem; min-inline-size: 0; }
      .days { display: flex; gap: 0.6rem; flex: 1; min-inline-size: 0; margin: 0; padding: 0; list-style: none; }
      .day { display: flex; flex-direction: column; gap: 0.1rem; min-inline-size: 0; }
      .day-label { font-size: 0.7rem; font-weight: 700; color: var(--ink-muted); white-space: nowrap; }
      ol.dots { display: flex; gap: 2px; margin: 0; padding: 0; list-style: none; }
      .dot { inline-size: 24px; block-size: 24px; padding: 0; border: 0; background: none; cursor: pointer; display: grid; place-items: center; border-radius: 4px; }
      .dot::before { content: ''; inline-size: 12px; block-size: 12px; border-radius: 50%; background: var(--rule); }
      .dot.past::before { background: #7c8087; }
      .dot[aria-current='step']::before { background: var(--accent); inline-size: 16px; block-size: 16px; box-shadow: 0 0 0 2px #fff, 0 0 0 3px var(--accent); }
      .arrow { flex: none; min-inline-size: max(32px, 1.6rem); block-size: max(32px, 1.6rem); border: 1px solid var(--rule); background: #fff; border-radius: 6px; cursor: pointer; color: var(--ink); font-size: 1rem; line-height: 1; }
      .arrow:disabled { opacity: 0.4; cursor: default; }
      :host(:dir(rtl)) .arrow span { display: inline-block; transform: scaleX(-1); }
      .compact { display: none; margin: 0; flex: 1; text-align: center; font-size: 0.8rem; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      @container timeline (max-width: 30rem) {
        .days { display: none; }
        .compact { display: block; }
      }
    `,
  ];

  @property({ attribute: false }) steps: Step[] = [];
  @property({ type: Number }) active = 0;
  @property() override lang: Lang = 'en';

  private select(index: number): void {
    const clamped = Math.max(0, Math.min(this.steps.length - 1, index));
    this.dispatchEvent(new CustomEvent('step-select', { detail: { index: clamped }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.lang;
    const days = [...new Set(this.steps.map((s) => s.date))];
    return html`<nav aria-label=${t(lang, 'timeline')}>
      <button class="arrow prev" aria-label=${t(lang, 'previous')} ?disabled=${this.active <= 0} @click=${() => this.select(this.active - 1)}>
        <span aria-hidden="true">←</span>
      </button>
      <ol class="days">
        ${days.map(
          (day) => html`<li class="day">
            <span class="day-label">${formatDate(lang, day, 'short')}</span>
            <ol class="dots">
              ${this.steps.map((step, index) =>
                step.date === day
                  ? html`<li>
                      <button
                        class="dot ${index < this.active ? 'past' : ''}"
                        data-step=${step.id}
                        aria-current=${index === this.active ? 'step' : 'false'}
                        title=${step.title[lang]}
                        @click=${() => this.select(index)}
                      >
                        <span class="visually-hidden">${t(lang, 'stepOf', { n: index + 1, total: this.steps.length })}: ${step.title[lang]}</span>
                      </button>
                    </li>`
                  : null,
              )}
            </ol>
          </li>`,
        )}
      </ol>
      <p class="compact" aria-hidden="true">${formatDate(lang, this.steps[this.active]?.date ?? '', 'short')} · ${formatNumber(lang, this.active + 1)}/${formatNumber(lang, this.steps.length)}</p>
      <button class="arrow next" aria-label=${t(lang, 'next')} ?disabled=${this.active >= this.steps.length - 1} @click=${() => this.select(this.active + 1)}>
        <span aria-hidden="true">→</span>
      </button>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-timeline': StoryTimeline;
  }
}

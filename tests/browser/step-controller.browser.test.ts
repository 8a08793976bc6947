// The step controller turns scrolling into the active step: the step that crosses the line across the middle of the
// viewport becomes active, going down or up; while a jump is held, crossings are not reported.
// Real scrolling and a real IntersectionObserver, in a small Lit host that renders its steps like <map-story> does.
import { afterEach, describe, expect, it } from 'vitest';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { StepController } from '../../src/scroll/step-controller.ts';

@customElement('test-step-host')
class StepHost extends LitElement {
  // Each step is far taller than the test frame, so the step scrolled to covers the whole frame and, wherever the
  // frame sits in the browser window, the middle line crosses that step and no other.
  static override styles = css`
    section { display: block; block-size: 3000px; }
  `;

  @property({ type: Number }) count = 4;
  /** Every index the controller reported, in order. */
  readonly reported: number[] = [];
  readonly controller = new StepController(
    this,
    () => [...this.renderRoot.querySelectorAll('section')],
    (index) => this.reported.push(index),
  );

  override render() {
    return html`${Array.from({ length: this.count }, (_, i) => html`<section id="s${i}">step ${i}</section>`)}`;
  }

  step(index: number): HTMLElement {
    const el = this.renderRoot.querySelectorAll('section')[index];
    if (!(el instanceof HTMLElement)) throw new Error(`no step ${index}`);
    return el;
  }
}

/** Scrolls the page so the middle of a step is at the middle of the frame. */
function scrollToStep(host: StepHost, index: number): void {
  const rect = host.step(index).getBoundingClientRect();
  window.scrollTo({ top: scrollY + rect.top + rect.height / 2 - innerHeight / 2, behavior: 'instant' });
}

/**
 * Resolves once the browser has computed and delivered intersections twice since now: whatever the controller's
 * observer was going to report about the current scroll position has been reported by then.
 */
async function intersectionsDelivered(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) {
    await new Promise<void>((resolve) => {
      const probe = new IntersectionObserver(() => {
        probe.disconnect();
        resolve();
      });
      probe.observe(document.body);
    });
  }
}

async function mount(count = 4): Promise<StepHost> {
  window.scrollTo({ top: 0, behavior: 'instant' });
  const host = document.createElement('test-step-host');
  host.count = count;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

afterEach(() => {
  document.querySelectorAll('test-step-host').forEach((el) => el.remove());
  window.scrollTo({ top: 0, behavior: 'instant' });
});

describe('StepController', () => {
  it('makes the first step active when the page opens at the top', async () => {
    const host = await mount();
    await expect.poll(() => host.reported).toEqual([0]);
    await intersectionsDelivered();
    expect(host.reported, 'only the step on the middle line').toEqual([0]);
  });

  it('makes the step that crosses the middle line active, scrolling down and back up', async () => {
    const host = await mount();
    await expect.poll(() => host.reported).toEqual([0]);
    scrollToStep(host, 2);
    await expect.poll(() => host.reported.at(-1)).toBe(2);
    scrollToStep(host, 3);
    await expect.poll(() => host.reported.at(-1)).toBe(3);
    scrollToStep(host, 1);
    await expect.poll(() => host.reported.at(-1)).toBe(1);
    scrollToStep(host, 0);
    await expect.poll(() => host.reported.at(-1)).toBe(0);
    await intersectionsDelivered();
    // Each position reported once; step 1, jumped over on the way down, was never on the line then.
    expect(host.reported).toEqual([0, 2, 3, 1, 0]);
  });

  it('during a jump, ignores what it reports of other steps until the step jumped to crosses, then reports again', async () => {
    const host = await mount();
    await expect.poll(() => host.reported).toEqual([0]);
    host.controller.expectJump(3, 60_000);
    // A stale report of the page before the jump (step 2 crossing) is not a reader's scroll.
    scrollToStep(host, 2);
    await intersectionsDelivered();
    expect(host.reported).toEqual([0]);
    // The step jumped to arrives: it is already active, so nothing is reported; the jump is over.
    scrollToStep(host, 3);
    await intersectionsDelivered();
    expect(host.reported).toEqual([0]);
    scrollToStep(host, 1);
    await expect.poll(() => host.reported).toEqual([0, 1]);
  });

  it('lets a jump go once its time is up, when the step jumped to never crosses', async () => {
    const host = await mount();
    await expect.poll(() => host.reported).toEqual([0]);
    const until = performance.now() + 50;
    host.controller.expectJump(4, 50);
    await expect.poll(() => performance.now() > until).toBe(true);
    scrollToStep(host, 2);
    await expect.poll(() => host.reported).toEqual([0, 2]);
  });

  it('watches the steps the host renders after an update, including new ones', async () => {
    const host = await mount(2);
    await expect.poll(() => host.reported.at(-1)).toBe(0);
    host.count = 5;
    await host.updateComplete;
    scrollToStep(host, 4);
    await expect.poll(() => host.reported.at(-1)).toBe(4);
    scrollToStep(host, 3);
    await expect.poll(() => host.reported.at(-1)).toBe(3);
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'test-step-host': StepHost;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Turns scrolling into the active step: an IntersectionObserver watches a line across the middle of the
 * viewport, and the step that crosses it becomes active, in either direction. No scroll listeners.
 */
export class StepController implements ReactiveController {
  private observer?: IntersectionObserver;
  private suppressUntil = 0;
  private observed: Element[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly steps: () => Element[],
    private readonly onActive: (index: number) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver((entries) => this.handle(entries), {
      rootMargin: '-50% 0px -50% 0px',
      threshold: 0,
    });
  }

  hostUpdated(): void {
    if (!this.observer) return;
    const now = this.steps();
    if (now.length === this.observed.length && now.every((el, i) => el === this.observed[i])) return;
    this.observer.disconnect();
    for (const el of now) this.observer.observe(el);
    this.observed = now;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = [];
  }

  /** Ignore what the observer reports while the page jumps to a step it was asked for. */
  holdFor(ms: number): void {
    this.suppressUntil = performance.now() + ms;
  }

  private handle(entries: IntersectionObserverEntry[]): void {
    if (performance.now() < this.suppressUntil) return;
    const list = this.steps();
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const index = list.indexOf(entry.target);
      if (index >= 0) this.onActive(index);
    }
  }
}

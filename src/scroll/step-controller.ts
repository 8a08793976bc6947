import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Turns scrolling into the active step: an IntersectionObserver watches a line across the middle of the
 * viewport, and the step that crosses it becomes active, in either direction. No scroll listeners.
 */
export class StepController implements ReactiveController {
  private observer?: IntersectionObserver;
  /** The step a jump is on its way to, and until when to wait for it. */
  private target = -1;
  private targetUntil = 0;
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

  /**
   * The page is jumping to step `index`. Until the observer sees that step cross the middle line (or `timeoutMs` has
   * passed), what it reports of other steps describes the page before the jump, however late it arrives on a busy
   * machine, and is ignored.
   */
  expectJump(index: number, timeoutMs = 1000): void {
    this.target = index;
    this.targetUntil = performance.now() + timeoutMs;
  }

  private handle(entries: IntersectionObserverEntry[]): void {
    const list = this.steps();
    // A callback can carry entries from several frames: only the latest entry of each step says where it is now, and
    // of the steps now on the middle line the one that arrived there last is the active one.
    const latest = new Map<Element, IntersectionObserverEntry>();
    for (const entry of [...entries].sort((a, b) => a.time - b.time)) latest.set(entry.target, entry);
    const crossing = [...latest.values()].filter((e) => e.isIntersecting).sort((a, b) => b.time - a.time)[0];
    const index = crossing ? list.indexOf(crossing.target) : -1;
    if (index < 0) return;
    if (this.target >= 0 && performance.now() <= this.targetUntil) {
      if (index === this.target) this.target = -1;
      return;
    }
    this.target = -1;
    this.onActive(index);
  }
}

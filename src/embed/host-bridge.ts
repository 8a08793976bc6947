import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../story/types.ts';
import { originAllowed, parseOrigins, readHostMessage, type StoryMessage } from './protocol.ts';
import { pymChildId, pymMessage, readPymWidth } from './pym.ts';

declare global {
  interface ImportMetaEnv {
    /** Comma-separated host origins allowed to embed and command the story; unset means any parent page. */
    readonly VITE_HOST_ORIGINS?: string;
  }
}

/** What the bridge reads from and asks of the story. */
export interface BridgeTarget {
  state(): { ids: readonly string[]; index: number; lang: Lang };
  goTo(index: number): void;
  setLang(lang: Lang): void;
}

/**
 * Connects an embedded story with the page that frames it. It posts `map-story:ready`, then `map-story:step` on every
 * change (and in answer to every accepted command) and `map-story:height` whenever the content's height changes;
 * it accepts `map-story:goto` and `map-story:lang` from the parent window only (and, when the build sets
 * `VITE_HOST_ORIGINS`, only from those origins). Everything else is ignored silently: no log, no state change.
 * It never reads or writes the host page's address.
 *
 * When a Pym.js parent made the frame (its address has Pym's `childId`), the bridge also speaks Pym: it sends each
 * height as Pym's `height` message too, and answers Pym's `width` message with the height (see `pym.ts`).
 */
export class HostBridge implements ReactiveController {
  private readonly origins = parseOrigins(import.meta.env.VITE_HOST_ORIGINS);
  private readonly parent: Window | null = window.parent !== window ? window.parent : null;
  /** The container id a Pym parent gave this frame, or null when the parent is not Pym. */
  private readonly pymId = this.parent ? pymChildId(location.search) : null;
  private resizeObserver?: ResizeObserver;
  private readySent = false;
  private answerDue = false;
  private last = { id: '', lang: '' };
  private height = -1;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: BridgeTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.parent) return;
    window.addEventListener('message', this.onMessage);
    this.resizeObserver = new ResizeObserver(() => this.postHeight());
    this.resizeObserver.observe(this.host);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.onMessage);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  hostUpdated(): void {
    if (!this.parent) return;
    const { ids, index, lang } = this.target.state();
    const id = ids[index] ?? '';
    if (!this.readySent) {
      this.readySent = true;
      this.last = { id, lang };
      this.post({ type: 'map-story:ready', steps: [...ids], step: id, lang });
      this.postHeight();
      return;
    }
    if (id !== this.last.id || lang !== this.last.lang) this.postStep();
  }

  private postStep(): void {
    const { ids, index, lang } = this.target.state();
    const id = ids[index] ?? '';
    this.last = { id, lang };
    this.answerDue = false;
    this.post({ type: 'map-story:step', id, index, total: ids.length, lang });
  }

  private postHeight(): void {
    const height = Math.ceil(this.host.getBoundingClientRect().height);
    if (height === this.height || height <= 0) return;
    this.height = height;
    this.post({ type: 'map-story:height', height });
    this.postPymHeight();
  }

  private postPymHeight(): void {
    if (this.pymId && this.height > 0) this.post(pymMessage(this.pymId, 'height', String(this.height)));
  }

  private post(message: StoryMessage | string): void {
    if (!this.parent) return;
    for (const origin of this.origins.length > 0 ? this.origins : ['*']) this.parent.postMessage(message, origin);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (!this.parent || event.source !== this.parent || !originAllowed(event.origin, this.origins)) return;
    if (this.pymId && readPymWidth(event.data, this.pymId) !== null) {
      this.postPymHeight();
      return;
    }
    const message = readHostMessage(event.data);
    if (!message) return;
    switch (message.type) {
      case 'map-story:goto': {
        const index = this.target.state().ids.indexOf(message.id);
        if (index < 0) return;
        this.answer(() => this.target.goTo(index));
        break;
      }
      case 'map-story:lang':
        this.answer(() => this.target.setLang(message.lang));
        break;
      default: {
        const unknown: never = message;
        return unknown;
      }
    }
  };

  /** Acts, then answers with the step message once the story has updated (even when nothing had to change). */
  private answer(act: () => void): void {
    this.answerDue = true;
    act();
    void this.host.updateComplete.then(() => {
      if (this.answerDue) this.postStep();
    });
  }
}

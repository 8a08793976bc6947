import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { registerWorker } from '../state/service-worker.ts';
import type { Lang } from '../story/types.ts';
import { t } from '../i18n/strings.ts';
import { sharedStyles } from './shared-styles.ts';

function documentLang(): Lang {
  return document.documentElement.lang === 'ar' ? 'ar' : 'en';
}

/**
 * Registers the service worker that keeps the story available offline, and, when a new version has been deployed,
 * shows a small polite notice with a Reload button. Nothing reloads unless the reader asks: the new version waits
 * until then (or until every tab of the story is closed).
 * Follows the page's language (`<html lang>`), which <map-story> sets.
 */
@customElement('update-notice')
export class UpdateNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { position: fixed; inset-block-end: 1rem; inset-inline: 1rem; z-index: 1000; display: flex; justify-content: center; pointer-events: none; }
      .box { pointer-events: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; max-inline-size: 30rem; padding-block: 0.6rem; padding-inline: 1rem 0.6rem; background: var(--ink); color: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); font: 0.95rem/1.4 var(--font-text); }
      p { margin: 0; flex: 1 1 12rem; }
      .actions { display: flex; gap: 0.5rem; margin-inline-start: auto; }
      button { cursor: pointer; border-radius: 6px; padding: 0.35rem 0.9rem; border: 1px solid #fff; }
      .reload { background: #fff; color: var(--ink); font-weight: 700; }
      .dismiss { background: transparent; color: #fff; padding-inline: 0.6rem; }
      :focus-visible { outline-color: #9cc0ff; }
    `,
  ];

  @state() private language: Lang = documentLang();
  @state() private visible = false;

  private updateServiceWorker?: () => Promise<void>;
  /** A new version is installed and waits for the reader. */
  private updateWaiting = false;
  /** The reader asked for the new version. */
  private reloadRequested = false;
  /** The new version already controls this page (the reader of another tab asked for it). */
  private newVersionControls = false;
  private readonly langObserver = new MutationObserver(() => {
    this.language = documentLang();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = documentLang();
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    navigator.serviceWorker?.addEventListener('controllerchange', this.onControllerChange);
    // onControllerChange reloads, and only for the reader who asked.
    this.updateServiceWorker ??= registerWorker({
      onNeedRefresh: () => {
        this.updateWaiting = true;
        this.visible = true;
      },
      onRegisterError: (error: unknown) => console.warn('The story will not be available offline:', error),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.langObserver.disconnect();
    navigator.serviceWorker?.removeEventListener('controllerchange', this.onControllerChange);
  }

  override render() {
    const lang = this.language;
    // The status region stays in the page so that screen readers announce the notice when it appears.
    return html`<div role="status" lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>
      ${
        this.visible
          ? html`<div class="box">
            <p>${t(lang, 'newVersion')}</p>
            <span class="actions">
              <button class="reload" type="button" @click=${this.reload}>${t(lang, 'reload')}</button>
              <button class="dismiss" type="button" aria-label=${t(lang, 'close')} @click=${this.dismiss}>×</button>
            </span>
          </div>`
          : nothing
      }
    </div>`;
  }

  /** The waiting worker takes over; the page reloads once it controls the page (onControllerChange). */
  private async reload(): Promise<void> {
    this.reloadRequested = true;
    if (this.newVersionControls) {
      location.reload();
      return;
    }
    await this.updateServiceWorker?.();
  }

  private dismiss(): void {
    this.visible = false;
  }

  /**
   * A new worker controls the page. On the first visit that is the first worker claiming the page: nothing to do.
   * After an update, reload only if this page's reader asked; another tab's Reload must not yank this one.
   */
  private readonly onControllerChange = (): void => {
    if (!this.updateWaiting) return;
    this.newVersionControls = true;
    if (this.reloadRequested) location.reload();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'update-notice': UpdateNotice;
  }
}

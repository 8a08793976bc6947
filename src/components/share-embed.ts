import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Lang } from '../story/types.ts';
import { embedSnippet, storyUrls } from '../embed/snippet.ts';
import { t } from '../i18n/strings.ts';
import { sharedStyles } from './shared-styles.ts';

type Field = 'link' | 'code';

/**
 * The "Share / embed" control of the standalone page: a button that opens a native dialog with a link to the
 * current step and the copy-ready embed code for it (the story's frame and its resize script), each with a copy
 * button. Where the clipboard is not available the text is selected for the reader to copy.
 */
@customElement('share-embed')
export class ShareEmbed extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: inline-block; }
      .tool { display: inline-flex; align-items: center; gap: 0.3rem; min-block-size: 32px; min-inline-size: 32px; padding: 0 0.6rem; border: 1px solid var(--rule); background: #fff; border-radius: 6px; cursor: pointer; color: var(--ink); font-size: 0.85rem; }
      .tool svg { inline-size: 16px; block-size: 16px; flex: none; }
      dialog { inline-size: min(36rem, calc(100vw - 2rem)); box-sizing: border-box; max-block-size: calc(100dvh - 2rem); padding: 1rem 1.25rem 1.25rem; border: 0; border-radius: 10px; box-shadow: 0 8px 30px rgb(0 0 0 / 0.3); color: var(--ink); font-family: var(--font-text); }
      dialog::backdrop { background: rgb(20 24 28 / 0.55); }
      .top { display: flex; align-items: center; justify-content: space-between; gap: 1rem; margin-block-end: 0.75rem; }
      h2 { margin: 0; font-size: 1.15rem; }
      .close { min-inline-size: 36px; min-block-size: 36px; border: 1px solid var(--rule); background: #fff; border-radius: 6px; cursor: pointer; font-size: 1.2rem; line-height: 1; }
      label { display: block; font-weight: 700; font-size: 0.9rem; margin-block: 0.9rem 0.3rem; }
      .help { margin: 0 0 0.4rem; font-size: 0.85rem; line-height: 1.45; color: #4a5057; }
      .row { display: flex; gap: 0.5rem; align-items: flex-start; }
      input, textarea { flex: 1; min-inline-size: 0; box-sizing: border-box; border: 1px solid #9aa0a6; border-radius: 6px; padding: 0.45rem 0.55rem; font: 0.8rem/1.45 ui-monospace, 'DejaVu Sans Mono', monospace; color: var(--ink); background: #f7f8f9; }
      textarea { inline-size: 100%; resize: vertical; }
      .copy { flex: none; min-block-size: 36px; padding: 0 0.8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 6px; cursor: pointer; font-weight: 700; font-size: 0.85rem; }
      .copy.code { margin-block-start: 0.5rem; }
      .status { min-block-size: 1.4em; margin: 0.6rem 0 0; font-size: 0.85rem; color: #1f6b35; }
      .status.warn { color: #7a4b00; }
      @media (max-width: 699px) {
        .tool { padding: 0 0.4rem; }
        .tool-text { display: none; }
      }
    `,
  ];

  /** The id of the step to share. */
  @property() stepId = '';
  @property() override lang: Lang = 'en';
  /** The story's title, used as the frame's accessible title. */
  @property() heading = '';

  @state() private status = '';
  @state() private failed = false;
  @query('dialog') private dialog?: HTMLDialogElement;

  private open(): void {
    this.status = '';
    this.dialog?.showModal();
  }

  private close(): void {
    this.dialog?.close();
  }

  private readonly onDialogClick = (event: MouseEvent): void => {
    if (event.target === this.dialog) this.close();
  };

  private async copy(which: Field): Promise<void> {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${which}`);
    if (!field) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(field.value);
      this.failed = false;
      this.status = t(this.lang, 'copied');
    } catch {
      field.focus();
      field.select();
      this.failed = true;
      this.status = t(this.lang, 'copyFallback');
    }
  }

  override render() {
    const lang = this.lang;
    const urls = this.stepId ? storyUrls(document.baseURI, lang, this.stepId) : null;
    return html`<button class="tool" aria-haspopup="dialog" aria-label=${t(lang, 'share')} @click=${this.open}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M5.5 4 1.5 8l4 4M10.5 4l4 4-4 4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" /></svg>
        <span class="tool-text" aria-hidden="true">${t(lang, 'share')}</span>
      </button>
      <dialog aria-labelledby="share-title" @click=${this.onDialogClick}>
        <div class="top">
          <h2 id="share-title">${t(lang, 'share')}</h2>
          <button class="close" aria-label=${t(lang, 'close')} @click=${this.close}><span aria-hidden="true">×</span></button>
        </div>
        ${
          urls
            ? html`<label for="link">${t(lang, 'shareLink')}</label>
              <div class="row">
                <input id="link" type="url" readonly dir="ltr" .value=${urls.share} />
                <button class="copy link" @click=${() => this.copy('link')}>${t(lang, 'copyLink')}</button>
              </div>
              <label for="code">${t(lang, 'embedCode')}</label>
              <p class="help" id="code-help">${t(lang, 'embedHelp')}</p>
              <textarea id="code" readonly dir="ltr" rows="6" spellcheck="false" aria-describedby="code-help" .value=${embedSnippet(urls, this.heading, lang)}></textarea>
              <button class="copy code" @click=${() => this.copy('code')}>${t(lang, 'copyCode')}</button>`
            : nothing
        }
        <p class="status ${this.failed ? 'warn' : ''}" role="status">${this.status}</p>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'share-embed': ShareEmbed;
  }
}

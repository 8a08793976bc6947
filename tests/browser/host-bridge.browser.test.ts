// The host bridge, as the page that frames the story sees it. The test runs inside a frame, so `window.parent` is a
// real parent window: what the bridge posts arrives there, and commands are sent as message events whose source is
// that parent window (or, to be ignored, some other source) and whose origin is the one given.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { HostBridge } from '../../src/embed/host-bridge.ts';
import { readStoryMessage } from '../../src/embed/protocol.ts';
import type { Lang } from '../../src/story/types.ts';

const IDS = ['overview', 'convoys', 'trench'] as const;

/** A story stand-in: its step and language are reactive, so a command re-renders it like <map-story>. */
@customElement('test-bridge-host')
class BridgeHost extends LitElement {
  static override styles = css`
    :host { display: block; }
    div { block-size: var(--h, 300px); }
  `;
  @property({ type: Number }) index = 1;
  @property() language: Lang = 'en';
  bridge?: HostBridge;

  override connectedCallback(): void {
    this.bridge ??= new HostBridge(this, {
      state: () => ({ ids: IDS, index: this.index, lang: this.language }),
      goTo: (index) => (this.index = index),
      setLang: (lang) => (this.language = lang),
    });
    super.connectedCallback();
  }

  override render() {
    return html`<div>${IDS[this.index]} ${this.language}</div>`;
  }
}

/** What the parent window receives from this frame, in order; a marker message closes each batch. */
class ParentInbox {
  readonly raw: unknown[] = [];
  private markers = 0;
  private readonly listener = (event: MessageEvent): void => {
    // The data arrives as objects of the parent's realm; a host reads its own copy, made here as a clone in this one.
    if (event.source === window) this.raw.push(structuredClone(event.data));
  };

  constructor() {
    window.parent.addEventListener('message', this.listener);
  }

  close(): void {
    window.parent.removeEventListener('message', this.listener);
  }

  /** Messages of the story's protocol received so far (markers left out). */
  get messages(): unknown[] {
    return this.raw.filter((m) => !isMarker(m));
  }

  /**
   * Resolves once everything this frame posted to its parent until now has arrived: messages from one window to
   * another arrive in the order they were posted, so a marker posted now arrives after all of them.
   */
  async drained(): Promise<unknown[]> {
    const marker = { marker: ++this.markers };
    window.parent.postMessage(marker, '*');
    await expect.poll(() => this.raw.some((m) => isMarker(m) && m.marker === marker.marker)).toBe(true);
    return this.messages;
  }
}

function isMarker(m: unknown): m is { marker: number } {
  return typeof m === 'object' && m !== null && 'marker' in m;
}

/** A message event as the bridge would receive it, from the parent window unless another source is given. */
function send(data: unknown, options: { origin?: string; source?: MessageEventSource | null } = {}): void {
  const source = options.source === undefined ? window.parent : options.source;
  window.dispatchEvent(new MessageEvent('message', { data, origin: options.origin ?? 'https://host.example', source }));
}

let inbox: ParentInbox;

async function mount(): Promise<BridgeHost> {
  inbox = new ParentInbox();
  const host = document.createElement('test-bridge-host');
  document.body.append(host);
  await host.updateComplete;
  // Ready, then the height, both posted from the first update.
  await expect.poll(() => inbox.messages.length).toBeGreaterThanOrEqual(2);
  await inbox.drained();
  return host;
}

/** Resolves once a new ResizeObserver has reported the element's current size: observers made earlier have seen it too. */
function resized(el: Element): Promise<void> {
  return new Promise((resolve) => {
    const probe = new ResizeObserver(() => {
      probe.disconnect();
      resolve();
    });
    probe.observe(el);
  });
}

/** The messages that arrive after the given count, once everything posted so far has arrived. */
async function since(count: number): Promise<unknown[]> {
  return (await inbox.drained()).slice(count);
}

afterEach(() => {
  document.querySelectorAll('test-bridge-host').forEach((el) => el.remove());
  inbox.close();
  vi.unstubAllEnvs();
});

describe('HostBridge: what the story tells the host page', () => {
  it('announces itself once drawn: its steps, the active step and the language, then its height', async () => {
    await mount();
    const height = Math.ceil(document.querySelector('test-bridge-host')!.getBoundingClientRect().height);
    expect(height).toBe(300);
    expect(inbox.messages).toEqual([
      { type: 'map-story:ready', steps: [...IDS], step: 'convoys', lang: 'en' },
      { type: 'map-story:height', height },
    ]);
  });

  it('posts only messages of the protocol', async () => {
    const host = await mount();
    host.index = 2;
    host.language = 'ar';
    await host.updateComplete;
    host.style.setProperty('--h', '420px');
    await expect.poll(() => inbox.messages.filter((m) => readStoryMessage(m)?.type === 'map-story:height')).toHaveLength(2);
    const all = await inbox.drained();
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const m of all) expect(readStoryMessage(m), JSON.stringify(m)).toEqual(m);
  });

  it('posts a step message when the step or the language changes, and none for an update that changes neither', async () => {
    const host = await mount();
    const before = inbox.messages.length;
    host.index = 2;
    await host.updateComplete;
    host.language = 'ar';
    await host.updateComplete;
    host.requestUpdate();
    await host.updateComplete;
    expect(await since(before)).toEqual([
      { type: 'map-story:step', id: 'trench', index: 2, total: 3, lang: 'en' },
      { type: 'map-story:step', id: 'trench', index: 2, total: 3, lang: 'ar' },
    ]);
  });

  it("posts the content's new height when it changes, and nothing when the whole-pixel height stays the same", async () => {
    const host = await mount();
    const before = inbox.messages.length;
    host.style.setProperty('--h', '451.5px');
    await expect.poll(() => inbox.messages.slice(before)).toEqual([{ type: 'map-story:height', height: 452 }]);
    // The box changes size but still rounds up to 452 px: the bridge's observer sees it (before the probe, which was
    // created later), and posts nothing.
    host.style.setProperty('--h', '452px');
    await resized(host);
    expect(await since(before)).toEqual([{ type: 'map-story:height', height: 452 }]);
    host.style.setProperty('--h', '120px');
    await expect
      .poll(() => inbox.messages.slice(before))
      .toEqual([
        { type: 'map-story:height', height: 452 },
        { type: 'map-story:height', height: 120 },
      ]);
  });
});

describe('HostBridge: commands from the host page', () => {
  it('goes to the step a goto names, and answers with the step message', async () => {
    const host = await mount();
    const before = inbox.messages.length;
    send({ type: 'map-story:goto', id: 'trench' });
    await expect.poll(() => host.index).toBe(2);
    await expect.poll(() => inbox.messages.slice(before)).toEqual([{ type: 'map-story:step', id: 'trench', index: 2, total: 3, lang: 'en' }]);
    expect(await since(before)).toHaveLength(1);
  });

  it('switches the language a lang command names, and answers with the step message', async () => {
    const host = await mount();
    const before = inbox.messages.length;
    send({ type: 'map-story:lang', lang: 'ar' });
    await expect.poll(() => host.language).toBe('ar');
    await expect.poll(() => inbox.messages.slice(before)).toEqual([{ type: 'map-story:step', id: 'convoys', index: 1, total: 3, lang: 'ar' }]);
    expect(await since(before)).toHaveLength(1);
  });

  it('answers a command that changes nothing too, so the host always hears back', async () => {
    const host = await mount();
    const before = inbox.messages.length;
    const unchanged = { type: 'map-story:step', id: 'convoys', index: 1, total: 3, lang: 'en' };
    send({ type: 'map-story:goto', id: 'convoys' });
    await expect.poll(() => inbox.messages.slice(before)).toEqual([unchanged]);
    send({ type: 'map-story:lang', lang: 'en' });
    await expect.poll(() => inbox.messages.slice(before)).toEqual([unchanged, unchanged]);
    expect(await since(before)).toHaveLength(2);
    expect(host.index).toBe(1);
    expect(host.language).toBe('en');
  });

  const other = document.createElement('iframe');
  const ignored: [string, () => void][] = [
    ['a goto from this window itself', () => send({ type: 'map-story:goto', id: 'trench' }, { source: window })],
    ['a goto with no source window', () => send({ type: 'map-story:goto', id: 'trench' }, { source: null })],
    ['a goto from another frame', () => send({ type: 'map-story:goto', id: 'trench' }, { source: other.contentWindow })],
    ['a goto to a step the story does not have', () => send({ type: 'map-story:goto', id: 'no-such-step' })],
    ['a goto with an extra field', () => send({ type: 'map-story:goto', id: 'trench', index: 2 })],
    ['a goto as JSON text', () => send(JSON.stringify({ type: 'map-story:goto', id: 'trench' }))],
    ['a goto by index', () => send({ type: 'map-story:goto', id: 2 })],
    ['an unknown language', () => send({ type: 'map-story:lang', lang: 'fr' })],
    ['a story → host message sent back', () => send({ type: 'map-story:step', id: 'trench', index: 2, total: 3, lang: 'ar' })],
    ['an unknown command', () => send({ type: 'map-story:reset' })],
    ['null', () => send(null)],
  ];
  it.each(ignored)('ignores %s: no change and no answer', async (_name, act) => {
    document.body.append(other);
    const host = await mount();
    const before = inbox.messages.length;
    act();
    // A valid command sent after it is answered: once its answer is in, the ignored one had its chance.
    send({ type: 'map-story:lang', lang: 'ar' });
    await expect.poll(() => host.language).toBe('ar');
    await expect.poll(() => inbox.messages.length).toBeGreaterThan(before);
    expect(host.index).toBe(1);
    expect(await since(before)).toEqual([{ type: 'map-story:step', id: 'convoys', index: 1, total: 3, lang: 'ar' }]);
    other.remove();
  });

  it('stops listening when the story leaves the page', async () => {
    const host = await mount();
    host.remove();
    send({ type: 'map-story:goto', id: 'trench' });
    send({ type: 'map-story:lang', lang: 'ar' });
    await inbox.drained();
    expect(host.index).toBe(1);
    expect(host.language).toBe('en');
  });
});

describe('HostBridge in a frame made by a Pym.js parent (?childId=…)', () => {
  const pym = (type: string, message: string) => `pymxPYMxstory-boxxPYMx${type}xPYMx${message}`;
  let address = '';

  async function mountPym(): Promise<BridgeHost> {
    address = location.href;
    // Pym's parent adds these to the frame's address; the bridge reads them when it is made.
    history.replaceState(history.state, '', `${location.pathname}?initialWidth=640&childId=story-box${location.hash}`);
    return mount();
  }
  afterEach(() => history.replaceState(history.state, '', address));

  it('sends its height in Pym’s format too, after its own messages, and again when it changes', async () => {
    const host = await mountPym();
    expect(inbox.messages).toEqual([
      { type: 'map-story:ready', steps: [...IDS], step: 'convoys', lang: 'en' },
      { type: 'map-story:height', height: 300 },
      pym('height', '300'),
    ]);
    const before = inbox.messages.length;
    host.style.setProperty('--h', '420px');
    await expect.poll(() => inbox.messages.slice(before)).toEqual([{ type: 'map-story:height', height: 420 }, pym('height', '420')]);
  });

  it('answers the parent’s width message with its height, and ignores every other Pym-like message', async () => {
    await mountPym();
    const before = inbox.messages.length;
    send(pym('width', '640'));
    await expect.poll(() => inbox.messages.slice(before)).toEqual([pym('height', '300')]);
    for (const data of [
      pym('width', 'x'),
      pym('width', '-5'),
      pym('height', '640'),
      pym('navigateTo', 'https://evil.example/'),
      'pymxPYMxotherxPYMxwidthxPYMx640',
      `${pym('width', '640')} `,
      { type: 'width', width: 640 },
    ]) {
      send(data);
    }
    send(pym('width', '640'), { source: window });
    send(pym('width', '640'), { source: null });
    expect(await since(before)).toEqual([pym('height', '300')]);
  });
});

describe('HostBridge with an allow-list of host origins (VITE_HOST_ORIGINS)', () => {
  it('accepts commands from a listed origin only, and posts to the listed origins only', async () => {
    // The parent window here has this frame's origin: listing it lets the parent receive what the story posts.
    vi.stubEnv('VITE_HOST_ORIGINS', `https://other.example, ${location.origin}`);
    const host = await mount();
    expect(inbox.messages).toContainEqual({ type: 'map-story:ready', steps: [...IDS], step: 'convoys', lang: 'en' });
    const before = inbox.messages.length;
    send({ type: 'map-story:goto', id: 'trench' }, { origin: 'https://evil.example' });
    expect(host.index, 'a goto from an origin not on the list').toBe(1);
    send({ type: 'map-story:lang', lang: 'ar' }, { origin: location.origin });
    await expect.poll(() => host.language).toBe('ar');
    await expect.poll(() => inbox.messages.length).toBeGreaterThan(before);
    expect(await since(before)).toEqual([{ type: 'map-story:step', id: 'convoys', index: 1, total: 3, lang: 'ar' }]);
  });

  it('posts nothing a parent page of another origin could read', async () => {
    vi.stubEnv('VITE_HOST_ORIGINS', 'https://host.example');
    inbox = new ParentInbox();
    const host = document.createElement('test-bridge-host');
    document.body.append(host);
    await host.updateComplete;
    send({ type: 'map-story:goto', id: 'trench' }, { origin: 'https://host.example' });
    await expect.poll(() => host.index).toBe(2);
    await host.updateComplete;
    expect(await inbox.drained(), 'messages delivered to a parent not on the list').toEqual([]);
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'test-bridge-host': BridgeHost;
  }
}

/** Accessibility helpers of the end-to-end tests: axe, the focused element, label-in-name and reflow measurements. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface Focused {
  tag: string;
  name: string;
  /** The story-step the focus is in, if any. */
  step: string | null;
  inHeader: boolean;
  top: number;
  bottom: number;
  outline: string;
  outlineWidth: number;
  /** The element the reader sees at a point of the focused element below the sticky bar is that element. */
  visible: boolean;
  headerBottom: number;
}

/** The deepest focused element (through shadow roots): what it is, whether its focus ring shows and whether anything covers it. */
export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) throw new Error('nothing focused');
    const hosts: Element[] = [];
    for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.push(root.host);
    const bar = document.querySelector('map-story')!.shadowRoot!.querySelector('.bar')!;
    const headerBottom = bar.getBoundingClientRect().bottom;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // The skip button shows over the bar when focused.
    const inHeader = bar.contains(el) || hosts.some((h) => bar.contains(h)) || el.classList.contains('skip');
    const x = Math.min(Math.max(r.left + 12, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top, inHeader ? r.top : headerBottom) + Math.min(12, r.height / 2), innerHeight - 1);
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    let visible = false;
    for (let node: Node | null = hit; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
      if (node === el) visible = true;
    }
    return {
      tag: el.localName,
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      step: hosts.find((h) => h.localName === 'story-step')?.id ?? null,
      inHeader,
      top: r.top,
      bottom: r.bottom,
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      visible,
      headerBottom,
    };
  });
}

/** The rules the story is held to: WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Violations as short readable lines (rule, impact, where), so a failure says what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

/** A control whose accessible name does not contain its visible text (WCAG 2.5.3 Label in Name). */
export interface Mismatch {
  control: string;
  visible: string;
  name: string;
}

/**
 * Runs in the page: every control a reader can see (buttons, links, summaries, fields, in the document and in every
 * open shadow root) whose accessible name does not contain its visible text, compared as letters and digits only
 * (case, spaces, punctuation and symbols such as ◉ or → aside). The name follows the accessible name computation's
 * main steps: aria-labelledby, aria-label, a <label for>, then the content that is not aria-hidden, then title.
 */
export function labelInNameMismatches(): Mismatch[] {
  const CONTROLS = 'a[href], button, summary, input:not([type="hidden"]), textarea, select, [role="button"], [role="link"], [role="switch"], [role="tab"]';
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot): void => {
    all.push(...root.querySelectorAll(CONTROLS));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && el.checkVisibility({ visibilityProperty: true });
  };
  /** The text a sighted reader sees: text under no element that is hidden, or clipped to a pixel. */
  const visibleText = (control: Element): string => {
    const parts: string[] = [];
    const visit = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      else if (node instanceof Element && shown(node)) node.childNodes.forEach(visit);
    };
    visit(control);
    return parts.join(' ');
  };
  const contentName = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true' || !node.checkVisibility({ visibilityProperty: true })) return '';
    return node.getAttribute('aria-label') ?? [...node.childNodes].map(contentName).join(' ');
  };
  const accessibleName = (el: Element): string => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const by = el.getAttribute('aria-labelledby');
    if (by)
      return by
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent ?? '')
        .join(' ');
    const label = el.id ? root.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return el.getAttribute('aria-label') || label || contentName(el).trim() || el.getAttribute('title') || '';
  };
  const letters = (s: string): string => s.toLocaleLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return all.filter(shown).flatMap((el) => {
    const visible = visibleText(el).replace(/\s+/g, ' ').trim();
    const name = accessibleName(el).replace(/\s+/g, ' ').trim();
    const control = `${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    if (!name) return [{ control, visible, name: '(no name)' }];
    return letters(name).includes(letters(visible)) ? [] : [{ control, visible, name }];
  });
}

/** A box of the page, [left, top, right, bottom] in CSS px. */
export type Box = [number, number, number, number];

export const intersects = (a: Box, b: Box): boolean => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
export const inside = (a: Box, outer: Box): boolean => a[0] >= outer[0] - 0.5 && a[1] >= outer[1] - 0.5 && a[2] <= outer[2] + 0.5 && a[3] <= outer[3] + 0.5;

export interface Reflow {
  viewport: Box;
  pageWidth: number;
  bar: Box;
  /** The bar's controls: previous, the step line, next, language, motion, share. */
  controls: Record<string, Box>;
  /** Text containers of the steps that scroll inside themselves: `step-id: scrollHeight > clientHeight`. */
  scrollers: string[];
  /** Step text that reaches past the viewport's sides. */
  wide: string[];
  key: Box | null;
  locator: Box | null;
  /** The map's labels that the key covers (MapLibre's placed label boxes under the key's box). */
  labelsUnderKey: string[];
}

/**
 * Runs in the page: the boxes and scroll sizes that reflow is judged by. The labels the key must leave clear are the
 * step's own (places, areas, the trench, the transfer); the neighbouring countries' names at the map's edges are not
 * counted: the folded key sits in a corner where one of them can fall.
 */
export function measureReflow(): Reflow {
  const CONTEXT_LABELS = new Set(['countries-label']);
  const box = (el: Element | null | undefined): Box | null => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return r.width && r.height ? [r.left, r.top, r.right, r.bottom] : null;
  };
  const story = document.querySelector('map-story')!;
  const root = story.shadowRoot!;
  const timeline = root.querySelector('story-timeline')!.shadowRoot!;
  const live = root.querySelector('live-map')!;
  const controls: Record<string, Box> = {};
  const parts: [string, Element | null | undefined][] = [
    ['previous', timeline.querySelector('.prev')],
    ['step line', timeline.querySelector('.compact')],
    ['next', timeline.querySelector('.next')],
    ['language', root.querySelector('.tool.lang')],
    ['motion', root.querySelector('.tool.motion')],
    ['share', root.querySelector('share-embed')?.shadowRoot?.querySelector('.tool')],
  ];
  for (const [name, el] of parts) {
    const b = box(el);
    if (b) controls[name] = b;
  }
  const scrollers: string[] = [];
  const wide: string[] = [];
  for (const step of root.querySelectorAll('story-step')) {
    for (const el of step.shadowRoot!.querySelectorAll('article, .block')) {
      if (el.scrollHeight > el.clientHeight + 1) scrollers.push(`${step.id} ${el.localName}.${el.className}: ${el.scrollHeight} > ${el.clientHeight}`);
      const b = box(el);
      if (b && (b[0] < -0.5 || b[2] > innerWidth + 0.5)) wide.push(`${step.id} ${el.localName}.${el.className}: ${b[0]}–${b[2]}`);
    }
  }
  const key = box(live.shadowRoot!.querySelector('map-legend'));
  const map = story.map;
  let labelsUnderKey: string[] = [];
  if (key && map) {
    const canvas = map.getCanvas().getBoundingClientRect();
    const symbols = map
      .getStyle()
      // Keep-out layers are invisible: they only reserve room for the labels (src/map/layers/keep-out.ts).
      .layers.filter((l) => l.type === 'symbol' && !CONTEXT_LABELS.has(l.id) && !l.id.endsWith('-keepout'))
      .map((l) => l.id);
    const query: [[number, number], [number, number]] = [
      [key[0] - canvas.left, key[1] - canvas.top],
      [key[2] - canvas.left, key[3] - canvas.top],
    ];
    labelsUnderKey = map.queryRenderedFeatures(query, { layers: symbols }).map((f) => `${f.layer.id}: ${JSON.stringify(f.properties)}`);
  }
  return {
    viewport: [0, 0, innerWidth, innerHeight],
    pageWidth: document.documentElement.scrollWidth,
    bar: box(root.querySelector('.bar'))!,
    controls,
    scrollers,
    wide,
    key,
    locator: box(live.shadowRoot!.querySelector('map-locator')),
    labelsUnderKey,
  };
}

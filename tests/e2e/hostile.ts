// Hostile URLs for tests/e2e/hostile-urls.e2e.ts: markup and script-like strings, bad percent-encoding, nulls, unknown and
// oversized step ids in every parameter and the hash, generated from a fixed seed so every run tries the same URLs.
import type { Page } from '@playwright/test';

/** Any payload that runs sets this; a dialog is caught separately. */
const RUN = 'window.__pwned=1';

const MARKUP = [
  `<script>${RUN}</script>`,
  `"><img src=x onerror=${RUN}>`,
  `'><svg/onload=${RUN}>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `<style>*{display:none}</style>`,
  `<a href=x id=text>`,
  `<map-story></map-story>`,
  `<static-map step-id="../../x"></static-map>`,
  `alert(1)`,
];

const ENCODING = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AE%C0%AE%2F',
  '%00',
  'ar%00',
  '%u003cscript%u003e',
  '%252e%252e%252f',
  '%F0%9F%92%A9',
  '%EF%BB%BF',
  '%E2%80%AE',
  '%0d%0aSet-Cookie:%20x=1',
];

const LANGS = ['AR', 'ar ', ' ar', 'ar-SA', 'arabic', 'en-US', 'fr', 'ar,en', '__proto__', 'constructor', 'x'.repeat(4000)];
const EMBEDS = ['javascript:top.location=1', '1<script>', 'yes', '-1', '1e309', 'true%00', 'null', '[1]', 'on'];
const NAMES = [
  'step',
  'id',
  'callback',
  'q',
  'lang[]',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  '<img src=x onerror=window.__pwned=1>',
  'embed%00',
  'testing',
];

/** Hash values that name no step. */
function badIds(ids: readonly string[]): string[] {
  const [first = 'overview', second = 'trench'] = ids;
  return [
    'x'.repeat(20_000),
    first.repeat(300),
    `${second}<script>`,
    `${second}%00`,
    `%00${second}`,
    second.toUpperCase(),
    ` ${second}`,
    `${second}/../${first}`,
    '../../../etc/passwd',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '#',
    '%25',
    '-1',
    '999',
  ];
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * At least `count` hostile URLs, relative to the story's base URL: every payload at least once in each place, then
 * random mixtures. What each must open with is what the story's own URL reader (src/state/url.ts) makes of it.
 */
export function hostileUrls(ids: readonly string[], count: number): string[] {
  const rnd = random(20260120);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const maybeEncode = (s: string): string => (rnd() < 0.5 ? encodeURIComponent(s) : s.replace(/[#&]/g, encodeURIComponent));
  const payloads = [...MARKUP, ...ENCODING];
  const hashes = [...MARKUP, ...ENCODING, ...badIds(ids)];
  const paths: string[] = [];
  const add = (query: string[], hash: string | null) =>
    paths.push(`./?n=${paths.length}${query.map((q) => `&${q}`).join('')}${hash === null ? '' : `#${hash}`}`);

  // Every payload at least once in each place: lang, embed, another parameter, the hash.
  const langs = [...payloads, ...LANGS];
  const embeds = [...EMBEDS, ...MARKUP];
  const rounds = Math.max(langs.length, embeds.length, NAMES.length, hashes.length);
  for (let i = 0; i < rounds; i++) {
    const query = [`lang=${maybeEncode(langs[i % langs.length]!)}`, `embed=${maybeEncode(embeds[i % embeds.length]!)}`];
    query.push(`${NAMES[i % NAMES.length]!}=${maybeEncode(payloads[i % payloads.length]!)}`);
    add(i % 3 === 0 ? query.reverse() : query, maybeEncode(hashes[i % hashes.length]!));
  }
  // Known steps reached in odd but valid ways, so the test would notice if deep links stopped working altogether.
  const known = ids.at(-2) ?? ids[0] ?? '';
  add(['lang=ar'], known);
  add([`lang=${pick(MARKUP)}`], [...known].map((c, i) => (i === 0 ? `%${c.charCodeAt(0).toString(16)}` : c)).join(''));
  // Random mixtures of everything.
  while (paths.length < count) {
    const query: string[] = [];
    if (rnd() < 0.7) query.push(`lang=${maybeEncode(pick([...payloads, ...LANGS, 'ar', 'en']))}`);
    if (rnd() < 0.5) query.push(`embed=${maybeEncode(pick([...EMBEDS, ...payloads]))}`);
    if (rnd() < 0.5) query.push(`${pick(NAMES)}=${maybeEncode(pick(payloads))}`);
    add(query, rnd() < 0.8 ? maybeEncode(pick([...hashes, ...ids])) : null);
  }
  return paths;
}

export interface PageFacts {
  lang: string;
  dir: string;
  title: string;
  step: string;
  /** Whether the page shows the embedded layout (the stepper) instead of the scrolling story. */
  embed: boolean;
  /** Every element's tag name, in the document and in every open shadow root. */
  tags: string[];
  /** `tag[attribute]` for any inline event handler attribute. */
  handlers: string[];
  pwned: boolean;
}

export function pageFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const tags = new Set<string>();
    const handlers: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        tags.add(el.localName);
        for (const attr of el.attributes) if (attr.name.toLowerCase().startsWith('on')) handlers.push(`${el.localName}[${attr.name}]`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return {
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      title: document.title,
      step: document.querySelector('map-story')?.step ?? '',
      embed: Boolean(document.querySelector('map-story')?.shadowRoot?.querySelector('story-stepper')),
      tags: [...tags].sort(),
      handlers,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
    };
  });
}

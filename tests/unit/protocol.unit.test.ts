import { describe, expect, it } from 'vitest';
import { isStepId, originAllowed, parseOrigins, readHostMessage, readStoryMessage } from '../../src/embed/protocol.ts';
import { EMBED_SANDBOX, embedSnippet, storyUrls } from '../../src/embed/snippet.ts';
import { loadStory } from '../../src/story/load-node.ts';

const story = loadStory();
const ids = story.steps.map((s) => s.id);

describe('host → story messages', () => {
  it('accepts exactly the two commands', () => {
    expect(readHostMessage({ type: 'map-story:goto', id: 'trench' })).toEqual({ type: 'map-story:goto', id: 'trench' });
    expect(readHostMessage({ type: 'map-story:lang', lang: 'ar' })).toEqual({ type: 'map-story:lang', lang: 'ar' });
    expect(readHostMessage(Object.assign(Object.create(null) as object, { type: 'map-story:lang', lang: 'en' }))).toEqual({
      type: 'map-story:lang',
      lang: 'en',
    });
  });

  it('every step id of the story can be named in a goto', () => {
    for (const id of ids) expect(readHostMessage({ type: 'map-story:goto', id }), id).not.toBeNull();
  });

  class Goto {
    type = 'map-story:goto';
    id = 'trench';
  }
  const malformed: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'map-story:goto'],
    ['JSON text of a valid message', JSON.stringify({ type: 'map-story:goto', id: 'trench' })],
    ['an array', [{ type: 'map-story:goto', id: 'trench' }]],
    ['no type', { id: 'trench' }],
    ['a type of another protocol', { type: 'goto', id: 'trench' }],
    ['a type in other case', { type: 'MAP-STORY:GOTO', id: 'trench' }],
    ['a story → host type', { type: 'map-story:ready', steps: ids, step: 'overview', lang: 'en' }],
    ['an unknown type', { type: 'map-story:reset' }],
    ['a missing id', { type: 'map-story:goto' }],
    ['an extra field', { type: 'map-story:goto', id: 'trench', index: 4 }],
    ['an own __proto__ key', JSON.parse('{"type":"map-story:goto","id":"trench","__proto__":{"id":"x"}}') as unknown],
    ['a numeric id', { type: 'map-story:goto', id: 4 }],
    ['an empty id', { type: 'map-story:goto', id: '' }],
    ['an id with capitals', { type: 'map-story:goto', id: 'Trench' }],
    ['an id with spaces', { type: 'map-story:goto', id: ' trench' }],
    ['an id with a path', { type: 'map-story:goto', id: '../trench' }],
    ['an id with markup', { type: 'map-story:goto', id: '<img src=x onerror=alert(1)>' }],
    ['an overlong id', { type: 'map-story:goto', id: 'a'.repeat(81) }],
    ['an id in an array', { type: 'map-story:goto', id: ['trench'] }],
    ['an unknown language', { type: 'map-story:lang', lang: 'fr' }],
    ['a language in capitals', { type: 'map-story:lang', lang: 'AR' }],
    ['a language object', { type: 'map-story:lang', lang: { toString: () => 'ar' } }],
    ['a class instance', new Goto()],
    ['a Map', new Map([['type', 'map-story:goto']])],
    ['a Date', new Date()],
    ['a symbol key', { type: 'map-story:lang', lang: 'ar', [Symbol('x')]: 1 }],
  ];
  it.each(malformed)('rejects %s', (_name, data) => {
    expect(readHostMessage(data)).toBeNull();
  });
});

describe('story → host messages', () => {
  it('accepts the three kinds the story sends', () => {
    const ready = { type: 'map-story:ready', steps: ids, step: ids[1], lang: 'en' };
    expect(readStoryMessage(ready)).toEqual(ready);
    const step = { type: 'map-story:step', id: 'trench', index: 4, total: ids.length, lang: 'ar' };
    expect(readStoryMessage(step)).toEqual(step);
    expect(readStoryMessage({ type: 'map-story:height', height: 812 })).toEqual({ type: 'map-story:height', height: 812 });
  });

  it('rejects malformed ones', () => {
    expect(readStoryMessage({ type: 'map-story:ready', steps: ids, step: 'nope', lang: 'en' })).toBeNull();
    expect(readStoryMessage({ type: 'map-story:ready', steps: [], step: 'overview', lang: 'en' })).toBeNull();
    expect(readStoryMessage({ type: 'map-story:step', id: 'trench', index: 11, total: 11, lang: 'en' })).toBeNull();
    expect(readStoryMessage({ type: 'map-story:step', id: 'trench', index: 1.5, total: 11, lang: 'en' })).toBeNull();
    expect(readStoryMessage({ type: 'map-story:height', height: -1 })).toBeNull();
    expect(readStoryMessage({ type: 'map-story:height', height: Number.NaN })).toBeNull();
    expect(readStoryMessage({ type: 'map-story:height', height: 812.5 })).toBeNull();
    expect(readStoryMessage({ type: 'map-story:goto', id: 'trench' })).toBeNull();
  });

  it('step ids are slugs', () => {
    expect(ids.every(isStepId)).toBe(true);
    expect(isStepId('mosul-arrest')).toBe(true);
    expect(isStepId('mosul--arrest')).toBe(false);
    expect(isStepId('-mosul')).toBe(false);
  });
});

describe('the host origin allow-list', () => {
  it('reads a comma-separated list of origins and drops anything else', () => {
    expect(parseOrigins(undefined)).toEqual([]);
    expect(parseOrigins('')).toEqual([]);
    expect(parseOrigins(' https://news.example.com , https://www.example.org/,http://127.0.0.1:8080 ')).toEqual([
      'https://news.example.com',
      'https://www.example.org',
      'http://127.0.0.1:8080',
    ]);
    expect(parseOrigins('https://News.Example.com')).toEqual(['https://news.example.com']);
    expect(parseOrigins('news.example.com,https://a.example/path,https://a.example/?q,javascript:alert(1),*,https://u:p@a.example')).toEqual([]);
  });

  it('allows any origin when no list is set, and only listed origins otherwise', () => {
    expect(originAllowed('https://anyone.example', [])).toBe(true);
    expect(originAllowed('https://news.example.com', ['https://news.example.com'])).toBe(true);
    expect(originAllowed('https://evil.example', ['https://news.example.com'])).toBe(false);
    expect(originAllowed('null', ['https://news.example.com'])).toBe(false);
  });
});

describe('addresses and the embed code', () => {
  const here = 'https://graphics.example.com/2026/syria-iraq/?lang=en&utm_source=x#convoys';

  it('derives the page, share, frame and script addresses from the story’s own address', () => {
    expect(storyUrls(here, 'ar', 'trench')).toEqual({
      page: 'https://graphics.example.com/2026/syria-iraq/ar/#trench',
      share: 'https://graphics.example.com/2026/syria-iraq/ar/s/trench.html',
      frame: 'https://graphics.example.com/2026/syria-iraq/?embed=1&lang=ar#trench',
      script: 'https://graphics.example.com/2026/syria-iraq/embed.js',
    });
    expect(storyUrls('https://g.example/story/index.html?embed=1#x', 'en', 'overview')).toMatchObject({
      page: 'https://g.example/story/#overview',
      share: 'https://g.example/story/s/overview.html',
    });
  });

  it('writes the script before a lazy, titled, sandboxed full-width frame, escaping attributes', () => {
    const code = embedSnippet(storyUrls(here, 'en', 'trench'), 'Prisons & a "trench" <2026>', 'en');
    const [script, frame] = code.split('\n');
    expect(script).toBe('<script src="https://graphics.example.com/2026/syria-iraq/embed.js"></script>');
    expect(frame).toMatch(/^<iframe src="https:\/\/graphics\.example\.com\/2026\/syria-iraq\/\?embed=1&amp;lang=en#trench" /);
    expect(frame).toContain(' title="Prisons &amp; a &quot;trench&quot; &lt;2026&gt;" ');
    expect(frame).toContain(' width="100%" ');
    expect(frame).toMatch(/ height="\d{3}" /);
    expect(frame).toContain(' loading="lazy" ');
    expect(frame).toContain(` sandbox="${EMBED_SANDBOX}" `);
    expect(EMBED_SANDBOX.split(' ').sort()).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts']);
    expect(frame).toMatch(/><\/iframe>$/);
  });
});

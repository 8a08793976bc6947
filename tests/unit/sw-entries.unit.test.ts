import { describe, expect, it } from 'vitest';
import { entryFor, langOf, rest, versionOf, type Entry } from '../../src/sw/entries.ts';

const SCOPE = 'https://news.example/graphics/story/';
const KNOWN = new Set(['index.html', 'ar/index.html', 'assets/index-abc.js', 'static/en/trench.svg']);
const ENTRIES: Entry[] = [
  { url: 'index.html', revision: '1' },
  { url: 'ar/index.html', revision: '2' },
  { url: 's/trench.html', revision: '3' },
  { url: 'ar/s/trench.html', revision: '4' },
  { url: 'static/en/trench.svg', revision: '5' },
  { url: 'static/ar/trench.svg', revision: '6' },
  { url: 'data/border.geojson', revision: '7' },
  { url: 'assets/index-abc.js', revision: null },
  { url: 'assets/noto-sans-latin-400-normal-x.woff2', revision: null },
  { url: 'assets/noto-sans-arabic-arabic-400-normal-y.woff2', revision: null },
];

describe('the files the service worker answers for', () => {
  it('are the story’s own, under its scope, whatever the query and fragment', () => {
    expect(entryFor(`${SCOPE}?lang=ar&utm_source=x#trench`, SCOPE, KNOWN)).toBe('index.html');
    expect(entryFor(`${SCOPE}ar/#courts`, SCOPE, KNOWN)).toBe('ar/index.html');
    expect(entryFor(`${SCOPE}assets/index-abc.js`, SCOPE, KNOWN)).toBe('assets/index-abc.js');
    expect(entryFor(`${SCOPE}another-story/`, SCOPE, KNOWN)).toBeNull();
    expect(entryFor('https://news.example/graphics/other/index.html', SCOPE, KNOWN)).toBeNull();
    expect(entryFor('https://cdn.example/graphics/story/index.html', SCOPE, KNOWN)).toBeNull();
  });

  it('belong to one edition, or to both', () => {
    expect(ENTRIES.map((e) => langOf(e.url))).toEqual(['en', 'ar', 'en', 'ar', 'en', 'ar', null, null, 'en', 'ar']);
  });

  it('that a reader fetches when idle are the rest of their own edition, without fonts or the pages for sharing', () => {
    const kept = new Set(['index.html', 'assets/index-abc.js']);
    expect(rest(ENTRIES, 'en', kept)).toEqual(['static/en/trench.svg', 'data/border.geojson']);
    expect(rest(ENTRIES, 'ar', kept)).toEqual(['ar/index.html', 'static/ar/trench.svg', 'data/border.geojson']);
  });

  it('are kept per version: a changed revision is a new cache', () => {
    const changed = ENTRIES.map((e) => (e.url === 'index.html' ? { ...e, revision: '9' } : e));
    expect(versionOf(ENTRIES)).toBe(versionOf([...ENTRIES]));
    expect(versionOf(changed)).not.toBe(versionOf(ENTRIES));
  });
});

// The address → state contract of src/state/url.ts: which language, layout and step a URL opens, and how the story
// writes its state back into the address without losing anything else in it.
import { describe, expect, it } from 'vitest';
import { readUrl, withState, type UrlState } from '../../src/state/url.ts';
import { loadStory } from '../../src/story/load-node.ts';

const BASE = 'https://example.org/news/graphics/syria-iraq/';
const ids = ['overview', 'convoys', 'trench', 'mosul-arrest'] as const;
const DEFAULTS: UrlState = { lang: 'en', embed: false, stepIndex: -1 };

const read = (suffix: string): UrlState => readUrl(`${BASE}${suffix}`, ids);

describe('readUrl: the language', () => {
  it('opens in Arabic or English when ?lang names one exactly', () => {
    expect(read('?lang=ar').lang).toBe('ar');
    expect(read('?lang=en').lang).toBe('en');
    expect(read('?x=1&lang=ar&y=2').lang).toBe('ar');
  });

  it.each(['AR', 'Ar', 'ar ', ' ar', 'ar-SA', 'arabic', 'fr', '', 'ar,en', '__proto__', 'constructor', 'x'.repeat(4000)])(
    'falls back to English for ?lang=%s',
    (value) => {
      expect(read(`?lang=${encodeURIComponent(value)}`).lang).toBe('en');
    },
  );

  it('reads the first of repeated ?lang parameters, and a language in the hash does not count', () => {
    expect(read('?lang=ar&lang=fr').lang).toBe('ar');
    expect(read('?lang=fr&lang=ar').lang).toBe('en');
    expect(read('#lang=ar').lang).toBe('en');
    expect(read('?lang%5B%5D=ar').lang).toBe('en');
  });

  it('decodes the parameter like any query value: %61r is ar, and + is a space', () => {
    expect(read('?lang=%61r').lang).toBe('ar');
    expect(read('?lang=ar+').lang).toBe('en');
  });
});

describe('readUrl: the embedded layout', () => {
  it.each(['1', 'true'])('is on for ?embed=%s', (value) => {
    expect(read(`?embed=${value}`).embed).toBe(true);
  });

  it.each(['0', 'false', 'TRUE', 'yes', 'on', '', ' 1', '1 ', '01', '[1]', 'true%00'])('is off for ?embed=%s', (value) => {
    expect(read(`?embed=${encodeURIComponent(value)}`).embed).toBe(false);
  });

  it('is off without the parameter', () => {
    expect(read('').embed).toBe(false);
    expect(read('#trench').embed).toBe(false);
  });
});

describe('readUrl: the step in the hash', () => {
  it('names a step by its id, in any position of the list', () => {
    ids.forEach((id, i) => expect(read(`#${id}`).stepIndex, id).toBe(i));
    expect(read('?lang=ar&embed=1#trench')).toEqual({ lang: 'ar', embed: true, stepIndex: 2 });
  });

  it('percent-decodes the hash, so an encoded id names the same step', () => {
    expect(read('#%74rench').stepIndex).toBe(2);
    expect(read('#mosul%2Darrest').stepIndex).toBe(3);
  });

  it.each([
    ['no hash', ''],
    ['an empty hash', '#'],
    ['an unknown id', '#no-such-step'],
    ['another case', '#Trench'],
    ['a space before', '#%20trench'],
    ['a path', '#trench/../overview'],
    ['markup', '#trench%3Cscript%3E'],
    ['a null byte', '#trench%00'],
    ['a query after the id', '#trench?lang=ar'],
    ['a second hash', '#trench#trench'],
    ['a number', '#2'],
    ['a prototype key', '#__proto__'],
    ['an inherited method name', '#toString'],
  ])('names no step with %s', (_name, hash) => {
    expect(read(hash).stepIndex).toBe(-1);
  });

  it.each([
    ['a lone %', '#%'],
    ['a bad escape', '#%zz'],
    ['a truncated UTF-8 sequence', '#%E0%A4%A'],
    ['an overlong UTF-8 encoding', '#%C0%AE%C0%AE'],
  ])('names no step, and does not throw, with %s', (_name, hash) => {
    expect(() => read(hash)).not.toThrow();
    expect(read(hash).stepIndex).toBe(-1);
  });

  it('ignores ids longer than 80 characters even when the list has them', () => {
    const at80 = 'a'.repeat(80);
    const at81 = 'a'.repeat(81);
    expect(readUrl(`${BASE}#${at80}`, [at80, at81]).stepIndex).toBe(0);
    expect(readUrl(`${BASE}#${at81}`, [at80, at81]).stepIndex).toBe(-1);
  });

  it('names no step when there are no steps', () => {
    expect(readUrl(`${BASE}#trench`, []).stepIndex).toBe(-1);
  });
});

describe('readUrl: addresses that are not URLs', () => {
  it.each(['', 'not a url', '/news/graphics/syria-iraq/?lang=ar#trench', 'http://'])('opens with the defaults for %j', (href) => {
    expect(readUrl(href, ids)).toEqual(DEFAULTS);
  });
});

describe('withState: writing the state into the address', () => {
  const href = `${BASE}?n=7&lang=en&embed=1&utm_source=x#overview`;

  it('sets the language and keeps every other parameter and the hash', () => {
    const next = new URL(withState(href, { lang: 'ar' }));
    expect(next.searchParams.get('lang')).toBe('ar');
    expect(next.searchParams.get('n')).toBe('7');
    expect(next.searchParams.get('utm_source')).toBe('x');
    expect(next.searchParams.get('embed')).toBe('1');
    expect(next.hash).toBe('#overview');
    expect(next.pathname).toBe('/news/graphics/syria-iraq/');
  });

  it('sets the step in the hash and leaves the query alone', () => {
    const next = new URL(withState(href, { stepId: 'trench' }));
    expect(next.hash).toBe('#trench');
    expect(next.search).toBe(new URL(href).search);
  });

  it('turns the embedded layout off by removing the parameter, and on with embed=1', () => {
    expect(new URL(withState(href, { embed: false })).searchParams.has('embed')).toBe(false);
    expect(new URL(withState(`${BASE}?embed=true`, { embed: true })).searchParams.getAll('embed')).toEqual(['1']);
  });

  it('changes nothing when given nothing', () => {
    expect(withState(href, {})).toBe(new URL(href).href);
  });

  it('gives an address that reads back as the state it was given', () => {
    const next = withState(`${BASE}?lang=xx#nowhere`, { lang: 'ar', stepId: 'mosul-arrest', embed: true });
    expect(readUrl(next, ids)).toEqual({ lang: 'ar', embed: true, stepIndex: 3 });
    expect(readUrl(withState(next, { lang: 'en', embed: false }), ids)).toEqual({ lang: 'en', embed: false, stepIndex: 3 });
  });

  it('every step of the story, in both languages, can be linked to and read back', () => {
    const storyIds = loadStory().steps.map((s) => s.id);
    expect(storyIds.length).toBeGreaterThan(1);
    for (const lang of ['en', 'ar'] as const) {
      storyIds.forEach((stepId, i) => {
        expect(readUrl(withState(BASE, { lang, stepId }), storyIds), `${lang} ${stepId}`).toEqual({ lang, embed: false, stepIndex: i });
      });
    }
  });
});

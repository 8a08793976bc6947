/**
 * The fact-check log against the two source articles, and the provenance checks of the build broken on purpose:
 * every passage is in its article word for word, no English text copies a run of an article, and a wrong number, a
 * copied run, an unknown claim or a banned Arabic variant fails the build with its file, step and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES, dataFile } from '../../src/map/data.ts';
import { readMapData } from '../../scripts/vite/static-maps.ts';
import { describe, expect, it } from 'vitest';
import { t, type StringKey } from '../../src/i18n/strings.ts';
import { plainText } from '../../src/story/inline.ts';
import { loadStory, loadStoryFiles, REPO_ROOT } from '../../src/story/load-node.ts';
import { bannedVariant, copiedRun, COPY_RUN, type GlossaryEntry } from '../../src/story/provenance.ts';
import type { SourceKey, Text } from '../../src/story/types.ts';
import { validateGlossary } from '../../src/story/validate-claims.ts';
import { StoryError, validateStory, type ContentFile } from '../../src/story/validate.ts';
import { arr, obj } from './content-copy.ts';

const story = loadStory();
const files = loadStoryFiles();
const STEPS = 'src/story/content/steps';

const glossaryProblems: string[] = [];
const glossary: GlossaryEntry[] = validateGlossary(files.glossary.data, (p, m) => glossaryProblems.push(`${p}: ${m}`)) ?? [];

const SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'seeds');
const SEEDS: Record<SourceKey, string> = { national: '000_b43fef86ba978670.txt', syriantv: '004_b140f920d254d9ca.txt' };
const present = Object.values(SEEDS).every((name) => existsSync(join(SEEDS_DIR, name)));
const SKIPPED = 'seed articles not found at ../shared/seeds: skipped';
if (!present) console.info(SKIPPED);

/** Only whitespace is normalised: quotes, dashes and apostrophes must match the article as published. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const article = (key: SourceKey): string => squash(readFileSync(join(SEEDS_DIR, SEEDS[key]), 'utf8'));

/** Every English text of the story with its place: `file › field`. Sources' names and titles cite the reports and are left out. */
function englishTexts(): [string, string][] {
  const out: [string, string][] = [];
  const add = (where: string, field: string, text: Text): void => void out.push([`${where} › ${field}.en`, plainText(text.en)]);
  const meta = files.meta.file;
  add(meta, 'title', story.meta.title);
  add(meta, 'dek', story.meta.dek);
  story.meta.method.forEach((p, i) => add(meta, `method[${i}]`, p));
  story.meta.credits.forEach((c, i) => add(meta, `credits[${i}]`, c));
  story.meta.corrections.forEach((c, i) => add(meta, `corrections[${i}].text`, c.text));
  story.steps.forEach((s, i) => {
    const where = `${files.steps[i]?.file ?? STEPS} › step "${s.id}"`;
    add(where, 'title', s.title);
    if (s.when) add(where, 'when', s.when);
    add(where, 'alt', s.alt);
    s.body.forEach((p, j) => add(where, `body[${j}]`, p));
    s.figures?.forEach((f, j) => (['value', 'label', 'who'] as const).forEach((k) => add(where, `figures[${j}].${k}`, f[k])));
  });
  return out;
}

describe.skipIf(!present)(present ? 'the fact-check log against the seed articles' : SKIPPED, () => {
  it('has every passage of every claim word for word in its source’s article', () => {
    const text = { national: article('national'), syriantv: article('syriantv') };
    const missing = story.claims.flatMap((c) => c.passages.filter((p) => !text[c.source].includes(squash(p))).map((p) => `${c.id} (${c.source}): "${p}"`));
    expect(story.claims.flatMap((c) => c.passages).length).toBeGreaterThan(30);
    expect(missing, `passages not found word for word in their article:\n${missing.join('\n')}`).toEqual([]);
  });

  it(`repeats no run of ${COPY_RUN} or more words of either article outside quotation marks`, () => {
    const sources = [article('national'), article('syriantv')];
    const texts = englishTexts();
    expect(texts.length).toBeGreaterThan(50);
    const copied = texts.flatMap(([where, en]) => {
      const run = copiedRun(en, sources, COPY_RUN);
      return run === null ? [] : [`${where}: ${run.split(' ').length} words "${run}"`];
    });
    expect(copied, `English texts that copy a seed article:\n${copied.join('\n')}`).toEqual([]);
  });
});

const at = (v: unknown, i: number): Record<string, unknown> => obj(arr(v)[i]);

/** A copy of the real content with one step changed, validated as the build does; returns the StoryError, or null when it passes. */
function validateChanged(id: string, change: (step: Record<string, unknown>) => void): StoryError | null {
  const copy = structuredClone(files);
  const file: ContentFile | undefined = copy.steps.find((f) => obj(f.data).id === id);
  change(obj(file?.data));
  try {
    validateStory(copy);
    return null;
  } catch (err) {
    if (err instanceof StoryError) return err;
    throw err;
  }
}
function broken(id: string, change: (step: Record<string, unknown>) => void): StoryError {
  const e = validateChanged(id, change);
  if (e === null) throw new Error(`expected a StoryError after changing step "${id}"`);
  return e;
}

const claim = (id: string) => {
  const c = story.claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim "${id}"`);
  return c;
};

describe('the provenance checks of the build, broken on purpose', () => {
  it('the real content passes them', () => {
    expect(validateChanged('transfer', () => undefined)).toBeNull();
    expect(glossaryProblems).toEqual([]);
  });

  it('a number a paragraph’s claims do not give', () => {
    const e = broken('transfer', (s) => {
      const p = at(s.body, 0);
      expect(p.en).toContain('moved 150 detainees');
      p.en = String(p.en).replace('150', '151');
    });
    expect(e.problems).toEqual([
      `${STEPS}/09-transfer.json › step "transfer" › body[0].en: the number 151 is in no passage of the claims it cites (transfer-150, transfer-why), and is not a day of the story, a measurement of the map data or a year of the background claims`,
    ]);
  });

  it('a run of a cited passage copied outside quotation marks, and the same run quoted', () => {
    const passage = claim('transfer-150').passages[1] ?? '';
    const run = passage.split(/\s+/).slice(0, 9).join(' ');
    expect(run).toBe('In a statement, CENTCOM confirmed that U.S. forces successfully');
    const e = broken('transfer', (s) => (at(s.body, 0).en = `${run}.`));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toContain(`${STEPS}/09-transfer.json › step "transfer" › body[0].en: repeats 10 words of a source passage outside quotation marks`);
    expect(e.problems[0]).toContain('"in a statement centcom confirmed that u s forces successfully"');
    expect(validateChanged('transfer', (s) => (at(s.body, 0).en = `CENTCOM wrote: “${run}”.`))).toBeNull();
  });

  it('an unknown claim id in a paragraph', () => {
    const e = broken('transfer', (s) => arr(at(s.body, 1).claims).push('transfer-9000'));
    expect(e.problems).toEqual([
      `${STEPS}/09-transfer.json › step "transfer" › body[1].claims[2]: unknown claim id "transfer-9000" (see src/story/content/claims.json)`,
    ]);
  });

  it('a banned Arabic variant in a paragraph', () => {
    const entry = glossary.find((g) => g.en === 'ceasefire');
    const variant = entry?.banned.at(-1);
    expect(variant).toBe('هدنة');
    const e = broken('ceasefire', (s) => {
      const p = at(s.body, 0);
      p.ar = `${String(p.ar)} وقالت إن ${variant ?? ''} جديدة بدأت.`;
    });
    expect(e.problems).toEqual([
      `${STEPS}/03-ceasefire.json › step "ceasefire" › body[0].ar: uses «هدنة»; the glossary's one term for "ceasefire" is «وقف إطلاق النار»`,
    ]);
  });

  it('a number on a figure card that only another claim of the step gives', () => {
    const figure = story.steps.find((s) => s.id === 'transfer')?.figures?.[1];
    expect(figure?.claims).toEqual(['transfer-most-dangerous']);
    const e = broken('transfer', (s) => (obj(at(s.figures, 1).value).en = 'about 7,000'));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toContain(
      `${STEPS}/09-transfer.json › step "transfer" › figures[1].value.en: the number 7000 is in no passage of the claims it cites (transfer-most-dangerous)`,
    );
  });
});

/** The interface strings' keys, read from the English table of src/i18n/strings.ts (the table itself is not exported). */
function stringKeys(): StringKey[] {
  const source = readFileSync(join(REPO_ROOT, 'src', 'i18n', 'strings.ts'), 'utf8');
  const table = /const en = \{([\s\S]*?)\n\} as const;/.exec(source)?.[1] ?? '';
  return [...table.matchAll(/^\s+(\w+):/gm)].map((m) => m[1] as StringKey);
}

/** Arabic properties (`*_ar`) of every feature of the map data (public/data, as the map reads it), with their place. */
function geojsonArabic(): [string, string][] {
  const data = readMapData();
  return DATA_FILES.flatMap((name) =>
    data[name].features.flatMap((f, i) =>
      Object.entries(f.properties ?? {})
        .filter((e): e is [string, string] => e[0].endsWith('_ar') && typeof e[1] === 'string')
        .map(([k, v]): [string, string] => [`public/data/${dataFile(name)} › features[${i}].${k}`, v]),
    ),
  );
}

/** The texts that use a banned variant, as `place: «variant» → «term»`. */
const banned = (texts: readonly [string, string][]): string[] =>
  texts.flatMap(([where, text]) => {
    const b = bannedVariant(text, glossary);
    return b ? [`${where}: «${b.variant}» → «${b.entry.ar}»`] : [];
  });

describe('the glossary on interface text and map labels', () => {
  it('every Arabic interface string uses the glossary’s terms', () => {
    const keys = stringKeys();
    expect(keys.length).toBeGreaterThan(50);
    expect(keys).toContain('credits');
    const texts = keys.map((k): [string, string] => [`src/i18n/strings.ts › ar.${k}`, t('ar', k)]);
    expect(texts.every(([, v]) => /[\u0600-\u06FF]|English/.test(v))).toBe(true);
    expect(banned(texts)).toEqual([]);
  });

  it('every Arabic property of the map data uses the glossary’s terms', () => {
    const texts = geojsonArabic();
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.map(([w]) => w)).toContainEqual(expect.stringMatching(/arrows\.geojson › features\[\d+\]\.label_ar$/));
    expect(banned(texts)).toEqual([]);
  });

  it('catches a banned variant, with proclitics and short vowels, in the same check', () => {
    expect(banned([['ui', 'أرتال حكومية']])).toEqual([]);
    expect(banned([['ui', 'قوافل حكومية']])).toEqual(['ui: «قوافل» → «رتل (أرتال)»']);
    expect(banned([['map', 'وبالهُدنة']])).toEqual(['map: «الهدنة» → «وقف إطلاق النار»']);
    expect(banned([['map', 'معسكر الهول']])).toEqual(['map: «معسكر الهول» → «مخيم الهول»']);
  });
});

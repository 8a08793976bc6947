import { describe, expect, it } from 'vitest';
import { parseInline, plainText } from '../../src/story/inline.ts';
import { loadStory, loadStoryFiles } from '../../src/story/load-node.ts';
import { forReaders } from '../../src/story/reader-claims.ts';
import { story as builtStory } from '../../src/story/index.ts';
import type { Step } from '../../src/story/types.ts';
import { StoryError, validateStory, type ContentFile } from '../../src/story/validate.ts';
import { arr, obj } from './content-copy.ts';

const story = loadStory();
const CLAIMS = story.claims;
const claimById = (id: string) => CLAIMS.find((c) => c.id === id);
const allTexts = (s: Step) => [s.title, s.alt, ...(s.when ? [s.when] : []), ...s.body, ...(s.figures ?? []).flatMap((f) => [f.value, f.label, f.who])];

describe('the story content', () => {
  it('validates, and the Vite loader gives the same story as the node loader, without the fact-check log (fetched)', () => {
    expect(story.steps.length).toBeGreaterThanOrEqual(9);
    expect(story.steps.length).toBeLessThanOrEqual(12);
    expect(builtStory).toEqual({ ...story, claims: [] });
    expect(story.claims.every((c) => c.summary)).toBe(true);
    expect(story.claims.map(forReaders).some((c) => 'summary' in c || 'derived' in c)).toBe(false);
  });

  it('names files relative to the repository root, in file-name order', () => {
    const { steps, meta } = loadStoryFiles();
    expect(meta.file).toBe('src/story/content/story.json');
    expect(steps[0]?.file).toBe('src/story/content/steps/01-overview.json');
    expect(steps.map((s) => s.file)).toEqual([...steps.map((s) => s.file)].sort());
  });

  it('has unique ids and dates in non-decreasing order within 19–20 January 2026', () => {
    const ids = story.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dates = story.steps.map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d === '2026-01-19' || d === '2026-01-20')).toBe(true);
  });

  it('states every claim of the fact sheet, and only those', () => {
    const used = new Set(story.steps.flatMap((s) => s.claims));
    expect(CLAIMS.filter((c) => !used.has(c.id)).map((c) => c.id)).toEqual([]);
    for (const s of story.steps) for (const c of s.claims) expect(claimById(c), `${s.id}: ${c}`).toBeDefined();
  });

  it('dates each step by its latest claim and lists exactly its claims’ sources', () => {
    for (const s of story.steps) {
      const infos = s.claims.map((c) => claimById(c)).filter((c) => c !== undefined);
      const dated = infos.flatMap((c) => (c.date ? [c.date] : []));
      if (dated.length > 0) expect(s.date, s.id).toBe(dated.sort().at(-1));
      expect([...s.sources].sort(), s.id).toEqual([...new Set(infos.map((c) => c.source))].sort());
    }
  });

  it('shows the disputed Shaddadi counts side by side in one step, each with its own source', () => {
    const step = story.steps.find((s) => s.claims.includes('shaddadi-escape-gov') && s.claims.includes('shaddadi-escape-sdf'));
    const figures = step?.figures ?? [];
    const gov = figures.find((f) => f.value.en === 'about 120');
    const sdf = figures.find((f) => f.value.en === 'more than 1,500');
    expect(gov?.who.en).toBe('Syria’s Interior Ministry');
    expect(sdf?.who.en).toContain('Farhad Shami');
    expect(figures.find((f) => f.value.en === '81')?.who.en).toBe('Syria’s Interior Ministry');
  });

  it('shows the claimed trench length next to the measured border length', () => {
    const trench = story.steps.find((s) => s.id === 'trench');
    expect(trench?.scene.animation).toBe('draw-trench');
    expect(trench?.figures?.map((f) => f.value.en)).toEqual(['620 km', '≈ 599 km']);
    expect(trench?.figures?.[1]?.who.en).toBe('a measurement of Natural Earth’s border data');
  });

  it('keeps paragraphs short, numbers in Western digits and one spelling per name', () => {
    for (const s of story.steps) {
      expect(s.body.length, s.id).toBeLessThanOrEqual(3);
      for (const p of s.body) {
        const words = plainText(p.en).split(/\s+/).length;
        expect(words, `${s.id}: ${p.en}`).toBeGreaterThanOrEqual(25);
        expect(words, `${s.id}: ${p.en}`).toBeLessThanOrEqual(70);
      }
      for (const t of allTexts(s)) {
        expect(t.ar, s.id).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
        expect(t.en, s.id).not.toMatch(/\b(Al Hol|Hasaka\b|Hassakeh|Shadadi|Raqa\b|Deir ez-Zor|Deir el-Zor|Daesh|ISIL|Mosul’s desert)/);
        expect(t.ar, s.id).not.toMatch(/الشدادة|الحسكه|الموصل الصحراء|تنظيم داعش الإرهابي|الدولة الاسلامية/);
      }
    }
  });

  it('frames the whole region in the first and last steps', () => {
    expect(story.steps[0]?.scene.camera.kind).toBe('view');
    const last = story.steps.at(-1);
    expect(last?.scene.camera).toEqual(story.steps[0]?.scene.camera);
    expect(last?.scene.layers).toEqual(expect.arrayContaining(['places', 'trench', 'convoys', 'transfer', 'mosul-desert']));
  });
});

/** Validates a mutated copy of the real content and returns the StoryError it must throw. */
function broken(mutate: (steps: ContentFile[], meta: ContentFile, step: (id: string) => Record<string, unknown>) => void): StoryError {
  const files = structuredClone(loadStoryFiles());
  const { steps, meta } = files;
  mutate(steps, meta, (id) => obj(steps.find((f) => obj(f.data).id === id)?.data));
  try {
    validateStory(files);
  } catch (err) {
    if (err instanceof StoryError) return err;
    throw err;
  }
  throw new Error('expected a StoryError');
}

const STEPS = 'src/story/content/steps';

describe('broken content fails with the file, the step and the field', () => {
  it('missing Arabic title', () => {
    const e = broken((_s, _m, step) => delete obj(step('ceasefire').title).ar);
    expect(e.message).toBe(`${STEPS}/03-ceasefire.json › step "ceasefire" › title.ar: missing Arabic text`);
  });

  it('unknown place id', () => {
    const e = broken((_s, _m, step) => (obj(step('shaddadi').scene).highlight = ['aleppo']));
    expect(e.message).toContain(`${STEPS}/07-shaddadi.json › step "shaddadi" › scene.highlight[0]: unknown place id "aleppo"`);
  });

  it('unknown layer group', () => {
    const e = broken((_s, _m, step) => arr(obj(step('al-hol').scene).layers).push('roads'));
    expect(e.message).toContain(`${STEPS}/04-al-hol.json › step "al-hol" › scene.layers[1]: unknown layer group "roads"`);
  });

  it('bad date, and a date outside the story’s days', () => {
    expect(broken((_s, _m, step) => (step('convoys').date = '2026-01-32')).message).toContain(
      `${STEPS}/02-convoys.json › step "convoys" › date: expected an ISO date YYYY-MM-DD, found "2026-01-32"`,
    );
    expect(broken((_s, _m, step) => (step('what-next').date = '2026-01-21')).message).toContain(
      `step "what-next" › date: date 2026-01-21 is outside the story's days`,
    );
  });

  it('dates out of order', () => {
    const e = broken((_s, _m, step) => (step('courts').date = '2026-01-19'));
    expect(e.message).toContain(`${STEPS}/10-courts.json › step "courts" › date: 2026-01-19 comes before the previous step's date`);
  });

  it('duplicate id', () => {
    const e = broken((steps, _m, step) => {
      step('courts').id = 'transfer';
      const f = steps.find((x) => x.file.endsWith('10-courts.json'));
      if (f) f.file = `${STEPS}/10-transfer.json`;
    });
    expect(e.message).toBe(`${STEPS}/10-transfer.json › step "transfer" › id: duplicate id "transfer", also used by ${STEPS}/09-transfer.json`);
  });

  it('an id that is not a slug is reported by position', () => {
    const e = broken((_s, _m, step) => (step('ceasefire').id = 'Cease fire'));
    expect(e.message).toContain(`${STEPS}/03-ceasefire.json › step #3 › id: "Cease fire" is not a kebab-case slug`);
  });

  it('bad camera kind, and a centre off the globe', () => {
    expect(broken((_s, _m, step) => (obj(obj(step('trench').scene).camera).kind = 'orbit')).message).toContain(
      `${STEPS}/05-trench.json › step "trench" › scene.camera.kind: unknown camera kind "orbit"`,
    );
    expect(broken((_s, _m, step) => (obj(obj(step('overview').scene).camera).center = [35.6, 141.3])).message).toContain(
      `step "overview" › scene.camera.center[1]: expected a latitude between -85 and 85, found 141.3`,
    );
  });

  it('malformed [[ar:…]] markers', () => {
    const unclosed = broken((_s, _m, step) => (obj(arr(step('overview').body)[0]).en = 'Around Hasakah [[ar:الحسكة] and more.'));
    expect(unclosed.message).toContain(`${STEPS}/01-overview.json › step "overview" › body[0].en: malformed [[ar:…]] marker`);
    const latin = broken((_s, _m, step) => (obj(arr(step('overview').body)[1]).en = 'Around Hasakah [[ar:Hasakah]].'));
    expect(latin.message).toContain(`body[1].en: malformed [[ar:…]] marker "[[ar:Hasakah]]": it must contain Arabic script`);
  });

  it('unknown source key, and a figure whose source is not the step’s', () => {
    expect(broken((_s, _m, step) => arr(step('breach').sources).push('bbc')).message).toContain(
      `${STEPS}/08-breach.json › step "breach" › sources[1]: unknown source key "bbc"`,
    );
    expect(broken((_s, _m, step) => (obj(arr(step('transfer').figures)[0]).source = 'national')).message).toContain(
      `step "transfer" › figures[0].source: source "national" is not among the step's sources`,
    );
  });

  it('a web address in a text', () => {
    const e = broken((_s, _m, step) => (obj(step('mosul-arrest').alt).en = 'See https://example.org for the map.'));
    expect(e.message).toContain(`${STEPS}/06-mosul-arrest.json › step "mosul-arrest" › alt.en: contains a web address`);
  });

  it('unknown claim id, unknown field and an animation without its layer', () => {
    const e = broken((_s, _m, step) => {
      arr(obj(arr(step('trench').body)[0]).claims).push('trench-length');
      step('al-hol').tittle = step('al-hol').title;
      obj(step('convoys').scene).layers = ['places'];
    });
    expect(e.problems).toEqual([
      `${STEPS}/02-convoys.json › step "convoys" › scene.animation: "draw-convoys" needs the layer group "convoys" in scene.layers`,
      `${STEPS}/04-al-hol.json › step "al-hol" › tittle: unknown field (known fields: id, date, when, title, body, figures, sources, scene, alt)`,
      `${STEPS}/05-trench.json › step "trench" › body[0].claims[2]: unknown claim id "trench-length" (see src/story/content/claims.json)`,
    ]);
    expect(e.message).toMatch(/^3 problems in the story content:/);
  });

  it('story.json problems name the file and the field', () => {
    const e = broken((_s, meta) => {
      obj(obj(meta.data).dek).ar = '  ';
      obj(meta.data).updated = '20 January 2026';
    });
    expect(e.problems).toEqual([
      'src/story/content/story.json › dek.ar: missing Arabic text',
      'src/story/content/story.json › updated: expected an ISO date-time such as 2026-01-20T18:00:00Z, found "20 January 2026"',
    ]);
  });
});

describe('parseInline', () => {
  it('splits Arabic names out of English text', () => {
    expect(parseInline('Hasakah [[ar:الحسكة]] and Shaddadi [[ar:الشدادي]].')).toEqual([
      { text: 'Hasakah ' },
      { text: 'الحسكة', lang: 'ar' },
      { text: ' and Shaddadi ' },
      { text: 'الشدادي', lang: 'ar' },
      { text: '.' },
    ]);
  });

  it('handles text without markers, empty text and markers at the ends', () => {
    expect(parseInline('No markers here.')).toEqual([{ text: 'No markers here.' }]);
    expect(parseInline('')).toEqual([]);
    expect(parseInline('[[ar:مخيم الهول]]')).toEqual([{ text: 'مخيم الهول', lang: 'ar' }]);
    expect(parseInline('[[ar:الرقة]][[ar:دير الزور]]')).toEqual([
      { text: 'الرقة', lang: 'ar' },
      { text: 'دير الزور', lang: 'ar' },
    ]);
  });

  it('leaves malformed markers as plain text', () => {
    expect(parseInline('a [[ar:الحسكة] b')).toEqual([{ text: 'a [[ar:الحسكة] b' }]);
    expect(parseInline('a [[en:Hasakah]] b')).toEqual([{ text: 'a [[en:Hasakah]] b' }]);
    expect(plainText('Hasakah [[ar:الحسكة]]')).toBe('Hasakah الحسكة');
  });
});

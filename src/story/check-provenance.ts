/**
 * Where each text of the story comes from, checked against the fact-check log (./content/claims.json):
 * - every number in a text (digits, in either language) is in a passage of the claims the text cites, or is a day of
 *   the story, a measurement of the map data or a year of the background claims;
 * - no English text repeats 8 or more words of a cited passage outside quotation marks;
 * - no Arabic text uses a variant that the glossary forbids.
 * Problems are reported with the text's field path, like every other content problem.
 */
import { bannedVariant, copiedRun, COPY_RUN, numbersIn, type GlossaryEntry } from './provenance.ts';
import type { Claim, Step, StoryMeta, Text } from './types.ts';
import { MEASUREMENTS } from './types.ts';
import { STORY_DAYS } from './story-days.ts';
import { at, isRecord, type Report } from './validate-fields.ts';

interface Reporters {
  meta: Report;
  /** The reporter of the step at this index. */
  step: (index: number) => Report;
  /** The reporter of the measurements file. */
  file: Report;
}

/** Numbers of an ISO date a text may state: its day of the month and its year. */
const dateNumbers = (iso: string): string[] => [String(Number(iso.slice(8, 10))), iso.slice(0, 4)];

/** The measured values of the map data, as written (599.4) and rounded (599). */
function measuredNumbers(data: unknown, report: Report): string[] {
  const out: string[] = [];
  for (const key of MEASUREMENTS) {
    const v = isRecord(data) ? data[key] : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) report(key, 'missing measurement: run `npm run geo`');
    else out.push(String(v), String(Math.round(v)));
  }
  return out;
}

/** What a text may state: the numbers it may contain and the passages it must not copy. */
interface Backing {
  claims: readonly Claim[];
  numbers: ReadonlySet<string>;
}

function backing(claims: readonly Claim[], base: readonly string[]): Backing {
  const numbers = new Set(base);
  for (const c of claims) {
    for (const p of c.passages) for (const n of numbersIn(p)) numbers.add(n);
    for (const n of Object.keys(c.derived ?? {})) numbers.add(n);
  }
  return { claims, numbers };
}

function checkText(t: Text, path: string, report: Report, b: Backing, glossary: readonly GlossaryEntry[]): void {
  const cited = b.claims.map((c) => c.id).join(', ') || 'none';
  for (const lang of ['en', 'ar'] as const) {
    const stray = numbersIn(t[lang]).find((n) => !b.numbers.has(n));
    if (stray !== undefined) {
      report(
        at(path, lang),
        `the number ${stray} is in no passage of the claims it cites (${cited}), and is not a day of the story, a measurement of the map data or a year of the background claims`,
      );
    }
  }
  const run = copiedRun(
    t.en,
    b.claims.flatMap((c) => c.passages),
  );
  if (run !== null) {
    report(
      at(path, 'en'),
      `repeats ${run.split(' ').length} words of a source passage outside quotation marks (${COPY_RUN} or more is copying): "${run}"; reword it, or quote it with its speaker`,
    );
  }
  const banned = bannedVariant(t.ar, glossary);
  if (banned) report(at(path, 'ar'), `uses «${banned.variant}»; the glossary's one term for "${banned.entry.en}" is «${banned.entry.ar}»`);
}

/** Checks the provenance of every text of a story whose structure has already been validated. */
export function checkProvenance(
  story: { meta: StoryMeta; steps: readonly Step[]; claims: readonly Claim[] },
  data: { glossary: readonly GlossaryEntry[]; measurements: unknown },
  reporters: Reporters,
): void {
  const byId = new Map(story.claims.map((c) => [c.id, c]));
  const claimsOf = (ids: readonly string[]): Claim[] => ids.flatMap((id) => byId.get(id) ?? []);
  const years = story.claims.filter((c) => c.background).flatMap((c) => c.passages.flatMap(numbersIn).filter((n) => /^\d{4}$/.test(n)));
  const base = [...STORY_DAYS.flatMap(dateNumbers), ...measuredNumbers(data.measurements, reporters.file), ...years];
  const { meta } = story;
  const g = data.glossary;

  const all = backing(story.claims, base);
  const storyWide = { claims: all.claims, numbers: new Set(base) };
  checkText(meta.title, 'title', reporters.meta, storyWide, g);
  checkText(meta.dek, 'dek', reporters.meta, storyWide, g);
  meta.method.forEach((p, i) => checkText(p, at('method', i), reporters.meta, p.editorial ? storyWide : backing(claimsOf(p.claims), base), g));
  meta.credits.forEach((c, i) => checkText(c, at('credits', i), reporters.meta, storyWide, g));
  meta.corrections.forEach((c, i) =>
    checkText(c.text, at(at('corrections', i), 'text'), reporters.meta, { ...storyWide, numbers: new Set([...base, ...dateNumbers(c.date)]) }, g),
  );
  meta.sources.forEach((s, i) => {
    for (const field of ['name', 'title'] as const) {
      const banned = bannedVariant(s[field].ar, g);
      if (banned)
        reporters.meta(
          at(at(at('sources', i), field), 'ar'),
          `uses «${banned.variant}»; the glossary's one term for "${banned.entry.en}" is «${banned.entry.ar}»`,
        );
    }
  });

  story.steps.forEach((step, index) => {
    const report = reporters.step(index);
    const own = [...base, ...dateNumbers(step.date)];
    const whole = backing(claimsOf(step.claims), own);
    checkText(step.title, 'title', report, whole, g);
    if (step.when) checkText(step.when, 'when', report, whole, g);
    checkText(step.alt, 'alt', report, whole, g);
    step.body.forEach((p, i) => checkText(p, at('body', i), report, p.editorial ? whole : backing(claimsOf(p.claims), own), g));
    step.figures?.forEach((f, i) => {
      const b = backing(claimsOf(f.claims), own);
      for (const field of ['value', 'label', 'who'] as const) checkText(f[field], at(at('figures', i), field), report, b, g);
    });
  });
}

/**
 * Validates the story's JSON content into typed values, by hand, field by field.
 * Every problem is collected and reported with its file, step and field path, e.g.
 * `src/story/content/steps/03-ceasefire.json › step "ceasefire" › title.ar: missing Arabic text`.
 */
import { checkProvenance } from './check-provenance.ts';
import { stepClaims } from './inline.ts';
import { STORY_DAYS } from './story-days.ts';
import type { Claim, Correction, Figure, Paragraph, Scene, Source, SourceKey, Step, Story, StoryMeta } from './types.ts';
import { ANIMATIONS, EDITORIAL_KINDS, FIGURE_SOURCES, LAYER_GROUPS, MEASUREMENTS, PLACE_IDS, SOURCE_KEYS } from './types.ts';
import { validateClaims, validateGlossary } from './validate-claims.ts';
import { at, camera, isoDate, isoDateTime, isRecord, list, member, members, noLinks, record, str, text, textOf, type Report } from './validate-fields.ts';

/** One content file: its path relative to the repository root, and its parsed JSON. */
export interface ContentFile {
  file: string;
  data: unknown;
}

/** Every file the story is made of: the steps in reading order, story.json, the fact-check log, the glossary and the map data's measurements. */
export interface StoryFiles {
  steps: ContentFile[];
  meta: ContentFile;
  claims: ContentFile;
  glossary: ContentFile;
  measurements: ContentFile;
}

/** The claims of the log by id, for the checks of the steps. */
type ClaimIndex = ReadonlyMap<string, Claim>;

/** A list of claim ids, each in the log, without repeats. */
function claimIds(v: unknown, path: string, report: Report, index: ClaimIndex): string[] | undefined {
  const ids = list(v, path, report, 1, (x, p) => {
    const id = str(x, p, report);
    if (id !== undefined && !index.has(id)) report(p, `unknown claim id "${id}" (see src/story/content/claims.json)`);
    return id !== undefined && index.has(id) ? id : undefined;
  });
  if (ids && new Set(ids).size !== ids.length) report(path, 'a claim id is listed twice');
  return ids;
}

/** A paragraph: its texts, and the claims it states, or `editorial` saying what it is when it states none. */
function paragraph(v: unknown, path: string, report: Report, index: ClaimIndex): Paragraph | undefined {
  const o = record(v, path, report, ['en', 'ar', 'claims', 'editorial']);
  if (!o) return undefined;
  const t = textOf(o, path, report);
  if (o.claims === undefined && o.editorial === undefined) {
    report(path, `names no claims: list the ids it states in "claims", or say what it is in "editorial" (${EDITORIAL_KINDS.join(' or ')})`);
    return undefined;
  }
  if (o.claims !== undefined && o.editorial !== undefined) {
    report(path, 'has both "claims" and "editorial": a paragraph that states claims is not editorial');
    return undefined;
  }
  if (o.editorial !== undefined) {
    const editorial = member(o.editorial, EDITORIAL_KINDS, at(path, 'editorial'), report, 'editorial kind');
    return t && editorial ? { ...t, claims: [], editorial } : undefined;
  }
  const claims = claimIds(o.claims, at(path, 'claims'), report, index);
  return t && claims ? { ...t, claims } : undefined;
}

export { STORY_DAYS };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Which layer group an animation draws: a scene animating it must show it. */
const ANIMATION_LAYER = { 'draw-trench': 'trench', 'draw-convoys': 'convoys', 'draw-transfer': 'transfer' } as const;

export class StoryError extends Error {
  /** Every problem found, one line each. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? (problems[0] ?? '') : `${problems.length} problems in the story content:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StoryError';
    this.problems = problems;
  }
}

function validateSource(v: unknown, path: string, report: Report): Source | undefined {
  const o = record(v, path, report, ['key', 'name', 'title', 'date']);
  if (!o) return undefined;
  const key = member(o.key, SOURCE_KEYS, at(path, 'key'), report, 'source key');
  const name = text(o.name, at(path, 'name'), report);
  const title = text(o.title, at(path, 'title'), report);
  const date = isoDateTime(o.date, at(path, 'date'), report, true);
  return key && name && title && date ? { key, name, title, date } : undefined;
}

function validateCorrection(v: unknown, path: string, report: Report): Correction | undefined {
  const o = record(v, path, report, ['date', 'text']);
  if (!o) return undefined;
  const date = isoDateTime(o.date, at(path, 'date'), report);
  const t = text(o.text, at(path, 'text'), report);
  return date && t ? { date, text: t } : undefined;
}

const META_FIELDS = ['title', 'dek', 'published', 'updated', 'sources', 'method', 'corrections', 'credits'] as const;

function validateMeta(v: unknown, report: Report, index: ClaimIndex): StoryMeta | undefined {
  const o = record(v, '', report, META_FIELDS);
  if (!o) return undefined;
  const title = text(o.title, 'title', report);
  const dek = text(o.dek, 'dek', report);
  const published = isoDateTime(o.published, 'published', report);
  const updated = isoDateTime(o.updated, 'updated', report);
  if (published && updated && Date.parse(updated) < Date.parse(published)) {
    report('updated', `${updated} is before the first publication, ${published}`);
  }
  const sources = list(o.sources, 'sources', report, 1, (x, p) => validateSource(x, p, report));
  const method = list(o.method, 'method', report, 1, (x, p) => paragraph(x, p, report, index));
  const corrections = list(o.corrections, 'corrections', report, 0, (x, p) => validateCorrection(x, p, report));
  corrections?.forEach((c, i) => {
    if (published && Date.parse(c.date) < Date.parse(published)) report(at(at('corrections', i), 'date'), 'is before the first publication');
    if (updated && Date.parse(c.date) > Date.parse(updated)) report(at(at('corrections', i), 'date'), `is after "updated" (${updated}): update it too`);
  });
  const credits = list(o.credits, 'credits', report, 1, (x, p) => text(x, p, report));
  if (sources) {
    sources.forEach((s, i) => {
      if (sources.findIndex((t) => t.key === s.key) !== i) report(at(at('sources', i), 'key'), `source "${s.key}" listed twice`);
    });
  }
  return title && dek && published && updated && sources && method && corrections && credits
    ? { title, dek, published, updated, sources, method, corrections, credits }
    : undefined;
}

function validateFigure(v: unknown, path: string, report: Report, known: readonly SourceKey[], index: ClaimIndex): Figure | undefined {
  const o = record(v, path, report, ['value', 'label', 'who', 'source', 'claims', 'measurement']);
  if (!o) return undefined;
  const value = text(o.value, at(path, 'value'), report);
  const label = text(o.label, at(path, 'label'), report);
  const who = text(o.who, at(path, 'who'), report);
  const source = member(o.source, FIGURE_SOURCES, at(path, 'source'), report, 'figure source');
  if (source === undefined) return undefined;
  if (source === 'measured') {
    if (o.claims !== undefined) report(at(path, 'claims'), 'a measured figure states no claim: name its "measurement" instead');
    const measurement = member(o.measurement, MEASUREMENTS, at(path, 'measurement'), report, 'measurement');
    return value && label && who && measurement && o.claims === undefined ? { value, label, who, source, claims: [], measurement } : undefined;
  }
  if (o.measurement !== undefined) report(at(path, 'measurement'), `only a "measured" figure has a measurement (this one's source is "${source}")`);
  if (!known.includes(source)) {
    report(at(path, 'source'), `source "${source}" is not among the step's sources (${known.join(', ')})`);
    return undefined;
  }
  const claims = claimIds(o.claims, at(path, 'claims'), report, index);
  const foreign = claims?.filter((c) => index.get(c)?.source !== source) ?? [];
  if (foreign.length > 0) report(at(path, 'claims'), `claim "${foreign[0]}" does not come from the figure's source "${source}"`);
  return value && label && who && claims && foreign.length === 0 && o.measurement === undefined ? { value, label, who, source, claims } : undefined;
}

function validateScene(v: unknown, path: string, report: Report): Scene | undefined {
  const o = record(v, path, report, ['camera', 'layers', 'highlight', 'animation']);
  if (!o) return undefined;
  const cam = camera(o.camera, at(path, 'camera'), report);
  const layers = members(o.layers, LAYER_GROUPS, at(path, 'layers'), report, 'layer group');
  const highlight = members(o.highlight, PLACE_IDS, at(path, 'highlight'), report, 'place id');
  const animation = member(o.animation, ANIMATIONS, at(path, 'animation'), report, 'animation');
  if (animation && animation !== 'none' && layers && !layers.includes(ANIMATION_LAYER[animation])) {
    report(at(path, 'animation'), `"${animation}" needs the layer group "${ANIMATION_LAYER[animation]}" in scene.layers`);
    return undefined;
  }
  return cam && layers && highlight && animation ? { camera: cam, layers, highlight, animation } : undefined;
}

const STEP_FIELDS = ['id', 'date', 'when', 'title', 'body', 'figures', 'sources', 'scene', 'alt'] as const;

function validateStep(v: unknown, file: string, report: Report, metaSources: readonly SourceKey[], index: ClaimIndex): Step | undefined {
  const o = record(v, '', report, STEP_FIELDS);
  if (!o) return undefined;
  const id = str(o.id, 'id', report);
  if (id !== undefined && !SLUG.test(id)) report('id', `"${id}" is not a kebab-case slug (a-z, 0-9 and single hyphens)`);
  const base = file.split('/').pop() ?? file;
  if (id !== undefined && SLUG.test(id) && !new RegExp(`^\\d{2}-${id}\\.json$`).test(base)) {
    report('id', `the file of step "${id}" must be named NN-${id}.json, found ${base}`);
  }
  const date = isoDate(o.date, 'date', report, STORY_DAYS);
  const when = o.when === undefined ? undefined : text(o.when, 'when', report);
  const title = text(o.title, 'title', report);
  const body = list(o.body, 'body', report, 1, (x, p) => paragraph(x, p, report, index));
  const sources = members(o.sources, SOURCE_KEYS, 'sources', report, 'source key', 1);
  sources?.forEach((s, i) => {
    if (!metaSources.includes(s)) report(at('sources', i), `source "${s}" is not described in story.json's sources`);
  });
  let figures: Figure[] | undefined;
  if (o.figures !== undefined) {
    figures = list(o.figures, 'figures', report, 1, (x, p) => validateFigure(x, p, report, sources ?? [], index));
  }
  const claims = stepClaims(body ?? [], figures);
  if (body && claims.length === 0) report('body', 'no paragraph states a claim: a step tells something that a source says');
  if (body && sources) {
    const used = [...new Set(claims.map((c) => index.get(c)?.source))];
    for (const s of used) if (s && !sources.includes(s)) report('sources', `claims from "${s}" are cited, but "${s}" is missing from the step's sources`);
    sources.forEach((s, i) => {
      if (!used.includes(s)) report(at('sources', i), `no paragraph or figure of the step cites a claim from "${s}"`);
    });
  }
  const scene = validateScene(o.scene, 'scene', report);
  const alt = text(o.alt, 'alt', report);
  const complete =
    id && date && title && body && claims.length > 0 && sources && scene && alt && (o.when === undefined || when) && (o.figures === undefined || figures);
  if (!complete) return undefined;
  const step: Step = { id, date, title, body, claims, sources, scene, alt };
  if (when) step.when = when;
  if (figures) step.figures = figures;
  return step;
}

/** Label of a step in messages: its id when it is a usable slug, else its position. */
function stepLabel(data: unknown, index: number): string {
  const id = isRecord(data) ? data.id : undefined;
  return typeof id === 'string' && SLUG.test(id) ? `step "${id}"` : `step #${index + 1}`;
}

/**
 * Validates the story: the steps in reading order, story.json, the fact-check log and the glossary, then checks the
 * provenance of every text (./check-provenance.ts). Returns the typed story, or throws a StoryError listing every problem.
 */
export function validateStory(files: StoryFiles): Story {
  const problems: string[] = [];
  const reporter =
    (prefix: string): Report =>
    (path, message) =>
      problems.push(path ? `${prefix} › ${path}: ${message}` : `${prefix}: ${message}`);

  const claims = validateClaims(files.claims.data, reporter(files.claims.file));
  const glossary = validateGlossary(files.glossary.data, reporter(files.glossary.file));
  const index: ClaimIndex = new Map((claims ?? []).map((c) => [c.id, c]));

  const metaReport = reporter(files.meta.file);
  noLinks(files.meta.data, '', metaReport);
  const meta = validateMeta(files.meta.data, metaReport, index);
  const metaSources: SourceKey[] = meta ? meta.sources.map((s) => s.key) : [...SOURCE_KEYS];

  if (files.steps.length === 0) problems.push('src/story/content/steps: no step files found');
  const steps: Step[] = [];
  const reports: Report[] = [];
  const seen = new Map<string, string>();
  let previous: Step | undefined;
  files.steps.forEach(({ file, data }, i) => {
    const report = reporter(`${file} › ${stepLabel(data, i)}`);
    noLinks(data, '', report);
    const step = validateStep(data, file, report, metaSources, index);
    const id = isRecord(data) && typeof data.id === 'string' ? data.id : undefined;
    if (id !== undefined) {
      const other = seen.get(id);
      if (other !== undefined) report('id', `duplicate id "${id}", also used by ${other}`);
      else seen.set(id, file);
    }
    if (!step) return;
    if (previous && step.date < previous.date) {
      report('date', `${step.date} comes before the previous step's date ${previous.date}; steps are in date order`);
    }
    const dated = step.claims.flatMap((c) => index.get(c)?.date ?? []).sort();
    const latest = dated.at(-1);
    if (latest !== undefined && latest !== step.date) report('date', `${step.date} is not the date of the step's latest dated claim (${latest})`);
    previous = step;
    steps.push(step);
    reports.push(report);
  });

  if (claims) {
    const cited = new Set([...steps.flatMap((s) => s.claims), ...(meta?.method.flatMap((p) => p.claims) ?? [])]);
    const unused = claims.filter((c) => !cited.has(c.id)).map((c) => c.id);
    if (unused.length > 0 && problems.length === 0) reporter(files.claims.file)('', `claims no text cites: ${unused.join(', ')}`);
  }
  if (problems.length === 0 && meta && claims && glossary) {
    checkProvenance(
      { meta, steps, claims },
      { glossary, measurements: files.measurements.data },
      {
        meta: metaReport,
        step: (i) => reports[i] ?? metaReport,
        file: reporter(files.measurements.file),
      },
    );
  }
  if (problems.length > 0 || !meta || !claims) throw new StoryError(problems.length > 0 ? problems : [`${files.meta.file}: invalid`]);
  return { meta, steps, claims };
}

/**
 * Validates the story's JSON content into typed values, by hand, field by field.
 * Every problem is collected and reported with its file, step and field path, e.g.
 * `src/story/content/steps/03-ceasefire.json › step "ceasefire" › title.ar: missing Arabic text`.
 */
import { claimById } from './claims.ts';
import type { Figure, Scene, Source, SourceKey, Step, Story, StoryMeta } from './types.ts';
import { ANIMATIONS, LAYER_GROUPS, PLACE_IDS, SOURCE_KEYS } from './types.ts';
import {
  at,
  camera,
  isoDate,
  isoDateTime,
  isRecord,
  list,
  member,
  members,
  noLinks,
  record,
  str,
  text,
  type Report,
} from './validate-fields.ts';

/** One content file: its path relative to the repository root, and its parsed JSON. */
export interface ContentFile {
  file: string;
  data: unknown;
}

/** The story's days: every step is dated within them. */
export const STORY_DAYS: [string, string] = ['2026-01-19', '2026-01-20'];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Which layer group an animation draws: a scene animating it must show it. */
const ANIMATION_LAYER = { 'draw-trench': 'trench', 'draw-convoys': 'convoys', 'draw-transfer': 'transfer' } as const;

export class StoryError extends Error {
  /** Every problem found, one line each. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      problems.length === 1
        ? (problems[0] ?? '')
        : `${problems.length} problems in the story content:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
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

function validateMeta(v: unknown, report: Report): StoryMeta | undefined {
  const o = record(v, '', report, ['title', 'dek', 'updated', 'sources', 'method', 'credits']);
  if (!o) return undefined;
  const title = text(o.title, 'title', report);
  const dek = text(o.dek, 'dek', report);
  const updated = isoDateTime(o.updated, 'updated', report);
  const sources = list(o.sources, 'sources', report, 1, (x, p) => validateSource(x, p, report));
  const method = list(o.method, 'method', report, 1, (x, p) => text(x, p, report));
  const credits = list(o.credits, 'credits', report, 1, (x, p) => text(x, p, report));
  if (sources) {
    sources.forEach((s, i) => {
      if (sources.findIndex((t) => t.key === s.key) !== i) report(at(at('sources', i), 'key'), `source "${s.key}" listed twice`);
    });
  }
  return title && dek && updated && sources && method && credits
    ? { title, dek, updated, sources, method, credits }
    : undefined;
}

function validateFigure(v: unknown, path: string, report: Report, known: readonly SourceKey[]): Figure | undefined {
  const o = record(v, path, report, ['value', 'label', 'who', 'source']);
  if (!o) return undefined;
  const value = text(o.value, at(path, 'value'), report);
  const label = text(o.label, at(path, 'label'), report);
  const who = text(o.who, at(path, 'who'), report);
  let source = member(o.source, SOURCE_KEYS, at(path, 'source'), report, 'source key');
  if (source && !known.includes(source)) {
    report(at(path, 'source'), `source "${source}" is not among the step's sources (${known.join(', ')})`);
    source = undefined;
  }
  return value && label && who && source ? { value, label, who, source } : undefined;
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

const STEP_FIELDS = ['id', 'date', 'when', 'title', 'body', 'figures', 'claims', 'sources', 'scene', 'alt'] as const;

function validateStep(v: unknown, file: string, report: Report, metaSources: readonly SourceKey[]): Step | undefined {
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
  const body = list(o.body, 'body', report, 1, (x, p) => text(x, p, report));
  const sources = members(o.sources, SOURCE_KEYS, 'sources', report, 'source key', 1);
  sources?.forEach((s, i) => {
    if (!metaSources.includes(s)) report(at('sources', i), `source "${s}" is not described in story.json's sources`);
  });
  const claims = list(o.claims, 'claims', report, 1, (x, p) => {
    const c = str(x, p, report);
    const info = c === undefined ? undefined : claimById(c);
    if (c !== undefined && !info) report(p, `unknown claim id "${c}" (see src/story/claims.ts)`);
    const missing = info && sources ? info.sources.filter((s) => !sources.includes(s)) : [];
    if (missing.length > 0) report(p, `claim "${c}" comes from ${missing.join(', ')}, which is missing from the step's sources`);
    return info && missing.length === 0 ? info.id : undefined;
  });
  if (claims && new Set(claims).size !== claims.length) report('claims', 'a claim id is listed twice');
  let figures: Figure[] | undefined;
  if (o.figures !== undefined) {
    figures = list(o.figures, 'figures', report, 1, (x, p) => validateFigure(x, p, report, sources ?? []));
    if (figures && !figures.some((f) => f.who.en.trim() && f.who.ar.trim())) {
      report('figures', 'at least one figure must say who gave it');
    }
  }
  const scene = validateScene(o.scene, 'scene', report);
  const alt = text(o.alt, 'alt', report);
  const complete =
    id && date && title && body && claims && sources && scene && alt && (o.when === undefined || when) && (o.figures === undefined || figures);
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
 * Validates the story: `files` are the step files in reading order, `metaFile` is story.json.
 * Returns the typed story, or throws a StoryError listing every problem.
 */
export function validateStory(files: readonly ContentFile[], metaFile: ContentFile): Story {
  const problems: string[] = [];
  const reporter =
    (prefix: string): Report =>
    (path, message) =>
      problems.push(`${prefix} › ${path}: ${message}`);

  const metaReport = reporter(metaFile.file);
  noLinks(metaFile.data, '', metaReport);
  const meta = validateMeta(metaFile.data, metaReport);
  const metaSources: SourceKey[] = meta ? meta.sources.map((s) => s.key) : [...SOURCE_KEYS];

  if (files.length === 0) problems.push('src/story/content/steps: no step files found');
  const steps: Step[] = [];
  const seen = new Map<string, string>();
  let previous: Step | undefined;
  files.forEach(({ file, data }, index) => {
    const report = reporter(`${file} › ${stepLabel(data, index)}`);
    noLinks(data, '', report);
    const step = validateStep(data, file, report, metaSources);
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
    previous = step;
    steps.push(step);
  });

  if (problems.length > 0 || !meta) throw new StoryError(problems.length > 0 ? problems : [`${metaFile.file}: invalid`]);
  return { meta, steps };
}

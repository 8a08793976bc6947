/** Types of the story's content. The JSON files in ./content are validated into these by ./validate.ts. */

export const LANGS = ['en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every language of the story. */
export type Text = Record<Lang, string>;

export const PLACE_IDS = ['shaddadi', 'al-hol', 'hasakah', 'raqqa', 'deir-ezzor', 'mosul', 'mosul-desert'] as const;
export type PlaceId = (typeof PLACE_IDS)[number];

/**
 * Layer groups a scene can show, and the drawing animations, as the map's layer index lists them
 * (src/map/layers/index.ts). Countries, the Syria–Iraq border and the rivers are always drawn.
 */
export { LAYER_GROUPS, ANIMATIONS, type LayerGroup } from '../map/layers/index.ts';
import type { DrawingAnimation, LayerGroup } from '../map/layers/index.ts';
export type Animation = 'none' | DrawingAnimation;

export const SOURCE_KEYS = ['national', 'syriantv'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** Where a figure comes from: one of the reports, or the story's own measurement of the map data (see the method note). */
export const FIGURE_SOURCES = [...SOURCE_KEYS, 'measured'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

/** Measurements of the map data that the story may state (keys of public/data/measurements.json). */
export const MEASUREMENTS = ['border_km'] as const;
export type MeasurementKey = (typeof MEASUREMENTS)[number];

/**
 * One entry of the story's fact-check log (./content/claims.json): who said what, when, in which report, and the
 * exact passages of that report that back it.
 */
export interface Claim {
  id: string;
  /** The claim in brief, for editors (required in claims.json; the page drops it when it reads the log). */
  summary?: string;
  /** Who made the claim ("report" claims name the outlet). */
  who: Text;
  /** ISO date when the claim was made or reported; null when the report gives no day. */
  date: string | null;
  /** Part of day, as the report gives it. */
  when?: Text;
  source: SourceKey;
  /** Passages of the report, word for word, that support the claim. */
  passages: string[];
  /** Background: history outside the story's two days. */
  background?: boolean;
  /** Numbers the story derives from a passage, with how ("2025": "“last year”, in a report of January 2026"). */
  derived?: Record<string, string>;
}

/** What a paragraph that states no claim is. */
export const EDITORIAL_KINDS = ['orientation', 'method'] as const;
export type EditorialKind = (typeof EDITORIAL_KINDS)[number];

/**
 * A paragraph of body text, with the claims it states. A paragraph that states none says what it is instead
 * (`editorial`), and then has no claims.
 */
export interface Paragraph extends Text {
  claims: string[];
  editorial?: EditorialKind;
}

/** How the camera frames a scene: a union handled by an exhaustive switch, never a string lookup. */
export type Camera = { kind: 'fit'; places: PlaceId[]; maxZoom?: number } | { kind: 'view'; center: [number, number]; zoom: number };

export interface Scene {
  camera: Camera;
  /** Layer groups visible in this scene; all others are hidden. */
  layers: LayerGroup[];
  /** Places drawn emphasised, with their labels. */
  highlight: PlaceId[];
  animation: Animation;
}

/** A disputed or key figure, always shown with who gave it. */
export interface Figure {
  value: Text;
  label: Text;
  who: Text;
  source: FigureSource;
  /** Claims the figure states; empty for a measured figure, which names its `measurement` instead. */
  claims: string[];
  measurement?: MeasurementKey;
}

export interface Step {
  /** Stable, readable slug used in #deep-links and host messages. */
  id: string;
  /** ISO date (YYYY-MM-DD) when the claims were made or reported. */
  date: string;
  /** Optional time of day or part of day, already worded for each language ("late Monday"). */
  when?: Text;
  title: Text;
  /** Paragraphs. `[[ar:…]]` marks an Arabic name inside English text. */
  body: Paragraph[];
  /** Figures shown side by side (disputed counts), each attributed. */
  figures?: Figure[];
  /** Claim ids the step states: those of its paragraphs and figures, in order of first mention (derived). */
  claims: string[];
  sources: SourceKey[];
  scene: Scene;
  /** What the map shows, in words: the map's accessible description and the static image's alt text. */
  alt: Text;
}

export interface Source {
  key: SourceKey;
  name: Text;
  title: Text;
  /** ISO date-time of the report (or its last update); without an offset when the report gives no time zone. */
  date: string;
}

/** One entry of the corrections log. */
export interface Correction {
  /** ISO date-time of the correction. */
  date: string;
  text: Text;
}

export interface StoryMeta {
  title: Text;
  dek: Text;
  /** ISO date-time of the story's first publication. */
  published: string;
  /** ISO date-time of the story's last update. */
  updated: string;
  sources: Source[];
  method: Paragraph[];
  /** Corrections and updates, oldest first; empty when there are none. */
  corrections: Correction[];
  credits: Text[];
}

export interface Story {
  meta: StoryMeta;
  steps: Step[];
  /** The fact-check log: every claim the steps cite. */
  claims: Claim[];
}

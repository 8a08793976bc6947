/** Types of the story's content. The JSON files in ./content are validated into these by ./validate.ts. */

export const LANGS = ['en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every language of the story. */
export type Text = Record<Lang, string>;

export const PLACE_IDS = ['shaddadi', 'al-hol', 'hasakah', 'raqqa', 'deir-ezzor', 'mosul', 'mosul-desert'] as const;
export type PlaceId = (typeof PLACE_IDS)[number];

/** Layer groups a scene can show. Countries, the Syria–Iraq border and the rivers are always drawn. */
export const LAYER_GROUPS = ['places', 'trench', 'convoys', 'transfer', 'mosul-desert', 'iraq-focus'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const ANIMATIONS = ['none', 'draw-trench', 'draw-convoys', 'draw-transfer'] as const;
export type Animation = (typeof ANIMATIONS)[number];

export const SOURCE_KEYS = ['national', 'syriantv'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** How the camera frames a scene: a union handled by an exhaustive switch, never a string lookup. */
export type Camera =
  | { kind: 'fit'; places: PlaceId[]; maxZoom?: number }
  | { kind: 'view'; center: [number, number]; zoom: number };

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
  source: SourceKey;
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
  body: Text[];
  /** Figures shown side by side (disputed counts), each attributed. */
  figures?: Figure[];
  /** Claim ids of FACTS.md that this step states. */
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
  /** ISO date-time of the report (or its last update). */
  date: string;
}

export interface StoryMeta {
  title: Text;
  dek: Text;
  /** ISO date-time of the story's last update. */
  updated: string;
  sources: Source[];
  method: Text[];
  credits: Text[];
}

export interface Story {
  meta: StoryMeta;
  steps: Step[];
}

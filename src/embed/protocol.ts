/**
 * The message protocol between the embedded story (an iframe) and the page that hosts it, written once:
 * the message types and their strict validation. Messages are plain objects whose `type` starts with `map-story:`.
 *
 * Story → host: `map-story:ready`, `map-story:step` (on every change of step or language, and in answer to every
 * accepted command), `map-story:height` (whenever the content's height changes).
 * Host → story: `map-story:goto`, `map-story:lang`.
 *
 * A message that is not exactly one of these shapes (a missing, extra or mistyped field, an unknown language, an
 * id that is not a short slug) is not a message of this protocol: readers return `null` and callers ignore it.
 */
import { LANGS, type Lang } from '../story/types.ts';

export const PREFIX = 'map-story:';

/** Story → host, once the story is drawn and listening: the step ids in order, the active step and language. */
export interface ReadyMessage {
  type: 'map-story:ready';
  steps: string[];
  step: string;
  lang: Lang;
}

/** Story → host, on every change of step or language and in answer to every accepted command. */
export interface StepMessage {
  type: 'map-story:step';
  id: string;
  index: number;
  total: number;
  lang: Lang;
}

/** Story → host, whenever the height of the story's content changes (CSS pixels, a whole number). */
export interface HeightMessage {
  type: 'map-story:height';
  height: number;
}

/** Host → story: show this step. */
export interface GotoMessage {
  type: 'map-story:goto';
  id: string;
}

/** Host → story: switch to this language. */
export interface LangMessage {
  type: 'map-story:lang';
  lang: Lang;
}

export type StoryMessage = ReadyMessage | StepMessage | HeightMessage;
export type HostMessage = GotoMessage | LangMessage;

/** Step ids are readable slugs: lower-case letters and digits in words joined by single hyphens. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 80;
const MAX_STEPS = 200;
/** Heights outside this range are not a story's content height. */
export const MAX_HEIGHT = 20_000;

type Fields = Record<string, unknown>;

/** A plain object (not an array, a class instance or a function) with exactly the given keys. */
function shape(data: unknown, keys: readonly string[]): Fields | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto !== Object.prototype && proto !== null) return null;
  const own = Object.keys(data);
  if (own.length !== keys.length || !keys.every((k) => Object.prototype.hasOwnProperty.call(data, k))) return null;
  if (Object.getOwnPropertySymbols(data).length > 0) return null;
  return data as Fields;
}

function typeOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !Object.prototype.hasOwnProperty.call(data, 'type')) return null;
  const type: unknown = (data as Fields)['type'];
  return typeof type === 'string' && type.startsWith(PREFIX) ? type : null;
}

export function isStepId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID.test(value);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/** A command from the host page, or null for anything that is not exactly one. */
export function readHostMessage(data: unknown): HostMessage | null {
  switch (typeOf(data)) {
    case 'map-story:goto': {
      const m = shape(data, ['type', 'id']);
      return m && isStepId(m['id']) ? { type: 'map-story:goto', id: m['id'] } : null;
    }
    case 'map-story:lang': {
      const m = shape(data, ['type', 'lang']);
      return m && isLang(m['lang']) ? { type: 'map-story:lang', lang: m['lang'] } : null;
    }
    default:
      return null;
  }
}

/** A message from the story, or null for anything that is not exactly one (for host pages and tests). */
export function readStoryMessage(data: unknown): StoryMessage | null {
  switch (typeOf(data)) {
    case 'map-story:ready': {
      const m = shape(data, ['type', 'steps', 'step', 'lang']);
      if (!m) return null;
      const steps = m['steps'];
      if (!Array.isArray(steps) || steps.length === 0 || steps.length > MAX_STEPS || !steps.every(isStepId)) return null;
      const step = m['step'];
      const lang = m['lang'];
      return isStepId(step) && steps.includes(step) && isLang(lang) ? { type: 'map-story:ready', steps: [...steps], step, lang } : null;
    }
    case 'map-story:step': {
      const m = shape(data, ['type', 'id', 'index', 'total', 'lang']);
      if (!m) return null;
      const { id, index, total, lang } = m;
      if (!isStepId(id) || !isCount(total, MAX_STEPS) || !isCount(index, MAX_STEPS) || index >= total || !isLang(lang)) return null;
      return { type: 'map-story:step', id, index, total, lang };
    }
    case 'map-story:height': {
      const m = shape(data, ['type', 'height']);
      return m && isCount(m['height'], MAX_HEIGHT) ? { type: 'map-story:height', height: m['height'] } : null;
    }
    default:
      return null;
  }
}

/**
 * The host origins allowed to talk to the story, from a comma-separated list (the build-time `VITE_HOST_ORIGINS`).
 * Each entry must be an http(s) origin (scheme, host and optional port); anything else is dropped.
 * An empty result means "any parent page".
 */
export function parseOrigins(list: string | undefined): string[] {
  if (!list) return [];
  const origins: string[] = [];
  for (const entry of list.split(',')) {
    const text = entry.trim();
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (url.pathname !== '/' || text.includes('?') || text.includes('#') || url.username || url.password) continue;
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}

/** Whether a message from this origin may be accepted: every origin is when no allow-list is set. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.length === 0 || allowed.includes(origin);
}

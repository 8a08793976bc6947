import { LANGS, type Lang } from '../story/types.ts';

export interface UrlState {
  lang: Lang;
  embed: boolean;
  /** Index of the step named by the #hash, or -1 when none or unknown. */
  stepIndex: number;
}

const MAX_ID_LENGTH = 80;

function isLang(value: string | null): value is Lang {
  return value !== null && (LANGS as readonly string[]).includes(value);
}

/**
 * Reads ?lang, ?embed and #step-id; anything unknown, malformed or oversized falls back to the defaults. Without
 * ?lang the language is the page's own edition (`fallback`).
 */
export function readUrl(href: string, stepIds: readonly string[], fallback: Lang = 'en'): UrlState {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { lang: fallback, embed: false, stepIndex: -1 };
  }
  const lang = url.searchParams.get('lang');
  const embed = url.searchParams.get('embed');
  let id = '';
  try {
    id = decodeURIComponent(url.hash.slice(1));
  } catch {
    id = '';
  }
  return {
    lang: isLang(lang) ? lang : fallback,
    embed: embed === '1' || embed === 'true',
    stepIndex: id.length > 0 && id.length <= MAX_ID_LENGTH ? stepIds.indexOf(id) : -1,
  };
}

/** The same page with the given language and step, other parameters kept. */
export function withState(href: string, state: { lang?: Lang; stepId?: string; embed?: boolean }): string {
  const url = new URL(href);
  if (state.lang) url.searchParams.set('lang', state.lang);
  if (state.embed === false) url.searchParams.delete('embed');
  if (state.embed === true) url.searchParams.set('embed', '1');
  if (state.stepId !== undefined) url.hash = state.stepId;
  return url.href;
}

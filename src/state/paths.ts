/**
 * Where each page of the published story lives, from the site root: the English edition at the root, the Arabic
 * edition in ar/, and a small page per step and language to share (s/<step>.html, ar/s/<step>.html), which carries
 * that step's link preview and leads on to the story at that step. Used by the build and by the share dialog.
 */
import type { Lang } from '../story/types.ts';

export function editionPath(lang: Lang): string {
  return lang === 'en' ? '' : `${lang}/`;
}

export function stepPagePath(lang: Lang, stepId: string): string {
  return `${editionPath(lang)}s/${encodeURIComponent(stepId)}.html`;
}

import type { Lang, StoryMeta } from './types.ts';
import { formatDateTime } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';

/** "Published 20 January 2026, 18:00 UTC · Updated …": when the story first went out and when it last changed. */
export function publicationLine(lang: Lang, meta: Pick<StoryMeta, 'published' | 'updated'>): string {
  const published = t(lang, 'published', { date: formatDateTime(lang, meta.published) });
  const updated = t(lang, 'updated', { date: formatDateTime(lang, meta.updated) });
  return `${published} · ${updated}`;
}

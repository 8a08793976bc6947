import type { Lang } from '../story/types.ts';
import { t } from './strings.ts';

/**
 * Numbers and dates go through Intl, the same way everywhere. Both editions use Western digits (0–9):
 * Arabic-language newsrooms across the region print them, and figures then read the same in both editions.
 */
const LOCALES: Record<Lang, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };

export function locale(lang: Lang): string {
  return LOCALES[lang];
}

export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
}

/** "19 January 2026" / "19 يناير 2026", from an ISO date (YYYY-MM-DD). */
export function formatDate(lang: Lang, isoDate: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

/** Date and time of an ISO date-time, in UTC, for the "updated" line. */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/**
 * A report's own date, as the report gives it: a day; a day and time with its zone; or a day and time whose zone the
 * report does not give, which is said ("20 January 2026, 10:36, time zone not given").
 */
export function formatSourceDate(lang: Lang, iso: string): string {
  if (iso.length <= 10) return formatDate(lang, iso);
  if (/(Z|[+-]\d\d:\d\d)$/.test(iso)) return formatDateTime(lang, iso);
  const comma = lang === 'ar' ? '، ' : ', ';
  return [formatDate(lang, iso), iso.slice(11, 16), t(lang, 'noZone')].join(comma);
}

export function formatKm(lang: Lang, km: number): string {
  return `${formatNumber(lang, km)} ${lang === 'ar' ? 'كم' : 'km'}`;
}

/**
 * What a reader sees behind a paragraph's "Source" control: for each claim the paragraph states, who made it, when,
 * in which report (with the report's own date and time zone), and the passages of that report that back it.
 * Pure data, so the live page, the page without script and the printed notes all show the same words.
 */
import type { Claim, Lang, Source } from './types.ts';
import { formatDate, formatSourceDate } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';

export interface SourceNote {
  id: string;
  /** Who made the claim. */
  who: string;
  /** When it was made: a date, with the part of day where the report gives one, or "no day given". */
  said: string;
  /** ISO date of the claim, for <time>; absent when the report gives no day. */
  saidIso?: string;
  /** The report: its name and its own publication date, time zone included or said to be missing. */
  outlet: string;
  /** The passages, word for word, in the report's language (English). */
  passages: string[];
}

/** The notes for a list of claim ids, in order; unknown ids are skipped (the build has already refused them). */
export function sourceNotes(ids: readonly string[], claims: readonly Claim[], sources: readonly Source[], lang: Lang): SourceNote[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const notes: SourceNote[] = [];
  for (const id of ids) {
    const claim = byId.get(id);
    if (!claim) continue;
    const source = sources.find((s) => s.key === claim.source);
    const day = claim.date ? formatDate(lang, claim.date) : t(lang, 'noDay');
    const said = claim.date && claim.when ? `${day} (${claim.when[lang]})` : day;
    const comma = lang === 'ar' ? '، ' : ', ';
    const outlet = source ? `${source.name[lang]}${comma}${formatSourceDate(lang, source.date)}` : claim.source;
    const note: SourceNote = { id, who: claim.who[lang], said, outlet, passages: claim.passages };
    if (claim.date) note.saidIso = claim.date;
    notes.push(note);
  }
  return notes;
}

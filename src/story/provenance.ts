/**
 * The text checks behind the story's fact-check log: which numbers a text states, whether an English text copies a
 * run of words from a source passage, and whether an Arabic text uses a variant that the glossary forbids.
 * Pure functions on strings, shared by the build's content check and the tests.
 */
import { plainText } from './inline.ts';

/** Shortest run of words, outside quotation marks, that counts as copying. */
export const COPY_RUN = 8;

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Western digits for Arabic-Indic and Persian ones, so that "٧٠٠٠" and "7000" are the same number. */
function westernDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10));
}

const TIME = /\b(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?/gi;
const NUMBER = /\d+(?:[,\u066C]\d{3})*(?:[.\u066B]\d+)?/g;

/**
 * The numbers a text states, normalised: "1,500" → "1500", "599.4" → "599.4", and a clock time as "HH:MM" on a
 * 24-hour clock ("8:00 p.m." → "20:00"). "19–20" gives "19" and "20".
 */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  const rest = westernDigits(text).replace(TIME, (_, h: string, m: string, half: string | undefined) => {
    let hour = Number(h);
    if (half?.toLowerCase() === 'p' && hour < 12) hour += 12;
    if (half?.toLowerCase() === 'a' && hour === 12) hour = 0;
    out.push(`${String(hour).padStart(2, '0')}:${m}`);
    return ' ';
  });
  for (const m of rest.matchAll(NUMBER)) out.push(m[0].replace(/[,\u066C]/g, '').replace('\u066B', '.'));
  return out;
}

/** Quoted spans: “…”, "…" and «…». Text inside them may repeat a source word for word. */
const QUOTED = /“[^”]*”|"[^"]*"|«[^»]*»/g;

/** Lower-case words (letters and digits), with apostrophes dropped and numbers' thousands separators removed. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’‘]/g, '')
      .replace(/(\d),(\d{3})/g, '$1$2')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Runs of words of a text outside quotation marks: a quote breaks a run. */
function unquotedRuns(text: string): string[][] {
  return plainText(text)
    .split(QUOTED)
    .map(words)
    .filter((run) => run.length > 0);
}

/** Every run of `n` consecutive words of `source`, as keys. */
function ngrams(source: string, n: number): Set<string> {
  const w = words(source);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i += 1) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/**
 * The longest run of `n` or more words that `text` (outside its quotation marks) shares with one of `sources`, or
 * null when there is none.
 */
export function copiedRun(text: string, sources: readonly string[], n = COPY_RUN): string | null {
  const grams = new Set<string>();
  for (const s of sources) for (const g of ngrams(s, n)) grams.add(g);
  let longest: string[] = [];
  for (const run of unquotedRuns(text)) {
    let i = 0;
    while (i + n <= run.length) {
      if (!grams.has(run.slice(i, i + n).join(' '))) {
        i += 1;
        continue;
      }
      let end = i + n;
      while (end < run.length && grams.has(run.slice(end - n + 1, end + 1).join(' '))) end += 1;
      if (end - i > longest.length) longest = run.slice(i, end);
      i = end;
    }
  }
  return longest.length > 0 ? longest.join(' ') : null;
}

/** One glossary entry: the English term, the one Arabic term for it, and the variants that are not used. */
export interface GlossaryEntry {
  en: string;
  ar: string;
  banned: string[];
}

const TASHKEEL = /[\u064B-\u0652\u0670\u0640]/g;
const normaliseArabic = (s: string): string => s.replace(TASHKEEL, '');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first banned variant in an Arabic text, with its entry, or null. A variant matches at the start of a word, after
 * at most two one-letter proclitics (و، ف، ب، ل، ك), and ignoring short vowels and tatweel.
 */
export function bannedVariant(text: string, glossary: readonly GlossaryEntry[]): { variant: string; entry: GlossaryEntry } | null {
  const plain = normaliseArabic(text);
  for (const entry of glossary) {
    for (const variant of entry.banned) {
      const re = new RegExp(`(?<![\\p{L}])[وفبلك]{0,2}${escapeRegExp(normaliseArabic(variant))}`, 'u');
      if (re.test(plain)) return { variant, entry };
    }
  }
  return null;
}

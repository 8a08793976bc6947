/** Inline markup of the story's texts: `[[ar:…]]` marks an Arabic name inside English text. */

export interface InlineSegment {
  text: string;
  lang?: 'ar';
}

const MARKER = /\[\[ar:([^[\]]+)\]\]/g;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Splits a text into plain runs and Arabic runs. Malformed markers are left as plain text. */
export function parseInline(text: string): InlineSegment[] {
  const out: InlineSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const start = m.index;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: m[1] ?? '', lang: 'ar' });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Text without markup: markers replaced by their content (for alt texts, titles and search). */
export function plainText(text: string): string {
  return parseInline(text)
    .map((s) => s.text)
    .join('');
}

/** Why the markup of a text is malformed, or null when it is well formed. */
export function markerProblem(text: string): string | null {
  for (const m of text.matchAll(MARKER)) {
    const inner = m[1] ?? '';
    if (inner.trim() !== inner || inner === '') return `malformed [[ar:…]] marker "${m[0]}": no spaces at its ends`;
    if (!ARABIC.test(inner)) return `malformed [[ar:…]] marker "${m[0]}": it must contain Arabic script`;
  }
  const rest = text.replace(MARKER, '');
  if (rest.includes('[[') || rest.includes(']]')) {
    const at = Math.max(rest.indexOf('[['), 0);
    return `malformed [[ar:…]] marker near "${rest.slice(at, at + 24)}": write [[ar:Arabic name]]`;
  }
  return null;
}

/** The claims a step states: those of its paragraphs, then of its figures, in order of first mention. */
export function stepClaims(body: readonly { claims: readonly string[] }[], figures: readonly { claims: readonly string[] }[] = []): string[] {
  return [...new Set([...body.flatMap((p) => p.claims), ...figures.flatMap((f) => f.claims)])];
}

/**
 * Validates the fact-check log (./content/claims.json) and the Arabic glossary (./content/glossary.json), field by
 * field, in the same way as ./validate.ts validates the steps.
 */
import type { GlossaryEntry } from './provenance.ts';
import type { Claim } from './types.ts';
import { SOURCE_KEYS } from './types.ts';
import { at, isoDate, isRecord, list, member, record, str, text, type Report } from './validate-fields.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CLAIM_FIELDS = ['id', 'summary', 'who', 'date', 'when', 'source', 'passages', 'background', 'derived'] as const;

function validateClaim(v: unknown, path: string, report: Report): Claim | undefined {
  const o = record(v, path, report, CLAIM_FIELDS);
  if (!o) return undefined;
  const id = str(o.id, at(path, 'id'), report);
  if (id !== undefined && !SLUG.test(id)) report(at(path, 'id'), `"${id}" is not a kebab-case slug`);
  const summary = str(o.summary, at(path, 'summary'), report);
  const who = text(o.who, at(path, 'who'), report);
  let date: string | null | undefined = null;
  if (o.date !== null) date = isoDate(o.date, at(path, 'date'), report);
  const when = o.when === undefined ? undefined : text(o.when, at(path, 'when'), report);
  const source = member(o.source, SOURCE_KEYS, at(path, 'source'), report, 'source key');
  const passages = list(o.passages, at(path, 'passages'), report, 1, (x, p) => str(x, p, report));
  let background: boolean | undefined;
  if (o.background !== undefined) {
    if (typeof o.background === 'boolean') background = o.background;
    else report(at(path, 'background'), 'expected true or false');
  }
  let derived: Record<string, string> | undefined;
  if (o.derived !== undefined) {
    if (!isRecord(o.derived)) report(at(path, 'derived'), 'expected an object { "number": "how it follows from a passage" }');
    else {
      derived = {};
      for (const [n, how] of Object.entries(o.derived)) {
        if (!/^\d+(\.\d+)?$/.test(n)) report(at(at(path, 'derived'), n), 'a derived number is written in digits only');
        const h = str(how, at(at(path, 'derived'), n), report);
        if (h) derived[n] = h;
      }
    }
  }
  const ok = id && summary && who && source && passages && (o.when === undefined || when);
  if (!ok || date === undefined) return undefined;
  const claim: Claim = { id, summary, who, date, source, passages };
  if (when) claim.when = when;
  if (background) claim.background = true;
  if (derived) claim.derived = derived;
  return claim;
}

/** The claims of the fact-check log, or undefined after reporting every problem. */
export function validateClaims(v: unknown, report: Report): Claim[] | undefined {
  const claims = list(v, '', report, 1, (x, p) => validateClaim(x, p, report));
  if (!claims) return undefined;
  const seen = new Set<string>();
  claims.forEach((c, i) => {
    if (seen.has(c.id)) report(at(at('', i), 'id'), `claim id "${c.id}" is used twice`);
    seen.add(c.id);
  });
  return claims;
}

/** The glossary: for each English term, the one Arabic term and the variants it replaces. */
export function validateGlossary(v: unknown, report: Report): GlossaryEntry[] | undefined {
  return list(v, '', report, 1, (x, p) => {
    const o = record(x, p, report, ['en', 'ar', 'banned']);
    if (!o) return undefined;
    const en = str(o.en, at(p, 'en'), report);
    const ar = str(o.ar, at(p, 'ar'), report);
    const banned = list(o.banned, at(p, 'banned'), report, 1, (y, q) => str(y, q, report));
    if (ar && banned?.some((b) => ar.includes(b))) report(at(p, 'banned'), `a banned variant is part of the term itself ("${ar}")`);
    return en && ar && banned ? { en, ar, banned } : undefined;
  });
}

import type { Claim } from './types.ts';

/** Fields of the fact-check log that only editors and the build read: the page does not ship them. */
export const EDITOR_ONLY = ['summary', 'derived'] as const;

/** A claim as the page ships it: without the editors' summary and the build's notes on derived numbers. */
export function forReaders(claim: Claim): Claim {
  const out: Claim = { ...claim };
  for (const key of EDITOR_ONLY) delete out[key];
  return out;
}

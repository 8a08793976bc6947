import type { Claim } from './types.ts';

/** A claim as the page ships it: without the editors' summary and the build's notes on derived numbers. */
export function forReaders(claim: Claim): Claim {
  const shipped: Claim = { id: claim.id, who: claim.who, date: claim.date, source: claim.source, passages: claim.passages };
  if (claim.when) shipped.when = claim.when;
  if (claim.background) shipped.background = claim.background;
  return shipped;
}

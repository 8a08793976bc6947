import claimsUrl from './content/claims.json?url';
import type { Claim } from './types.ts';
import { forReaders } from './reader-claims.ts';

/**
 * The fact-check log, for the paragraphs' Source controls: fetched as a data file, so it counts against the data
 * budget, not the JavaScript one, and the page's code does not carry it. The build has already checked it.
 */
export async function fetchClaims(): Promise<Claim[]> {
  const response = await fetch(claimsUrl);
  if (!response.ok) throw new Error(`claims: HTTP ${response.status}`);
  return ((await response.json()) as Claim[]).map(forReaders);
}

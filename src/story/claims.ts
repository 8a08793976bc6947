/**
 * The claims the story may state, with who made them and when (a copy of the fact sheet's claims table,
 * kept in the repository so that the story's checks do not depend on files outside it).
 * Steps list the ids of the claims they state; tests check that every claim is used and every id exists.
 */
import type { SourceKey } from './types.ts';

export interface ClaimInfo {
  readonly id: string;
  /** The claim in brief. */
  readonly claim: string;
  readonly who: string;
  /** ISO date when the claim was made or reported; null when the sources give none. */
  readonly date: string | null;
  /** Part of day, when the sources give one. */
  readonly when?: string;
  readonly sources: readonly SourceKey[];
}

export const CLAIMS = [
  {
    id: 'shaddadi-escape-gov',
    claim: 'About 120 ISIS inmates escaped from Shaddadi prison after heavy clashes between the army and the SDF.',
    who: "Syria's Interior Ministry",
    date: '2026-01-20',
    sources: ['national'],
  },
  {
    id: 'shaddadi-recaptured',
    claim: '81 escapees recaptured around Shaddadi; army units and special forces entered the town; the search goes on.',
    who: "Syria's Interior Ministry",
    date: '2026-01-20',
    sources: ['national'],
  },
  {
    id: 'shaddadi-escape-sdf',
    claim: 'More than 1,500 prisoners escaped.',
    who: 'SDF spokesman Farhad Shami, to Rudaw',
    date: '2026-01-20',
    sources: ['national'],
  },
  {
    id: 'shaddadi-blame',
    claim: 'Each side blames the other; the prison had been under SDF control.',
    who: 'both sides',
    date: '2026-01-20',
    sources: ['national'],
  },
  {
    id: 'sdf-prisons',
    claim: 'Prisons and camps holding suspected ISIS members and their families had been under SDF control.',
    who: 'The National (report)',
    date: null,
    sources: ['national'],
  },
  {
    id: 'alhol-attempt',
    claim: 'The Kurdish administration announced an escape attempt at Al-Hol; the Information Ministry called it misleading.',
    who: 'Kurdish administration; Syrian Information Ministry',
    date: '2026-01-19',
    sources: ['national'],
  },
  {
    id: 'ceasefire',
    claim: 'A ceasefire agreement took effect at 20:00 on Monday; clashes between the army and the SDF continued.',
    who: 'Sally Shobat (to Al Jazeera); The National (report)',
    date: '2026-01-19',
    when: '20:00',
    sources: ['syriantv', 'national'],
  },
  {
    id: 'ceasefire-breach',
    claim: 'The SDF attacked army positions, left prisons unguarded and released ISIS prisoners; the army retook the prisons.',
    who: 'Sally Shobat',
    date: '2026-01-20',
    sources: ['syriantv'],
  },
  {
    id: 'convoys-hasakah',
    claim: 'After Deir Ezzor and Raqqa, government convoys were sent to Hasakah; the province was not yet taken.',
    who: 'The National (report)',
    date: '2026-01-19',
    sources: ['national'],
  },
  {
    id: 'deadline',
    claim: 'The SDF was given four days to reach internal understandings.',
    who: 'Sally Shobat',
    date: '2026-01-20',
    sources: ['syriantv'],
  },
  {
    id: 'trench',
    claim: 'The border is "fully secured", with a 620 km trench, concrete walls, thermal cameras and drones.',
    who: 'Iraqi Interior Minister Abdul Amir al-Shammari',
    date: '2026-01-19',
    when: 'late',
    sources: ['national'],
  },
  {
    id: 'sadr',
    claim: 'Moqtada al-Sadr called on the Iraqi government to reinforce the frontier.',
    who: 'The National (report)',
    date: '2026-01-19',
    sources: ['national'],
  },
  {
    id: 'mosul-arrest',
    claim: 'The PMF arrested an ISIS leader who had crossed from Syria, in the desert of Mosul.',
    who: 'Popular Mobilisation Forces (PMF)',
    date: '2026-01-20',
    when: 'early',
    sources: ['national'],
  },
  {
    id: 'transfer-150',
    claim: 'US forces moved 150 ISIS fighters from a facility in Hasakah to a secure location inside Iraq.',
    who: 'US Central Command (CENTCOM)',
    date: '2026-01-20',
    sources: ['syriantv'],
  },
  {
    id: 'transfer-most-dangerous',
    claim: 'The first 150 are "the most dangerous", among about 9,000 ISIS-linked prisoners held in north-east Syria.',
    who: 'US defense officials, via the Washington Post',
    date: '2026-01-20',
    sources: ['syriantv'],
  },
  {
    id: 'transfer-7000',
    claim: 'Up to about 7,000 detainees are to be moved to Iraqi-controlled facilities; the others stay in Syria.',
    who: 'CENTCOM; Sally Shobat; US defense officials',
    date: '2026-01-20',
    sources: ['syriantv'],
  },
  {
    id: 'remaining',
    claim: 'Tens of thousands remain in prisons and camps such as Al-Hol and Shaddadi; some held nearly seven years.',
    who: 'Sally Shobat',
    date: '2026-01-20',
    sources: ['syriantv'],
  },
  {
    id: 'iraq-courts',
    claim: 'Iraqi courts can try the transferred detainees under anti-terrorism law; 47 French nationals taken earlier.',
    who: "Hussein Allawi, adviser to Iraq's prime minister",
    date: '2026-01-20',
    sources: ['syriantv'],
  },
] as const satisfies readonly ClaimInfo[];

export type ClaimId = (typeof CLAIMS)[number]['id'];

export const CLAIM_IDS: readonly ClaimId[] = CLAIMS.map((c) => c.id);

const byId = new Map<string, ClaimInfo>(CLAIMS.map((c) => [c.id, c]));

/** The claim with this id, or undefined when the id is not in the fact sheet. */
export function claimById(id: string): ClaimInfo | undefined {
  return byId.get(id);
}

import placesJson from '../../geo/places.json';
import type { PlaceId } from '../story/types.ts';

/** The story's places (geo/places.json): names, kinds, coordinates and how precise they are. */
export interface Place {
  id: PlaceId;
  name: { en: string; ar: string };
  kind: string;
  coordinates: [number, number];
  precision: string;
}

export const PLACES: Place[] = placesJson.map((p) => ({
  ...p,
  id: p.id as PlaceId,
  coordinates: [p.coordinates[0] ?? Number.NaN, p.coordinates[1] ?? Number.NaN],
}));

export function placeById(id: PlaceId): Place | undefined {
  return PLACES.find((p) => p.id === id);
}

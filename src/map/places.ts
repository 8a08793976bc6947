import placesJson from '../../geo/places.json';
import type { PlaceId, Scene } from '../story/types.ts';

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

/** The region the story's map may show: west, south, east, north. */
export const MAP_BOUNDS: [number, number, number, number] = [34.5, 32, 47.5, 39.5];

export function placeById(id: PlaceId): Place | undefined {
  return PLACES.find((p) => p.id === id);
}

/** Bounds that frame a scene: its places for a fit, or null for a centre-and-zoom view. */
export function sceneBounds(scene: Scene): [[number, number], [number, number]] | null {
  if (scene.camera.kind !== 'fit') return null;
  const coords = scene.camera.places.map((id) => placeById(id)?.coordinates).filter((c) => c !== undefined);
  if (coords.length === 0) return null;
  const lons = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

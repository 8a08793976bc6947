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

/** Half the width, in degrees, of an approximate area as drawn in public/data/areas.geojson. */
const AREA_REACH = 0.35;

export function placeById(id: PlaceId): Place | undefined {
  return PLACES.find((p) => p.id === id);
}

/** Bounds that frame a scene: its places for a fit, or null for a centre-and-zoom view. */
export function sceneBounds(scene: Scene): [[number, number], [number, number]] | null {
  if (scene.camera.kind !== 'fit') return null;
  // An approximate area is framed whole, not by its centre: its extent reaches about AREA_REACH degrees out.
  const coords = scene.camera.places.flatMap((id): [number, number][] => {
    const place = placeById(id);
    if (!place) return [];
    const [lon, lat] = place.coordinates;
    if (place.kind !== 'area') return [[lon, lat]];
    return [
      [lon - AREA_REACH, lat - AREA_REACH],
      [lon + AREA_REACH, lat + AREA_REACH],
    ];
  });
  if (coords.length === 0) return null;
  const lons = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

/**
 * The map's camera, once, for the live map and the still images alike: where a scene's camera points (`sceneBounds`,
 * `viewZoom`), the space kept clear around it (`mapPadding`), the framing as arithmetic (`frameScene`, Web Mercator
 * with MapLibre's 512 px tiles, as `Map.fitBounds` and `Map.easeTo` frame it), the first view and the flight time.
 * Pure: no DOM and no MapLibre.
 */
import type { PlaceId, Scene } from '../story/types.ts';
import { placeById } from './gazetteer.ts';

export interface Size {
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A framed view: the zoom and the world-pixel position of the viewport's top-left corner. */
export interface Frame extends Size {
  zoom: number;
  originX: number;
  originY: number;
}

/** The region the story's map may show: west, south, east, north. */
export const MAP_BOUNDS: [number, number, number, number] = [34.5, 32, 47.5, 39.5];

/** Where the live map opens, before its first scene is applied. */
export const FIRST_VIEW = { center: [41.3, 35.6] as [number, number], zoom: 5.5 };

/** How long a camera flight between steps lasts, in ms. */
export const CAMERA_MS = 1400;

/**
 * The widest the map key gets (map-legend.ts sets it). On a desktop map the framing keeps half of it clear on the
 * key's side: places may pass under its inner half, never under its outer half.
 */
export const KEY_WIDTH_PX = 240;

/** A 'view' camera's zoom is written for a map of this size; smaller maps zoom out to show the same area. */
const REFERENCE_SIZE = { width: 480, height: 580 };
const TILE_SIZE = 512;
const DEFAULT_MAX_ZOOM = 8;
/** Half the width, in degrees, of an approximate area as drawn in public/data/areas.geojson. */
const AREA_REACH = 0.35;

/** The zoom that shows a 'view' scene's area on a map of the given size (the free area inside the padding). */
export function viewZoom(zoom: number, width: number, height: number): number {
  const scale = Math.min(width / REFERENCE_SIZE.width, height / REFERENCE_SIZE.height);
  return scale > 0 ? zoom + Math.min(0, Math.log2(scale)) : zoom;
}

/** The edge, in px, kept on each side of a phone's map when a 'view' camera's area is fitted to its width. */
export const COMPACT_VIEW_EDGE = 16;
/** The share of a 'view' camera's area that may pass under the key, the locator and the cards of a phone's map. */
const COMPACT_VIEW_CUT = 0.2;

/**
 * The zoom of a 'view' camera on a map of `size` with `padding`. Its area is fitted inside the padding; on a phone
 * (`compact`), to the width of the map less a modest edge each side (`COMPACT_VIEW_EDGE`), and to the height of the
 * map the reader sees there, above the cards (`padding.bottom`), but for a fifth (`COMPACT_VIEW_CUT`): a view's places
 * lie around its centre, not at its top and bottom, so the area may pass under the key, the locator and the cards
 * there (the padding keeps them clear of a `fit`'s places). A phone's map is then zoomed
 * out about half a level from a desktop's, not a whole level, and a view's places keep room for their names.
 */
export function viewSceneZoom(zoom: number, size: Size, padding: Padding, compact = false): number {
  if (compact) return viewZoom(zoom, size.width - 2 * COMPACT_VIEW_EDGE, (size.height - padding.bottom) / (1 - COMPACT_VIEW_CUT));
  return viewZoom(zoom, size.width - padding.left - padding.right, size.height - padding.top - padding.bottom);
}

/** The maximum zoom of a 'fit' camera. */
export function fitMaxZoom(camera: { maxZoom?: number }): number {
  return camera.maxZoom ?? DEFAULT_MAX_ZOOM;
}

/** Bounds that frame a scene: its places for a fit (an approximate area whole), or null for a centre-and-zoom view. */
export function sceneBounds(scene: Scene): [[number, number], [number, number]] | null {
  if (scene.camera.kind !== 'fit') return null;
  const coords = scene.camera.places.flatMap((id: PlaceId): [number, number][] => {
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

/**
 * The space kept clear around the places a scene frames: an edge that grows with the map, room on the key's side,
 * and on phones room at the top for the locator and at the bottom for the text cards over the map.
 */
export function mapPadding(size: Size, options: { compact?: boolean; coverBottom?: number } = {}): Padding {
  const edge = Math.round(Math.min(size.width, size.height) * 0.08) + 24;
  const cover = options.coverBottom ?? 0;
  const bottom = cover > 0 ? Math.round(size.height * cover) + 16 : edge;
  // Phones: the key and the locator over the top of the map, and the names of places near a side need room too.
  const side = options.compact ? edge + 16 : edge;
  return { top: edge + (options.compact ? 72 : 0), bottom, left: side, right: side + (options.compact ? 0 : KEY_WIDTH_PX / 2) };
}

export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

/** Longitude to Mercator x in 0–1. */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/** Latitude to Mercator y in 0–1 (north at 0). */
export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

export function lonFromMercator(x: number): number {
  return x * 360 - 180;
}

export function latFromMercator(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90;
}

/**
 * Frames a scene in a viewport of `size` with `padding`, as the live map does when the scene is opened directly:
 * a `view` puts its centre in the middle of the padded area at the zoom `viewSceneZoom` gives (`compact`: a phone's); a `fit`
 * frames its places inside the padded area, up to its maximum zoom, as `Map.fitBounds` does with `absolutePadding`.
 */
export function frameScene(scene: Scene, size: Size, padding: Padding, compact = false): Frame {
  const camera = scene.camera;
  const shiftX = (padding.right - padding.left) / 2;
  const shiftY = (padding.bottom - padding.top) / 2;
  const innerWidth = size.width - padding.left - padding.right;
  const innerHeight = size.height - padding.top - padding.bottom;
  let zoom: number;
  let lon: number;
  let lat: number;
  switch (camera.kind) {
    case 'view': {
      zoom = viewSceneZoom(camera.zoom, size, padding, compact);
      [lon, lat] = camera.center;
      break;
    }
    case 'fit': {
      const [[west, south], [east, north]] = sceneBounds(scene) ?? [
        [MAP_BOUNDS[0], MAP_BOUNDS[1]],
        [MAP_BOUNDS[2], MAP_BOUNDS[3]],
      ];
      const spanX = Math.max(mercatorX(east) - mercatorX(west), 1e-9);
      const spanY = Math.max(mercatorY(south) - mercatorY(north), 1e-9);
      const fitZoom = Math.log2(Math.min(innerWidth / spanX, innerHeight / spanY) / TILE_SIZE);
      zoom = Math.min(fitZoom, fitMaxZoom(camera));
      lon = lonFromMercator((mercatorX(west) + mercatorX(east)) / 2);
      lat = latFromMercator((mercatorY(north) + mercatorY(south)) / 2);
      break;
    }
    default: {
      const unknown: never = camera;
      throw new Error(`unknown camera ${JSON.stringify(unknown)}`);
    }
  }
  const ws = worldSize(zoom);
  const cx = mercatorX(lon) * ws + shiftX;
  const cy = mercatorY(lat) * ws + shiftY;
  return { ...size, zoom, originX: cx - size.width / 2, originY: cy - size.height / 2 };
}

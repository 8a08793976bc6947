/**
 * The camera of a scene as pure arithmetic: Web Mercator with MapLibre's 512 px tiles, the same padding as the live
 * map, `fit` cameras framed the way `Map.fitBounds` frames them and `view` cameras the way `Map.easeTo` centres them
 * (at the zoom `viewZoom` scales for the map's size). No DOM, no MapLibre: the static images are rendered from it at
 * build time, and the live map takes its padding from here.
 */
import type { Scene } from '../../story/types.ts';
import { MAP_BOUNDS, sceneBounds } from '../places.ts';
import { viewZoom } from '../scene.ts';

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
  /** World pixels at this zoom of the viewport's left and top edges. */
  originX: number;
  originY: number;
}

const TILE_SIZE = 512;
const DEFAULT_MAX_ZOOM = 8;

/** The size of the desktop map at 1280×800 (a 512 px text column beside it, a 56 px bar above it). */
export const STATIC_SIZE: Size = { width: 768, height: 744 };

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

function lonFromMercator(x: number): number {
  return x * 360 - 180;
}

function latFromMercator(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90;
}

/**
 * The space kept clear around the places a scene frames: an edge that grows with the map, room on the right for
 * the key, and on phones room at the top for the locator and at the bottom for the text cards over the map.
 */
export function mapPadding(size: Size, options: { compact?: boolean; coverBottom?: number } = {}): Padding {
  const edge = Math.round(Math.min(size.width, size.height) * 0.08) + 24;
  const cover = options.coverBottom ?? 0;
  const bottom = cover > 0 ? Math.round(size.height * cover) + 16 : edge;
  return { top: edge + (options.compact ? 40 : 0), bottom, left: edge, right: edge + (options.compact ? 0 : 120) };
}

/** Projects a longitude/latitude to pixels of the frame. */
export function projector(frame: Frame): (lon: number, lat: number) => [number, number] {
  const ws = worldSize(frame.zoom);
  return (lon, lat) => [mercatorX(lon) * ws - frame.originX, mercatorY(lat) * ws - frame.originY];
}

/** The frame's geographic extent: west, south, east, north. */
export function frameBounds(frame: Frame): [number, number, number, number] {
  const ws = worldSize(frame.zoom);
  return [
    lonFromMercator(frame.originX / ws),
    latFromMercator((frame.originY + frame.height) / ws),
    lonFromMercator((frame.originX + frame.width) / ws),
    latFromMercator(frame.originY / ws),
  ];
}

/**
 * Frames a scene in a viewport of `size` with `padding`, as the live map does when the scene is opened directly:
 * a `view` puts its centre in the middle of the padded area at the zoom `viewZoom` gives for that area; a `fit`
 * frames its places inside the padded area, up to its `maxZoom`, as `Map.fitBounds` does with `absolutePadding`.
 */
export function frameScene(scene: Scene, size: Size, padding: Padding): Frame {
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
      zoom = viewZoom(camera.zoom, innerWidth, innerHeight);
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
      zoom = Math.min(fitZoom, camera.maxZoom ?? DEFAULT_MAX_ZOOM);
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

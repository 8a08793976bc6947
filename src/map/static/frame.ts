/**
 * The still image's own geometry: its size, and the projection of a framed camera (src/map/camera.ts) to its pixels.
 */
import { latFromMercator, lonFromMercator, mercatorX, mercatorY, worldSize, type Frame, type Size } from '../camera.ts';

/** The size of the desktop map at 1280×800 (a 512 px text column beside it, a 56 px bar above it). */
export const STATIC_SIZE: Size = { width: 768, height: 744 };

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

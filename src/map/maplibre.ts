/**
 * The one place that loads MapLibre and wires its worker. Imported dynamically by <live-map>, so the story's
 * text paints before MapLibre is parsed.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'virtual:maplibre-worker-url';

setWorkerUrl(workerUrl);

export { Map, AttributionControl } from 'maplibre-gl';
export type { LngLatBoundsLike } from 'maplibre-gl';

import type { LayerGroupModule } from './types.ts';
import { arrowDrawing, arrowLayers } from './arrows.ts';
import { theme } from '../theme.ts';

/** Government convoys towards Hasakah: arrows that show direction only (no source gives their starting points). */
export const convoys = {
  group: 'convoys' as const,
  build: ({ data }) => ({
    sources: { arrows: { type: 'geojson', data: data.arrows, lineMetrics: true } },
    layers: arrowLayers('convoy', theme.convoy.line),
  }),
  legend: () => [{ label: 'keyConvoy', swatch: { kind: 'arrow', color: theme.convoy.line } }],
  drawing: { animation: 'draw-convoys' as const, lines: [arrowDrawing('convoy', theme.convoy.line)] },
} satisfies LayerGroupModule;

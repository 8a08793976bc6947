import type { LayerGroupModule } from './types.ts';
import { keepOut } from './label-anchors.ts';

/**
 * The trench line kept clear of labels: a layer above every label (the last group), shown with the trench. It draws
 * nothing; see `keepOut`.
 */
export const trenchKeepOut = {
  group: 'trench' as const,
  build: () => ({ sources: {}, layers: [keepOut('trench-keepout', 'trench', ['==', ['get', 'role'], 'line'], 9, true)] }),
} satisfies LayerGroupModule;

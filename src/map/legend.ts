import type { Scene } from '../story/types.ts';
import type { StringKey } from '../i18n/strings.ts';
import { theme } from './theme.ts';

export type Swatch =
  | { kind: 'line'; color: string; dashed?: boolean; width?: number }
  | { kind: 'dot'; color: string; ring?: boolean }
  | { kind: 'area'; color: string }
  | { kind: 'arrow'; color: string };

export interface LegendItem {
  label: StringKey;
  swatch: Swatch;
}

/** The key for a scene: what its visible symbols mean, in drawing order. */
export function legendItems(scene: Scene): LegendItem[] {
  const items: LegendItem[] = [];
  const on = (group: Scene['layers'][number]): boolean => scene.layers.includes(group);
  if (on('places')) {
    if (scene.highlight.length > 0) items.push({ label: 'keyHighlight', swatch: { kind: 'dot', color: theme.place.dotHighlight } });
    items.push({ label: 'keyPlace', swatch: { kind: 'dot', color: theme.place.dot } });
    items.push({ label: 'keyApproximate', swatch: { kind: 'dot', color: theme.place.approximate, ring: true } });
  }
  if (on('mosul-desert')) items.push({ label: 'keyArea', swatch: { kind: 'area', color: theme.area.outline } });
  if (on('convoys')) items.push({ label: 'keyConvoy', swatch: { kind: 'arrow', color: theme.convoy.line } });
  if (on('transfer')) items.push({ label: 'keyTransfer', swatch: { kind: 'arrow', color: theme.transfer.line } });
  if (on('trench')) items.push({ label: 'keyTrench', swatch: { kind: 'line', color: theme.trench.line, width: 4 } });
  items.push({ label: 'keyBorder', swatch: { kind: 'line', color: theme.border.line, dashed: true } });
  items.push({ label: 'keyRiver', swatch: { kind: 'line', color: theme.river.line, width: 2.5 } });
  if (on('iraq-focus')) items.push({ label: 'keyDim', swatch: { kind: 'area', color: theme.land.dim } });
  return items;
}

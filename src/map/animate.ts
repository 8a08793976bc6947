import type { Map } from 'maplibre-gl';
import type { Animation } from '../story/types.ts';
import type { Drawable } from './layers/types.ts';
import { DRAWINGS } from './layers/index.ts';
import { revealGradient } from './reveal.ts';

const DURATION_MS = 1800;

function setProgress(map: Map, d: Drawable, progress: number): void {
  if (!map.getLayer(d.line)) return;
  map.setPaintProperty(d.line, 'line-gradient', revealGradient(d.color, progress));
  // The head's colour, not its opacity: opacity says whether the scene shows the arrow at all (see showLayer).
  if (d.head && map.getLayer(d.head)) map.setPaintProperty(d.head, 'fill-color', progress >= 1 ? d.color : 'rgba(0,0,0,0)');
  if (d.label && map.getLayer(d.label)) map.setPaintProperty(d.label, 'text-opacity', progress >= 1 ? 1 : 0);
}

/** Runs the drawing animations of scenes; a new scene cancels the running one and shows every line whole. */
export class LineAnimator {
  private frame = 0;

  constructor(private readonly map: Map) {}

  /** Draws the scene's animated line; with `animate` false (reduced motion, a jump) it appears already drawn. */
  play(animation: Animation, animate: boolean): void {
    this.stop();
    for (const list of Object.values(DRAWINGS)) for (const d of list) setProgress(this.map, d, 1);
    if (animation === 'none' || !animate) return;
    const targets = DRAWINGS[animation] ?? [];
    const start = performance.now();
    const tick = (now: number): void => {
      const t = Math.min(1, (now - start) / DURATION_MS);
      const eased = 1 - (1 - t) ** 3;
      for (const d of targets) setProgress(this.map, d, t >= 1 ? 1 : eased);
      if (t < 1) this.frame = requestAnimationFrame(tick);
    };
    for (const d of targets) setProgress(this.map, d, 0);
    this.frame = requestAnimationFrame(tick);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}

import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * A line-gradient that shows a line from its start up to `progress` (0–1) and hides the rest:
 * the drawing animations step `progress` from 0 to 1, and a still scene uses 1.
 */
export function revealGradient(color: string, progress: number): ExpressionSpecification {
  const p = Math.min(1, Math.max(0, progress));
  if (p >= 1) return ['step', ['line-progress'], color, 1, color];
  return ['step', ['line-progress'], color, Math.max(p, 1e-6), 'rgba(0,0,0,0)'];
}

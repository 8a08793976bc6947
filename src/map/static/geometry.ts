/**
 * Geometry in screen pixels for the static maps: clipping to the frame, Douglas–Peucker simplification, and compact
 * SVG path data (coordinates rounded to 0.1 px, relative moves after the first point).
 */

export type Pt = [number, number];

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Clips a polyline to a rectangle (Liang–Barsky per segment); returns the visible runs. */
export function clipLine(points: Pt[], r: Rect): Pt[][] {
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const seg = clipSegment(a, b, r);
    if (!seg) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    const [p, q] = seg;
    const last = run.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) {
      if (run.length > 1) runs.push(run);
      run = [p];
    }
    run.push(q);
    if (q[0] !== b[0] || q[1] !== b[1]) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

function clipSegment(a: Pt, b: Pt, r: Rect): [Pt, Pt] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] - r.x0],
    [dx, r.x1 - a[0]],
    [-dy, a[1] - r.y0],
    [dy, r.y1 - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  const at = (t: number): Pt => (t === 0 ? a : t === 1 ? b : [a[0] + dx * t, a[1] + dy * t]);
  return [at(t0), at(t1)];
}

/** Clips a closed ring to a rectangle (Sutherland–Hodgman); an empty array when nothing is left. */
export function clipRing(ring: Pt[], r: Rect): Pt[] {
  const inside: ((p: Pt) => boolean)[] = [(p) => p[0] >= r.x0, (p) => p[0] <= r.x1, (p) => p[1] >= r.y0, (p) => p[1] <= r.y1];
  const cross: ((a: Pt, b: Pt) => Pt)[] = [
    (a, b) => [r.x0, a[1] + ((b[1] - a[1]) * (r.x0 - a[0])) / (b[0] - a[0])],
    (a, b) => [r.x1, a[1] + ((b[1] - a[1]) * (r.x1 - a[0])) / (b[0] - a[0])],
    (a, b) => [a[0] + ((b[0] - a[0]) * (r.y0 - a[1])) / (b[1] - a[1]), r.y0],
    (a, b) => [a[0] + ((b[0] - a[0]) * (r.y1 - a[1])) / (b[1] - a[1]), r.y1],
  ];
  let out = ring;
  for (let e = 0; e < 4 && out.length > 0; e++) {
    const input = out;
    out = [];
    const isIn = inside[e]!;
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (isIn(cur)) {
        if (!isIn(prev)) out.push(cross[e]!(prev, cur));
        out.push(cur);
      } else if (isIn(prev)) {
        out.push(cross[e]!(prev, cur));
      }
    }
  }
  return out.length >= 3 ? out : [];
}

/** Douglas–Peucker: drops points closer than `tolerance` px to the simplified line. Keeps the ends. */
export function simplify(points: Pt[], tolerance: number): Pt[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const a = points[first]!;
    const b = points[last]!;
    let max = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i]!, a, b);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0 && max > tol2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function segmentDistance2(p: Pt, a: Pt, b: Pt): number {
  let x = a[0];
  let y = a[1];
  const dx = b[0] - x;
  const dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  return (p[0] - x) ** 2 + (p[1] - y) ** 2;
}

/** A number of tenths as SVG text: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(n: number): string {
  if (n % 10 === 0) return String(n / 10);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 10);
  return `${sign}${whole === 0 ? '' : whole}.${abs % 10}`;
}

function pair(a: number, b: number): string {
  const y = tenths(b);
  return `${tenths(a)}${y.startsWith('-') ? '' : ' '}${y}`;
}

/** Path data of one run: rounded to 0.1 px, relative after the first point, repeated points dropped. */
export function pathData(points: Pt[], closed: boolean): string {
  let out = '';
  let px = 0;
  let py = 0;
  let count = 0;
  for (const [x, y] of points) {
    const ix = Math.round(x * 10);
    const iy = Math.round(y * 10);
    if (count === 0) out += `M${pair(ix, iy)}`;
    else if (ix === px && iy === py) continue;
    else {
      const d = pair(ix - px, iy - py);
      out += count === 1 ? `l${d}` : d.startsWith('-') ? d : ` ${d}`;
    }
    px = ix;
    py = iy;
    count++;
  }
  if (count < 2) return '';
  return closed ? `${out}z` : out;
}

/** Length of a polyline in px, and the point and direction at a distance along it. */
export function along(points: Pt[], distance: number): { at: Pt; angle: number } {
  let left = distance;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (left <= len || i === points.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, left / len);
      return { at: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], angle: Math.atan2(b[1] - a[1], b[0] - a[0]) };
    }
    left -= len;
  }
  return { at: points[0] ?? [0, 0], angle: 0 };
}

export function lineLength(points: Pt[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return total;
}

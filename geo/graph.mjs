// A routing graph over river segments: every vertex is a node, consecutive
// vertices are linked, and a segment end is joined to any other segment that
// passes within JOIN_KM (WDBII rivers meet at bin edges and at confluences).

/**
 * Planar distance in km, accurate enough for graph weights at this scale.
 * @param {[number, number]} a
 * @param {[number, number]} b
 */
export function km(a, b) {
  const dx = (b[0] - a[0]) * 111.32 * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  const dy = (b[1] - a[1]) * 110.57;
  return Math.hypot(dx, dy);
}

/**
 * Distance in km from a point to a segment, and the position along it (0..1).
 * @param {[number, number]} p
 * @param {[number, number]} a
 * @param {[number, number]} b
 */
function project(p, a, b) {
  const kx = 111.32 * Math.cos(a[1] * (Math.PI / 180));
  const ky = 110.57;
  const [bx, by] = [(b[0] - a[0]) * kx, (b[1] - a[1]) * ky];
  const [px, py] = [(p[0] - a[0]) * kx, (p[1] - a[1]) * ky];
  const len2 = bx * bx + by * by;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / len2));
  return { d: Math.hypot(px - t * bx, py - t * by), t };
}

/** Segments whose end lies this close to another segment are joined. */
const JOIN_KM = 0.5;
/** Extra cost of such a join, so that a river's own course is preferred. */
const JOIN_PENALTY_KM = 1;

/**
 * A graph over all vertices of the given segments.
 * @param {{ coords: [number, number][] }[]} segments
 */
export function buildGraph(segments) {
  /** @type {[number, number][]} */
  const nodes = [];
  /** @type {number[]} */
  const owner = [];
  /** @type {number[]} */
  const ends = [];
  segments.forEach((s, si) => {
    const first = nodes.length;
    for (const c of s.coords) {
      nodes.push(c);
      owner.push(si);
    }
    ends.push(first, nodes.length - 1);
  });
  /** @type {{ to: number, w: number }[][]} */
  const adj = nodes.map(() => []);
  const link = (/** @type {number} */ a, /** @type {number} */ b, /** @type {number} */ w) => {
    adj[a].push({ to: b, w });
    adj[b].push({ to: a, w });
  };
  for (let i = 1; i < nodes.length; i += 1) {
    if (owner[i] === owner[i - 1]) link(i - 1, i, km(nodes[i - 1], nodes[i]));
  }
  const edgeCount = nodes.length;
  for (const e of ends) {
    /** @type {Map<number, { d: number, i: number, t: number }>} nearest edge per segment */
    const best = new Map();
    for (let i = 1; i < edgeCount; i += 1) {
      if (owner[i] !== owner[i - 1] || owner[i] === owner[e]) continue;
      const { d, t } = project(nodes[e], nodes[i - 1], nodes[i]);
      const prior = best.get(owner[i]);
      if (d <= JOIN_KM && (!prior || d < prior.d)) best.set(owner[i], { d, i, t });
    }
    for (const { d, i, t } of best.values()) {
      const w = d < 0.01 ? d : d + JOIN_PENALTY_KM;
      if (t <= 0 || t >= 1) {
        link(e, t <= 0 ? i - 1 : i, w);
        continue;
      }
      const [a, b] = [nodes[i - 1], nodes[i]];
      const p = nodes.length;
      nodes.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
      owner.push(owner[i]);
      adj.push([]);
      link(i - 1, p, km(a, nodes[p]));
      link(p, i, km(nodes[p], b));
      link(e, p, w);
    }
  }
  return { nodes, owner, adj };
}

/**
 * Shortest path from a node to the nearest node that passes a test
 * (Dijkstra with a binary heap); empty when none is reachable.
 * @param {{ to: number, w: number }[][]} adj
 * @param {number} from
 * @param {(node: number) => boolean} isTarget
 * @returns {number[]}
 */
export function shortestPath(adj, from, isTarget) {
  const dist = new Float64Array(adj.length).fill(Infinity);
  const prev = new Int32Array(adj.length).fill(-1);
  /** @type {[number, number][]} */
  const heap = [[0, from]];
  dist[from] = 0;
  const less = (/** @type {number} */ i, /** @type {number} */ j) => heap[i][0] < heap[j][0] || (heap[i][0] === heap[j][0] && heap[i][1] < heap[j][1]);
  while (heap.length > 0) {
    const [d, n] = heap[0];
    const last = /** @type {[number, number]} */ (heap.pop());
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    if (d > dist[n]) continue;
    if (isTarget(n)) {
      const path = [n];
      while (path[path.length - 1] !== from) path.push(prev[path[path.length - 1]]);
      return path.reverse();
    }
    for (const { to: t, w } of adj[n]) {
      if (d + w >= dist[t]) continue;
      dist[t] = d + w;
      prev[t] = n;
      heap.push([d + w, t]);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!less(i, p)) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
    }
  }
  return [];
}

/**
 * Index of the node nearest to a point, with its distance in km.
 * @param {[number, number][]} nodes
 * @param {[number, number]} point
 */
export function nearestNode(nodes, point) {
  let best = 0;
  let bestKm = Infinity;
  nodes.forEach((n, i) => {
    const d = km(n, point);
    if (d < bestKm) {
      best = i;
      bestKm = d;
    }
  });
  return { index: best, km: bestKm };
}

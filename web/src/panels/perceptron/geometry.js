// geometry.js — drawing geometry only: where the line w1·x1 + w2·x2 + b = 0
// crosses the visible square and which polygon lies on each side of it.
// The perceptron's answers themselves (net, y, right/wrong) always come from
// the core (sn.truthTable, sn.xorTwoLayer, the trainer); this file only turns
// a line into shapes for Observable Plot, the way an axis turns numbers into ticks.

/** The plotted square [−0.5, 1.5]² as a closed polygon (counter-clockwise). */
export const DOMAIN = [-0.5, 1.5];
export const SQUARE = [[-0.5, -0.5], [1.5, -0.5], [1.5, 1.5], [-0.5, 1.5]];

// Signed distance-like value of a point; only its sign and zero matter here.
const side = ({ w1, w2, b }, [x, y]) => w1 * x + w2 * y + b;

/**
 * Clip a convex polygon to one side of the line (Sutherland–Hodgman).
 * keep = +1 keeps w·x + b ≥ 0 (the y = 1 side, up to the line itself),
 * keep = −1 keeps w·x + b ≤ 0 (the y = 0 side).
 */
export function clip(poly, line, keep) {
  const out = [];
  for (let i = 0; i < poly.length; i += 1) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const fp = keep * side(line, p);
    const fq = keep * side(line, q);
    if (fp >= 0) out.push(p);
    if ((fp > 0 && fq < 0) || (fp < 0 && fq > 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out.length >= 3 ? out : [];
}

/**
 * The two half-planes inside the square and the visible piece of the line.
 * Handles w2 = 0 (a vertical line) and w1 = w2 = 0 (no line: the whole square
 * is on one side, decided by b alone).
 * Returns { one: polygon, zero: polygon, segment: [[x,y],[x,y]] | null }.
 */
export function halfPlanes(line, poly = SQUARE) {
  const norm = Math.hypot(line.w1, line.w2);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    return { one: line.b > 0 ? poly : [], zero: line.b > 0 ? [] : poly, segment: null };
  }
  const one = clip(poly, line, +1);
  const zero = clip(poly, line, -1);
  // The line's visible piece: the vertices of the clipped polygon that lie on it.
  const eps = 1e-9 * Math.max(1, norm, Math.abs(line.b));
  const onLine = one.filter((p) => Math.abs(side(line, p)) <= eps);
  let segment = null;
  if (onLine.length >= 2) {
    // the two points farthest apart (a clipped square gives exactly two distinct ones)
    let best = 0;
    for (const a of onLine) {
      for (const c of onLine) {
        const d = Math.hypot(a[0] - c[0], a[1] - c[1]);
        if (d > best) { best = d; segment = [a, c]; }
      }
    }
  }
  return { one, zero, segment };
}

/** Close a polygon for drawing as a path: the first point repeated at the end. */
export const closed = (poly) => (poly.length ? [...poly, poly[0]] : []);

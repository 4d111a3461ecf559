// profile.js — optional timing of a panel's pieces of work, for the benchmarks
// (scripts/bench-plane.mjs): off unless the page set globalThis.snProfile = true before the
// panel ran; then each piece leaves a User Timing measure `sn:<name>` that the benchmark
// lines up with the browser's long tasks to say which piece a long task was. Off, it costs
// one property read.

/** fn() — and, while profiling, a performance measure `sn:<name>` around it. */
export function timed(name, fn) {
  if (!globalThis.snProfile) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`sn:${name}`, { start, end: performance.now() });
  }
}

// next-frame.js — one frame of a run's play loop: requestAnimationFrame in a
// page, a 16 ms timer where there is none (the runs' Node tests). Returns a
// function that cancels it.
export const nextFrame = globalThis.requestAnimationFrame
  ? (f) => { const id = requestAnimationFrame(f); return () => cancelAnimationFrame(id); }
  : (f) => { const id = setTimeout(() => f(performance.now()), 16); return () => clearTimeout(id); };

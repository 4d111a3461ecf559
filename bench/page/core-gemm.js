// core-gemm.js — the GEMM micro-benchmark of bench/core_bench.cpp, run as
// its own small wasm module in this page (built per flavour by scripts/bench.mjs).
export async function runCoreGemm(flavor, reps) {
  const { default: create } = await import(`/core/${flavor}/core_bench.mjs`);
  let out = '';
  await create({ arguments: ['--gemm-only', '--reps', String(reps)], print: (line) => { out += `${line}\n`; } });
  return JSON.parse(out);
}

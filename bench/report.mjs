// report.mjs — turn the measurements of one `npm run bench` run into the
// Markdown tables of the README's Performance section.
const k = (v) => (v === undefined ? '—' : v >= 10000 ? `${(v / 1000).toFixed(1)}k` : v >= 1000 ? `${(v / 1000).toFixed(2)}k` : v.toFixed(0));
const x = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');

// columns: [key, header]; rows come from results.rows { workload, contender, samplesPerSecond, value }
export function markdown(results) {
  const cols = results.columns;
  const at = (w, c) => results.rows.find((r) => r.workload === w && r.contender === c);
  const workloads = [...new Set(results.rows.map((r) => r.workload))];
  const out = [];
  out.push(`| workload | ${cols.map((c) => c.header).join(' | ')} | SIMD ÷ tfjs-wasm | SIMD ÷ tfjs-wasm threads | SIMD ÷ native SSE2 |`);
  out.push(`|---|${cols.map(() => '--:').join('|')}|--:|--:|--:|`);
  for (const w of workloads) {
    const v = (key) => at(w, key)?.samplesPerSecond;
    out.push(`| ${w} | ${cols.map((c) => k(v(c.key))).join(' | ')} | ${x(v('scratchnet wasm simd'), v('tfjs-wasm'))} | ` +
      `${x(v('isolated: scratchnet wasm simd'), v('isolated: tfjs-wasm'))} | ${x(v('scratchnet wasm simd'), v('native sse2'))} |`);
  }
  out.push('');
  out.push('Samples per second, median of ' + `${results.options.reps} repetitions (${results.options.steps} steps each after ` +
    `${results.options.warmupSteps} warm-up steps; inference: ${results.options.inferSamples} samples per repetition).`);
  out.push('');
  out.push('Final training loss of the last repetition (same data and step count for everyone; a broken kernel shows here):');
  out.push('');
  const trainW = workloads.filter((w) => w.startsWith('train'));
  out.push(`| workload | ${cols.map((c) => c.header).join(' | ')} |`);
  out.push(`|---|${cols.map(() => '--:').join('|')}|`);
  for (const w of trainW) out.push(`| ${w} | ${cols.map((c) => at(w, c.key)?.value?.toFixed(4) ?? '—').join(' | ')} |`);
  if (results.gemm) {
    out.push('');
    out.push('GEMM micro-benchmark, GFLOP/s of `gemm<float>` (cpp/kernels/gemm.hpp) for the products of a training step:');
    out.push('');
    const fl = Object.keys(results.gemm);
    out.push(`| product (m × n × k) | ${fl.join(' | ')} |`);
    out.push(`|---|${fl.map(() => '--:').join('|')}|`);
    for (const [i, g] of results.gemm[fl[0]].gemm.entries()) {
      out.push(`| ${g.name} (${g.m} × ${g.n} × ${g.k}) | ${fl.map((f) => results.gemm[f].gemm[i].gflops.toFixed(1)).join(' | ')} |`);
    }
  }
  out.push('');
  for (const line of results.notes) out.push(`- ${line}`);
  return out.join('\n');
}

// The placeholder playground: proves the wasm core loads in the page and
// answers with the book's numbers. The real panels arrive with the playground issue.
import { loadScratchnet } from '../lib/scratchnet.js';

const app = document.getElementById('app');

try {
  const sn = await loadScratchnet();
  const y = sn.softmax([0.3, 2.9, 4.0]);
  const net = sn.bookThreeLayerNetwork();
  const out = net.predict(new Float32Array([1.0, 0.5]), 1);
  net.delete();
  app.innerHTML = `
    <p id="status">core ${sn.version} (${sn.buildFlavor}) ready / 준비됨</p>
    <table aria-label="book numbers">
      <tr><th scope="row">softmax([0.3, 2.9, 4.0])</th><td id="softmax">${[...y].map((v) => v.toFixed(8)).join(', ')}</td></tr>
      <tr><th scope="row">3-layer forward, x = [1.0, 0.5]</th><td id="forward">${[...out].map((v) => v.toFixed(8)).join(', ')}</td></tr>
    </table>`;
} catch (e) {
  app.innerHTML = `<p id="status" class="error">${e.code ?? 'error'}: ${e.message}</p>`;
}

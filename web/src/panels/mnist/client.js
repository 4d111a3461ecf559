// client.js — the page's side of the MNIST session: requests as promises,
// events to a callback, and a worker that is restarted if it dies.
//
// A Worker must come from the page's own origin. A tutorial page that loads
// scratchnet-embed.js from another host cannot start one, so the session then
// runs in the page itself, in slices short enough (12 ms) to keep it usable.
import { ScratchnetError } from '../../../lib/scratchnet.js';

const INLINE_SLICE_MS = 12;   // the worker uses the session's default, 40 ms

function spawnWorker() {
  try {
    return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'scratchnet-mnist' });
  } catch {
    return null;   // SecurityError: a cross-origin script, or workers blocked by the page's policy
  }
}

/** A session in the page: the same code as the worker, messages delivered asynchronously. */
async function inlineSession(deliver, loadCore) {
  const { createSession } = await import('./session.js');
  const handle = createSession((m) => queueMicrotask(() => deliver(m)), { sliceMs: INLINE_SLICE_MS, loadCore });
  // no thread to end: closing the session (loop stopped, core objects freed) ends the work
  return { send: (m) => { handle(m); }, terminate: () => { handle({ type: 'close' }); } };
}

/**
 * connect({ onEvent, onRestart, inline, loadCore }) → { call(type, args, transfer), mode, destroy() }
 *   onEvent(event)     progress, loading, diverged, done, failed
 *   onRestart(error)   the worker died; it has been started again, empty:
 *                      the caller re-sends what it needs (data, network, weights)
 *   inline             run the session in this thread even where workers exist (Node tests)
 *   loadCore           how the inline session loads the core (Node: with the .wasm bytes)
 */
export async function connect({ onEvent, onRestart, inline = false, loadCore }) {
  let nextId = 1;
  const pending = new Map();
  let transport = null;
  let destroyed = false;

  function deliver(m) {
    if (m && 'event' in m) { onEvent(m); return; }
    const p = pending.get(m?.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new ScratchnetError(m.error.code, m.error.message));
  }

  function failAll(error) {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  function attach(worker) {
    worker.onmessage = (e) => deliver(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      if (destroyed) return;
      worker.terminate();
      const error = new ScratchnetError('mnist.worker_died', e.message || 'the training worker stopped');
      failAll(error);
      const next = spawnWorker();
      if (next) attach(next);
      onRestart(error);
    };
    transport = { send: (m, transfer) => worker.postMessage(m, transfer), terminate: () => worker.terminate() };
  }

  const worker = inline ? null : spawnWorker();
  let mode = 'worker';
  if (worker) attach(worker);
  else { transport = await inlineSession(deliver, loadCore); mode = 'inline'; }

  return {
    mode,
    call(type, args = {}, transfer = []) {
      if (destroyed) return Promise.reject(new ScratchnetError('object.deleted', 'the session was closed'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        transport.send({ id, type, ...args }, transfer);
      });
    },
    destroy() {
      destroyed = true;
      failAll(new ScratchnetError('object.deleted', 'the session was closed'));
      transport.terminate();
    },
  };
}

// run.js — the perceptron panel's learning half (book ch. 2, and the learning
// rules the book leaves out: Rosenblatt's perceptron rule, the delta rule
// (Adaline), Hebb). No DOM: it owns the core's PerceptronTrainer and the play
// loop; the view (view.js) draws its snapshots and may be rebuilt at any time.
// Cycling (the same weights at two epoch ends: it will never converge) is the
// core's finding, trainer.cycleLength().

import { nextFrame } from '../../shared/next-frame.js';

// Learning rate and epoch limit per rule (the trainer starts from zero weights).
export const RULES = {
  perceptron: { learningRate: 1, maxEpochs: 50 },
  delta: { learningRate: 0.1, maxEpochs: 1000 },
  hebb: { learningRate: 1, maxEpochs: 1 },
};
export const SPEEDS = [1, 4, 16, 64, 256, 1024];  // steps per second
const DEFAULT_SPEED = 4;
const MAX_STEPS_PER_FRAME = 64;


export function createRun({ sn, state }) {
  const listeners = new Set();
  let task = { rule: state.rule, gate: state.gate };
  let trainer = null;
  let samples = [];
  let lastStep = null;       // the core's report of the last update
  let cycle = null;          // { epoch, prev } once the core saw the weights repeat
  let error = null;
  let playing = false;
  let resumeOnShow = false;
  let speed = DEFAULT_SPEED;
  let budget = 0;
  let lastFrame = 0;
  let cancelFrame = null;
  let version = 0;

  function notify() {
    version++;
    const s = snapshot();
    for (const f of listeners) f(s);
  }

  /** Everything a view shows, read from the core's trainer (four samples: cheap). */
  function snapshot() {
    let info = null;
    if (trainer) {
      info = {
        epochs: trainer.epochs(), next: trainer.nextSample(), finished: trainer.finished(),
        converged: trainer.converged(), accuracy: trainer.accuracy(), weights: trainer.weights(),
        errors: trainer.epochErrors(),
      };
    }
    return { version, ...task, options: RULES[task.rule], playing, speed, error, samples, lastStep, cycle, info };
  }

  function newTrainer() {
    stop();
    trainer?.delete();
    trainer = null;
    samples = [];
    lastStep = null;
    cycle = null;
    try {
      trainer = sn.perceptronTrainer({ ...task, ...RULES[task.rule] });
      samples = trainer.samples();
      error = null;
    } catch (e) {
      error = e;
    }
  }

  /** One update by the core; false when there is nothing left to learn. */
  function doStep() {
    if (!trainer || trainer.finished()) return false;
    lastStep = trainer.step();
    const length = cycle ? 0 : trainer.cycleLength();
    if (length > 0) cycle = { epoch: trainer.epochs(), prev: trainer.epochs() - length };
    return true;
  }

  function stop() {
    cancelFrame?.();
    cancelFrame = null;
    playing = false;
  }

  // `speed` steps per second, whatever the frame rate: a budget of steps grows with time.
  function frame(ts) {
    cancelFrame = null;
    if (!playing) return;
    if (lastFrame) budget += ((ts - lastFrame) * speed) / 1000;
    lastFrame = ts;
    budget = Math.min(budget, MAX_STEPS_PER_FRAME);
    let n = Math.floor(budget);
    budget -= n;
    try {
      while (n-- > 0 && doStep() && !trainer.finished());
      if (!trainer || trainer.finished()) playing = false;
    } catch (e) {
      error = e;
      playing = false;
    }
    if (playing) cancelFrame = nextFrame(frame);
    notify();
  }

  newTrainer();

  return {
    snapshot,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },

    play() {
      if (!trainer || playing || trainer.finished()) return;
      playing = true;
      budget = 1;   // the first step at once
      lastFrame = 0;
      cancelFrame = nextFrame(frame);
      notify();
    },
    pause() {
      if (!playing) return;
      stop();
      notify();
    },
    step() {
      stop();
      try { doStep(); } catch (e) { error = e; }
      notify();
    },
    /** Back to zero weights with the same rule and gate. */
    reset() {
      stop();
      try { trainer?.reset(); } catch (e) { error = e; }
      lastStep = null;
      cycle = null;
      notify();
    },
    setSpeed(n) { speed = Number(n); notify(); },
    /** A new rule or gate: a new trainer from zero weights. */
    setTask({ rule, gate }) {
      if (rule === task.rule && gate === task.gate) return;
      task = { rule, gate };
      newTrainer();
      notify();
    },
    setVisible(visible) {
      if (!visible) { resumeOnShow = playing; stop(); }
      else if (resumeOnShow) { resumeOnShow = false; this.play(); }
    },
    dispose() {
      stop();
      listeners.clear();
      trainer?.delete();
      trainer = null;
    },
  };
}

// loss-history.js — a bounded record of the per-step losses the core reports, for the loss curve.
// Every step is kept until there are `max` points; then neighbouring points are
// merged in pairs (their mean, at the later step) and each new point stands for
// twice as many steps. Drawing-only bookkeeping: the losses themselves come
// from the core (trainer.run → losses).
export class LossHistory {
  constructor(max = 1200) {
    this.max = max;
    this.clear();
  }

  clear() {
    this.points = [];     // { step, loss }
    this.bucket = 1;      // steps per point
    this.sum = 0;         // finite losses of the open bucket
    this.count = 0;
    this.steps = 0;       // steps in the open bucket (finite or not)
  }

  /** The losses of consecutive steps ending at `lastStep`. */
  pushMany(losses, lastStep) {
    const first = lastStep - losses.length + 1;
    for (let i = 0; i < losses.length; i++) this.push(first + i, losses[i]);
  }

  push(step, loss) {
    if (Number.isFinite(loss)) { this.sum += loss; this.count += 1; }
    this.steps += 1;
    if (this.steps < this.bucket) return;
    if (this.count > 0) this.points.push({ step, loss: this.sum / this.count });
    this.sum = 0; this.count = 0; this.steps = 0;
    if (this.points.length > this.max) {
      const merged = [];
      for (let i = 0; i + 1 < this.points.length; i += 2) {
        const a = this.points[i];
        const b = this.points[i + 1];
        merged.push({ step: b.step, loss: (a.loss + b.loss) / 2 });
      }
      if (this.points.length % 2) merged.push(this.points[this.points.length - 1]);
      this.points = merged;
      this.bucket *= 2;
    }
  }
}

// argmax.js — the predicted class: the index of the largest of `count`
// outputs starting at `from` (np.argmax over one row of a batch).
export function argmax(values, from, count) {
  let best = 0;
  for (let k = 1; k < count; k++) if (values[from + k] > values[from + best]) best = k;
  return best;
}

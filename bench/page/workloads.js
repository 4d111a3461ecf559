// workloads.js — what every contender runs, in one table.
//
// Training: forward + backward + SGD update of a ReLU MLP with a softmax
// cross-entropy loss, He-initialised weights (N(0, 2/n_in)), zero biases,
// learning rate 0.1, on the same Fashion-MNIST images. Inference: the book's
// ch. 3 network (784-50-100-10, sigmoid, softmax) with its pretrained weights,
// and a 784-100-10 ReLU network (softmax) with scratchnet's He-initialised
// weights of seed 1 — the same weights handed to every contender.
export const TRAINING = [
  { id: 'train 784-100-10/100', sizes: [784, 100, 10], batch: 100 },
  { id: 'train 784-50-100-10/100', sizes: [784, 50, 100, 10], batch: 100 },
  { id: 'train 784-256-128-10/128', sizes: [784, 256, 128, 10], batch: 128 },
];
export const INFERENCE = [
  { id: 'infer 784-50-100-10/1', batch: 1, sizes: [784, 50, 100, 10], hidden: 'sigmoid', weights: 'book' },
  { id: 'infer 784-50-100-10/100', batch: 100, sizes: [784, 50, 100, 10], hidden: 'sigmoid', weights: 'book' },
  { id: 'infer 784-100-10/1', batch: 1, sizes: [784, 100, 10], hidden: 'relu', weights: 'he' },
  { id: 'infer 784-100-10/100', batch: 100, sizes: [784, 100, 10], hidden: 'relu', weights: 'he' },
];
export const LEARNING_RATE = 0.1;

// Per repetition: `steps` training steps, or inference calls covering
// `inferSamples` samples; `warmup` of those are run first and not timed.
export const DEFAULTS = { steps: 30, reps: 5, warmupSteps: 10, inferSamples: 10000 };

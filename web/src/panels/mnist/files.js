// files.js — which of the learner's files is which. MNIST-style data comes as
// four IDX files (train/test × images/labels), raw or gzipped, named like
// train-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte. We go by the name
// first and by the IDX header (magic 0x00000803 images, 0x00000801 labels)
// when the name does not say.
import { ScratchnetError, gunzip, isGzip } from '../../../lib/scratchnet.js';

const MAGIC = { 0x0803: 'images', 0x0801: 'labels' };

async function kindOf(file, bytes) {
  const n = file.name.toLowerCase();
  if (/idx3|image/.test(n)) return 'images';
  if (/idx1|label/.test(n)) return 'labels';
  const head = isGzip(bytes) ? await gunzip(bytes).catch(() => new Uint8Array(0)) : bytes;
  return head.length >= 4 && head[0] === 0 && head[1] === 0 ? MAGIC[(head[2] << 8) | head[3]] ?? null : null;
}

const isTest = (name) => /t10k|test/i.test(name);

/**
 * files (File[]) → { label, files: { trainImages, trainLabels, testImages?, testLabels? } }
 * with ArrayBuffers. Two files (images + labels) are a training set alone.
 * Error mnist.files_unrecognized when the files do not make such a set.
 */
export async function identifyIdxFiles(files) {
  const slots = {};
  for (const f of files) {
    const buffer = await f.arrayBuffer();
    const kind = await kindOf(f, new Uint8Array(buffer));
    if (!kind) continue;
    const key = `${isTest(f.name) ? 'test' : 'train'}${kind === 'images' ? 'Images' : 'Labels'}`;
    slots[key] = { buffer, name: f.name };
  }
  // Just one images + labels pair, named "test": use it for training, with no test split.
  if (!slots.trainImages && !slots.trainLabels && slots.testImages && slots.testLabels) {
    slots.trainImages = slots.testImages;
    slots.trainLabels = slots.testLabels;
    delete slots.testImages;
    delete slots.testLabels;
  }
  const pairs = (a, b) => (!slots[a]) === (!slots[b]);
  if (!slots.trainImages || !slots.trainLabels || !pairs('testImages', 'testLabels')) {
    throw new ScratchnetError('mnist.files_unrecognized',
      `need images and labels (train, optionally test); got ${files.map((f) => f.name).join(', ').slice(0, 200)}`);
  }
  return {
    label: slots.trainImages.name,
    files: Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, v.buffer])),
  };
}

#!/usr/bin/python3
"""convert-book-convnets.py -- the book's trained convnets (ch. 7 and 8) -> models/*.npz

Runs with a plain Python 3, WITHOUT NumPy:

    /usr/bin/python3 scripts/convert-book-convnets.py [/work/shared/reference]

reads                                        writes
  book-ch07-params.pkl                 ->  models/book-ch07-simple_convnet.npz
  book-ch08-deep_convnet_params.pkl    ->  models/book-ch08-deep_convnet.npz

The pickles are what the book's SimpleConvNet.save_params / DeepConvNet.save_params
wrote: a dict of float64 arrays W1, b1, ... in C order (conv W in the book's
shape (FN, C, FH, FW)). They are read with the restricted unpickler of
convert-book-weights.py (only NumPy's array/dtype constructors are allowed;
see there why), converted to float32 (round to nearest, as
arr.astype(np.float32)), and written as a standard .npz (np.savez layout)
together with the `architecture` entry every scratchnet convnet carries: a
0-d NumPy unicode array ('<U', UTF-32LE, shape ()), exactly what
np.array(json_text) gives, holding the layer list (agreement "scratchnet/1").
Read it back in Python with np.load(f)["architecture"].item().

Layers: ch07/simple_convnet.py (conv 30x5x5 -> relu -> pool 2 -> affine 100 ->
relu -> affine 10) and ch08/deep_convnet.py (conv_param_1..6: 16, 16, 32, 32,
64, 64 filters 3x3, pad 1, 1, 1, 2, 1, 1; pools 2x2 stride 2; affine 50, dropout
0.5, affine 10, dropout 0.5). The book's Dropout multiplies by (1 - ratio) at
inference: "dropoutConvention": "scale_at_inference".

Source: oreilly-japan/deep-learning-from-scratch, ch07/params.pkl and
ch08/deep_convnet_params.pkl, MIT License, (c) 2016 Koki Saitoh.
See models/README.md.
"""
import array
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# convert-book-weights.py has a dash in its name: load it as a module by path.
_spec = importlib.util.spec_from_file_location("convert_book_weights", os.path.join(HERE, "convert-book-weights.py"))
cbw = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cbw)


def conv(filters, size, stride=1, pad=0):
    return {"type": "conv", "filters": filters, "size": size, "stride": stride, "pad": pad}


POOL2 = {"type": "pool", "size": 2, "stride": 2, "pad": 0}
RELU = {"type": "relu"}


def affine(out):
    return {"type": "affine", "out": out}


def dropout(ratio):
    return {"type": "dropout", "ratio": ratio}


def architecture(layers):
    return {"format": "scratchnet/1", "kind": "convnet", "input": [1, 28, 28], "layers": layers,
            "output": "softmax", "dropoutConvention": "scale_at_inference"}


NETWORKS = [
    ("book-ch07-params.pkl", "book-ch07-simple_convnet.npz",
     architecture([conv(30, 5), RELU, POOL2, affine(100), RELU, affine(10)])),
    ("book-ch08-deep_convnet_params.pkl", "book-ch08-deep_convnet.npz",
     architecture([conv(16, 3, pad=1), RELU, conv(16, 3, pad=1), RELU, POOL2,
                   conv(32, 3, pad=1), RELU, conv(32, 3, pad=2), RELU, POOL2,
                   conv(64, 3, pad=1), RELU, conv(64, 3, pad=1), RELU, POOL2,
                   affine(50), RELU, dropout(0.5), affine(10), dropout(0.5)])),
]


class Float32Array:
    """A float64 pickle array converted to float32 (what npy_bytes needs)."""

    def __init__(self, a):
        if a.dtype.descr() != "<f8" or a.fortran:
            raise ValueError(f"expected little-endian float64 in C order, got {a.dtype.descr()}")
        values = array.array("d")
        values.frombytes(a.raw)
        if sys.byteorder != "little":
            values.byteswap()
        f32 = array.array("f", values)  # C double -> float: round to nearest even
        if sys.byteorder != "little":
            f32.byteswap()
        self.shape, self.fortran, self.raw = a.shape, False, f32.tobytes()
        self.dtype = cbw.FakeDtype("f4")


class TextArray:
    """np.array(text): dtype '<U{n}' (n UTF-32LE code points), shape ()."""

    class Dtype:
        def __init__(self, n):
            self.n, self.itemsize = n, 4 * n

        def descr(self):
            return f"<U{self.n}"

    def __init__(self, text):
        self.shape, self.fortran = (), False
        self.raw = text.encode("utf-32-le")
        self.dtype = TextArray.Dtype(len(text))


def main():
    src_dir = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference"
    for pkl, npz, arch in NETWORKS:
        with open(os.path.join(src_dir, pkl), "rb") as f:
            params = cbw.SafeUnpickler(f).load()
        count = sum(1 for layer in arch["layers"] if layer["type"] in ("conv", "affine"))
        names = [f"{p}{i}" for i in range(1, count + 1) for p in ("W", "b")]
        if sorted(names) != sorted(params):
            raise ValueError(f"{pkl}: expected arrays {names}, found {sorted(params)}")
        entries = [(name, Float32Array(params[name])) for name in names]
        entries.append(("architecture", TextArray(json.dumps(arch))))
        cbw.write_npz(os.path.join(ROOT, "models", npz), entries)


if __name__ == "__main__":
    main()

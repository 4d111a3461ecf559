#!/usr/bin/python3
"""convert-book-weights.py -- the book's ch.3 sample_weight.pkl -> models/book-ch03.npz

Runs with a plain Python 3, WITHOUT NumPy:

    /usr/bin/python3 scripts/convert-book-weights.py \
        [/work/shared/reference/book-ch03-sample_weight.pkl] [models/book-ch03.npz]

Why not just np.load the pickle? A pickle is a small program that tells
Python which classes to import and what to call; unpickling an untrusted
file can run anything. Here we allow exactly three names -- NumPy's
_reconstruct, ndarray and dtype -- and replace them with harmless stand-ins
that only record what the pickle hands them:

  * ndarray.__setstate__((version, shape, dtype, is_fortran, raw_bytes))
  * dtype.__setstate__((version, byteorder, ...)) after dtype('f4', ...)

That is enough to rebuild each array as bytes, which we then write as a
standard .npz (zip of .npy files, STORED, like np.savez; spec:
numpy.lib.format / NEP 1). NumPy's pickles of W1, W2, W3 are in Fortran
(column-major) order, so those bytes are reordered to C (row-major) order,
the layout scratchnet's Matrix and the .npy header 'fortran_order': False
both mean. dtype stays float32 as in the pickle; biases stay 1-D, (n,).

Source: oreilly-japan/deep-learning-from-scratch, ch03/sample_weight.pkl,
MIT License, (c) 2016 Koki Saitoh. See models/README.md.
"""
import io
import os
import pickle
import struct
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_IN = "/work/shared/reference/book-ch03-sample_weight.pkl"
DEFAULT_OUT = os.path.join(ROOT, "models", "book-ch03.npz")
ORDER = ["W1", "b1", "W2", "b2", "W3", "b3"]


class FakeDtype:
    """Stands in for numpy.dtype: remembers kind+size ('f4') and byte order."""

    def __init__(self, spec, align=False, copy=False):
        self.spec = spec  # e.g. 'f4'
        self.byteorder = "="

    def __setstate__(self, state):
        # (version, byteorder, subarray, names, fields, elsize, alignment, flags)
        self.byteorder = state[1]

    @property
    def itemsize(self):
        return int(self.spec[1:])

    def descr(self):
        order = "<" if self.byteorder in ("<", "=", "|") else ">"
        return order + self.spec


class FakeArray:
    """Stands in for numpy.ndarray: remembers shape, dtype, order and bytes."""

    def __setstate__(self, state):
        _version, self.shape, self.dtype, self.fortran, raw = state
        # Python 2 pickles carry the bytes as a latin-1 str.
        self.raw = raw.encode("latin-1") if isinstance(raw, str) else bytes(raw)


def fake_reconstruct(cls, shape, dtype_code):
    return FakeArray()


class SafeUnpickler(pickle.Unpickler):
    ALLOWED = {
        ("numpy.core.multiarray", "_reconstruct"): fake_reconstruct,
        ("numpy._core.multiarray", "_reconstruct"): fake_reconstruct,
        ("numpy", "ndarray"): FakeArray,
        ("numpy", "dtype"): FakeDtype,
    }

    def find_class(self, module, name):
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"refusing to load {module}.{name}") from None


def c_order_bytes(a):
    """The array's bytes in C (row-major) order."""
    size = a.dtype.itemsize
    count = 1
    for d in a.shape:
        count *= d
    if len(a.raw) != count * size:
        raise ValueError(f"shape {a.shape} needs {count * size} bytes, pickle has {len(a.raw)}")
    if not a.fortran or len(a.shape) < 2:
        return a.raw
    if len(a.shape) != 2:
        raise ValueError("only 1-D and 2-D arrays are expected")
    rows, cols = a.shape
    # Fortran order: element (i, j) sits at j*rows + i.
    out = bytearray(len(a.raw))
    for i in range(rows):
        for j in range(cols):
            src = (j * rows + i) * size
            dst = (i * cols + j) * size
            out[dst:dst + size] = a.raw[src:src + size]
    return bytes(out)


def npy_bytes(a):
    """A .npy v1.0 file: magic, version, header dict padded to 64, data."""
    shape = "(" + ", ".join(str(d) for d in a.shape) + ("," if len(a.shape) == 1 else "") + ")"
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (a.dtype.descr(), shape)
    prefix = 10  # b'\x93NUMPY' + 2 version bytes + 2 length bytes
    total = (prefix + len(header) + 1 + 63) // 64 * 64
    header = header + " " * (total - prefix - len(header) - 1) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("ascii") + c_order_bytes(a)


def write_npz(dst, named_arrays):
    """Writes (name, array) pairs as an .npz (STORED, fixed dates: reproducible bytes)."""
    os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, a in named_arrays:
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            z.writestr(info, npy_bytes(a))
            print(f"{name}: shape {tuple(a.shape)} dtype {a.dtype.descr()} "
                  f"({'Fortran' if a.fortran else 'C'} order in the pickle)")
    with open(dst, "wb") as f:
        f.write(buf.getvalue())
    print(f"wrote {dst} ({len(buf.getvalue())} bytes)")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_IN
    dst = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    with open(src, "rb") as f:
        params = SafeUnpickler(f).load()
    names = [k for k in ORDER if k in params] + sorted(k for k in params if k not in ORDER)
    write_npz(dst, [(name, params[name]) for name in names])


if __name__ == "__main__":
    main()

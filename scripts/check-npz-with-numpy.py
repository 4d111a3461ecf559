#!/usr/bin/python3
"""check-npz-with-numpy.py -- what does NumPy itself see in an .npz?

    /usr/bin/python3 scripts/check-npz-with-numpy.py FILE.npz [--pickle FILE.pkl]

Prints one JSON object: the keys in file order and, per array, its shape,
dtype, sum (float64) and first values (a unicode text entry: its text). The C++ tests call this to prove
that files written by scratchnet open with np.load. With --pickle it also
checks that every array equals the same-named array of a NumPy pickle
(the book's sample_weight.pkl) exactly, and exits 1 if not.

Needs NumPy (Debian: apt-get install python3-numpy). Exit code 2 when
NumPy is missing, so callers can skip instead of fail.
"""
import json
import sys

try:
    import numpy as np
except ImportError:
    print("numpy is not installed", file=sys.stderr)
    sys.exit(2)


def main():
    args = sys.argv[1:]
    pickle_path = None
    if "--pickle" in args:
        i = args.index("--pickle")
        pickle_path = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    report = {"keys": [], "arrays": {}}
    with np.load(args[0], allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    for name, a in arrays.items():
        report["keys"].append(name)
        if a.dtype.kind == "U":  # a text entry, e.g. scratchnet's architecture JSON
            report["arrays"][name] = {"shape": list(a.shape), "dtype": str(a.dtype), "text": a.item()}
            continue
        report["arrays"][name] = {
            "shape": list(a.shape),
            "dtype": str(a.dtype),
            "sum": float(a.astype(np.float64).sum()),
            "first": [float(v) for v in a.ravel()[:4]],
        }
    ok = True
    if pickle_path is not None:
        import pickle

        with open(pickle_path, "rb") as f:
            ref = pickle.load(f)
        same = {k: bool(k in arrays and arrays[k].dtype == ref[k].dtype
                        and arrays[k].shape == ref[k].shape
                        and np.array_equal(arrays[k], ref[k])) for k in ref}
        same_keys = sorted(ref) == sorted(arrays)
        ok = all(same.values()) and same_keys
        report["matches_pickle"] = {"all": ok, "same_keys": same_keys, "arrays": same}
    print(json.dumps(report))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""precision-reference.py -- the book's ch. 3 network in float64, float32 and float16, in NumPy.

    /usr/bin/python3 scripts/precision-reference.py

The numbers tests/cpp/net/precision_test.cpp and tests/node/lib/precision.test.mjs
check, computed independently of scratchnet: models/book-ch03.npz (the book's
sample_weight.pkl: sigmoid, softmax) on the 10,000 bundled digits
(web/public/data/mnist, train then test), with the weights as float64,
float32, and float16 rounded and back to float32 (half_float_network.py:
params[key].astype(np.float16), then NumPy computes in float32 because the
input is float32). Prints one JSON object.
"""
import gzip
import json

import numpy as np

ROOT = __file__.rsplit('/scripts/', 1)[0]


def idx(path):
    data = gzip.open(path).read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def digits():
    base = ROOT + '/web/public/data/mnist/'
    xs, ts = [], []
    for split in ('train', 'test'):
        xs.append(idx(base + split + '-images-idx3-ubyte.gz').reshape(-1, 784).astype(np.float32) / 255)
        ts.append(idx(base + split + '-labels-idx1-ubyte.gz').astype(np.int64))
    return np.concatenate(xs), np.concatenate(ts)


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def softmax(a):
    a = a - a.max(axis=1, keepdims=True)
    e = np.exp(a)
    return e / e.sum(axis=1, keepdims=True)


def predict(p, x):  # the book's ch03/neuralnet_mnist.py predict(), one batch
    z1 = sigmoid(x @ p['W1'] + p['b1'])
    z2 = sigmoid(z1 @ p['W2'] + p['b2'])
    return softmax(z2 @ p['W3'] + p['b3'])


def main():
    x, t = digits()
    with np.load(ROOT + '/models/book-ch03.npz') as f:
        p32 = {k: f[k].astype(np.float32) for k in ('W1', 'b1', 'W2', 'b2', 'W3', 'b3')}
    p64 = {k: v.astype(np.float64) for k, v in p32.items()}
    p16 = {k: v.astype(np.float16).astype(np.float32) for k, v in p32.items()}
    y64 = predict(p64, x.astype(np.float64))
    out = {'rows': int(len(t)), 'parameters': int(sum(v.size for v in p32.values()))}
    for name, p, xx in (('float64', p64, x.astype(np.float64)), ('float32', p32, x), ('float16', p16, x)):
        y = predict(p, xx)
        out[name] = {
            'accuracy': float((y.argmax(axis=1) == t).mean()),
            'max_output_change': float(np.abs(y.astype(np.float64) - y64).max()),
        }
    out['float16']['max_weight_change'] = float(max(np.abs(p16[k] - p32[k]).max() for k in p32))
    print(json.dumps(out, indent=1))


main()

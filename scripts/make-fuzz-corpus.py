#!/usr/bin/python3
"""make-fuzz-corpus.py — write the seed corpora of tests/fuzz/ and their table.

Run once by hand (the files are committed; tests never regenerate them):
    /usr/bin/python3 scripts/make-fuzz-corpus.py   (Debian python3-numpy)

tests/fuzz/corpus/idx/  small real IDX files (3 MNIST test digits, raw and .gz)
                        and hand-broken ones, one per way of being wrong;
tests/fuzz/corpus/npz/  small real networks (saved by numpy and by the core)
                        and hand-broken .npz files;
tests/fuzz/corpus/broken.tsv  one row per broken file, read by the C++ and the
                        Node table tests:  target  file  role  native-code  wasm-code
    role  alone   — the file alone is refused (read_idx / load_npz)
          images  — IDX: read fine, refused when paired with good-labels-3.idx
          labels  — IDX: read fine, refused when paired with good-images-3.idx
          network — NPZ: loads fine, refused when made into a network (sigmoid, softmax)
    The wasm build has no zlib (the page gunzips with DecompressionStream and
    compressed .npz entries are refused), so a few codes differ there.
"""
import gzip
import io
import os
import struct
import subprocess
import tempfile
import zipfile

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), '..'))
CORPUS = os.path.join(ROOT, 'tests/fuzz/corpus')
MNIST = os.path.join(ROOT, 'web/public/data/mnist')
rows = []


def write(target, name, data):
    path = os.path.join(CORPUS, target, name)
    with open(path, 'wb') as f:
        f.write(data)


def broken(target, name, data, role, code, wasm_code=None):
    write(target, name, data)
    rows.append((target, name, role, code, wasm_code or code))


def gz(data):
    # mtime=0: the same bytes on every run
    return gzip.compress(data, compresslevel=9, mtime=0)


def idx(dims, values=b'', typ=8):
    return bytes([0, 0, typ, len(dims)]) + b''.join(struct.pack('>I', d) for d in dims) + values


# ---- IDX ---------------------------------------------------------------------
os.makedirs(os.path.join(CORPUS, 'idx'), exist_ok=True)
with gzip.open(os.path.join(MNIST, 'test-images-idx3-ubyte.gz')) as f:
    all_images = f.read()
with gzip.open(os.path.join(MNIST, 'test-labels-idx1-ubyte.gz')) as f:
    all_labels = f.read()
images3 = idx([3, 28, 28], all_images[16:16 + 3 * 784])
labels3 = idx([3], all_labels[8:11])
assert list(labels3[8:]) == [3, 5, 8]  # the bundled split is shuffled
write('idx', 'good-images-3.idx', images3)
good_gz = gz(images3)
write('idx', 'good-images-3.idx.gz', good_gz)
write('idx', 'good-labels-3.idx', labels3)
write('idx', 'good-labels-3.idx.gz', gz(labels3))
write('idx', 'good-tiny-2x2.idx', idx([2, 2, 2], bytes([0, 64, 128, 255, 1, 2, 3, 4])))

broken('idx', 'empty.idx', b'', 'alone', 'idx.truncated')
broken('idx', 'one-zero-byte.idx', b'\0', 'alone', 'idx.truncated')
broken('idx', 'bad-magic.idx', b'\1\2' + images3[2:], 'alone', 'idx.bad_magic')
broken('idx', 'text-file.idx', b'label,pixel0,pixel1\n7,0,0\n', 'alone', 'idx.bad_magic')
broken('idx', 'type-float32.idx', idx([3], struct.pack('>3f', 1, 2, 3), typ=0x0D), 'alone', 'idx.bad_type')
broken('idx', 'type-unknown.idx', idx([3], b'abc', typ=0x42), 'alone', 'idx.bad_type')
broken('idx', 'zero-dims.idx', idx([]), 'alone', 'idx.bad_dims')
broken('idx', 'header-cut.idx', images3[:3], 'alone', 'idx.truncated')
broken('idx', 'dims-cut.idx', images3[:10], 'alone', 'idx.truncated')
broken('idx', 'body-cut.idx', images3[:-100], 'alone', 'idx.truncated')
broken('idx', 'trailing-byte.idx', labels3 + b'\0', 'alone', 'idx.trailing_bytes')
# 60000 x 28 x 28 declared, 10 bytes present: memory must follow the bytes
broken('idx', 'lying-count.idx', idx([60000, 28, 28], bytes(10)), 'alone', 'idx.truncated')
broken('idx', 'huge-dims.idx', idx([0xFFFFFFFF] * 3), 'alone', 'size.too_large')
broken('idx', 'two-gib.idx', idx([0x80000000]), 'alone', 'size.too_large')
broken('idx', 'many-dims.idx', idx([2] * 40, bytes(10)), 'alone', 'size.too_large')
broken('idx', 'labels-out-of-range.idx', idx([3], bytes([3, 10, 8])), 'labels', 'idx.label_out_of_range')
broken('idx', 'labels-255.idx', idx([3], bytes([255, 255, 255])), 'labels', 'idx.label_out_of_range')
broken('idx', 'labels-count-mismatch.idx', idx([2], bytes([3, 5])), 'labels', 'idx.count_mismatch')
broken('idx', 'labels-2d.idx', idx([3, 1], bytes([3, 5, 8])), 'labels', 'idx.bad_dims')
broken('idx', 'images-2d.idx', idx([3, 784], images3[16:]), 'images', 'idx.bad_dims')
broken('idx', 'images-zero-width.idx', idx([3, 28, 0]), 'images', 'idx.bad_dims')
flipped = bytearray(good_gz)
flipped[len(flipped) // 2] ^= 0xFF
broken('idx', 'gzip-corrupt.idx.gz', bytes(flipped), 'alone', 'gzip.corrupt')
bad_crc = bytearray(good_gz)
bad_crc[-8] ^= 0x01  # the CRC-32 of the trailer
broken('idx', 'gzip-bad-crc.idx.gz', bytes(bad_crc), 'alone', 'gzip.corrupt')
broken('idx', 'gzip-no-trailer.idx.gz', good_gz[:-8], 'alone', 'gzip.corrupt')
broken('idx', 'gzip-cut-in-body.idx.gz', good_gz[:len(good_gz) // 2], 'alone', 'idx.truncated', 'gzip.corrupt')
broken('idx', 'gzip-magic-only.idx.gz', b'\x1f\x8b', 'alone', 'idx.truncated', 'gzip.corrupt')
broken('idx', 'gzip-two-members.idx.gz', gz(labels3) + gz(labels3), 'alone', 'gzip.corrupt', 'idx.trailing_bytes')
broken('idx', 'gzip-trailing-junk.idx.gz', gz(labels3) + b'junk', 'alone', 'gzip.corrupt')
# a small file that claims 100 MB after gunzip but holds 1,000 bytes
broken('idx', 'gzip-lying-size.idx.gz', gz(idx([100000, 1000], bytes(1000))), 'alone', 'idx.truncated')

# ---- NPZ ---------------------------------------------------------------------
os.makedirs(os.path.join(CORPUS, 'npz'), exist_ok=True)
rng = np.random.default_rng(1)
W1 = rng.normal(size=(2, 3)).astype(np.float32)
b1 = np.zeros(3, np.float32)
W2 = rng.normal(size=(3, 2)).astype(np.float32)
b2 = np.array([0.1, -0.1], np.float32)


def savez(compressed=False, **arrays):
    buf = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(buf, **arrays)
    return buf.getvalue()


def npy(arr):
    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def zip_of(entries):
    """A zip of (name, bytes) pairs, dated 1980 so the bytes never change."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, data)
    return buf.getvalue()


def patch_central(data, offset_in_record, fmt, value):
    """Overwrite a field of the first central directory record."""
    out = bytearray(data)
    at = out.index(b'PK\x01\x02') + offset_in_record
    struct.pack_into(fmt, out, at, value)
    return bytes(out)


good = savez(W1=W1, b1=b1, W2=W2, b2=b2)
write('npz', 'good-2-3-2.npz', good)
write('npz', 'good-2-3-2-compressed.npz', savez(True, W1=W1, b1=b1, W2=W2, b2=b2))
write('npz', 'good-batchnorm.npz', savez(W1=W1, b1=b1, gamma1=np.ones(3, np.float32),
                                         beta1=np.zeros(3, np.float32), W2=W2, b2=b2))
write('npz', 'good-float64.npz', savez(W1=W1.astype(np.float64), b1=b1.astype(np.float64),
                                       W2=W2.astype(np.float64), b2=b2.astype(np.float64)))
# one saved by the core itself (784-4-10 on the three digits), when the CLI is built
cli = os.path.join(ROOT, 'build/native/scratchnet-cli')
if os.path.exists(cli):
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in (('i.idx', images3), ('l.idx', labels3)):
            with open(os.path.join(tmp, name), 'wb') as f:
                f.write(data)
        out = os.path.join(tmp, 'core.npz')
        subprocess.run([cli, 'train', '--train-images', os.path.join(tmp, 'i.idx'),
                        '--train-labels', os.path.join(tmp, 'l.idx'), '--sizes', '784,4,10',
                        '--epochs', '1', '--batch', '3', '--save', out], check=True, stdout=subprocess.DEVNULL)
        with open(out, 'rb') as f:
            write('npz', 'good-saved-by-core.npz', f.read())

broken('npz', 'empty.npz', b'', 'alone', 'npz.truncated')
broken('npz', 'text-file.npz', b'W1 = [[1, 2], [3, 4]]\n', 'alone', 'npz.not_zip')
broken('npz', 'single-npy.npz', npy(W1), 'alone', 'npz.not_zip')
broken('npz', 'gzip-not-zip.npz', gz(good), 'alone', 'npz.not_zip')
broken('npz', 'no-end-record.npz', good[:-22], 'alone', 'npz.truncated')
broken('npz', 'cut-in-half.npz', good[:len(good) // 2], 'alone', 'npz.truncated')
broken('npz', 'pk-only.npz', b'PK', 'alone', 'npz.truncated')
end = bytearray(good)
struct.pack_into('<I', end, len(end) - 6, 0x7FFFFFFF)  # central directory offset
broken('npz', 'directory-outside.npz', bytes(end), 'alone', 'npz.truncated')
crc = bytearray(good)
crc[good.index(b'\x93NUMPY') + 140] ^= 0x01  # a float of W1: its .npy header is 128 bytes
broken('npz', 'bad-crc.npz', bytes(crc), 'alone', 'npz.bad_entry')
broken('npz', 'method-bzip2.npz', patch_central(good, 10, '<H', 12), 'alone', 'npz.bad_entry')
broken('npz', 'encrypted.npz', patch_central(good, 8, '<H', 1), 'alone', 'npz.bad_entry')
broken('npz', 'local-offset-past-end.npz', patch_central(good, 42, '<I', 0x00FFFFFF), 'alone', 'npz.truncated')
broken('npz', 'not-npy-entry.npz', zip_of([('readme.txt', b'weights of my net')]), 'alone', 'npz.bad_entry')
broken('npz', 'duplicate-array.npz', zip_of([('W1.npy', npy(W1)), ('W1.npy', npy(W1))]), 'alone', 'npz.bad_entry')
broken('npz', 'npy-bad-magic.npz', zip_of([('W1.npy', b'NUMPY' + bytes(80))]), 'alone', 'npy.bad_header')
broken('npz', 'npy-bad-version.npz', zip_of([('W1.npy', b'\x93NUMPY\x09\x00' + npy(W1)[8:])]), 'alone', 'npy.bad_header')
header = b"{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3) "
broken('npz', 'npy-bad-dict.npz', zip_of([('W1.npy', b'\x93NUMPY\x01\x00' + struct.pack('<H', len(header)) + header + W1.tobytes())]),
       'alone', 'npy.bad_header')
broken('npz', 'npy-header-cut.npz', zip_of([('W1.npy', npy(W1)[:40])]), 'alone', 'npz.truncated')
broken('npz', 'dtype-int64.npz', savez(W1=np.arange(6, dtype=np.int64).reshape(2, 3)), 'alone', 'npy.bad_dtype')
broken('npz', 'dtype-big-endian.npz', savez(W1=W1.astype('>f4')), 'alone', 'npy.bad_dtype')
broken('npz', 'dtype-object.npz', zip_of([('W1.npy', npy(W1).replace(b"'<f4'", b"'|O8'"))]), 'alone', 'npy.bad_dtype')
broken('npz', 'fortran-order.npz', savez(W1=np.asfortranarray(W1)), 'alone', 'npy.bad_shape')
broken('npz', 'three-d.npz', savez(W1=np.zeros((2, 2, 2), np.float32)), 'alone', 'npy.bad_shape')
broken('npz', 'data-short.npz', zip_of([('W1.npy', npy(np.zeros((10, 10), np.float32))[:-40])]), 'alone', 'npz.truncated')
broken('npz', 'data-long.npz', zip_of([('W1.npy', npy(W1) + bytes(4))]), 'alone', 'npy.bad_shape')
huge_header = b"{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }"
huge_header += b' ' * (118 - len(huge_header)) + b'\n'
broken('npz', 'huge-shape.npz', zip_of([('W1.npy', b'\x93NUMPY\x01\x00' + struct.pack('<H', len(huge_header)) + huge_header + bytes(16))]),
       'alone', 'size.too_large')
# a deflated entry that claims 3 GB from a few bytes: refused before inflating
bomb = patch_central(savez(True, W1=W1), 24, '<I', 3_000_000_000)
broken('npz', 'deflate-lying-size.npz', bomb, 'alone', 'size.too_large', 'npz.compressed_unsupported_here')
broken('npz', 'deflate-corrupt.npz', savez(True, W1=W1)[:60] + bytes(20) + savez(True, W1=W1)[80:], 'alone', 'npz.bad_entry',
       'npz.compressed_unsupported_here')
broken('npz', 'no-W1.npz', savez(x=W1), 'network', 'npz.missing_param')
broken('npz', 'missing-b1.npz', savez(W1=W1, W2=W2, b2=b2), 'network', 'npz.missing_array')
broken('npz', 'mismatched-W.npz', savez(W1=W1, b1=b1, W2=np.zeros((4, 2), np.float32), b2=b2), 'network', 'npz.bad_entry')
broken('npz', 'bias-wrong-shape.npz', savez(W1=W1, b1=np.zeros(5, np.float32), W2=W2, b2=b2), 'network', 'shape.mismatch')
nan_W1 = W1.copy()
nan_W1[0, 0] = np.nan
broken('npz', 'nan-weight.npz', savez(W1=nan_W1, b1=b1, W2=W2, b2=b2), 'network', 'input.not_finite')
inf_b2 = b2.copy()
inf_b2[1] = np.inf
broken('npz', 'inf-bias.npz', savez(W1=W1, b1=b1, W2=W2, b2=inf_b2), 'network', 'input.not_finite')
broken('npz', 'zero-width-layer.npz', savez(W1=np.zeros((2, 0), np.float32), b1=np.zeros(0, np.float32)), 'network', 'net.layer_size')
broken('npz', 'forty-layers.npz', savez(**{f'W{i}': np.ones((1, 1), np.float32) for i in range(1, 41)}), 'network', 'net.too_deep')

with open(os.path.join(CORPUS, 'broken.tsv'), 'w') as f:
    f.write('# target\tfile\trole\tnative code\twasm code   (written by scripts/make-fuzz-corpus.py)\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
print(f'{len(rows)} broken inputs, '
      f'{len(os.listdir(os.path.join(CORPUS, "idx")))} idx and {len(os.listdir(os.path.join(CORPUS, "npz")))} npz seeds')

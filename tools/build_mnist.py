"""Build the bundled MNIST subset: ``mindgrad/data/mnist_subset.npz``.

Usage, from the repository root::

    python tools/build_mnist.py DIR

``DIR`` holds the two official MNIST test files,
``t10k-images-idx3-ubyte.gz`` and ``t10k-labels-idx1-ubyte.gz``, exactly
as the MNIST mirrors distribute them. The script checks their md5 sums,
parses the IDX format with NumPy, draws 7,000 of the 10,000 digits with
``perm = np.random.default_rng(0).permutation(10000)`` (``perm[:6000]``
become the bundled "train" split, ``perm[9000:]`` the "test" split, so no
digit is in both), and writes two files next to ``mindgrad/data/``:

- ``mnist_subset.npz``: for each split, ``{split}_images`` (uint8,
  ``(N, 28, 28)``), ``{split}_labels`` (uint8, ``(N,)``) and
  ``{split}_indices`` (int64, the digit's position in the official test
  file);
- ``MNIST_CREDIT.txt``: who made the data, its licence, and how this file
  was drawn from it.

Reproducible: every zip member gets the same fixed timestamp (NumPy's own
``savez_compressed`` stamps the current time), so two runs with the same
NumPy and zlib give byte-identical files. Both files are written to a
temporary file beside the target and renamed, so an interrupted run never
leaves half a file. Not shipped with the package: a maintainer's tool.
"""
import argparse
import gzip
import hashlib
import io
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "mindgrad" / "data"
MD5 = {
    "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
    "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
}
SEED, TRAIN, TEST_START = 0, 6000, 9000
MAX_BYTES = 2 * 1024 * 1024
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record

CREDIT = """\
The MNIST digits in mnist_subset.npz
====================================

Source: the MNIST database of handwritten digits by Yann LeCun, Corinna
Cortes and Christopher J. C. Burges, derived from NIST Special Databases
1 and 3.

Licence: Creative Commons Attribution-Share Alike 3.0 (CC BY-SA 3.0),
https://creativecommons.org/licenses/by-sa/3.0/. The share-alike terms
apply to the data file mnist_subset.npz (not to mindgrad's code, which is
under the Apache License 2.0): if you share an adapted copy of it, credit
the authors and share it under the same licence.

Which digits: 7,000 of the 10,000 digits of the official MNIST test file
(t10k-images-idx3-ubyte.gz, md5 9fb629c4189551a2d022fa330f9573f3;
t10k-labels-idx1-ubyte.gz, md5 ec29112dd5afa0611ce80d1b7f02629c), with
perm = numpy.random.default_rng(0).permutation(10000):
- "train": perm[:6000], 6,000 digits;
- "test": perm[9000:], 1,000 digits; no digit is in both.
The images and labels are unchanged (uint8 pixels 0-255, labels 0-9);
{split}_indices gives each digit's position in the official test file.
Both bundled splits come from MNIST's test file, so accuracies measured
on them are not comparable with published MNIST results.

How it was made: tools/build_mnist.py in mindgrad's repository, which
checks the md5 sums above, parses the IDX files with NumPy and writes
this credit beside the data.
"""


def md5_of(path):
    """Return the hex md5 sum of a file's bytes."""
    return hashlib.md5(path.read_bytes()).hexdigest()


def read_idx(path):
    """Parse a gzip-compressed IDX file of uint8 values into an array.

    IDX: big-endian; two zero bytes, the type (0x08 = uint8), the number
    of dimensions, one 4-byte size per dimension, then the data in C order.
    """
    raw = gzip.decompress(path.read_bytes())
    if raw[:3] != b"\x00\x00\x08":
        raise SystemExit(f"{path.name}: not an IDX file of uint8 values")
    ndim = raw[3]
    shape = tuple(np.frombuffer(raw, ">u4", ndim, offset=4).astype(int))
    data = np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim)
    if data.size != np.prod(shape):
        raise SystemExit(f"{path.name}: {data.size} values, header says "
                         f"{shape}")
    return data.reshape(shape)


def npz_bytes(arrays):
    """Return a compressed .npz with a fixed timestamp on every member."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(array),
                                      allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # rw-r--r--, as savez gives
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def write_atomically(path, data):
    """Write bytes to a temporary file beside ``path``, then rename it."""
    handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private to its owner
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


def build(source):
    """Check, read, split and write; return the npz size in bytes."""
    for name, expected in MD5.items():
        path = source / name
        if not path.is_file():
            raise SystemExit(f"{path} is missing: put the official MNIST "
                             f"file there, or name its folder.")
        if md5_of(path) != expected:
            raise SystemExit(f"{path}: md5 {md5_of(path)}, expected "
                             f"{expected}; download the file again.")
    images = read_idx(source / "t10k-images-idx3-ubyte.gz")
    labels = read_idx(source / "t10k-labels-idx1-ubyte.gz")
    if images.shape != (10000, 28, 28) or labels.shape != (10000,):
        raise SystemExit(f"expected 10,000 digits of 28x28 and 10,000 "
                         f"labels, got {images.shape} and {labels.shape}")
    perm = np.random.default_rng(SEED).permutation(10000)
    arrays = {}
    for split, indices in (("train", perm[:TRAIN]),
                           ("test", perm[TEST_START:])):
        arrays[f"{split}_images"] = images[indices]
        arrays[f"{split}_labels"] = labels[indices]
        arrays[f"{split}_indices"] = indices.astype(np.int64)
    data = npz_bytes(arrays)
    OUT_DIR.mkdir(exist_ok=True)
    if len(data) > MAX_BYTES:
        raise SystemExit(f"mnist_subset.npz would be {len(data)} bytes, "
                         f"more than {MAX_BYTES}")
    write_atomically(OUT_DIR / "mnist_subset.npz", data)
    write_atomically(OUT_DIR / "MNIST_CREDIT.txt", CREDIT.encode("utf-8"))
    return len(data)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path,
                        help="folder with the two official MNIST test files")
    args = parser.parse_args(argv)
    size = build(args.source)
    print(f"wrote {OUT_DIR / 'mnist_subset.npz'} ({size} bytes) and "
          f"MNIST_CREDIT.txt", file=sys.stderr)


if __name__ == "__main__":
    main()

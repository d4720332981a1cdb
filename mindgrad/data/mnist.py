"""MNIST digits as NumPy arrays, and shuffled mini-batches of them.

MindSpore reads MNIST with ``mindspore.dataset.MnistDataset`` and a
pipeline of transforms; mindgrad has no ``dataset`` (api.md 1.4) and
offers two small functions instead, giving the same numbers. See lesson
12.
"""
import gzip
import math
from pathlib import Path

import numpy as np

from ..tensor import Tensor
from . import download

SPLITS = ("train", "test")
SOURCES = ("bundled", "full")
_BUNDLED = Path(__file__).with_name("mnist_subset.npz")
_PREFIX = {"train": "train", "test": "t10k"}  # official file names
# MindSpore's tutorial pipeline, Rescale(1 / 255) then Normalize(0.1307,
# 0.3081), computes in float32 in this order; doing the same gives the
# same bits (checked against MindSpore 2.10 on all 256 pixel values).
_SCALE, _MEAN, _STD = np.float32(1 / 255), np.float32(0.1307), \
    np.float32(0.3081)


def load_mnist(split="train", source="bundled", normalize=True, *,
               mirrors=download.MIRRORS, checksums=download.CHECKSUMS):
    """Return MNIST images and labels of one split as NumPy arrays.

    Math: x = (pixel / 255 - 0.1307) / 0.3081, the mean and standard
    deviation of MNIST's training pixels, as MindSpore's tutorial does.

    Args:
        split: ``"train"`` or ``"test"``.
        source: ``"bundled"``: 7,000 real digits shipped with mindgrad,
            6,000 for "train" and 1,000 for "test", both drawn from
            MNIST's official test file (see ``MNIST_CREDIT.txt``);
            ``"full"``: the official 60,000 + 10,000 digits, downloaded
            once, md5-checked and cached under ``$MINDGRAD_HOME`` (default
            ``~/.mindgrad``) in ``data/mnist/``.
        normalize: True gives float32 images of shape ``(N, 1, 28, 28)``
            (channel first, normalised as above); False gives the raw
            uint8 pixels, shape ``(N, 28, 28)``, for pictures.
        mirrors, checksums: where ``source="full"`` downloads from (base
            URLs, tried in order) and the md5 sum of each file by name;
            tests pass their own to serve files from a local server.

    Returns:
        ``(images, labels)``, labels as int32 digits 0-9.

    Raises:
        ValueError: an unknown split or source.
        RuntimeError: ``source="full"`` could not download a file.

    >>> from mindgrad.data import load_mnist
    >>> images, labels = load_mnist("test")
    >>> print(images.shape, images.dtype, labels.shape, labels.dtype)
    (1000, 1, 28, 28) float32 (1000,) int32
    >>> pixels, _ = load_mnist("test", normalize=False)
    >>> print(pixels.dtype, pixels.min(), pixels.max(), images.min())
    uint8 0 255 -0.42421296

    See lesson 12.
    """
    _check_choice("split", split, SPLITS)
    _check_choice("source", source, SOURCES)
    if source == "bundled":
        with np.load(_BUNDLED, allow_pickle=False) as archive:
            images = archive[f"{split}_images"]
            labels = archive[f"{split}_labels"]
    else:
        files = [download.fetch(f"{_PREFIX[split]}-{kind}-ubyte.gz",
                                mirrors, checksums)
                 for kind in ("images-idx3", "labels-idx1")]
        images, labels = _read_idx(files[0]), _read_idx(files[1])
    labels = labels.astype(np.int32)
    if not normalize:
        return images, labels
    scaled = images[:, None].astype(np.float32) * _SCALE
    return (scaled - _MEAN) / _STD, labels


def batches(images, labels, batch_size=64, shuffle=True, seed=0):
    """Split images and labels into mini-batches of Tensors.

    Math: ceil(N / batch_size) batches; the last one holds the rest.

    Args:
        images, labels: arrays with the same first axis N.
        batch_size: digits per batch, a positive int.
        shuffle: True draws the order from ``seed``; False keeps it.
        seed: the order depends on this alone (use the epoch number to
            get a new order each epoch that is the same on every run).

    Returns:
        A ``Batches`` iterable with ``len()``, yielding
        ``(Tensor float32, Tensor int32)`` pairs, the same ones each time.

    >>> from mindgrad.data import batches, load_mnist
    >>> images, labels = load_mnist("test")
    >>> loader = batches(images, labels, batch_size=64, seed=0)
    >>> print(len(loader))
    16
    >>> x, y = next(iter(loader))
    >>> print(x.shape, x.dtype, y.shape, y.dtype)
    (64, 1, 28, 28) Float32 (64,) Int32

    See lesson 12.
    """
    return Batches(images, labels, batch_size, shuffle, seed)


class Batches:
    """The mini-batches of :func:`batches`: iterable, with ``len()``."""

    def __init__(self, images, labels, batch_size, shuffle, seed):
        images, labels = np.asarray(images), np.asarray(labels)
        if len(images) != len(labels):
            raise ValueError(
                f"batches: {len(images)} images but {len(labels)} labels; "
                f"pass the labels that belong to these images.")
        if not isinstance(batch_size, (int, np.integer)):
            raise TypeError(f"batches: batch_size must be an int, got "
                            f"{type(batch_size).__name__}.")
        if batch_size < 1:
            raise ValueError(f"batches: batch_size must be at least 1, got "
                             f"{batch_size}; 64 is a common choice.")
        self.images, self.labels, self.batch_size = images, labels, batch_size
        self.order = (np.random.default_rng(seed).permutation(len(images))
                      if shuffle else np.arange(len(images)))

    def __len__(self):
        return math.ceil(len(self.order) / self.batch_size)

    def __iter__(self):
        for start in range(0, len(self.order), self.batch_size):
            chosen = self.order[start:start + self.batch_size]
            yield (Tensor.from_numpy(self.images[chosen].astype(np.float32)),
                   Tensor.from_numpy(self.labels[chosen].astype(np.int32)))


def _read_idx(path):
    # IDX (checked by md5 before): big-endian; two zero bytes, the type
    # (8 = uint8), the number of dimensions, a 4-byte size for each, data.
    raw = bytearray(gzip.decompress(Path(path).read_bytes()))  # writable
    shape = np.frombuffer(raw, ">u4", raw[3], offset=4).astype(np.intp)
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * raw[3]).reshape(shape)


def _check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(
            f"load_mnist: {name} must be one of "
            f"{', '.join(map(repr, choices))}, got {value!r}.")

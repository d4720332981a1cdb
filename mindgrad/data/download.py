"""Fetch the official MNIST files once, check them, and keep them.

``load_mnist(source="full")`` asks :func:`fetch` for a file by name. The
file is looked up in the cache, ``$MINDGRAD_HOME/data/mnist/`` (default
``~/.mindgrad/data/mnist/``), and downloaded only when it is missing or
its md5 sum is wrong. A download goes to a temporary file in the cache
folder, is checked against its md5 sum, and only then renamed into place:
an interrupted or corrupted download never leaves a file that looks
complete. Mirrors are tried in order until one gives the right bytes.
"""
import hashlib
import os
import sys
import urllib.request
from pathlib import Path

from .._atomic import atomic_write

# The mirrors torchvision and TensorFlow download MNIST from (the original
# site, yann.lecun.com, refuses scripted downloads). Tried in order.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
# The md5 sums every MNIST mirror publishes for the four official files.
CHECKSUMS = {
    "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
    "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
    "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
    "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
}
TIMEOUT = 30  # seconds of silence before a mirror counts as unreachable


def cache_dir():
    """Return the folder that keeps downloaded MNIST files."""
    home = os.environ.get("MINDGRAD_HOME") or Path.home() / ".mindgrad"
    return Path(home).expanduser() / "data" / "mnist"


def md5_of(path):
    """Return the hex md5 sum of a file, read in 1 MB pieces."""
    digest = hashlib.md5()
    with open(path, "rb") as file:
        for piece in iter(lambda: file.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()


def fetch(name, mirrors=MIRRORS, checksums=CHECKSUMS):
    """Return the path of a checked copy of the file ``name``.

    Raises ``RuntimeError`` (MindSpore's class for data that cannot be
    loaded) naming the file, every mirror's problem, and the fixes.
    """
    path = cache_dir() / name
    if path.is_file() and md5_of(path) == checksums[name]:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    problems = []
    for mirror in mirrors:
        try:
            _download(mirror + name, path, checksums[name])
            return path
        except (OSError, ValueError) as error:  # URLError is an OSError
            problems.append(f"{mirror + name}: {error}")
    raise RuntimeError(
        f"load_mnist: could not get {name} ({'; '.join(problems)}). Go "
        f"online and try again, or download {name} by hand (md5 "
        f"{checksums[name]}) and place it in {path.parent}, or use "
        f"source='bundled' for the 7,000 digits shipped with mindgrad.")


def _download(url, path, md5):
    with atomic_write(path) as file, \
            urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        total = int(response.headers.get("Content-Length") or 0)
        for piece in iter(lambda: response.read(1 << 16), b""):
            file.write(piece)
            _show_progress(path.name, file.tell(), total)
        sys.stderr.write("\n")
        file.flush()                      # a wrong checksum keeps no file
        if md5_of(file.name) != md5:
            raise ValueError(f"md5 {md5_of(file.name)}, expected {md5}: "
                             f"the download is corrupted")


def _show_progress(name, done, total):
    # One stderr line rewritten in place: no dependency, and notebooks
    # show it too.
    of_total = f" of {total / 1e6:.1f} MB" if total else " MB"
    sys.stderr.write(f"\rdownloading {name}: {done / 1e6:.1f}{of_total}")

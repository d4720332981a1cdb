"""mindgrad.data: the bundled MNIST subset, batches, and the download path.

The bundled file must hold exactly the digits curriculum.md 6 names
(``perm[:6000]`` and ``perm[9000:]`` of the official test file, with
``perm = np.random.default_rng(0).permutation(10000)``). The download
tests never touch the real network: a small HTTP server on 127.0.0.1
serves tiny IDX files made here, and the mirror and checksum tables are
passed to ``load_mnist``.
"""
import gzip
import hashlib
import http.server
import socket
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import mindgrad.data
from mindgrad import Tensor
from mindgrad import dtype as mstype
from mindgrad.data import batches, download, load_mnist

PERM = np.random.default_rng(0).permutation(10000)
SIZES = {"train": 6000, "test": 1000}
CLASS_COUNTS = {"train": (536, 693), "test": (86, 114)}


# ----------------------------------------------------------------------
# The bundled subset.
@pytest.fixture(scope="module")
def archive():
    """The arrays of the shipped ``mnist_subset.npz``."""
    path = Path(mindgrad.data.__file__).with_name("mnist_subset.npz")
    with np.load(path, allow_pickle=False) as npz:
        return {name: npz[name] for name in npz.files}


def test_bundled_file_holds_uint8_images_labels_and_indices(archive):
    assert sorted(archive) == sorted(
        f"{split}_{part}" for split in SIZES
        for part in ("images", "labels", "indices"))
    for split, n in SIZES.items():
        assert archive[f"{split}_images"].shape == (n, 28, 28)
        assert archive[f"{split}_images"].dtype == np.uint8
        assert archive[f"{split}_labels"].shape == (n,)
        assert archive[f"{split}_labels"].dtype == np.uint8
        assert archive[f"{split}_indices"].shape == (n,)


def test_bundled_indices_are_the_documented_permutation(archive):
    train, test = archive["train_indices"], archive["test_indices"]
    np.testing.assert_array_equal(train, PERM[:6000])
    np.testing.assert_array_equal(test, PERM[9000:])
    assert not set(train.tolist()) & set(test.tolist())


@pytest.mark.parametrize("split", ["train", "test"])
def test_every_digit_appears_as_often_as_documented(split):
    _, labels = load_mnist(split)
    counts = np.bincount(labels, minlength=10)
    low, high = CLASS_COUNTS[split]
    assert len(counts) == 10 and counts.sum() == SIZES[split]
    assert counts.min() >= low and counts.max() <= high, counts


@pytest.mark.parametrize("split", ["train", "test"])
def test_normalized_images_are_float32_channel_first(split):
    images, labels = load_mnist(split)
    assert images.shape == (SIZES[split], 1, 28, 28)
    assert images.dtype == np.float32 and labels.dtype == np.int32
    assert set(np.unique(labels).tolist()) == set(range(10))


def test_raw_images_are_the_stored_uint8_pixels(archive):
    pixels, labels = load_mnist("train", normalize=False)
    assert pixels.dtype == np.uint8 and pixels.shape == (6000, 28, 28)
    assert labels.dtype == np.int32
    np.testing.assert_array_equal(pixels, archive["train_images"])
    np.testing.assert_array_equal(labels, archive["train_labels"])
    assert pixels.min() == 0 and pixels.max() == 255


def test_normalisation_is_mindspores_rescale_then_normalize():
    images, _ = load_mnist("test")
    pixels, _ = load_mnist("test", normalize=False)
    expected = (pixels / 255.0 - 0.1307) / 0.3081
    np.testing.assert_allclose(images[:, 0], expected, rtol=0, atol=1e-6)
    # MindSpore 2.10's Rescale(1/255) + Normalize((0.1307,), (0.3081,))
    # gives these float32 values for the pixels 0 and 255.
    assert images[pixels[:, None] == 0][0] == np.float32(-0.42421296)
    assert images[pixels[:, None] == 255][0] == np.float32(2.8214867)


@pytest.mark.parametrize("bad", [{"split": "valid"}, {"source": "web"},
                                 {"split": "Train"}])
def test_an_unknown_split_or_source_is_a_value_error(bad):
    name, value = next(iter(bad.items()))
    with pytest.raises(ValueError, match=f"{name} must be one of .*"
                                         f"got '{value}'"):
        load_mnist(**bad)


# ----------------------------------------------------------------------
# batches.
@pytest.fixture(scope="module")
def train():
    return load_mnist("train")


def test_batches_cover_every_digit_once_with_a_partial_last_batch(train):
    images, labels = train
    loader = batches(images, labels, batch_size=64, seed=0)
    pairs = list(loader)
    assert len(loader) == len(pairs) == 94
    assert [len(y.asnumpy()) for _, y in pairs] == [64] * 93 + [48]
    x, y = pairs[-1]
    assert isinstance(x, Tensor) and isinstance(y, Tensor)
    assert x.dtype == mstype.float32 and y.dtype == mstype.int32
    assert x.shape == (48, 1, 28, 28) and y.shape == (48,)
    seen = np.concatenate([y.asnumpy() for _, y in pairs])
    np.testing.assert_array_equal(np.sort(seen), np.sort(labels))


def test_batch_order_depends_only_on_the_seed(train):
    images, labels = train
    first = [y.asnumpy() for _, y in batches(images, labels, seed=3)]
    again = [y.asnumpy() for _, y in batches(images, labels, seed=3)]
    other = [y.asnumpy() for _, y in batches(images, labels, seed=4)]
    np.testing.assert_array_equal(np.concatenate(first),
                                  np.concatenate(again))
    assert not np.array_equal(np.concatenate(first), np.concatenate(other))


def test_a_loader_gives_the_same_batches_every_time_it_is_iterated():
    images = np.arange(10, dtype=np.float32).reshape(10, 1)
    loader = batches(images, np.arange(10), batch_size=4, seed=1)
    first = [x.asnumpy().ravel().tolist() for x, _ in loader]
    assert first == [x.asnumpy().ravel().tolist() for x, _ in loader]
    assert sorted(sum(first, [])) == list(range(10))


def test_batches_without_shuffle_keep_the_order_and_cast_types():
    pixels = np.arange(5 * 4, dtype=np.uint8).reshape(5, 2, 2)
    loader = batches(pixels, np.arange(5, dtype=np.int64), batch_size=2,
                     shuffle=False)
    pairs = list(loader)
    assert len(loader) == 3
    labels = [y.asnumpy().tolist() for _, y in pairs]
    assert labels == [[0, 1], [2, 3], [4]]
    assert pairs[0][0].dtype == mstype.float32
    assert pairs[0][1].dtype == mstype.int32
    np.testing.assert_array_equal(pairs[2][0].asnumpy(), pixels[4:])


@pytest.mark.parametrize("size, error", [(0, ValueError), (-64, ValueError),
                                         (2.5, TypeError),
                                         ("64", TypeError)])
def test_a_bad_batch_size_is_rejected(size, error):
    with pytest.raises(error, match="batch_size"):
        batches(np.zeros((4, 2)), np.zeros(4), batch_size=size)


def test_images_and_labels_of_different_lengths_are_rejected():
    with pytest.raises(ValueError, match="4 images but 3 labels"):
        batches(np.zeros((4, 2)), np.zeros(3))


# ----------------------------------------------------------------------
# source="full", against a local server.
def idx_gzip(array):
    """Return ``array`` (uint8) as a gzip-compressed IDX file."""
    header = bytes([0, 0, 8, array.ndim]) + np.array(
        array.shape, ">u4").tobytes()
    return gzip.compress(header + array.tobytes(), mtime=0)


def md5(data):
    return hashlib.md5(data).hexdigest()


def make_files(split, count):
    """Tiny IDX files for one split: (files by name, images, labels)."""
    rng = np.random.default_rng(count)
    images = rng.integers(0, 256, (count, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, count, dtype=np.uint8)
    prefix = {"train": "train", "test": "t10k"}[split]
    files = {f"{prefix}-images-idx3-ubyte.gz": idx_gzip(images),
             f"{prefix}-labels-idx1-ubyte.gz": idx_gzip(labels)}
    return files, images, labels


class Server:
    """An HTTP server on 127.0.0.1 for one test, in a thread.

    Serves ``files`` (name -> bytes) under ``/mnist/`` and records each
    requested path. It stops when the test ends, and by itself after
    ``LIFETIME`` seconds, so a failing test never leaves it running.
    """

    LIFETIME = 30

    def __init__(self, files):
        self.files, self.requests = files, []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                body = server.files.get(self.path.rsplit("/", 1)[-1])
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):  # keep the test output clean
                pass

        self.httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.timeout = 0.05
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/mnist/"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        deadline = time.monotonic() + self.LIFETIME
        while not self.stop.is_set() and time.monotonic() < deadline:
            self.httpd.handle_request()
        self.httpd.server_close()

    def close(self):
        self.stop.set()
        self.thread.join()


@pytest.fixture
def serve(tmp_path, monkeypatch):
    """Start servers for a test (``serve(files)``), and stop them after."""
    monkeypatch.setenv("MINDGRAD_HOME", str(tmp_path / "home"))
    servers = []

    def start(files):
        servers.append(Server(files))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def dead_url():
    """A URL on 127.0.0.1 where nothing listens: connection refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/mnist/"


def cache(tmp_path):
    return tmp_path / "home" / "data" / "mnist"


def test_full_source_downloads_checks_caches_and_reuses(serve, tmp_path,
                                                        capsys):
    files, images, labels = make_files("train", 3)
    server = serve(files)
    sums = {name: md5(data) for name, data in files.items()}
    got, got_labels = load_mnist("train", "full", normalize=False,
                                 mirrors=[server.url], checksums=sums)
    np.testing.assert_array_equal(got, images)
    np.testing.assert_array_equal(got_labels, labels)
    assert got_labels.dtype == np.int32
    assert sorted(p.name for p in cache(tmp_path).iterdir()) == sorted(files)
    assert len(server.requests) == 2
    progress = capsys.readouterr().err
    assert "downloading train-images-idx3-ubyte.gz" in progress
    normalized, _ = load_mnist("train", "full", mirrors=[server.url],
                               checksums=sums)
    assert normalized.shape == (3, 1, 28, 28)
    assert len(server.requests) == 2  # the cache answered


def test_a_corrupted_download_is_an_error_and_leaves_nothing(serve,
                                                             tmp_path):
    files, _, _ = make_files("test", 2)
    sums = {name: md5(data) for name, data in files.items()}
    name = "t10k-images-idx3-ubyte.gz"
    files[name] = files[name][:-5] + b"xxxxx"
    server = serve(files)
    with pytest.raises(RuntimeError) as info:
        load_mnist("test", "full", mirrors=[server.url], checksums=sums)
    message = str(info.value)
    assert name in message and "md5" in message and sums[name] in message
    assert "source='bundled'" in message and str(cache(tmp_path)) in message
    assert list(cache(tmp_path).iterdir()) == []


def test_a_wrong_cached_file_is_downloaded_again(serve, tmp_path):
    files, images, _ = make_files("test", 2)
    sums = {name: md5(data) for name, data in files.items()}
    cache(tmp_path).mkdir(parents=True)
    (cache(tmp_path) / "t10k-images-idx3-ubyte.gz").write_bytes(b"stale")
    labels = "t10k-labels-idx1-ubyte.gz"
    (cache(tmp_path) / labels).write_bytes(files[labels])
    server = serve(files)
    got, _ = load_mnist("test", "full", normalize=False,
                        mirrors=[server.url], checksums=sums)
    np.testing.assert_array_equal(got, images)
    assert len(server.requests) == 1  # only the stale file


def test_a_dead_first_mirror_falls_back_to_the_next(serve, tmp_path):
    files, images, _ = make_files("train", 4)
    sums = {name: md5(data) for name, data in files.items()}
    empty, good = serve({}), serve(files)
    got, _ = load_mnist("train", "full", normalize=False,
                        mirrors=[dead_url(), empty.url, good.url],
                        checksums=sums)
    np.testing.assert_array_equal(got, images)
    assert len(empty.requests) == 2 and len(good.requests) == 2


def test_offline_is_an_error_naming_the_file_and_the_fixes(serve,
                                                           tmp_path):
    files, _, _ = make_files("train", 1)
    sums = {name: md5(data) for name, data in files.items()}
    mirrors = [dead_url(), dead_url()]
    with pytest.raises(RuntimeError) as info:
        load_mnist("train", "full", mirrors=mirrors, checksums=sums)
    message = str(info.value)
    assert "train-images-idx3-ubyte.gz" in message
    assert all(url in message for url in mirrors)
    assert "Go online" in message and "by hand" in message
    assert "source='bundled'" in message
    assert list(cache(tmp_path).iterdir()) == []


def test_the_default_tables_name_the_official_files_and_mirrors():
    assert download.CHECKSUMS == {
        "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
        "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
        "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
        "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
    }
    assert download.MIRRORS == (
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/")


def test_the_cache_lives_under_mindgrad_home(monkeypatch, tmp_path):
    monkeypatch.setenv("MINDGRAD_HOME", str(tmp_path))
    assert download.cache_dir() == tmp_path / "data" / "mnist"
    monkeypatch.delenv("MINDGRAD_HOME")
    assert download.cache_dir() == (Path.home() / ".mindgrad" / "data"
                                    / "mnist")

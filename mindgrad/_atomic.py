"""Writing a file so that a failure never leaves it half-written.

Checkpoints, downloaded MNIST files and the camp's progress file all go
through ``atomic_write``: the data goes to a temporary file beside the
target, is flushed to disk, and only then renamed over the target in one
step. A reader (or the next session after a crash) sees the old file or
the new one, never a mix.
"""
import contextlib
import os
import tempfile


@contextlib.contextmanager
def atomic_write(path, mode="wb", **open_args):
    """Yield an open temporary file; when the block ends without an
    error, flush, fsync and rename it to ``path``; otherwise delete it.

    Raise inside the block (e.g. after a failed checksum) to keep the old
    file.
    """
    folder, base = os.path.split(os.fspath(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{base}.", suffix=".tmp",
                                         dir=folder or ".")
    os.close(handle)
    try:
        with open(temporary, mode, **open_args) as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise

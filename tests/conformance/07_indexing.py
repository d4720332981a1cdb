"""Indexing and item assignment (api.md 3.5)."""
import time

import numpy as np

from mindspore import Tensor


def show_error(label, make):
    """Print the class of the error make() raises (messages differ)."""
    try:
        str(make())  # str() forces the value, so a lazy error surfaces
    except Exception as e:
        print(label, type(e).__name__)
    else:
        print(label, "no error")
    settle()


def settle():
    """Let a failed op finish failing before the next check runs.

    MindSpore 2.10 runs ops asynchronously and may raise a failed op's
    error again at a later op, which would give the next check a random
    class. A pause and two synchronising ops absorb it. mindgrad raises
    at once, so it skips the pause.
    """
    if Tensor.__module__.startswith("mindspore"):
        time.sleep(0.2)
    for _ in range(2):
        try:
            (Tensor([1.0]) + 1).asnumpy()
        except Exception:
            pass


t = Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
print(t[1])
print(t[1, 1], t[1, 1].shape)
print(t[-1, ::2])
print(t[:, 1:3])
print(t[..., 0])
print(t[None].shape, t[:, None].shape)
print(t[t > 6.0])
print(t[[0, 2]])
print(t[Tensor([2, 0])])
print(t[1:, -1])
print(t[0][2])

m = Tensor(np.zeros((2, 3), np.float32))
m[0, 1] = 5.0
m[1] = Tensor([1.0, 2.0, 3.0])
m[:, 2] = -1
print(m)
n = Tensor([1, 2, 3, 4])
n[n > 2] = 0
print(n, n.dtype)

show_error("row out of range:", lambda: t[3])
show_error("column out of range:", lambda: t[0, 4])

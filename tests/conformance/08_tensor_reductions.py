"""Tensor reduction methods (api.md 3.6)."""
import time

import numpy as np

import mindspore as ms
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


t = Tensor(np.array([[1.0, 5.0, 2.0], [4.0, 3.0, 6.0]], np.float32))
print(t.sum(), t.sum(axis=0), t.sum(dim=1))
print(t.sum(axis=1, keepdims=True).shape, t.sum(dim=0, keepdim=True).shape)
print(t.mean(), t.mean(axis=0), t.mean(dim=1))
print(t.mean(axis=1, keep_dims=True))
print(t.max(), t.min())
print(t.max(axis=0), t.min(axis=1))
print(t.max(dim=1))
print(t.argmax(), t.argmax(axis=1), t.argmax(axis=1).dtype)
print(t.argmin(axis=0), t.argmin(axis=0).dtype)
print(t.std(), t.var())
print(t.std(axis=0), t.var(axis=1))
print(t.float().dtype, t.int().dtype, t.int())

i = Tensor([[1, 2], [3, 4]], ms.int32)
print(i.sum(), i.sum().dtype, i.max(axis=0))
print(Tensor([True, False]).all(), Tensor([True, False]).any())
show_error("mean keepdims=:", lambda: t.mean(axis=0, keepdims=True))

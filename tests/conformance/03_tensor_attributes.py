"""Tensor attributes and conversions (api.md 3.3)."""
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


t = Tensor(np.array([[1, 2], [3, 4]]), ms.int32)
print("shape", t.shape, type(t.shape).__name__)
print("dtype", t.dtype)
print("ndim size", t.ndim, t.size)
print("itemsize nbytes", t.itemsize, t.nbytes)
print("strides", t.strides)
print("dim numel", t.dim(), t.numel())
print("len", len(t))
print("tolist", t.tolist())
print("asnumpy", t.asnumpy().dtype, t.asnumpy().tolist())
print("np.array", np.array(t).tolist())

s = Tensor(2.5)
print("0-d shape", s.shape, s.ndim, s.size)
print("item", s.item(), type(s.item()).__name__)
print("float int", float(s), int(s))
print("bool", bool(Tensor([1.0])), bool(Tensor(0.0)))
print("item of int", Tensor([7]).item(), type(Tensor([7]).item()).__name__)

f = Tensor([1.5, 2.5, -3.5])
print(f.astype(ms.int32), f.astype(ms.int32).dtype)
print(f.astype("float16").dtype, f.astype(np.float64).dtype)
print(f.astype("int64").dtype, f.astype(np.int32).dtype)
print(f.astype(ms.bool_))

show_error("len of 0-d:", lambda: len(s))
show_error("item of 3 elements:", lambda: f.item())
show_error("float of 3 elements:", lambda: float(f))
show_error("requires_grad:", lambda: f.requires_grad)

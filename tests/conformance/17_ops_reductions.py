"""Reductions in ops: sum, mean, max/min with an axis, argmax (api.md 1.2).

ops.max and ops.min without an axis are left out: MindSpore 2.10 returns a
wrong index there (api.md 1.2).
"""
import time

import numpy as np

import mindspore as ms
from mindspore import Tensor, ops


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
print(ops.sum(t), ops.sum(t, 0), ops.sum(t, dim=1))
print(ops.sum(t, dim=1, keepdim=True))
print(ops.sum(t, (0, 1)), ops.sum(Tensor([1, 2], ms.int32)).dtype)
print(ops.mean(t), ops.mean(t, 0), ops.mean(t, axis=1))
print(ops.mean(t, axis=1, keep_dims=True))
print(ops.max(t, axis=1))
print(ops.min(t, axis=0))
print(ops.max(t, 1, keepdims=True))
values, indices = ops.max(t, axis=0)
print(values, indices, indices.dtype)
print(ops.argmax(t), ops.argmax(t, dim=1), ops.argmax(t, 1).dtype)
print(ops.argmax(t, dim=0, keepdim=True))

reduce_sum = ops.ReduceSum(keep_dims=True)
print(reduce_sum(t, 1))
print(ops.ReduceMean()(t, 0))
print(ops.ReduceSum()(t))

show_error("sum axis=:", lambda: ops.sum(t, axis=1))
show_error("mean keepdims=:", lambda: ops.mean(t, 1, keepdims=True))

"""Creation functions and one_hot (api.md 1.2)."""
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


print(ops.ones(3), ops.ones(3).dtype)
print(ops.zeros((2, 2)), ops.zeros([1, 3]).shape)
print(ops.ones(2, ms.int32), ops.zeros(2, dtype=ms.float64).dtype)
i = Tensor([[1, 2]], ms.int32)
print(ops.ones_like(i), ops.ones_like(i).dtype)
print(ops.zeros_like(Tensor([1.5], ms.float16)).dtype)
print(ops.ones_like(i, dtype=ms.float32).dtype)

labels = Tensor([0, 2, 1])
hot = ops.one_hot(labels, 3)
print(hot, hot.dtype)
on, off = Tensor(1.0, ms.float32), Tensor(0.0, ms.float32)
hot = ops.one_hot(labels, 3, on, off)
print(hot, hot.dtype)
print(ops.one_hot(Tensor([1, 0], ms.int32), 2, 5, -1))
print(ops.one_hot(labels, 3, axis=0))

show_error("dtype as str:", lambda: ops.ones(2, "float32"))
show_error("dtype as np:", lambda: ops.zeros(2, np.float32))

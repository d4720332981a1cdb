"""Common learner mistakes and their exception classes (api.md 9).

Only the class is printed: mindgrad's messages are deliberately better.
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


x = Tensor([1.0, 2.0])
y = Tensor([3.0, 4.0])


def f(a, b):
    return (a * b).sum()


w32 = Tensor(np.ones((2, 3), np.float32))
data64 = Tensor(np.ones((4, 2)))
show_error("grad position list:", lambda: ms.grad(f, [0, 1])(x, y))
show_error("grad position 5:", lambda: ms.grad(f, 5)(x, y))
show_error("has_aux, one output:", lambda: ms.grad(f, has_aux=True)(x, y))
show_error("f64 data into matmul:", lambda: ops.matmul(data64, w32))
show_error("2-D inner dims differ:", lambda: ops.matmul(w32, w32))
show_error("1-D inner dims differ:",
           lambda: ops.matmul(x, Tensor([1.0, 2.0, 3.0])))
show_error("broadcast failure:", lambda: x + Tensor([1.0, 2.0, 3.0]))
show_error("BCE int targets:",
           lambda: ops.binary_cross_entropy_with_logits(
               x, Tensor([1, 0]), ops.ones_like(x), ops.ones_like(x)))
show_error("format spec:", lambda: f"{f(x, y):.4f}")
show_error("ops.sum axis=:", lambda: ops.sum(x, axis=0))
show_error("requires_grad on a Tensor:", lambda: x.requires_grad)
print("the fix:", f"{f(x, y).item():.4f}", ops.sum(x, dim=0))
print(ops.matmul(Tensor(np.ones((4, 2)), ms.float32), w32).shape)

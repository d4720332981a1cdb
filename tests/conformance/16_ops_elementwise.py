"""Elementwise functions in ops (api.md 1.2)."""
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


x = Tensor([-1.5, 0.0, 0.5, 2.0])
print("exp", ops.exp(x))
print("log", ops.log(Tensor([0.0, 1.0, 2.0])))
print("sqrt", ops.sqrt(Tensor([0.0, 4.0, 2.0])))
print("tanh", ops.tanh(x))
print("sigmoid", ops.sigmoid(x))
print("relu", ops.relu(x), ops.relu(Tensor([-2, 3], ms.int32)))
print("square", ops.square(x))
print("abs", ops.abs(x), ops.abs(Tensor([-2, 3], ms.int32)))
print("sin", ops.sin(x))
print("cos", ops.cos(x))
print("pow", ops.pow(x, 2), ops.pow(Tensor([2.0, 3.0]), Tensor([3.0, 0.5])))
print("maximum", ops.maximum(x, Tensor(0.25)))
print("minimum", ops.minimum(x, Tensor([0.0, 0.0, 1.0, 1.0])))
print("where", ops.where(x > 0, x, ops.zeros_like(x)))
print("clamp", ops.clamp(x, -1.0, 1.0), ops.clamp(x, min=0.0))
print("clamp max", ops.clamp(x, max=0.25))
y = ops.cast(x, ms.int32)
print("cast", y, y.dtype, ops.cast(y, ms.float64).dtype)
print("cast bool", ops.cast(x, ms.bool_))
d = ops.depend(x * 2, x)
print("depend", d)
show_error("exp of int:", lambda: ops.exp(Tensor([1, 2])))
show_error("ndarray argument:", lambda: ops.exp(np.array([1.0])))

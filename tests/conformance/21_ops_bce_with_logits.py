"""ops.binary_cross_entropy_with_logits: reductions, weights, gradient
(api.md 6.1)."""
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


bce = ops.binary_cross_entropy_with_logits
x = Tensor(np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]], np.float32))
y = Tensor(np.array([[1, 0, 1], [0, 1, 0]], np.float32))
weight = Tensor([1.0, 2.0, 0.5])
pos_weight = Tensor([3.0, 1.0, 2.0])
ones = ops.ones_like(x)

print("mean", bce(x, y))
print("sum", bce(x, y, reduction="sum"))
print("none", bce(x, y, reduction="none"))
print("ones", bce(x, y, ones, ones))
print("weight", bce(x, y, weight))
print("pos_weight", bce(x, y, pos_weight=pos_weight))
print("both", bce(x, y, weight, pos_weight))
print("both, sum", bce(x, y, weight, pos_weight, "sum"))
print("targets outside [0, 1]", bce(x, y * 9 - 1))

grad_x = ms.grad(lambda logits: bce(logits, y))(x)
print("gradient", grad_x)
print("gradient row 0", grad_x[0])
grad_w = ms.grad(lambda logits: bce(logits, y, weight, pos_weight), 0)(x)
print("weighted gradient", grad_w)

show_error("int target:", lambda: bce(x, Tensor([[1, 0, 1], [0, 1, 0]])))
show_error("f64 input:", lambda: bce(x.astype(ms.float64), y))
show_error("shape mismatch:", lambda: bce(x, Tensor([1.0, 0.0])))

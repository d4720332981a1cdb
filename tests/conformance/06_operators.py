"""Operators, comparisons, logic and broadcasting (api.md 3.4)."""
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


a = Tensor([[1.0, -2.5], [3.25, 4.0]])
b = Tensor([2.0, 0.5])
print(a + b)
print(a - b)
print(a * b)
print(a / b)
print(a // b)
print(a % b)
print(a ** 2)
print(2 ** b)
print(a @ a)
print(-a)
print(abs(a))
print(1 - b, 1 / b)

print(a > b)
print(a <= 3.25, (a == 4.0).dtype)
print(b != 2.0)
p = Tensor([True, True, False, False])
q = Tensor([True, False, True, False])
print(p & q, p | q, ~p)

col = Tensor(np.arange(3, dtype=np.float32).reshape(3, 1))
row = Tensor(np.arange(4, dtype=np.float32))
print((col * row).shape)
print(col + row)

show_error("broadcast failure:", lambda: a + Tensor([1.0, 2.0, 3.0]))
show_error("matmul mismatch:", lambda: a @ Tensor(np.ones((3, 2), np.float32)))

"""sens_param=True: a custom output cotangent (api.md 2.6)."""
import time

import numpy as np

import mindspore as ms
from mindspore import Tensor


def double(x):
    return x * 2


x = Tensor([1.0, 2.0])
sens = Tensor([0.5, 3.0])
print(ms.grad(double, sens_param=True)(x, sens))
print(ms.value_and_grad(double, sens_param=True)(x, sens))
print(ms.grad(double, sens_param=True)(x, sens=sens))


def two_outputs(x):
    return x * 2, x * 3


print(ms.grad(two_outputs, sens_param=True)(
    x, (Tensor([1.0, 1.0]), Tensor([10.0, 10.0]))))


def f(x, y):
    return x * y


y = Tensor([3.0, 4.0])
print(ms.grad(f, (0, 1), sens_param=True)(x, y, Tensor([1.0, -1.0])))

matrix = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
v = Tensor(np.ones((2, 3), np.float32) * 0.5)
print(ms.grad(lambda m: m * m, sens_param=True)(matrix, v))
print(ms.grad(lambda m: (m * m).sum(), sens_param=True)(matrix, Tensor(2.0)))


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


def check(label, fn, *args):
    show_error(label, lambda: ms.grad(fn, sens_param=True)(*args))


check("wrong shape:", double, x, Tensor([1.0, 2.0, 3.0]))
check("wrong dtype:", double, x.astype(ms.float64), sens)
check("0-d sens:", double, x, Tensor(1.0))
check("float sens:", double, x, 1.0)
check("missing sens:", double, x)

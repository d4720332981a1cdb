"""ops.matmul and the @ operator, including 1-D cases (api.md 1.2, 9)."""
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


a = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
b = Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
v = Tensor([1.0, 0.5, -1.0])
print(ops.matmul(a, b))
print(ops.matmul(v, b), ops.matmul(v, b).shape)
print(ops.matmul(a, v), ops.matmul(a, v).shape)
print(ops.matmul(v, v), ops.matmul(v, v).shape)
print(a @ b)
batch = Tensor(np.ones((2, 2, 3), np.float32))
print(ops.matmul(batch, b).shape)
ints = Tensor([[1, 2], [3, 4]], ms.int32)
print(ops.matmul(ints, ints), ops.matmul(ints, ints).dtype)
print(ops.matmul(a.astype(ms.float64), b.astype(ms.float64)).dtype)

show_error("f32 @ f64:", lambda: ops.matmul(a, b.astype(ms.float64)))
show_error("int @ float:", lambda: ops.matmul(ints, a[:, :2]))
show_error("2-D inner mismatch:", lambda: ops.matmul(a, a))
show_error("1-D inner mismatch:", lambda: ops.matmul(v, Tensor([1.0, 2.0])))
show_error("ndarray operand:",
           lambda: ops.matmul(a, np.ones((3, 1), np.float32)))

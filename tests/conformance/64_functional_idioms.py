"""Functional idioms from MindSpore's docs: gt, fill, select, arange."""
import time

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
    """Let a failed op finish failing before the next check runs: MindSpore
    2.10 runs ops asynchronously and may raise a failed op's error again
    at a later op. mindgrad raises at once, so it skips the pause."""
    if Tensor.__module__.startswith("mindspore"):
        time.sleep(0.2)
    for _ in range(2):
        try:
            (Tensor([1.0]) + 1).asnumpy()
        except Exception:
            pass


print(repr(ops.gt(Tensor([1.0, 3.0]), 2.0)))
print(repr(ops.gt(Tensor([1, 3]), Tensor([2.0, 2.0]))))
print(repr(ops.gt(2.0, Tensor([1.0]))))
print(repr(ops.fill(ms.float32, (2, 2), 3)))
print(repr(ops.fill(ms.int32, (3,), 1.5)))
print(repr(ops.fill(ms.bool_, (2,), 1)))
c = Tensor([True, False])
print(repr(ops.select(c, Tensor([1.0, 2.0]), Tensor([3.0, 4.0]))))
print(repr(ops.select(c, Tensor([1.0, 2.0]), 0.0)))
print(repr(ops.select(c, 5.0, Tensor([1.0, 2.0]))))
print(repr(ops.select(c, 1.0, 0.0)), repr(ops.select(c, 1, 0)))
print(repr(ops.select(c, Tensor([1, 2]), Tensor([3.0, 4.0]))))
print(repr(ops.select(c, Tensor([1, 2]), 0.5)))
print(repr(ops.select(Tensor([[True], [False]]), Tensor([1.0, 2.0]),
                      Tensor([3.0, 4.0]))))
show_error("select int condition:", lambda: ops.select(
    Tensor([1, 0]), Tensor([1.0, 2.0]), Tensor([3.0, 4.0])))
print(repr(ops.arange(5)), repr(ops.arange(1, 4)))
print(repr(ops.arange(0, 1, 0.25)), repr(ops.arange(3, 0, -1)))
print(repr(ops.arange(3, dtype=ms.float32)), repr(ops.arange(0, 3.0)))
print(repr(ops.arange(Tensor(3))), repr(ops.arange(start=1, end=3)))
print(repr(ops.arange(0.1, 1.0, 0.1)))
print(repr(ops.arange(0, 1, 0.1, dtype=ms.float64)))
print(repr(ops.arange(2, 2)), repr(ops.arange(1.0, 0.0, -0.25)))
print(repr(ops.arange(3, dtype=ms.int32)), repr(ops.arange(2.5)))
show_error("arange step 0:", lambda: ops.arange(0, 3, 0))
show_error("arange wrong sign:", lambda: ops.arange(3, 0))
show_error("arange str:", lambda: ops.arange("3"))
show_error("arange 1-D Tensor:", lambda: ops.arange(Tensor([4])))

"""Validation of grad/value_and_grad arguments (api.md 2.1-2.2).

Each check wraps creation and call in one try block, because MindSpore
reports some mistakes only at call time and mindgrad at creation.
"""
import time

import mindspore as ms
from mindspore import Tensor


def f(x, y):
    return (x * x * y).sum()


x = Tensor([1.0, 2.0])
y = Tensor([3.0, 4.0])


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


def check(label, **options):
    show_error(label, lambda: ms.grad(f, **options)(x, y))


check("list position:", grad_position=[0, 1])
check("float position:", grad_position=1.0)
check("str position:", grad_position="0")
check("negative position:", grad_position=-1)
check("duplicate positions:", grad_position=(0, 0))
check("no position, no weights:", grad_position=None)
check("has_aux not bool:", has_aux=1)
check("sens_param not bool:", sens_param="no")
check("position too large:", grad_position=5)
check("position (0, 5):", grad_position=(0, 5))
check("bool position:", grad_position=(True, 0))

show_error("has_aux with a Tensor output:",
           lambda: ms.grad(lambda a, b: a * b, has_aux=True)(x, y))
show_error("has_aux with a 1-tuple output:",
           lambda: ms.grad(lambda a, b: (a * b,), has_aux=True)(x, y))
show_error("has_aux with a list output:",
           lambda: ms.grad(lambda a, b: [a * b, a], has_aux=True)(x, y))
show_error("has_aux with a number aux:",
           lambda: ms.grad(lambda a, b: ((a * b).sum(), 2.0),
                           has_aux=True)(x, y))

print(ms.grad(f, 1)(x, y=Tensor([5.0, 6.0])))
print(ms.grad(f, 0)(x, y=Tensor([5.0, 6.0])))
print(ms.value_and_grad(f)(x, y))

"""ms.vjp: outputs, the pullback and aux (api.md 2.11)."""
import time

import numpy as np

import mindspore as ms
from mindspore import Parameter, Tensor, nn, ops


def f(x, y):
    return x ** 3 + y


x = Tensor(np.array([[1, 2], [3, 4]], np.float32))
y = Tensor(np.array([[1, 2], [3, 4]], np.float32))
v = ops.ones_like(x)
out, vjp_fn = ms.vjp(f, x, y)
print(out)
print(vjp_fn(v))
print(ms.vjp(lambda a: a * 2, x)[1](v))


def g(a):
    return a * 2, a.sum(), a * 3


out0, vjp_fn, aux = ms.vjp(lambda a: (a * a, a + 1), x, has_aux=True)
print(out0, aux)
print(vjp_fn(v))
out0, vjp_fn, aux = ms.vjp(g, x, has_aux=True)
print(aux)
out, vjp_fn = ms.vjp(lambda a: (a * 2, a * 3), x)
print(vjp_fn((v, v)))


class Scale(nn.Cell):
    def __init__(self):
        super().__init__()
        self.s = Parameter(Tensor([2.0]), name="s")

    def construct(self, a):
        return a * self.s


scale = Scale()
out, vjp_fn = ms.vjp(scale, x, weights=scale.trainable_params())
print(vjp_fn(v))


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


show_error("tuple output, Tensor v:", lambda: ms.vjp(g, x)[1](v))
show_error("bad v shape:", lambda: ms.vjp(f, x, y)[1](Tensor([1.0])))
show_error("float v:", lambda: ms.vjp(f, x, y)[1](1.0))
show_error("non-Tensor input:", lambda: ms.vjp(f, 1.0, y)[1](v))

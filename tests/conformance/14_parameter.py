"""Parameter creation, naming, printing, set_data and clone (api.md 4.1).

Unnamed Parameters are left out (their counter depends on the process),
and so is set_data with a new shape (a deliberate difference).
"""
import time

import numpy as np

import mindspore as ms
from mindspore import Parameter, Tensor


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


w = Parameter(Tensor(np.arange(15, dtype=np.float32).reshape(5, 3)), name="w")
print(w)
print(repr(w), f"{w}")
print([Parameter(np.array([6.0]), name="a"), Parameter(2.0, name="b")])
print(Parameter(np.array([6.0]), name="a").dtype)
print(Parameter(2.0, name="f").dtype, Parameter(2.0, name="f").shape)
print(Parameter(3, name="i").dtype, Tensor(3).dtype)
print(Parameter([1, 2], name="l").dtype)
print(isinstance(w, Tensor), w.name, w.requires_grad)

print(w[:2])
print(w * 2)
print(type(w + 1).__name__, type(w[0]).__name__, (w + 1).dtype)
print(w.value().shape, type(w.value()).__name__)

b = Parameter(Tensor([1.0, 2.0]), name="b", requires_grad=False)
print(b)
b.requires_grad = True
b.name = "bias"
print(b)
b.set_data(Tensor([5.0, 6.0]))
print(b.asnumpy(), b.dtype)
b.set_data(Tensor([7, 8]))
print(b.asnumpy(), b.dtype)
c = Parameter(Tensor(1, ms.int32), name="c")
c.set_data(4)
print(c.asnumpy(), c.dtype)
copy = b.clone()
print(copy.name, copy.asnumpy(), copy is not b)

show_error("bool data:", lambda: Parameter(True, name="p"))
show_error("str data:", lambda: Parameter("abc", name="p"))
show_error("int name:", lambda: Parameter(1.0, name=3))
show_error("str requires_grad:",
           lambda: setattr(b, "requires_grad", "yes"))
show_error("set_data ndarray:", lambda: b.set_data(np.array([1.0, 2.0])))

"""Class-style ops as MindSpore's docs write them (MatMul, Sin, Zeros...)."""
import time

import numpy as np
import mindspore as ms
from mindspore import Parameter, Tensor, ops


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


a = Tensor([[1.0, 2.0], [3.0, 4.0]])
b = Tensor([[1.0, 0.5], [-1.0, 2.0]])
print(ops.MatMul()(a, b))
print(ops.MatMul(transpose_a=True)(a, b))
print(ops.MatMul(transpose_b=True)(a, b))
print(ops.MatMul(True, True)(a, b))
ints = Tensor([[1, 2], [3, 4]], ms.int32)
print(ops.MatMul()(ints, Tensor([[1], [2]], ms.int32)))
print(repr(ops.MatMul()), ops.MatMul(transpose_b=True))
print(ops.Concat(1), ops.Stack(), ops.Assign(), ops.Zeros(), ops.Sin())
show_error("MatMul 1-D:", lambda: ops.MatMul()(Tensor([1.0, 2.0]), b))
show_error("MatMul dtypes:", lambda: ops.MatMul()(a, Tensor(np.ones((2, 2)))))
show_error("MatMul inner:", lambda: ops.MatMul()(a, ops.ones((3, 2))))
show_error("MatMul NumPy:", lambda: ops.MatMul()(a, np.ones((2, 2),
                                                            np.float32)))
print(ops.Sin()(Tensor([0.0, 1.0])), ops.Cos()(Tensor([0.0, 1.0])))
print(ops.Sin()(Tensor(np.array([1.0]))).dtype)
show_error("Sin int:", lambda: ops.Sin()(Tensor([0, 1])))
show_error("Cos float:", lambda: ops.Cos()(1.0))
print(ops.Abs()(Tensor([-1.0, 2.0])), ops.Abs()(Tensor([-1, 2])))
print(repr(ops.OnesLike()(Tensor([[1, 2]], ms.int32))))
show_error("OnesLike list:", lambda: ops.OnesLike()([1.0, 2.0]))
print(repr(ops.Zeros()((2, 3), ms.float32)))
print(repr(ops.Zeros()(3, ms.int32)), ops.Zeros()([2], ms.float16).dtype)
print(ops.Zeros()((2,)).dtype, ops.Zeros()((), ms.float32).shape)
show_error("Zeros str dtype:", lambda: ops.Zeros()((2,), "float32"))
show_error("Zeros negative:", lambda: ops.Zeros()((-1, 2), ms.float32))
show_error("Zeros float size:", lambda: ops.Zeros()((2.0,), ms.float32))
print(ops.Concat()((a, b)))
print(ops.Concat(1)((a, b)), ops.Concat(axis=-1)([a, b]).shape)
show_error("Concat bare:", lambda: ops.Concat()(a))
show_error("Concat dtypes:", lambda: ops.Concat()((Tensor([1]),
                                                   Tensor([1.0]))))
show_error("Concat ranks:", lambda: ops.Concat()((Tensor([[1.0]]),
                                                  Tensor([1.0]))))
show_error("Concat empty:", lambda: ops.Concat()(()))
print(ops.Stack()((Tensor([1.0]), Tensor([2.0]))))
print(ops.Stack(1)([a, b]))
show_error("Stack shapes:", lambda: ops.Stack()([Tensor([1.0]),
                                                 Tensor([2.0, 3.0])]))
show_error("Stack dtypes:", lambda: ops.Stack()((Tensor([1.0]),
                                                 Tensor([1]))))
p = Parameter(Tensor([1.0, 2.0]), name="p")
out = ops.Assign()(p, Tensor([5.0, 6.0]))
print(p, p.asnumpy(), out)
ops.Assign()(p, Tensor([7, 8]))
print(p.asnumpy(), p.dtype)
show_error("Assign shape:", lambda: ops.Assign()(p, Tensor([1.0, 2.0, 3.0])))
show_error("Assign scalar:", lambda: ops.Assign()(p, Tensor(4.0)))
show_error("Assign f64:", lambda: ops.Assign()(p, Tensor(np.array([3.0,
                                                                   4.0]))))
show_error("Assign NumPy:", lambda: ops.Assign()(p, np.ones(2, np.float32)))
print(p.asnumpy())
t = Tensor([1.0, 2.0])
ops.Assign()(t, Tensor([9.0, 9.0]))
print(t)

"""Gradients with respect to inputs: return structure (api.md 2.3, rule A)."""
import numpy as np

import mindspore as ms
from mindspore import Tensor


def f(x, y):
    return (x * x * y).sum()


x = Tensor([1.0, 2.0])
y = Tensor([3.0, 4.0])
print("default:", ms.grad(f)(x, y))
print("position 1:", ms.grad(f, 1)(x, y))
print("position (1,):", ms.grad(f, (1,))(x, y))
print("positions (0, 1):", ms.grad(f, (0, 1))(x, y))
print("positions (1, 0):", ms.grad(f, (1, 0))(x, y))
print("value_and_grad:", ms.value_and_grad(f, (0, 1))(x, y))
print("ops.grad:", ms.ops.grad(f)(x, y))

print("scalar skipped:", ms.grad(lambda a, b: a * b, (0, 1))(2.0, Tensor(3.0)))
print("all skipped:", ms.grad(lambda a, b: a * b)(1, 2))
print("ndarray skipped:",
      ms.grad(lambda a, b: (b * b).sum(), (0, 1))(np.ones(2), y))
print("tuple skipped:",
      ms.grad(lambda a, b: (a[0] * b).sum(), (0, 1))((x,), y))

calls = []


def counted(a):
    calls.append(1)
    return (a ** 3).sum()


grad_fn = ms.grad(counted)
print(grad_fn(Tensor([1.0, 2.0])), grad_fn(Tensor([3.0])))
print("fn re-run on every call:", len(calls))

w = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
print("matrix input:", ms.grad(lambda m: (m * m).mean())(w))

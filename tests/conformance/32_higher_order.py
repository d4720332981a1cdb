"""Higher-order derivatives by nesting grad (api.md 2.9)."""
import mindspore as ms
from mindspore import Tensor, ops


def cube(x):
    return x ** 3


first = ms.grad(cube)
second = ms.grad(first)
third = ms.grad(second)
x = Tensor(2.0)
print(first(x), second(x), third(x))
print(second(Tensor([1.0, -1.0, 3.0])))

pi = Tensor(3.1415926)
sin_second = ms.grad(ms.grad(ops.sin))
print(sin_second(pi))
both = ms.grad(ms.grad(lambda a: (ops.sin(a), ops.cos(a))))
print(both(pi))


def mixed(a, b):
    return ops.sin(a) - ops.cos(b), ops.cos(a) - ops.sin(b)


inner = ms.grad(mixed, (0, 1))
outer = ms.grad(inner, (0, 1))
a, b = Tensor([3.1415926]), Tensor([3.1415926])
print(outer(a, b))

print(ms.grad(ms.grad(lambda t: ops.exp(t * 2)))(Tensor([0.0, 1.0])))
print(ms.grad(ms.grad(lambda t, s: t * t * s, 0), 1)(Tensor(3.0), Tensor(5.0)))

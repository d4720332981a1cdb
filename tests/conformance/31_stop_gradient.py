"""ops.stop_gradient (api.md 2.8).

Functions returning non-Tensors (floats, NumPy values, dicts) are left
out: MindSpore returns zeros and mindgrad raises (a deliberate difference).
"""
import mindspore as ms
from mindspore import Parameter, Tensor, ops

x = Tensor([1.0, 2.0])
print(ms.grad(lambda a: ops.stop_gradient(a * 2).sum())(x))

three, five = Tensor([3.0]), Tensor([5.0])
print(ms.grad(lambda a, b: a * b + ops.stop_gradient(a * b), 1)(three, five))
print(ms.grad(lambda a, b: a * b + ops.stop_gradient(a * b))(three, five))
print(ms.grad(lambda a: a * ops.stop_gradient(a))(Tensor([4.0])))

print("identity forward:", ops.stop_gradient(x * 3))
p = Parameter(Tensor([1.5]), name="p")
out = ops.stop_gradient(p)
print(type(out).__name__, out)
pair = ops.stop_gradient((x, x * 2))
print(type(pair).__name__, pair)
print(ops.stop_gradient(2.5), ops.stop_gradient(3))


def with_aux(a, b):
    z = a * b
    return z.sum(), ops.stop_gradient(z)


def has_aux_form(a, b):
    z = a * b
    return z.sum(), z


y = Tensor([3.0, 4.0])
print(ms.grad(with_aux, (0, 1))(x, y))
print(ms.grad(has_aux_form, (0, 1), has_aux=True)(x, y)[0])

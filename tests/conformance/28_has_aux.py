"""has_aux=True: only out[0] is differentiated (api.md 2.5)."""
import mindspore as ms
from mindspore import Tensor, ops

x = Tensor([1.0, 2.0])
y = Tensor([3.0, 4.0])


def g(a, b):
    return (a * b).sum(), a * 2


def three(a, b):
    return (a * b).sum(), a * 2, (b, b * 3)


print(ms.grad(g, 0, None, True)(x, y))
print(ms.grad(g, (0, 1), has_aux=True)(x, y))
grads, (aux,) = ms.grad(g, has_aux=True)(x, y)
print(grads, aux)
print(ms.grad(three, 1, has_aux=True)(x, y))
print(ms.value_and_grad(g, 0, has_aux=True)(x, y))
(loss, logits), grads = ms.value_and_grad(g, 0, has_aux=True)(x, y)
print(loss, logits, grads)
print(ms.value_and_grad(three, (0, 1), has_aux=True)(x, y))
print(ms.grad(lambda a: (a * a, a), has_aux=True)(x))
print(ms.grad(lambda a: ((a * a, a.sum()), a), has_aux=True)(x))
print("same as stop_gradient:",
      ms.grad(lambda a, b: ((a * b).sum(), ops.stop_gradient(a * 2)))(x, y))
print("without has_aux:", ms.value_and_grad(g)(x, y))

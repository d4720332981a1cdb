"""Sum rule: every output element is seeded with one (api.md 2.4)."""
import mindspore as ms
from mindspore import Tensor, ops

one, two = Tensor(1.0), Tensor(2.0)
print(ms.grad(lambda x, y: (x ** 2 + y, x), (0, 1))(one, two))
print(ms.grad(lambda x: x * Tensor([1.0, 2.0, 3.0]))(Tensor(2.0)))
print(ms.grad(lambda x: [x * 2, x * 3])(Tensor([1.0, 1.0])))
print(ms.grad(lambda x: (x, (x * 2, x * 3)))(Tensor([1.0])))
print(ms.grad(lambda x: (x * 2, 5.0))(Tensor([1.0, 2.0])))

x = Tensor([1.0, 2.0])
z = Tensor([1.0, 2.0, 3.0])
print("unused input:", ms.grad(lambda a, b: (a * 2).sum(), (0, 1))(x, z))
print("unused int input:",
      ms.grad(lambda a, b: (a * 2).sum(), (0, 1))(x, Tensor([1, 2])))
print(ms.value_and_grad(lambda a: (a * 2, a.sum()))(x))

matrix = Tensor([[1.0, 2.0], [3.0, 4.0]])
print(ms.grad(lambda m: ops.matmul(m, m))(matrix))
print(ms.grad(lambda m: ops.softmax(m))(matrix))

"""Gradients through class-style ops (they differentiate like the
functions they wrap)."""
import mindspore as ms
from mindspore import Tensor, ops

w = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
x = Tensor([[1.0, -1.0, 0.5]])
print(ms.grad(lambda x, w: ops.MatMul(transpose_b=True)(x, w).sum(),
              (0, 1))(x, w))
print(ms.grad(lambda x, w: ops.MatMul(transpose_a=True)(x, w).sum(),
              (0, 1))(Tensor([[1.0], [2.0]]), w))
print(ms.grad(lambda x: (ops.Sin()(x) * ops.Cos()(x)).sum())(
    Tensor([0.5, 1.0])))
print(ms.grad(lambda x: ops.Abs()(x).sum())(Tensor([-0.5, 3.0, 2.0])))
print(ms.grad(lambda x, y: (ops.Concat(0)((x, y))
                            * Tensor([1.0, 2.0, 3.0])).sum(), (0, 1))(
    Tensor([1.0]), Tensor([1.0, 1.0])))
print(ms.grad(lambda x, y: (ops.Stack(1)((x, y))
                            * Tensor([[1.0, 2.0]])).sum(), (0, 1))(
    Tensor([1.0]), Tensor([1.0])))
print(ms.grad(lambda x: ops.OnesLike()(x).sum() + (x * x).sum())(
    Tensor([1.0, 2.0])))
print(ms.grad(lambda x: ops.select(x > 0, x * 3, x * x).sum())(
    Tensor([1.0, -2.0])))
print(ms.value_and_grad(lambda x: (ops.arange(3, dtype=ms.float32)
                                   * x).sum())(Tensor(2.0)))

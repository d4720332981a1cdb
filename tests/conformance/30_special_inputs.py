"""Special inputs: frozen Parameters, int/bool inputs, mixed float dtypes
(api.md 2.7). Integer and bool inputs make mindgrad warn on stderr only.
"""
import mindspore as ms
from mindspore import Parameter, Tensor, nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([2.0, 3.0]), name="w")
        self.b = Parameter(Tensor([1.0]), name="b", requires_grad=False)

    def construct(self, x):
        return (x * self.w + self.b).sum()


net = Net()
x = Tensor([1.0, 4.0])
print(net.trainable_params())
print("frozen in weights:", ms.grad(net, None, (net.w, net.b))(x))
frozen = Parameter(Tensor([7.0]), name="frozen", requires_grad=False)
print("frozen positional:",
      ms.grad(lambda a, p: (a * p).sum(), (0, 1))(x, frozen))

i = Tensor([1, 2], ms.int32)
print("int32:", ms.grad(lambda a: (a * a).sum())(i))
print("int32 * 0.5:", ms.grad(lambda a: (a * 0.5).sum())(i))
print("int32 * [.5, 1.5]:",
      ms.grad(lambda a: (a * Tensor([0.5, 1.5])).sum())(i))
print("bool:", ms.grad(lambda a: (a * 2.0).sum())(Tensor([True, False])))

w64 = Parameter(Tensor([0.5, 2.0], ms.float64), name="w64")
dx, dw = ms.grad(lambda a, p: (a * p).sum(), (0, 1))(x, w64)
print("f32 x with f64 w:", dx, dx.dtype, dw, dw.dtype)

"""A Cell's own bprop(self, *inputs, out, dout) replaces its gradient."""
import mindspore as ms
from mindspore import Parameter, Tensor, nn


class Mul(nn.Cell):
    def construct(self, x, y):
        return x * y

    def bprop(self, x, y, out, dout):
        print("bprop sees out", out, "and dout", dout)
        return x * 10, y * 100


class Outer(nn.Cell):
    def __init__(self):
        super().__init__()
        self.inner = Mul()

    def construct(self, x, y):
        return (self.inner(x, y) * 2).sum()


class Clipped(nn.Cell):
    def construct(self, x):
        return x * x

    def bprop(self, x, out, dout):
        return (dout * 3,)


class Weighted(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([2.0, 2.0]), name="w")

    def construct(self, x):
        return x * self.w

    def bprop(self, x, out, dout):
        return (dout * 7,)


x, y = Tensor([1.0, 2.0]), Tensor([3.0, 4.0])
net = Mul()
print(net(x, y))
print(ms.grad(net, (0, 1))(x, y))
print(ms.grad(Outer(), (0, 1))(x, y))
print(ms.grad(Clipped())(x))
print(ms.value_and_grad(Clipped())(x))
weighted = Weighted()
print(ms.grad(weighted, 0, weighted.trainable_params())(x))

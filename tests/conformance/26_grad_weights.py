"""Gradients with respect to weights of a Cell (api.md 2.3, rules B-C)."""
import mindspore as ms
from mindspore import Parameter, Tensor, nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([2.0, 3.0]), name="w")
        self.b = Parameter(Tensor([1.0]), name="b")
        self.u = Parameter(Tensor([5.0]), name="u")  # unused on purpose

    def construct(self, x):
        return (x * self.w + self.b).sum()


net = Net()
x = Tensor([1.0, 4.0])
params = net.trainable_params()
print(params)
print("all weights:", ms.grad(net, None, params)(x))
print("[w]:", ms.grad(net, None, [net.w])(x))
print("w bare:", ms.grad(net, None, net.w)(x))
print("(w, b) tuple:", ms.grad(net, None, (net.w, net.b))(x))
print("empty list:", ms.grad(net, None, [])(x))
print("input and weights:", ms.grad(net, 0, params)(x))
print("input and b:", ms.grad(net, 0, net.b)(x))
print("weights keyword:", ms.grad(net, weights=net.w)(x))
print("value_and_grad:", ms.value_and_grad(net, None, params)(x))
print("value_and_grad (0, w):", ms.value_and_grad(net, 0, net.w)(x))


def forward(inputs):
    return net(inputs) * 2


grad_fn = ms.value_and_grad(forward, None, weights=params)
loss, grads = grad_fn(x)
print("function over a Cell:", loss, grads)

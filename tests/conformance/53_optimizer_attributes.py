"""Optimizer attributes: parameters, learning_rate, global_step, get_lr,
state names, repr, returns (api.md 7.1)."""
import numpy as np

import mindspore as ms
from mindspore import Parameter, Tensor, nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([[1.0, 2.0]], np.float32)),
                           name="w")
        self.b = Parameter(Tensor(np.array([0.5], np.float32)), name="b")
        self.frozen = Parameter(Tensor(np.array([3.0], np.float32)),
                                name="frozen", requires_grad=False)

    def construct(self, x):
        return (x * self.w).sum() + self.b + self.frozen


net = Net()
opt = nn.SGD(net.trainable_params(), learning_rate=0.1, momentum=0.9)
print(opt)
print(type(opt.parameters).__name__, opt.parameters)
print(opt.learning_rate, opt.learning_rate.asnumpy())
print(opt.global_step, opt.global_step.asnumpy())
print(opt.get_lr())
print([p.name for p in opt.get_parameters()])
print(isinstance(opt, nn.Optimizer), isinstance(opt, nn.Cell))

x = Tensor(np.array([[1.0, -1.0]], np.float32))
grads = ms.grad(net, None, opt.parameters)(x)
print(opt(grads), net.w.asnumpy(), net.b.asnumpy())
print(opt(grads), net.w.asnumpy(), net.b.asnumpy())
print(opt.global_step.asnumpy())

everything = nn.SGD(net.get_parameters(), 0.5)
print(everything(ms.grad(net, None, everything.parameters)(x)))
print(net.frozen.asnumpy(), [p.name for p in everything.parameters])

adam = nn.Adam(net.trainable_params(), 1e-3)
print(adam, [p.name for p in adam.get_parameters()])
momentum = nn.Momentum(net.trainable_params(), 0.1, 0.9)
print(momentum, [p.name for p in momentum.get_parameters()])
print(nn.SGD(net.trainable_params(), 2).learning_rate.asnumpy())

"""Parameter groups, the weight-decay name filter, and learning rates
given as lists or Tensors (api.md 7.1)."""
import numpy as np

from mindspore import Parameter, Tensor, nn


def scalar(name, value=1.0):
    return Parameter(Tensor(np.array([value], np.float32)), name=name)


one = Tensor(np.array([1.0], np.float32))
zero = Tensor(np.array([0.0], np.float32))

params = [scalar("bn.beta"), scalar("gamma"), scalar("fc.bias"),
          scalar("fc.weight")]
nn.SGD(params, 0.1, weight_decay=0.5)((zero,) * 4)
print("filter", [p.asnumpy() for p in params])

a, b, c = scalar("a"), scalar("b"), scalar("c.beta")
opt = nn.SGD([{"params": [a], "lr": 0.5, "weight_decay": 0.1},
              {"params": [b, c]}], 0.1, weight_decay=0.2)
print(opt.is_group, opt.is_group_lr, opt.learning_rate)
print(opt.get_lr())
for _ in range(2):
    print(opt((one, one, one)), a.asnumpy(), b.asnumpy(), c.asnumpy())
print([p.name for p in opt.get_parameters()])

a, b = scalar("a"), scalar("b")
opt = nn.Adam([{"params": [a], "weight_decay": 0.1}, {"params": [b]}], 0.1)
print(opt.is_group, opt.is_group_lr, opt.learning_rate)
opt((one, one))
print(a.asnumpy(), b.asnumpy())

p = Parameter(Tensor(np.array([1.0, -2.0], np.float32)), name="p")
g = (Tensor(np.array([0.5, 1.0], np.float32)),)
opt = nn.SGD([p], [0.1, 0.01, 0.001])
print(opt, opt.learning_rate.learning_rate)
print([q.name for q in opt.get_parameters()])
for _ in range(3):
    print("list", opt.get_lr(), opt(g), p.asnumpy())
opt = nn.Momentum([p], Tensor(np.array([0.2, 0.1], np.float32)), 0.5)
print(opt)
for _ in range(2):
    print("tensor", opt.get_lr(), opt(g), p.asnumpy())
opt = nn.SGD([p], Tensor(np.array(0.3, np.float32)))
print("0-d", opt.learning_rate, opt(g), p.asnumpy())

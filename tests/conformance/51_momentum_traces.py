"""Momentum over four steps, with weight decay and loss scale (api.md
7.2). use_nesterov is left out: mindgrad honours it on purpose [D]."""
import numpy as np

from mindspore import Parameter, Tensor, nn

GRADS = [[0.5, 1.0], [-0.25, 2.0], [1.5, -0.5], [0.0, 0.75]]


def trace(label, make):
    p = Parameter(Tensor(np.array([1.0, -2.0], np.float32)), name="p")
    opt = make([p])
    for g in GRADS:
        result = opt((Tensor(np.array(g, np.float32)),))
        print(label, result, p.asnumpy())
    print(label, [q.name for q in opt.moments])


trace("momentum", lambda ps: nn.Momentum(ps, 0.1, 0.9))
trace("weight_decay", lambda ps: nn.Momentum(ps, 0.1, 0.9, weight_decay=0.1))
trace("loss_scale", lambda ps: nn.Momentum(ps, 0.1, 0.9, loss_scale=2.0))
trace("both", lambda ps: nn.Momentum(ps, 0.1, 0.9, weight_decay=0.1,
                                     loss_scale=2.0))
trace("zero momentum", lambda ps: nn.Momentum(ps, 0.2, 0.0))

"""SGD over four steps: plain, momentum, dampening, nesterov, weight decay,
loss scale (api.md 7.2)."""
import numpy as np

from mindspore import Parameter, Tensor, nn

GRADS = [[0.5, 1.0], [-0.25, 2.0], [1.5, -0.5], [0.0, 0.75]]


def trace(label, make):
    p = Parameter(Tensor(np.array([1.0, -2.0], np.float32)), name="p")
    opt = make([p])
    for g in GRADS:
        result = opt((Tensor(np.array(g, np.float32)),))
        print(label, result, p.asnumpy())


trace("sgd", lambda ps: nn.SGD(ps, 0.1))
trace("momentum", lambda ps: nn.SGD(ps, 0.1, momentum=0.9))
trace("dampening", lambda ps: nn.SGD(ps, 0.1, momentum=0.9, dampening=0.5))
trace("dampening alone", lambda ps: nn.SGD(ps, 0.1, dampening=0.5))
trace("nesterov", lambda ps: nn.SGD(ps, 0.1, momentum=0.9, nesterov=True))
trace("weight_decay", lambda ps: nn.SGD(ps, 0.1, weight_decay=0.1))
trace("loss_scale", lambda ps: nn.SGD(ps, 0.1, loss_scale=2.0))
trace("all", lambda ps: nn.SGD(ps, 0.05, momentum=0.5, dampening=0.2,
                               weight_decay=0.01, loss_scale=4.0))
trace("int lr", lambda ps: nn.SGD(ps, 1))

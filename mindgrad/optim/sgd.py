"""SGD: stochastic gradient descent, with optional momentum.

>>> from mindgrad.optim import SGD
>>> p = Parameter(Tensor([1.0, -2.0]), name="p")
>>> opt = SGD([p], learning_rate=0.1, momentum=0.9)
>>> for g in ([0.5, 1.0], [-0.25, 2.0]):
...     _ = opt((Tensor(g),))
>>> print(p.asnumpy())
[ 0.93      -2.3899999]

See lesson 12.
"""
import numpy as np

from ..parameter import Parameter
from .optimizer import Optimizer, _number


class SGD(Optimizer):
    """Gradient descent: ``p -= lr * g``, or with momentum u

    Math: v = g on the first step, then v = u v + (1 - dampening) g;
    p -= lr v, or p -= lr (g + u v) with ``nesterov=True``.

    Raises:
        ValueError: a negative momentum or dampening, or ``nesterov``
            without momentum or with dampening.
    """

    def __init__(self, params, learning_rate=0.1, momentum=0.0,
                 dampening=0.0, weight_decay=0.0, nesterov=False,
                 loss_scale=1.0):
        momentum = _number(momentum, "momentum", "SGD")
        dampening = _number(dampening, "dampening", "SGD")
        if nesterov and (momentum == 0.0 or dampening != 0.0):
            raise ValueError(f"SGD: nesterov=True needs momentum > 0 and "
                             f"dampening = 0, got momentum={momentum}, "
                             f"dampening={dampening}")
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        self.momentum = Parameter(np.array(momentum, np.float32),
                                  name="momentum")
        self.dampening, self.nesterov = dampening, nesterov
        # accum holds the velocity v; stat is 1 until v's first step
        self.accum = self.parameters.clone("accum", init="zeros")
        self.stat = self.parameters.clone("stat", init="ones")

    def construct(self, gradients):
        grads, rates = self._prepare(gradients)
        u = float(self.momentum._data)
        for p, g, lr, v, s, scratch in zip(self.parameters, grads, rates,
                                           self.accum, self.stat,
                                           self._scratch):
            p, v, s = p._data, v._data, s._data
            if u == 0.0:
                p -= np.multiply(g, lr, out=scratch)     # p -= lr * g
                continue
            if s.size and s.flat[0]:    # one element: no scan of s
                v[...] = g
                s[...] = 0
            else:
                v *= u
                v += np.multiply(g, 1.0 - self.dampening, out=scratch)
            p -= lr * (g + u * v) if self.nesterov else np.multiply(
                v, lr, out=scratch)
        return (True,) * len(grads)

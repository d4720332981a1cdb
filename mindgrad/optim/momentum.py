"""Momentum: gradient descent with a velocity that remembers past steps.

>>> from mindgrad.optim import Momentum
>>> p = Parameter(Tensor([1.0, -2.0]), name="p")
>>> opt = Momentum([p], learning_rate=0.1, momentum=0.9)
>>> for g in ([0.5, 1.0], [-0.25, 2.0]):
...     _ = opt((Tensor(g),))
>>> print(p.asnumpy())
[ 0.93      -2.3899999]

See lesson 12.
"""
import numpy as np

from ..parameter import Parameter
from .optimizer import Optimizer, _number


class Momentum(Optimizer):
    """Heavy-ball momentum u, with the velocity v starting at 0.

    Math: v = u v + g; p -= lr v, or p -= lr (g + u v) with
    ``use_nesterov=True``. MindSpore 2.10 on CPU ignores
    ``use_nesterov``; mindgrad honours it.

    Raises:
        TypeError: ``learning_rate`` or ``momentum`` missing.
        ValueError: a negative momentum.
    """

    def __init__(self, params, learning_rate, momentum, weight_decay=0.0,
                 loss_scale=1.0, use_nesterov=False):
        momentum = _number(momentum, "momentum", "Momentum")
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        self.momentum = Parameter(np.array(momentum, np.float32),
                                  name="momentum")
        self.use_nesterov = use_nesterov
        self.moments = self.parameters.clone("moments", init="zeros")

    def construct(self, gradients):
        grads, rates = self._prepare(gradients)
        u = float(self.momentum._data)
        for p, g, lr, v in zip(self.parameters, grads, rates, self.moments):
            p, v = p._data, v._data
            v *= u
            v += g
            p -= lr * (g + u * v if self.use_nesterov else v)
        return (True,) * len(grads)

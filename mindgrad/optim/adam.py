"""Adam: per-coordinate step sizes from running moments of the gradient.

>>> from mindgrad.optim import Adam
>>> p = Parameter(Tensor([1.0, -2.0]), name="p")
>>> opt = Adam([p], learning_rate=0.1)
>>> _ = opt((Tensor([0.5, 1.0]),))
>>> print(p.asnumpy(), [m.name for m in opt.moment1])
[ 0.90000004 -2.1       ] ['moment1.p']

See lesson 12.
"""
import numpy as np

from ..parameter import Parameter
from .optimizer import Optimizer, _number


class Adam(Optimizer):
    """Adam in MindSpore's kernel form, with eps outside the bias
    correction, and weight decay as L2 on the gradient (not AdamW).

    Math: m += (1 - b1)(g - m); v += (1 - b2)(g^2 - v);
    lr_t = lr sqrt(1 - b2^t) / (1 - b1^t); p -= lr_t m / (sqrt(v) + eps).
    ``use_nesterov`` uses b1 m + (1 - b1) g for m; ``use_amsgrad`` uses
    the running maximum of v (state ``vhat``).

    Raises:
        ValueError: a beta outside (0, 1), or eps <= 0.
    """

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999,
                 eps=1e-8, use_locking=False, use_nesterov=False,
                 weight_decay=0.0, loss_scale=1.0, use_amsgrad=False):
        for name, beta in (("beta1", beta1), ("beta2", beta2)):
            if _number(beta, name, "Adam", strict=True) >= 1.0:
                raise ValueError(f"Adam: {name} must lie in (0, 1), got "
                                 f"{beta}; 0.9 and 0.999 are usual")
        eps = _number(eps, "eps", "Adam", strict=True)
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.use_nesterov, self.use_amsgrad = use_nesterov, use_amsgrad
        self.beta1_power = Parameter(np.array(1.0, np.float32),
                                     name="beta1_power")
        self.beta2_power = Parameter(np.array(1.0, np.float32),
                                     name="beta2_power")
        self.moment1 = self.parameters.clone("moment1", init="zeros")
        self.moment2 = self.parameters.clone("moment2", init="zeros")
        if use_amsgrad:
            self.vhat = self.parameters.clone("vhat", init="zeros")

    def construct(self, gradients):
        grads, rates = self._prepare(gradients)
        # float32 betas throughout, as MindSpore's kernel: the rounding
        # of 1 - b2 then cancels between lr_t and sqrt(v)
        b1, b2, one = np.float32(self.beta1), np.float32(self.beta2), \
            np.float32(1)
        self.beta1_power._data *= b1
        self.beta2_power._data *= b2
        correction = float(np.sqrt(one - self.beta2_power._data)
                           / (one - self.beta1_power._data))
        vhats = self.vhat if self.use_amsgrad else self.moment2
        for p, g, lr, m, v, vmax in zip(self.parameters, grads, rates,
                                        self.moment1, self.moment2, vhats):
            p, m, v, vmax = p._data, m._data, v._data, vmax._data
            m += (one - b1) * (g - m)
            v += (one - b2) * (g * g - v)
            if self.use_amsgrad:
                np.maximum(vmax, v, out=vmax)
            step = b1 * m + (one - b1) * g if self.use_nesterov else m
            p -= lr * correction * step / (np.sqrt(vmax) + self.eps)
        return (True,) * len(grads)

"""WithLossCell and TrainOneStepCell: a network with its loss, and one
training step (loss, gradients, update) as a single Cell.

See lesson 12.
"""
from ..autodiff import value_and_grad
from ..cells.cell import Cell
from ..cells.layers import Identity
from .optimizer import _adopt


class WithLossCell(Cell):
    """``loss_fn(backbone(data), label)`` as one Cell.

    >>> from mindgrad.optim import WithLossCell
    >>> class Scale(nn.Cell):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.w = Parameter(Tensor([2.0]), name="w")
    ...     def construct(self, x):
    ...         return self.w * x
    >>> net = WithLossCell(Scale(), lambda y, t: ((y - t) ** 2).sum())
    >>> print(net(Tensor([3.0]), Tensor([5.0])))
    1.0
    """

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        _adopt(self, "_backbone", backbone)
        _adopt(self, "_loss_fn", loss_fn)

    def construct(self, data, label):
        return self._loss_fn(self._backbone(data), label)

    @property
    def backbone_network(self):
        return self._backbone


class TrainOneStepCell(Cell):
    """One training step: compute the loss, its gradients with respect
    to ``optimizer.parameters``, update them; return the loss.

    Math: p <- optimizer(p, sens * dloss/dp).

    >>> from mindgrad.optim import SGD, TrainOneStepCell, WithLossCell
    >>> class Scale(nn.Cell):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.w = Parameter(Tensor([2.0]), name="w")
    ...     def construct(self, x):
    ...         return self.w * x
    >>> net = Scale()
    >>> loss_net = WithLossCell(net, lambda y, t: ((y - t) ** 2).sum())
    >>> step = TrainOneStepCell(loss_net, SGD(net.trainable_params(), 0.1))
    >>> print(step(Tensor([3.0]), Tensor([5.0])), net.w.asnumpy())
    1.0 [1.4]
    """

    def __init__(self, network, optimizer, sens=1.0):
        super().__init__(auto_prefix=False)
        _adopt(self, "network", network)
        _adopt(self, "optimizer", optimizer)
        # MindSpore's reducer averages gradients across devices; on one
        # machine it is the identity, kept for the same children and repr
        _adopt(self, "grad_reducer", Identity())
        self.weights = optimizer.parameters
        self.sens = sens
        self._value_and_grad = value_and_grad(network, None, self.weights)

    def construct(self, *inputs):
        loss, grads = self._value_and_grad(*inputs)
        if self.sens != 1.0:
            grads = tuple(grad * self.sens for grad in grads)
        self.optimizer(self.grad_reducer(grads))
        return loss

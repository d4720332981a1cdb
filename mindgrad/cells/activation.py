"""Activation layers: ReLU, Sigmoid, Tanh and Softmax as Cells.

Each is a Cell whose ``construct`` calls one operation, so gradients flow
through it with no extra code. ``Dense(..., activation='relu')`` finds
them by name through ``get_activation``.

>>> print(nn.ReLU()(Tensor([-1.0, 0.0, 2.0])))
[0. 0. 2.]
>>> nn.Sigmoid()
Sigmoid()
"""
from ..primitives.elementwise import relu, sigmoid, tanh
from ..primitives.functional import softmax
from .cell import Cell


class ReLU(Cell):
    """max(x, 0); int Tensors stay int, and the gradient at 0 is 0."""

    def construct(self, x):
        return relu(x)


class Sigmoid(Cell):
    """σ(x) = 1 / (1 + e^-x), a probability from a score."""

    def construct(self, x):
        return sigmoid(x)


class Tanh(Cell):
    """tanh(x), squashing scores into (-1, 1)."""

    def construct(self, x):
        return tanh(x)


class Softmax(Cell):
    """Probabilities along ``axis``: e^x_i / Σ_j e^x_j.

    >>> print(nn.Softmax(axis=1)(Tensor([[0.0, 0.0]])))
    [[0.5 0.5]]
    """

    def __init__(self, axis=-1):
        super().__init__()
        self.axis = axis

    def construct(self, x):
        ndim = getattr(x, "ndim", 0)
        if not -max(ndim, 1) <= self.axis < max(ndim, 1):
            raise ValueError(f"Softmax: axis {self.axis} is out of range "
                             f"for a Tensor of {ndim} dims; use an axis in "
                             f"[{-max(ndim, 1)}, {max(ndim, 1)})")
        return softmax(x, self.axis)


_ACTIVATIONS = {"relu": ReLU, "sigmoid": Sigmoid, "tanh": Tanh,
                "softmax": Softmax}


def get_activation(name):
    """The activation Cell called ``name`` ('relu', 'sigmoid', ...)."""
    if name not in _ACTIVATIONS:
        raise KeyError(f"activation {name!r} is unknown; use one of "
                       f"{', '.join(repr(k) for k in _ACTIVATIONS)} or "
                       f"pass a Cell")
    return _ACTIVATIONS[name]()

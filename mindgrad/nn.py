"""``mindgrad.nn``: networks as Cells, as ``mindspore.nn`` names them.

A facade over ``mindgrad.cells``. The optimizers and training wrappers
live in ``mindgrad.optim``, loaded on first use of ``nn.SGD`` and the
like (PEP 562), so ``import mindgrad`` stays fast.

>>> net = nn.SequentialCell(nn.Dense(2, 2), nn.ReLU())
>>> [name for name, _ in net.parameters_and_names()]
['0.weight', '0.bias']
"""
from .cells.activation import ReLU, Sigmoid, Softmax, Tanh
from .cells.cell import Cell, GraphCell
from .cells.container import CellList, SequentialCell
from .cells.layers import Dense, Dropout, Flatten, Identity
from .cells.loss import (BCEWithLogitsLoss, CrossEntropyLoss, L1Loss,
                         LossBase, MSELoss, SoftmaxCrossEntropyWithLogits)

_FROM_OPTIM = ("Optimizer", "SGD", "Momentum", "Adam", "WithLossCell",
               "TrainOneStepCell", "ExponentialDecayLR", "PolynomialDecayLR",
               "piecewise_constant_lr", "exponential_decay_lr",
               "polynomial_decay_lr")

__all__ = [
    "Cell", "GraphCell", "SequentialCell", "CellList", "Dense", "Flatten",
    "Dropout", "Identity",
    "ReLU", "Sigmoid", "Tanh", "Softmax", "LossBase", "BCEWithLogitsLoss",
    "CrossEntropyLoss", "MSELoss", "L1Loss", "SoftmaxCrossEntropyWithLogits",
    *_FROM_OPTIM,
]


def __getattr__(name):
    if name in _FROM_OPTIM:
        from . import optim
        return getattr(optim, name)
    raise AttributeError(f"module 'mindgrad.nn' has no attribute {name!r}")

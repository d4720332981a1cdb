"""Optimizers, learning-rate schedules and the training-step Cells.

``mindgrad.nn`` re-exports them as ``nn.SGD``, ``nn.Adam``, ... as
MindSpore names them.
"""
from .adam import Adam
from .momentum import Momentum
from .optimizer import Optimizer
from .schedule import (ExponentialDecayLR, PolynomialDecayLR,
                       exponential_decay_lr, piecewise_constant_lr,
                       polynomial_decay_lr)
from .sgd import SGD
from .train import TrainOneStepCell, WithLossCell

__all__ = ["Optimizer", "SGD", "Momentum", "Adam", "WithLossCell",
           "TrainOneStepCell", "ExponentialDecayLR", "PolynomialDecayLR",
           "piecewise_constant_lr", "exponential_decay_lr",
           "polynomial_decay_lr"]

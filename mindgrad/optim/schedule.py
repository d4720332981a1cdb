"""Learning-rate schedules: lists with one rate per step, and Cells that
compute the rate from the optimizer's ``global_step``.

>>> from mindgrad.optim import piecewise_constant_lr
>>> piecewise_constant_lr([2, 5], [0.1, 0.05])
[0.1, 0.1, 0.05, 0.05, 0.05]

See lesson 12.
"""
import math

import numpy as np

from ..cells.cell import Cell
from ..parameter import Parameter
from ..tensor import Tensor


def _positive(value, name, owner, kind=float):
    """Check a schedule argument: an int or float > 0 (kind=int: an int)."""
    allowed = (int,) if kind is int else (int, float)
    if isinstance(value, bool) or not isinstance(value, allowed):
        raise TypeError(f"{owner}: {name} must be {kind.__name__}, got "
                        f"{value!r}")
    if value <= 0:
        raise ValueError(f"{owner}: {name} must be > 0, got {value}")
    return value


def _check_power(power, owner):
    if not isinstance(power, float):
        raise TypeError(f"{owner}: power must be a float, got {power!r}; "
                        f"write {power}.0")
    return _positive(power, "power", owner)


def _check_bool(value, name, owner):
    if not isinstance(value, bool):
        raise TypeError(f"{owner}: {name} must be True or False, got "
                        f"{value!r}")
    return value


def _check_steps(total_step, step_per_epoch, decay_epoch, owner):
    for name, value in (("total_step", total_step), ("step_per_epoch",
                        step_per_epoch), ("decay_epoch", decay_epoch)):
        _positive(value, name, owner, int)


def piecewise_constant_lr(milestone, learning_rates):
    """One rate per step: ``learning_rates[i]`` until step
    ``milestone[i]`` (exclusive).

    Raises:
        ValueError: milestones not increasing, or lengths that differ.
    """
    owner = "piecewise_constant_lr"
    if len(milestone) != len(learning_rates):
        raise ValueError(f"piecewise_constant_lr: {len(milestone)} "
                         f"milestones but {len(learning_rates)} rates; "
                         f"give one rate per milestone")
    rates, start = [], 0
    for end, rate in zip(milestone, learning_rates):
        if _positive(end, "milestone", owner, int) <= start:
            raise ValueError(f"piecewise_constant_lr: milestones must "
                             f"increase, got {list(milestone)}")
        rates += [rate] * (end - start)
        start = end
    return rates


def exponential_decay_lr(learning_rate, decay_rate, total_step,
                         step_per_epoch, decay_epoch, is_stair=False):
    """One rate per step: lr * decay_rate^(epoch / decay_epoch), where
    epoch = step // step_per_epoch (the exponent floored if is_stair).

    >>> from mindgrad.optim import exponential_decay_lr
    >>> exponential_decay_lr(0.1, 0.5, 4, 1, 2, is_stair=True)
    [0.1, 0.1, 0.05, 0.05]
    """
    owner = "exponential_decay_lr"
    _positive(learning_rate, "learning_rate", owner)
    _positive(decay_rate, "decay_rate", owner)
    _check_steps(total_step, step_per_epoch, decay_epoch, owner)
    rates = []
    for i in range(total_step):
        power = (i // step_per_epoch) / decay_epoch
        rates.append(learning_rate * decay_rate ** (
            math.floor(power) if is_stair else power))
    return rates


def polynomial_decay_lr(learning_rate, end_learning_rate, total_step,
                        step_per_epoch, decay_epoch, power,
                        update_decay_epoch=False):
    """One rate per step: (lr - end) (1 - e / D)^power + end, where
    e = min(epoch, decay_epoch) and D = decay_epoch; with
    ``update_decay_epoch`` e = epoch and D is decay_epoch times
    ceil(epoch / decay_epoch) (at least once).

    >>> from mindgrad.optim import polynomial_decay_lr
    >>> polynomial_decay_lr(0.1, 0.01, 3, 1, 2, 1.0)
    [0.1, 0.05500000000000001, 0.01]
    """
    owner = "polynomial_decay_lr"
    _positive(learning_rate, "learning_rate", owner)
    _positive(end_learning_rate, "end_learning_rate", owner)
    _check_power(power, owner)
    _check_steps(total_step, step_per_epoch, decay_epoch, owner)
    _check_bool(update_decay_epoch, "update_decay_epoch", owner)
    rates, delta = [], learning_rate - end_learning_rate
    for i in range(total_step):
        epoch, span = i // step_per_epoch, decay_epoch
        if update_decay_epoch:
            span = decay_epoch * max(math.ceil(epoch / decay_epoch), 1)
        else:
            epoch = min(epoch, decay_epoch)
        rates.append(delta * (1 - epoch / span) ** power + end_learning_rate)
    return rates


def _step(global_step):
    """The step as float32 (a schedule computes in float32, as
    MindSpore's does)."""
    return np.asarray(global_step._data if isinstance(global_step, Tensor)
                      else global_step, np.float32)


class ExponentialDecayLR(Cell):
    """A schedule Cell: lr * decay_rate^(step / decay_steps), the
    exponent floored if ``is_stair``; pass it as an optimizer's
    learning_rate.

    >>> from mindgrad.optim import ExponentialDecayLR
    >>> print(ExponentialDecayLR(0.1, 0.5, 2)(Tensor(2, ms.int32)))
    0.05
    """

    def __init__(self, learning_rate, decay_rate, decay_steps,
                 is_stair=False):
        super().__init__()
        owner = "ExponentialDecayLR"
        self.learning_rate = _positive(learning_rate, "learning_rate",
                                       owner)
        self.decay_rate = _positive(decay_rate, "decay_rate", owner)
        self.decay_steps = _positive(decay_steps, "decay_steps", owner, int)
        self.is_stair = _check_bool(is_stair, "is_stair", owner)

    def construct(self, global_step):
        power = _step(global_step) / np.float32(self.decay_steps)
        if self.is_stair:
            power = np.floor(power)
        return Tensor(np.float32(self.learning_rate) * np.power(
            np.float32(self.decay_rate), power, dtype=np.float32))


class PolynomialDecayLR(Cell):
    """A schedule Cell: (lr - end) (1 - s / D)^power + end with
    s = min(step, decay_steps), D = decay_steps; with
    ``update_decay_steps`` s = step and D grows to the next multiple of
    decay_steps.

    >>> from mindgrad.optim import PolynomialDecayLR
    >>> print(PolynomialDecayLR(0.1, 0.01, 4, 1.0)(Tensor(2, ms.int32)))
    0.055
    """

    def __init__(self, learning_rate, end_learning_rate, decay_steps,
                 power, update_decay_steps=False):
        super().__init__()
        owner = "PolynomialDecayLR"
        self.learning_rate = _positive(learning_rate, "learning_rate",
                                       owner)
        self.end_learning_rate = _positive(end_learning_rate,
                                           "end_learning_rate", owner)
        self.decay_steps = _positive(decay_steps, "decay_steps", owner, int)
        self.power = _check_power(power, owner)
        self.update_decay_steps = _check_bool(
            update_decay_steps, "update_decay_steps", owner)

    def construct(self, global_step):
        step, span = _step(global_step), np.float32(self.decay_steps)
        if self.update_decay_steps:
            span = span * np.maximum(np.ceil(step / span), np.float32(1))
        else:
            step = np.minimum(step, span)
        delta = np.float32(self.learning_rate - self.end_learning_rate)
        return Tensor(delta * np.power(np.float32(1) - step / span,
                                       np.float32(self.power))
                      + np.float32(self.end_learning_rate))


class _IteratorLearningRate(Cell):
    """The rates of a list or 1-D Tensor, one per step (MindSpore's
    name, so an optimizer prints as MindSpore's does)."""

    def __init__(self, rates, name):
        super().__init__()
        self.learning_rate = Parameter(rates, name=name)

    def construct(self, global_step):
        rates, step = self.learning_rate._data, global_step._data
        if (step >= rates.shape[0]).any():
            raise RuntimeError(
                f"the learning_rate list has {rates.shape[0]} values, but "
                f"this is step {step.max() + 1}; pass one value per "
                f"training step, or a schedule Cell such as "
                f"ExponentialDecayLR")
        return Tensor(rates[step])

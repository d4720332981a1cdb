"""Initializers: how a layer fills its weights before training.

An initializer object fills a NumPy array in place when called, as in
MindSpore; ``initializer(init, shape, dtype)`` returns a filled Tensor.
``init`` may be an initializer object, a name (case-insensitive,
underscores optional: ``'he_uniform'`` = ``'HeUniform'``), a number (a
constant) or a Tensor (used as given).

Each random initializer takes exactly one draw from NumPy's global legacy
RNG, ``np.random.randint(1, 2**63 - 1)``, and samples from
``np.random.default_rng`` seeded with it. MindSpore draws the same way, so
``np.random.seed(s)`` makes initialisation repeatable and leaves a
learner's own ``np.random`` stream where MindSpore would leave it.

>>> from mindgrad.common.initializer import One, initializer
>>> w = initializer("normal", (300, 400), ms.float32)
>>> print(w.shape, w.dtype, round(float(w.asnumpy().std()), 2))
(300, 400) Float32 0.01
>>> print(initializer(One(), (2,), ms.float32))
[1. 1.]

See lesson 10.
"""
import math

import numpy as np

from .. import dtype as mstype
from ..tensor import Tensor, _wrap


def _rng():
    """A Generator seeded by one draw from NumPy's global RNG."""
    seed = np.random.randint(1, 2**63 - 1, dtype=np.int64)
    return np.random.default_rng(seed)


def _fans(shape):
    """(fan_in, fan_out): for an (out, in, k...) weight, in·k and out·k."""
    if len(shape) < 2:
        raise ValueError(f"initializer: fan_in and fan_out need a shape of "
                         f"at least 2 dims, got {tuple(shape)}; use "
                         f"'uniform', 'normal' or a constant for a bias")
    receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    return shape[1] * receptive, shape[0] * receptive


def _gain(nonlinearity, slope):
    """The std multiplier that keeps activations' variance steady."""
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "tanh":
        return 5.0 / 3
    return 1.0


class Initializer:
    """Base class: ``init(arr)`` fills the NumPy array ``arr`` in place."""

    def __call__(self, arr):
        arr[...] = self._values(arr.shape)

    def _values(self, shape):
        raise NotImplementedError(f"{type(self).__name__} defines no "
                                  f"values; subclass Initializer and "
                                  f"define _values(shape)")


class Constant(Initializer):
    """Every element equals ``value``."""

    def __init__(self, value):
        self.value = value

    def _values(self, shape):
        return np.full(shape, self.value)


class Zero(Constant):
    def __init__(self):
        super().__init__(0)


class One(Constant):
    def __init__(self):
        super().__init__(1)


class Normal(Initializer):
    """N(mean, sigma²); MindSpore's default sigma is 0.01."""

    def __init__(self, sigma=0.01, mean=0.0):
        self.sigma, self.mean = sigma, mean

    def _values(self, shape):
        return _rng().normal(self.mean, self.sigma, shape)


class Uniform(Initializer):
    """U(-scale, scale); MindSpore's default scale is 0.07."""

    def __init__(self, scale=0.07):
        self.scale = scale

    def _values(self, shape):
        return _rng().uniform(-self.scale, self.scale, shape)


class TruncatedNormal(Initializer):
    """N(0, sigma²) with samples beyond 2 sigma drawn again."""

    def __init__(self, sigma=0.01):
        self.sigma = sigma

    def _values(self, shape):
        rng = _rng()
        values = rng.standard_normal(shape)
        outside = np.abs(values) > 2
        while outside.any():
            values[outside] = rng.standard_normal(outside.sum())
            outside = np.abs(values) > 2
        return values * self.sigma


class HeUniform(Initializer):
    """U(±bound), bound = gain·√(3/fan): √(6/fan_in) for ReLU layers.

    Dense's default weight uses ``negative_slope=√5``: bound 1/√fan_in.
    """

    def __init__(self, negative_slope=0, mode="fan_in",
                 nonlinearity="leaky_relu"):
        self.negative_slope, self.mode = negative_slope, mode
        self.nonlinearity = nonlinearity

    def _bound(self, shape):
        fan_in, fan_out = _fans(shape)
        fan = fan_in if self.mode == "fan_in" else fan_out
        return _gain(self.nonlinearity, self.negative_slope) / math.sqrt(fan)

    def _values(self, shape):
        bound = math.sqrt(3.0) * self._bound(shape)
        return _rng().uniform(-bound, bound, shape)


class HeNormal(HeUniform):
    """N(0, std²), std = gain/√fan: √(2/fan_in) for ReLU layers."""

    def _values(self, shape):
        return _rng().normal(0.0, self._bound(shape), shape)


class XavierUniform(Initializer):
    """U(±gain·√(6/(fan_in + fan_out)))."""

    def __init__(self, gain=1):
        self.gain = gain

    def _values(self, shape):
        fan_in, fan_out = _fans(shape)
        bound = self.gain * math.sqrt(6.0 / (fan_in + fan_out))
        return _rng().uniform(-bound, bound, shape)


class XavierNormal(XavierUniform):
    """N(0, gain²·2/(fan_in + fan_out))."""

    def _values(self, shape):
        fan_in, fan_out = _fans(shape)
        std = self.gain * math.sqrt(2.0 / (fan_in + fan_out))
        return _rng().normal(0.0, std, shape)


_BY_NAME = {cls.__name__.lower(): cls for cls in (
    Zero, One, Normal, Uniform, TruncatedNormal, HeUniform, HeNormal,
    XavierUniform, XavierNormal)}
_BY_NAME.update(zeros=Zero, ones=One)


def _from_name(name):
    key = name.lower().replace("_", "")
    if key not in _BY_NAME:
        known = ", ".join(repr(k) for k in sorted(_BY_NAME))
        raise ValueError(f"initializer: unknown initializer {name!r}; use "
                         f"one of {known}")
    return _BY_NAME[key]()


def _shape_of(shape):
    if shape is None:
        raise ValueError("initializer: shape is required unless init is a "
                         "Tensor; pass e.g. (out_channels, in_channels)")
    return (shape,) if isinstance(shape, int) else tuple(shape)


def initializer(init, shape=None, dtype=mstype.float32):
    """A Tensor of ``shape`` and ``dtype`` filled by ``init``.

    Args:
        init: an Initializer, a name such as ``'normal'`` or
            ``'he_uniform'``, a number, or a Tensor of the right shape.
        shape: an int, tuple or list.
        dtype: a mindgrad dtype (default float32).

    Raises:
        ValueError: for an unknown name or a Tensor of another shape.

    >>> print(initializer(2.5, [2]))
    [2.5 2.5]
    """
    if isinstance(init, Tensor):
        if shape is not None and tuple(init.shape) != _shape_of(shape):
            raise ValueError(f"initializer: the init Tensor has shape "
                             f"{init.shape}, but shape {_shape_of(shape)} "
                             f"was asked for; make them equal")
        return init
    if isinstance(init, str):
        init = _from_name(init)
    elif isinstance(init, (int, float)) and not isinstance(init, bool):
        init = Constant(init)
    elif not isinstance(init, Initializer):
        raise TypeError(f"initializer: init must be an Initializer, a name, "
                        f"a number or a Tensor, got {type(init).__name__}")
    array = np.zeros(_shape_of(shape), dtype.nptype)
    init(array)
    return _wrap(array)

"""Layers with their own rules: Dense, Flatten and Dropout.

``Dense`` holds a weight of shape (out, in) and a bias of shape (out,)
and computes ``x @ weight.T + bias``, as MindSpore's ``nn.Dense``.

>>> layer = nn.Dense(3, 2, weight_init="ones", bias_init="zeros")
>>> print(layer(Tensor([[1.0, 2.0, 3.0]])))
[[6. 6.]]
>>> layer
Dense(input_channels=3, output_channels=2, has_bias=True)

See lesson 10.
"""
import math

from .. import dtype as mstype
from ..parameter import Parameter
from ..primitives.functional import dropout
from ..primitives.linalg import _dense
from ..primitives.shape import _reshape, flatten
from ..tensor import Tensor
from .activation import get_activation
from .cell import Cell
from .init import HeUniform, Uniform, initializer


def _channels(value, argument):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"Dense: {argument} must be an int, got "
                        f"{type(value).__name__} {value!r}")
    if value <= 0:
        raise ValueError(f"Dense: {argument} must be > 0, got {value}")
    return value


def _initial(init, shape, dtype, argument):
    try:
        return initializer(init, shape, dtype)
    except ValueError as error:
        raise ValueError(f"Dense: {argument}: {error}") from None


class Dense(Cell):
    """A fully connected layer: y = activation(x Wᵀ + b).

    Args:
        in_channels, out_channels: the sizes of x's last axis and of y's.
        weight_init, bias_init: an initializer name, object, number or
            Tensor; by default both are U(-1/√in, 1/√in).
        has_bias: False drops b.
        activation: a name ('relu', 'sigmoid', 'tanh', 'softmax') or a
            Cell, applied last.

    Raises:
        TypeError: for non-int channels or a non-float32 input (convert
            NumPy data with ``Tensor(array, mindgrad.float32)``).
        ValueError: when x's last axis is not in_channels.
    """

    def __init__(self, in_channels, out_channels, weight_init=None,
                 bias_init=None, has_bias=True, activation=None,
                 dtype=mstype.float32):
        super().__init__()
        self.in_channels = _channels(in_channels, "in_channels")
        self.out_channels = _channels(out_channels, "out_channels")
        if not isinstance(has_bias, bool):
            raise TypeError(f"Dense: has_bias must be a bool, got "
                            f"{type(has_bias).__name__}")
        self.has_bias = has_bias
        if weight_init is None:          # MindSpore 2.1+: 1/√in bounds
            weight_init = HeUniform(negative_slope=math.sqrt(5))
        self.weight = Parameter(_initial(
            weight_init, (out_channels, in_channels), dtype, "weight_init"),
            name="weight")
        self.bias = None
        if has_bias:
            if bias_init is None:
                bias_init = Uniform(scale=1 / math.sqrt(in_channels))
            self.bias = Parameter(_initial(
                bias_init, (out_channels,), dtype, "bias_init"), name="bias")
        if isinstance(activation, str):
            activation = get_activation(activation)
        elif activation is not None and not isinstance(activation, Cell):
            raise TypeError(f"Dense: activation must be a name such as "
                            f"'relu' or a Cell, got "
                            f"{type(activation).__name__}")
        self.activation = activation

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise TypeError(f"Dense: the input must be a Tensor, got "
                            f"{type(x).__name__}; use Tensor(x, "
                            f"mindgrad.float32)")
        weight, data = self.weight, x._data
        if data.dtype != weight._data.dtype:
            raise TypeError(f"Dense: the input has dtype {x.dtype} but the "
                            f"weight is {self.weight.dtype}; use Tensor(x, "
                            f"mindgrad.float32) or x.astype(...)")
        if data.ndim == 0 or data.shape[-1] != self.in_channels:
            raise ValueError(f"Dense: the input's last dim must be "
                             f"in_channels={self.in_channels}, but its "
                             f"shape is {x.shape}")
        if data.ndim == 2:               # the common case: no reshapes
            y = _dense(x, weight, self.bias)
        else:
            y = _reshape(_dense(_reshape(x, shape=(-1, self.in_channels)),
                                weight, self.bias),
                         shape=x.shape[:-1] + (self.out_channels,))
        return y if self.activation is None else self.activation(y)

    def extend_repr(self):
        text = f"input_channels={self.in_channels}, " \
               f"output_channels={self.out_channels}"
        if self.has_bias:
            text += ", has_bias=True"
        if self.activation is not None:
            text += f", activation={self.activation}"
        return text


class Identity(Cell):
    """Return the input unchanged: a placeholder where a Cell is expected,
    e.g. TrainOneStepCell's ``grad_reducer``, which averages gradients
    across devices in MindSpore's distributed training and has nothing to
    do on one machine.

    >>> print(nn.Identity()(Tensor([1.0, 2.0])))
    [1. 2.]
    """

    def construct(self, x):
        return x


class Flatten(Cell):
    """Merge the axes start_dim..end_dim: (3, 28, 28) → (3, 784).

    >>> print(nn.Flatten()(ops.ones((3, 28, 28))).shape)
    (3, 784)
    """

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim, self.end_dim = start_dim, end_dim

    def construct(self, x):
        ndim = getattr(x, "ndim", 0)
        if not (-ndim <= self.start_dim < ndim and -ndim <= self.end_dim
                < ndim) or (ndim == 1 and self.start_dim != 0):
            raise ValueError(f"Flatten: start_dim={self.start_dim} or "
                             f"end_dim={self.end_dim} is out of range for "
                             f"shape {getattr(x, 'shape', ())}; a 1-D "
                             f"input needs start_dim=0")
        return flatten(x, start_dim=self.start_dim, end_dim=self.end_dim)


def _probability(value, name, low_open):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            name == "keep_prob" and not isinstance(value, float)):
        raise TypeError(f"Dropout: {name} must be a float, got "
                        f"{type(value).__name__}")
    inside = 0 < value <= 1 if low_open else 0 <= value < 1
    if not inside:
        span = "(0, 1]" if low_open else "[0, 1)"
        raise ValueError(f"Dropout: {name} must lie in {span}, got {value}")
    return value


class Dropout(Cell):
    """In training, zero each element with probability p and scale the
    rest by 1/(1-p); the identity otherwise (a new Cell is not training:
    call ``set_train()``).

    >>> x = ops.ones((2, 3))
    >>> print(nn.Dropout(p=0.5)(x))
    [[1. 1. 1.]
     [1. 1. 1.]]
    """

    def __init__(self, keep_prob=0.5, p=None, dtype=mstype.float32):
        super().__init__()
        if p is None:
            self.keep_prob = _probability(keep_prob, "keep_prob", True)
            self.p = 1 - keep_prob
        else:
            self.p = _probability(p, "p", False)
            self.keep_prob = 1 - p
        self._given_p = p is not None

    def construct(self, x):
        return dropout(x, self.p, self.training)

    def extend_repr(self):
        if self._given_p:
            return f"p={self.p}"
        return f"keep_prob={self.keep_prob}"

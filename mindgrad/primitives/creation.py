"""Creating Tensors (``ones``, ``zeros``, ``fill`` ...) and casting them.

Created Tensors are constants: nothing is recorded for them, so they get
no gradient. ``cast`` is differentiable: its gradient is cast back.
"""
import numpy as np

from .. import dtype as mstype
from ..tensor import Tensor, _wrap
from .core import cast as _cast
from .elementwise import _as_tensor


def _shape(shape, name):
    if isinstance(shape, Tensor):
        shape = shape.tolist()
    if isinstance(shape, (int, np.integer)):
        return (int(shape),)
    if isinstance(shape, (tuple, list)):
        return tuple(int(n) for n in shape)
    raise TypeError(f"{name}: shape must be an int, tuple or list, got "
                    f"{type(shape).__name__}")


def ones(shape, dtype=None):
    """A Tensor of ones (default Float32).

    >>> print(ops.ones((2, 3)).shape, ops.ones(5).dtype)
    (2, 3) Float32
    """
    return _wrap(np.ones(_shape(shape, "ones"),
                         mstype.check(dtype, "ones").nptype))


def zeros(size, dtype=None):
    """A Tensor of zeros (default Float32).

    >>> print(ops.zeros(3))
    [0. 0. 0.]
    """
    return _wrap(np.zeros(_shape(size, "zeros"),
                          mstype.check(dtype, "zeros").nptype))


def ones_like(input, *, dtype=None):
    """Ones of ``input``'s shape and dtype (or ``dtype``)."""
    input = _as_tensor(input, "ones_like")
    return _wrap(np.ones(input.shape, (dtype or input.dtype).nptype))


def zeros_like(input, *, dtype=None):
    """Zeros of ``input``'s shape and dtype (or ``dtype``)."""
    input = _as_tensor(input, "zeros_like")
    return _wrap(np.zeros(input.shape, (dtype or input.dtype).nptype))


def fill(type, shape, value):
    """A Tensor of ``shape`` (a tuple) filled with ``value``; with type
    None the dtype follows the value (int: Int64, float: Float32).

    >>> print(ops.fill(ms.float32, (2,), 7))
    [7. 7.]
    """
    if not isinstance(shape, tuple):      # MindSpore: TypeError for a list
        raise TypeError(f"fill: shape must be a tuple such as (2, 3), got "
                        f"{shape!r}")
    if type is None:
        type = mstype.bool_ if isinstance(value, bool) else \
            mstype.float32 if isinstance(value, float) else mstype.int64
    return _wrap(np.full(shape, value, mstype.check(type, "fill").nptype))


def full(size, fill_value, *, dtype=None):
    """A Tensor of shape ``size`` (int, tuple or list) holding
    ``fill_value``; the dtype follows the value unless given."""
    return fill(dtype, _shape(size, "full"), fill_value)


def cast(input, dtype):
    """Convert to ``dtype``; the gradient is converted back.

    >>> print(ops.cast(Tensor([1.7]), ms.int32))
    [1]
    """
    input = _as_tensor(input, "cast")
    dtype = mstype.resolve(dtype)
    if input.dtype is dtype:
        return input
    return _cast(input, nptype=dtype.nptype)

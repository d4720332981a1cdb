"""Reductions: sum, mean, max, min, argmax, argmin, and their VJPs.

A reduction's cotangent has the reduced shape; its rule first puts the
reduced axes back (length 1) so broadcasting spreads ``dout`` over the
elements that were reduced.
"""
import builtins

import numpy as np

from .core import broadcast_to, primitive
from .elementwise import _as_tensor
from .shape import _reshape


def _kept(shape, axis):
    """The shape a reduction over ``axis`` has with keepdims=True."""
    if axis is None:
        return (1,) * len(shape)
    axes = {a % len(shape) for a in ((axis,) if np.ndim(axis) == 0
                                     else axis)}
    return tuple(1 if i in axes else n for i, n in enumerate(shape))


def _spread(dout, x, axis):
    """dout with the reduced axes restored, broadcast to x's shape."""
    shape = np.shape(x)        # .reshape: a method of arrays and Tensors
    return broadcast_to(dout.reshape(_kept(shape, axis)), shape=shape)


@primitive
def _sum(x, axis, keepdims):
    integer = x.dtype.kind in "iub"         # MindSpore sums ints as Int64
    return np.sum(x, axis, np.int64 if integer else None, keepdims=keepdims)


_sum.defvjp(lambda x, out, dout, axis, keepdims: _spread(dout, x, axis))


@primitive
def _mean(x, axis, keepdims):
    if x.dtype in _WIDE_FLOATS:     # np.mean's sum and division without
        total = np.add.reduce(x, axis, keepdims=keepdims)   # its wrapper
        return total / x.dtype.type(x.size // builtins.max(total.size, 1))
    # MindSpore gives an int Tensor's mean in its own dtype, truncated
    return np.mean(x, axis, keepdims=keepdims).astype(x.dtype, copy=False)


_WIDE_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def _mean_vjp(x, out, dout, axis, keepdims):       # d mean = d sum / n
    count = np.size(x) // builtins.max(np.size(out), 1)
    return _spread(dout / count, x, axis)


_mean.defvjp(_mean_vjp)


@primitive
def _max(x, axis, keepdims):
    return np.max(x, axis, keepdims=keepdims)


@primitive
def _min(x, axis, keepdims):
    return np.min(x, axis, keepdims=keepdims)


def _extremum_vjp(x, out, dout, axis, keepdims):   # ties share equally
    shape = _kept(np.shape(x), axis)
    return _spread(dout, x, axis) * _ties(x, _reshape(out, shape=shape),
                                          axis=axis)


_max.defvjp(_extremum_vjp)
_min.defvjp(_extremum_vjp)


@primitive(differentiable=False)
def _ties(x, extreme, axis):
    """1/k on each of the k elements equal to the extreme, else 0."""
    hit = (x == extreme)
    return (hit / np.sum(hit, axis, keepdims=True)).astype(x.dtype)


@primitive(differentiable=False)
def _argmax(x, axis, keepdims):
    return np.argmax(x, axis, keepdims=keepdims).astype(np.int64)


@primitive(differentiable=False)
def _argmin(x, axis, keepdims, nptype=np.int64):
    return np.argmin(x, axis, keepdims=keepdims).astype(nptype)


# --- public functions -----------------------------------------------------


def _check_axis(input, axis, name):
    rank = builtins.max(input.ndim, 1)
    for a in (() if axis is None else np.atleast_1d(axis)):
        if not -rank <= a < rank:
            raise ValueError(f"{name}: axis {a} is out of range for shape "
                             f"{input.shape}")
    return tuple(axis) if isinstance(axis, list) else axis


def sum(input, dim=None, keepdim=False, *, dtype=None):
    """Add up the elements, over every axis or the axes ``dim``.

    Math: sum(x) = Σ_i x_i; each x_i gets gradient 1.

    >>> print(ops.sum(Tensor([[1., 2.], [3., 4.]]), dim=0))
    [4. 6.]
    """
    input = _as_tensor(input, "sum")
    dim = _check_axis(input, dim, "sum")
    if dtype is not None:
        input = input.astype(dtype)
    return _sum(input, axis=dim, keepdims=keepdim)


def mean(x, axis=None, keep_dims=False):
    """The average of the elements, over every axis or the axes ``axis``.

    >>> print(ops.mean(Tensor([[1., 2.], [3., 4.]]), axis=1))
    [1.5 3.5]
    """
    x = _as_tensor(x, "mean")
    return _mean(x, axis=_check_axis(x, axis, "mean"), keepdims=keep_dims)


def max(input, axis=None, keepdims=False):
    """The largest elements and where they are: ``(values, indices)``.

    Ties share the gradient equally. Without an axis, the index is the
    flat position of the maximum.

    >>> values, indices = ops.max(Tensor([[1., 5.], [7., 2.]]), axis=1)
    >>> print(values, indices)
    [5. 7.] [1 0]
    """
    input = _as_tensor(input, "max")
    axis = _check_axis(input, axis, "max")
    return (_max(input, axis=axis, keepdims=keepdims),
            _argmax(input, axis=axis, keepdims=keepdims))


def min(input, axis=None, keepdims=False):
    """The smallest elements and their indices, like ``ops.max``."""
    input = _as_tensor(input, "min")
    axis = _check_axis(input, axis, "min")
    return (_min(input, axis=axis, keepdims=keepdims),
            _argmin(input, axis=axis, keepdims=keepdims))


def argmax(input, dim=None, keepdim=False):
    """The index of the largest element (Int64).

    >>> print(ops.argmax(Tensor([[1., 5.], [7., 2.]]), dim=1))
    [1 0]
    """
    input = _as_tensor(input, "argmax")
    return _argmax(input, axis=_check_axis(input, dim, "argmax"),
                   keepdims=keepdim)


def argmin(input, axis=None, keepdims=False):
    """The index of the smallest element (Int32, as in MindSpore)."""
    input = _as_tensor(input, "argmin")
    return _argmin(input, axis=_check_axis(input, axis, "argmin"),
                   keepdims=keepdims, nptype=np.int32)

"""Softmax, losses, one-hot, dropout and ``stop_gradient``: the public
functions, built on the primitives of ``softmax.py``.
"""
import numpy as np

from .. import context
from .. import dtype as mstype
from ..tensor import Tensor, _wrap
from .core import primitive
from .elementwise import _as_tensor, _div, _mul, _softplus
from .reduction import _mean, _sum
from .shape import _reshape
from .softmax import _log_softmax, _softmax, _softmax_nll


@primitive(differentiable=False)
def _stop(x):
    return x


def _float_tensor(x, name, argument):
    x = _as_tensor(x, name)
    if not x.dtype.is_float:
        raise TypeError(f"{name}: {argument} must be a float Tensor, got "
                        f"{x.dtype}; use {argument}.astype(mindgrad.float32)")
    return x


def _reduce(loss, reduction):
    if reduction == "mean":
        return _mean(loss, axis=None, keepdims=False)
    if reduction == "sum":
        return _sum(loss, axis=None, keepdims=False)
    return loss


def _check_reduction(reduction, name):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{name}: reduction must be 'mean', 'sum' or "
                         f"'none', got {reduction!r}")


# --- softmax --------------------------------------------------------------


def softmax(input, axis=-1, *, dtype=None):
    """Turn scores into probabilities along ``axis``.

    Math: softmax(x)_i = exp(x_i) / Σ_j exp(x_j).

    >>> print(ops.softmax(Tensor([0., 0.])))
    [0.5 0.5]
    """
    input = _float_tensor(input, "softmax", "input")
    return _softmax(input if dtype is None else input.astype(dtype),
                    axis=axis)


def log_softmax(logits, axis=-1):
    """log(softmax(x)), computed without overflow.

    Math: log_softmax(x)_i = x_i - log Σ_j exp(x_j).
    """
    return _log_softmax(_float_tensor(logits, "log_softmax", "logits"),
                        axis=axis)


# --- losses -----------------------------------------------------------------


def binary_cross_entropy_with_logits(input, target, weight=None,
                                     pos_weight=None, reduction="mean"):
    """Binary cross-entropy of logits ``input`` against ``target``.

    Math: with p = σ(x), ℓ = -w [pw·y·log p + (1-y)·log(1-p)], computed
    stably as w [(1-y) x + (1 + (pw-1) y) softplus(-x)].

    >>> x = Tensor([[.5, -1., 2.], [1.5, 0., -.5]])
    >>> y = Tensor([[1., 0., 1.], [0., 1., 0.]])
    >>> print(ops.binary_cross_entropy_with_logits(x, y, reduction="sum"))
    3.7829...

    See lesson 08.
    """
    name = "binary_cross_entropy_with_logits"
    _check_reduction(reduction, name)
    input = _as_tensor(input, name)
    target = _as_tensor(target, name)
    if input.dtype not in (mstype.float16, mstype.float32):
        raise TypeError(f"{name}: input must be Float16 or Float32, got "
                        f"{input.dtype}; use input.astype(mindgrad.float32)")
    _float_tensor(target, name, "target")
    if input.shape != target.shape:
        raise ValueError(f"{name}: input shape {input.shape} and target "
                         f"shape {target.shape} must be equal")
    for argument, value in (("weight", weight), ("pos_weight", pos_weight)):
        if value is not None and (not isinstance(value, Tensor) or
                                  type(value).__name__ == "Parameter"):
            raise TypeError(f"{name}: {argument} must be a Tensor (not a "
                            f"Parameter), got {type(value).__name__}")
    positive = 1 if pos_weight is None else (pos_weight - 1) * target + 1
    loss = (1 - target) * input + positive * _softplus(-input)
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def cross_entropy(input, target, weight=None, ignore_index=-100,
                  reduction="mean", label_smoothing=0.0):
    """Softmax cross-entropy of logits ``input`` (classes on axis 1).

    ``target`` holds class indices (int) or class probabilities (float,
    the shape of ``input``).

    Math: ℓ = -Σ_c y_c log softmax(x)_c; for an index y, -log softmax(x)_y.

    >>> logits = Tensor([[2., 1., .1], [.5, 2.5, .3]])
    >>> print(ops.cross_entropy(logits, Tensor([0, 1], ms.int32)))
    0.31853...
    """
    name = "cross_entropy"
    _check_reduction(reduction, name)
    input = _float_tensor(input, name, "input")
    target = _as_tensor(target, name)
    axis = 1 if input.ndim > 1 else 0
    classes = input.shape[axis]
    if target.dtype.is_float:
        if target.shape != input.shape:
            raise ValueError(f"{name}: probability targets must have the "
                             f"logits' shape {input.shape}, got "
                             f"{target.shape}")
        if label_smoothing:
            target = target * (1 - label_smoothing) + label_smoothing / \
                classes
        log_p = _log_softmax(input, axis=axis)
        if weight is not None:
            log_p = log_p * _reshape(weight, shape=(classes,) + (1,) * (
                input.ndim - axis - 1))
        loss = -_sum(log_p * target, axis=axis, keepdims=False)
        return _reduce(loss, reduction)
    return _index_cross_entropy(input, target, weight, ignore_index,
                                reduction, label_smoothing, axis)


def _index_cross_entropy(input, target, weight, ignore_index, reduction,
                         smoothing, axis):
    """-w[y] log p_y per sample, plus ε/C Σ_c w_c (-log p_c) when
    smoothing; 'mean' divides by Σ w[y] over the samples not ignored."""
    labels = target._data
    classes = input.shape[axis]
    # ufunc reductions, not labels.min(): the methods' wrappers cost more
    # than the check itself on a batch of labels
    if weight is None and not smoothing and labels.size and 0 <= \
            np.minimum.reduce(labels, axis=None) and np.maximum.reduce(
                labels, axis=None) < classes and not (
                0 <= ignore_index < classes
                and (labels == ignore_index).any()):
        if reduction == "mean":
            return _softmax_nll(input, labels, axis=axis, mean=True)
        return _reduce(_softmax_nll(input, labels, axis=axis, mean=False),
                       reduction)
    kept = labels != ignore_index
    if np.any((labels[kept] < 0) | (labels[kept] >= classes)):
        raise RuntimeError(
            f"cross_entropy: labels must lie in [0, {classes}) or equal "
            f"ignore_index; got {labels[kept].min()} .. "
            f"{labels[kept].max()}")
    safe = np.where(kept, labels, 0)
    dtype = input._data.dtype
    class_weight = np.ones(classes, dtype) if weight is None else \
        weight._data.astype(dtype)
    sample_weight = kept * class_weight[safe]
    loss = _mul(_softmax_nll(input, safe, axis=axis, mean=False),
                sample_weight)
    if smoothing:
        shape = (classes,) + (1,) * (input.ndim - axis - 1)
        log_p = _mul(_log_softmax(input, axis=axis),
                     class_weight.reshape(shape))
        spread = _mul(_sum(log_p, axis=axis, keepdims=False),
                      -kept.astype(dtype) / classes)
        loss = loss * (1 - smoothing) + spread * smoothing
    if reduction == "mean":
        return _div(_sum(loss, axis=None, keepdims=False),
                    sample_weight.sum())
    return _reduce(loss, reduction)


def mse_loss(input, target, reduction="mean"):
    """Mean squared error: mean((x - y)²).

    >>> print(ops.mse_loss(Tensor([1., 2.]), Tensor([0., 4.])))
    2.5
    """
    _check_reduction(reduction, "mse_loss")
    difference = _broadcast_difference(input, target, "mse_loss")
    return _reduce(difference * difference, reduction)


def l1_loss(input, target, reduction="mean"):
    """Mean absolute error: mean(|x - y|).

    >>> print(ops.l1_loss(Tensor([1., 2.]), Tensor([0., 4.])))
    1.5
    """
    _check_reduction(reduction, "l1_loss")
    return _reduce(abs(_broadcast_difference(input, target, "l1_loss")),
                   reduction)


def _broadcasts(*shapes):
    try:
        np.broadcast_shapes(*shapes)
        return True
    except ValueError:
        return False


def _broadcast_difference(input, target, name):
    input = _float_tensor(input, name, "input")
    target = _float_tensor(target, name, "target")
    if not _broadcasts(input.shape, target.shape):
        raise ValueError(f"{name}: shapes {input.shape} and {target.shape} "
                         f"do not broadcast")
    return input - target


# --- no gradient -----------------------------------------------------------


def stop_gradient(value):
    """Return ``value`` unchanged, but let no gradient flow back through it.

    Math: s(v) = v, with ds/dv taken as 0.

    >>> f = lambda x: x * x + ops.stop_gradient(x * x)
    >>> print(ms.grad(f)(Tensor(3.0)))
    6.0

    See lesson 09.
    """
    if isinstance(value, Tensor):
        return _stop(value)
    if isinstance(value, (tuple, list)):
        return type(value)(stop_gradient(v) for v in value)
    return value


def depend(value, expr):
    """Return ``value``; in MindSpore's graph mode it orders ``expr`` first,
    and eager code needs no such ordering."""
    return value


def one_hot(indices, depth, on_value=1, off_value=0, axis=-1):
    """Class indices as one-hot rows.

    >>> print(ops.one_hot(Tensor([0, 2]), 3))
    [[1 0 0]
     [0 0 1]]
    """
    indices = _as_tensor(indices, "one_hot")
    on = on_value._data if isinstance(on_value, Tensor) else on_value
    off = off_value._data if isinstance(off_value, Tensor) else off_value
    hot = np.expand_dims(indices._data, axis) == np.arange(depth).reshape(
        (-1,) + (1,) * (-axis - 1 if axis < 0 else indices.ndim - axis))
    dtype = np.result_type(on, off)
    dtype = np.float32 if dtype.kind == "f" else np.int64
    return _wrap(np.where(hot, on, off).astype(dtype))


def dropout(input, p=0.5, training=True, seed=None):
    """Zero each element with probability p and scale the rest by 1/(1-p).

    The mask is drawn from the generator ``mindgrad.set_seed`` seeds; the
    gradient passes through the same mask.
    """
    input = _float_tensor(input, "dropout", "input")
    if not training or p == 0:
        return input
    if not 0 <= p < 1:
        raise ValueError(f"dropout: p must lie in [0, 1), got {p}")
    generator = context.generator() if seed is None else \
        np.random.default_rng(seed)
    keep = generator.random(input.shape) >= p
    return _mul(input, (keep / (1 - p)).astype(input._data.dtype))

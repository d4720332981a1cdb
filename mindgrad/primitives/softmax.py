"""The softmax family's primitives, written for numerical stability and
speed: ``log_softmax`` never exponentiates a large logit, and the softmax
cross-entropy on class indices is one primitive forward and one back,
because it ends every classifier's training step.
"""
import numpy as np

from .core import primitive
from .elementwise import _exp
from .reduction import _mean, _sum


@primitive
def _softmax(x, axis):
    e = np.exp(x - x.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


def _softmax_vjp(s, dout, axis):       # J = diag(s) - s sᵀ along the axis
    return s * (dout - _sum(dout * s, axis=axis, keepdims=True))


_softmax.defvjp(lambda x, out, dout, axis: _softmax_vjp(out, dout, axis))


@primitive
def _log_softmax(x, axis):
    shifted = x - np.max(x, axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis, keepdims=True))


_log_softmax.defvjp(                   # d log s_i = dx_i - Σ_j s_j dx_j
    lambda x, out, dout, axis:
    dout - _exp(out) * _sum(dout, axis=axis, keepdims=True))


@primitive
def _softmax_nll(x, labels, axis, mean):
    """-log softmax(x)[label] per sample, or their mean if ``mean``: the
    loss of every classifier, fused into one primitive (instead of max,
    exp, sum, log, pick and mean) because a training step pays Python
    time for each primitive and NumPy time for each temporary."""
    shifted = x - x.max(axis, keepdims=True)
    nll = np.log(np.exp(shifted).sum(axis)) - _picked(shifted, labels, axis)
    return _mean.forward(nll, None, False) if mean else nll


def _picked(x, labels, axis):
    """x[..., labels, ...]: the entry of each label along ``axis``."""
    if x.ndim == 2 and axis % 2 == 1:    # (batch, classes): index directly
        return x[np.arange(len(x)), labels]
    return np.take_along_axis(x, np.expand_dims(labels, axis),
                              axis).squeeze(axis)


def _softmax_nll_vjp(x, labels, out, dout, axis, mean):
    if mean:                              # d mean = d sum / n
        scale = dout / labels.size
    else:                                 # one dout per sample
        axis %= np.ndim(x)
        scale = dout.reshape(np.shape(out)[:axis] + (1,)
                             + np.shape(out)[axis:])
    return _softmax_minus_onehot(x, labels, axis=axis) * scale


_softmax_nll.defvjp(_softmax_nll_vjp, None)


@primitive
def _softmax_minus_onehot(x, labels, axis):
    """softmax(x) - onehot(label): the gradient of the nll, made in place
    in one fresh array; a primitive of its own so that the loss can still
    be differentiated twice."""
    p = np.exp(x - x.max(axis, keepdims=True))
    p /= p.sum(axis, keepdims=True)
    p -= _onehot_like.forward(x, labels, axis)
    return p


# the onehot is constant in x, so this is softmax's own VJP, s = out + onehot
_softmax_minus_onehot.defvjp(
    lambda x, labels, out, dout, axis: _softmax_vjp(
        out + _onehot_like(x, labels, axis=axis), dout, axis),
    None)


@primitive(differentiable=False)
def _onehot_like(x, labels, axis):
    if x.ndim == 2 and axis % 2 == 1:    # (batch, classes): set directly
        onehot = np.zeros(x.shape, x.dtype)
        onehot[np.arange(len(x)), labels] = 1
        return onehot
    classes = np.arange(x.shape[axis]).reshape(
        (-1,) + (1,) * (x.ndim - axis % x.ndim - 1))
    return (np.expand_dims(labels, axis) == classes).astype(x.dtype)

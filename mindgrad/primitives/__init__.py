"""The primitives, and the one table that gives Tensor its operators and
methods (so ``tensor.py`` never imports the operations built on it)."""
import numpy as np

from .. import dtype as mstype
from ..tensor import Tensor
from . import creation
from . import elementwise as ew
from . import functional as fn
from . import linalg, reduction, shape
from .core import primitive


def _bitwise(ufunc, name):
    op = ew._binary(primitive(differentiable=False)(ufunc), name)
    return op, lambda self, other: op(other, self)


def _values_or_pair(reduce):
    """``t.max(axis)`` gives values; ``t.max(dim=...)`` gives (values,
    indices), as in MindSpore."""
    def method(self, axis=None, keepdims=False, *, dim=None, keepdim=None):
        if dim is not None:
            return reduce(self, dim, bool(keepdim))
        return reduce(self, axis, keepdims)[0]
    return method


def _sum(self, axis=None, keepdims=False, *, dim=None, keepdim=None,
         dtype=None):
    return reduction.sum(self, axis if dim is None else dim,
                         keepdims if keepdim is None else keepdim,
                         dtype=dtype)


def _mean(self, axis=None, keep_dims=False, *, dim=None):
    return reduction.mean(self, axis if dim is None else dim, keep_dims)


def _var(self, axis=None, ddof=0, keepdims=False):
    centred = self - reduction.mean(self, axis, True)
    return reduction.sum(centred * centred, axis, keepdims) / (
        self.size // max(reduction.mean(self, axis, keepdims).size, 1) - ddof)


def _shape_args(args):
    return args[0] if len(args) == 1 and not isinstance(args[0], int) \
        else args


def _transpose(self, *axes):
    axes = _shape_args(axes) if axes else tuple(range(self.ndim))[::-1]
    return shape.transpose(self, axes)


def _iterate(self):
    if self.ndim == 0:
        raise TypeError("iteration over a 0-d Tensor")
    return (shape.getitem(self, i) for i in range(self.shape[0]))


def _swapaxes(self, axis0, axis1):
    axes = list(range(self.ndim))
    axes[axis0], axes[axis1] = axes[axis1], axes[axis0]
    return shape.transpose(self, axes)


def _astype(self, dtype, copy=True):
    return creation.cast(self, mstype.resolve(dtype, "astype"))


_invert = primitive(differentiable=False)(np.invert)
_and, _rand = _bitwise(np.bitwise_and, "bitwise_and")
_or, _ror = _bitwise(np.bitwise_or, "bitwise_or")
_xor, _rxor = _bitwise(np.bitwise_xor, "bitwise_xor")


def _equality(op, equal):
    """== and != against None, a string, a list, a tuple or an ndarray
    compare identity (False for ==, True for !=), as in MindSpore."""
    def method(self, other):
        if other is None or isinstance(other, (str, list, tuple,
                                               np.ndarray)):
            return (self is other) == equal
        return op(self, other)
    return method


# MindSpore 2.10's + - // (and a list ** Tensor) take lists and tuples;
# its * / % **, comparisons and the ops.* functions raise TypeError
_add = ew._binary(ew._add, "add", lists=True)
_sub = ew._binary(ew._sub, "sub", lists=True)
_floor_divide = ew._binary(ew._floor_divide, "floor_divide", lists=True)
_pow = ew._binary(ew._pow, "pow", lists=True)

TENSOR_METHODS = {
    "__add__": _add, "__radd__": ew._reflected(_add),
    "__sub__": _sub, "__rsub__": ew._reflected(_sub),
    "__mul__": ew.mul, "__rmul__": ew._reflected(ew.mul),
    "__truediv__": ew.div, "__rtruediv__": ew._reflected(ew.div),
    "__floordiv__": _floor_divide,
    "__rfloordiv__": ew._reflected(_floor_divide),
    "__mod__": ew.remainder, "__rmod__": ew._reflected(ew.remainder),
    "__pow__": ew.pow, "__rpow__": ew._reflected(_pow),
    "__matmul__": linalg.matmul,
    "__rmatmul__": ew._reflected(linalg.matmul),
    "__neg__": ew.neg, "__pos__": lambda self: self, "__abs__": ew.abs,
    "__lt__": ew.less, "__le__": ew.less_equal, "__gt__": ew.greater,
    "__ge__": ew.greater_equal, "__eq__": _equality(ew.equal, True),
    "__ne__": _equality(ew.not_equal, False),
    "__and__": _and, "__rand__": _rand, "__or__": _or, "__ror__": _ror,
    "__xor__": _xor, "__rxor__": _rxor,
    "__invert__": lambda self: _invert(self),
    "__getitem__": shape.getitem, "__iter__": _iterate,
    "sum": _sum, "mean": _mean, "var": _var,
    "std": lambda self, axis=None, ddof=0, keepdims=False:
        ew.sqrt(_var(self, axis, ddof, keepdims)),
    "max": _values_or_pair(reduction.max),
    "min": _values_or_pair(reduction.min),
    "argmax": lambda self, axis=None, keepdims=False:
        reduction.argmax(self, axis, keepdims),
    "argmin": lambda self, axis=None, keepdims=False:
        reduction.argmin(self, axis, keepdims),
    "all": lambda self, axis=None, keep_dims=False:
        Tensor(np.all(self._data, axis, keepdims=keep_dims)),
    "any": lambda self, axis=None, keep_dims=False:
        Tensor(np.any(self._data, axis, keepdims=keep_dims)),
    "reshape": lambda self, *shape_: shape.reshape(self, _shape_args(shape_)),
    "view": lambda self, *shape_: shape.reshape(self, _shape_args(shape_)),
    "transpose": _transpose, "swapaxes": _swapaxes,
    "T": property(lambda self: shape._transpose(self, axes=None)),
    "flatten": lambda self, order="C", *, start_dim=0, end_dim=-1:
        shape.flatten(self, order, start_dim=start_dim, end_dim=end_dim),
    "squeeze": lambda self, axis=None: shape.squeeze(self, axis),
    "expand_dims": lambda self, axis: shape.expand_dims(self, axis),
    "unsqueeze": lambda self, dim: shape.unsqueeze(self, dim),
    "exp": ew.exp, "log": ew.log, "sqrt": ew.sqrt, "abs": ew.abs,
    "sin": ew.sin, "cos": ew.cos, "tanh": ew.tanh, "sigmoid": ew.sigmoid,
    "neg": ew.neg, "square": ew.square, "pow": ew.pow,
    "softmax": lambda self, axis=-1: fn.softmax(self, axis),
    "clip": lambda self, min=None, max=None: ew.clamp(self, min, max),
    "clamp": lambda self, min=None, max=None: ew.clamp(self, min, max),
    "matmul": linalg.matmul, "astype": _astype,
    "float": lambda self: creation.cast(self, mstype.float32),
    "int": lambda self: creation.cast(self, mstype.int32),
    "copy": lambda self: Tensor(self),
}

for _name, _method in TENSOR_METHODS.items():
    setattr(Tensor, _name, _method)

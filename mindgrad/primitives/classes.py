"""Class-style ops, written as MindSpore's docs and older tutorials write
them: make the op once with its settings, then call it on Tensors.

>>> matmul = ops.MatMul(transpose_b=True)
>>> print(matmul(Tensor([[1.0, 2.0]]), Tensor([[3.0, 4.0]])))
[[11.]]

Each class is a thin layer over the function of the same name, so its
gradient is the function's. The classes check their inputs as MindSpore's
primitives do, which is stricter than the functions: ``MatMul`` takes
only matrices, ``Concat`` only Tensors of one dtype.

Two functional idioms live here too: ``select`` (``where`` under its
1.x name) and ``arange``.

See lessons 00 and 01.
"""
import math

import numpy as np

from .. import dtype as mstype
from ..tensor import Tensor, _wrap
from . import creation, elementwise, linalg, reduction, shape


def _tensor(x, op, argument="input"):
    if not isinstance(x, Tensor):
        raise TypeError(f"ops.{op}: {argument} must be a Tensor, got "
                        f"{type(x).__name__}; wrap it as Tensor(x)")
    return x


class _ClassOp:
    """Settings in ``__init__``, work in ``__call__``; printed as
    MindSpore prints a primitive, ``Prim[MatMul]<transpose_a=False, ...>``.
    """

    def __repr__(self):
        settings = ", ".join(f"{k}={v}" for k, v in vars(self).items())
        name = f"Prim[{type(self).__name__}]"
        return f"{name}<{settings}>" if settings else name


class MatMul(_ClassOp):
    """The product of two matrices, each optionally transposed first.

    Math: C = op(A) op(B), op(M) = Mᵀ when its ``transpose_`` flag is set.

    Raises ``ValueError`` unless both inputs are 2-D with matching inner
    sizes, ``TypeError`` when their dtypes differ.

    >>> print(ops.MatMul(transpose_a=True)(Tensor([[1.0], [2.0]]),
    ...                                    Tensor([[3.0], [4.0]])))
    [[11.]]
    """

    def __init__(self, transpose_a=False, transpose_b=False):
        self.transpose_a, self.transpose_b = transpose_a, transpose_b

    def __call__(self, x, y):
        x, y = _tensor(x, "MatMul", "x"), _tensor(y, "MatMul", "y")
        if x.ndim != 2 or y.ndim != 2:
            raise ValueError(f"ops.MatMul: both inputs must be 2-D, got "
                             f"shapes {x.shape} and {y.shape}; use "
                             f"ops.matmul for vectors and batches")
        if x.dtype is not y.dtype or x.dtype is mstype.bool_:
            raise TypeError(f"ops.MatMul: the inputs have dtypes {x.dtype} "
                            f"and {y.dtype}; make both the same number "
                            f"type, e.g. with .astype(mindgrad.float32)")
        a = shape.transpose(x, (1, 0)) if self.transpose_a else x
        b = shape.transpose(y, (1, 0)) if self.transpose_b else y
        if a.shape[1] != b.shape[0]:
            raise ValueError(f"ops.MatMul: shapes {a.shape} and {b.shape} "
                             f"(after transposing) do not fit: "
                             f"{a.shape[1]} columns against {b.shape[0]} "
                             f"rows")
        return linalg.matmul(a, b)


class _Unary(_ClassOp):
    function = None

    def __call__(self, x):
        return type(self).function(_tensor(x, type(self).__name__, "x"))


class Sin(_Unary):
    """Elementwise sine of a float Tensor; d sin(x) = cos(x) dx.

    >>> print(ops.Sin()(Tensor([0.0])))
    [0.]
    """
    function = elementwise.sin


class Cos(_Unary):
    """Elementwise cosine of a float Tensor; d cos(x) = -sin(x) dx."""
    function = elementwise.cos


class Abs(_Unary):
    """Elementwise absolute value; keeps the dtype (Int64 stays Int64)."""
    function = elementwise.abs


class OnesLike(_Unary):
    """Ones of the input's shape and dtype (a constant: no gradient)."""
    function = creation.ones_like


class Zeros(_ClassOp):
    """Zeros of a shape, called as ``Zeros()(shape, dtype)``.

    >>> print(ops.Zeros()((2,), ms.int32))
    [0 0]
    """

    def __call__(self, size, dtype=None):
        dims = (size,) if isinstance(size, int) else size
        if isinstance(size, Tensor):
            raise ValueError("ops.Zeros: the shape must be an int or a "
                             "tuple of ints, not a Tensor; use t.shape")
        if not isinstance(dims, (tuple, list)) or not all(
                isinstance(n, int) for n in dims):
            raise TypeError(f"ops.Zeros: the shape must be an int or a "
                            f"tuple of ints, got {size!r}")
        if any(n < 0 for n in dims):
            raise ValueError(f"ops.Zeros: shape {size!r} has a negative "
                             f"size; sizes must be 0 or more")
        return creation.zeros(tuple(dims), dtype)


class Concat(_ClassOp):
    """Join a tuple of same-dtype Tensors along an existing ``axis``.

    >>> print(ops.Concat(1)((Tensor([[1]]), Tensor([[2]]))))
    [[1 2]]
    """

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, tensors):
        return shape.concat(tensors, self.axis)   # checks one dtype


class Stack(_ClassOp):
    """Join same-shaped, same-dtype Tensors along a new ``axis``."""

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, tensors):
        return shape.stack(tensors, self.axis)


class Assign(_ClassOp):
    """Write ``value`` into ``variable`` in place; return the new value.

    The dtype of ``variable`` never changes: ``value`` may only be of a
    type that promotes to it (Int64 into Float32 works, Float64 does not).

    >>> p = Parameter(Tensor([1.0, 2.0]), name="p")
    >>> _ = ops.Assign()(p, Tensor([5.0, 6.0])); print(p.asnumpy())
    [5. 6.]
    """

    def __init__(self):
        self.side_effect_mem = True        # shown by repr, as in MindSpore

    def __call__(self, variable, value):
        variable = _tensor(variable, "Assign", "variable")
        value = _tensor(value, "Assign", "value")
        if value.shape != variable.shape:
            raise ValueError(f"ops.Assign: value has shape {value.shape} but "
                             f"variable has {variable.shape}; they must be "
                             f"equal")
        if mstype.promote(variable.dtype, value.dtype) is not variable.dtype:
            raise TypeError(f"ops.Assign: a {value.dtype} value cannot be "
                            f"written into a {variable.dtype} variable; "
                            f"cast it with .astype first")
        variable[...] = value          # refuses a Tensor being differentiated
        return Tensor(variable)


class ReduceSum(_ClassOp):
    """1.x-era class form: ``ReduceSum(keep_dims)(x, axis)``; axis ()
    means every axis."""

    def __init__(self, keep_dims=False):
        self.keep_dims = keep_dims

    def __call__(self, x, axis=()):
        return reduction.sum(x, axis if axis != () else None, self.keep_dims)


class ReduceMean(ReduceSum):
    """1.x-era class form of ``mean``."""

    def __call__(self, x, axis=()):
        return reduction.mean(x, axis if axis != () else None, self.keep_dims)


def select(condition, input, other):
    """Pick ``input`` where ``condition`` is True, else ``other`` (the 1.x
    name of ``ops.where``; either value may be a Python number).

    >>> print(ops.select(Tensor([True, False]), 1.0, 0.0))
    [1. 0.]
    """
    _tensor(condition, "select", "condition")
    if not isinstance(input, Tensor) and not isinstance(other, Tensor) and \
            isinstance(input, (int, float)):
        input = Tensor(input)
    return elementwise.where(condition, input, other)


def _scalar(x):
    if isinstance(x, Tensor) and x.ndim > 0:
        raise ValueError(f"ops.arange: start, end and step must be "
                         f"scalars, got a Tensor of shape {x.shape}")
    if isinstance(x, Tensor) and x.dtype in (
            mstype.int32, mstype.int64, mstype.float32, mstype.float64):
        return x.item()
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return x
    raise TypeError(f"ops.arange: start, end and step must be ints, floats "
                    f"or 0-d int32/int64/float32/float64 Tensors, got {x!r}")


def arange(start=0, end=None, step=1, *, dtype=None):
    """The numbers start, start + step, ... up to but not including end.

    Int64 when every argument is an int, else Float32 (computed as
    start + i·step in that dtype, as MindSpore does); then ``dtype``.

    >>> print(ops.arange(4), ops.arange(0, 1, 0.25))
    [0 1 2 3] [0.   0.25 0.5  0.75]
    """
    if end is None:
        start, end = 0, start
    start, end, step = _scalar(start), _scalar(end), _scalar(step)
    if step == 0 or (end - start) * step < 0:
        raise ValueError(f"ops.arange: step {step} never gets from {start} "
                         f"to {end}; give step the sign of end - start")
    kind = np.int64 if all(isinstance(n, int) for n in (start, end, step)) \
        else np.float32
    count = math.ceil((end - start) / step)
    values = kind(start) + np.arange(count).astype(kind) * kind(step)
    result = _wrap(values.astype(kind))
    return result if dtype is None else creation.cast(result, dtype)

"""Shape primitives (reshape, transpose, indexing, concatenation) and the
public functions built from them. Their VJPs only move numbers around:
the cotangent goes back to where each element came from.
"""
import math

import numpy as np

from ..tensor import _plain_index
from .core import primitive
from .elementwise import _as_tensor


@primitive
def _reshape(x, shape):                # the method: np.reshape's wrapper
    return x.reshape(shape) if type(x) is np.ndarray else np.reshape(
        x, shape)                         # costs more than the reshape


_reshape.defvjp(lambda x, out, dout, shape: _reshape(dout, np.shape(x)))


@primitive
def _transpose(x, axes):
    return x.transpose(axes) if type(x) is np.ndarray else np.transpose(
        x, axes)


_transpose.defvjp(                      # undo the permutation (None: reverse)
    lambda x, out, dout, axes: _transpose(
        dout, axes=None if axes is None else tuple(np.argsort(axes))))


@primitive
def _getitem(x, index):
    return x[index]


_getitem.defvjp(                        # scatter back, adding repeated picks
    lambda x, out, dout, index:
    _scatter_add(dout, shape=np.shape(x), index=index))


@primitive
def _scatter_add(d, shape, index):
    """Zeros of ``shape`` with ``d`` added at ``index`` (getitem's VJP)."""
    result = np.zeros(shape, d.dtype)
    np.add.at(result, index, d)
    return result


_scatter_add.defvjp(
    lambda d, out, dout, shape, index: _getitem(dout, index=index))


@primitive
def _concat(*xs, axis):
    return np.concatenate(xs, axis)


def _concat_part(i, *xs_out_dout, axis):
    *xs, out, dout = xs_out_dout     # the slice of dout that came from xs[i]
    start = sum(np.shape(x)[axis] for x in xs[:i])
    index = [slice(None)] * np.ndim(dout)
    index[axis] = slice(start, start + np.shape(xs[i])[axis])
    return _getitem(dout, index=tuple(index))


_concat.defvjp_each(_concat_part)


def _swap_last(x):
    """Swap the last two axes (a matrix transpose, batched)."""
    if type(x) is np.ndarray:             # in a first-order rule: a view
        return x.swapaxes(-1, -2)
    axes = list(range(np.ndim(x)))
    axes[-2:] = axes[:-3:-1]
    return _transpose(x, axes=tuple(axes))


# --- public functions ---------------------------------------------------


def reshape(input, shape):
    """Give the same elements a new shape (one entry may be -1).

    >>> print(ops.reshape(Tensor([1, 2, 3, 4]), (2, 2)))
    [[1 2]
     [3 4]]
    """
    input = _as_tensor(input, "reshape")
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    try:
        return _reshape(input, shape=shape)
    except ValueError:
        raise ValueError(f"reshape: cannot reshape {input.size} elements "
                         f"of shape {input.shape} into {shape}; the sizes "
                         f"must multiply to {input.size}") from None


def transpose(input, dims):
    """Permute the axes: axis i of the result is axis ``dims[i]``.

    >>> print(ops.transpose(Tensor([[1, 2, 3]]), (1, 0)).shape)
    (3, 1)
    """
    input = _as_tensor(input, "transpose")
    dims = tuple(dims)
    if sorted(d % max(input.ndim, 1) for d in dims) != list(
            range(input.ndim)):
        raise ValueError(f"transpose: dims {dims} is not a permutation of "
                         f"the {input.ndim} axes of shape {input.shape}")
    return _transpose(input, axes=dims)


def flatten(input, order="C", *, start_dim=1, end_dim=-1):
    """Merge the axes ``start_dim`` to ``end_dim`` into one.

    >>> print(ops.flatten(ops.ones((2, 3, 4))).shape)
    (2, 12)
    """
    input = _as_tensor(input, "flatten")
    if input.ndim <= 1:                     # as MindSpore: (n,) stays
        return reshape(input, (-1,))
    start, end = start_dim % input.ndim, end_dim % input.ndim
    if start > end:
        raise ValueError(f"flatten: start_dim {start_dim} comes after "
                         f"end_dim {end_dim} for shape {input.shape}")
    shape = input.shape                   # the merged length explicitly,
    merged = math.prod(shape[start:end + 1])  # so an empty batch works
    return _reshape(input, shape=shape[:start] + (merged,) + shape[end + 1:])


def squeeze(input, axis=None):
    """Drop axes of length 1 (all of them, or the ones named by ``axis``)."""
    input = _as_tensor(input, "squeeze")
    try:
        shape = np.squeeze(np.empty(input.shape, bool), axis).shape
    except ValueError:
        raise ValueError(f"squeeze: axis {axis} of shape {input.shape} "
                         f"does not have length 1") from None
    return _reshape(input, shape=shape)


def expand_dims(input_x, axis):
    """Insert an axis of length 1 at position ``axis``.

    >>> print(ops.expand_dims(Tensor([1, 2]), 0).shape)
    (1, 2)
    """
    input_x = _as_tensor(input_x, "expand_dims")
    if not -input_x.ndim - 1 <= axis <= input_x.ndim:
        raise ValueError(f"expand_dims: axis {axis} is out of range for a "
                         f"{input_x.ndim}-d Tensor")
    shape = list(input_x.shape)
    shape.insert(axis % (input_x.ndim + 1), 1)
    return _reshape(input_x, shape=tuple(shape))


def unsqueeze(input, dim):
    return expand_dims(input, dim)


def _tensor_list(tensors, name):
    if not isinstance(tensors, (tuple, list)):
        raise TypeError(f"{name}: expected a tuple or list of Tensors, got "
                        f"{type(tensors).__name__}; write {name}((a, b))")
    return [_as_tensor(t, name) for t in tensors]


def _same_dtype(tensors, name, error):
    """MindSpore joins only Tensors of one dtype (its error class differs
    between concat and stack)."""
    dtypes = [str(t.dtype) for t in tensors]
    if len(set(dtypes)) > 1:
        raise error(f"{name}: the Tensors have dtypes {dtypes}; cast them "
                    f"to one dtype first, e.g. t.astype(mindgrad.float32)")


def concat(tensors, axis=0):
    """Join Tensors along an existing axis.

    >>> print(ops.concat((Tensor([1, 2]), Tensor([3]))))
    [1 2 3]
    """
    tensors = _tensor_list(tensors, "concat")
    _same_dtype(tensors, "concat", RuntimeError)
    try:
        return _concat(*tensors, axis=axis)
    except ValueError:
        raise ValueError(f"concat: shapes {[t.shape for t in tensors]} "
                         f"must match except along axis {axis}") from None


cat = concat


def stack(tensors, axis=0):
    """Join same-shaped Tensors along a new axis.

    >>> print(ops.stack([Tensor([1, 2]), Tensor([3, 4])]).shape)
    (2, 2)
    """
    tensors = _tensor_list(tensors, "stack")
    _same_dtype(tensors, "stack", TypeError)
    if len({t.shape for t in tensors}) > 1:
        raise ValueError(f"stack: all shapes must be equal, got "
                         f"{[t.shape for t in tensors]}")
    return concat([expand_dims(t, axis) for t in tensors], axis)


def getitem(input, index):
    """``input[index]`` with NumPy's indexing rules (differentiable)."""
    try:
        return _getitem(input, index=_plain_index(index))
    except IndexError as error:
        raise IndexError(f"Tensor index {index!r} is out of range for "
                         f"shape {input.shape}: {error}") from None

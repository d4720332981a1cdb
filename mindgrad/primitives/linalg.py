"""Matrix multiplication with NumPy's rules, and its VJP.

For C = A B the cotangents are dA = dC Bᵀ and dB = Aᵀ dC; a 1-D operand
is a vector, so its products become outer products instead.
"""
import numpy as np

from ..tensor import Tensor
from .core import primitive
from .elementwise import _as_tensor
from .shape import _reshape, _swap_last


@primitive
def _matmul(x, y):
    return np.matmul(x, y)


def _column(v):
    return _reshape(v, shape=np.shape(v) + (1,))


def _matmul_dx(x, y, out, dout):                    # dA = dC Bᵀ
    if np.ndim(y) == 1:
        return _column(dout) * y if np.ndim(x) > 1 else dout * y
    if np.ndim(x) == 1:                             # a row vector, batched
        row = _reshape(dout, shape=np.shape(dout)[:-1] + (
            1, np.shape(dout)[-1]))
        return _matmul(row, _swap_last(y))          # fit() sums the batch
    return _matmul(dout, _swap_last(y))


def _matmul_dy(x, y, out, dout):                    # dB = Aᵀ dC
    if np.ndim(x) == 1:
        if np.ndim(y) == 1:
            return dout * x
        return _column(x) * _reshape(dout, shape=np.shape(dout)[:-1] + (
            1, np.shape(dout)[-1]))
    if np.ndim(y) == 1:
        return x * _column(dout)                    # fit() sums the rows
    # (dCᵀ A)ᵀ: the same numbers as Aᵀ dC, laid out so that when B is a
    # transposed weight (x @ w.T, as in nn.Dense) w's gradient comes back
    # in C order, which makes the optimizer's update several times faster
    return _swap_last(_matmul(_swap_last(dout), x))


_matmul.defvjp(_matmul_dx, _matmul_dy)


@primitive
def _dense(x, w, b):
    """x wᵀ + b for a batch of rows x (n, in), w (out, in), b (out,) or
    None: nn.Dense's product in one primitive instead of five (reshape,
    transpose, matmul, add, reshape), because a training step is ~20
    primitive calls and each costs Python time that NumPy does not pay."""
    out = np.matmul(x, w.T)
    if b is not None:
        out += b                          # a fresh array: add in place
    return out


# Written with operators and methods that arrays and Tensors share, so a
# first-order backward pass (arrays) calls NumPy directly.
_dense.defvjp(
    lambda x, w, b, out, dout: dout @ w,                    # dx = dC w
    lambda x, w, b, out, dout: dout.T @ x,                  # dw = dCᵀ x
    lambda x, w, b, out, dout: dout.sum(axis=0))            # db = Σ rows


def matmul(input, other):
    """The matrix product with NumPy's rules (1-D operands are vectors).

    Math: (AB)_ij = Σ_k A_ik B_kj.

    >>> print(ops.matmul(Tensor([[1., 2.]]), Tensor([[3.], [4.]])))
    [[11.]]
    """
    if isinstance(input, Tensor) and isinstance(other, Tensor) and \
            input._data.dtype == other._data.dtype and input.ndim == \
            other.ndim == 2 and input.shape[1] == other.shape[0]:
        return _matmul(input, other)      # the common case, checked fast
    input, other = _as_tensor(input, "matmul"), _as_tensor(other, "matmul")
    if input.dtype is not other.dtype:
        raise TypeError(f"matmul: the operands have dtypes {input.dtype} "
                        f"and {other.dtype}; they must be equal, e.g. "
                        f"Tensor(array, mindgrad.float32)")
    if input.ndim == 0 or other.ndim == 0:
        raise ValueError("matmul: a 0-d Tensor is not a matrix; use *")
    inner = input.shape[-1], other.shape[-2 if other.ndim > 1 else 0]
    if inner[0] != inner[1]:
        # MindSpore's classes: RuntimeError for matrix-by-matrix or
        # matrix-by-vector, ValueError for two vectors or batched operands
        error = RuntimeError if {input.ndim, other.ndim} <= {1, 2} and (
            input.ndim, other.ndim) != (1, 1) else ValueError
        raise error(f"matmul: shapes {input.shape} and {other.shape} do not "
                    f"fit: {inner[0]} columns against {inner[1]} rows")
    return _matmul(input, other)

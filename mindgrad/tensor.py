"""Tensor: one NumPy array, with MindSpore's construction rules and printing.

A Tensor knows nothing of gradients beyond one private slot, ``_record``,
that a transform such as ``mindgrad.grad`` fills while it records a
computation. Arithmetic operators and methods such as ``t.sum()`` are
attached by ``mindgrad.primitives`` from one table, so this module never
imports the operations built on top of it.

>>> t = Tensor([[1, 2], [3, 4]], ms.int32)
>>> print(t.shape, t.dtype, t.ndim, t.size)
(2, 2) Int32 2 4
>>> print(Tensor(1.5).dtype, Tensor(3).dtype, Tensor([True]).dtype)
Float32 Int64 Bool
>>> t
Tensor(shape=[2, 2], dtype=Int32, value=
[[1, 2],
 [3, 4]])

See lesson 00.
"""
import numpy as np

from . import _printing
from . import dtype as mstype


def _default_array(data, dtype=None):
    """Convert Python data by MindSpore's default-dtype rules; with a
    ``dtype`` the caller converts, straight from Python's float64 (so
    ``Tensor(1.001, float64)`` keeps every digit, as in MindSpore)."""
    if isinstance(data, (str, bytes, dict, set)) or data is None:
        raise TypeError(f"Tensor: cannot make a Tensor from {type(data)}; "
                        f"pass a number, a (nested) list or a NumPy array")
    try:
        array = np.array(data)
    except ValueError:
        raise TypeError("Tensor: the nested lists have different lengths "
                        "(a ragged list); make every row the same length"
                        ) from None
    if dtype is not None and array.dtype.kind in "fiub":
        return array
    if array.dtype.kind == "f" or array.size == 0:
        return array.astype(np.float32)      # Python floats are Float32
    if array.dtype.kind in "iu":
        return array.astype(np.int64)        # Python ints are Int64
    if array.dtype.kind != "b":
        raise TypeError(f"Tensor: cannot make a Tensor from {data!r}; "
                        f"expected numbers or bools")
    return array


def _to_array(data, dtype):
    if isinstance(data, Tensor):
        array = data._data.copy()
    elif isinstance(data, (np.ndarray, np.generic)):
        array = np.array(data)
        mstype.from_numpy(array.dtype)      # reject complex, str, ...
    else:
        array = _default_array(data, dtype)
    if dtype is not None:
        array = array.astype(dtype.nptype)
    return array


class Tensor:
    """An n-dimensional array of one dtype, the value mindgrad computes with.

    Math: a Tensor of shape (d0, ..., dk) holds d0 * ... * dk numbers.

    Args:
        input_data: a number, bool, (nested) list, NumPy array or Tensor.
            Python floats become Float32, Python ints Int64; a NumPy array
            keeps its dtype (``np.random.randn`` gives Float64).
        dtype: a mindgrad dtype to convert to, e.g. ``mindgrad.float32``.
        shape: with no data, a Tensor of zeros of this shape.

    Raises:
        TypeError: for text, None, dicts, ragged lists or a non-mindgrad
            dtype.

    >>> print(Tensor([1.7, 2.2], dtype=ms.int32))
    [1 2]
    >>> print(Tensor(np.zeros(2)).dtype)
    Float64
    """

    __slots__ = ("_data", "_record", "__weakref__")

    def __init__(self, input_data=None, dtype=None, shape=None, init=None,
                 const_arg=False, device=None):
        mstype.check(dtype, "Tensor", None)
        if input_data is None and shape is not None:
            shape = (shape,) if isinstance(shape, int) else tuple(shape)
            nptype = (dtype or mstype.float32).nptype
            self._data = np.zeros(shape, nptype)
            if init is not None:          # an initializer such as One()
                init(self._data)          # fills the array in place
        else:
            self._data = _to_array(input_data, dtype)
        self._record = None

    def init_data(self):
        """MindSpore fills lazily initialised Tensors here; mindgrad
        already did when the Tensor was made."""
        return self

    @classmethod
    def from_numpy(cls, array):
        """Wrap a NumPy array without copying: the two share memory.

        >>> a = np.zeros(2, np.float32); t = Tensor.from_numpy(a)
        >>> a[0] = 5; print(t)
        [5. 0.]
        """
        mstype.from_numpy(np.asarray(array).dtype)
        return _wrap(np.asarray(array))

    # --- what the data is ------------------------------------------------
    @property
    def shape(self):
        return self._data.shape

    @property
    def dtype(self):
        return mstype.from_numpy(self._data.dtype)

    @property
    def ndim(self):
        return self._data.ndim

    @property
    def size(self):
        return self._data.size

    @property
    def itemsize(self):
        return self._data.itemsize

    @property
    def nbytes(self):
        return self._data.nbytes

    @property
    def strides(self):
        return self._data.strides

    def dim(self):
        return self._data.ndim

    def numel(self):
        return self._data.size

    # --- leaving mindgrad ------------------------------------------------
    def asnumpy(self):
        """Return a NumPy copy of the data (MindSpore shares memory)."""
        return self._data.copy()

    numpy = asnumpy

    def item(self):
        """The single element as a Python number.

        >>> Tensor([2.5]).item()
        2.5
        """
        if self._data.size != 1:
            raise ValueError(f"item: the Tensor has {self._data.size} "
                             f"elements, shape {self.shape}; only a "
                             f"one-element Tensor converts to a number")
        return self._data.item()

    def tolist(self):
        return self._data.tolist()

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __index__(self):
        if self._data.dtype.kind not in "iub":
            raise TypeError("only an integer Tensor can be used as an index")
        return int(self.item())

    def __bool__(self):
        return bool(self.item())

    def __array__(self, dtype=None, copy=None):
        return self._data if dtype is None else self._data.astype(dtype)

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d Tensor; it has no axis 0")
        return len(self._data)

    __hash__ = object.__hash__     # identity: Tensors are graph nodes

    # --- printing ----------------------------------------------------------
    def __str__(self):
        return _printing.tensor_str(self._data)

    def __repr__(self):
        return _printing.tensor_repr(self._data, self.dtype.name)

    def __format__(self, spec):
        if not spec:
            return str(self)
        raise TypeError(_printing.format_spec_message(type(self).__name__,
                                                      spec))

    # --- writing in place ----------------------------------------------------
    def __setitem__(self, index, value):
        if self._record is not None:
            raise RuntimeError(
                "Tensor[...] = value: this Tensor is being differentiated, "
                "and an in-place write would silently break its gradient; "
                "build a new Tensor instead, e.g. with ops.where")
        if isinstance(value, Tensor):
            value = value._data
        self._data[_plain_index(index)] = value

    def __getstate__(self):
        raise TypeError("mindgrad Tensors are not pickled; save them with "
                        "mindgrad.save_checkpoint or t.asnumpy()")


def _plain_index(index):
    """Turn Tensors inside an index into arrays NumPy understands."""
    if isinstance(index, Tensor):
        return index._data
    if isinstance(index, tuple):
        return tuple(i._data if isinstance(i, Tensor) else i for i in index)
    return index


def _wrap(array):
    """Make a Tensor around an ndarray without checks (the fast path)."""
    tensor = object.__new__(Tensor)
    tensor._data = array
    tensor._record = None
    return tensor


def tensor(input_data=None, dtype=None, shape=None, init=None):
    """Make a Tensor; the same as ``Tensor(...)``.

    >>> ms.tensor([1, 2])
    Tensor(shape=[2], dtype=Int64, value= [1, 2])
    """
    return Tensor(input_data, dtype, shape, init)

"""Data types: the nine element types a mindgrad Tensor can hold.

Each dtype is a singleton that prints like MindSpore's (``Float32``) and
knows its NumPy twin. Use them as ``mindgrad.float32`` or, as in MindSpore
code, ``from mindgrad import dtype as mstype`` and ``mstype.float32``.

>>> from mindgrad import dtype as mstype
>>> print(mstype.float32, mstype.int64)
Float32 Int64
>>> mstype.dtype_to_nptype(mstype.float32)
<class 'numpy.float32'>

See lesson 00.
"""
import numpy as np


class Type:
    """One element type; compare with ``is`` or ``==``, print for its name."""

    __slots__ = ("name", "nptype", "kind", "bits")

    def __init__(self, name, nptype, kind, bits):
        self.name = name          # what print() shows: "Float32"
        self.nptype = nptype      # the NumPy scalar type: np.float32
        self.kind = kind          # 0 bool, 1 unsigned, 2 signed int, 3 float
        self.bits = bits

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"mindgrad.{_ATTRIBUTE[self.name]}"

    def __reduce__(self):         # copies stay the singleton
        return (_by_name, (self.name,))

    @property
    def is_float(self):
        return self.kind == 3


float16 = Type("Float16", np.float16, 3, 16)
float32 = Type("Float32", np.float32, 3, 32)
float64 = Type("Float64", np.float64, 3, 64)
int8 = Type("Int8", np.int8, 2, 8)
int16 = Type("Int16", np.int16, 2, 16)
int32 = Type("Int32", np.int32, 2, 32)
int64 = Type("Int64", np.int64, 2, 64)
uint8 = Type("UInt8", np.uint8, 1, 8)
bool_ = Type("Bool", np.bool_, 0, 8)
float_, int_, half, double = float32, int64, float16, float64

ALL = (float16, float32, float64, int8, int16, int32, int64, uint8, bool_)
_ATTRIBUTE = {t.name: ("bool_" if t is bool_ else t.name.lower())
              for t in ALL}
_FROM_NUMPY = {np.dtype(t.nptype): t for t in ALL}
_FROM_STRING = {**{_ATTRIBUTE[t.name]: t for t in ALL}, "bool": bool_}


def _by_name(name):
    return next(t for t in ALL if t.name == name)


def dtype_to_nptype(type_):
    """Return the NumPy scalar type of a mindgrad dtype.

    >>> dtype_to_nptype(int32)
    <class 'numpy.int32'>
    """
    return type_.nptype


def from_numpy(np_dtype):
    """Return the mindgrad dtype for a NumPy dtype, or raise ``TypeError``."""
    try:
        return _FROM_NUMPY[np_dtype]
    except KeyError:
        raise TypeError(
            f"mindgrad has no dtype for NumPy's {np_dtype}; convert the "
            f"data first, e.g. array.astype(np.float32)") from None


def check(type_, name, default=float32):
    """``type_`` if it is a mindgrad dtype, ``default`` for None; anything
    else (``np.float32``, ``'float32'``) raises TypeError, as in
    MindSpore's constructors."""
    if type_ is None:
        return default
    if not isinstance(type_, Type):
        raise TypeError(f"{name}: dtype must be a mindgrad dtype such as "
                        f"mindgrad.float32, got {type_!r}")
    return type_


def resolve(spec, argument="dtype"):
    """Accept a mindgrad dtype, a NumPy dtype or a name like 'float16'."""
    if isinstance(spec, Type):
        return spec
    if isinstance(spec, str) and spec.lower() in _FROM_STRING:
        return _FROM_STRING[spec.lower()]
    try:
        return from_numpy(np.dtype(spec))
    except TypeError:
        raise TypeError(f"{argument}: expected a mindgrad dtype such as "
                        f"mindgrad.float32, got {spec!r}") from None


def promote(a, b):
    """The dtype of ``a (op) b`` for two Tensors, by MindSpore's rules.

    Float beats int whatever the widths (int64 + float16 is Float16);
    otherwise the wider type wins; mixing unsigned and signed widens the
    signed side until it can hold both (uint8 + int8 is Int16).
    """
    if a is b:
        return a
    if (a.kind == 3) != (b.kind == 3):
        return a if a.kind == 3 else b
    if {a.kind, b.kind} == {1, 2}:
        signed, unsigned = (a, b) if a.kind == 2 else (b, a)
        bits = max(signed.bits, 2 * unsigned.bits)
        return {16: int16, 32: int32}.get(bits, int64)
    return a if (a.kind, a.bits) >= (b.kind, b.bits) else b


def promote_scalar(a, scalar):
    """The dtype of ``Tensor (op) Python scalar``: the Tensor's kind wins,
    except that a float scalar makes an int or bool Tensor Float32 and an
    int scalar makes a bool Tensor Int64."""
    if isinstance(scalar, (bool, np.bool_)):
        return a
    if isinstance(scalar, (float, np.floating)):
        return a if a.kind == 3 else float32
    return int64 if a.kind == 0 else a

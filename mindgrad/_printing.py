"""Print Tensors and Parameters exactly as MindSpore 2.10 does.

Two printers, two audiences:

* ``str(t)`` / ``print(t)`` is NumPy's own ``str`` of the data, so
  learners see the familiar ``[ 1.   -2.5   3.25]`` (``tensor_str``).
* ``repr(t)``, shown inside printed tuples, lists and dicts, comes from
  MindSpore's C++ core: a header, then every element in a fixed-width
  scientific format (``tensor_repr``).

Matching MindSpore character for character lets lesson notebooks print
the same text under mindgrad and MindSpore. ``tests/golden/printing.json``
holds MindSpore's real output; ``tests/test_printing.py`` checks both.

>>> print(tensor_repr(np.array([1, 10, -3]), "Int64"))
Tensor(shape=[3], dtype=Int64, value= [ 1, 10, -3])
>>> print(tensor_repr(np.arange(4.0).reshape(2, 2), "Float64"))
Tensor(shape=[2, 2], dtype=Float64, value=
[[ 0.00000000e+00,  1.00000000e+00],
 [ 2.00000000e+00,  3.00000000e+00]])
"""
import numpy as np

_EDGE = 3  # a summarised dimension shows its first 3 and last 3 entries,
_MAX_ND = 6  # which happens to any dimension longer than 6 when ndim > 1
_MAX_1D = 1000  # and to a 1-D tensor only above 1000 elements.
_BOOL_WIDTH = len("False")
_NUMPY_2_3 = np.lib.NumpyVersion(np.__version__) >= "2.3.0"


def tensor_str(array: np.ndarray) -> str:
    """What ``str(t)`` gives: NumPy's ``str`` of the data.

    MindSpore's ``Tensor.__str__`` is ``str(self.asnumpy())``, so NumPy's
    print options apply (lessons never change them). The text is NumPy
    1.26's, the version MindSpore 2.10 runs on, under every NumPy.

    >>> print(tensor_str(np.array(1.3423151, dtype=np.float32)))
    1.3423151
    >>> print(tensor_str(np.array([1e6, 2e6], dtype=np.float32)))
    [1000000. 2000000.]
    """
    array = np.asarray(array)
    if _NUMPY_2_3 and np.get_printoptions()["legacy"] is False:
        # NumPy 2.3 (numpy/numpy#28703) writes float16 from 1e3 and float32
        # from 1e6 in scientific notation: "[1.e+06 2.e+06]", and "1e+06"
        # for a 0-d float32. Its legacy="2.2" mode keeps the 1.26 text;
        # the context manager restores the caller's options on exit.
        with np.printoptions(legacy="2.2"):
            return str(array)
    return str(array)


def tensor_repr(array: np.ndarray, dtype_name: str) -> str:
    """What ``repr(t)`` gives, e.g. ``Tensor(shape=[], ..., value= 20)``.

    ``dtype_name`` is the dtype's ``str``, such as ``"Float32"``.

    >>> print(tensor_repr(np.array(1.3423151, np.float32), "Float32"))
    Tensor(shape=[], dtype=Float32, value= 1.34232)
    """
    array = np.asarray(array)
    shape = ", ".join(str(int(size)) for size in array.shape)
    # The data starts on its own line only when it has rows.
    sep = "\n" if array.ndim > 1 else " "
    return (f"Tensor(shape=[{shape}], dtype={dtype_name}, value={sep}"
            f"{_data_text(array)})")


def parameter_repr(name: str, shape: tuple, dtype_name: str,
                   requires_grad: bool) -> str:
    """What ``str(p)``, ``repr(p)`` and ``f"{p}"`` give: no values.

    >>> print(parameter_repr("b", (3,), "Float32", True))
    Parameter (name=b, shape=(3,), dtype=Float32, requires_grad=True)
    """
    # Python ints: NumPy 2 would print an np.int64 size as "np.int64(3)".
    shape = tuple(int(size) for size in shape)
    return (f"Parameter (name={name}, shape={shape}, dtype={dtype_name}, "
            f"requires_grad={requires_grad})")


def format_spec_message(type_name: str, spec: str) -> str:
    """The ``TypeError`` message for ``format(t, spec)`` with a spec.

    MindSpore inherits ``object.__format__``, whose wording comes first so
    that searching the message finds MindSpore answers too; mindgrad adds
    the fix.

    >>> print(format_spec_message("Tensor", ".4f"))  # doctest: +ELLIPSIS
    unsupported format string passed to Tensor.__format__; a Tensor ...
    """
    return (f"unsupported format string passed to {type_name}.__format__; "
            f"a {type_name} takes no format spec (got {spec!r}). Get a "
            f"Python number first: use .item(), as in "
            f"f\"{{t.item():{spec}}}\".")


def _data_text(array: np.ndarray) -> str:
    """The text after ``value=``: a scalar, nested rows, or nothing."""
    if array.size == 0:
        return ""
    if array.ndim == 0:
        return _scalar_text(array[()])
    limit = _MAX_1D if array.ndim == 1 else _MAX_ND
    cut = [size > limit for size in array.shape]
    for axis, size in enumerate(array.shape):
        if cut[axis]:  # keep only the entries that will be printed
            keep = [*range(_EDGE), *range(size - _EDGE, size)]
            array = np.take(array, keep, axis=axis)
    texts = np.array(_element_texts(array), dtype=object)
    # Only an uncut 1-D tensor wraps: every 12th element (float, bool) or
    # every 24th (int), C++'s line budget for the two widths.
    wrap = 24 if array.dtype.kind in "iu" else 12
    wrap = wrap if array.ndim == 1 and not cut[0] else 0
    return _nested(texts.reshape(array.shape), cut, 0, wrap)


def _scalar_text(value) -> str:
    """A 0-d value as C++'s ``ostream << value`` writes it (like ``%g``)."""
    if isinstance(value, np.floating):
        return _float_text(value, "g")
    if isinstance(value, np.bool_):
        return str(bool(value))
    return str(int(value))


def _float_text(value, spec: str) -> str:
    text = format(float(value), spec)
    if np.isnan(value) and np.signbit(value):
        # C++ streams print a negative NaN as "-nan"; Python drops the sign.
        text = "-nan".rjust(len(text))
    return text


def _element_texts(array: np.ndarray) -> list:
    """Each element, padded to the width its dtype prints with."""
    values = array.ravel()
    if array.dtype.kind == "f":
        # float16 has about 4 significant digits, float32/64 get 8.
        spec = "11.4e" if array.dtype.itemsize == 2 else "15.8e"
        return [_float_text(value, spec) for value in values]
    if array.dtype.kind == "b":
        return [str(bool(value)).rjust(_BOOL_WIDTH) for value in values]
    # Integers align to the widest element actually printed.
    texts = [str(int(value)) for value in values]
    width = max(len(text) for text in texts)
    return [text.rjust(width) for text in texts]


def _nested(texts: np.ndarray, cut: list, depth: int, wrap: int) -> str:
    """Bracket ``texts`` row by row; ``cut[0]`` marks a summarised axis."""
    if texts.ndim == 1:
        items = list(texts)
        comma, before_dots, after_dots = ", ", " ", " "
    else:
        items = [_nested(row, cut[1:], depth + 1, wrap) for row in texts]
        # A row at depth d starts on a new line indented by d + 1 spaces;
        # the "..." line takes a comma before it, none after it.
        indent = "\n" + " " * (depth + 1)
        comma, before_dots, after_dots = "," + indent, "," + indent, indent
    if cut[0]:
        return (f"[{comma.join(items[:_EDGE])}{before_dots}..."
                f"{after_dots}{comma.join(items[_EDGE:])}]")
    if not wrap:
        return f"[{comma.join(items)}]"
    lines = [", ".join(items[i:i + wrap]) for i in range(0, len(items), wrap)]
    # C++ writes ", " then the line break, and breaks after a full last
    # line too, so 12 floats end in "\n ])".
    tail = "\n " if len(items) % wrap == 0 else ""
    return "[" + ", \n ".join(lines) + tail + "]"

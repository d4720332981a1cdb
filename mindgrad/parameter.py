"""Parameter: a named Tensor that a model learns; ParameterTuple: a group.

>>> w = Parameter(Tensor(np.ones((5, 3)), ms.float32), name="w")
>>> print(w)
Parameter (name=w, shape=(5, 3), dtype=Float32, requires_grad=True)
>>> print((w * 2).sum())
30.0

See lessons 08 and 10.
"""
import itertools

import numpy as np

from . import _printing
from .tensor import Tensor, _to_array, _wrap

_unnamed = itertools.count(1)      # MindSpore numbers unnamed Parameters


def _initial_array(default_input):
    if isinstance(default_input, (bool, np.bool_)):
        raise ValueError("Parameter: a bool cannot be a Parameter's value; "
                         "use a number, a list, a NumPy array or a Tensor")
    if isinstance(default_input, (str, tuple, np.generic)):
        raise TypeError(f"Parameter: a {type(default_input).__name__} "
                        f"cannot be a Parameter's value; use a Python "
                        f"number, a list, a NumPy array or a Tensor")
    if isinstance(default_input, int):       # MindSpore: 0-d Int32
        return np.array(default_input, np.int32)
    return _to_array(default_input, None)


class Parameter(Tensor):
    """A Tensor with a name and a ``requires_grad`` flag: a model's weight.

    Math: the w and b in f(x) = w x + b are Parameters; x is data.

    Args:
        default_input: the initial value; a Tensor or NumPy array keeps its
            dtype, a float gives a 0-d Float32, an int a 0-d Int32.
        name: the Parameter's name; inside a Cell an unnamed Parameter
            takes the attribute's name.
        requires_grad: False freezes it: ``trainable_params()`` skips it
            and its gradient is zeros.

    >>> b = Parameter(np.array([1.0]), name="b")
    >>> print(b.dtype, b.name, b.requires_grad)
    Float64 b True
    """

    def __init__(self, default_input, name=None, requires_grad=True,
                 layerwise_parallel=False, parallel_optimizer=True):
        self._data = _initial_array(default_input)
        self._record = None
        self._auto_named = name is None
        self.name = f"Parameter#{next(_unnamed)}" if name is None else name
        self.requires_grad = requires_grad

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        if not isinstance(value, str):
            raise ValueError(f"Parameter: name must be a str, got "
                             f"{value!r}")
        self._name = value

    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, value):
        if not isinstance(value, bool):
            raise TypeError(f"Parameter {self._name}: requires_grad must be "
                            f"True or False, got {value!r}")
        self._requires_grad = value

    @property
    def data(self):
        """A plain Tensor sharing this Parameter's memory."""
        return _wrap(self._data)

    def value(self):
        """The current value as a plain Tensor (a copy)."""
        return Tensor(self._data)

    def set_data(self, data):
        """Replace the value in place, cast to this Parameter's dtype.

        >>> p = Parameter(Tensor([1.0, 2.0]), name="p")
        >>> _ = p.set_data(Tensor([3, 4])); print(p.asnumpy())
        [3. 4.]
        """
        if isinstance(data, np.ndarray) or not isinstance(
                data, (Tensor, int, float)):
            raise TypeError(f"Parameter {self._name}: set_data takes a "
                            f"Tensor, int or float, got {type(data)}; "
                            f"wrap arrays as Tensor(array)")
        new = np.asarray(data._data if isinstance(data, Tensor) else data)
        if new.shape != self.shape and new.ndim > 0:
            raise ValueError(
                f"Parameter {self._name}: set_data got shape {new.shape}, "
                f"but the Parameter has shape {self.shape}; make a new "
                f"Parameter to change the shape")
        self._data = np.broadcast_to(new, self.shape).astype(self._data.dtype)
        return self

    def clone(self, init="same"):
        copy = Parameter(Tensor(self._data), self._name, self._requires_grad)
        if init == "zeros":
            copy._data = np.zeros_like(self._data)
        return copy

    def __repr__(self):
        return _printing.parameter_repr(self._name, self.shape,
                                        self.dtype.name, self._requires_grad)

    __str__ = __repr__

    def __format__(self, spec):
        return repr(self) if not spec else Tensor.__format__(self, spec)


class ParameterTuple(tuple):
    """A tuple of Parameters with distinct names, e.g. a model's weights.

    >>> a, b = Parameter(1.0, name="a"), Parameter(2.0, name="b")
    >>> print(ParameterTuple([a, b]))
    (Parameter (name=a, shape=(), dtype=Float32, requires_grad=True), \
Parameter (name=b, shape=(), dtype=Float32, requires_grad=True))
    """

    def __new__(cls, iterable=()):
        items = tuple(iterable)
        seen = {}
        for item in items:
            if not isinstance(item, Parameter):
                raise TypeError(f"ParameterTuple: every element must be a "
                                f"Parameter, got {type(item).__name__}")
            if seen.setdefault(item.name, item) is not item:
                raise ValueError(f"ParameterTuple: two different "
                                 f"Parameters are named {item.name!r}; "
                                 f"give them distinct names")
        return super().__new__(cls, items)

    def clone(self, prefix, init="same"):
        copies = []
        for param in self:
            copy = param.clone(init)
            copy.name = f"{prefix}.{param.name}"
            copies.append(copy)
        return ParameterTuple(copies)

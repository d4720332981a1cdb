"""The primitive: a NumPy function with its vector-Jacobian products beside it.

A primitive's forward sees plain NumPy arrays. When a transform such as
``mindgrad.grad`` is recording and an argument is a recorded Tensor, the
call also writes a record on its output: which primitive made it, from
which inputs, with which static parameters. That record is all the
backward pass in ``mindgrad.autodiff`` needs.

Each VJP rule takes the inputs, ``out`` and ``dout`` (the vocabulary of a
MindSpore Cell's ``bprop``) and returns the cotangent of one input. Rules
are written with operators and primitives only, so the same rule runs on
plain arrays (a first-order backward pass: nothing recorded, NumPy speed)
or on Tensors (inside an outer transform: recorded, so it can be
differentiated again).

Broadcasting is summed away in one place, ``fit`` below, after a rule
returns; rules never reshape for broadcasting themselves.
"""
import functools
import itertools
import sys

import numpy as np

from ..tensor import Tensor, _wrap

recording = 0                     # transforms now recording a forward pass
# set by autodiff while GradOperation finds the Parameters a function uses
discover = None
_sequence = itertools.count()     # creation order of records (autodiff)


class Primitive:
    """A differentiable building block: ``forward`` plus one rule per input.

    Use the ``primitive`` decorator to make one and ``defvjp`` to give it
    its rules. Positional arguments are the data (Tensors, arrays or
    numbers); keyword arguments are static parameters such as ``axis``.
    """

    def __init__(self, forward, differentiable=True):
        self.forward = forward
        self.name = forward.__name__.lstrip("_")
        self.differentiable = differentiable
        self.rules = None
        self.__doc__ = forward.__doc__
        self.__wrapped__ = forward

    def defvjp(self, *rules):
        """Attach one VJP rule per positional input (None: no gradient).

        Each rule is ``rule(*inputs, out, dout, **params) -> d_input``.
        Returns the first rule, so it also works as a decorator.
        """
        self.rules = rules
        return rules[0]

    def defvjp_each(self, rule):
        """One rule for any number of inputs, e.g. concat's:
        ``rule(i, *inputs, out, dout, **params) -> d_input_i``."""
        self.rules = _EachInput(rule)
        return rule

    def __call__(self, *args, **params):
        for arg in args:
            if isinstance(arg, Tensor):
                break
        else:                            # arrays in, array out: inside a
            return self.forward(*args, **params)   # first-order VJP rule
        arrays = [a._data if isinstance(a, Tensor) else a for a in args]
        value = self.forward(*arrays, **params)
        out = _wrap(value if type(value) is np.ndarray else np.asarray(value))
        if recording and self.differentiable:
            if discover is not None:
                discover(args)
            if _any_recorded(args):
                out._record = (self, args, params, next(_sequence))
        return out

    def __repr__(self):
        return f"<primitive {self.name}>"


def _any_recorded(args):
    for arg in args:
        if isinstance(arg, Tensor) and arg._record is not None:
            return True
    return False


class _EachInput:
    """Rules of a primitive with any number of inputs: rules[i] is the
    shared rule with the input's position filled in."""

    def __init__(self, rule):
        self.rule = rule

    def __getitem__(self, i):
        return functools.partial(self.rule, i)

    def __len__(self):                   # as many rules as inputs, always
        return sys.maxsize


def primitive(forward=None, *, differentiable=True):
    """Make a function on arrays into a primitive: ``@primitive`` or
    ``@primitive(differentiable=False)`` for comparisons, argmax, casts to
    int and other functions whose gradient is zero or undefined."""
    if forward is None:
        return lambda f: Primitive(f, differentiable)
    return Primitive(forward, differentiable)


# --- the three primitives the central bookkeeping itself needs ----------
@primitive
def sum_to(x, shape):
    """Sum ``x`` down to ``shape``: leading axes, then size-1 axes."""
    lead = x.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, n in enumerate(shape) if n == 1 and x.shape[lead + i]
        != 1)
    return np.add.reduce(x, axes).reshape(shape) if axes else x.reshape(
        shape)


@primitive
def broadcast_to(x, shape):
    return np.broadcast_to(x, shape)


@primitive
def cast(x, nptype):
    return x.astype(nptype)


# d sum_to = broadcast the cotangent back; d broadcast = sum it away again
sum_to.defvjp(
    lambda x, out, dout, shape: broadcast_to(dout, shape=np.shape(x)))
broadcast_to.defvjp(
    lambda x, out, dout, shape: sum_to(dout, shape=np.shape(x)))
cast.defvjp(lambda x, out, dout, nptype: dout)   # fit() casts back


def _array(value):
    return value._data if isinstance(value, Tensor) else value


def _broadcasts_to(small, big):
    """Whether shape ``small`` broadcasts to shape ``big`` (a loop over a
    few axes: np.broadcast_shapes costs more than the sum it guards)."""
    return len(small) <= len(big) and all(
        n == 1 or n == m for n, m in zip(small[::-1], big[::-1]))


def fit(d, x, prim, index):
    """Make cotangent ``d`` match input ``x``: sum broadcast axes away and
    cast to x's dtype (so int inputs get truncated int gradients, as in
    MindSpore). Raises if the rule returned an impossible shape."""
    x_array = x._data
    d_array = d if type(d) is np.ndarray else _array(d)
    if d_array.shape == x_array.shape and d_array.dtype == x_array.dtype:
        return d                          # the common case: nothing to do
    shape = x_array.shape
    if d_array.shape != shape:
        if _broadcasts_to(shape, d_array.shape):
            d = sum_to(d, shape=shape)
        elif _broadcasts_to(d_array.shape, shape):  # a smaller cotangent
            d = broadcast_to(d, shape=shape)
        else:
            raise ValueError(
                f"grad: the VJP of {prim.name} returned shape "
                f"{d_array.shape} for argument {index + 1}, whose shape is "
                f"{shape}; fix the rule to return the input's shape")
    if _array(d).dtype != x_array.dtype:
        d = cast(d, nptype=x_array.dtype)
    return d

"""Benchmarks (a) and (b): a long chain of tiny elementwise operations.

On an array of a few elements NumPy's own work is almost nothing, so the
time mindgrad takes beyond NumPy is its per-operation overhead: wrapping
each result, recording it, and walking the records backwards. The chain
alternates ``x * 1.0001`` and ``x + 0.001``, with ``ops.tanh`` as every
tenth operation, and ends in ``.sum()``; each call runs the forward and
the backward pass from scratch.

The NumPy side is the same computation written by hand, as one would
without an autodiff engine: during the forward pass it keeps on a list
what the backward pass needs (tanh's output y, since tanh' = 1 - y²; the
constant of a multiplication), then walks the list backwards.
"""
import numpy as np

import mindgrad as ms
from mindgrad import Tensor, ops

SCALE, SHIFT = 1.0001, 0.001
MUL, ADD, TANH = "mul", "add", "tanh"


def plan(length):
    """The operations of the chain, in order: tanh every tenth, else
    mul and add by turns."""
    return [TANH if i % 10 == 9 else (MUL if i % 2 == 0 else ADD)
            for i in range(length)]


def mindgrad_chain(steps):
    """value_and_grad of the chain, written as a learner would."""
    def chain(x):
        for op in steps:
            if op is MUL:
                x = x * SCALE
            elif op is ADD:
                x = x + SHIFT
            else:
                x = ops.tanh(x)
        return x.sum()
    return ms.value_and_grad(chain)


def numpy_chain(x, steps):
    """The chain's value and gradient by hand: forward, keeping what the
    backward needs, then the chain rule from the end to the start."""
    saved = []
    for op in steps:
        if op is MUL:
            x = np.multiply(x, SCALE)
            saved.append((MUL, SCALE))
        elif op is ADD:
            x = np.add(x, SHIFT)
            saved.append((ADD, None))       # d(x + c) = dx: nothing kept
        else:
            x = np.tanh(x)
            saved.append((TANH, x))
    value = x.sum()
    dx = np.ones_like(x)                    # d sum / dx_i = 1
    for op, kept in reversed(saved):
        if op is MUL:
            dx = dx * kept
        elif op is TANH:
            dx = dx * (1.0 - kept * kept)
    return value, dx


def make(length, size):
    """The two sides of one chain benchmark, as functions of no
    arguments, and whether their results agree."""
    steps = plan(length)
    start = np.linspace(-0.5, 0.5, size) if size > 1 else np.array([0.3])
    x = Tensor(start)                        # float64, as ``start`` is
    value_and_grad = mindgrad_chain(steps)

    def ours():
        return value_and_grad(x)

    def base():
        return numpy_chain(start, steps)

    (value, dx), (value_np, dx_np) = ours(), base()
    agree = (np.allclose(value.asnumpy(), value_np, rtol=1e-12)
             and np.allclose(dx.asnumpy(), dx_np, rtol=1e-12))
    return ours, base, agree

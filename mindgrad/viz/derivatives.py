"""Derivatives drawn from mindgrad itself: a function with its nested
``ms.grad`` derivatives, and the error of central differences against
the step size (lessons 07-09).

Both pictures take a mindgrad function of one Tensor. Derivatives on a
whole grid come from one ``ms.grad`` call: the gradient of a
non-scalar output is the gradient of the sum of its elements, so an
elementwise function gives its derivative at every grid point at once.
"""
import numpy as np

from .. import dtype as mstype
from ..autodiff import grad
from ..tensor import Tensor

_PRIMES = ("f(x)", "f'(x)", "f''(x)", "f'''(x)")


def derivatives_figure(fn, low=-3.0, high=3.0, order=2, num=201,
                       title=None):
    """Plot ``fn`` and its first ``order`` derivatives on [low, high].

    Each derivative is ``ms.grad`` nested once more over the previous
    one, evaluated on a float32 grid of ``num`` points in one call.

    Args:
        fn: an elementwise mindgrad function of one float Tensor.
        low, high, num: the grid.
        order: how many derivatives to draw (0 to 3).
        title: the title; by default it names the curves.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.derivatives_figure(ops.tanh, order=1)
    >>> print(fig.axes[0].get_title())
    f and its derivatives by nested ms.grad
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    xs = np.linspace(low, high, num)
    grid = Tensor(xs, mstype.float32)
    fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
    for k in range(order + 1):
        ax.plot(xs, fn(grid).asnumpy(), label=_PRIMES[k])
        fn = grad(fn)
    ax.axhline(0.0, color="0.8", linewidth=0.8)
    ax.set(xlabel="x", ylabel="value",
           title=title or "f and its derivatives by nested ms.grad")
    ax.legend()
    return fig


def step_size_figure(fn, x0=1.0, powers=range(1, 11), title=None):
    """Plot |central difference - ms.grad| at ``x0`` against the step
    h = 10^-k, in float64 and float32 (log-log: a V per dtype).

    The exact derivative is ``ms.grad(fn)`` in float64. In each dtype
    every stored number is rounded to it: x0 +- h, f's two values (fn
    runs in float64, then rounds, as a correctly rounded function of
    that dtype would) and their difference, so the picture is the same
    on every CPU. Dotted lines mark eps^(1/3).

    Args:
        fn: a mindgrad function of one float Tensor, e.g. ``ops.sin``.
        x0: the point. powers: the exponents k of the steps.
        title: the title; by default it says what to notice.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.step_size_figure(ops.sin, powers=range(1, 4))
    >>> print(fig.axes[0].get_title())
    Central differences at x = 1: truncation right, rounding left
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    exact = grad(fn)(Tensor(x0, mstype.float64)).item()
    steps = [10.0 ** -k for k in powers]
    fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
    for dt, colour in ((mstype.float64, "C0"), (mstype.float32, "C1")):
        errors = [abs(_central(fn, x0, h, dt) - exact) for h in steps]
        ax.loglog(steps, errors, "o-", color=colour, label=str(dt).lower())
        ax.axvline(np.finfo(dt.nptype).eps ** (1 / 3), color=colour,
                   linestyle=":")
    ax.set(xlabel="step h", ylabel="absolute error", title=title or (
        f"Central differences at x = {x0:g}: truncation right, "
        f"rounding left"))
    ax.legend()
    return fig


def _central(fn, x0, h, dt):
    """(f(x0 + h) - f(x0 - h)) / 2h with every stored number in ``dt``."""
    ends = (Tensor(Tensor(x0 + s, dt), mstype.float64) for s in (h, -h))
    up, down = (Tensor(fn(end), dt) for end in ends)
    return ((up - down) / (2 * h)).item()

"""Pictures of derivatives: secants closing in on a tangent line, and the
slices of a surface whose slopes are the partial derivatives.

Lessons 01 and 02. Every slope drawn is computed by ``ms.grad``, never by
hand, so a picture shows what the engine says. Functions are evaluated on
float64 Tensors and must work elementwise (``ops.sin``, ``lambda x: x**3``).
"""
import numpy as np

from ..autodiff import grad
from ..tensor import Tensor
from ._widgets import explore, slider


def _at(f, *xs):
    """f at float64 points, as a float64 ndarray (or a float)."""
    out = f(*(Tensor(np.asarray(x, np.float64)) for x in xs))
    values = np.asarray(out.asnumpy(), np.float64)
    return float(values) if values.ndim == 0 else values


def _slopes(f, *point):
    """The partial derivatives of f at a point, one float per argument."""
    positions = tuple(range(len(point)))
    grads = grad(f, positions if len(point) > 1 else 0)(
        *(Tensor(np.float64(p)) for p in point))
    grads = grads if isinstance(grads, tuple) else (grads,)
    return [float(g.item()) for g in grads]


def tangent_line_figure(f, x0, dx=None, window=None):
    """Draw y = f(x), its tangent at x0, and secants through x0 and x0 + Δx.

    The tangent's slope is ``ms.grad(f)`` at x0. With one Δx the picture
    also marks the rise of the curve, Δy = f(x0 + Δx) - f(x0), beside the
    rise of the tangent, dy = f'(x0) Δx (the differential), and the
    title compares both rises and both slopes.

    Args:
        f: a function of one Tensor, elementwise.
        x0: the point of tangency.
        dx: None, one Δx, or a list of them (one secant each).
        window: half-width of the x range; by default 1.5 times the
            largest Δx, or 2 without secants. A small window zooms in.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.tangent_line_figure(lambda x: x ** 2, x0=1.0, dx=0.5)
    >>> print(fig.axes[0].get_title())
    Δx = 0.5: Δy = 1.25 vs dy = 1; secant slope 2.5 vs tangent slope 2
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    steps = [] if dx is None else list(np.atleast_1d(dx))
    if any(d == 0 for d in steps):
        raise ValueError("tangent_line_figure: dx must be nonzero (a secant "
                         "needs two distinct points)")
    window = window or (1.5 * max(abs(d) for d in steps) if steps else 2.0)
    xs = np.linspace(x0 - window, x0 + window, 301)
    y0, (k,) = _at(f, x0), _slopes(f, x0)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(xs, _at(f, xs), color="black", lw=2, label="y = f(x)")
    ax.plot(xs, y0 + k * (xs - x0), color="tab:red",
            label=f"tangent: slope f'(x0) = {k:.4g}")
    for d, color in zip(steps, plt.cm.viridis(np.linspace(0.2, 0.8,
                                                          len(steps)))):
        rise = _at(f, x0 + d) - y0
        ax.plot(xs, y0 + rise / d * (xs - x0), color=color, ls="--",
                label=f"secant Δx = {d:g}: slope {rise / d:.4g}")
        ax.plot([x0 + d], [y0 + rise], "o", color=color)
    ax.plot([x0], [y0], "o", color="tab:red")
    if len(steps) == 1:
        d = steps[0]
        rise = _at(f, x0 + d) - y0
        ax.plot([x0, x0 + d], [y0, y0], color="grey", lw=1)
        ax.plot([x0 + d] * 2, [y0, y0 + rise], color="tab:blue", lw=4,
                alpha=0.5, label=f"Δy = {rise:.4g} (curve)")
        ax.plot([x0 + d] * 2, [y0, y0 + k * d], color="tab:red", lw=2,
                label=f"dy = f'(x0) Δx = {k * d:.4g} (tangent)")
        title = (f"Δx = {d:g}: Δy = {rise:.4g} vs dy = {k * d:.4g}; secant "
                 f"slope {rise / d:.4g} vs tangent slope {k:.4g}")
    elif steps:
        title = (f"Secants close in on the tangent at x0 = {x0:g} as Δx "
                 f"shrinks (tangent slope {k:.4g})")
    else:
        title = f"Tangent at x0 = {x0:g}: slope f'(x0) = {k:.4g}"
    curve = _at(f, xs)
    margin = 0.15 * (curve.max() - curve.min() or 1.0)
    ax.set(xlim=(xs[0], xs[-1]), xlabel="x", ylabel="y", title=title,
           ylim=(curve.min() - margin, curve.max() + margin))
    ax.legend(fontsize="small", loc="best")
    fig.tight_layout()
    return fig


def explore_tangent_line(f, x0=1.0, dx=0.5, low=-3.0, high=3.0, window=2.0):
    """Sliders for x0 and Δx over ``tangent_line_figure(f, x0, dx)``."""
    return explore(tangent_line_figure,
                   {"x0": slider(x0, low, high, 0.05, "x0"),
                    "dx": slider(dx, 0.01, window, 0.01, "Δx")},
                   f=f, window=window)


def _slice_panel(ax, ts, zs, t0, z0, slope, var, fixed, curve):
    ax.plot(ts, zs, color="black", lw=2, label=f"slice {fixed}")
    ax.plot(ts, z0 + slope * (ts - t0), color="tab:red",
            label=f"tangent: slope f_{var} = {slope:.4f}")
    ax.plot([t0], [z0], "o", color="tab:red")
    ax.set(xlabel=var, ylabel=f"z = {curve}",
           title=f"Slice {fixed}: slope f_{var} = {slope:.4f}")
    ax.legend(fontsize="small", loc="best")


def _surface_panel(fig, f, x0, y0, window, fx):
    """The surface z = f(x, y) cut by the plane y = y0, in 3-D."""
    ax = fig.add_subplot(1, 2, 1, projection="3d")
    xs = np.linspace(x0 - window, x0 + window, 25)
    ys = np.linspace(y0 - window, y0 + window, 25)
    grid_x, grid_y = np.meshgrid(xs, ys)
    grid_z = _at(f, grid_x, grid_y)
    ax.plot_surface(grid_x, grid_y, grid_z, cmap="viridis", alpha=0.45)
    plane_x, plane_z = np.meshgrid(xs, np.linspace(grid_z.min(),
                                                   grid_z.max(), 2))
    ax.plot_surface(plane_x, np.full_like(plane_x, y0), plane_z,
                    color="grey", alpha=0.25)
    z0 = _at(f, x0, y0)
    ax.plot(xs, np.full_like(xs, y0), _at(f, xs, y0), color="black", lw=2)
    ax.plot(xs, np.full_like(xs, y0), z0 + fx * (xs - x0), color="tab:red")
    ax.set(xlabel="x", ylabel="y", zlabel="z",
           title=f"The plane y = {y0:g} cuts the surface")


def partials_figure(f, x0, y0, surface=False, window=1.5):
    """Draw the slices of z = f(x, y) through (x0, y0) and their tangents.

    The slice y = y0 is a curve in the x-z plane whose slope at x0 is
    f_x; the slice x = x0 is a curve in the y-z plane whose slope at y0
    is f_y. Both slopes come from ``ms.grad(f, (0, 1))``. With
    ``surface=True`` the left panel shows the 3-D surface cut by the plane
    y = y0 instead of the y-slice.

    Args:
        f: a function of two Tensors, elementwise.
        x0, y0: the point.
        surface: draw the 3-D surface and the cutting plane.
        window: half-width of the ranges around x0 and y0.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.partials_figure(lambda x, y: x * x * y, 1.0, 2.0)
    >>> print(fig.get_suptitle())
    At (1, 2): f_x = 4.0000 and f_y = 1.0000 are the slopes of the slices
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    fx, fy = _slopes(f, x0, y0)
    z0 = _at(f, x0, y0)
    ts = np.linspace(-window, window, 201)
    fig = plt.figure(figsize=(8, 4))
    _slice_panel(fig.add_subplot(1, 2, 2 if surface else 1), x0 + ts,
                 _at(f, x0 + ts, y0), x0, z0, fx, "x", f"y = {y0:g}",
                 f"f(x, {y0:g})")
    if surface:
        _surface_panel(fig, f, x0, y0, window, fx)
    else:
        _slice_panel(fig.add_subplot(1, 2, 2), y0 + ts, _at(f, x0, y0 + ts),
                     y0, z0, fy, "y", f"x = {x0:g}", f"f({x0:g}, y)")
    fig.suptitle(f"At ({x0:g}, {y0:g}): f_x = {fx:.4f} and f_y = {fy:.4f} "
                 f"are the slopes of the slices")
    fig.tight_layout()
    return fig


def explore_partials(f, x0=1.0, y0=1.0, low=-2.0, high=2.0, window=1.5):
    """Sliders for x0 and y0 over ``partials_figure(f, x0, y0)``."""
    return explore(partials_figure,
                   {"x0": slider(x0, low, high, 0.05, "x0"),
                    "y0": slider(y0, low, high, 0.05, "y0")},
                   f=f, window=window)

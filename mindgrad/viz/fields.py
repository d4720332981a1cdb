"""Pictures of a function of two variables: its gradient field, its
directional derivatives and its tangent plane (lesson 03).

Every slope drawn here is computed by mindgrad itself. One call of
``grad(f, (0, 1))`` on meshgrid Tensors gives the whole gradient field:
``grad`` of a non-scalar output is the gradient of the sum of its
elements, and an elementwise ``f`` keeps the grid points independent,
so each element of the result is the gradient at its own point.
Angles are in degrees, measured from the x axis.
"""
import numpy as np
import matplotlib.pyplot as plt

from ..autodiff import grad
from ..tensor import Tensor
from ._widgets import explore, slider


def _as_tensor(values):
    return Tensor(np.asarray(values, dtype=np.float64))


def _surface(f, xlim, ylim, n=101):
    """The grid X, Y and the values of f on it, as float64 arrays."""
    x, y = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    return x, y, f(_as_tensor(x), _as_tensor(y)).asnumpy()


def _gradient(f, x, y):
    """f's value and both partial derivatives at x, y (numbers or
    arrays of one shape): one ``grad`` call for every point at once."""
    xt, yt = _as_tensor(x), _as_tensor(y)
    fx, fy = grad(f, (0, 1))(xt, yt)
    return f(xt, yt).asnumpy(), fx.asnumpy(), fy.asnumpy()


def _arrow(ax, start, direction, length, color, label):
    """Draw ``direction`` rescaled to ``length`` (data units) at start."""
    d = np.asarray(direction, dtype=float)
    norm = np.hypot(*d)
    d = d / norm * length if norm > 0 else d
    ax.quiver(*start, *d, angles="xy", scale_units="xy", scale=1,
              color=color, width=0.012, label=label, zorder=3)


def gradient_field_figure(f, point=None, xlim=(-2.0, 2.0), ylim=(-2.0, 2.0),
                          n=13):
    """Draw the level curves of ``f(x, y)`` with its gradient field.

    Grey arrows: the gradient at n x n grid points, all from one
    ``grad(f, (0, 1))`` call, drawn to scale (the longest arrow is one
    grid spacing long). With ``point``: the level curve through it in
    black and the direction of the gradient there in red (the legend
    gives its value).

    Args: f, an elementwise function of two Tensors; point, (x0, y0) or
    None; xlim, ylim, the window; n, arrows per side.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.gradient_field_figure(lambda x, y: x**2 + 3*y**2, (1, 1))
    >>> print(fig.axes[0].get_title())
    Gradient arrows point uphill, across the level curves
    grad f(1, 1) = (2.00, 6.00)
    >>> plt.close(fig)
    """
    fig, ax = plt.subplots(figsize=(6, 4))
    x, y, z = _surface(f, xlim, ylim)
    ax.contour(x, y, z, levels=12, cmap="viridis", linewidths=1)
    u, v = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    _, gx, gy = _gradient(f, u, v)
    longest = np.hypot(gx, gy).max()
    spacing = (xlim[1] - xlim[0]) / (n - 1)
    ax.quiver(u, v, gx, gy, angles="xy", scale_units="xy",
              scale=longest / spacing if longest > 0 else 1, color="0.45")
    title = "Gradient arrows point uphill, across the level curves"
    if point is not None:
        z0, fx, fy = (float(a) for a in _gradient(f, *point))
        ax.contour(x, y, z, levels=[z0], colors="black", linewidths=2)
        label = f"grad f({point[0]:g}, {point[1]:g}) = ({fx:.2f}, {fy:.2f})"
        _arrow(ax, point, (fx, fy), 2.5 * spacing, "crimson", label)
        ax.plot(*point, "o", color="crimson")
        ax.legend(loc="lower left", fontsize=8)
        title += "\n" + label
    ax.set(xlabel="x", ylabel="y", title=title, aspect="equal")
    return fig


def directional_derivative_figure(f, point, angle=None, n=361):
    """Draw the directional derivative of ``f`` at ``point`` against the
    angle of the unit vector u.

    Left: level curves near the point, the gradient's direction (red) and,
    with ``angle``, the unit vector u (blue). Right: the slope of the cut
    t -> f(point + t u) at t = 0 for n angles from 0 to 360 degrees, all
    from one ``grad`` call; it is the cosine |grad f| cos(theta - alpha),
    largest at the gradient's own angle alpha.

    Args: f, an elementwise function of two Tensors; point, (x0, y0);
    angle, the direction of u in degrees, or None; n, angles sampled.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.directional_derivative_figure(lambda x, y: x**2 + 3*y**2,
    ...                                         (1, 1), angle=90)
    >>> print(fig.axes[1].get_title())
    u at 90.0 deg: slope 6.00
    largest slope 6.32 = |grad f| at 71.6 deg, the gradient's direction
    >>> plt.close(fig)
    """
    x0, y0 = point
    _, fx, fy = (float(a) for a in _gradient(f, x0, y0))
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 4))
    x, y, z = _surface(f, (x0 - 1.5, x0 + 1.5), (y0 - 1.5, y0 + 1.5))
    left.contour(x, y, z, levels=12, cmap="viridis", linewidths=1)
    _arrow(left, point, (fx, fy), 1.0, "crimson", "direction of grad f")
    degrees = np.linspace(0.0, 360.0, n)
    c, s = _as_tensor(np.cos(np.radians(degrees))), _as_tensor(
        np.sin(np.radians(degrees)))
    slopes = grad(lambda t: f(x0 + t * c, y0 + t * s))(
        _as_tensor(np.zeros(n))).asnumpy()
    right.plot(degrees, slopes, color="0.3")
    alpha = np.degrees(np.arctan2(fy, fx)) % 360
    right.axvline(alpha, color="crimson", linestyle="--", label="grad f")
    right.axhline(0.0, color="0.7", linewidth=0.8)
    title = (f"largest slope {np.hypot(fx, fy):.2f} = |grad f| at "
             f"{alpha:.1f} deg, the gradient's direction")
    if angle is not None:
        u = (np.cos(np.radians(angle)), np.sin(np.radians(angle)))
        _arrow(left, point, u, 1.0, "royalblue", f"u at {angle:.1f} deg")
        slope = fx * u[0] + fy * u[1]
        right.plot(angle, slope, "o", color="royalblue", label="u")
        title = f"u at {angle:.1f} deg: slope {slope:.2f}\n" + title
    left.plot(x0, y0, "o", color="black")
    left.legend(loc="lower left", fontsize=8)
    left.set(xlabel="x", ylabel="y", aspect="equal",
             title="Level curves near the point")
    right.legend(loc="lower left", fontsize=8)
    right.set(xlabel="angle of u (degrees)", ylabel="directional derivative",
              title=title, xticks=range(0, 361, 90))
    right.title.set_fontsize(9)
    return fig


def _term(coefficient, name):
    """'+ 2.00 dx' or '- 1.00 dx', never '+ -1.00 dx'."""
    sign = "-" if coefficient < 0 else "+"
    return f"{sign} {abs(coefficient):.2f} {name}"


def tangent_plane_figure(f, point, step=(0.1, -0.1), radius=1.0):
    """Draw the surface z = f(x, y) near ``point``, its tangent plane and
    its normal line.

    The plane is z = z0 + f_x (x - x0) + f_y (y - y0), with f_x and f_y
    from ``grad``; the normal line runs along (f_x, f_y, -1). The title
    gives the plane and how far it is from f at point + step.

    Args: f, an elementwise function of two Tensors; point, (x0, y0);
    step, (dx, dy) for the error in the title; radius, half the window.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.tangent_plane_figure(lambda x, y: x**2 + 3*y**2, (1, 1))
    >>> print(fig.axes[0].get_title())
    Tangent plane z = 4.00 + 2.00 dx + 6.00 dy at (1, 1)
    at (1.1, 0.9): plane 3.6000, f 3.6400, error 0.0400
    >>> plt.close(fig)
    """
    (x0, y0), (dx, dy) = point, step
    z0, fx, fy = (float(a) for a in _gradient(f, x0, y0))
    fig = plt.figure(figsize=(6, 4))
    ax = fig.add_subplot(projection="3d")
    window = ((x0 - radius, x0 + radius), (y0 - radius, y0 + radius))
    x, y, z = _surface(f, *window, n=31)
    ax.plot_surface(x, y, z, cmap="viridis", alpha=0.6, linewidth=0)
    x, y = np.meshgrid(np.linspace(*window[0], 2), np.linspace(*window[1], 2))
    ax.plot_surface(x, y, z0 + fx * (x - x0) + fy * (y - y0),
                    color="crimson", alpha=0.35)
    t = np.linspace(-1.0, 1.0, 2) * radius / np.sqrt(fx**2 + fy**2 + 1)
    ax.plot(x0 + fx * t, y0 + fy * t, z0 - t, color="black", linewidth=2)
    ax.scatter([x0], [y0], [z0], color="black")
    plane = z0 + fx * dx + fy * dy
    value = float(f(_as_tensor(x0 + dx), _as_tensor(y0 + dy)).asnumpy())
    ax.set(xlabel="x", ylabel="y", zlabel="z")
    ax.set_title(f"Tangent plane z = {z0:.2f} {_term(fx, 'dx')} "
                 f"{_term(fy, 'dy')} "
                 f"at ({x0:g}, {y0:g})\nat ({x0 + dx:g}, {y0 + dy:g}): "
                 f"plane {plane:.4f}, f {value:.4f}, error "
                 f"{value - plane:.4f}", fontsize=9)
    return fig


def _point_sliders(builder, f, point, low=-2.0, high=2.0, **fixed):
    """Sliders for x0 and y0 that redraw ``builder(f, (x0, y0))``."""
    def draw(x0, y0, **rest):
        return builder(f, (x0, y0), **rest)

    controls = {"x0": slider(point[0], low, high, 0.1, "x0"),
                "y0": slider(point[1], low, high, 0.1, "y0")}
    return explore(draw, controls, **fixed)


def explore_gradient_field(f, point=(1.0, 1.0), xlim=(-2.0, 2.0),
                           ylim=(-2.0, 2.0)):
    """``gradient_field_figure`` with sliders for the point.

    >>> callable(viz.explore_gradient_field)
    True
    """
    return _point_sliders(gradient_field_figure, f, point,
                          min(xlim[0], ylim[0]), max(xlim[1], ylim[1]),
                          xlim=xlim, ylim=ylim)


def explore_directional_derivative(f, point=(1.0, 1.0), angle=0.0):
    """``directional_derivative_figure`` with a slider for u's angle.

    >>> callable(viz.explore_directional_derivative)
    True
    """
    controls = {"angle": slider(angle, 0.0, 360.0, 1.0, "angle")}
    return explore(directional_derivative_figure, controls, f=f,
                   point=point)


def explore_tangent_plane(f, point=(1.0, 1.0)):
    """``tangent_plane_figure`` with sliders for the point.

    >>> callable(viz.explore_tangent_plane)
    True
    """
    return _point_sliders(tangent_plane_figure, f, point)

"""Pictures of learning a line y = w x + b by gradient descent (lesson 04).

The loss is any function ``loss(w, b)`` of two scalar Tensors that
returns a scalar Tensor (the data live inside it, as in the lesson).
Every step drawn here is taken with mindgrad's own ``grad(loss, (0, 1))``.
"""
import numpy as np
import matplotlib.pyplot as plt

from ..autodiff import grad
from ..tensor import Tensor
from ._widgets import explore, slider

TOO_FAR = 1e6          # a path this far out has diverged: stop drawing it


def _descent_path(loss, start, lr, steps):
    """The (w, b) points visited by ``steps`` steps of gradient descent
    (w, b) <- (w, b) - lr grad L(w, b) from ``start``, as an array with
    one row per point (start included; shorter if the path diverges)."""
    grad_fn = grad(loss, (0, 1))
    w, b = Tensor(float(start[0])), Tensor(float(start[1]))
    points = [(w.item(), b.item())]
    for _ in range(steps):
        dw, db = grad_fn(w, b)
        w, b = w - lr * dw, b - lr * db
        if not abs(w.item()) + abs(b.item()) < TOO_FAR:
            break
        points.append((w.item(), b.item()))
    return np.array(points)


def _loss_along(loss, path):
    return np.array([loss(Tensor(w), Tensor(b)).item() for w, b in path])


def loss_landscape_figure(loss, path=None, *, start=None, lr=0.01,
                          steps=100, data=None, title=None,
                          wlim=(-2.0, 10.0), blim=(-6.0, 14.0), n=41):
    """Draw the level curves of ``loss`` over the (w, b) plane with
    gradient-descent paths, and beside them how the loss falls.

    Left: contours of loss(w, b) on an n x n grid (log-spaced levels),
    each path as a line from its start (dot) to its end (cross). Right,
    when there is a path: the loss at every step on a log scale, or, if
    ``data=(x, y)`` is given, the data and the line w x + b at steps 0,
    10, 100 and the last step of the first path.

    Args: loss(w, b); path, an array of (w, b) rows or a dict label ->
    array for several paths; start, lr, steps: instead of a path, run
    that many steps of descent here (as the sliders do);
    data, the points (x, y); title, the first line of the left title
    (what to notice) instead of the default; wlim, blim, the window; n,
    grid points per side.

    >>> import matplotlib.pyplot as plt
    >>> loss = lambda w, b: (w - 1.0) ** 2 + (b + 2.0) ** 2
    >>> fig = viz.loss_landscape_figure(loss, start=(0.0, 0.0), lr=0.25,
    ...                                 steps=3, wlim=(-1, 2), blim=(-3, 1))
    >>> print(fig.axes[0].get_title())
    Each step goes downhill, across the level curves
    after 3 steps: w = 0.8750, b = -1.7500, loss 0.078125
    >>> plt.close(fig)
    """
    if start is not None:
        path = _descent_path(loss, start, lr, steps)
    paths = path if isinstance(path, dict) else {"": path}
    if path is None:
        paths = {}
    fig, axes = plt.subplots(1, 2 if paths else 1, figsize=(8, 4),
                             squeeze=False)
    ax = axes[0, 0]
    w, b = np.meshgrid(np.linspace(*wlim, n), np.linspace(*blim, n))
    z = _loss_along(loss, zip(w.ravel(), b.ravel())).reshape(w.shape)
    levels = np.geomspace(max(z.min(), z.max() * 1e-3), z.max(), 12)
    ax.contour(w, b, z, levels=levels, cmap="viridis", linewidths=1)
    if title is None:
        title = ("Level curves of the loss: the lowest point is the best "
                 "line" if not paths else "Each step goes downhill, across "
                 "the level curves" if len(paths) == 1 else
                 "Several paths from one start")
    for label, points in paths.items():
        points = np.asarray(points, dtype=float)
        line, = ax.plot(points[:, 0], points[:, 1], ".-", markersize=3,
                        linewidth=1, label=label or None)
        ax.plot(*points[0], "o", *points[-1], "x", color=line.get_color())
        if len(paths) == 1:
            end = _loss_along(loss, points[-1:])[0]
            title += (f"\nafter {len(points) - 1} steps: w = "
                      f"{points[-1, 0]:.4f}, b = {points[-1, 1]:.4f}, "
                      f"loss {end:.6g}")
    ax.set(xlim=wlim, ylim=blim, xlabel="w (slope)", ylabel="b (intercept)")
    ax.set_title(title, fontsize=9)
    if paths:
        _companion(axes[0, 1], loss, paths, data)
    for panel in axes[0]:
        if panel.get_legend_handles_labels()[1]:
            panel.legend(fontsize=8)
    fig.tight_layout()
    return fig


def _companion(ax, loss, paths, data):
    """The right panel: the data with lines along the first path, or the
    loss at every step of every path."""
    if data is not None:
        x, y = (np.asarray(v, dtype=float) for v in data)
        ax.plot(x, y, "ko", label="data")
        points = np.asarray(next(iter(paths.values())), dtype=float)
        grid = np.linspace(x.min() - 0.5, x.max() + 0.5, 2)
        for step in sorted({0, 10, 100, len(points) - 1} & set(
                range(len(points)))):
            w, b = points[step]
            ax.plot(grid, w * grid + b, label=f"step {step}")
        ax.set(xlabel="x", ylabel="y", title="The line after each step")
        return
    for label, points in paths.items():
        ax.semilogy(_loss_along(loss, np.asarray(points)), label=label or None)
    ax.set(xlabel="step", ylabel="loss (log scale)",
           title="Loss at every step")


def explore_gradient_descent(loss, start, lr=0.01, steps=100, **options):
    """``loss_landscape_figure`` with sliders for the learning rate and
    the number of steps; ``loss`` may be a dict label -> loss function,
    which adds a toggle between them (squared and absolute error).

    >>> callable(viz.explore_gradient_descent)
    True
    """
    import ipywidgets as widgets

    controls = {"lr": slider(lr, 0.001, 0.1, 0.001, "learning rate"),
                "steps": widgets.IntSlider(value=steps, min=0, max=2000,
                                           step=10, description="steps",
                                           continuous_update=False)}
    if isinstance(loss, dict):
        controls["loss"] = widgets.ToggleButtons(options=list(loss.items()))
    else:
        options["loss"] = loss
    return explore(loss_landscape_figure, controls, start=start, **options)

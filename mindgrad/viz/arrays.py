"""Pictures of array shapes: how broadcasting stretches size-1 axes.

Lesson 00 draws ``(3, 1) + (4,) -> (3, 4)`` with ``broadcasting_figure``.
The sums in the picture are computed by mindgrad's own Tensor addition.
"""
import numpy as np

from ..tensor import Tensor


def _as_2d(shape):
    return (1,) * (2 - len(shape)) + tuple(shape)


def _name(letter, shape):
    """``a (3, 1)``, or ``b (4,) read as (1, 4)`` when an axis is added."""
    shape = tuple(shape)
    padded = _as_2d(shape)
    return f"{letter} {shape}" + ("" if padded == shape else
                                  f" read as {padded}")


def _grid(ax, values, own, title):
    """Draw ``values`` as a grid of numbered cells; the cells outside the
    ``own`` (rows, columns) corner are stretched copies, drawn faded."""
    from matplotlib.patches import Rectangle

    rows, cols = values.shape
    for i, j in np.ndindex(rows, cols):
        copy = i >= own[0] or j >= own[1]
        ax.add_patch(Rectangle((j, rows - 1 - i), 1, 1, facecolor="tab:blue",
                               alpha=0.12 if copy else 0.45,
                               edgecolor="black",
                               linestyle="--" if copy else "-"))
        ax.text(j + 0.5, rows - 0.5 - i, f"{values[i, j]:g}",
                ha="center", va="center", color="grey" if copy else "black",
                style="italic" if copy else "normal")
    ax.set(xlim=(0, cols), ylim=(0, rows), title=title, xticks=[],
           yticks=[], xlabel=f"axis 1 ({cols} columns)",
           ylabel=f"axis 0 ({rows} rows)", aspect="equal")


def broadcasting_figure(shape_a, shape_b):
    """Draw ``a + b`` for arrays of two shapes as annotated grids.

    Each operand is shown stretched to the result's shape: its own cells
    solid, the copies made along size-1 (or missing) axes faded. At most
    two axes. Raises ``ValueError`` naming both shapes when they do not
    broadcast.

    Args:
        shape_a, shape_b: the operands' shapes, e.g. ``(3, 1)`` and ``(4,)``.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.broadcasting_figure((3, 1), (4,))
    >>> print(fig.get_suptitle())
    Broadcasting (3, 1) + (4,) -> (3, 4): faded cells are stretched copies
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    try:
        shape = np.broadcast_shapes(tuple(shape_a), tuple(shape_b))
    except ValueError:
        raise ValueError(f"broadcasting_figure: shapes {tuple(shape_a)} "
                         f"and {tuple(shape_b)} do not broadcast: align "
                         f"them on the right; each pair of sizes must be "
                         f"equal or contain a 1") from None
    if len(shape) > 2:
        raise ValueError(f"broadcasting_figure draws at most 2 axes; the "
                         f"result has shape {shape}")
    a = np.arange(1, np.prod(shape_a, dtype=int) + 1).reshape(shape_a)
    b = 10 * np.arange(1, np.prod(shape_b, dtype=int) + 1).reshape(shape_b)
    total = (Tensor(a) + Tensor(b)).asnumpy()
    fig, axes = plt.subplots(1, 3, figsize=(8, 3.2))
    rows_cols = _as_2d(shape)
    for ax, values, own, title in zip(
            axes, (a, b, total), (_as_2d(a.shape), _as_2d(b.shape), rows_cols),
            (_name("a", shape_a), _name("b", shape_b), f"a + b {shape}")):
        _grid(ax, np.broadcast_to(values.reshape(_as_2d(values.shape)),
                                  rows_cols), own, title)
    fig.suptitle(f"Broadcasting {tuple(shape_a)} + {tuple(shape_b)} -> "
                 f"{shape}: faded cells are stretched copies")
    fig.tight_layout()
    return fig

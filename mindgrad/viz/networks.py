"""Pictures of networks: the layers of a Cell and the shapes between them.

Lesson 10 draws seed 001's 784-512-512-10 network with
``network_figure``. The shapes are not worked out by hand: a batch of
zeros is run through the layers one by one, with mindgrad itself.
"""
import numpy as np

from ..cells.container import SequentialCell
from ..tensor import Tensor


def _layers(cell, top=True):
    """The layers data flows through, in registration order: the model
    and every SequentialCell are opened, anything else is one layer."""
    children = list(cell.name_cells().values())
    own_code = not type(cell).__module__.startswith("mindgrad.")
    if children and (isinstance(cell, SequentialCell) or (top and own_code)):
        return [layer for child in children
                for layer in _layers(child, top=False)]
    return [cell]


def _label(layer):
    name = type(layer).__name__
    if hasattr(layer, "in_channels"):
        return f"{name}\n{layer.in_channels} → {layer.out_channels}"
    return name


def network_figure(model, input_shape=(1, 28, 28)):
    """Draw a network as a row of blocks with the shape after each layer.

    Draws one box for the input and one per layer, in the order the data
    flows (the model's own children, then each SequentialCell opened in
    place, so the model's ``construct`` must call its children in the
    order they were registered, as seed 001's ``Network`` does). Under
    each box: the shape of the data after it, found by running a batch of
    zeros through the layers, and the layer's number of parameters.

    Args:
        model: a Cell built from layers and SequentialCells.
        input_shape: the shape of one input batch, e.g. ``(1, 28, 28)``.

    >>> import matplotlib.pyplot as plt
    >>> net = nn.SequentialCell(nn.Flatten(), nn.Dense(4, 2))
    >>> fig = viz.network_figure(net, input_shape=(1, 2, 2))
    >>> print(fig.axes[0].get_title())
    SequentialCell turns (1, 2, 2) into (1, 2) with 10 parameters
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    x = Tensor(np.zeros(input_shape, np.float32))
    boxes = [("input", x.shape, 0)]
    for layer in _layers(model):
        x = layer(x)
        count = sum(p.size for p in layer.get_parameters())
        boxes.append((_label(layer), x.shape, count))
    fig, ax = plt.subplots(figsize=(min(8, 1.15 * len(boxes) + 0.5), 2.6))
    for i, (label, shape, count) in enumerate(boxes):
        ax.text(i, 1.0, label, ha="center", va="center", fontsize=8,
                bbox={"boxstyle": "round", "facecolor": "tab:blue",
                      "alpha": 0.25 if i else 0.1})
        ax.text(i, 0.45, str(tuple(shape)), ha="center", fontsize=8)
        ax.text(i, 0.0, f"{count:,}" if count else "-", ha="center",
                fontsize=8, color="grey")
        if i:
            ax.annotate("", (i - 0.4, 1.0), (i - 0.6, 1.0),
                        arrowprops={"arrowstyle": "->"})
    total = sum(count for _, _, count in boxes)
    ax.set(xlim=(-0.6, len(boxes) - 0.4), ylim=(-0.3, 1.4), xticks=[],
           yticks=[1.0, 0.5, 0.05],
           yticklabels=["layer", "shape after", "parameters"],
           xlabel="data flows left to right",
           title=f"{type(model).__name__} turns {tuple(input_shape)} into "
                 f"{tuple(x.shape)} with {total:,} parameters")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig

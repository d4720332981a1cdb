"""Pictures for lessons 12-13: handwritten digits and training curves.

``digits_figure`` shows digits as a grid of small images, titled with
their labels, or with the predicted and the true label for a network's
mistakes. ``curves_figure`` draws loss or accuracy curves (per epoch, per
step, or along any other x values) and ``bars_figure`` compares a few
numbers, such as trainable against frozen parameter counts.
"""
import matplotlib.pyplot as plt
import numpy as np


def _numpy(values):
    return np.asarray(values.asnumpy() if hasattr(values, "asnumpy")
                      else values)


def digits_figure(images, labels, predicted=None, columns=8, title=None):
    """Draw digits in a grid, each titled with its label.

    With ``predicted``, each digit is titled ``"3 (true 5)"``: the
    network's answer, then the right one, in red where they differ.

    Args:
        images: N digits, shape ``(N, 28, 28)`` or ``(N, 1, 28, 28)``, raw
            pixels or normalised ones (a NumPy array or a Tensor).
        labels: the N true digits.
        predicted: None, or the N digits a network predicted.
        columns: digits per row (8 by default; 32 digits make 4 rows).
        title: the figure's title; by default it says what to look at.

    Returns:
        The matplotlib Figure (at most 8 x 4 inches).

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.digits_figure(np.zeros((2, 28, 28)), [3, 5],
    ...                         predicted=[3, 8])
    >>> print(fig.axes[1].get_title())
    8 (true 5)
    >>> plt.close(fig)
    """
    images = _numpy(images).reshape(-1, 28, 28)
    labels = _numpy(labels).reshape(-1)
    rows = -(-len(images) // columns)
    fig, axes = plt.subplots(rows, columns, squeeze=False,
                             figsize=(8, min(4, 1.05 * rows + 0.35)))
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i >= len(images):
            continue
        ax.imshow(images[i], cmap="gray_r")
        if predicted is None:
            ax.set_title(f"{labels[i]}", fontsize=9)
        else:
            guess = int(_numpy(predicted).reshape(-1)[i])
            ax.set_title(f"{guess} (true {labels[i]})", fontsize=8,
                         color="black" if guess == labels[i] else "red")
    mistakes = "Predicted digit (true digit): red marks a mistake"
    fig.suptitle(title or ("Handwritten digits and their labels"
                           if predicted is None else mistakes))
    fig.tight_layout()
    return fig


def curves_figure(curves, x=None, xlabel="epoch", ylabel="loss",
                  title="Loss per epoch", logy=False, marks=()):
    """Draw one line per named curve, over shared x values.

    Args:
        curves: ``{name: values}``; every curve has the same length.
        x: the x values; by default 1, 2, ... (epochs or steps).
        xlabel, ylabel, title: the axis labels and the title.
        logy: True draws the y axis on a log scale.
        marks: x values to mark with dashed vertical lines.

    Returns:
        The matplotlib Figure (8 x 3.5 inches).

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.curves_figure({"train": [2.3, 0.5], "test": [2.3, 0.6]})
    >>> print(fig.axes[0].get_title(), len(fig.axes[0].lines))
    Loss per epoch 2
    >>> plt.close(fig)
    """
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for name, values in curves.items():
        values = _numpy(values)
        xs = np.arange(1, len(values) + 1) if x is None else _numpy(x)
        ax.plot(xs, values, marker="o" if len(values) <= 40 else None,
                markersize=3, label=name)
    for position in marks:
        ax.axvline(position, color="gray", linestyle="--", linewidth=1)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title)
    if logy:
        ax.set_yscale("log")
    ax.grid(alpha=0.3)
    ax.legend()
    return fig


def bars_figure(values, xlabel="", ylabel="count", title="", logy=False):
    """Draw one labelled bar per named value, the value written on top.

    Args:
        values: ``{name: number}``, drawn left to right in that order;
            ints are written with thousands separators, floats with 3
            decimals.
        xlabel, ylabel, title: the axis labels and the title.
        logy: True draws the y axis on a log scale (for counts that
            differ by orders of magnitude).

    Returns:
        The matplotlib Figure (6 x 3.5 inches).

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.bars_figure({"frozen": 664576, "trainable": 1026},
    ...                       xlabel="parameters", logy=True,
    ...                       title="Most parameters are frozen")
    >>> print(fig.axes[0].get_title(), len(fig.axes[0].patches))
    Most parameters are frozen 2
    >>> plt.close(fig)
    """
    fig, ax = plt.subplots(figsize=(6, 3.5))
    bars = ax.bar(list(values), [float(v) for v in values.values()],
                  color=["tab:blue", "tab:orange", "tab:green", "tab:red"])
    ax.bar_label(bars, labels=[
        f"{v:,}" if isinstance(v, (int, np.integer)) else f"{v:.3f}"
        for v in values.values()])
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title)
    if logy:
        ax.set_yscale("log")
    ax.margins(y=0.15)
    return fig

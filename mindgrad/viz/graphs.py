"""Pictures and tables of computation graphs: what a transform records.

``draw_graph`` lays a graph out from left to right: the inputs in the
first column, every operation one column right of its latest input, one
box per value with its forward value and, on request, its adjoint (the
gradient of the output with respect to that value). The graph comes from
``ms.graph.trace`` (what mindgrad itself records) or from a list of
``(label, parents, value, grad)`` records built by hand, such as lesson
06's toy ``Scalar`` engine. ``graph_table`` prints the same nodes as text
in execution order, and ``mode_cost_figure`` compares the work of forward
and reverse mode.

See lessons 05, 06 and 09.
"""
import numpy as np

from ..graph import trace
from ..tensor import Tensor


def _array(value):
    return np.asarray(value.asnumpy() if isinstance(value, Tensor) else value)


def _records(graph, args):
    """``[(label, parents, value, grad)]`` in forward order, each parent
    an index of an earlier record; gradients as NumPy arrays or None."""
    if callable(graph):
        return [(n.label, n.parents, n.value, n.grad)
                for n in trace(graph, *args).nodes]
    records = []
    for i, (label, parents, value, grad) in enumerate(graph):
        if any(not 0 <= p < i for p in parents):
            raise ValueError(f"draw_graph: record {i} ({label!r}) has "
                             f"parents {tuple(parents)}; list every node "
                             f"after its parents and refer to them by index")
        records.append((label, tuple(parents), _array(value),
                        None if grad is None else _array(grad)))
    return records


def _short(value, digits, count=3, more=" ..."):
    """A value as short text: at most ``count`` numbers, then ``more``.
    (Adding 0.0 turns -0 into 0.)"""
    flat = np.asarray(value, np.float64).ravel() + 0.0
    text = " ".join(f"{v:.{digits}g}" for v in flat[:count])
    if np.ndim(value) == 0:
        return text
    return f"[{text}{more if flat.size > count else ''}]"


def _layout(records, edges):
    """Column and row of every node. Column: one right of its latest
    input (a constant just left of its first user). Row: an operation
    takes its first input's row when free in its column, else the nearest
    free one, so a chain reads along one line; inputs stack downwards."""
    column = [0] * len(records)
    for _ in records:                     # longest path from the inputs
        for p, c in edges:
            column[c] = max(column[c], column[p] + 1)
    for i, (label, _, _, _) in enumerate(records):
        users = [column[c] for p, c in edges if p == i]
        if label == "constant" and users and all(c != i for _, c in edges):
            column[i] = min(users) - 1
    row, taken = {}, set()
    for i in sorted(range(len(records)), key=lambda i: (column[i], i)):
        first = next((p for p, c in edges if c == i), None)
        want = 0 if first is None else row[first]
        start = column[i] if first is None else column[first] + 1
        between = range(start, column[i])
        for r in (want + sign * k for k in range(len(records) + 1)
                  for sign in ((1,) if first is None else (1, -1))):
            if (column[i], r) not in taken and not (
                    r == want and any((k, r) in taken for k in between)):
                break                     # free, and no box on the way
        taken.add((column[i], r))
        row[i] = r
    return column, [-row[i] for i in range(len(records))]   # 0 at the top


def draw_graph(graph, *args, grads=False, cut=(), title=None):
    """Draw a computation graph, values flowing left to right.

    Draws one box per value: its label (an input's name or the operation
    that made it), its forward value and, with ``grads=True``, its adjoint
    "grad", the gradient of the sum of the outputs with respect to it,
    computed by mindgrad's own backward pass. An arrow runs from every
    input of an operation to its result; arrows listed in ``cut`` are
    dashed (no gradient flows back along them, as after stop_gradient).
    Vectors show their first three entries, or only the first one when
    the graph is more than six columns wide.

    Args:
        graph: a function, traced with ``ms.graph.trace(graph, *args)``;
            or a list of ``(label, parents, value, grad)`` records, each
            parent the index of an earlier record, grad None if unknown.
        *args: the function's arguments.
        grads: also show every node's adjoint.
        cut: ``(parent, child)`` index pairs to draw dashed; a pair that
            is not an edge yet is added (``ms.graph.trace`` records the
            result of ``ops.stop_gradient`` as a constant, cut off from
            the value it copies: name both to draw the cut).
        title: replaces the default title.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.draw_graph(lambda x, y: x * y, Tensor(2.0), Tensor(3.0))
    >>> print(fig.axes[0].get_title())
    The forward pass: every box is a value, every arrow feeds an operation
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    records = _records(graph, args)
    cut = sorted({tuple(pair) for pair in cut})
    edges = [(p, i) for i, r in enumerate(records) for p in r[1]]
    edges += [pair for pair in cut if pair not in edges]
    column, row = _layout(records, edges)
    width, height = max(column) + 1, max(row) - min(row) + 1
    count = 3 if width <= 6 else 1        # wide graphs: first entries only
    texts = [f"{label}\n{_short(value, 3, count, '…')}" + (
        f"\ngrad {_short(grad, 3, count, '…')}" if grads and grad is not None
        else "") for label, _, value, grad in records]
    longest = max(len(line) for text in texts for line in text.split("\n"))
    size = (min(8, 1.3 * width + 0.6), min(4, 0.75 * height + 1.0))
    fig, ax = plt.subplots(figsize=size)
    font = min(7.0, 0.85 * 72 * size[0] / (width + 0.3) / (0.62 * longest))
    boxes = [ax.text(x, y, text, ha="center", va="center", fontsize=font,
                     bbox={"boxstyle": "round", "alpha": 0.3, "facecolor":
                           "tab:orange" if record[1] else "tab:blue"})
             for record, text, x, y in zip(records, texts, column, row)]
    for p, c in edges:
        ax.annotate("", (column[c], row[c]), (column[p], row[p]), arrowprops={
            "arrowstyle": "->", "color": "grey",
            "linestyle": "--" if (p, c) in cut else "-",
            "patchA": boxes[p].get_bbox_patch(),
            "patchB": boxes[c].get_bbox_patch()})
    ax.set(xlim=(-0.6, width - 0.4), ylim=(min(row) - 0.6, max(row) + 0.6),
           xticks=[], yticks=[], xlabel="forward order: each operation "
           "sits right of its inputs")
    ax.set_title(title or (
        "Adjoints: grad is d(output)/d(value), swept right to left"
        if grads else "The forward pass: every box is a value, every "
        "arrow feeds an operation"), fontsize=10)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def graph_table(fn, *args, grads=False):
    """Print one line per recorded node of ``fn(*args)``, in execution
    order: its index, the operation and its inputs, the indices of the
    nodes it was computed from, its shape and value (and adjoint).

    >>> viz.graph_table(lambda x, y: x * y + 1.0, Tensor(2.0), Tensor(3.0))
     #  node               from    shape   value
     0  x                          ()      2
     1  y                          ()      3
     2  mul(x, y)          0, 1    ()      6
     3  add(mul, 1)        2       ()      7
    """
    nodes = trace(fn, *args).nodes
    print(f" #  {'node':<18} {'from':<7} {'shape':<7} value" +
          ("  | grad" if grads else ""))
    for n in nodes:
        head = n.label if n.op in ("input", "constant") else \
            f"{n.op}({', '.join(n.graph_labels)})"
        line = (f"{n.index:>2}  {head:<18} "
                f"{', '.join(map(str, n.parents)):<7} "
                f"{str(np.shape(n.value)):<7} {_short(n.value, 4)}")
        if grads:
            line += "  | " + ("-" if n.grad is None else _short(n.grad, 4))
        print(line)


def mode_cost_figure(ns, forward_ops, reverse_ops):
    """Plot the work of forward and reverse mode against the number of
    inputs n of a function with one output.

    Draws two lines of operation counts (counted, not timed): forward mode
    needs one sweep per input, reverse mode one sweep per output.

    >>> import matplotlib.pyplot as plt
    >>> fig = viz.mode_cost_figure([1, 2], [3, 12], [6, 12])
    >>> print(fig.axes[0].get_title())
    One output, n inputs: forward mode sweeps n times, reverse mode once
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(ns, forward_ops, "o-", label="forward mode: n sweeps")
    ax.plot(ns, reverse_ops, "s-", label="reverse mode: 1 forward + "
            "1 backward sweep")
    ax.set(xlabel="number of inputs n", ylabel="operations",
           title="One output, n inputs: forward mode sweeps n times, "
                 "reverse mode once")
    ax.legend()
    fig.tight_layout()
    return fig

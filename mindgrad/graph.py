"""Record one computation and read its graph: every node's operation,
forward value and gradient, for drawing and for learning.

>>> g = ms.graph.trace(lambda x, y: x * y + ops.sin(x), Tensor(2.0),
...                    Tensor(3.0))
>>> for node in g.nodes:
...     print(node)
x: input, value 2, grad 2.58385
y: input, value 3, grad 2
mul(x, y): value 6, grad 1
sin(x): value 0.909297, grad 1
add(mul, sin): value 6.9093, grad 1

See lessons 05 and 06.
"""
import numpy as np

from .autodiff import _Recording, _tensors_in, backward
from .primitives import core
from .tensor import Tensor


class Node:
    """One value of the computation: what made it and what flows back.

    Attributes:
        index: position in ``Graph.nodes`` (forward order).
        op: the primitive's name, ``"input"`` or ``"constant"``.
        label: a name to print: the argument's name, or the op's.
        parents: indices of the nodes it was computed from.
        value: the forward value (a NumPy array).
        grad: d(sum of outputs)/d(this value), or None if no gradient
            reaches it.
    """

    def __init__(self, index, op, label, parents, value):
        self.index, self.op, self.label = index, op, label
        self.parents, self.value, self.grad = parents, value, None

    def __repr__(self):
        return f"Node({self.index}, {self.label!r}, op={self.op!r})"

    def __str__(self):
        def show(a):
            return "None" if a is None else np.array2string(
                np.asarray(a), precision=6, floatmode="maxprec",
                formatter={"float_kind": lambda v: f"{v:g}"})
        head = self.label if self.op in ("input", "constant") else \
            f"{self.op}({', '.join(self.graph_labels)})"
        kind = f"{self.op}, " if self.op in ("input", "constant") else ""
        return f"{head}: {kind}value {show(self.value)}, grad " \
               f"{show(self.grad)}"


class Graph:
    """The nodes of one recorded computation, in forward order."""

    def __init__(self, nodes, outputs):
        self.nodes, self.outputs = nodes, outputs

    def __repr__(self):
        return f"Graph({len(self.nodes)} nodes, outputs {self.outputs})"


def _argument_names(fn, count):
    import inspect                        # slow to import; rarely needed
    try:
        names = list(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        names = []
    return [names[i] if i < len(names) else f"x{i}" for i in range(count)]


def trace(fn, *args):
    """Run ``fn(*args)`` while recording; return its ``Graph`` with the
    gradient of the sum of its outputs at every node."""
    recording = _Recording(args, range(len(args)), ())
    out = recording.run(fn, {})
    roots = _tensors_in(out)
    leaves = dict(zip(recording.inputs.values(), _argument_names(
        fn, len(args))))
    order, seen = _forward_order(roots, leaves, recording.since)
    raw = core.recording == 0
    seeds = [np.ones_like(r._data) for r in roots]
    cotangents = {}
    backward(roots, seeds if raw else [Tensor(s) for s in seeds], leaves,
             recording.since, free=False, seen=cotangents)
    nodes, index = [], {}
    for tensor in order:
        if tensor in leaves:
            op, parents, label = "input", (), leaves[tensor]
        elif tensor._record is None or tensor._record[3] < recording.since:
            op, parents, label = "constant", (), "constant"
        else:
            prim, inputs, _, _ = tensor._record
            parents = tuple(index[id(x)] for x in inputs
                            if isinstance(x, Tensor))
            op = label = prim.name
        node = Node(len(nodes), op, label, parents, tensor._data)
        node.graph_labels = [] if op in ("input", "constant") else [
            nodes[index[id(x)]].label if isinstance(x, Tensor) else
            f"{x:g}" if isinstance(x, (int, float, np.generic)) else
            "constant"
            for x in tensor._record[1]]
        grad = cotangents.get(tensor)
        node.grad = None if grad is None else np.asarray(
            grad._data if isinstance(grad, Tensor) else grad)
        index[id(tensor)] = node.index
        nodes.append(node)
    return Graph(nodes, [index[id(r)] for r in roots])


def _forward_order(roots, leaves, since):
    """Every Tensor the roots depend on, parents before children, in the
    order they were computed."""
    found, stack = {}, list(roots)
    while stack:
        tensor = stack.pop()
        if id(tensor) in found:
            continue
        found[id(tensor)] = tensor
        record = tensor._record
        if tensor not in leaves and record is not None and \
                record[3] >= since:
            stack.extend(x for x in record[1] if isinstance(x, Tensor))

    def when(t):
        return -1 if t._record is None else t._record[3]
    return sorted(found.values(), key=when), found

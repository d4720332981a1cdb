"""Cell: the base class of every network, as in MindSpore.

A Cell registers the Parameters and Cells assigned to its attributes, so
``net.trainable_params()`` finds every weight, named by its path
(``dense.weight``). Calling the cell runs its ``construct``.

>>> class Line(nn.Cell):
...     def __init__(self):
...         super().__init__()
...         self.w = Parameter(Tensor([2.0]))
...     def construct(self, x):
...         return self.w * x
>>> net = Line()
>>> print(net(Tensor([3.0])), [p.name for p in net.trainable_params()])
[6.] ['w']

See lesson 10.
"""
from collections import OrderedDict

from ..parameter import Parameter, ParameterTuple
from ..primitives import core
from ..tensor import Tensor, _wrap


class Cell:
    """Subclass it, call ``super().__init__()`` first, define
    ``construct``."""

    def __init__(self, auto_prefix=True, flags=None):
        object.__setattr__(self, "_params", OrderedDict())
        object.__setattr__(self, "_cells", OrderedDict())
        object.__setattr__(self, "training", False)
        object.__setattr__(self, "phase", "train")
        object.__setattr__(self, "requires_grad", False)

    # --- registration ----------------------------------------------------
    def __setattr__(self, name, value):
        if isinstance(value, (Parameter, Cell)) and "_params" not in \
                self.__dict__:
            raise AttributeError(
                f"{type(self).__name__}: '{name}' was set before "
                f"super().__init__() ran; call super().__init__() first")
        params, cells = self.__dict__.get("_params"), self.__dict__.get(
            "_cells")
        if params and name in params and isinstance(value, Tensor) and \
                not isinstance(value, Parameter):
            params[name].set_data(value)      # MindSpore: a Tensor onto a
            return                            # Parameter attribute
        if isinstance(value, Parameter):
            if value._auto_named:
                value.name, value._auto_named = name, False
            params[name] = value
        elif isinstance(value, Cell):
            cells[name] = value
            for path, param in value.parameters_and_names():
                param.name = f"{name}.{path}"
        elif isinstance(value, ParameterTuple):
            for param in value:           # members keep their own names
                params.setdefault(param.name, param)
        elif value is None and cells is not None and name in cells:
            cells[name] = None
        elif params is not None:
            params.pop(name, None)
            cells.pop(name, None)
        # a registered member is also a plain attribute, so that reading
        # self.weight costs a dict lookup instead of a __getattr__ call
        object.__setattr__(self, name, value)

    def __getattr__(self, name):        # only for names not in __dict__
        registries = self.__dict__
        params = registries.get("_params")
        if params is not None:
            if name in params:
                return params[name]
            cells = registries["_cells"]
            if name in cells:
                return cells[name]
        raise AttributeError(f"'{type(self).__name__}' object has no "
                             f"attribute '{name}'")

    def __delattr__(self, name):
        registered = name in self._params or name in self._cells
        self._params.pop(name, None)
        self._cells.pop(name, None)
        if name in self.__dict__ or not registered:
            object.__delattr__(self, name)

    # --- running -----------------------------------------------------------
    bprop = None        # a subclass may define bprop(*inputs, out, dout)

    def __call__(self, *args, **kwargs):
        if core.recording and type(self).bprop is not None and \
                core._any_recorded(args):
            return _with_bprop(self, args, kwargs)
        return self.construct(*args, **kwargs)

    def construct(self, *args, **kwargs):
        """What calling the Cell computes: every subclass defines it."""
        raise AttributeError(f"{type(self).__name__} has no construct "
                             f"method; define construct(self, ...)")

    @property
    def __signature__(self):
        """The signature of ``construct``, so ``grad(net, 1)(x, y=t)``
        can bind keyword arguments to positions."""
        import inspect                    # only grad with keywords asks
        return inspect.signature(self.construct)

    def set_train(self, mode=True):
        """Switch training behaviour (Dropout) on or off, recursively."""
        for _, cell in self.cells_and_names():
            object.__setattr__(cell, "training", mode)
            object.__setattr__(cell, "phase", "train" if mode else
                               "predict")
        return self

    def insert_child_to_cell(self, child_name, child_cell):
        """Register ``child_cell`` under ``child_name``, as an attribute
        assignment would."""
        if not isinstance(child_name, str) or "." in child_name:
            raise KeyError(f"insert_child_to_cell: child_name must be a str "
                           f"without '.', got {child_name!r}")
        if child_cell is not None and not isinstance(child_cell, Cell):
            raise TypeError(f"insert_child_to_cell: child_cell must be a "
                            f"Cell or None, got "
                            f"{type(child_cell).__name__}")
        if child_cell is None:
            self._cells[child_name] = None
            object.__setattr__(self, child_name, None)
        else:
            setattr(self, child_name, child_cell)

    def update_parameters_name(self, prefix="", recurse=True):
        """Put ``prefix`` in front of every Parameter's name."""
        for param in self.get_parameters(expand=recurse):
            param.name = prefix + param.name

    # --- traversal -----------------------------------------------------------
    def parameters_and_names(self, name_prefix="", expand=True):
        """(name, Parameter) pairs: own Parameters first, then each child's,
        depth-first, each Parameter once."""
        seen = set()
        cells = self.cells_and_names(name_prefix) if expand else \
            [(name_prefix, self)]
        for prefix, cell in cells:
            for key, param in cell._params.items():
                if id(param) not in seen:
                    seen.add(id(param))
                    yield (f"{prefix}.{key}" if prefix else key), param

    def parameters_dict(self, recurse=True):
        """An OrderedDict of the Parameters keyed by name."""
        return OrderedDict((p.name, p) for p in self.get_parameters(
            expand=recurse))

    def get_parameters(self, expand=True):
        return (param for _, param in self.parameters_and_names(
            expand=expand))

    def trainable_params(self, recurse=True):
        """The Parameters with ``requires_grad=True``, as a list."""
        return [p for p in self.get_parameters(recurse) if p.requires_grad]

    def untrainable_params(self, recurse=True):
        return [p for p in self.get_parameters(recurse)
                if not p.requires_grad]

    def cells_and_names(self, cell_prefix=""):
        """('', self), then every descendant with its dotted path."""
        stack = [(cell_prefix, self)]
        while stack:
            prefix, cell = stack.pop()
            yield prefix, cell
            children = [(f"{prefix}.{key}" if prefix else key, child)
                        for key, child in cell._cells.items()
                        if child is not None]
            stack.extend(reversed(children))

    def name_cells(self):
        return OrderedDict((k, c) for k, c in self._cells.items()
                           if c is not None)

    def cells(self):
        return self.name_cells().values()

    def extend_repr(self):
        return ""

    def __repr__(self):
        extra = self.extend_repr()
        children = [f"({key}): {child!r}" for key, child in
                    self._cells.items()]
        if not children:
            return f"{type(self).__name__}({extra})"
        items = (extra.split("\n") if extra else []) + children
        body = "\n".join("  " + item.replace("\n", "\n  ") for item in items)
        return f"{type(self).__name__}(\n{body}\n)"


def _with_bprop(cell, args, kwargs):
    """Call ``cell`` as one primitive whose VJP is ``cell.bprop(*inputs,
    out, dout)``: the backward pass never looks inside ``construct``, so
    the Parameters it uses get zero gradients, as in MindSpore."""
    def forward(*arrays):
        inputs = [_wrap(a) if hasattr(a, "dtype") and hasattr(a, "shape")
                  else a for a in arrays]
        out = cell.construct(*inputs, **kwargs)
        if not isinstance(out, Tensor):
            raise TypeError(f"{type(cell).__name__}: a Cell with bprop must "
                            f"return one Tensor from construct, got "
                            f"{type(out).__name__}")
        return out._data
    forward.__name__ = f"{type(cell).__name__}.bprop"
    cache = {}

    def rule(i, *inputs_out_dout):
        *inputs, out, dout = inputs_out_dout
        raw = not isinstance(dout, Tensor)       # a first-order pass
        if cache.get("key") != (id(out), id(dout)):
            wrap = [_wrap(x) if raw and hasattr(x, "shape") else x
                    for x in inputs]
            grads = cell.bprop(*wrap, _wrap(out) if raw else out,
                               _wrap(dout) if raw else dout)
            if not isinstance(grads, (tuple, list)) or len(grads) != len(
                    inputs):
                raise TypeError(f"{type(cell).__name__}.bprop must return "
                                f"a tuple of {len(inputs)} gradients, one "
                                f"per input; got {grads!r}")
            cache.update(key=(id(out), id(dout)), grads=grads)
        d = cache["grads"][i]
        return d._data if raw and isinstance(d, Tensor) else d
    prim = core.primitive(forward)
    prim.defvjp_each(rule)
    return prim(*args)


class GraphCell(Cell):
    """MindSpore runs an exported MindIR graph as a Cell; mindgrad has no
    graph format."""

    def __init__(self, graph, params_init=None, obf_random_seed=None):
        raise NotImplementedError(
            "nn.GraphCell runs a MindIR graph, which mindgrad does not "
            "provide; build the network as a Cell and load its weights "
            "with mindgrad.load_checkpoint")

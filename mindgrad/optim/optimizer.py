"""Optimizer: the base Cell of every optimizer, as in MindSpore.

An optimizer holds the Parameters it updates. Calling it with the
gradients, in the order of ``opt.parameters``, changes the Parameters in
place: it is the "step" of a training loop, and gradients arrive as
arguments because Tensors carry no ``.grad``.

>>> from mindgrad.optim import SGD
>>> w = Parameter(Tensor([1.0, -2.0]), name="w")
>>> opt = SGD([w], learning_rate=0.1)
>>> opt((Tensor([0.5, 1.0]),))
(True,)
>>> print(w.asnumpy(), opt.global_step.asnumpy())
[ 0.95 -2.1 ] [1]

See lesson 12.
"""
import numpy as np

from ..cells.cell import Cell
from ..parameter import Parameter, ParameterTuple
from ..tensor import Tensor
from .schedule import _IteratorLearningRate

_GROUP_KEYS = ("params", "lr", "weight_decay", "order_params",
               "grad_centralization")


def _number(value, name, owner, low=0.0, strict=False):
    """``value`` as a float, checked to be >= low (> low if strict)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{owner}: {name} must be a float, got {value!r};"
                        f" pass a number such as {name}=0.1")
    if value < low or (strict and value == low):
        raise ValueError(f"{owner}: {name} must be {'>' if strict else '>='}"
                         f" {low}, got {value}; pass a valid {name}")
    return float(value)


def _adopt(cell, name, child):
    """Register ``child`` without renaming its Parameters, as MindSpore's
    ``auto_prefix=False`` does: optimizers and checkpoints know them by
    their own names."""
    names = [(param, param.name) for param in child.get_parameters()] \
        if isinstance(child, Cell) else []
    setattr(cell, name, child)
    for param, param_name in names:
        param.name = param_name


def _learning_rate(value, name, owner):
    """A schedule Cell (a list or 1-D Tensor becomes one) or a 0-d
    Float32 Parameter."""
    if isinstance(value, Cell):
        return value
    if isinstance(value, (Tensor, list, tuple)):
        rates = np.array(value.asnumpy() if isinstance(value, Tensor)
                         else value, np.float32)
        if rates.ndim > 1:
            raise ValueError(f"{owner}: a learning_rate Tensor must be 0-d "
                             f"or 1-D, got shape {rates.shape}")
        if rates.ndim == 1:
            return _IteratorLearningRate(rates, name)
        return Parameter(rates, name=name)
    if isinstance(value, str):
        raise ValueError(f"{owner}: learning_rate must be a number, got "
                         f"{value!r}; e.g. learning_rate=0.01")
    value = _number(value, "learning_rate", owner)
    return Parameter(np.array(value, np.float32), name=name)


def _scratch_views(params):
    """One array shaped like each Parameter, for an update's temporary
    such as lr * g, all views of one buffer per dtype: a fresh temporary
    as large as the weight each step made the 784-512-512-10 MLP's update
    about 15% slower (bench/README.md). NumPy reserves the memory without
    touching it, so an optimizer that never uses them costs nothing."""
    sizes = {}
    for p in params:
        sizes[p._data.dtype] = max(sizes.get(p._data.dtype, 0), p._data.size)
    buffers = {dtype: np.empty(size, dtype) for dtype, size in sizes.items()}
    return [buffers[p._data.dtype][:p._data.size].reshape(p._data.shape)
            for p in params]


class Optimizer(Cell):
    """Base class: subclass it, call ``super().__init__(learning_rate,
    params, weight_decay, loss_scale)`` and define
    ``construct(self, gradients)``.

    Math: each step takes gradients g and updates every parameter p in
    place; before that, g <- g / loss_scale + weight_decay * p.

    Args:
        learning_rate: a float >= 0, a list or 1-D Tensor (one value per
            step), or a schedule Cell called with ``global_step``.
        parameters: Parameters, or group dicts such as
            ``{"params": [...], "lr": 0.5, "weight_decay": 0.1}``.
        weight_decay: L2 factor; outside groups, Parameters whose names
            contain "beta" or "gamma" are not decayed (biases are).
        loss_scale: the factor the loss was multiplied by.

    Raises:
        ValueError: no parameters, or a negative rate.
        TypeError: an element that is neither a Parameter nor a dict.

    >>> from mindgrad.optim import Optimizer
    >>> class PlainSGD(Optimizer):
    ...     def __init__(self, params, learning_rate):
    ...         super().__init__(learning_rate, params)
    ...     def construct(self, gradients):
    ...         lr = self.get_lr()
    ...         for p, g in zip(self.parameters, gradients):
    ...             p.set_data(p - lr * g)
    ...         return True
    >>> w = Parameter(Tensor([1.0]), name="w")
    >>> PlainSGD([w], 0.5)((Tensor([2.0]),))
    True
    >>> print(w.asnumpy())
    [0.]
    """

    def __init__(self, learning_rate, parameters, weight_decay=0.0,
                 loss_scale=1.0):
        super().__init__()
        owner = type(self).__name__
        if parameters is None:
            raise ValueError(f"{owner}: params is None; pass "
                             f"net.trainable_params()")
        items = list(parameters)
        if not items:
            raise ValueError(f"{owner}: params is empty; pass "
                             f"net.trainable_params()")
        self.loss_scale = _number(loss_scale, "loss_scale", owner, 0.0, True)
        weight_decay = _number(weight_decay, "weight_decay", owner)
        self.global_step = Parameter(np.zeros(1, np.int32), "global_step")
        default_lr = _learning_rate(learning_rate, "learning_rate", owner)
        grouped = isinstance(items[0], dict)
        if any(isinstance(item, dict) != grouped for item in items):
            raise TypeError(f"{owner}: params mixes Parameters and group "
                            f"dicts; put every Parameter in a group dict")
        groups = items if grouped else [{"params": items}]
        params, self._lrs, self._decay = [], [], []
        for i, group in enumerate(groups):
            if "params" not in group:
                raise KeyError(f"{owner}: group {i} must be a dict with a "
                               f"'params' key")
            unknown = [k for k in group if k not in _GROUP_KEYS]
            if unknown:
                raise KeyError(f"{owner}: unknown group keys {unknown}; "
                               f"use some of {list(_GROUP_KEYS)}")
            if "order_params" in group or group.get("grad_centralization"):
                raise ValueError(f"{owner}: order_params and "
                                 f"grad_centralization are not supported; "
                                 f"list the groups in the order you want")
            lr = default_lr if "lr" not in group else \
                _learning_rate(group["lr"], f"learning_rate_group_{i}", owner)
            decay = _number(group.get("weight_decay", weight_decay),
                            "weight_decay", owner)
            for param in group["params"]:
                if not isinstance(param, Parameter):
                    raise TypeError(f"{owner}: params must hold Parameters "
                                    f"or dicts, got {type(param).__name__}")
                if any(param is p for p in params):
                    error = RuntimeError if grouped else ValueError
                    raise error(f"{owner}: Parameter {param.name} is "
                                f"listed twice; list it once")
                filtered = not grouped and (
                    "beta" in param.name or "gamma" in param.name)
                params.append(param)
                self._lrs.append(lr)
                self._decay.append(0.0 if filtered else decay)
        self.is_group = grouped
        self.is_group_lr = any(lr is not default_lr for lr in self._lrs)
        # every rate is registered (and so saved with the optimizer)
        for i, lr in enumerate(dict.fromkeys(self._lrs + [default_lr])):
            _adopt(self, lr.name if isinstance(lr, Parameter) else
                   "learning_rate" if lr is default_lr else
                   f"learning_rate_group_{i}", lr)
        if self.is_group_lr:       # MindSpore: a tuple, one per Parameter
            object.__setattr__(self, "learning_rate", tuple(self._lrs))
        self.parameters = ParameterTuple(params)
        self._scratch = _scratch_views(params)

    def _rate(self, lr, step):
        """The value of one learning rate at ``step``, as a Tensor."""
        if isinstance(lr, Cell):
            return Tensor(lr(Tensor(np.array(step, np.int32))).asnumpy()
                          .reshape(()))
        return lr

    def get_lr(self):
        """The learning rate of the current step (a tuple, one per
        Parameter, when groups set their own ``lr``).

        >>> from mindgrad.optim import SGD
        >>> opt = SGD([Parameter(Tensor([1.0]), name="w")], [0.1, 0.01])
        >>> print(opt.get_lr())
        0.1
        """
        step = int(self.global_step._data[0])
        if self.is_group_lr:
            return tuple(self._rate(lr, step) for lr in self._lrs)
        return self._rate(self.learning_rate, step)

    def _prepare(self, gradients):
        """Check the gradients; return them as arrays after loss scaling
        and weight decay, with each Parameter's rate as a float. Advances
        ``global_step``."""
        owner, params = type(self).__name__, self.parameters
        if not isinstance(gradients, tuple) or len(gradients) != len(
                params):
            got = f"{len(gradients)} gradients" if isinstance(
                gradients, tuple) else f"a {type(gradients).__name__}"
            raise RuntimeError(
                f"{owner}: expected a tuple of {len(params)} gradients, "
                f"one per Parameter, got {got}; pass the tuple that "
                f"grad(..., weights=opt.parameters) returns")
        counter = self.global_step._data
        step = int(counter[0])
        if self.is_group_lr:
            rates = {id(lr): float(self._rate(lr, step)._data)
                     for lr in dict.fromkeys(self._lrs)}
            rates = [rates[id(lr)] for lr in self._lrs]
        else:                             # one rate: read it once
            rates = [float(self._rate(self._lrs[0], step)._data)] * len(
                params)
        scale, arrays = self.loss_scale, []
        for p, g, decay in zip(params, gradients, self._decay):
            data = g._data if isinstance(g, Tensor) else None
            if data is None or data.shape != p._data.shape:
                raise RuntimeError(
                    f"{owner}: the gradient of {p.name} must be a Tensor "
                    f"of shape {p._data.shape}, got "
                    f"{getattr(data, 'shape', type(g).__name__)}")
            if data.dtype != p._data.dtype:
                raise TypeError(f"{owner}: the gradient of {p.name} is "
                                f"{g.dtype}, but the Parameter is {p.dtype};"
                                f" cast it with .astype({p.dtype})")
            if scale != 1.0:
                data = data / scale
            if decay:
                data = data + decay * p._data
            arrays.append(data)
        counter[0] = step + 1
        return arrays, rates

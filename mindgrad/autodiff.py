"""Reverse-mode automatic differentiation: one backward pass, and the
transforms built on it (``vjp``, ``grad``, ``value_and_grad``,
``GradOperation``).

A transform runs the function once while recording (each primitive writes
a record on its output), then ``backward`` pushes cotangents from the
outputs to the inputs it was asked about. Gradients are return values:
Tensors carry no ``.grad`` and there is nothing to zero.
"""

import numpy as np

from .context import warn_once
from .parameter import Parameter
from .primitives import core
from .primitives.functional import stop_gradient
from .tensor import Tensor, _wrap


@core.primitive
def _identity(x):
    return x


_identity.defvjp(lambda x, out, dout: dout)


def _tracked(node, requested, since):
    """A node the walk visits: an input asked about, or a Tensor recorded
    by this transform (older records belong to an enclosing one)."""
    return node in requested or (node._record is not None
                                 and node._record[3] >= since)


def _count_uses(roots, requested, since):
    """For every node reachable from the roots: how many recorded uses
    will send it a cotangent, and its edges (rule, input index, parent)."""
    uses = {root: 0 for root in roots}
    edges, stack = {}, list(uses)
    while stack:                      # an explicit stack: no recursion
        node = stack.pop()
        if node in requested:
            continue
        prim, inputs, _, _ = node._record
        edges[node] = node_edges = []
        for i, x in enumerate(inputs):
            if isinstance(x, Tensor) and (x in requested or (
                    x._record is not None and x._record[3] >= since)):
                rule = _rule(prim, i)
                if rule is None:      # not differentiable in this input
                    continue
                node_edges.append((rule, i, x))
                if x not in uses:
                    uses[x] = 0
                    stack.append(x)
                uses[x] += 1
    return uses, edges


def backward(roots, seeds, requested, since, free=True, seen=None):
    """Push each root's seed back through the recorded graph; return the
    cotangent reaching each requested input (a dict). Gradients are sums
    in an order fixed by the graph alone, so they are bit-identical from
    run to run. ``seen``, if given, collects every node's cotangent."""
    raw = core.recording == 0         # nobody records us: work on arrays
    pairs = [(r, s) for r, s in zip(roots, seeds)
             if _tracked(r, requested, since)]
    uses, edges = _count_uses([r for r, _ in pairs], requested, since)
    cotangent, grads = {}, {}
    for root, seed in pairs:
        _accumulate(cotangent, root, seed)
    ready = [root for root in uses if uses[root] == 0]
    while ready:
        node = ready.pop()
        dout = cotangent.pop(node)    # freed once consumed
        if seen is not None:
            seen[node] = dout
        if node in requested:
            grads[node] = dout
            continue
        prim, inputs, params, _ = node._record
        values = _values(inputs, raw)
        out = node._data if raw else node
        for rule, i, parent in edges[node]:
            d = core.fit(rule(*values, out, dout, **params), parent, prim, i)
            _accumulate(cotangent, parent, d)     # fan-out adds
            uses[parent] -= 1
            if uses[parent] == 0:
                ready.append(parent)
        if free and raw:
            node._record = None       # drop the graph as we go
    return grads


def _values(inputs, raw):
    """What rules see of the inputs: arrays when nobody records the
    backward pass, else Tensors (array constants wrapped, unrecorded)."""
    if raw:
        return [x._data if isinstance(x, Tensor) else x for x in inputs]
    return [_wrap(x) if isinstance(x, np.ndarray) else x for x in inputs]


def _accumulate(cotangent, node, d):
    """A node used twice gets the sum of both cotangents."""
    cotangent[node] = cotangent[node] + d if node in cotangent else d


def _rule(prim, i):
    if prim.rules is None:
        raise RuntimeError(
            f"grad: no VJP for ops.{prim.name} (argument {i + 1}). Define "
            f"one with @{prim.name}.defvjp, or wrap the call in "
            f"ops.stop_gradient.")
    if i >= len(prim.rules):
        raise TypeError(
            f"grad: {prim.name} got a Tensor as positional argument "
            f"{i + 1} but has {len(prim.rules)} VJP rules; pass static "
            f"parameters such as axis as keywords")
    return prim.rules[i]


# --- recording a forward pass ------------------------------------------------


def _leaf(value):
    """A fresh input node sharing ``value``'s data. Each position gets its
    own leaf, so ``f(x, x)`` yields the two partial derivatives; inside an
    enclosing transform the leaf stays linked to ``value``."""
    leaf = _wrap(value._data)
    linked = (value,) if core.recording and value._record else ()
    leaf._record = (_identity, linked, {}, next(core._sequence))
    return leaf


class _Recording:
    """Run ``fn`` on leaves while primitives record; Parameters asked
    about (``weights``) are marked in place, since ``fn`` reads them."""

    def __init__(self, args, positions, weights, discover=False):
        self.since = next(core._sequence)
        self.discover = discover       # also find the Parameters fn uses
        self.args = list(args)
        self.inputs = {}               # position -> leaf
        for p in positions:
            value = self.args[p]
            if isinstance(value, Tensor) and _trainable(value):
                self.args[p] = self.inputs[p] = _leaf(value)
        self.weights = [w for w in weights if _trainable(w)]

    def run(self, fn, kwargs):
        saved = [w._record for w in self.weights]
        for w in self.weights:
            if w._record is None:
                w._record = (_identity, (), {}, next(core._sequence))
        enclosing = core.discover
        if self.discover:
            core.discover = self._adopt
        core.recording += 1
        try:
            return fn(*self.args, **kwargs)
        finally:
            core.recording -= 1
            core.discover = enclosing
            saved += [None] * (len(self.weights) - len(saved))
            for w, record in zip(self.weights, saved):
                w._record = record

    def _adopt(self, args):
        """Mark a trainable Parameter the first time a primitive reads it,
        so the weights come in the order the function uses them."""
        for arg in args:
            if isinstance(arg, Parameter) and arg._record is None and \
                    arg.requires_grad:
                arg._record = (_identity, (), {}, next(core._sequence))
                self.weights.append(arg)

    def gradients(self, out, sens, free=True, name="grad"):
        """Cotangents for (positions, weights) given the output and sens
        (None: MindSpore's sum rule, seeding every output element)."""
        roots = _tensors_in(out)
        seeds = _seeds(out, roots, sens, name)
        requested = dict.fromkeys(list(self.inputs.values()) + self.weights)
        grads = backward(roots, seeds, requested, self.since, free)
        return {node: _user_gradient(d) for node, d in grads.items()}


def _trainable(value):
    return not isinstance(value, Parameter) or value.requires_grad


def _user_gradient(d):
    """A gradient for the user: its own C-ordered memory, so that an
    optimizer's in-place update is fast and touches nothing else."""
    if isinstance(d, Tensor):
        return d
    d = np.asarray(d)
    if not (d.flags.c_contiguous and d.flags.writeable):
        d = np.array(d, order="C")        # e.g. a broadcast view of a seed
    return _wrap(d)


def _tensors_in(out):
    if isinstance(out, Tensor):
        return [out]
    if isinstance(out, (tuple, list)):
        return [t for item in out for t in _tensors_in(item)]
    return []


def _check_output(out, name):
    if not isinstance(out, (Tensor, tuple, list)):
        hint = " did you call .asnumpy() or .item()?" if isinstance(
            out, (float, int, np.ndarray, np.generic)) else ""
        raise TypeError(f"{name}: fn must return a Tensor or a tuple of "
                        f"Tensors, got {type(out).__name__};{hint}")


def _seeds(out, roots, sens, name):
    raw = core.recording == 0
    if sens is None:
        ones = [np.ones(r._data.shape, r._data.dtype) for r in roots]
        return ones if raw else [_wrap(o) for o in ones]
    if isinstance(out, (tuple, list)) != isinstance(sens, (tuple, list)):
        raise RuntimeError(f"{name}: the output is a tuple, so sens must be "
                           "a tuple with one Tensor per output" if isinstance(
                               out, (tuple, list)) else
                           f"{name}: sens must be one Tensor like the output")
    flat = _tensors_in(sens) if isinstance(sens, (tuple, list)) else [sens]
    if len(flat) != len(roots):
        raise ValueError(f"{name}: sens has {len(flat)} Tensors for "
                         f"{len(roots)} outputs")
    return [_check_sens(s, r, raw, name) for s, r in zip(flat, roots)]


def _check_sens(sens, out, raw, name):
    if not isinstance(sens, Tensor):
        if out.ndim == 0 and isinstance(sens, (int, float)):
            sens = Tensor(np.asarray(sens, out._data.dtype))
        else:
            raise RuntimeError(f"{name}: sens must be a Tensor of shape "
                               f"{out.shape}, got {sens!r}")
    if sens.ndim == 0 and out.ndim > 0:
        raise RuntimeError(f"{name}: a 0-d sens for an output of shape "
                           f"{out.shape}; pass a Tensor of that shape")
    if sens.shape != out.shape:
        raise ValueError(f"{name}: sens has shape {sens.shape}, but the "
                         f"output has shape {out.shape}; they must match")
    if sens.dtype is not out.dtype:
        raise TypeError(f"{name}: sens has dtype {sens.dtype}, but the "
                        f"output has dtype {out.dtype}; use "
                        f"sens.astype(mindgrad.{str(out.dtype).lower()})")
    return sens._data.copy() if raw else sens


# --- the transforms -------------------------------------------------------


def _check_flags(name, **flags):
    for flag, value in flags.items():
        if not isinstance(value, bool):
            raise TypeError(f"{name}: {flag} must be True or False, got "
                            f"{value!r}")


def _check_positions(grad_position, name):
    """None, an int or a tuple of distinct ints >= 0, as a tuple."""
    if grad_position is None:
        return None
    items = grad_position if isinstance(grad_position, tuple) else (
        grad_position,)
    if not all(isinstance(p, int) for p in items) or not isinstance(
            grad_position, (int, tuple)):
        raise TypeError(f"{name}: grad_position must be an int or a tuple "
                        f"of ints, got {grad_position!r}; e.g. (0, 1)")
    items = tuple(int(p) for p in items)      # a bool counts as 0 or 1
    if not items:
        raise RuntimeError(f"{name}: grad_position=() asks for nothing; "
                           f"give a position or pass weights")
    if min(items) < 0 or len(set(items)) < len(items):
        raise ValueError(f"{name}: grad_position {grad_position!r} must "
                         f"hold distinct 0-based positions >= 0")
    return items


def _check_weights(weights, name):
    """Return (list of weights, whether one bare weight was given)."""
    if weights is None:
        return None, False
    if isinstance(weights, Tensor):
        return [weights], True
    if isinstance(weights, (list, tuple)) and all(
            isinstance(w, Tensor) for w in weights):
        return list(weights), False
    raise TypeError(f"{name}: weights must be a Parameter or a list/tuple "
                    f"of Parameters, got {type(weights).__name__}; e.g. "
                    f"weights=net.trainable_params()")


def _bind(fn, args, kwargs):
    """Move keyword arguments that name positional parameters into place,
    so ``grad(f, 1)(x, y=t)`` differentiates with respect to y."""
    if not kwargs:
        return list(args), kwargs
    import inspect                        # rare, and slow to import
    bound = inspect.signature(fn).bind(*args, **kwargs)
    return list(bound.args), bound.kwargs


class _Transform:
    """What ``grad``, ``value_and_grad`` and ``GradOperation`` share:
    validation at creation, then one recorded run and backward per call."""

    def __init__(self, name, fn, positions, weights, has_aux, sens_param,
                 discover=False):
        if not callable(fn):
            raise TypeError(f"{name}: fn must be callable, got "
                            f"{type(fn).__name__}")
        self.name, self.fn, self.positions = name, fn, positions
        self.weights, self.single_weight = _check_weights(weights, name)
        self.has_aux, self.sens_param = has_aux, sens_param
        self.discover = discover  # weights: the Parameters fn turns out to use

    def __call__(self, args, kwargs, all_inputs=False):
        sens = None
        if self.sens_param:
            if "sens" in kwargs:
                sens = kwargs.pop("sens")
            elif args:
                args, sens = args[:-1], args[-1]
            else:
                raise TypeError(f"{self.name}: sens_param=True, so pass the "
                                f"sens as the last argument")
        args, kwargs = _bind(self.fn, args, kwargs)
        positions = range(len(args)) if all_inputs else self.positions or ()
        for p in positions:
            if p >= len(args) and self.sens_param:
                raise TypeError(f"{self.name}: sens_param=True takes the "
                                f"last argument as the sens, leaving fn "
                                f"{len(args)} arguments; pass the inputs, "
                                f"then the sens")
            if p >= len(args):
                raise RuntimeError(f"Position index {p} is exceed input "
                                   f"size. fn got {len(args)} arguments "
                                   f"(positions are 0-based).")
        recording = _Recording(args, positions, self.weights or (),
                               self.discover)
        out = recording.run(self.fn, kwargs)
        if self.weights is not None or any(
                isinstance(args[p], Tensor) for p in positions):
            _check_output(out, self.name)  # else: nothing to differentiate
        target, aux = self._split_aux(out)
        grads = recording.gradients(target, sens, name=self.name)
        if not core.recording:            # returned values keep no graph
            for tensor in _tensors_in(out):
                tensor._record = None
        inputs = self._input_grads(args, positions, recording, grads)
        weights = [grads.get(w) if w in grads else _zeros(w) for w in (
            recording.weights if self.discover else self.weights or ())]
        return out, aux, inputs, weights

    def _split_aux(self, out):
        if not self.has_aux:
            return out, None
        if not isinstance(out, tuple) or len(out) < 2:
            raise ValueError(f"{self.name}: has_aux=True needs fn to return "
                             f"a tuple (loss, aux, ...) of 2 or more; got "
                             f"{type(out).__name__}")
        if any(isinstance(a, (int, float)) for a in out[1:]):
            raise RuntimeError(f"{self.name}: with has_aux=True the aux "
                               f"outputs must be Tensors, not numbers")
        return out[0], tuple(out[1:])     # the callers stop their gradient

    def _input_grads(self, args, positions, recording, grads):
        skipped = [p for p in positions if not isinstance(args[p], Tensor)]
        if skipped and self.positions is not None:
            warn_once(("skip", tuple(skipped)), (
                f"{self.name}: positions {skipped} hold no Tensor, so they "
                f"get no gradient; wrap numbers as Tensor(...)"))
        result = []
        for p in positions:
            if not isinstance(args[p], Tensor):
                continue
            leaf = recording.inputs.get(p)
            if not args[p].dtype.is_float:
                warn_once(("int", self.name), (
                    f"{self.name}: argument {p} has dtype {args[p].dtype}; "
                    f"its gradient is cast to that dtype and truncated, as "
                    f"in MindSpore; pass a float Tensor for exact values"))
            result.append(grads[leaf] if leaf in grads else _zeros(args[p]))
        return result


def _zeros(value):
    return _wrap(np.zeros_like(value._data))


def _shape_result(transform, inputs, weights):
    """Rules A-C of api.md 2.3: one input gradient is bare, several a
    tuple; a single weight is bare, a list of weights a tuple."""
    g_in = inputs[0] if len(inputs) == 1 else tuple(inputs)
    g_w = weights[0] if transform.single_weight else tuple(weights)
    if transform.weights is None:
        return g_in
    return g_w if transform.positions is None else (g_in, g_w)


def _make(name, fn, grad_position, weights, has_aux, return_ids,
          sens_param):
    _check_flags(name, has_aux=has_aux, return_ids=return_ids,
                 sens_param=sens_param)
    positions = _check_positions(grad_position, name)
    if positions is None and weights is None:
        raise ValueError(f"{name}: grad_position and weights are both "
                         f"None, so there is nothing to differentiate")
    if return_ids:
        raise NotImplementedError(f"{name}: return_ids=True is not "
                                  f"supported by mindgrad")
    return _Transform(name, fn, positions, weights, has_aux, sens_param)


def grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False,
         sens_param=False):
    """Return a function that computes the gradient of ``fn``.

    Math: grad(f)(x) = ∂f/∂x; for a non-scalar or tuple output, the
    gradient of the sum of all its elements (MindSpore's sum rule).

    Args:
        fn: a function or Cell returning a Tensor or a tuple of Tensors.
        grad_position: which arguments: an int, a tuple, or None.
        weights: Parameters ``fn`` reads, e.g. ``net.trainable_params()``.
        has_aux: differentiate only the first output and also return the
            others, as ``(grads, aux)``.
        sens_param: take one more argument, the output's cotangent.

    >>> df = ms.grad(lambda x: (x ** 3).sum())
    >>> print(df(Tensor([2.0])), ms.grad(df)(Tensor([2.0])))
    [12.] [12.]
    >>> f = lambda x, y: (x * x * y).sum()
    >>> print(ms.grad(f, (0, 1))(Tensor([1., 2.]), Tensor([3., 4.])))
    (Tensor(shape=[2], dtype=Float32, value= [ 6.00000000e+00,  \
1.60000000e+01]), Tensor(shape=[2], dtype=Float32, value= \
[ 1.00000000e+00,  4.00000000e+00]))

    See lesson 08.
    """
    transform = _make("grad", fn, grad_position, weights, has_aux,
                      return_ids, sens_param)

    def grad_fn(*args, **kwargs):
        out, aux, inputs, weights_ = transform(args, kwargs)
        grads = _shape_result(transform, inputs, weights_)
        return (grads, stop_gradient(aux)) if has_aux else grads
    return grad_fn


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False,
                   return_ids=False, sens_param=False):
    """Like ``grad``, but return ``(value, gradients)`` from one run.

    With ``has_aux=True`` the value is fn's whole output tuple, the
    ``(loss, logits), grads = grad_fn(x, y)`` idiom of training loops.

    >>> f = lambda x: (x * x).sum()
    >>> value, dx = ms.value_and_grad(f)(Tensor([1., 2.]))
    >>> print(value, dx)
    5.0 [2. 4.]

    See lesson 08.
    """
    transform = _make("value_and_grad", fn, grad_position, weights, has_aux,
                      return_ids, sens_param)

    def value_and_grad_fn(*args, **kwargs):
        out, aux, inputs, weights_ = transform(args, kwargs)
        return out, _shape_result(transform, inputs, weights_)
    return value_and_grad_fn


class GradOperation:
    """MindSpore's older gradient interface: ``GradOperation(flags)(fn,
    weights)`` returns the gradient function.

    ============  =============  =========================================
    get_all       get_by_list    result
    ============  =============  =========================================
    False         False          gradient of the first input (bare)
    True          False          tuple over all Tensor inputs
    False         True           weights' gradients (bare for one)
    True          True           ((inputs...), weights part)
    ============  =============  =========================================

    Without ``weights``, get_by_list takes a Cell's trainable Parameters,
    or those a plain function reads, in the order it first reads them.

    >>> w = Parameter(Tensor([6.0]), name="w")
    >>> f = lambda x: w * x + 1
    >>> print(ops.GradOperation()(f)(Tensor([100.0])))
    [6.]
    >>> print(ops.GradOperation(get_by_list=True)(f, [w])(Tensor([100.])))
    (Tensor(shape=[1], dtype=Float32, value= [ 1.00000000e+02]),)

    See lesson 11.
    """

    def __init__(self, get_all=False, get_by_list=False, sens_param=False):
        _check_flags("GradOperation", get_all=get_all,
                     get_by_list=get_by_list, sens_param=sens_param)
        self.get_all, self.get_by_list = get_all, get_by_list
        self.sens_param = sens_param

    def __call__(self, fn, weights=None):
        by_list = self.get_by_list
        discover = by_list and weights is None and not hasattr(
            fn, "trainable_params")
        if by_list and weights is None:   # a Cell: its trainable weights
            weights = getattr(fn, "trainable_params", list)()
        # a plain function: the Parameters it uses, in order of first use
        transform = _Transform("GradOperation", fn, (0,),
                               (weights or []) if by_list else None, False,
                               self.sens_param, discover)

        def grad_fn(*args, **kwargs):
            _, _, inputs, weights_ = transform(args, kwargs, self.get_all)
            g_w = weights_[0] if transform.single_weight else tuple(
                weights_)
            if not self.get_all:
                return g_w if by_list else (inputs[0] if inputs else ())
            return (tuple(inputs), g_w) if by_list else tuple(inputs)
        return grad_fn


def vjp(fn, *inputs, weights=None, has_aux=False):
    """Run ``fn`` and return its output with a function that pulls a
    cotangent ``v`` back to the inputs: ``vjp_fn(v) = vᵀ J``.

    >>> out, vjp_fn = ms.vjp(lambda x: x ** 2, Tensor([1., 3.]))
    >>> print(out, vjp_fn(Tensor([1., 1.])))
    [1. 9.] (Tensor(shape=[2], dtype=Float32, value= [ 2.00000000e+00,  \
6.00000000e+00]),)
    """
    for i, value in enumerate(inputs):
        if not isinstance(value, Tensor):
            raise TypeError(f"vjp: input {i} must be a Tensor, got "
                            f"{type(value).__name__}")
    transform = _Transform("vjp", fn, tuple(range(len(inputs))), weights,
                           has_aux, False)
    recording = _Recording(inputs, transform.positions,
                           transform.weights or ())
    out = recording.run(fn, {})
    _check_output(out, "vjp")
    target, aux = transform._split_aux(out)
    aux = stop_gradient(aux)

    def vjp_fn(v):
        if not isinstance(v, (Tensor, tuple, list)):
            raise TypeError(f"vjp: v must be a Tensor like the output, got "
                            f"{type(v).__name__}")
        grads = recording.gradients(target, v, free=False, name="vjp")
        g_in = tuple(transform._input_grads(inputs, transform.positions,
                                            recording, grads))
        if transform.weights is None:
            return g_in
        g_w = [grads[w] if w in grads else _zeros(w)
               for w in transform.weights]
        return g_in, g_w[0] if transform.single_weight else tuple(g_w)

    if not has_aux:
        return out, vjp_fn
    return target, vjp_fn, (aux[0] if len(aux) == 1 else aux)

"""Checking gradients against finite differences, for tests, lessons and
the camp.

``check_grads`` compares what reverse mode computes, uᵀJ (a VJP with a
random cotangent u), with what finite differences measure, J v (a
central difference along a random direction v), through one number:
⟨uᵀJ, v⟩ must equal ⟨u, J v⟩. Random u and v catch transposed or
mis-broadcast rules that an all-ones cotangent lets through.

>>> testing.check_grads(lambda x: ops.sin(x) * x, Tensor([0.5, 1.5]))
>>> testing.numerical_grad(lambda x: (x ** 2).sum(), Tensor([3.0]))
(Tensor(shape=[1], dtype=Float64, value= [ 6.00000000e+00]),)

See lesson 07.
"""
import numpy as np

from .autodiff import vjp
from .tensor import Tensor


def _float_positions(args):
    return [i for i, a in enumerate(args)
            if isinstance(a, Tensor) and a.dtype.is_float]


def _in_float64(args):
    return [Tensor(a.asnumpy().astype(np.float64)) if i in
            _float_positions(args) else a for i, a in enumerate(args)]


def _flat(out):
    items = out if isinstance(out, (tuple, list)) else (out,)
    return [np.asarray(t.asnumpy(), np.float64) for t in items]


def _shifted(args, positions, directions, step):
    moved = list(args)
    for i, v in zip(positions, directions):
        moved[i] = Tensor((args[i].asnumpy() + step * v).astype(
            args[i].asnumpy().dtype))
    return moved


def numerical_grad(fn, *args, eps=1e-6):
    """Central-difference gradient of sum(fn(*args)) for each float Tensor.

    Math: ∂f/∂x_k ≈ (f(x + ε e_k) - f(x - ε e_k)) / 2ε, error O(ε²).
    Arguments are promoted to float64 first, where rounding is tiny.
    """
    args = _in_float64(args)
    grads = []
    for i in _float_positions(args):
        base = args[i].asnumpy()
        grad = np.zeros_like(base)
        for k in np.ndindex(base.shape):
            step = np.zeros_like(base)
            step[k] = eps
            totals = [sum(o.sum() for o in _flat(fn(*_with(args, i, s))))
                      for s in (base + step, base - step)]
            grad[k] = (totals[0] - totals[1]) / (2 * eps)
        grads.append(Tensor(grad))
    return tuple(grads)


def _with(args, i, value):
    moved = list(args)
    moved[i] = Tensor(value)
    return moved


def check_grads(fn, *args, rtol=None, atol=None, eps=None, seed=0):
    """Raise ``AssertionError`` unless fn's VJP agrees with central
    differences: ⟨uᵀJ, v⟩ = ⟨u, J v⟩ for random u (cotangent) and v
    (direction) over every float Tensor argument.

    The check runs in float64 (ε = 1e-6, rtol = 1e-6) when fn accepts
    float64 inputs; otherwise in float32 (ε = 1e-2, rtol = 1e-2), since
    float32 keeps only ~7 digits and a smaller step drowns in rounding.
    """
    rng = np.random.default_rng(seed)
    try:
        wide = _in_float64(args)
        fn(*wide)
        args, defaults = wide, (1e-6, 1e-6, 1e-6)
    except (TypeError, ValueError):
        defaults = (1e-2, 1e-2, 1e-3)
    eps = defaults[0] if eps is None else eps
    rtol = defaults[1] if rtol is None else rtol
    atol = defaults[2] if atol is None else atol
    positions = _float_positions(args)
    outer = list(args)

    def of_floats(*floats):
        for i, value in zip(positions, floats):
            outer[i] = value
        return fn(*outer)

    out, vjp_fn = vjp(of_floats, *[args[i] for i in positions])
    flat = _flat(out)
    cotangents = [rng.standard_normal(o.shape) for o in flat]
    u = [Tensor(c.astype(t.asnumpy().dtype)) for c, t in zip(
        cotangents, out if isinstance(out, (tuple, list)) else (out,))]
    grads = vjp_fn(tuple(u) if isinstance(out, (tuple, list)) else u[0])
    for i, g in zip(positions, grads):     # the dot products below would
        if (g.shape, g.dtype) != (args[i].shape, args[i].dtype):  # miss it
            raise AssertionError(
                f"check_grads: the gradient of argument {i} has shape "
                f"{g.shape} and dtype {g.dtype}; the argument has "
                f"{args[i].shape} and {args[i].dtype}")
    directions = [rng.standard_normal(args[i].shape) for i in positions]
    reverse = sum(np.vdot(g.asnumpy().astype(np.float64), v)
                  for g, v in zip(grads, directions))
    plus = _flat(fn(*_shifted(args, positions, directions, eps)))
    minus = _flat(fn(*_shifted(args, positions, directions, -eps)))
    forward = sum(np.vdot(c, (p - m) / (2 * eps))
                  for c, p, m in zip(cotangents, plus, minus))
    if not np.isclose(reverse, forward, rtol=rtol, atol=atol):
        raise AssertionError(
            f"check_grads: VJP gives <u, J v> = {reverse:.10g}, finite "
            f"differences give {forward:.10g} (rtol={rtol}, atol={atol})")


def report_close(label, actual, expected, rtol=1e-6, atol=1e-7):
    """Print one fixed line: ``label: OK`` or ``label: MISMATCH``.

    >>> testing.report_close("dx", Tensor([1.0]), [1.0000001])
    dx: OK
    """
    actual = actual.asnumpy() if isinstance(actual, Tensor) else actual
    expected = expected.asnumpy() if isinstance(expected, Tensor) else \
        expected
    close = np.allclose(actual, expected, rtol=rtol, atol=atol)
    print(f"{label}: {'OK' if close else 'MISMATCH'}")

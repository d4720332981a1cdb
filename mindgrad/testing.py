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


def numerical_grad(fn, *args, h=1e-6):
    """Central-difference gradient of sum(fn(*args)) for each float Tensor.

    Math: ∂f/∂x_k ≈ (f(x + h e_k) - f(x - h e_k)) / 2h, error O(h²).
    Arguments are promoted to float64 first, where rounding is tiny.

    >>> testing.numerical_grad(lambda x: ops.sin(x), Tensor([0.0]), h=1e-3)
    (Tensor(shape=[1], dtype=Float64, value= [ 9.99999833e-01]),)
    """
    args = _in_float64(args)
    grads = []
    for i in _float_positions(args):
        base = args[i].asnumpy()
        grad = np.zeros_like(base)
        for k in np.ndindex(base.shape):
            step = np.zeros_like(base)
            step[k] = h
            totals = [sum(o.sum() for o in _flat(fn(*_with(args, i, s))))
                      for s in (base + step, base - step)]
            grad[k] = (totals[0] - totals[1]) / (2 * h)
        grads.append(Tensor(grad))
    return tuple(grads)


def _with(args, i, value):
    moved = list(args)
    moved[i] = Tensor(value)
    return moved


def _items(out):
    return tuple(out) if isinstance(out, (tuple, list)) else (out,)


class _Probe:
    """One function, its float arguments, a cotangent u and a direction v:
    everything a VJP check compares, computed once."""

    def __init__(self, fn, args, seed, ones, h, rtol, atol):
        rng = np.random.default_rng(seed)
        try:                      # float64 when fn accepts it: tiny rounding
            wide = _in_float64(args)
            fn(*wide)
            args, defaults = wide, (1e-6, 1e-6, 1e-6)
        except (TypeError, ValueError):
            defaults = (1e-2, 1e-2, 1e-3)
        self.h, self.rtol, self.atol = (d if given is None else given for
                                        d, given in zip(defaults,
                                                        (h, rtol, atol)))
        self.fn, self.args = fn, args
        self.positions = _float_positions(args)
        out, vjp_fn = vjp(self._of_floats,
                          *[args[i] for i in self.positions])
        self.u = [np.ones(o.shape) if ones else rng.standard_normal(o.shape)
                  for o in _flat(out)]
        u = tuple(Tensor(c.astype(t.asnumpy().dtype))
                  for c, t in zip(self.u, _items(out)))
        self.grads = vjp_fn(u if isinstance(out, (tuple, list)) else u[0])
        self.v = [rng.standard_normal(args[i].shape) for i in self.positions]

    def _of_floats(self, *floats):
        moved = list(self.args)
        for i, value in zip(self.positions, floats):
            moved[i] = value
        return self.fn(*moved)

    def _u_dot(self, directions, step):
        """<u, (f(x + step d) - f(x - step d)) / 2 step>, one number."""
        plus = _flat(self.fn(*_shifted(self.args, self.positions,
                                       directions, step)))
        minus = _flat(self.fn(*_shifted(self.args, self.positions,
                                        directions, -step)))
        return sum(np.vdot(c, (p - m) / (2 * step))
                   for c, p, m in zip(self.u, plus, minus))

    def agrees(self):
        """⟨uᵀJ, v⟩ (reverse mode) against ⟨u, J v⟩ (differences)."""
        reverse = sum(np.vdot(g.asnumpy().astype(np.float64), v)
                      for g, v in zip(self.grads, self.v))
        return bool(np.isclose(reverse, self._u_dot(self.v, self.h),
                               rtol=self.rtol, atol=self.atol))

    def first_disagreement(self):
        """The argument and index where uᵀJ and differences part, one
        element at a time (slow, so only after ``agrees`` failed)."""
        for i, g in zip(self.positions, self.grads):
            g = g.asnumpy().astype(np.float64)
            for k in np.ndindex(g.shape):
                unit = [np.zeros(self.args[j].shape) for j in self.positions]
                unit[self.positions.index(i)][k] = 1.0
                numeric = self._u_dot(unit, self.h)
                if not np.isclose(g[k], numeric, rtol=self.rtol,
                                  atol=self.atol):
                    return i, k, g[k], numeric
        return None


def check_vjp(fn, *args, seed=0, cotangent="random", h=None, rtol=None,
              atol=None):
    """Return True when fn's VJP agrees with central differences.

    The test is one number: ⟨uᵀJ, v⟩ from reverse mode must equal
    ⟨u, J v⟩ from a central difference along a random direction v.
    ``cotangent="random"`` draws u at random; ``cotangent="ones"`` uses
    all ones, the weaker check that a transposed rule can pass (lesson 07).

    >>> testing.check_vjp(lambda x: x.T * 2.0, Tensor([[1.0, 2.0]]))
    True
    """
    if cotangent not in ("random", "ones"):
        raise ValueError(f"check_vjp: cotangent must be 'random' or "
                         f"'ones', got {cotangent!r}")
    return _Probe(fn, args, seed, cotangent == "ones", h, rtol,
                  atol).agrees()


def check_grads(fn, *args, rtol=None, atol=None, h=None, seed=0):
    """Return None when fn's gradients are right; raise ``AssertionError``
    naming the argument, the index and both values when they are not.

    The check runs in float64 (h = 1e-6, rtol = 1e-6) when fn accepts
    float64 inputs; otherwise in float32 (h = 1e-2, rtol = 1e-2), since
    float32 keeps only ~7 digits and a smaller step drowns in rounding.
    Random cotangent and direction: see ``check_vjp``.

    >>> testing.check_grads(ops.tanh, Tensor([0.5, -1.0]))
    """
    probe = _Probe(fn, args, seed, False, h, rtol, atol)
    for i, g in zip(probe.positions, probe.grads):
        expected = (probe.args[i].shape, probe.args[i].dtype)
        if (g.shape, g.dtype) != expected:      # dot products would miss it
            raise AssertionError(
                f"check_grads: the gradient of argument {i} has shape "
                f"{g.shape} and dtype {g.dtype}; the argument has "
                f"{expected[0]} and {expected[1]}")
    if probe.agrees():
        return
    where = probe.first_disagreement()
    detail = ("" if where is None else
              f": argument {where[0]}, index {where[1]}: reverse mode "
              f"gives {where[2]:.10g}, central differences give "
              f"{where[3]:.10g}")
    raise AssertionError(f"check_grads: the VJP disagrees with central "
                         f"differences (rtol={probe.rtol}, "
                         f"atol={probe.atol}){detail}")


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

"""Every row of tests/op_catalogue.py, checked three ways.

1. The forward pass agrees with NumPy, in float64 and in float32 (where
   the output must stay float32, as in MindSpore).
2. The VJP agrees with central differences: ``testing.check_grads``
   compares ⟨uᵀJ, v⟩ with ⟨u, J v⟩ for a random cotangent u and direction
   v, in float64.
3. Coverage: every primitive defined in ``mindgrad.primitives`` has a row
   whose forward pass really calls it.

Two more tests ride on the catalogue: gradients at special points
(kinks, ties, boundaries), and second derivatives of every differentiable
row, which hold because VJP rules are written with primitives.
"""
import importlib
import pkgutil
import types

import numpy as np
import pytest

import mindgrad as ms
import mindgrad.primitives
from mindgrad import Tensor, testing
from mindgrad.primitives.core import Primitive
from op_catalogue import ROWS, SPECIAL_POINTS

# Primitives that exist only to compute a rule's mask or weights: they are
# never called on a learner's data, and their gradient is zero by
# definition (differentiable=False). The coverage test checks that each is
# still defined and still non-differentiable.
ZERO_GRADIENT_HELPERS = {
    "share",         # maximum/minimum: 1, 1/2 on a tie, or 0
    "ties",          # max/min: 1/k on each of k tied extremes
    "inside",        # clamp: 1 within [min, max]
    "onehot_like",   # fused cross-entropy: one-hot of the labels
    "trunc_divide",  # fmod: trunc(x / y), the slope with respect to y
}

TOLERANCE = {np.float64: (1e-10, 1e-12), np.float32: (1e-5, 1e-6)}


def _primitives():
    """Every Primitive reachable from the modules of mindgrad.primitives:
    module attributes, the closures of their functions (comparisons are
    made inside helpers) and the values of their dicts (the Tensor method
    table). Returns (label, primitive) pairs in a stable order; the label
    is the primitive's name, or the enclosing function's for a lambda."""
    package = mindgrad.primitives
    modules = [importlib.import_module(f"{package.__name__}.{info.name}")
               for info in pkgutil.iter_modules(package.__path__)]
    found, seen = {}, set()

    def visit(value, owner):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, Primitive):
            label = value.name if value.name.isidentifier() else owner
            found.setdefault(id(value), (label, value))
        elif isinstance(value, types.FunctionType):
            for cell in value.__closure__ or ():
                try:
                    visit(cell.cell_contents, value.__name__)
                except ValueError:          # a cell not yet filled
                    pass
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(item, key)
        elif isinstance(value, property):
            visit(value.fget, owner)

    for module in modules + [package]:
        for name, value in vars(module).items():
            if not (name.startswith("__") and name.endswith("__")):
                visit(value, name)
    return sorted(found.values(), key=lambda pair: pair[0])


PRIMITIVES = _primitives()


def _as_numpy(tensor):
    """What a reference sees: floats widened to float64."""
    array = tensor.asnumpy()
    return array.astype(np.float64) if array.dtype.kind == "f" else array


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_forward_matches_numpy_in_float64_and_keeps_float32(row):
    for dtype in (np.float64, np.float32):
        inputs = row.tensors(dtype)
        if dtype is np.float64 and not row.float64:
            with pytest.raises(TypeError):   # as MindSpore rejects it
                row.fn(*inputs)
            continue
        out = row.fn(*inputs)
        expected = np.asarray(row.reference(*map(_as_numpy, inputs)))
        where = f"{row.name} with {np.dtype(dtype).name} inputs"
        assert isinstance(out, Tensor), f"{where}: got {type(out)}"
        assert out.shape == expected.shape, (
            f"{where}: shape {out.shape}, NumPy gives {expected.shape}")
        want = dtype if row.dtype == "same" else row.dtype
        assert out.asnumpy().dtype == np.dtype(want), (
            f"{where}: dtype {out.dtype}, expected {np.dtype(want).name}")
        if expected.dtype.kind == "f":
            rtol, atol = TOLERANCE[dtype]
            np.testing.assert_allclose(out.asnumpy(), expected, rtol, atol,
                                       err_msg=where)
        else:
            np.testing.assert_array_equal(out.asnumpy(), expected,
                                          err_msg=where)


DIFFERENTIABLE = [row for row in ROWS if row.differentiable]


@pytest.mark.parametrize("row", DIFFERENTIABLE,
                         ids=[row.name for row in DIFFERENTIABLE])
def test_vjp_matches_central_differences(row):
    inputs = row.tensors(np.float64 if row.float64 else np.float32)
    testing.check_grads(row.fn, *inputs, **row.grad_options)
    # ⟨uᵀJ, v⟩ flattens the gradients; their shape and dtype are checked
    # here: each must be its input's, broadcasting summed away
    grads = ms.grad(row.fn, tuple(range(row.arity)))(*inputs)
    grads = grads if isinstance(grads, tuple) else (grads,)
    for i, (g, x) in enumerate(zip(grads, inputs)):
        assert (g.shape, g.dtype) == (x.shape, x.dtype), (
            f"{row.name}: the gradient of argument {i + 1} has shape "
            f"{g.shape} and dtype {g.dtype}; the input has {x.shape}, "
            f"{x.dtype}")


def _calls(row, monkeypatch):
    """The primitives that running the row's forward pass calls."""
    called = []
    original = Primitive.__call__

    def traced(self, *args, **params):
        called.append(self)
        return original(self, *args, **params)

    with monkeypatch.context() as patch:
        patch.setattr(Primitive, "__call__", traced)
        row.fn(*row.tensors(np.float64 if row.float64 else np.float32))
    return called


_LABELS = [label for label, _ in PRIMITIVES]
_STALE = sorted(ZERO_GRADIENT_HELPERS - set(_LABELS))
COVERAGE = PRIMITIVES + [(name, None) for name in _STALE]


@pytest.mark.parametrize("label, prim", COVERAGE,
                         ids=[label for label, _ in COVERAGE])
def test_every_primitive_has_a_row_that_calls_it(label, prim, monkeypatch):
    assert prim is not None, (
        f"ZERO_GRADIENT_HELPERS names {label!r}, but no primitive has that "
        f"name any more; remove it from the list")
    assert _LABELS.count(label) == 1, (
        f"{_LABELS.count(label)} primitives are named {label!r}; give each "
        f"a distinct function name so rows can tell them apart")
    if label in ZERO_GRADIENT_HELPERS:
        assert not prim.differentiable, (
            f"{label!r} is allowed without a row only as a zero-gradient "
            f"helper, but it is differentiable; give it a row in "
            f"tests/op_catalogue.py")
        return
    rows = [row for row in ROWS if row.primitive_name == label]
    kind = "differentiable" if prim.differentiable else "non-differentiable"
    assert rows, (
        f"the {kind} primitive {label!r} (from "
        f"{prim.forward.__module__}) has no row; add Op({label!r}, ...) "
        f"to ROWS in tests/op_catalogue.py")
    for row in rows:
        assert any(p is prim for p in _calls(row, monkeypatch)), (
            f"row {row.name!r} is named after the primitive {label!r} but "
            f"its forward pass never calls it; fix the row's fn or rename "
            f"the row")


@pytest.mark.parametrize("point", SPECIAL_POINTS,
                         ids=[point.name for point in SPECIAL_POINTS])
def test_gradient_at_a_special_point_has_its_documented_value(point):
    inputs = [Tensor(np.array(v, np.float32)) for v in point.inputs]
    got = ms.grad(point.fn, point.positions)(*inputs)
    several = isinstance(point.positions, tuple)
    pairs = zip(got, point.expected) if several else [(got,
                                                       point.expected)]
    for g, expected in pairs:
        assert g.dtype is ms.float32, f"{point.name}: dtype {g.dtype}"
        np.testing.assert_allclose(g.asnumpy(), expected, rtol=1e-6,
                                   atol=1e-7, err_msg=point.name)


@pytest.mark.parametrize("row", DIFFERENTIABLE,
                         ids=[row.name for row in DIFFERENTIABLE])
def test_second_derivative_matches_differences_of_the_first(row):
    # The first derivative is itself a function of the inputs, and its
    # VJP runs the VJPs of the rules (written with primitives for this).
    # Every differentiable row, not only the one-input ones: a rule that
    # mixes a raw NumPy array into an operator fails only here.
    inputs = row.tensors(np.float64 if row.float64 else np.float32)
    first = ms.grad(row.fn, tuple(range(row.arity)))
    testing.check_grads(first, *inputs, **row.grad_options)

"""The recorded graph: deep, freed, deterministic, and never confused.

style.md 4-5: the backward pass is iterative (a 100,000-op chain runs
under Python's default recursion limit), frees the graph as it goes,
sums in an order fixed by the graph alone (bit-identical gradients from
run to run and from process to process), and nothing is recorded outside
a transform. Nested transforms keep their perturbations apart (the
"perturbation confusion" of Siskind and Pearlmutter, JAX's classic
example).
"""
import gc
import os
import subprocess
import sys
import textwrap
import weakref
from pathlib import Path

import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, Tensor, nn, ops

ROOT = Path(__file__).resolve().parent.parent
CHAIN_LENGTH = 100_000


def chain(x):
    y = x
    for _ in range(CHAIN_LENGTH):
        y = y * 1.0
    return y


# --- depth -------------------------------------------------------------------

def test_a_100000_op_chain_differentiates_under_the_default_limit():
    assert sys.getrecursionlimit() == 1000      # not raised for this test
    grads = ms.grad(chain)(Tensor([2.0]))
    assert grads.tolist() == [1.0]
    assert sys.getrecursionlimit() == 1000


def test_a_100000_op_chain_vjp_runs_and_is_freed_without_recursion():
    assert sys.getrecursionlimit() == 1000
    out, vjp_fn = ms.vjp(chain, Tensor([2.0]))
    (grads,) = vjp_fn(Tensor([3.0]))
    assert grads.tolist() == [3.0]
    probe = weakref.ref(out)
    del out, vjp_fn                  # the whole chain is released here
    gc.collect()
    assert probe() is None


# --- the graph is freed ------------------------------------------------------

def recording_intermediate(refs):
    """f(x) = sum((2x)²), keeping a weak reference to 2x."""
    def fn(x):
        h = x * 2
        refs.append(weakref.ref(h))
        return (h * h).sum()
    return fn


def test_grad_leaves_no_intermediate_alive():
    refs = []
    grads = ms.grad(recording_intermediate(refs))(Tensor([1.0, 2.0]))
    gc.collect()
    assert refs[0]() is None
    assert grads.tolist() == [8.0, 16.0]


def test_value_and_grad_value_holds_no_graph():
    refs = []
    value, grads = ms.value_and_grad(recording_intermediate(refs))(
        Tensor([1.0, 2.0]))
    gc.collect()
    assert value._record is None and grads._record is None
    assert refs[0]() is None         # the value is alive; 2x is not
    assert value.item() == 20.0


def test_value_and_grad_has_aux_outputs_hold_no_graph():
    refs = []

    def fn(x):
        h = x * 2
        refs.append(weakref.ref(h))
        z = h * 3
        return (h * h).sum(), z

    (loss, z), grads = ms.value_and_grad(fn, has_aux=True)(
        Tensor([1.0, 2.0]))
    gc.collect()
    assert loss._record is None
    assert z._record is None
    assert refs[0]() is None
    assert z.tolist() == [6.0, 12.0] and grads.tolist() == [8.0, 16.0]


def test_value_and_grad_tuple_outputs_hold_no_graph():
    value, grads = ms.value_and_grad(
        lambda x: (x * 2, (x * x).sum()))(Tensor([1.0, 2.0]))
    assert all(v._record is None for v in value)


def test_an_input_returned_as_the_value_holds_no_record():
    """fn may return its own input; afterwards it is an ordinary Tensor
    again, so writing into it is allowed."""
    value, grads = ms.value_and_grad(lambda a: a)(Tensor([1.0, 2.0]))
    assert value._record is None and grads.tolist() == [1.0, 1.0]
    (same, total), _ = ms.value_and_grad(
        lambda a: (a, (a * a).sum()))(Tensor([1.0, 2.0]))
    assert same._record is None and total._record is None
    same[0] = 5.0
    assert same.tolist() == [5.0, 2.0]


def test_grad_has_aux_returns_aux_without_graph():
    refs = []

    def fn(x):
        h = x * 2
        refs.append(weakref.ref(h))
        return (h * h).sum(), h * 3

    grads, (aux,) = ms.grad(fn, has_aux=True)(Tensor([1.0, 2.0]))
    gc.collect()
    assert aux._record is None and grads._record is None
    assert refs[0]() is None


def test_inputs_and_weights_are_untouched_after_the_call():
    class Scale(nn.Cell):
        def __init__(self):
            super().__init__()
            self.s = Parameter(Tensor([2.0]), name="s")

        def construct(self, a):
            return (a * self.s).sum()

    net, x = Scale(), Tensor([1.0, 2.0])
    ms.grad(net, 0, net.trainable_params())(x)
    assert x._record is None and net.s._record is None
    assert x.tolist() == [1.0, 2.0]


def test_the_first_order_backward_records_nothing():
    x, w = Tensor([1.0, 2.0]), Parameter(Tensor([3.0, 4.0]), name="w")

    def fn(a):
        return (ops.sin(a * w) * a).sum()

    dx, dw = ms.grad(fn, 0, w)(x)
    assert dx._record is None and dw._record is None
    value, (dx, dw) = ms.value_and_grad(fn, 0, w)(x)
    assert value._record is None
    assert dx._record is None and dw._record is None
    _, vjp_fn = ms.vjp(lambda a: ops.sin(a) * a, x)
    (dx,) = vjp_fn(Tensor([1.0, 1.0]))
    assert dx._record is None


def test_a_second_order_result_holds_no_graph():
    second = ms.grad(ms.grad(lambda a: (a ** 3).sum()))(Tensor([2.0]))
    assert second._record is None and second.tolist() == [12.0]


# --- nothing is recorded outside a transform ---------------------------------

def test_plain_operations_record_nothing():
    x = Tensor([[1.0, 2.0], [3.0, 4.0]])
    w = Parameter(Tensor([[0.5], [1.5]]), name="w")
    results = [x * 2, x + x, ops.sin(x), ops.matmul(x, w), x.sum(),
               x[0], x.reshape(4), ops.softmax(x), -x, x @ w, x.mean(0),
               ops.stop_gradient(x), x.T, ops.exp(x).log()]
    assert all(r._record is None for r in results)
    assert x._record is None and w._record is None


def test_nothing_is_recorded_after_a_transform_ends():
    x = Tensor([1.0, 2.0])
    ms.grad(lambda a: (a * a).sum())(x)
    assert (x * 2)._record is None


def test_nothing_is_recorded_after_fn_raises_inside_a_transform():
    x = Tensor([1.0, 2.0])

    def broken(a):
        (a * 2).sum()
        raise KeyError("a learner's bug")

    with pytest.raises(KeyError):
        ms.grad(broken)(x)
    assert (x * 2)._record is None and x._record is None


# --- determinism -------------------------------------------------------------

def fan_out(x, w):
    """Many paths from x and w to the loss, so every gradient is a sum
    of many float32 terms whose order changes the last bits."""
    total = x * 0.0
    for k in range(1, 60):
        branch = ops.sin(x * (0.37 * k)) * ops.cos(w * (0.11 * k))
        total = total + branch * x + branch / (k + w * w)
    return (total * total).sum() + (x * w).sum() * 1e-3


def fan_out_grads():
    x = Tensor(np.linspace(-1.0, 1.0, 7).astype(np.float32))
    w = Tensor(np.linspace(0.5, 2.0, 7).astype(np.float32))
    return ms.grad(fan_out, (0, 1))(x, w)


def test_the_same_graph_twice_gives_bit_identical_gradients():
    first = fan_out_grads()
    junk = [Tensor(np.ones(k + 1)) for k in range(200)]   # shift ids
    second = fan_out_grads()
    del junk
    third = fan_out_grads()
    for a, b, c in zip(first, second, third):
        assert a.dtype is ms.float32
        assert np.array_equal(a.asnumpy(), b.asnumpy())
        assert np.array_equal(a.asnumpy(), c.asnumpy())
        assert a.asnumpy().tobytes() == c.asnumpy().tobytes()


HASH_SEED_SCRIPT = """
import numpy as np
import mindgrad as ms
from mindgrad import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        for name in ("alpha", "beta", "gamma", "delta"):
            setattr(self, name, Parameter(Tensor(
                np.linspace(0.5, 1.5, 5).astype(np.float32)), name=name))

    def construct(self, x):
        total = x * 0.0
        for k, p in enumerate(self.trainable_params()):
            for j in range(1, 20):
                total = total + ops.sin(x * p * (0.3 * j)) * (k + 1)
        return (total * total).sum()


net = Net()
x = Tensor(np.linspace(-1.0, 1.0, 5).astype(np.float32))
dx, dws = ms.grad(net, 0, net.trainable_params())(x)
print(dx.asnumpy().tobytes().hex())
for dw in dws:
    print(dw.asnumpy().tobytes().hex())
"""


def run_with_hash_seed(seed):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = seed
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + [p for p in [env.get("PYTHONPATH")] if p])
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(HASH_SEED_SCRIPT)],
        capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_gradients_do_not_depend_on_pythonhashseed():
    first = run_with_hash_seed("0")
    second = run_with_hash_seed("4242")
    assert len(first.split()) == 5
    assert first == second


# --- nested transforms keep their perturbations apart ------------------------

def test_inner_grad_closing_over_the_outer_input():
    """d/dx [x · d/dy (x·y)] = d/dx [x · x] = 2x (a confused engine, which
    mixes up the two perturbations, gets x)."""
    def outer(x):
        inner = ms.grad(lambda y: x * y)(Tensor(4.0))
        return x * inner

    assert ms.grad(outer)(Tensor(3.0)).item() == 6.0


def test_siskind_pearlmutter_perturbation_confusion():
    """d/dx [x · d/dy (x + y) at y = 1] = d/dx [x · 1] = 1, not 2."""
    def outer(x):
        return x * ms.grad(lambda y: x + y)(Tensor(1.0))

    assert ms.grad(outer)(Tensor(1.0)).item() == 1.0


def test_inner_grad_taken_at_the_outer_input_itself():
    """d/dx [d/dy (x·y) at y = x] = d/dx [x] = 1: the inner y is a fresh
    variable even though it is passed the outer x."""
    def outer(x):
        return ms.grad(lambda y: x * y)(x)

    assert ms.grad(outer)(Tensor(3.0)).item() == 1.0


def test_inner_grad_of_a_nonlinear_closure():
    """d/dx [d/dy sin(x·y) at y = 1] = d/dx [x cos x] = cos x − x sin x."""
    def outer(x):
        return ms.grad(lambda y: ops.sin(x * y))(Tensor(1.0))

    x = 0.5
    expected = np.cos(x) - x * np.sin(x)
    np.testing.assert_allclose(ms.grad(outer)(Tensor(x)).item(), expected,
                               rtol=1e-6)


def test_inner_grad_with_respect_to_a_weight_under_an_outer_grad():
    """d/dx [d/dw (w·x²)] = d/dx [x²] = 2x, with w a Parameter."""
    w = Parameter(Tensor(5.0), name="w")

    def outer(x):
        return ms.grad(lambda a: w * a * a, None, w)(x)

    assert ms.grad(outer)(Tensor(3.0)).item() == 6.0


def test_three_nested_levels_each_differentiate_their_own_variable():
    """d/dx d/dy d/dz (x·y·z²) at z = x: the innermost gives 2xyz, at
    z = x that is 2x²y; d/dy → 2x²; d/dx → 4x."""
    def level2(x, y):
        return ms.grad(lambda z: x * y * z * z)(x)

    def level1(x):
        return ms.grad(lambda y: level2(x, y))(Tensor(7.0))

    assert ms.grad(level1)(Tensor(3.0)).item() == 12.0


def test_the_same_weight_differentiated_at_both_levels():
    """d/dw [d/dw (w³x)] = 6wx: both levels ask for the same Parameter."""
    w = Parameter(Tensor(2.0), name="w")
    inner = ms.grad(lambda a: w * w * w * a, None, w)
    assert ms.grad(lambda a: inner(a), None, w)(Tensor(1.0)).item() == 12.0
    assert ms.grad(lambda a: inner(a))(Tensor(1.0)).item() == 12.0
    assert w._record is None


def test_value_and_grad_and_vjp_nest_under_grad():
    def through_value_and_grad(a):
        return ms.value_and_grad(lambda b: b ** 3)(a)[1]

    def through_vjp(a):
        _, vjp_fn = ms.vjp(lambda b: b ** 3, a)
        return vjp_fn(Tensor(1.0))[0]

    assert ms.grad(through_value_and_grad)(Tensor(2.0)).item() == 12.0
    assert ms.grad(through_vjp)(Tensor(2.0)).item() == 12.0

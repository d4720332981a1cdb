"""Tests of mindgrad.testing: the gradient checker must be able to fail.

A checker that passes everything proves nothing, so the central tests
here define primitives with deliberately wrong VJP rules and require
``check_grads`` to reject them, including a wrong rule that an all-ones
cotangent (minitorch's ``grad_check``) lets through.
"""
import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, Tensor, ops, testing
from mindgrad.primitives.core import primitive


# --- primitives with wrong rules ---------------------------------------------


@primitive
def _matmul_transposed_vjp(x, y):
    return x @ y


# wrong on purpose: dA = dC B (should be dC Bᵀ), dB = A dC (should be
# Aᵀ dC). For square matrices the shapes still fit, so only the values
# can tell.
_matmul_transposed_vjp.defvjp(lambda x, y, out, dout: dout @ y,
                              lambda x, y, out, dout: x @ dout)


@primitive
def _cube_missing_factor(x):
    return x ** 3


# wrong on purpose: d(x³) = 3x² dx, the 3 is missing
_cube_missing_factor.defvjp(lambda x, out, dout: dout * x * x)


@primitive
def _permute_wrong_inverse(x, axes):
    return np.transpose(x, axes)


# wrong on purpose: undoes the permutation with the permutation itself
# instead of its inverse. On a cube the shape fits, and an all-ones
# cotangent comes back as all ones either way.
_permute_wrong_inverse.defvjp(
    lambda x, out, dout, axes: np.transpose(dout, axes))


@primitive
def _cube(x):
    return x ** 3


_cube.defvjp(lambda x, out, dout: dout * 3 * x * x)      # right


def _matrices(seed=0):
    rng = np.random.default_rng(seed)
    return Tensor(rng.standard_normal((3, 3))), Tensor(
        rng.standard_normal((3, 3)))


# --- check_grads -------------------------------------------------------------


def test_check_grads_passes_for_correct_rules():
    x, y = _matrices()
    testing.check_grads(ops.matmul, x, y)
    testing.check_grads(_cube, x)
    testing.check_grads(lambda a, b: (ops.sin(a) * b, ops.exp(b)), x, y)


def test_check_grads_rejects_a_transposed_matmul_vjp():
    x, y = _matrices()
    with pytest.raises(AssertionError, match="check_grads"):
        testing.check_grads(_matmul_transposed_vjp, x, y)


def test_check_grads_rejects_a_vjp_missing_a_factor():
    # d(x³)/dx at 0.5 is 0.75; the wrong rule gives 0.25 times u there
    with pytest.raises(AssertionError,
                       match=r"argument 0, index \(0,\): reverse mode"):
        testing.check_grads(_cube_missing_factor, Tensor([0.5, -1.5, 2.0]))


def test_check_grads_names_the_argument_that_is_wrong():
    x = Tensor([0.5, 1.0])
    with pytest.raises(AssertionError, match="argument 1, index"):
        testing.check_grads(lambda a, b: _cube(a) + _cube_missing_factor(b),
                            x, x * 2.0)


def test_check_vjp_random_cotangent_catches_what_ones_let_through():
    x = Tensor(np.random.default_rng(1).standard_normal((2, 2, 2)))

    def fn(t):
        return _permute_wrong_inverse(t, axes=(1, 2, 0))

    assert testing.check_vjp(fn, x, cotangent="ones") is True
    assert testing.check_vjp(fn, x) is False
    assert testing.check_vjp(lambda t: ops.transpose(t, (1, 2, 0)), x)
    with pytest.raises(ValueError, match="cotangent"):
        testing.check_vjp(fn, x, cotangent="zeros")


def test_check_grads_rejects_a_wrong_vjp_that_an_all_ones_cotangent_passes():
    axes = (1, 2, 0)
    x = Tensor(np.random.default_rng(1).standard_normal((2, 2, 2)))

    def fn(t):
        return _permute_wrong_inverse(t, axes=axes)

    # seeded with ones (the sum rule), the wrong rule gives the right
    # answer, ones, so a checker using that seed would be fooled ...
    np.testing.assert_array_equal(ms.grad(fn)(x).asnumpy(),
                                  np.ones((2, 2, 2)))
    # ... while a random cotangent exposes it
    with pytest.raises(AssertionError):
        testing.check_grads(fn, x)
    testing.check_grads(lambda t: ops.transpose(t, axes), x)


def test_check_grads_checks_every_float_argument_and_skips_ints():
    x, _ = _matrices()
    labels = Tensor(np.array([0, 2, 1]), ms.int32)
    testing.check_grads(ops.cross_entropy, x, labels)
    with pytest.raises(AssertionError):    # the wrong rule is the 2nd input
        testing.check_grads(lambda a, b: _cube(a) + _cube_missing_factor(b),
                            x, x * 2.0)


def test_check_grads_falls_back_to_float32_when_float64_is_rejected():
    # matmul refuses to mix dtypes, so with a float32 Parameter inside the
    # function the check cannot widen x to float64
    w = Parameter(Tensor(np.arange(6.0).reshape(3, 2) / 4, ms.float32),
                  name="w")
    seen = []

    def fn(x):
        seen.append(x.dtype)
        return ops.tanh(ops.matmul(x, w))

    x = Tensor(np.array([[0.3, -0.2, 0.5]]), ms.float32)
    testing.check_grads(fn, x)
    assert seen[0] is ms.float64 and set(seen[1:]) == {ms.float32}

    def wrong(x):
        return _cube_missing_factor(ops.matmul(x, w))

    with pytest.raises(AssertionError, match="rtol=0.01"):
        testing.check_grads(wrong, x)


# --- numerical_grad ----------------------------------------------------------


def test_numerical_grad_of_a_known_function():
    # f(x, y) = Σ x² y: ∂f/∂x = 2xy, ∂f/∂y = x²
    x = Tensor([1.0, -2.0, 3.0])
    y = Tensor([0.5, 4.0, -1.0])
    dx, dy = testing.numerical_grad(lambda a, b: a * a * b, x, y)
    assert dx.dtype is ms.float64 and dx.shape == (3,)
    np.testing.assert_allclose(dx.asnumpy(), [1.0, -16.0, -6.0], rtol=1e-7)
    np.testing.assert_allclose(dy.asnumpy(), [1.0, 4.0, 9.0], rtol=1e-7)


def test_numerical_grad_sums_tuple_outputs_and_skips_int_arguments():
    x = Tensor([[1.0, 2.0]])
    n = Tensor([3])
    grads = testing.numerical_grad(lambda a, k: (a * k, ops.sin(a)), x, n)
    assert len(grads) == 1                   # no gradient for the int
    np.testing.assert_allclose(grads[0].asnumpy(),
                               [[3 + np.cos(1.0), 3 + np.cos(2.0)]],
                               rtol=1e-7)


def test_numerical_grad_agrees_with_grad():
    x = Tensor(np.random.default_rng(2).standard_normal((2, 3)))
    fn = lambda t: ops.softmax(t) * ops.log_softmax(t, 0)  # noqa: E731
    np.testing.assert_allclose(testing.numerical_grad(fn, x)[0].asnumpy(),
                               ms.grad(fn)(x).asnumpy(), rtol=1e-6,
                               atol=1e-8)


# --- report_close ------------------------------------------------------------


def test_report_close_prints_ok_within_tolerance(capsys):
    testing.report_close("dx", Tensor([1.0, 2.0]), [1.0000001, 2.0])
    testing.report_close("loss", 1.3423151, Tensor(1.3423151))
    assert capsys.readouterr().out == "dx: OK\nloss: OK\n"


def test_report_close_prints_mismatch_and_never_the_difference(capsys):
    # seed 003's MindSpore gradient against a value off in the 5th digit
    testing.report_close("dL/dw vs seed 003", Tensor([3.26189250e-01]),
                         [3.26199250e-01])
    assert capsys.readouterr().out == "dL/dw vs seed 003: MISMATCH\n"


def test_report_close_uses_the_given_tolerance(capsys):
    testing.report_close("loose", Tensor([1.0]), [1.001], rtol=1e-2)
    testing.report_close("strict", Tensor([1.0]), [1.001])
    assert capsys.readouterr().out == "loose: OK\nstrict: MISMATCH\n"

"""The autodiff transforms behave as in MindSpore 2.10 (api.md 2 and 9).

``grad``, ``value_and_grad``, ``GradOperation`` and ``vjp``: argument
validation, return structures, the sum rule, ``has_aux``, ``sens_param``,
special inputs, non-Tensor outputs, higher order, and the learner errors
of api.md 9. Expected values are MindSpore 2.10's own output; tests of a
deliberate mindgrad difference ([D] in api.md) say so in their docstring.
"""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, ParameterTuple, Tensor, nn, ops
from mindgrad.primitives.core import primitive

ROOT = Path(__file__).resolve().parent.parent
TRANSFORMS = [ms.grad, ms.value_and_grad]


def assert_close(actual, expected):
    """Compare with api.md 0's tolerance, MindSpore's float32 kernels
    differing from NumPy's in the last digit or two."""
    if isinstance(actual, Tensor):
        actual = actual.asnumpy()
    np.testing.assert_allclose(actual, expected, rtol=1e-6, atol=1e-7)


def assert_tensor(actual, expected, dtype=ms.float32):
    """A plain Tensor (never a tuple) with these values and dtype."""
    assert isinstance(actual, Tensor), type(actual)
    assert actual.dtype is dtype
    assert_close(actual, expected)


def assert_tensors(actual, expected, dtype=ms.float32):
    """A tuple of Tensors (exactly a tuple, of this length)."""
    assert type(actual) is tuple, type(actual)
    assert len(actual) == len(expected)
    for tensor, values in zip(actual, expected):
        assert_tensor(tensor, values, dtype)


def run_python(code):
    """Run ``code`` in a fresh interpreter, for process-wide state such as
    one-time warnings, and return its stdout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + [p for p in [env.get("PYTHONPATH")] if p])
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                          capture_output=True, text=True, env=env,
                          cwd=str(ROOT), timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def f(x, y):
    return (x * x * y).sum()


def x_and_y():
    return Tensor([1.0, 2.0]), Tensor([3.0, 4.0])


class Net(nn.Cell):
    """api.md 2.3's Cell: own w and b, and an unused u."""

    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([2.0, 3.0]), name="w")
        self.b = Parameter(Tensor([1.0]), name="b")
        self.u = Parameter(Tensor([5.0]), name="u")  # unused on purpose

    def construct(self, x):
        return (x * self.w + self.b).sum()


NET_X = [1.0, 4.0]
DW, DB, DU, DX = [1.0, 4.0], [2.0], [0.0], [2.0, 3.0]


# --- 2.1 signatures and calling ----------------------------------------------

def test_keyword_argument_binds_to_its_position():
    x, _ = x_and_y()
    assert_tensor(ms.grad(f, 1)(x, y=Tensor([5.0, 6.0])), [1.0, 4.0])
    assert_tensor(ms.grad(f, 0)(x, y=Tensor([5.0, 6.0])), [10.0, 24.0])


def test_keyword_argument_binds_to_its_position_for_a_cell():
    class Scale(nn.Cell):
        def construct(self, a, b):
            return (a * b).sum()

    grads = ms.grad(Scale(), 1)(Tensor([2.0, 3.0]), b=Tensor([1.0, 1.0]))
    assert_tensor(grads, [2.0, 3.0])


def test_fn_is_rerun_on_every_call():
    calls = []

    def counted(a):
        calls.append(1)
        return (a ** 3).sum()

    grad_fn = ms.grad(counted)
    assert_tensor(grad_fn(Tensor([1.0, 2.0])), [3.0, 12.0])
    assert_tensor(grad_fn(Tensor([3.0])), [27.0])
    assert len(calls) == 2


def test_grad_and_value_and_grad_are_also_in_ops():
    assert ops.grad is ms.grad and ops.value_and_grad is ms.value_and_grad
    x, y = x_and_y()
    assert_tensor(ops.grad(f)(x, y), [6.0, 16.0])


def test_matrix_input_gets_a_matrix_gradient():
    m = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    grads = ms.grad(lambda a: (a * a).mean())(m)
    assert grads.shape == (2, 3)
    assert_close(grads, np.arange(6).reshape(2, 3) / 3)


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_return_ids_true_raises_not_implemented_at_creation(transform):
    with pytest.raises(NotImplementedError, match="return_ids"):
        transform(f, return_ids=True)


# --- 2.2 validation ----------------------------------------------------------

@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("position", [[0, 1], 1.0, "0", (0, 1.0)],
                         ids=["list", "float", "str", "float-in-tuple"])
def test_bad_grad_position_type_raises_type_error_at_creation(
        transform, position):
    with pytest.raises(TypeError, match="grad_position"):
        transform(f, position)


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("position", [-1, (0, 0), (1, -2)],
                         ids=["negative", "duplicate", "negative-in-tuple"])
def test_negative_or_duplicate_position_raises_value_error_at_creation(
        transform, position):
    with pytest.raises(ValueError, match="grad_position"):
        transform(f, position)


def test_bool_position_element_counts_as_an_int():
    x, y = x_and_y()
    dy, dx = ms.grad(f, (True, 0))(x, y)
    assert_tensor(dy, [1.0, 4.0])
    assert_tensor(dx, [6.0, 16.0])


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_empty_grad_position_raises_runtime_error_at_creation(transform):
    """[D] MindSpore raises at the call; mindgrad at creation."""
    with pytest.raises(RuntimeError, match="grad_position"):
        transform(f, ())


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_no_position_and_no_weights_raises_value_error_at_creation(
        transform):
    with pytest.raises(ValueError, match="weights"):
        transform(f, None)
    with pytest.raises(ValueError, match="weights"):
        transform(f, grad_position=None, weights=None)


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("flag", ["has_aux", "return_ids", "sens_param"])
@pytest.mark.parametrize("value", [1, "no", None])
def test_non_bool_flag_raises_type_error_at_creation(transform, flag,
                                                      value):
    with pytest.raises(TypeError, match=flag):
        transform(f, **{flag: value})


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("weights", [3, "w", [Tensor([1.0]), 3]],
                         ids=["int", "str", "list-with-int"])
def test_weights_of_wrong_type_raise_type_error_at_creation(transform,
                                                            weights):
    """[D] MindSpore raises at the call; mindgrad at creation."""
    with pytest.raises(TypeError, match="weights"):
        transform(f, 0, weights)


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_fn_not_callable_raises_type_error_at_creation(transform):
    """[D] MindSpore raises at the call; mindgrad at creation."""
    with pytest.raises(TypeError, match="callable"):
        transform(3)


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("position", [5, (0, 5)])
def test_position_past_the_arguments_raises_runtime_error_at_call(
        transform, position):
    x, y = x_and_y()
    grad_fn = transform(f, position)         # creation is fine
    with pytest.raises(RuntimeError) as info:
        grad_fn(x, y)
    message = str(info.value)
    assert "Position index 5 is exceed input size" in message
    assert "2" in message.split("exceed input size")[1]   # f got 2 args


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("fn", [
    lambda a, b: a * b,
    lambda a, b: (a * b,),
    lambda a, b: [(a * b).sum(), a],
], ids=["tensor", "1-tuple", "list"])
def test_has_aux_without_a_tuple_of_two_raises_value_error_at_call(
        transform, fn):
    x, y = x_and_y()
    grad_fn = transform(fn, has_aux=True)
    with pytest.raises(ValueError, match="has_aux"):
        grad_fn(x, y)


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_has_aux_with_a_number_as_aux_raises_runtime_error_at_call(
        transform):
    x, y = x_and_y()
    grad_fn = transform(lambda a, b: ((a * b).sum(), 2.0), has_aux=True)
    with pytest.raises(RuntimeError, match="aux"):
        grad_fn(x, y)


# --- 2.3 return structure: inputs (rule A) -----------------------------------

def test_default_position_is_the_first_argument():
    x, y = x_and_y()
    assert_tensor(ms.grad(f)(x, y), [6.0, 16.0])


@pytest.mark.parametrize("position", [1, (1,)], ids=["int", "1-tuple"])
def test_one_position_gives_a_bare_tensor(position):
    x, y = x_and_y()
    assert_tensor(ms.grad(f, position)(x, y), [1.0, 4.0])


def test_several_positions_give_a_tuple_in_position_order():
    x, y = x_and_y()
    assert_tensors(ms.grad(f, (1, 0))(x, y), [[1.0, 4.0], [6.0, 16.0]])
    assert_tensors(ms.grad(f, (0, 1))(x, y), [[6.0, 16.0], [1.0, 4.0]])


def test_value_and_grad_returns_value_then_gradients():
    x, y = x_and_y()
    value, grads = ms.value_and_grad(f, (0, 1))(x, y)
    assert_tensor(value, 19.0)
    assert value.shape == ()
    assert_tensors(grads, [[6.0, 16.0], [1.0, 4.0]])


@pytest.mark.filterwarnings("ignore::UserWarning")  # tested apart
def test_a_python_scalar_position_is_skipped():
    grads = ms.grad(lambda a, b: a * b, (0, 1))(2.0, Tensor(3.0))
    assert_tensor(grads, 2.0)


@pytest.mark.filterwarnings("ignore::UserWarning")  # tested apart
def test_a_numpy_or_tuple_position_is_skipped():
    x, y = x_and_y()
    grads = ms.grad(lambda a, b: (b * b).sum(), (0, 1))(np.ones(2), y)
    assert_tensor(grads, [6.0, 8.0])
    grads = ms.grad(lambda a, b: (a[0] * b).sum(), (0, 1))((x,), y)
    assert_tensor(grads, [1.0, 2.0])


@pytest.mark.filterwarnings("ignore::UserWarning")  # tested apart
def test_no_tensor_position_gives_an_empty_tuple():
    """api.md 2.3: ``grad(lambda x, y: x*y)(1, 2)`` (or NumPy arguments)
    gives ``()``: there is nothing to differentiate, so no gradient is
    silently zero."""
    assert ms.grad(lambda a, b: a * b)(1, 2) == ()
    assert ms.grad(lambda a, b: a * b)(np.ones(2), np.ones(2)) == ()


def test_skipped_positions_warn_once_naming_them():
    """[D] mindgrad warns once, naming the skipped positions."""
    output = run_python("""
        import warnings
        import mindgrad as ms
        from mindgrad import Tensor
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(3):
                ms.grad(lambda a, b, c, d: a * b * c * d, (0, 1, 2, 3))(
                    Tensor(2.0), Tensor(3.0), 4.0, 5.0)
        print(len(caught))
        print(caught[0].category.__name__)
        print(caught[0].message)
    """).splitlines()
    assert output[0] == "1" and output[1] == "UserWarning"
    message = output[2]
    assert "position" in message and "2" in message and "3" in message


# --- 2.3 return structure: weights (rules B and C) ---------------------------

def test_all_trainable_params_give_a_tuple_with_zeros_for_unused():
    net = Net()
    grads = ms.grad(net, None, net.trainable_params())(Tensor(NET_X))
    assert_tensors(grads, [DW, DB, DU])


@pytest.mark.parametrize("container", [list, tuple, ParameterTuple])
def test_a_weights_container_gives_a_tuple_in_its_order(container):
    net = Net()
    grads = ms.grad(net, None, container([net.b, net.w]))(Tensor(NET_X))
    assert_tensors(grads, [DB, DW])


def test_a_one_element_list_gives_a_one_tuple():
    net = Net()
    assert_tensors(ms.grad(net, None, [net.w])(Tensor(NET_X)), [DW])


def test_a_single_parameter_gives_a_bare_tensor():
    net = Net()
    assert_tensor(ms.grad(net, None, net.w)(Tensor(NET_X)), DW)


def test_an_empty_weights_list_gives_an_empty_tuple():
    net = Net()
    assert ms.grad(net, None, [])(Tensor(NET_X)) == ()


def test_inputs_and_weights_give_a_pair():
    net = Net()
    dx, dweights = ms.grad(net, 0, net.trainable_params())(Tensor(NET_X))
    assert_tensor(dx, DX)
    assert_tensors(dweights, [DW, DB, DU])
    dx, db = ms.grad(net, 0, net.b)(Tensor(NET_X))
    assert_tensor(dx, DX)
    assert_tensor(db, DB)


def test_weights_keyword_keeps_the_default_position():
    net = Net()
    dx, dw = ms.grad(net, weights=net.w)(Tensor(NET_X))
    assert_tensor(dx, DX)
    assert_tensor(dw, DW)


def test_value_and_grad_with_weights():
    net = Net()
    value, grads = ms.value_and_grad(net, None, net.trainable_params())(
        Tensor(NET_X))
    assert_tensor(value, 16.0)
    assert_tensors(grads, [DW, DB, DU])
    value, (dx, dw) = ms.value_and_grad(net, 0, net.w)(Tensor(NET_X))
    assert_tensor(value, 16.0)
    assert_tensor(dx, DX)
    assert_tensor(dw, DW)


def test_a_function_calling_a_cell_differentiates_its_weights():
    net = Net()

    def forward(inputs):
        return net(inputs) * 2

    loss, grads = ms.value_and_grad(forward, None,
                                    weights=net.trainable_params())(
        Tensor(NET_X))
    assert_tensor(loss, 32.0)
    assert_tensors(grads, [[2.0, 8.0], [4.0], [0.0]])


def test_weights_are_restored_after_the_call():
    net = Net()
    ms.grad(net, 0, net.trainable_params())(Tensor(NET_X))
    for param in net.trainable_params():
        assert param._record is None
    assert net.w.tolist() == [2.0, 3.0]


# --- 2.4 sum rule ------------------------------------------------------------

def test_tuple_output_gives_the_gradient_of_the_sum():
    grads = ms.grad(lambda a, b: (a ** 2 + b, a), (0, 1))(Tensor(1.0),
                                                          Tensor(2.0))
    assert_tensors(grads, [3.0, 1.0])


@pytest.mark.parametrize("fn, x, expected", [
    (lambda a: a * Tensor([1.0, 2.0, 3.0]), Tensor(2.0), 6.0),
    (lambda a: [a * 2, a * 3], Tensor([1.0, 1.0]), [5.0, 5.0]),
    (lambda a: (a, (a * 2, a * 3)), Tensor([1.0]), [6.0]),
    (lambda a: (a * 2, 5.0), Tensor([1.0, 2.0]), [2.0, 2.0]),
], ids=["non-scalar", "list", "nested", "number-adds-nothing"])
def test_every_output_element_is_seeded_with_one(fn, x, expected):
    assert_tensor(ms.grad(fn)(x), expected)


@pytest.mark.filterwarnings("ignore::UserWarning")  # tested apart
def test_an_unused_input_gets_zeros_of_its_shape_and_dtype():
    x = Tensor([1.0, 2.0])
    dx, dz = ms.grad(lambda a, b: (a * 2).sum(), (0, 1))(
        x, Tensor([1.0, 2.0, 3.0]))
    assert_tensor(dx, [2.0, 2.0])
    assert_tensor(dz, [0.0, 0.0, 0.0])
    dx, di = ms.grad(lambda a, b: (a * 2).sum(), (0, 1))(x, Tensor([1, 2]))
    assert_tensor(di, [0, 0], ms.int64)


@pytest.mark.parametrize("fn", [
    lambda a: Tensor([1.0]),
    lambda a: (a > 1).sum(),
    lambda a: a.argmax(),
], ids=["constant", "comparison", "argmax"])
def test_an_output_that_does_not_depend_on_the_input_gives_zeros(fn):
    assert_tensor(ms.grad(fn)(Tensor([1.0, 2.0])), [0.0, 0.0])


def test_a_weight_returned_as_the_output_gets_ones():
    w = Parameter(Tensor([2.0]), name="w")
    assert_tensor(ms.grad(lambda a: w, None, w)(Tensor([1.0, 2.0])), [1.0])


def test_value_and_grad_value_is_the_whole_output():
    x = Tensor([1.0, 2.0])
    (doubled, total), grads = ms.value_and_grad(
        lambda a: (a * 2, a.sum()))(x)
    assert_tensor(doubled, [2.0, 4.0])
    assert_tensor(total, 3.0)
    assert_tensor(grads, [3.0, 3.0])


def test_matmul_and_softmax_sum_rule():
    m = Tensor([[1.0, 2.0], [3.0, 4.0]])
    assert_tensor(ms.grad(lambda a: ops.matmul(a, a))(m),
                  [[7.0, 11.0], [9.0, 13.0]])
    assert_tensor(ms.grad(lambda a: ops.softmax(a))(m), np.zeros((2, 2)))


# --- 2.5 has_aux -------------------------------------------------------------

def g(a, b):
    return (a * b).sum(), a * 2


def three(a, b):
    return (a * b).sum(), a * 2, (b, b * 3)


def test_has_aux_grad_returns_gradients_and_the_aux_tuple():
    x, y = x_and_y()
    grads, aux = ms.grad(g, 0, None, True)(x, y)
    assert_tensor(grads, [3.0, 4.0])
    assert type(aux) is tuple and len(aux) == 1
    assert_tensor(aux[0], [2.0, 4.0])
    grads, (aux,) = ms.grad(g, (0, 1), has_aux=True)(x, y)
    assert_tensors(grads, [[3.0, 4.0], [1.0, 2.0]])
    assert_tensor(aux, [2.0, 4.0])


def test_has_aux_keeps_nested_aux():
    x, y = x_and_y()
    grads, aux = ms.grad(three, 1, has_aux=True)(x, y)
    assert_tensor(grads, [1.0, 2.0])
    assert type(aux) is tuple and len(aux) == 2
    assert_tensor(aux[0], [2.0, 4.0])
    assert_tensors(aux[1], [[3.0, 4.0], [9.0, 12.0]])


def test_has_aux_value_and_grad_value_is_the_full_output():
    x, y = x_and_y()
    (loss, logits), grads = ms.value_and_grad(g, 0, has_aux=True)(x, y)
    assert_tensor(loss, 11.0)
    assert_tensor(logits, [2.0, 4.0])
    assert_tensor(grads, [3.0, 4.0])
    value, grads = ms.value_and_grad(three, (0, 1), has_aux=True)(x, y)
    assert type(value) is tuple and len(value) == 3
    assert_tensors(value[2], [[3.0, 4.0], [9.0, 12.0]])
    assert_tensors(grads, [[3.0, 4.0], [1.0, 2.0]])


def test_has_aux_differentiates_only_the_first_output():
    x, _ = x_and_y()
    grads, aux = ms.grad(lambda a: (a * a, a), has_aux=True)(x)
    assert_tensor(grads, [2.0, 4.0])
    assert_tensor(aux[0], [1.0, 2.0])
    grads, _ = ms.grad(lambda a: ((a * a, a.sum()), a), has_aux=True)(x)
    assert_tensor(grads, [3.0, 5.0])


def test_has_aux_with_weights_keeps_rules_b_and_c():
    w = Parameter(Tensor([2.0]), name="w")
    x = Tensor([1.0, 2.0])

    def loss_and_aux(a):
        return (a * w).sum(), a * 2

    dw, (aux,) = ms.grad(loss_and_aux, None, w, has_aux=True)(x)
    assert_tensor(dw, [3.0])
    assert_tensor(aux, [2.0, 4.0])
    (loss, aux), (dx, dweights) = ms.value_and_grad(
        loss_and_aux, 0, [w], has_aux=True)(x)
    assert_tensor(loss, 6.0)
    assert_tensor(dx, [2.0, 2.0])
    assert_tensors(dweights, [[3.0]])


def test_without_has_aux_the_value_is_exactly_fns_return():
    x, y = x_and_y()
    value, grads = ms.value_and_grad(g)(x, y)
    assert type(value) is tuple and len(value) == 2
    assert_tensor(grads, [5.0, 6.0])


# --- 2.6 sens_param ----------------------------------------------------------

def double(a):
    return a * 2


def test_sens_replaces_the_ones_seed():
    x, sens = Tensor([1.0, 2.0]), Tensor([0.5, 3.0])
    assert_tensor(ms.grad(double, sens_param=True)(x, sens), [1.0, 6.0])
    assert_tensor(ms.grad(double, sens_param=True)(x, sens=sens),
                  [1.0, 6.0])
    value, grads = ms.value_and_grad(double, sens_param=True)(x, sens)
    assert_tensor(value, [2.0, 4.0])
    assert_tensor(grads, [1.0, 6.0])


def test_sens_for_a_tuple_output_is_a_tuple():
    x = Tensor([1.0, 2.0])
    sens = (Tensor([1.0, 1.0]), Tensor([10.0, 10.0]))
    grads = ms.grad(lambda a: (a * 2, a * 3), sens_param=True)(x, sens)
    assert_tensor(grads, [32.0, 32.0])


def test_sens_with_several_positions_and_matrices():
    x, y = Tensor([1.0, 2.0]), Tensor([3.0, 4.0])
    grads = ms.grad(lambda a, b: a * b, (0, 1), sens_param=True)(
        x, y, Tensor([1.0, -1.0]))
    assert_tensors(grads, [[3.0, -4.0], [1.0, -2.0]])
    m = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    v = Tensor(np.full((2, 3), 0.5, np.float32))
    assert_close(ms.grad(lambda a: a * a, sens_param=True)(m, v),
                 np.arange(6).reshape(2, 3))
    assert_close(ms.grad(lambda a: (a * a).sum(), sens_param=True)(
        m, Tensor(2.0)), 4 * np.arange(6).reshape(2, 3))


def test_sens_with_weights():
    w = Parameter(Tensor([2.0]), name="w")
    grads = ms.grad(lambda a: a * w, None, w, sens_param=True)(
        Tensor([1.0, 2.0]), Tensor([1.0, 1.0]))
    assert_tensor(grads, [3.0])


def test_sens_of_the_wrong_shape_raises_value_error_with_both_shapes():
    with pytest.raises(ValueError) as info:
        ms.grad(double, sens_param=True)(Tensor([1.0, 2.0]),
                                         Tensor([1.0, 2.0, 3.0]))
    assert "(3,)" in str(info.value) and "(2,)" in str(info.value)


def test_sens_of_the_wrong_dtype_raises_type_error_with_both_dtypes():
    with pytest.raises(TypeError) as info:
        ms.grad(double, sens_param=True)(Tensor([1.0, 2.0], ms.float64),
                                         Tensor([0.5, 3.0]))
    assert "Float32" in str(info.value) and "Float64" in str(info.value)


@pytest.mark.parametrize("sens", [Tensor(1.0), 1.0], ids=["0-d", "float"])
def test_scalar_sens_for_a_non_scalar_output_raises_runtime_error(sens):
    with pytest.raises(RuntimeError, match="sens"):
        ms.grad(double, sens_param=True)(Tensor([1.0, 2.0]), sens)


def test_tuple_output_with_a_non_tuple_sens_raises_runtime_error():
    with pytest.raises(RuntimeError, match="sens"):
        ms.grad(lambda a: (a * 2, a * 3), sens_param=True)(
            Tensor([1.0, 2.0]), Tensor([1.0, 1.0]))


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_missing_sens_raises_pythons_type_error(transform):
    """fn is short an argument once the last one is taken as the sens."""
    with pytest.raises(TypeError):
        transform(double, sens_param=True)(Tensor([1.0, 2.0]))


# --- 2.7 special inputs ------------------------------------------------------

class FrozenBias(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([2.0, 3.0]), name="w")
        self.b = Parameter(Tensor([1.0]), name="b", requires_grad=False)

    def construct(self, x):
        return (x * self.w + self.b).sum()


def test_a_frozen_parameter_in_weights_gets_zeros():
    net = FrozenBias()
    assert [p.name for p in net.trainable_params()] == ["w"]
    grads = ms.grad(net, None, (net.w, net.b))(Tensor(NET_X))
    assert_tensors(grads, [DW, [0.0]])


def test_a_frozen_parameter_passed_positionally_gets_zeros():
    frozen = Parameter(Tensor([7.0]), name="frozen", requires_grad=False)
    grads = ms.grad(lambda a, p: (a * p).sum(), (0, 1))(Tensor(NET_X),
                                                         frozen)
    assert_tensors(grads, [[7.0, 7.0], [0.0]])


@pytest.mark.parametrize("fn, expected", [
    (lambda a: (a * a).sum(), [2, 4]),
    (lambda a: (a * 0.5).sum(), [0, 0]),
    (lambda a: (a * Tensor([0.5, 1.5])).sum(), [0, 1]),
], ids=["x*x", "x*0.5", "x*[.5,1.5]"])
@pytest.mark.filterwarnings("ignore::UserWarning")  # tested apart
def test_int32_input_gets_a_truncated_int32_gradient(fn, expected):
    grads = ms.grad(fn)(Tensor([1, 2], ms.int32))
    assert grads.dtype is ms.int32
    assert grads.tolist() == expected


@pytest.mark.filterwarnings("ignore::UserWarning")  # tested apart
def test_bool_input_gets_a_bool_gradient():
    grads = ms.grad(lambda a: (a * 2.0).sum())(Tensor([True, False]))
    assert grads.dtype is ms.bool_
    assert grads.tolist() == [True, True]


def test_int_and_bool_inputs_warn_once():
    """[D] mindgrad adds a one-time UserWarning about the truncation."""
    output = run_python("""
        import warnings
        import mindgrad as ms
        from mindgrad import Tensor
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(3):
                ms.grad(lambda a: (a * a).sum())(Tensor([1, 2], ms.int32))
            print(len(caught), caught[0].category.__name__)
            print(caught[0].message)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ms.grad(lambda a: (a * 2.0).sum())(Tensor([True, False]))
            ms.grad(lambda a: (a * a).sum())(Tensor([1.0, 2.0]))
            print(len(caught) <= 1)
    """).splitlines()
    assert output[0] == "1 UserWarning"
    assert "Int32" in output[1]
    assert output[2] == "True"


def test_bool_input_warns_in_a_fresh_process():
    output = run_python("""
        import warnings
        import mindgrad as ms
        from mindgrad import Tensor
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ms.grad(lambda a: (a * 2.0).sum())(Tensor([True, False]))
        print(len(caught), caught[0].category.__name__)
        print(caught[0].message)
    """).splitlines()
    assert output[0] == "1 UserWarning"
    assert "Bool" in output[1]


def test_each_gradient_keeps_its_inputs_dtype():
    w64 = Parameter(Tensor([0.5, 2.0], ms.float64), name="w64")
    dx, dw = ms.grad(lambda a, p: (a * p).sum(), (0, 1))(Tensor(NET_X), w64)
    assert_tensor(dx, [0.5, 2.0], ms.float32)
    assert_tensor(dw, NET_X, ms.float64)


def test_the_same_tensor_at_two_positions_gets_partial_derivatives():
    """[D] MindSpore gives both slots the total derivative 29.6; mindgrad
    gives the partials d(ab²)/da = b² and d(ab²)/db = 2ab."""
    x = Tensor(3.1415926)
    da, db = ms.grad(lambda a, b: a * b * b, (0, 1))(x, x)
    pi = np.float32(3.1415926)
    assert_tensor(da, pi * pi)
    assert_tensor(db, 2 * pi * pi)
    assert_close(da.item(), 9.869604)
    assert_close(db.item(), 19.739208)


# --- 2.8 non-Tensor outputs and stop_gradient --------------------------------

@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("fn, hint", [
    (lambda a: (a * a).sum().asnumpy(), ".asnumpy()"),
    (lambda a: (a * a).sum().item(), ".item()"),
    (lambda a: float((a * a).sum()), ".item()"),
    (lambda a: np.float32(1.0), ".asnumpy()"),
], ids=["asnumpy", "item", "float", "numpy-scalar"])
def test_a_number_or_array_output_raises_type_error_with_a_hint(
        transform, fn, hint):
    """[D] MindSpore silently returns zero gradients."""
    with pytest.raises(TypeError) as info:
        transform(fn)(Tensor([1.0, 2.0]))
    message = str(info.value)
    assert "fn must return a Tensor" in message and hint in message


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("fn", [
    lambda a: None,
    lambda a: {"loss": (a * a).sum(), "sum": a.sum()},
], ids=["None", "dict"])
def test_none_or_dict_output_raises_type_error(transform, fn):
    """[D] MindSpore returns zeros for None and sums a dict's values."""
    with pytest.raises(TypeError, match="fn must return a Tensor"):
        transform(fn)(Tensor([1.0, 2.0]))


def test_a_number_output_raises_even_when_only_frozen_inputs_are_asked():
    """A frozen Parameter is still a Tensor position: .asnumpy() must not
    slip through as silent zeros."""
    frozen = Parameter(Tensor([7.0]), name="frozen", requires_grad=False)
    with pytest.raises(TypeError, match="fn must return a Tensor"):
        ms.grad(lambda p: (p * 2).sum().asnumpy())(frozen)


def test_stop_gradient_of_the_output_gives_zeros():
    grads = ms.grad(lambda a: ops.stop_gradient(a * 2).sum())(
        Tensor([1.0, 2.0]))
    assert_tensor(grads, [0.0, 0.0])


def test_stop_gradient_blocks_one_path_only():
    three_, five = Tensor([3.0]), Tensor([5.0])

    def fn(a, b):
        return a * b + ops.stop_gradient(a * b)

    assert_tensor(ms.grad(fn)(three_, five), [5.0])
    assert_tensor(ms.grad(fn, 1)(three_, five), [3.0])
    assert_tensor(ms.grad(lambda a: a * ops.stop_gradient(a))(
        Tensor([4.0])), [4.0])


def test_stop_gradient_is_the_identity_forward():
    x = Tensor([1.0, 2.0])
    assert_tensor(ops.stop_gradient(x * 3), [3.0, 6.0])
    p = Parameter(Tensor([1.5]), name="p")
    out = ops.stop_gradient(p)
    assert type(out) is Tensor and out.tolist() == [1.5]
    pair = ops.stop_gradient((x, x * 2))
    assert_tensors(pair, [[1.0, 2.0], [2.0, 4.0]])
    assert ops.stop_gradient(2.5) == 2.5 and ops.stop_gradient(3) == 3


def test_stop_gradient_aux_matches_has_aux():
    x, y = x_and_y()

    def with_stop(a, b):
        z = a * b
        return z.sum(), ops.stop_gradient(z)

    def with_aux(a, b):
        z = a * b
        return z.sum(), z

    expected = [[3.0, 4.0], [1.0, 2.0]]
    assert_tensors(ms.grad(with_stop, (0, 1))(x, y), expected)
    assert_tensors(ms.grad(with_aux, (0, 1), has_aux=True)(x, y)[0],
                   expected)


# --- 2.9 higher order --------------------------------------------------------

def test_cube_second_and_third_derivatives():
    first = ms.grad(lambda a: a ** 3)
    second = ms.grad(first)
    third = ms.grad(second)
    x = Tensor(2.0)
    assert_tensor(first(x), 12.0)
    assert_tensor(second(x), 12.0)
    assert_tensor(third(x), 6.0)
    assert_tensor(second(Tensor([1.0, -1.0, 3.0])), [6.0, -6.0, 18.0])


def test_sin_second_derivative_at_pi():
    sin_second = ms.grad(ms.grad(ops.sin))(Tensor(3.1415926))
    assert_tensor(sin_second, -1.509958e-07)
    assert sin_second.item() < 0


def test_second_derivative_of_a_tuple_applies_the_sum_rule():
    both = ms.grad(ms.grad(lambda a: (ops.sin(a), ops.cos(a))))
    assert_tensor(both(Tensor(3.1415926)), 0.99999982)


def test_second_order_with_two_positions_at_both_levels():
    def mixed(a, b):
        return ops.sin(a) - ops.cos(b), ops.cos(a) - ops.sin(b)

    outer = ms.grad(ms.grad(mixed, (0, 1)), (0, 1))
    grads = outer(Tensor([3.1415926]), Tensor([3.1415926]))
    assert_tensors(grads, [[0.99999982], [-0.99999982]])


def test_second_derivative_of_exp_and_a_mixed_partial():
    assert_tensor(ms.grad(ms.grad(lambda t: ops.exp(t * 2)))(
        Tensor([0.0, 1.0])), [4.0, 4 * np.exp(2.0)])
    assert_tensor(ms.grad(ms.grad(lambda t, s: t * t * s, 0), 1)(
        Tensor(3.0), Tensor(5.0)), 6.0)


# --- 2.10 GradOperation ------------------------------------------------------

class TutorialNet(nn.Cell):
    """The advanced tutorial's x * x * y * z, z a Parameter."""

    def __init__(self):
        super().__init__()
        self.z = Parameter(Tensor(np.array([1.0], np.float32)), name="z")

    def construct(self, x, y):
        return x * x * y * self.z


def tutorial():
    net = TutorialNet()
    return net, Tensor([3.0]), Tensor([5.0])


@pytest.mark.parametrize("flags", [{"get_all": 1}, {"get_by_list": "yes"},
                                   {"sens_param": None}],
                         ids=["get_all", "get_by_list", "sens_param"])
def test_grad_operation_non_bool_flag_raises_type_error(flags):
    with pytest.raises(TypeError, match=list(flags)[0]):
        ops.GradOperation(**flags)


def test_grad_operation_default_gives_the_first_input_bare():
    net, x, y = tutorial()
    params = ParameterTuple(net.trainable_params())
    assert_tensor(ops.GradOperation()(net)(x, y), [30.0])
    assert_tensor(ops.GradOperation()(net, params)(x, y), [30.0])


def test_grad_operation_get_all_gives_a_tuple_always():
    net, x, y = tutorial()
    assert_tensors(ops.GradOperation(get_all=True)(net)(x, y),
                   [[30.0], [9.0]])
    assert_tensors(ops.GradOperation(get_all=True)(lambda a: a * a)(x),
                   [[6.0]])


def test_grad_operation_get_by_list_follows_the_params_container():
    net, x, y = tutorial()
    by_list = ops.GradOperation(get_by_list=True)
    params = ParameterTuple(net.trainable_params())
    assert_tensors(by_list(net, params)(x, y), [[45.0]])
    assert_tensors(by_list(net, [net.z])(x, y), [[45.0]])
    assert_tensor(by_list(net, net.z)(x, y), [45.0])
    assert by_list(lambda a: a * a)(x) == ()


def test_grad_operation_on_a_function_finds_the_parameters_it_uses():
    # MindSpore 2.10 (conformance 66): without weights, the trainable
    # Parameters the function reads, in the order its operations first
    # read them; frozen ones are skipped; they keep no graph afterwards
    net, x, y = tutorial()
    by_list = ops.GradOperation(get_by_list=True)
    assert_tensors(by_list(lambda a, b: net(a, b))(x, y), [[45.0]])
    w = Parameter(Tensor([6.0]), name="w")
    b = Parameter(Tensor([1.0]), name="b")
    frozen = Parameter(Tensor([3.0]), name="frozen", requires_grad=False)
    x = Tensor([100.0])
    assert_tensors(by_list(lambda t: b + w * t)(x), [[100.0], [1.0]])
    assert_tensors(by_list(lambda t: frozen * t + w * w)(x), [[12.0]])
    inputs, weights = ops.GradOperation(get_all=True, get_by_list=True)(
        lambda t: w * t + b)(x)
    assert_tensors(inputs, [[6.0]])
    assert_tensors(weights, [[100.0], [1.0]])
    assert w._record is None and b._record is None and \
        frozen._record is None


def test_grad_operation_get_all_and_get_by_list():
    net, x, y = tutorial()
    both = ops.GradOperation(get_all=True, get_by_list=True)
    inputs, weights = both(net, ParameterTuple(net.trainable_params()))(x, y)
    assert_tensors(inputs, [[30.0], [9.0]])
    assert_tensors(weights, [[45.0]])
    inputs, weight = both(net, net.z)(x, y)
    assert_tensors(inputs, [[30.0], [9.0]])
    assert_tensor(weight, [45.0])


@pytest.mark.filterwarnings("ignore::UserWarning")  # tested apart
def test_grad_operation_skips_a_non_tensor_first_input():
    """Rule A applies: MindSpore 2.10 returns () when the first input is
    a Python number, and a tuple of the Tensor inputs with get_all."""
    x = Tensor([1.0, 2.0])
    assert ops.GradOperation()(lambda a, b: a * b)(2.0, x) == ()
    assert_tensors(ops.GradOperation(get_all=True)(lambda a, b: a * b)(
        2.0, x), [[2.0, 2.0]])


def test_grad_operation_sens_param():
    net, x, y = tutorial()
    sens = ops.GradOperation(get_all=True, sens_param=True)
    assert_tensors(sens(net)(x, y, Tensor([2.0])), [[60.0], [18.0]])


def test_advanced_tutorial_with_grad():
    net, x, y = tutorial()
    assert_tensors(ms.grad(net, (0, 1))(x, y), [[30.0], [9.0]])
    params = ParameterTuple(net.trainable_params())
    assert_tensors(ms.grad(net, None, params)(x, y), [[45.0]])


class Seed000Net(nn.Cell):
    """Seed 000: w = [6.0], b = [1.0] from NumPy, so both are Float64."""

    def __init__(self):
        super(Seed000Net, self).__init__()
        self.w = Parameter(np.array([6.0]), name="w")
        self.b = Parameter(np.array([1.0]), name="b")

    def construct(self, x):
        f = self.w * x + self.b
        return f


class Seed000GradNet(nn.Cell):
    def __init__(self, net, grad_op, by_list=False):
        super(Seed000GradNet, self).__init__()
        self.net = net
        self.params = ParameterTuple(net.trainable_params())
        self.grad_op = grad_op
        self.by_list = by_list

    def construct(self, *args):
        if self.by_list:
            gradient_function = self.grad_op(self.net, self.params)
        else:
            gradient_function = self.grad_op(self.net)
        return gradient_function(*args)


def test_seed000_a_float64_forward_float32_input_gradient():
    x = Tensor([100], dtype=ms.float32)
    forward = Seed000Net()(x)
    assert_tensor(forward, [601.0], ms.float64)
    output = Seed000GradNet(Seed000Net(), ops.GradOperation())(x)
    assert_tensor(output, [6.0], ms.float32)
    assert str(output) == "[6.]"


def test_seed000_b_gradients_by_list():
    x = Tensor([100], dtype=ms.float32)
    output = Seed000GradNet(Seed000Net(),
                            ops.GradOperation(get_by_list=True), True)(x)
    assert f"wgrad: {output[0]}\nbgrad: {output[1]}" == \
        "wgrad: [100.]\nbgrad: [1.]"
    assert output[0].dtype is ms.float64


class Float32Net(nn.Cell):
    def __init__(self, stop=False, frozen_bias=True):
        super(Float32Net, self).__init__()
        self.w = Parameter(Tensor(np.array([6], np.float32)), name="w")
        self.b = Parameter(Tensor(np.array([1.0], np.float32)), name="b",
                           requires_grad=not frozen_bias)
        self.stop = stop

    def construct(self, x):
        out = x * self.w + self.b
        if self.stop:
            out = ops.stop_gradient(out)
        return out


def test_seed000_c_a_frozen_bias_is_left_out():
    x = Tensor([5], dtype=ms.float32)
    output = Seed000GradNet(Float32Net(),
                            ops.GradOperation(get_by_list=True), True)(x)
    assert repr(output) == \
        "(Tensor(shape=[1], dtype=Float32, value= [ 5.00000000e+00]),)"


def test_seed000_d_sens_param():
    x = Tensor([6], dtype=ms.float32)
    output = Seed000GradNet(Float32Net(),
                            ops.GradOperation(sens_param=True))(
        x, Tensor([0.1], dtype=ms.float32))
    assert_tensor(output, [0.6])
    assert str(output) == "[0.6]"


def test_seed000_d_float32_sens_for_a_float64_output_raises_type_error():
    grad_net = Seed000GradNet(Seed000Net(),
                              ops.GradOperation(sens_param=True))
    with pytest.raises(TypeError) as info:
        grad_net(Tensor([6], dtype=ms.float32),
                 Tensor([0.1], dtype=ms.float32))
    assert "Float64" in str(info.value)


def test_seed000_e_stop_gradient_on_the_output_gives_zeros():
    x = Tensor([100], dtype=ms.float32)
    output = Seed000GradNet(Float32Net(stop=True, frozen_bias=False),
                            ops.GradOperation(get_by_list=True), True)(x)
    assert f"wgrad: {output[0]}\nbgrad: {output[1]}" == \
        "wgrad: [0.]\nbgrad: [0.]"


# --- 2.11 vjp and jvp --------------------------------------------------------

def cube_plus(a, b):
    return a ** 3 + b


SQUARE = [[1.0, 2.0], [3.0, 4.0]]


def test_vjp_returns_the_output_and_a_pullback_over_all_inputs():
    x, y = Tensor(SQUARE), Tensor(SQUARE)
    out, vjp_fn = ms.vjp(cube_plus, x, y)
    assert_tensor(out, [[2.0, 10.0], [30.0, 68.0]])
    grads = vjp_fn(ops.ones_like(x))
    assert_tensors(grads, [[[3.0, 12.0], [27.0, 48.0]], np.ones((2, 2))])


def test_vjp_with_one_input_returns_a_one_tuple():
    x = Tensor(SQUARE)
    _, vjp_fn = ms.vjp(lambda a: a * 2, x)
    assert_tensors(vjp_fn(ops.ones_like(x)), [np.full((2, 2), 2.0)])


def test_vjp_pullback_can_be_called_twice():
    x = Tensor([1.0, 3.0])
    _, vjp_fn = ms.vjp(lambda a: a ** 2, x)
    assert_tensors(vjp_fn(Tensor([1.0, 1.0])), [[2.0, 6.0]])
    assert_tensors(vjp_fn(Tensor([0.5, -1.0])), [[1.0, -6.0]])


def test_vjp_has_aux_aux_is_bare_for_two_outputs():
    x = Tensor(SQUARE)
    out0, vjp_fn, aux = ms.vjp(lambda a: (a * a, a + 1), x, has_aux=True)
    assert_tensor(out0, [[1.0, 4.0], [9.0, 16.0]])
    assert_tensor(aux, [[2.0, 3.0], [4.0, 5.0]])
    assert_tensors(vjp_fn(ops.ones_like(x)), [[[2.0, 4.0], [6.0, 8.0]]])


def test_vjp_has_aux_aux_is_a_tuple_for_more_outputs():
    x = Tensor(SQUARE)
    _, _, aux = ms.vjp(lambda a: (a * 2, a.sum(), a * 3), x, has_aux=True)
    assert type(aux) is tuple and len(aux) == 2
    assert_tensor(aux[0], 10.0)
    assert_tensor(aux[1], [[3.0, 6.0], [9.0, 12.0]])


def test_vjp_of_a_tuple_output_takes_a_tuple_v():
    x = Tensor(SQUARE)
    v = ops.ones_like(x)
    _, vjp_fn = ms.vjp(lambda a: (a * 2, a * 3), x)
    assert_tensors(vjp_fn((v, v)), [np.full((2, 2), 5.0)])


def test_vjp_with_weights_returns_inputs_and_weights():
    class Scale(nn.Cell):
        def __init__(self):
            super().__init__()
            self.s = Parameter(Tensor([2.0]), name="s")

        def construct(self, a):
            return a * self.s

    scale, x = Scale(), Tensor(SQUARE)
    _, vjp_fn = ms.vjp(scale, x, weights=scale.trainable_params())
    dinputs, dweights = vjp_fn(ops.ones_like(x))
    assert_tensors(dinputs, [np.full((2, 2), 2.0)])
    assert_tensors(dweights, [[10.0]])


def test_vjp_with_one_parameter_as_weights_gives_it_bare():
    """MindSpore 2.10: weights=w (not a list) gives ((dx,), dw)."""
    w = Parameter(Tensor([2.0]), name="w")
    x = Tensor([1.0, 2.0])
    _, vjp_fn = ms.vjp(lambda a: a * w, x, weights=w)
    dinputs, dw = vjp_fn(Tensor([1.0, 1.0]))
    assert_tensors(dinputs, [[2.0, 2.0]])
    assert_tensor(dw, [3.0])


def test_vjp_frozen_weight_gets_zeros():
    w = Parameter(Tensor([2.0]), name="w")
    frozen = Parameter(Tensor([3.0]), name="frozen", requires_grad=False)
    _, vjp_fn = ms.vjp(lambda a: a * w * frozen, Tensor([1.0, 2.0]),
                       weights=[w, frozen])
    dinputs, dweights = vjp_fn(Tensor([1.0, 1.0]))
    assert_tensors(dinputs, [[6.0, 6.0]])
    assert_tensors(dweights, [[9.0], [0.0]])


def test_vjp_tuple_output_with_a_tensor_v_raises_runtime_error():
    x = Tensor(SQUARE)
    _, vjp_fn = ms.vjp(lambda a: (a * 2, a.sum()), x)
    with pytest.raises(RuntimeError):
        vjp_fn(ops.ones_like(x))


def test_vjp_v_of_a_bad_shape_raises_value_error_with_both_shapes():
    _, vjp_fn = ms.vjp(cube_plus, Tensor(SQUARE), Tensor(SQUARE))
    with pytest.raises(ValueError) as info:
        vjp_fn(Tensor([1.0]))
    assert "(1,)" in str(info.value) and "(2, 2)" in str(info.value)


def test_vjp_float_v_raises_type_error():
    _, vjp_fn = ms.vjp(cube_plus, Tensor(SQUARE), Tensor(SQUARE))
    with pytest.raises(TypeError):
        vjp_fn(1.0)


def test_vjp_non_tensor_input_raises_type_error_naming_it():
    with pytest.raises(TypeError) as info:
        ms.vjp(cube_plus, 1.0, Tensor(SQUARE))
    assert "0" in str(info.value)


def test_vjp_has_aux_with_one_output_raises_value_error():
    with pytest.raises(ValueError, match="has_aux"):
        ms.vjp(lambda a: a * 2, Tensor([1.0]), has_aux=True)


def test_jvp_is_either_absent_or_correct():
    """api.md 2.11: jvp is optional; if absent, AttributeError."""
    if not hasattr(ms, "jvp"):
        with pytest.raises(AttributeError):
            ms.jvp
        return
    x, y = Tensor(SQUARE), Tensor(SQUARE)
    ones = ops.ones_like(x)
    out, tangent = ms.jvp(cube_plus, (x, y), (ones, ones))
    assert_tensor(out, [[2.0, 10.0], [30.0, 68.0]])
    assert_tensor(tangent, [[4.0, 13.0], [28.0, 49.0]])


# --- 9 learner errors --------------------------------------------------------

def test_learner_grad_position_list_says_use_a_tuple():
    with pytest.raises(TypeError) as info:
        ms.grad(f, [2, 3])
    assert "tuple" in str(info.value) and "[2, 3]" in str(info.value)


def test_learner_has_aux_with_one_output_says_return_a_tuple():
    x, y = x_and_y()
    with pytest.raises(ValueError) as info:
        ms.grad(f, has_aux=True)(x, y)
    assert "tuple" in str(info.value)


def test_learner_float64_data_into_matmul_raises_type_error():
    data64 = Tensor(np.ones((4, 2)))
    w32 = Tensor(np.ones((2, 3), np.float32))
    with pytest.raises(TypeError) as info:
        ops.matmul(data64, w32)
    message = str(info.value)
    assert "Float64" in message and "Float32" in message
    assert "float32" in message                       # the fix
    assert ops.matmul(Tensor(np.ones((4, 2)), ms.float32), w32).shape == \
        (4, 3)


def test_learner_matmul_inner_dims_differ_shows_both_shapes():
    w32 = Tensor(np.ones((2, 3), np.float32))
    with pytest.raises(RuntimeError) as info:
        ops.matmul(w32, w32)
    assert str(info.value).count("(2, 3)") == 2
    with pytest.raises(ValueError) as info:
        ops.matmul(Tensor([1.0, 2.0]), Tensor([1.0, 2.0, 3.0]))
    assert "(2,)" in str(info.value) and "(3,)" in str(info.value)


def test_learner_format_spec_on_a_loss_says_use_item():
    x, y = x_and_y()
    loss = f(x, y)
    with pytest.raises(TypeError) as info:
        f"{loss:.4f}"
    assert ".item()" in str(info.value)
    assert f"{loss.item():.4f}" == "19.0000"


# --- primitives without or with wrong VJP rules ------------------------------

@primitive
def blend(x, y):
    return 2 * x + y


@primitive
def stretch(x):
    return x * 1.0


stretch.defvjp(lambda x, out, dout: np.ones(3, np.float32))


def test_a_missing_vjp_raises_runtime_error_naming_primitive_and_argument():
    x, y = Tensor([1.0, 2.0]), Tensor([3.0, 4.0])
    fn = ms.grad(lambda a, b: blend(a, b).sum(), 1)
    with pytest.raises(RuntimeError) as info:
        fn(x, y)
    message = str(info.value)
    assert "blend" in message
    assert "argument 2" in message            # y, counted from 1
    assert "stop_gradient" in message         # one of the fixes


def test_a_missing_vjp_names_the_first_argument_when_it_is_asked():
    x, y = Tensor([1.0, 2.0]), Tensor([3.0, 4.0])
    with pytest.raises(RuntimeError) as info:
        ms.grad(lambda a, b: blend(a, b).sum(), 0)(x, y)
    assert "blend" in str(info.value) and "argument 1" in str(info.value)


def test_a_primitive_without_vjp_runs_forward_outside_transforms():
    assert blend(Tensor([1.0]), Tensor([2.0])).tolist() == [4.0]


def test_a_vjp_of_the_wrong_shape_raises_value_error_with_both_shapes():
    with pytest.raises(ValueError) as info:
        ms.grad(lambda a: stretch(a).sum())(Tensor([1.0, 2.0]))
    message = str(info.value)
    assert "stretch" in message and "argument 1" in message
    assert "(3,)" in message and "(2,)" in message


def test_sens_errors_name_the_transform_that_was_called():
    w = Parameter(Tensor([2.0], ms.float32), name="w")

    def net(x):
        return x * w

    grad_op = ops.GradOperation(get_by_list=True, sens_param=True)
    x = Tensor([1.0, 3.0], ms.float32)
    with pytest.raises(ValueError, match="^GradOperation: sens has shape"):
        grad_op(net, ParameterTuple([w]))(x, Tensor([1.0], ms.float32))
    with pytest.raises(TypeError, match="^GradOperation: sens has dtype"):
        grad_op(net, ParameterTuple([w]))(x, Tensor([1.0, 1.0], ms.float64))

"""Class-style ops (``ops.MatMul(...)(x, y)``) and the functional idioms
``select`` and ``arange``: MindSpore 2.10's numbers, dtypes and error
classes (conformance programs 62-64 hold its full output), and gradients.
"""
import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, Tensor, ops, testing

A = Tensor([[1.0, 2.0], [3.0, 4.0]])
B = Tensor([[1.0, 0.5], [-1.0, 2.0]])


@pytest.mark.parametrize("flags, expected", [
    ((False, False), [[-1.0, 4.5], [-1.0, 9.5]]),
    ((True, False), [[-2.0, 6.5], [-2.0, 9.0]]),
    ((False, True), [[2.0, 3.0], [5.0, 5.0]]),
    ((True, True), [[2.5, 5.0], [4.0, 6.0]]),
])
def test_matmul_transposes_as_mindspore(flags, expected):
    out = ops.MatMul(*flags)(A, B)
    assert out.dtype == ms.float32
    np.testing.assert_array_equal(out.asnumpy(), expected)


def test_matmul_keeps_int_dtypes_and_prints_like_a_primitive():
    out = ops.MatMul()(Tensor([[1, 2], [3, 4]], ms.int32),
                       Tensor([[1], [2]], ms.int32))
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == [[5], [11]]
    assert repr(ops.MatMul(transpose_b=True)) == \
        "Prim[MatMul]<transpose_a=False, transpose_b=True>"
    assert repr(ops.Sin()) == "Prim[Sin]"
    assert repr(ops.Concat(1)) == "Prim[Concat]<axis=1>"
    assert repr(ops.Assign()) == "Prim[Assign]<side_effect_mem=True>"


@pytest.mark.parametrize("transpose_a, transpose_b, x_shape, y_shape", [
    (False, False, (3, 2), (2, 4)),
    (True, False, (2, 3), (2, 4)),
    (False, True, (3, 2), (4, 2)),
    (True, True, (2, 3), (4, 2)),
])
def test_matmul_gradients_pass_the_check(transpose_a, transpose_b, x_shape,
                                         y_shape):
    x, y = Tensor(np.random.randn(*x_shape)), Tensor(np.random.randn(*y_shape))
    testing.check_grads(ops.MatMul(transpose_a, transpose_b), x, y)


def test_gradients_match_mindspore():
    w = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    dx, dw = ms.grad(lambda x, w: ops.MatMul(transpose_b=True)(x, w).sum(),
                     (0, 1))(Tensor([[1.0, -1.0, 0.5]]), w)
    assert dx.asnumpy().tolist() == [[5.0, 7.0, 9.0]]
    assert dw.asnumpy().tolist() == [[1.0, -1.0, 0.5]] * 2
    d = ms.grad(lambda x: (ops.Sin()(x) * ops.Cos()(x)).sum())(
        Tensor([0.5, 1.0]))
    np.testing.assert_allclose(d.asnumpy(), [0.5403023, -0.4161468],
                               rtol=1e-6)
    d = ms.grad(lambda x: ops.Abs()(x).sum())(Tensor([-0.5, 3.0]))
    assert d.asnumpy().tolist() == [-1.0, 1.0]
    dx, dy = ms.grad(lambda x, y: (ops.Concat(0)((x, y)) * Tensor(
        [1.0, 2.0, 3.0])).sum(), (0, 1))(Tensor([1.0]), Tensor([1.0, 1.0]))
    assert (dx.asnumpy().tolist(), dy.asnumpy().tolist()) == ([1.0],
                                                              [2.0, 3.0])
    dx, dy = ms.grad(lambda x, y: (ops.Stack(1)((x, y)) * Tensor(
        [[1.0, 2.0]])).sum(), (0, 1))(Tensor([1.0]), Tensor([1.0]))
    assert (dx.asnumpy().tolist(), dy.asnumpy().tolist()) == ([1.0], [2.0])
    d = ms.grad(lambda x: ops.OnesLike()(x).sum() + x.sum())(
        Tensor([1.0, 2.0]))
    assert d.asnumpy().tolist() == [1.0, 1.0]        # OnesLike: a constant


def test_unary_ops_keep_dtypes_and_need_tensors():
    np.testing.assert_allclose(ops.Sin()(Tensor([0.0, 1.0])).asnumpy(),
                               [0.0, 0.84147096])
    np.testing.assert_allclose(ops.Cos()(Tensor([0.0, 1.0])).asnumpy(),
                               [1.0, 0.5403023])
    assert ops.Sin()(Tensor(np.array([1.0]))).dtype == ms.float64
    assert ops.Abs()(Tensor([-1, 2])).dtype == ms.int64
    ones = ops.OnesLike()(Tensor([[1, 2]], ms.int32))
    assert ones.dtype == ms.int32 and ones.asnumpy().tolist() == [[1, 1]]


def test_zeros_takes_a_shape_and_a_dtype():
    assert ops.Zeros()((2, 3), ms.float32).asnumpy().tolist() == [[0.0] * 3
                                                                  ] * 2
    assert ops.Zeros()(3, ms.int32).dtype == ms.int32
    assert ops.Zeros()([2], ms.float16).dtype == ms.float16
    assert ops.Zeros()((2,)).dtype == ms.float32
    assert ops.Zeros()((), ms.float32).shape == ()


def test_concat_and_stack_join_tuples_and_lists():
    assert ops.Concat()((A, B)).shape == (4, 2)
    assert ops.Concat(axis=-1)([A, B]).asnumpy().tolist() == [
        [1.0, 2.0, 1.0, 0.5], [3.0, 4.0, -1.0, 2.0]]
    assert ops.Stack()((Tensor([1.0]), Tensor([2.0]))).shape == (2, 1)
    assert ops.Stack(1)([A, B]).asnumpy()[0].tolist() == [[1.0, 2.0],
                                                          [1.0, 0.5]]


def test_assign_writes_in_place_and_returns_the_value():
    p = Parameter(Tensor([1.0, 2.0]), name="p")
    out = ops.Assign()(p, Tensor([5.0, 6.0]))
    assert p.asnumpy().tolist() == [5.0, 6.0] and out is not p
    assert out.asnumpy().tolist() == [5.0, 6.0]
    ops.Assign()(p, Tensor([7, 8]))                  # Int64 into Float32
    assert p.dtype == ms.float32 and p.asnumpy().tolist() == [7.0, 8.0]
    t = Tensor([1.0, 2.0])
    ops.Assign()(t, Tensor([9.0, 9.0]))
    assert t.asnumpy().tolist() == [9.0, 9.0]


def test_assign_refuses_a_tensor_being_differentiated():
    def f(x):
        ops.Assign()(x, Tensor([0.0]))
        return x.sum()

    with pytest.raises(RuntimeError, match="differentiated"):
        ms.grad(f)(Tensor([1.0]))


@pytest.mark.parametrize("call, error, words", [
    (lambda: ops.MatMul()(Tensor([1.0, 2.0]), B), ValueError, "2-D"),
    (lambda: ops.MatMul()(A, Tensor(np.ones((2, 2)))), TypeError, "Float64"),
    (lambda: ops.MatMul()(A, ops.ones((3, 2))), ValueError, "(3, 2)"),
    (lambda: ops.MatMul(transpose_b=True)(A, ops.ones((2, 3))), ValueError,
     "after transposing"),
    (lambda: ops.MatMul()(A, np.ones((2, 2), np.float32)), TypeError,
     "Tensor(x)"),
    (lambda: ops.Sin()(Tensor([0, 1])), TypeError, "float"),
    (lambda: ops.Cos()(1.0), TypeError, "Tensor"),
    (lambda: ops.OnesLike()([1.0, 2.0]), TypeError, "list"),
    (lambda: ops.Zeros()((2,), "float32"), TypeError, "dtype"),
    (lambda: ops.Zeros()((-1, 2), ms.float32), ValueError, "negative"),
    (lambda: ops.Zeros()((2.0,), ms.float32), TypeError, "ints"),
    (lambda: ops.Zeros()(Tensor([2]), ms.float32), ValueError, "t.shape"),
    (lambda: ops.Concat()(A), TypeError, "tuple or list"),
    (lambda: ops.Concat()((Tensor([1]), Tensor([1.0]))), RuntimeError,
     "Int64"),
    (lambda: ops.Concat()((Tensor([[1.0]]), Tensor([1.0]))), ValueError,
     "shapes"),
    (lambda: ops.Concat()(()), ValueError, "shapes"),
    (lambda: ops.Stack()([Tensor([1.0]), Tensor([2.0, 3.0])]), ValueError,
     "shapes"),
    (lambda: ops.Stack()((Tensor([1.0]), Tensor([1]))), TypeError, "dtype"),
    (lambda: ops.Assign()(Parameter(Tensor([1.0, 2.0]), name="p"),
                          Tensor([1.0, 2.0, 3.0])), ValueError, "(3,)"),
    (lambda: ops.Assign()(Parameter(Tensor([1.0, 2.0]), name="p"),
                          Tensor(4.0)), ValueError, "shape ()"),
    (lambda: ops.Assign()(Parameter(Tensor([1.0]), name="p"),
                          Tensor(np.array([3.0]))), TypeError, "Float64"),
    (lambda: ops.Assign()(Parameter(Tensor([1], ms.int32), name="p"),
                          Tensor([5])), TypeError, "Int32"),
    (lambda: ops.Assign()(Parameter(Tensor([1.0]), name="p"),
                          np.ones(1, np.float32)), TypeError, "value"),
    (lambda: ops.select(Tensor([1, 0]), Tensor([1.0, 2.0]), 0.0), TypeError,
     "Bool"),
    (lambda: ops.select([True], Tensor([1.0]), 0.0), TypeError, "condition"),
    (lambda: ops.arange(0, 3, 0), ValueError, "step"),
    (lambda: ops.arange(3, 0), ValueError, "sign"),
    (lambda: ops.arange("3"), TypeError, "'3'"),
    (lambda: ops.arange(True), TypeError, "True"),
    (lambda: ops.arange(Tensor(4, ms.float16)), TypeError, "0-d"),
    (lambda: ops.arange(Tensor([4])), ValueError, "(1,)"),
])
def test_mistakes_raise_mindspore_classes(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


def test_assign_error_leaves_the_variable_unchanged():
    p = Parameter(Tensor([1.0, 2.0]), name="p")
    with pytest.raises(TypeError):
        ops.Assign()(p, Tensor(np.array([3.0, 4.0])))
    assert p.asnumpy().tolist() == [1.0, 2.0]


@pytest.mark.parametrize("input, other, dtype, values", [
    (Tensor([1.0, 2.0]), Tensor([3.0, 4.0]), ms.float32, [1.0, 4.0]),
    (Tensor([1.0, 2.0]), 0.0, ms.float32, [1.0, 0.0]),
    (5.0, Tensor([1.0, 2.0]), ms.float32, [5.0, 2.0]),
    (1.0, 0.0, ms.float32, [1.0, 0.0]),
    (1, 0, ms.int64, [1, 0]),
    (1, 0.5, ms.float32, [1.0, 0.5]),
    (Tensor([1, 2]), Tensor([3.0, 4.0]), ms.float32, [1.0, 4.0]),
    (Tensor([1, 2]), 0.5, ms.float32, [1.0, 0.5]),
])
def test_select_promotes_as_mindspore(input, other, dtype, values):
    out = ops.select(Tensor([True, False]), input, other)
    assert out.dtype == dtype and out.asnumpy().tolist() == values


def test_select_gradient_goes_to_the_chosen_branch():
    d = ms.grad(lambda x: ops.select(x > 0, x * 3, x * x).sum())(
        Tensor([1.0, -2.0]))
    assert d.asnumpy().tolist() == [3.0, -4.0]


@pytest.mark.parametrize("args, kwargs, dtype, values", [
    ((5,), {}, ms.int64, [0, 1, 2, 3, 4]),
    ((1, 4), {}, ms.int64, [1, 2, 3]),
    ((0, 1, 0.25), {}, ms.float32, [0.0, 0.25, 0.5, 0.75]),
    ((3, 0, -1), {}, ms.int64, [3, 2, 1]),
    ((3,), {"dtype": ms.float32}, ms.float32, [0.0, 1.0, 2.0]),
    ((0, 3.0), {}, ms.float32, [0.0, 1.0, 2.0]),
    ((Tensor(3),), {}, ms.int64, [0, 1, 2]),
    ((), {"start": 1, "end": 3}, ms.int64, [1, 2]),
    ((2, 2), {}, ms.int64, []),
    ((1.0, 0.0, -0.25), {}, ms.float32, [1.0, 0.75, 0.5, 0.25]),
    ((3,), {"dtype": ms.int32}, ms.int32, [0, 1, 2]),
])
def test_arange_matches_mindspore(args, kwargs, dtype, values):
    out = ops.arange(*args, **kwargs)
    assert out.dtype == dtype and out.asnumpy().tolist() == values


def test_arange_computes_start_plus_i_step_in_float32():
    # MindSpore's digits: 0.1f + 6 * 0.1f rounds to 0.70000005, not 0.7f
    out = ops.arange(0.1, 1.0, 0.1).asnumpy()
    assert out.dtype == np.float32 and len(out) == 9
    assert out[6] == np.float32(0.70000005)
    wide = ops.arange(0, 1, 0.1, dtype=ms.float64).asnumpy()
    assert wide[1] == np.float64(np.float32(0.1))    # float32, then widened


def test_gt_and_fill_are_the_existing_functions():
    assert ops.gt(Tensor([1.0, 3.0]), 2.0).asnumpy().tolist() == [False,
                                                                  True]
    out = ops.fill(ms.int32, (3,), 1.5)
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == [1, 1, 1]

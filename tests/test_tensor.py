"""Tensor behaves as MindSpore 2.10's does (api.md 3.1-3.6, 3.9, 5.8, 10).

Expected values are MindSpore 2.10's own output (CPU, eager mode), except
where api.md marks a deliberate mindgrad difference [D]; those tests say
so in their docstring.
"""
import operator
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, Tensor, ops
from mindgrad import dtype as mstype

ROOT = Path(__file__).resolve().parent.parent

ALL_DTYPES = [ms.bool_, ms.uint8, ms.int8, ms.int16, ms.int32, ms.int64,
              ms.float16, ms.float32, ms.float64]


def assert_close(actual, expected):
    """Compare with api.md 0's tolerance (MindSpore's float32 kernels
    differ from NumPy in the last digit or two)."""
    np.testing.assert_allclose(actual, expected, rtol=1e-6, atol=1e-7)


def run_python(code):
    """Run ``code`` in a fresh interpreter (for process-wide state such as
    one-time warnings) and return its stdout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + [p for p in [env.get("PYTHONPATH")] if p])
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                          capture_output=True, text=True, env=env,
                          cwd=str(ROOT), timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


# --- 3.1 construction and default dtypes -------------------------------------

@pytest.mark.parametrize("data, dtype, shape", [
    (1.5, ms.float32, ()),
    (3, ms.int64, ()),
    (2 ** 40, ms.int64, ()),
    (True, ms.bool_, ()),
    ([1, 2.0], ms.float32, (2,)),
    ([1, 2], ms.int64, (2,)),
    ([True, False], ms.bool_, (2,)),
    ([[1.0, 2.0], [3.0, 4.0]], ms.float32, (2, 2)),
    (np.arange(6.0).reshape(2, 3), ms.float64, (2, 3)),
    (np.array([1, 2], np.int32), ms.int32, (2,)),
    (np.int32(3), ms.int32, ()),
    (np.float16(1), ms.float16, ()),
    ([], ms.float32, (0,)),
], ids=["float", "int", "big-int", "bool", "mixed-list", "int-list",
        "bool-list", "nested", "f64-array", "i32-array", "np-int32",
        "np-float16", "empty-list"])
def test_construction_picks_mindsporess_default_dtype(data, dtype, shape):
    t = Tensor(data)
    assert t.dtype is dtype
    assert t.shape == shape


def test_numpy_randn_data_stays_float64():
    assert Tensor(np.random.randn(5, 3)).dtype is ms.float64


def test_tensor_from_tensor_is_a_new_object_and_dtype_casts():
    source = Tensor([1.0, 2.0])
    copy = Tensor(source)
    assert copy is not source and copy.dtype is ms.float32
    assert Tensor(source, ms.float64).dtype is ms.float64


def test_dtype_argument_converts_the_data():
    t = Tensor([1.7, 2.2], dtype=ms.int32)
    assert t.dtype is ms.int32
    assert t.tolist() == [1, 2]
    assert Tensor(np.array([0.5, 1.5]), ms.float32).dtype is ms.float32


def test_python_floats_with_float64_dtype_keep_every_digit():
    # MindSpore 2.10: Tensor(1.001, float64) - 1.001 == 0.0 exactly; a
    # detour through float32 once left 4.7e-08 (lesson 07's step sizes)
    assert Tensor(1.001, ms.float64).item() == 1.001
    assert Tensor([0.1, 1e-9], ms.float64).tolist() == [0.1, 1e-9]
    assert Tensor(2.5, ms.int32).tolist() == 2


def test_shape_without_data_gives_zeros():
    t = Tensor(shape=(2,), dtype=ms.float32)
    assert t.shape == (2,) and t.dtype is ms.float32
    assert t.tolist() == [0.0, 0.0]


def test_tensor_function_is_the_constructor():
    t = ms.tensor([1, 2])
    assert isinstance(t, Tensor) and t.dtype is ms.int64


@pytest.mark.parametrize("data", ["abc", None, {"a": 1}, [[1, 2], [3]]],
                         ids=["str", "None", "dict", "ragged"])
def test_unsupported_data_raises_type_error(data):
    with pytest.raises(TypeError, match="Tensor"):
        Tensor(data)


@pytest.mark.parametrize("dtype", [np.float32, float],
                         ids=["numpy-type", "python-type"])
def test_a_non_mindgrad_dtype_raises_type_error_naming_dtype(dtype):
    with pytest.raises(TypeError, match="dtype") as info:
        Tensor([1.0], dtype=dtype)
    assert "float32" in str(info.value)     # names a dtype to use instead


# --- 3.2 dtypes --------------------------------------------------------------

@pytest.mark.parametrize("name, printed", [
    ("float16", "Float16"), ("float32", "Float32"), ("float64", "Float64"),
    ("int8", "Int8"), ("int16", "Int16"), ("int32", "Int32"),
    ("int64", "Int64"), ("uint8", "UInt8"), ("bool_", "Bool")])
def test_dtype_prints_like_mindspore_and_is_one_object(name, printed):
    dtype = getattr(ms, name)
    assert str(dtype) == printed and f"{dtype}" == printed
    assert dtype is getattr(mstype, name)
    assert mstype.dtype_to_nptype(dtype) is getattr(
        np, "bool_" if name == "bool_" else name)


def test_dtype_repr_names_mindgrad():
    """[D] MindSpore's repr is mindspore.float32; mindgrad's names itself."""
    assert repr(ms.float32) == "mindgrad.float32"
    assert repr(ms.int64) == "mindgrad.int64"


def test_tensor_dtype_compares_with_is_and_equals():
    t = Tensor([1, 2], ms.int32)
    assert t.dtype is ms.int32
    assert t.dtype == mstype.int32 and t.dtype != ms.int64
    assert str(t.dtype) == "Int32"
    assert str(Tensor(np.zeros(2, np.uint8)).dtype) == "UInt8"
    assert Tensor(True).dtype == ms.bool_


def test_dtype_to_nptype_gives_the_numpy_scalar_type():
    assert mstype.dtype_to_nptype(ms.float32) is np.float32


# --- 3.3 attributes and conversions ------------------------------------------

def test_attributes_of_a_2x2_int32_tensor():
    t = Tensor(np.array([[1, 2], [3, 4]]), ms.int32)
    assert t.shape == (2, 2) and type(t.shape) is tuple
    assert t.dtype is ms.int32
    assert (t.ndim, t.size) == (2, 4)
    assert (t.itemsize, t.nbytes) == (4, 16)
    assert t.strides == (8, 4)
    assert (t.dim(), t.numel()) == (2, 4)
    assert len(t) == 2
    assert t.tolist() == [[1, 2], [3, 4]]


def test_zero_d_tensor_has_empty_shape():
    s = Tensor(2.5)
    assert (s.shape, s.ndim, s.size) == ((), 0, 1)


def test_shape_is_read_only():
    t = Tensor([1.0, 2.0])
    with pytest.raises((AttributeError, TypeError)):
        t.shape = (1, 2)
    assert t.shape == (2,)


def test_asnumpy_returns_a_copy():
    """[D] MindSpore shares memory; mindgrad's asnumpy() copies."""
    t = Tensor([1.0, 2.0])
    for array in (t.asnumpy(), t.numpy()):
        assert array.dtype == np.float32
        array[0] = 100.0
    assert t.tolist() == [1.0, 2.0]


def test_from_numpy_shares_memory():
    a = np.zeros(2, np.float32)
    t = Tensor.from_numpy(a)
    a[0] = 5.0
    assert t.tolist() == [5.0, 0.0]


def test_constructor_copies_numpy_data():
    a = np.zeros(2, np.float32)
    t = Tensor(a)
    a[1] = 7.0
    assert t.tolist() == [0.0, 0.0]


def test_item_float_int_bool_of_one_element():
    s = Tensor(2.5)
    assert s.item() == 2.5 and type(s.item()) is float
    assert float(s) == 2.5 and int(s) == 2
    assert bool(Tensor([1.0])) is True and bool(Tensor(0.0)) is False
    assert Tensor([7]).item() == 7 and type(Tensor([7]).item()) is int


@pytest.mark.parametrize("convert", [
    lambda t: t.item(), float, int, bool], ids=["item", "float", "int",
                                                "bool"])
def test_converting_several_elements_raises_value_error(convert):
    t = Tensor([1.5, 2.5, -3.5])
    with pytest.raises(ValueError) as info:
        convert(t)
    assert "3" in str(info.value)           # how many elements there are


def test_len_of_zero_d_tensor_raises_type_error():
    with pytest.raises(TypeError, match="0-d"):
        len(Tensor(2.5))


def test_astype_takes_mindgrad_numpy_or_string_dtypes():
    f = Tensor([1.5, 2.5, -3.5])
    cast = f.astype(ms.int32)
    assert cast.dtype is ms.int32 and cast.tolist() == [1, 2, -3]
    assert f.astype("float16").dtype is ms.float16
    assert f.astype(np.float64).dtype is ms.float64
    assert f.astype("int64").dtype is ms.int64
    assert f.astype(np.int32).dtype is ms.int32
    assert f.astype(ms.bool_).tolist() == [True, True, True]


def test_astype_generic_type_names_follow_numpy():
    """MindSpore 2.10 reads 'float' and float as NumPy does: Float64."""
    f = Tensor([1.5])
    assert f.astype("float").dtype is ms.float64
    assert f.astype(float).dtype is ms.float64
    assert f.astype("int").dtype is ms.int64
    assert f.astype("bool").dtype is ms.bool_


def test_copy_transpose_iteration_hash_and_np_array():
    t = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    c = t.copy()
    c[0, 0] = 100.0
    assert t[0, 0].item() == 0.0 and c[0, 0].item() == 100.0
    assert t.T.shape == (3, 2)
    rows = list(t)
    assert [type(r) for r in rows] == [Tensor, Tensor]
    assert rows[1].tolist() == [3.0, 4.0, 5.0]
    assert hash(t) == hash(t) and hash(t) != hash(Tensor(t))
    array = np.array(t)
    assert type(array) is np.ndarray and array.dtype == np.float32


def test_iterating_a_zero_d_tensor_raises_type_error():
    with pytest.raises(TypeError):
        list(Tensor(1.0))


def test_tensor_has_no_requires_grad():
    with pytest.raises(AttributeError):
        Tensor([1.0]).requires_grad


# --- 3.4 operators and promotion ---------------------------------------------

# MindSpore 2.10's dtype of Tensor(left) + Tensor(right), rows and columns
# in the order of ALL_DTYPES (recorded with the oracle).
PROMOTION_TABLE = """
Bool    UInt8   Int8    Int16   Int32   Int64   Float16 Float32 Float64
UInt8   UInt8   Int16   Int16   Int32   Int64   Float16 Float32 Float64
Int8    Int16   Int8    Int16   Int32   Int64   Float16 Float32 Float64
Int16   Int16   Int16   Int16   Int32   Int64   Float16 Float32 Float64
Int32   Int32   Int32   Int32   Int32   Int64   Float16 Float32 Float64
Int64   Int64   Int64   Int64   Int64   Int64   Float16 Float32 Float64
Float16 Float16 Float16 Float16 Float16 Float16 Float16 Float32 Float64
Float32 Float32 Float32 Float32 Float32 Float32 Float32 Float32 Float64
Float64 Float64 Float64 Float64 Float64 Float64 Float64 Float64 Float64
"""
PROMOTION_ROWS = [line.split() for line in PROMOTION_TABLE.split("\n")
                  if line.strip()]


@pytest.mark.parametrize("i", range(9), ids=[str(d) for d in ALL_DTYPES])
@pytest.mark.parametrize("j", range(9), ids=[str(d) for d in ALL_DTYPES])
def test_tensor_plus_tensor_promotes_like_mindspore(i, j):
    left = Tensor(np.array([1, 0, 1]), ALL_DTYPES[i])
    right = Tensor(np.array([1, 0, 1]), ALL_DTYPES[j])
    assert str((left + right).dtype) == PROMOTION_ROWS[i][j]


def test_zero_d_tensors_are_not_weaker():
    a = Tensor([1.0, 2.0], ms.float32)
    assert (a + Tensor(1.0, ms.float64)).dtype is ms.float64
    assert (Tensor(1.0, ms.float64) + a).dtype is ms.float64
    assert (Tensor([1, 2]) + Tensor(1.0, ms.float16)).dtype is ms.float16
    assert (a * Tensor([2, 3], ms.int32)).dtype is ms.float32
    assert (Tensor([True]) * Tensor([False])).dtype is ms.bool_


F16 = Tensor([1.0, 2.0], ms.float16)
F32 = Tensor([1.0, 2.0], ms.float32)
F64 = Tensor([1.0, 2.0], ms.float64)
I32 = Tensor([1, 2], ms.int32)
I64 = Tensor([1, 2], ms.int64)
U8 = Tensor([1, 2], ms.uint8)
FLAG = Tensor([True, False])


@pytest.mark.parametrize("make, dtype, values", [
    (lambda: F16 + 1.5, ms.float16, None),
    (lambda: F32 + np.float64(1), ms.float32, None),
    (lambda: F64 + 1.5, ms.float64, None),
    (lambda: F32 + 2, ms.float32, None),
    (lambda: I32 + 2, ms.int32, [3, 4]),
    (lambda: I32 + 0.5, ms.float32, [1.5, 2.5]),
    (lambda: I64 * 1.5, ms.float32, None),
    (lambda: U8 + 1, ms.uint8, None),
    (lambda: I32 + np.int64(1), ms.int32, None),
    (lambda: I32 + np.int8(1), ms.int32, None),
    (lambda: I32 + np.float64(0.5), ms.float32, None),
    (lambda: I32 * np.float32(2), ms.float32, None),
    (lambda: F16 + np.float64(1), ms.float16, None),
    (lambda: FLAG + 1, ms.int64, [2, 1]),
    (lambda: FLAG + np.int64(1), ms.int64, None),
    (lambda: FLAG + 1.0, ms.float32, None),
    (lambda: FLAG + np.float32(1), ms.float32, None),
    (lambda: FLAG + True, ms.bool_, None),
    (lambda: 2.0 - I32, ms.float32, [1.0, 0.0]),
    (lambda: 3 * F16, ms.float16, None),
], ids=["f16+1.5", "f32+np.float64", "f64+1.5", "f32+2", "i32+2",
        "i32+0.5", "i64*1.5", "u8+1", "i32+np.int64", "i32+np.int8",
        "i32+np.float64", "i32*np.float32", "f16+np.float64", "bool+1",
        "bool+np.int64", "bool+1.0", "bool+np.float32", "bool+True",
        "2.0-i32", "3*f16"])
def test_tensor_with_python_or_numpy_scalar_promotes_like_mindspore(
        make, dtype, values):
    result = make()
    assert result.dtype is dtype
    if values is not None:
        assert result.tolist() == values


@pytest.mark.parametrize("make, dtype, value", [
    (lambda: Tensor(1.0) * 2, ms.float32, 2.0),
    (lambda: Tensor(1.0) * 1.0, ms.float32, 1.0),
    (lambda: Tensor(1.0, ms.float16) + 1.5, ms.float16, 2.5),
    (lambda: Tensor(1, ms.int32) + 2, ms.int32, 3),
    (lambda: Tensor([1.0, 2.0]).sum() * 2, ms.float32, 6.0),
    (lambda: Tensor(3, ms.int32) / 2, ms.float32, 1.5),
    (lambda: 2 - Tensor(1.0), ms.float32, 1.0),
    (lambda: Tensor(1, ms.uint8) + 1, ms.uint8, 2),
    (lambda: Tensor(1.0) + np.float64(1), ms.float32, 2.0),
    (lambda: Tensor(1, ms.int32) + 0.5, ms.float32, 1.5),
    (lambda: Tensor(True) + 1, ms.int64, 2),
], ids=["f32*2", "f32*1.0", "f16+1.5", "i32+2", "sum*2", "i32/2",
        "2-f32", "u8+1", "f32+np.float64", "i32+0.5", "bool+1"])
def test_zero_d_tensor_with_a_scalar_promotes_like_a_1d_tensor(
        make, dtype, value):
    """MindSpore 2.10; NumPy 1.x would promote two 0-d operands by value
    (Float32 * 2 -> float64), which mindgrad must not inherit."""
    result = make()
    assert result.dtype is dtype
    assert result.item() == value


def test_tensor_plus_list_converts_the_list_like_a_scalar():
    """MindSpore 2.10: Tensor([1, 2], int32) + [10, 20] is Int32."""
    result = I32 + [10, 20]
    assert result.dtype is ms.int32
    assert result.tolist() == [11, 22]


def test_which_operators_take_a_list_follows_mindspore():
    # MindSpore 2.10: + - // and list ** Tensor take lists and tuples; the
    # other operators and every ops.* function raise TypeError, and == !=
    # fall back to Python's identity test (conformance 65 has them all)
    t = Tensor([1.0, 2.0])
    assert (t + [1, 2]).tolist() == [2.0, 4.0]
    assert ((3, 4) - t).tolist() == [2.0, 2.0]
    assert ([2, 3] ** t).tolist() == [2.0, 9.0]
    for make in (lambda: t * [1, 2], lambda: t < (1, 2),
                 lambda: ops.add(t, [1, 2]), lambda: ops.mul([1, 2], t),
                 lambda: ops.where([True, False], t, t)):
        with pytest.raises(TypeError, match=r"so wrap it: Tensor\(\[.*\]\)"):
            make()
    assert (t == [1.0, 2.0]) is False and (t != None) is True  # noqa: E711
    assert (t == t.asnumpy()) is False and (t != t.asnumpy()) is True


def test_true_division_of_ints_gives_float32():
    halves = I32 / Tensor([2, 2], ms.int32)
    assert halves.dtype is ms.float32 and halves.tolist() == [0.5, 1.0]
    assert (I64 / 2).dtype is ms.float32
    assert (Tensor([4, 6], ms.int8) / 2).dtype is ms.float32
    assert (Tensor([4, 6]) / Tensor([2, 4])).dtype is ms.float32


def test_floor_division_modulo_and_power_keep_the_int_dtype():
    seven = Tensor([7, -7], ms.int32)
    assert (seven // 2).dtype is ms.int32
    assert (seven // 2).tolist() == [3, -4]
    assert (seven % 3).dtype is ms.int32
    assert (seven % 3).tolist() == [1, 2]             # Python's sign rule
    assert (I32 ** 2).dtype is ms.int32 and (I32 ** 2).tolist() == [1, 4]
    assert (F32 // 0.75).tolist() == [1.0, 2.0]
    assert (F32 % 0.75).tolist() == [0.25, 0.5]


def test_arithmetic_operators_match_numpy():
    a_np = np.array([[1.0, -2.5], [3.25, 4.0]], np.float32)
    b_np = np.array([2.0, 0.5], np.float32)
    a, b = Tensor(a_np), Tensor(b_np)
    pairs = [(a + b, a_np + b_np), (a - b, a_np - b_np),
             (a * b, a_np * b_np), (a / b, a_np / b_np),
             (a // b, a_np // b_np), (a % b, np.mod(a_np, b_np)),
             (a ** 2, a_np ** 2), (2 ** b, 2 ** b_np), (a @ a, a_np @ a_np),
             (-a, -a_np), (abs(a), abs(a_np)), (1 - b, 1 - b_np),
             (1 / b, 1 / b_np)]
    for result, expected in pairs:
        assert isinstance(result, Tensor) and result.dtype is ms.float32
        assert_close(result.asnumpy(), expected)


def test_comparisons_give_bool_tensors():
    a = Tensor([[1.0, -2.5], [3.25, 4.0]])
    b = Tensor([2.0, 0.5])
    assert (a > b).dtype is ms.bool_
    assert (a > b).tolist() == [[False, False], [True, True]]
    assert (a <= 3.25).tolist() == [[True, True], [True, False]]
    assert (a == 4.0).dtype is ms.bool_
    assert (b != 2.0).tolist() == [False, True]


def test_and_or_invert_on_bool_tensors():
    p = Tensor([True, True, False, False])
    q = Tensor([True, False, True, False])
    assert (p & q).dtype is ms.bool_
    assert (p & q).tolist() == [True, False, False, False]
    assert (p | q).tolist() == [True, True, True, False]
    assert (~p).dtype is ms.bool_
    assert (~p).tolist() == [False, False, True, True]


def test_bitwise_and_on_floats_raises_type_error():
    with pytest.raises(TypeError):
        Tensor([1.0]) & Tensor([0.0])


def test_broadcasting_follows_numpy():
    column = Tensor(np.arange(3, dtype=np.float32).reshape(3, 1))
    row = Tensor(np.arange(4, dtype=np.float32))
    assert (column * row).shape == (3, 4)
    assert (column + row).tolist()[2] == [2.0, 3.0, 4.0, 5.0]


def test_failed_broadcast_raises_value_error_with_both_shapes():
    with pytest.raises(ValueError) as info:
        Tensor([1.0, 2.0]) + Tensor([1.0, 2.0, 3.0])
    assert "(2,)" in str(info.value) and "(3,)" in str(info.value)
    assert str(info.value).startswith("add: shapes (2,) and (3,) do not")
    assert "reshape" in str(info.value)           # the fix, not NumPy's text
    with pytest.raises(ValueError, match=r"mul: shapes \(3, 2\) and \(4,\)"):
        ops.mul(Tensor(np.ones((3, 2))), Tensor(np.ones(4)))


def test_matmul_operator_shape_mismatch_raises_runtime_error():
    a = Tensor([[1.0, -2.5], [3.25, 4.0]])
    with pytest.raises(RuntimeError) as info:
        a @ Tensor(np.ones((3, 2), np.float32))
    assert "(2, 2)" in str(info.value) and "(3, 2)" in str(info.value)


@pytest.mark.parametrize("op", [operator.add, operator.sub, operator.mul,
                                operator.truediv],
                         ids=["+", "-", "*", "/"])
def test_tensor_op_ndarray_raises_type_error(op):
    with pytest.raises(TypeError) as info:
        op(F32, np.array([1.0, 2.0]))
    assert "Tensor(" in str(info.value)       # the fix: wrap the array


@pytest.mark.parametrize("op, expected", [
    (operator.add, [2.0, 4.0]), (operator.sub, [0.0, 0.0]),
    (operator.mul, [1.0, 4.0]), (operator.truediv, [1.0, 1.0])],
    ids=["+", "-", "*", "/"])
def test_ndarray_op_tensor_gives_numpys_float64_ndarray(op, expected):
    """NumPy converts the Tensor first, as with MindSpore."""
    result = op(np.array([1.0, 2.0]), F32)
    assert type(result) is np.ndarray and result.dtype == np.float64
    assert result.tolist() == expected


def test_int_ndarray_times_int_tensor_gives_int_ndarray():
    result = np.array([1, 2], np.int32) * Tensor([1, 2], ms.int32)
    assert type(result) is np.ndarray and result.dtype == np.int32
    assert result.tolist() == [1, 4]


# --- 3.5 indexing ------------------------------------------------------------

T12 = Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))


@pytest.mark.parametrize("index, expected", [
    (1, [4.0, 5.0, 6.0, 7.0]),
    ((-1, slice(None, None, 2)), [8.0, 10.0]),
    ((slice(None), slice(1, 3)), [[1.0, 2.0], [5.0, 6.0], [9.0, 10.0]]),
    ((Ellipsis, 0), [0.0, 4.0, 8.0]),
    ([0, 2], [[0.0, 1.0, 2.0, 3.0], [8.0, 9.0, 10.0, 11.0]]),
    (Tensor([2, 0]), [[8.0, 9.0, 10.0, 11.0], [0.0, 1.0, 2.0, 3.0]]),
    ((slice(1, None), -1), [7.0, 11.0]),
], ids=["int", "negative-step", "slices", "ellipsis", "int-list",
        "int-tensor", "slice-and-int"])
def test_indexing_follows_numpy(index, expected):
    result = T12[index]
    assert isinstance(result, Tensor)
    assert result.tolist() == expected


def test_scalar_index_gives_a_zero_d_tensor():
    element = T12[1, 1]
    assert isinstance(element, Tensor) and element.shape == ()
    assert str(element) == "5.0"
    assert str(T12[0][2]) == "2.0"


def test_none_and_bool_mask_indexing():
    assert T12[None].shape == (1, 3, 4)
    assert T12[:, None].shape == (3, 1, 4)
    assert T12[T12 > 6.0].tolist() == [7.0, 8.0, 9.0, 10.0, 11.0]
    mask = Tensor([True, False, True])
    assert Tensor([5, 6, 7])[mask].tolist() == [5, 7]


@pytest.mark.parametrize("index", [3, (0, 4), -4, (0, -5)],
                         ids=["row", "column", "negative-row",
                              "negative-column"])
def test_index_out_of_range_raises_index_error(index):
    with pytest.raises(IndexError) as info:
        T12[index]
    assert "(3, 4)" in str(info.value)        # names the shape


def test_empty_slice_is_not_an_error():
    assert T12[5:].shape == (0, 4)


def test_setitem_writes_in_place():
    m = Tensor(np.zeros((2, 3), np.float32))
    m[0, 1] = 5.0
    m[1] = Tensor([1.0, 2.0, 3.0])
    m[:, 2] = -1
    assert m.tolist() == [[0.0, 5.0, -1.0], [1.0, 2.0, -1.0]]
    n = Tensor([1, 2, 3, 4])
    n[n > 2] = 0
    assert n.tolist() == [1, 2, 0, 0] and n.dtype is ms.int64
    x = Tensor([1.0, 2.0, 3.0])
    x[Tensor([0, 2])] = 0.0
    assert x.tolist() == [0.0, 2.0, 0.0]


# --- 3.6 methods -------------------------------------------------------------

M = Tensor(np.array([[1.0, 5.0, 2.0], [4.0, 3.0, 6.0]], np.float32))


def test_sum_takes_axis_or_dim_and_keepdims_or_keepdim():
    assert M.sum().item() == 21.0
    assert M.sum(axis=0).tolist() == [5.0, 8.0, 8.0]
    assert M.sum(dim=1).tolist() == [8.0, 13.0]
    assert M.sum(axis=1, keepdims=True).shape == (2, 1)
    assert M.sum(dim=0, keepdim=True).shape == (1, 3)
    ints = Tensor([[1, 2], [3, 4]], ms.int32)
    assert ints.sum().item() == 10 and ints.sum().dtype is ms.int64


def test_mean_takes_keep_dims_and_rejects_keepdims():
    assert M.mean().item() == 3.5
    assert M.mean(axis=0).tolist() == [2.5, 4.0, 4.0]
    assert_close(M.mean(dim=1).asnumpy(), [2.6666667, 4.3333335])
    assert M.mean(axis=1, keep_dims=True).shape == (2, 1)
    with pytest.raises(TypeError, match="keepdims"):
        M.mean(axis=0, keepdims=True)


def test_max_min_with_axis_return_values_only():
    assert M.max().item() == 6.0 and M.min().item() == 1.0
    assert M.max(axis=0).tolist() == [4.0, 5.0, 6.0]
    assert M.min(axis=1).tolist() == [1.0, 3.0]
    assert M.max(axis=1, keepdims=True).shape == (2, 1)
    ints = Tensor([[1, 2], [3, 4]], ms.int32)
    assert ints.max(axis=0).tolist() == [3, 4]


def test_max_with_dim_returns_values_and_int64_indices():
    values, indices = M.max(dim=1)
    assert values.tolist() == [5.0, 6.0]
    assert indices.dtype is ms.int64 and indices.tolist() == [1, 2]
    values, indices = M.max(dim=1, keepdim=True)
    assert values.shape == (2, 1) and indices.shape == (2, 1)
    values, indices = M.min(dim=0)
    assert values.tolist() == [1.0, 3.0, 2.0]
    assert indices.tolist() == [0, 1, 0]


def test_argmax_is_int64_and_argmin_is_int32():
    assert M.argmax().item() == 5 and M.argmax().dtype is ms.int64
    assert M.argmax(axis=1).tolist() == [1, 2]
    assert M.argmax(axis=1).dtype is ms.int64
    assert M.argmin(axis=0).tolist() == [0, 1, 0]
    assert M.argmin(axis=0).dtype is ms.int32
    assert Tensor([3, 1, 2]).argmin().dtype is ms.int32


def test_std_and_var_use_ddof_zero():
    assert_close(M.std().item(), 1.7078252)
    assert_close(M.var().item(), 2.9166667)
    assert_close(M.std(axis=0).asnumpy(), [1.5, 1.0, 2.0])
    assert_close(M.var(axis=1).asnumpy(), [2.888889, 1.5555555])


def test_float_and_int_methods_cast_to_float32_and_int32():
    assert Tensor([1, 2], ms.int32).float().dtype is ms.float32
    truncated = Tensor([1.7, -1.7]).int()
    assert truncated.dtype is ms.int32 and truncated.tolist() == [1, -1]


def test_all_and_any():
    assert Tensor([True, False]).all().item() is False
    assert Tensor([True, False]).any().item() is True
    assert (M > 0).all().item() is True


T6 = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))


@pytest.mark.parametrize("make, shape", [
    (lambda: T6.reshape(6), (6,)),
    (lambda: T6.reshape((1, 6)), (1, 6)),
    (lambda: T6.reshape(-1, 1), (6, 1)),
    (lambda: T6.reshape([3, 2]), (3, 2)),
    (lambda: T6.view(3, 2), (3, 2)),
    (lambda: T6.view((6,)), (6,)),
    (lambda: T6.transpose(), (3, 2)),
    (lambda: T6.transpose(1, 0), (3, 2)),
    (lambda: T6.flatten(), (6,)),
    (lambda: T6.expand_dims(0), (1, 2, 3)),
    (lambda: T6.expand_dims(-1), (2, 3, 1)),
    (lambda: T6.unsqueeze(1), (2, 1, 3)),
    (lambda: Tensor(np.ones((1, 3, 1))).squeeze(), (3,)),
    (lambda: Tensor(np.ones((1, 3, 1))).squeeze(0), (3, 1)),
    (lambda: Tensor(np.ones((1, 3, 1))).squeeze(axis=2), (1, 3)),
], ids=["reshape-int", "reshape-tuple", "reshape-args", "reshape-list",
        "view-args", "view-tuple", "transpose", "transpose-axes",
        "flatten", "expand_dims-0", "expand_dims--1", "unsqueeze",
        "squeeze", "squeeze-0", "squeeze-axis"])
def test_shape_methods(make, shape):
    assert make().shape == shape


def test_transpose_reverses_the_axes():
    assert T6.transpose().tolist() == [[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]]
    assert T6.reshape([3, 2]).tolist() == [[0.0, 1.0], [2.0, 3.0],
                                           [4.0, 5.0]]


def test_elementwise_methods_match_numpy():
    x_np = np.array([0.5, 1.0, 2.0], np.float32)
    x = Tensor(x_np)
    pairs = [(x.exp(), np.exp(x_np)), (x.log(), np.log(x_np)),
             (x.sqrt(), np.sqrt(x_np)), ((-x).abs(), x_np),
             (x.pow(2), x_np ** 2), (x.pow(x), x_np ** x_np),
             (x.square(), x_np ** 2),
             (x.sigmoid(), 1 / (1 + np.exp(-x_np))),
             (x.tanh(), np.tanh(x_np)),
             (x.clip(0.75, 1.5), np.clip(x_np, 0.75, 1.5))]
    for result, expected in pairs:
        assert result.dtype is ms.float32
        assert_close(result.asnumpy(), expected)


def test_softmax_and_matmul_methods():
    m = Tensor(np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], np.float32))
    e = np.exp(np.array([1.0, 2.0, 3.0]))
    assert_close(m.softmax(1).asnumpy(),
                 [e / e.sum(), [1 / 3, 1 / 3, 1 / 3]])
    assert_close(m.softmax(axis=0).asnumpy()[:, 1],
                 [0.7310586, 0.26894143])
    product = m.matmul(Tensor(np.ones((3, 2), np.float32)))
    assert product.tolist() == [[6.0, 6.0], [3.0, 3.0]]


def test_tensor_has_no_relu_method():
    assert not hasattr(Tensor([1.0]), "relu")


# --- 3.9 format --------------------------------------------------------------

def test_empty_format_spec_gives_str():
    y_pred = Tensor([6])
    loss = Tensor(0.123456)
    assert f"{y_pred}" == "[6]"
    assert f"Predicted: {y_pred}, loss: {loss}" == \
        "Predicted: [6], loss: 0.123456"
    assert format(Tensor([[1.0, 2.0]])) == "[[1. 2.]]"
    assert "{}".format(Tensor(True)) == "True"


@pytest.mark.parametrize("make", [
    lambda: f"{Tensor(0.123456):>7f}",
    lambda: f"{Tensor(0.123456):.4f}",
    lambda: f"{Tensor([6]):d}",
], ids=[">7f", ".4f", "d"])
def test_any_format_spec_raises_type_error_with_item_hint(make):
    with pytest.raises(TypeError) as info:
        make()
    assert ".item()" in str(info.value)


def test_item_is_the_fix_for_format_specs():
    assert f"{Tensor(0.123456).item():.4f}" == "0.1235"
    assert f"{Tensor(0.123456).asnumpy():>7f}" == "0.123456"


# --- 5.8 set_seed and get_seed -----------------------------------------------

def test_set_seed_stores_the_seed_and_seeds_numpy():
    ms.set_seed(5)
    assert ms.get_seed() == 5
    first = np.random.rand()
    np.random.seed(5)
    assert first == np.random.rand()


def test_set_seed_makes_mindgrad_randomness_repeatable():
    ms.set_seed(11)
    first = np.random.randn(3)
    ms.set_seed(11)
    assert np.array_equal(first, np.random.randn(3))


def test_set_seed_makes_dropout_masks_repeatable():
    """api.md 5.8 [D]: dropout masks come from a generator that set_seed
    seeds, so two runs from one seed drop the same elements."""
    ms.set_seed(3)
    first = ops.dropout(ops.ones(200), p=0.5)
    ms.set_seed(3)
    second = ops.dropout(ops.ones(200), p=0.5)
    ms.set_seed(4)
    other = ops.dropout(ops.ones(200), p=0.5)
    assert set(first.tolist()) == {0.0, 2.0}       # kept ones scaled 1/(1-p)
    assert first.tolist() == second.tolist()
    assert first.tolist() != other.tolist()


def test_get_seed_is_none_before_any_set_seed():
    assert run_python("""
        import mindgrad as ms
        print(ms.get_seed())
    """).strip() == "None"


@pytest.mark.parametrize("seed, error", [
    (-1, ValueError), (1.5, TypeError), (True, TypeError),
    ("3", TypeError), (np.int64(3), TypeError), (2 ** 32, ValueError)],
    ids=["negative", "float", "bool", "str", "numpy-int", "too-large"])
def test_set_seed_rejects_what_mindspore_rejects(seed, error):
    with pytest.raises(error) as info:
        ms.set_seed(seed)
    assert "seed" in str(info.value)


# --- 10 set_context, get_context, jit ----------------------------------------

def test_mode_constants():
    assert (ms.GRAPH_MODE, ms.PYNATIVE_MODE) == (0, 1)


def test_get_context_returns_stored_values():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # the warning has its own test
            ms.set_context(mode=ms.GRAPH_MODE)
        assert ms.get_context("mode") == ms.GRAPH_MODE
        ms.set_context(device_target="CPU")
        assert ms.get_context("device_target") == "CPU"
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    assert ms.get_context("mode") == ms.PYNATIVE_MODE


def test_default_context_is_pynative_on_cpu():
    assert run_python("""
        import mindgrad as ms
        print(ms.get_context("mode"), ms.get_context("device_target"))
    """).split() == ["1", "CPU"]


def test_unknown_context_keyword_raises_value_error_naming_it():
    with pytest.raises(ValueError, match="foo"):
        ms.set_context(foo=1)
    with pytest.raises(ValueError, match="foo"):
        ms.get_context("foo")


def test_graph_mode_and_jit_warn_once_and_run_eagerly():
    output = run_python("""
        import warnings
        import mindgrad as ms
        from mindgrad import Tensor

        def double(x):
            return x * 2

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ms.set_context(mode=ms.GRAPH_MODE)
            ms.set_context(mode=ms.GRAPH_MODE)
            print(len(caught))
            same = ms.jit(double)
            decorated = ms.jit()(double)
            ms.jit(double)
            print(len(caught))
        print(same is double, decorated is double, double(Tensor(2.0)))
        print(ms.get_context("mode"))
        print(all(w.category is UserWarning and "mindgrad runs eagerly; "
                  "accepted as a no-op" in str(w.message) for w in caught))
    """).splitlines()
    assert output[0] == "1"                   # graph mode: one warning
    assert output[1] in ("1", "2")            # @jit: at most one more
    assert output[2] == "True True 4.0"       # jit returns fn unchanged
    assert output[3] == "0"
    assert output[4] == "True"


def test_device_target_cpu_is_silent_and_others_warn_once():
    output = run_python("""
        import warnings
        import mindgrad as ms
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ms.set_context(device_target="CPU")
            print(len(caught))
            ms.set_context(device_target="GPU")
            ms.set_context(device_target="GPU")
            print(len(caught))
    """).split()
    assert output == ["0", "1"]


def test_parameters_promote_like_tensors_and_give_plain_tensors():
    w = Parameter(Tensor([1, 2], ms.int32), name="w")
    result = w + 0.5
    assert type(result) is Tensor and result.dtype is ms.float32

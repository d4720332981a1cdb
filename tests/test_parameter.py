"""Parameter and ParameterTuple behave as in MindSpore 2.10 (api.md 4).

Expected values are MindSpore 2.10's own output, except where api.md
marks a deliberate mindgrad difference [D] (the set_data shape check).
"""
import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, ParameterTuple, Tensor

# --- 4.1 creation ------------------------------------------------------------


def test_parameter_is_a_tensor_with_name_and_requires_grad():
    w = Parameter(Tensor(np.arange(15, dtype=np.float32).reshape(5, 3)),
                  name="w")
    assert isinstance(w, Tensor)
    assert (w.name, w.requires_grad) == ("w", True)
    assert w.shape == (5, 3) and w.dtype is ms.float32


@pytest.mark.parametrize("default_input, dtype, shape", [
    (Tensor([1.0, 2.0], ms.float16), ms.float16, (2,)),
    (np.array([6.0]), ms.float64, (1,)),
    (np.array(2.0), ms.float64, ()),
    (2.0, ms.float32, ()),
    (3, ms.int32, ()),
    ([1, 2], ms.int64, (2,)),
    ([1.0, 2.0], ms.float32, (2,)),
], ids=["tensor", "ndarray", "0-d-ndarray", "float", "int", "int-list",
        "float-list"])
def test_default_input_dtype_rules(default_input, dtype, shape):
    p = Parameter(default_input, name="p")
    assert p.dtype is dtype and p.shape == shape


def test_an_int_parameter_is_int32_but_an_int_tensor_is_int64():
    assert Parameter(3, name="i").dtype is ms.int32
    assert Tensor(3).dtype is ms.int64


def test_parameter_copies_its_initial_value():
    t = Tensor([1.0, 2.0])
    p = Parameter(t, name="p")
    t[0] = 9.0
    assert p.tolist() == [1.0, 2.0]
    a = np.array([1.0, 2.0])
    q = Parameter(a, name="q")
    a[0] = 9.0
    assert q.tolist() == [1.0, 2.0]


def test_bool_default_input_raises_value_error():
    with pytest.raises(ValueError, match="bool"):
        Parameter(True, name="p")


def test_str_default_input_raises_type_error():
    with pytest.raises(TypeError, match="str"):
        Parameter("abc", name="p")


@pytest.mark.parametrize("default_input", [
    np.float32(2.5), np.int64(2), (1.0, 2.0), None],
    ids=["numpy-float", "numpy-int", "tuple", "None"])
def test_default_inputs_mindspore_rejects_raise_type_error(default_input):
    """MindSpore 2.10 accepts only Tensor, int, float, ndarray and list."""
    with pytest.raises(TypeError):
        Parameter(default_input, name="p")


# --- names -------------------------------------------------------------------

def test_unnamed_parameters_are_numbered():
    first, second = Parameter(1.0), Parameter(2.0)
    assert first.name.startswith("Parameter#")
    assert second.name.startswith("Parameter#")
    n1 = int(first.name.split("#")[1])
    n2 = int(second.name.split("#")[1])
    assert n2 > n1
    assert Parameter(1.0, name=None).name.startswith("Parameter#")


def test_name_must_be_a_str():
    with pytest.raises(ValueError, match="name"):
        Parameter(1.0, name=3)


def test_name_is_settable_but_only_to_a_str():
    b = Parameter(Tensor([1.0, 2.0]), name="b")
    b.name = "bias"
    assert b.name == "bias"
    with pytest.raises(ValueError, match="name"):
        b.name = 3
    assert b.name == "bias"


# --- requires_grad -----------------------------------------------------------

def test_requires_grad_is_settable():
    b = Parameter(Tensor([1.0, 2.0]), name="b", requires_grad=False)
    assert b.requires_grad is False
    b.requires_grad = True
    assert b.requires_grad is True


@pytest.mark.parametrize("value", [1, "yes", None])
def test_requires_grad_must_be_a_bool(value):
    with pytest.raises(TypeError, match="requires_grad"):
        Parameter(1.0, name="p", requires_grad=value)
    b = Parameter(1.0, name="b")
    with pytest.raises(TypeError, match="requires_grad"):
        b.requires_grad = value
    assert b.requires_grad is True


# --- printing ----------------------------------------------------------------

def test_str_repr_and_format_are_the_same_summary():
    w = Parameter(Tensor(np.ones((5, 3), np.float32)), name="w")
    expected = ("Parameter (name=w, shape=(5, 3), dtype=Float32, "
                "requires_grad=True)")
    assert str(w) == repr(w) == f"{w}" == expected


def test_printing_shows_the_flag_and_no_values():
    b = Parameter(Tensor([1.0, 2.0]), name="b", requires_grad=False)
    assert str(b) == ("Parameter (name=b, shape=(2,), dtype=Float32, "
                      "requires_grad=False)")


def test_a_list_of_parameters_prints_their_summaries():
    params = [Parameter(np.array([6.0]), name="a"),
              Parameter(2.0, name="b")]
    assert str(params) == (
        "[Parameter (name=a, shape=(1,), dtype=Float64, requires_grad=True),"
        " Parameter (name=b, shape=(), dtype=Float32, requires_grad=True)]")


def test_a_format_spec_on_a_parameter_raises_type_error():
    p = Parameter(Tensor([1.0]), name="p")
    with pytest.raises(TypeError, match="Parameter"):
        f"{p:.2f}"


# --- arithmetic and slicing --------------------------------------------------

def test_arithmetic_and_slicing_give_plain_tensors():
    w = Parameter(Tensor(np.arange(15, dtype=np.float32).reshape(5, 3)),
                  name="w")
    b = Parameter(Tensor([3.0, 4.0, 5.0]), name="b")
    for result in (w + 1, w * 2, -w, w * b, w @ Tensor(np.ones(3,
                                                               np.float32)),
                   w.sum(), w[0], w[:2]):
        assert type(result) is Tensor
    assert (w + 1).dtype is ms.float32
    assert str(w[:2]) == "[[0. 1. 2.]\n [3. 4. 5.]]"
    assert (w * 2).tolist()[4] == [24.0, 26.0, 28.0]


def test_value_returns_a_plain_tensor():
    a = Parameter(Tensor([1.0, 2.0]), name="a")
    value = a.value()
    assert type(value) is Tensor and value.tolist() == [1.0, 2.0]


# --- set_data ----------------------------------------------------------------

def test_set_data_replaces_the_value_in_place_cast_to_the_dtype():
    b = Parameter(Tensor([1.0, 2.0]), name="b")
    assert b.set_data(Tensor([5.0, 6.0])) is b
    assert b.tolist() == [5.0, 6.0] and b.dtype is ms.float32
    b.set_data(Tensor([7, 8]))
    assert b.tolist() == [7.0, 8.0] and b.dtype is ms.float32
    b.set_data(Tensor(np.array([1.5, 2.5])))      # Float64 into Float32
    assert b.dtype is ms.float32 and b.tolist() == [1.5, 2.5]


def test_set_data_takes_an_int_for_an_int_parameter():
    c = Parameter(Tensor(1, ms.int32), name="c")
    c.set_data(4)
    assert c.item() == 4 and c.dtype is ms.int32


def test_set_data_keeps_name_and_flag():
    b = Parameter(Tensor([1.0, 2.0]), name="b", requires_grad=False)
    b.set_data(Tensor([3.0, 4.0]))
    assert (b.name, b.requires_grad) == ("b", False)


@pytest.mark.parametrize("data", [np.array([1.0, 2.0]), [1.0, 2.0]],
                         ids=["ndarray", "list"])
def test_set_data_rejects_arrays_and_lists_with_type_error(data):
    b = Parameter(Tensor([1.0, 2.0]), name="b")
    with pytest.raises(TypeError, match="set_data"):
        b.set_data(data)
    assert b.tolist() == [1.0, 2.0]


def test_set_data_with_a_new_shape_raises_value_error():
    """[D] MindSpore 2.10 silently reshapes; mindgrad names both shapes
    and leaves the Parameter unchanged."""
    p = Parameter(Tensor([1.0, 2.0]), name="p")
    with pytest.raises(ValueError) as info:
        p.set_data(Tensor([1.0, 2.0, 3.0]))
    message = str(info.value)
    assert "(3,)" in message and "(2,)" in message and "p" in message
    assert p.shape == (2,) and p.tolist() == [1.0, 2.0]


# --- clone -------------------------------------------------------------------

def test_clone_keeps_name_and_flag_and_copies_the_data():
    r = Parameter(Tensor([1.0, 2.0]), name="r", requires_grad=False)
    copy = r.clone()
    assert copy is not r and isinstance(copy, Parameter)
    assert (copy.name, copy.requires_grad) == ("r", False)
    assert copy.tolist() == [1.0, 2.0] and copy.dtype is ms.float32
    copy.set_data(Tensor([5.0, 6.0]))
    assert r.tolist() == [1.0, 2.0]


def test_clone_with_zeros_init():
    r = Parameter(Tensor([1.0, 2.0]), name="r")
    assert r.clone(init="zeros").tolist() == [0.0, 0.0]


# --- 4.2 ParameterTuple ------------------------------------------------------

def make_pair():
    w = Parameter(Tensor([[1.0, 2.0]]), name="w")
    b = Parameter(Tensor([0.5]), name="b")
    return w, b


def test_parameter_tuple_is_a_tuple_that_prints_as_one():
    w, b = make_pair()
    params = ParameterTuple([w, b])
    assert isinstance(params, tuple) and len(params) == 2
    assert params[0] is w and params[1] is b
    expected = (
        "(Parameter (name=w, shape=(1, 2), dtype=Float32, "
        "requires_grad=True), Parameter (name=b, shape=(1,), "
        "dtype=Float32, requires_grad=True))")
    assert str(params) == repr(params) == expected


def test_parameter_tuple_takes_any_iterable_even_empty():
    w, b = make_pair()
    assert ParameterTuple(p for p in (w, b)) == (w, b)
    assert ParameterTuple([]) == ()


def test_the_same_parameter_twice_is_allowed():
    w, _ = make_pair()
    assert ParameterTuple((w, w)) == (w, w)


def test_a_non_parameter_element_raises_type_error():
    w, _ = make_pair()
    with pytest.raises(TypeError, match="Parameter"):
        ParameterTuple([w, Tensor([1.0])])


def test_two_parameters_with_one_name_raise_value_error_naming_it():
    first = Parameter(Tensor([1.0]), name="kernel")
    twin = Parameter(Tensor([3.0]), name="kernel")
    with pytest.raises(ValueError, match="kernel"):
        ParameterTuple([first, twin])


def test_parameter_tuple_clone_prefixes_names_and_copies():
    w, b = make_pair()
    copies = ParameterTuple([w, b]).clone("copy")
    assert isinstance(copies, ParameterTuple)
    assert [p.name for p in copies] == ["copy.w", "copy.b"]
    assert copies[0] is not w and copies[0].tolist() == [[1.0, 2.0]]
    zeros = ParameterTuple([w, b]).clone("z", init="zeros")
    assert [p.name for p in zeros] == ["z.w", "z.b"]
    assert zeros[0].tolist() == [[0.0, 0.0]] and zeros[1].tolist() == [0.0]
    assert zeros[1].dtype is ms.float32
    assert w.tolist() == [[1.0, 2.0]]

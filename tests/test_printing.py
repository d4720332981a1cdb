"""mindgrad prints Tensors and Parameters exactly as MindSpore 2.10 does.

Every expected string is MindSpore's own output, recorded by
``tools/record_printing_goldens.py`` into ``tests/golden/printing.json``;
the arrays are rebuilt from the recorded recipes by that script's
``build_array``, so no MindSpore and no RNG is needed here.
"""
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from mindgrad import _printing

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = json.loads((ROOT / "tests" / "golden" / "printing.json")
                     .read_text(encoding="ascii"))


def _load_recorder():
    """Import the recorder by path: ``tools`` is not a package."""
    path = ROOT / "tools" / "record_printing_goldens.py"
    spec = importlib.util.spec_from_file_location("record_goldens", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_array = _load_recorder().build_array


def _cases(kind):
    return [pytest.param(case, id=case["id"]) for case in GOLDENS[kind]]


@pytest.mark.parametrize("case", _cases("tensors"))
def test_repr_matches_mindspore(case):
    array = build_array(case)
    assert _printing.tensor_repr(array, case["dtype_name"]) == case["repr"]


@pytest.mark.parametrize("case", _cases("tensors"))
def test_str_matches_mindspore(case):
    assert _printing.tensor_str(build_array(case)) == case["str"]


@pytest.mark.parametrize("case", _cases("parameters"))
def test_parameter_repr_matches_mindspore(case):
    text = _printing.parameter_repr(case["name"], tuple(case["shape"]),
                                    case["dtype_name"],
                                    case["requires_grad"])
    assert text == case["repr"]


@pytest.mark.parametrize(
    "case", [c for c in _cases("formats") if "error" in c.values[0]])
def test_format_spec_message_starts_with_mindspores_words(case):
    assert case["error"] == "TypeError"
    message = _printing.format_spec_message(case["class"], case["spec"])
    assert message.startswith(case["message"])
    assert ".item()" in message and repr(case["spec"]) in message


@pytest.mark.parametrize(
    "case", [c for c in _cases("formats") if "text" in c.values[0]])
def test_an_empty_format_spec_gives_str(case):
    # f"{t}" is str(t); a Parameter's str is its repr. Recorded for 1.5.
    if case["class"] == "Tensor":
        expected = _printing.tensor_str(np.array(1.5, np.float32))
    else:
        expected = _printing.parameter_repr("p", (), "Float32", True)
    assert case["text"] == expected


def test_goldens_cover_every_rule():
    ids = [case["id"] for case in GOLDENS["tensors"]]
    assert len(ids) == len(set(ids)) >= 80
    for dtype in ("float16", "float32", "float64", "int8", "int16",
                  "int32", "int64", "uint8", "bool"):
        assert any(case["dtype"] == dtype and case["shape"] == []
                   for case in GOLDENS["tensors"]), dtype
    for prefix in ("0d-", "1d-", "2d-", "3d-", "4d-", "empty-"):
        assert any(case_id.startswith(prefix) for case_id in ids), prefix


def test_numpy_scalars_and_numpy_ints_print_like_arrays():
    # The Tensor may hold a NumPy scalar; a shape may hold np.int64 sizes,
    # which NumPy 2 would print as "np.int64(5)" inside a tuple.
    assert _printing.tensor_str(np.float32(1.3423151)) == "1.3423151"
    assert _printing.tensor_repr(np.float16(0.1), "Float16") == (
        "Tensor(shape=[], dtype=Float16, value= 0.0999756)")
    shape = (np.int64(5), np.int64(3))
    assert _printing.parameter_repr("w", shape, "Float32", True) == (
        "Parameter (name=w, shape=(5, 3), dtype=Float32, requires_grad=True)")


def test_str_follows_the_callers_numpy_print_options():
    # MindSpore's str is NumPy's, so a learner's own options apply too.
    with np.printoptions(precision=3):
        text = _printing.tensor_str(np.array([1.23456, 1e6], np.float32))
    assert text == "[1.235e+00 1.000e+06]"


def test_printing_leaves_numpy_print_options_alone():
    before = np.get_printoptions()
    for case in GOLDENS["tensors"][:20]:
        array = build_array(case)
        _printing.tensor_repr(array, case["dtype_name"])
        _printing.tensor_str(array)
    assert np.get_printoptions() == before

"""Record how MindSpore 2.10 prints Tensors and Parameters, as goldens.

Usage (from the repository root; any working directory will do)::

    MINDSPORE_PYTHON=path/to/mindspore-venv/bin/python \\
        python tools/record_printing_goldens.py

Started by an interpreter without MindSpore, the script re-runs itself
under the interpreter that the environment variable ``MINDSPORE_PYTHON``
names; it may also be started by that interpreter directly. It writes
``tests/golden/printing.json``, which ``tests/test_printing.py`` compares
``mindgrad/_printing.py`` against without needing MindSpore.

Every case is a recipe, not a pickled array: a NumPy dtype, a shape and
either the values themselves (random cases store the values drawn, so no
RNG runs at test time) or an integer ``arange`` formula for large arrays.
``build_array`` turns a recipe into the same bits under NumPy 1.26 and 2.x;
the test imports it from this file, so recorder and test cannot disagree.
"""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"
GOLDEN_FILE = GOLDEN / "printing.json"

# JSON has no NaN or infinity, so those float values travel as strings.
_SPECIAL = {"nan": np.nan, "-nan": -np.nan, "inf": np.inf, "-inf": -np.inf}


def build_array(case: dict) -> np.ndarray:
    """Rebuild the ndarray a tensor case describes, bit for bit."""
    dtype = np.dtype(case["dtype"])
    shape = tuple(case["shape"])
    if "values" in case:
        if dtype.kind == "f":
            floats = [_SPECIAL[v] if isinstance(v, str) else v
                      for v in case["values"]]
            # float64 -> float16/32 rounds once, identically everywhere;
            # NaN keeps its sign bit through the cast.
            array = np.array(floats, dtype=np.float64).astype(dtype)
        else:
            array = np.array(case["values"], dtype=dtype)
        return array.reshape(shape)
    # v_i = ((i * mul) % mod + add) * scale, exact integer arithmetic first,
    # so large arrays need no stored values and no RNG.
    formula = case["arange"]
    values = np.arange(int(np.prod(shape)), dtype=np.int64) * formula["mul"]
    if formula["mod"]:
        values = values % formula["mod"]
    values = values + formula["add"]
    if dtype.kind == "f":
        return (values.astype(np.float64) * formula["scale"]).astype(
            dtype).reshape(shape)
    return (values * int(formula["scale"])).astype(dtype).reshape(shape)


def _flatten(values) -> list:
    """A nested list's scalars in row-major order."""
    if isinstance(values, (list, tuple)):
        return [item for value in values for item in _flatten(value)]
    return [values]


def _values(case_id, dtype, values, shape=None):
    """A case with explicit values (nested lists, or flat with a shape)."""
    shape = np.shape(values) if shape is None else shape
    case = {"id": case_id, "dtype": dtype, "shape": list(shape),
            "values": _flatten(values)}
    # Store the values as the dtype holds them (0.3 in float32 is
    # 0.30000001192092896), so the JSON shows exactly what was printed.
    case["values"] = _encode(build_array(case).reshape(-1))
    return case


def _encode(flat: np.ndarray) -> list:
    """Values as JSON-safe Python numbers; non-finite floats as strings."""
    if flat.dtype.kind == "f":
        out = []
        for v in flat.tolist():
            if np.isnan(v):
                out.append("-nan" if np.signbit(v) else "nan")
            elif np.isinf(v):
                out.append("inf" if v > 0 else "-inf")
            else:
                out.append(v)
        return out
    return flat.tolist()


def _random(case_id, dtype, shape, seed, kind="normal", scale=1.0):
    """A seeded random case; the drawn values are stored, not the seed."""
    rng = np.random.default_rng(seed)
    if kind == "normal":
        array = rng.standard_normal(shape) * scale
    elif kind == "integers":
        array = rng.integers(-scale, scale, size=shape, endpoint=True)
    else:
        array = rng.random(shape) < 0.5
    return {"id": case_id, "dtype": dtype, "shape": list(shape),
            "values": _encode(np.asarray(array).astype(dtype).reshape(-1))}


def _arange(case_id, dtype, shape, mul=1, mod=0, add=0, scale=1):
    """A large case given by the integer formula of ``build_array``."""
    return {"id": case_id, "dtype": dtype, "shape": list(shape),
            "arange": {"mul": mul, "mod": mod, "add": add, "scale": scale}}


def tensor_cases() -> list:
    """Every tensor printing rule of api.md 3.7 and 3.8, with edges."""
    cases = []
    # 0-d: C++ ostream default (like '%g'); NaN keeps its sign.
    for dtype, value in [
            ("float32", 1.3423151), ("float32", 20.0), ("float32", -2.0),
            ("float32", 1.5e-7), ("float32", 123456789.0),
            ("float32", 1e8), ("float32", 0.3), ("float32", 1 / 3),
            ("float32", 1e16), ("float32", 12345.678), ("float32", 0.0),
            ("float32", -0.0), ("float32", "nan"), ("float32", "-nan"),
            ("float32", "inf"), ("float32", "-inf"), ("float32", 1000.0),
            ("float32", 1e6), ("float32", -1e15), ("float32", 1e-4),
            ("float32", 9.9e-5), ("float32", 1e-5), ("float16", 0.1),
            ("float16", 65504.0), ("float16", -6e-5), ("float16", 2.5),
            ("float16", 1000.0), ("float16", 1.3423151), ("float16", 1e-4),
            ("float16", 1e-5), ("float16", "-inf"), ("float64", 20.0),
            ("float64", 0.1), ("float64", 1e-300), ("float64", 1e16),
            ("float64", 3.141592653589793), ("float64", -1234567.0),
            ("float64", 123456789.0), ("float64", 1e-4), ("float64", 1e-5),
            ("float64", "nan")]:
        cases.append(_values(f"0d-{dtype}-{value}", dtype, [value], ()))
    for dtype, value in [
            ("int64", 7), ("int64", -2 ** 63), ("int64", 2 ** 40),
            ("int32", -5), ("int16", 0), ("int8", -100), ("uint8", 200),
            ("bool", True), ("bool", False)]:
        cases.append(_values(f"0d-{dtype}-{value}", dtype, [value], ()))

    # 1-D: element widths, specials, wrapping every 12th / 24th element.
    cases += [
        _values("1d-int64-mixed-widths", "int64", [1, 10, -3]),
        _values("1d-float32-api-example", "float32", [1.0, -2.5, 3.25]),
        _values("1d-bool", "bool", [True, False]),
        _values("1d-int64-one", "int64", [42]),
        _values("1d-float32-one", "float32", [0.5]),
        _values("1d-float32-specials", "float32",
                ["nan", "inf", "-inf", -0.0, 1e-8]),
        _values("1d-float32-signed-nan", "float32", ["-nan", "nan"]),
        _values("1d-float16-specials", "float16",
                ["nan", "inf", "-inf", 0.5, -0.0, 65504.0]),
        _values("1d-float64-extreme-exponents", "float64",
                [1e100, -1e-300, 5e-324, 1.7976931348623157e308]),
        _values("1d-int8-signed", "int8", [-5, 100, 7, -128, 127]),
        _values("1d-uint8", "uint8", [255, 0, 7]),
        _values("1d-int16", "int16", [-32768, 1, 32767]),
        _values("1d-int64-huge", "int64", [2 ** 62, -1, -(2 ** 63)]),
        _values("1d-float32-large-small", "float32",
                [1e8, 1e-8, -123456.789, 3e38, 1e-45]),
        # NumPy >= 2.3 would print these in scientific notation.
        _values("1d-float32-millions", "float32", [1e6, 2e6]),
        _values("1d-float32-1e7-and-1", "float32", [1e7, 1.0]),
        _values("1d-float32-tens-of-millions", "float32", [9e7, 5e7]),
        _values("1d-float16-thousands", "float16", [1000.0, 2000.0]),
        _values("1d-float16-powers-of-two", "float16", [2048.0, 4096.0]),
        _values("2d-float32-1x2-millions", "float32", [[1e7, 2e7]]),
        _random("1d-float32-random-7", "float32", (7,), 0),
        _random("1d-float64-random-5", "float64", (5,), 1, scale=100.0),
        _random("1d-float16-random-9", "float16", (9,), 2),
        _random("1d-int32-random-30", "int32", (30,), 3, "integers", 1000),
        _random("1d-bool-random-13", "bool", (13,), 4, "bool"),
    ]
    for dtype, lengths in [("float32", [11, 12, 13, 24, 25, 36]),
                           ("float16", [12, 13]), ("float64", [13]),
                           ("int64", [23, 24, 25, 48, 49]),
                           ("int8", [25]), ("uint8", [24]),
                           ("bool", [12, 13, 25])]:
        for n in lengths:
            mod = 2 if dtype == "bool" else 0
            add = -11 if dtype.startswith("int") else 0
            scale = 0.5 if dtype.startswith("float") else 1
            cases.append(_arange(f"1d-{dtype}-len{n}", dtype, (n,),
                                 mod=mod, add=add, scale=scale))
    # 1-D summarisation starts above 1000 elements; no wrapping when cut.
    for dtype, n in [("float32", 1000), ("float32", 1001),
                     ("float32", 1008), ("float32", 1020),
                     ("int32", 1000), ("int32", 1001), ("int32", 1032),
                     ("int64", 1008), ("float64", 1001),
                     ("float16", 1001), ("bool", 1000), ("bool", 1001),
                     ("uint8", 1001)]:
        mod = 2 if dtype == "bool" else 256 if dtype == "uint8" else 0
        add = -500 if dtype.startswith("int") else 0
        scale = 0.25 if dtype.startswith("float") else 1
        cases.append(_arange(f"1d-{dtype}-len{n}", dtype, (n,),
                             mod=mod, add=add, scale=scale))
    cases.append(_arange("1d-float32-len5000-mixed", "float32", (5000,),
                         mul=7919, mod=1000, add=-500, scale=0.001))

    # ndim > 1: row joins, indents, summarising any dimension above 6.
    cases += [
        _arange("2d-int64-7x2-api-example", "int64", (7, 2)),
        _arange("3d-float32-2x2x2-api-example", "float32", (2, 2, 2)),
        _values("2d-float32-1x10-api-example", "float32",
                [np.linspace(-1, 1, 10).tolist()]),
        _values("2d-float64-1x2-extremes", "float64", [[1e100, -1e-300]]),
        _values("2d-int64-1x2-huge", "int64", [[2 ** 62, -1]]),
        _values("2d-float32-specials", "float32",
                [["nan", 1.0], ["-inf", "-nan"]]),
        _values("2d-float32-1x1", "float32", [[3.0]]),
        _arange("2d-int64-5x1", "int64", (5, 1)),
        _arange("2d-float32-6x6", "float32", (6, 6), scale=0.1),
        _arange("2d-float32-6x7", "float32", (6, 7), scale=0.1),
        _arange("2d-float32-7x6", "float32", (7, 6), scale=0.1),
        _arange("2d-int32-7x7", "int32", (7, 7), add=-24),
        _arange("2d-int32-4x5", "int32", (4, 5), mul=37, mod=101, add=-50),
        _arange("2d-bool-10x10", "bool", (10, 10), mul=7, mod=3),
        _arange("2d-uint8-3x8", "uint8", (3, 8), mul=29, mod=256),
        _arange("2d-float32-3x1001", "float32", (3, 1001), scale=0.5),
        _arange("2d-float32-100x100", "float32", (100, 100),
                mul=7919, mod=1000, add=-500, scale=0.01),
        _arange("2d-int64-1000x2", "int64", (1000, 2), mul=13, mod=10007),
        _arange("2d-float32-40x30", "float32", (40, 30), scale=1.5),
        _random("2d-float32-random-8x9", "float32", (8, 9), 5),
        _random("2d-float64-random-3x4", "float64", (3, 4), 6),
        _random("2d-float16-random-4x7", "float16", (4, 7), 7),
        _random("2d-int32-random-3x3", "int32", (3, 3), 8, "integers", 1000),
        _random("2d-int8-random-7x3", "int8", (7, 3), 9, "integers", 127),
        _arange("3d-int16-2x7x8", "int16", (2, 7, 8)),
        _arange("3d-bool-2x3x4", "bool", (2, 3, 4), mul=5, mod=3),
        _arange("3d-int32-8x8x8", "int32", (8, 8, 8)),
        _arange("3d-float32-1x7x1", "float32", (1, 7, 1), scale=-0.5),
        _random("3d-float32-random-3x2x5", "float32", (3, 2, 5), 10),
        _arange("4d-float32-2x3x2x2", "float32", (2, 3, 2, 2), scale=0.25),
        _values("4d-float16-1x1x1x1", "float16", [[[[1.0]]]]),
        _arange("4d-float32-7x7x7x7", "float32", (7, 7, 7, 7), scale=0.01),
        _arange("4d-int64-1x2x1x8", "int64", (1, 2, 1, 8), add=-3),
        _arange("5d-int8-2x1x2x1x2", "int8", (2, 1, 2, 1, 2), add=-4),
    ]

    # Empty tensors print no data at all.
    for dtype, shape in [("float32", (0,)), ("int64", (0,)),
                         ("bool", (0,)), ("float32", (2, 0)),
                         ("float32", (0, 3)), ("int32", (2, 0, 3)),
                         ("float16", (1, 0))]:
        name = "x".join(map(str, shape))
        cases.append(_values(f"empty-{dtype}-{name}", dtype, [], shape))
    return cases


def parameter_cases() -> list:
    """Parameters: name, shape as a Python tuple, dtype, requires_grad."""
    specs = [("w", (5, 3), "float32", True),
             ("b", (3,), "float32", True),
             ("s", (), "float32", False),
             ("fc1.weight", (128, 784), "float32", True),
             ("step", (), "int32", False),
             ("mask", (2, 2), "bool", True),
             ("h", (4,), "float16", True),
             ("d", (2, 3, 4), "float64", True),
             ("empty", (0,), "float32", True),
             ("one", (1, 1), "int64", False)]
    return [{"id": f"param-{name}", "name": name, "shape": list(shape),
             "dtype": dtype, "requires_grad": grad}
            for name, shape, dtype, grad in specs]


def format_cases() -> list:
    """format(t, spec) for a Tensor and a Parameter, empty and not."""
    return [{"id": f"format-{cls}-{spec or 'empty'}", "class": cls,
             "spec": spec}
            for cls in ("Tensor", "Parameter")
            for spec in ("", ">7f", ".3f", "s")]


def record() -> dict:
    """Ask MindSpore for every case's printed text."""
    import mindspore as ms
    from mindspore import Parameter, Tensor

    tensors = []
    for case in tensor_cases():
        tensor = Tensor(build_array(case))
        assert list(tensor.shape) == case["shape"], case["id"]
        tensors.append(dict(case, dtype_name=str(tensor.dtype),
                            repr=repr(tensor), str=str(tensor)))
    parameters = []
    for case in parameter_cases():
        data = Tensor(np.zeros(case["shape"], dtype=case["dtype"]))
        param = Parameter(data, name=case["name"],
                          requires_grad=case["requires_grad"])
        assert str(param) == repr(param) == f"{param}", case["id"]
        parameters.append(dict(case, dtype_name=str(param.dtype),
                               repr=repr(param)))
    formats = []
    for case in format_cases():
        value = Tensor(np.array(1.5, np.float32))
        if case["class"] == "Parameter":
            value = Parameter(value, name="p")
        try:
            result = {"text": format(value, case["spec"])}
        except TypeError as error:
            result = {"error": type(error).__name__, "message": str(error)}
        formats.append(dict(case, **result))
    return {"mindspore": ms.__version__, "numpy": np.__version__,
            "tensors": tensors, "parameters": parameters,
            "formats": formats}


def main() -> None:
    if importlib.util.find_spec("mindspore") is None:
        interpreter = os.environ.get("MINDSPORE_PYTHON")
        if not interpreter:
            sys.exit("MindSpore is not importable here: set MINDSPORE_PYTHON "
                     "to a Python interpreter that has MindSpore 2.10.")
        sys.exit(subprocess.call([interpreter, __file__, *sys.argv[1:]]))
    goldens = record()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    GOLDEN_FILE.write_text(json.dumps(goldens, indent=1) + "\n",
                           encoding="ascii")
    count = sum(len(goldens[k]) for k in ("tensors", "parameters",
                                          "formats"))
    print(f"wrote {count} cases to {GOLDEN_FILE.name}")


if __name__ == "__main__":
    main()

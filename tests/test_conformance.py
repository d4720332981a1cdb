"""Conformance: mindgrad prints what MindSpore 2.10 printed.

Each program in ``tests/conformance/`` is written against MindSpore and its
standard output under real MindSpore 2.10 is stored in
``tests/conformance/golden/`` (recorded by ``tools/record_goldens.py``).
``test_program_matches_golden`` runs the program under mindgrad, through
``run_as_mindspore.py`` which aliases ``mindspore`` to ``mindgrad``, and
compares the two outputs token by token:

- whitespace is ignored (the outputs are split into tokens);
- numbers (ints, floats, scientific notation, nan, inf) may differ within
  ``rtol=1e-6, atol=1e-7`` (api.md section 0), because MindSpore's float32
  kernels and NumPy's round differently in the last digits; an integer
  never matches a number with a decimal point, so ``[1 2]`` (Int) and
  ``[1. 2.]`` (Float) differ;
- every other token must be equal.

The other tests prove the machinery on its own: the comparator can fail,
and the alias hook works with a stand-in package instead of mindgrad.
"""
import math
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CONFORMANCE_DIR = Path(__file__).resolve().parent / "conformance"
GOLDEN_DIR = CONFORMANCE_DIR / "golden"
RUNNER = CONFORMANCE_DIR / "run_as_mindspore.py"
PROGRAMS = sorted(CONFORMANCE_DIR.glob("[0-9][0-9]_*.py"))
RTOL = 1e-6
ATOL = 1e-7
TIMEOUT_SECONDS = 120

# One token: a number (with its sign), nan/inf, a word, or any other
# single visible character. Words come after numbers, so "1e-07" is one
# number, and they swallow their digits, so "Float32" stays one word.
_TOKEN = re.compile(r"""
    (?P<special>(?<![\w.])[-+]?(?:nan|inf)(?!\w))
  | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>\S)
""", re.VERBOSE)


def tokenize(text):
    """Split ``text`` into ``(kind, token, line_number)`` triples."""
    tokens = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        for match in _TOKEN.finditer(line):
            tokens.append((match.lastgroup, match.group(), line_number))
    return tokens


def _number_form(token):
    """'int', 'point' or 'sci': how a number token is written."""
    if "e" in token or "E" in token:
        return "sci"
    return "point" if "." in token else "int"


def tokens_match(actual, expected, rtol=RTOL, atol=ATOL):
    """Whether two tokens agree: numbers within tolerance, text exactly."""
    (kind_a, text_a, _), (kind_e, text_e, _) = actual, expected
    numeric = ("number", "special")
    if kind_a not in numeric or kind_e not in numeric:
        return text_a == text_e
    # "1" against "1." means an Int printed where a Float was expected (or
    # the reverse); scientific notation may meet either form, since 'g'
    # formatting prints 0.0 as "0" but 1e-08 as "1e-08".
    forms = {_number_form(text_a), _number_form(text_e)}
    if kind_a == kind_e == "number" and forms == {"int", "point"}:
        return False
    value_a, value_e = float(text_a), float(text_e)
    if math.isnan(value_a) or math.isnan(value_e):
        return math.isnan(value_a) and math.isnan(value_e)
    if math.isinf(value_a) or math.isinf(value_e):
        return value_a == value_e
    return abs(value_a - value_e) <= atol + rtol * abs(value_e)


def _context(tokens, index, width=6):
    """A few tokens either side of ``index``, the token itself marked."""
    start, stop = max(0, index - width), index + width + 1
    parts = []
    for position in range(start, min(stop, len(tokens))):
        text = tokens[position][1]
        parts.append(f">>{text}<<" if position == index else text)
    if index >= len(tokens):
        parts.append(">>(end of output)<<")
    return " ".join(parts)


def compare_outputs(actual, expected, rtol=RTOL, atol=ATOL):
    """Compare two printed outputs; return None or a readable report.

    The report names the first token that differs, its line in each
    output, a few tokens of context, and then both outputs in full.
    """
    actual_tokens, expected_tokens = tokenize(actual), tokenize(expected)
    for index in range(max(len(actual_tokens), len(expected_tokens))):
        if index < len(actual_tokens) and index < len(expected_tokens):
            if tokens_match(actual_tokens[index], expected_tokens[index],
                            rtol, atol):
                continue
        break
    else:
        return None

    def where(tokens):
        if index < len(tokens):
            return f"line {tokens[index][2]}, token {tokens[index][1]!r}"
        return "end of output"

    return (
        f"first difference at token {index + 1} "
        f"(numbers compared with rtol={rtol}, atol={atol})\n"
        f"  mindgrad : {where(actual_tokens)}\n"
        f"             {_context(actual_tokens, index)}\n"
        f"  golden   : {where(expected_tokens)}\n"
        f"             {_context(expected_tokens, index)}\n"
        f"----- mindgrad output -----\n{actual}"
        f"----- golden output (MindSpore 2.10) -----\n{expected}")


def run_as_mindspore(program, cwd, extra_env=None):
    """Run ``program`` with ``mindspore`` aliased; return the process."""
    env = dict(os.environ)  # the runner puts the repository on sys.path
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("MINDGRAD_CONFORMANCE_TARGET", None)
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, str(RUNNER), str(program)], capture_output=True,
        text=True, cwd=str(cwd), env=env, timeout=TIMEOUT_SECONDS)


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_matches_golden(program, tmp_path):
    golden = GOLDEN_DIR / f"{program.stem}.txt"
    if not golden.exists():
        pytest.fail(f"no golden for {program.name}; record it with "
                    f"MINDSPORE_PYTHON=... python tools/record_goldens.py "
                    f"{program.stem}", pytrace=False)
    result = run_as_mindspore(program, tmp_path)
    if result.returncode != 0:
        pytest.fail(f"{program.name} exited with status "
                    f"{result.returncode} under mindgrad:\n{result.stderr}"
                    f"----- stdout so far -----\n{result.stdout}",
                    pytrace=False)
    report = compare_outputs(result.stdout,
                             golden.read_text(encoding="utf-8"))
    if report is not None:
        pytest.fail(f"{program.name}: {report}", pytrace=False)


def test_every_program_has_a_golden_and_every_golden_a_program():
    assert len(PROGRAMS) >= 30
    programs = {path.stem for path in PROGRAMS}
    goldens = {path.stem for path in GOLDEN_DIR.glob("*.txt")}
    assert sorted(programs - goldens) == [], "programs without a golden"
    assert sorted(goldens - programs) == [], "goldens without a program"


@pytest.mark.parametrize("actual, expected", [
    ("[1. 2.]", "[1. 2.]"),
    ("3.26189220e-01", "3.26189250e-01"),
    ("[0.99999994 2.]", "[1. 2.]"),
    ("-1.5e-07", "-1.509958e-07"),
    ("value= 0", "value= 1e-08"),
    ("[ nan  inf -inf]", "[nan inf -inf]"),
    ("a  b\n\n c", "a b c\n"),
    ("[ 1.   -2.5   3.25]", "[ 1.  -2.5  3.25]"),
    ("Tensor(shape=[2], dtype=Float32, value= [ 1.0e+00,  2.0e+00])",
     "Tensor(shape=[2],dtype=Float32,value=[1.00000000e+00, 2.e+00])"),
], ids=["equal", "last-digits", "within-rtol", "near-zero-atol",
        "g-format-zero", "nan-inf", "whitespace-only", "numpy-padding",
        "repr-spacing"])
def test_compare_accepts_equivalent_outputs(actual, expected):
    assert compare_outputs(actual, expected) is None


@pytest.mark.parametrize("actual, expected", [
    ("1.0", "1.1"),
    ("3.26190000e-01", "3.26189250e-01"),
    ("dtype=Float32", "dtype=Float64"),
    ("[1 2]", "[1. 2.]"),
    ("nan", "1.0"),
    ("inf", "-inf"),
    ("(Tensor, Tensor)", "(Tensor, Tensor,)"),
    ("a b", "a b c"),
    ("TypeError", "ValueError"),
], ids=["value", "beyond-rtol", "text", "int-vs-float", "nan-vs-number",
        "inf-sign", "punctuation", "missing-token", "error-class"])
def test_compare_rejects_different_outputs(actual, expected):
    assert compare_outputs(actual, expected) is not None


def test_compare_report_names_the_first_difference():
    report = compare_outputs("x = 1\ny = [2. 3.]\n", "x = 1\ny = [2. 4.]\n")
    assert "line 2, token '3.'" in report
    assert "line 2, token '4.'" in report
    assert ">>3.<<" in report and ">>4.<<" in report


def _write_stand_in(root):
    """A tiny package the alias hook can point at instead of mindgrad."""
    package = root / "standin"
    (package / "nn").mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent("""
        class Tensor:
            pass

        ANSWER = 42
    """))
    (package / "ops.py").write_text(textwrap.dedent("""
        def double(x):
            return 2 * x
    """))
    (package / "nn" / "__init__.py").write_text("class Cell:\n    pass\n")
    (package / "common").mkdir()
    (package / "common" / "__init__.py").write_text("")
    (package / "common" / "dtype.py").write_text("float32 = 'f32'\n")


def test_alias_hook_resolves_mindspore_to_the_target(tmp_path):
    _write_stand_in(tmp_path)
    program = tmp_path / "program.py"
    program.write_text(textwrap.dedent("""
        import sys
        import mindspore as ms
        import mindspore.nn as nn
        import mindspore.common.dtype as mstype
        from mindspore import ops, Tensor
        from mindspore.ops import double
        import standin
        print(ms is standin, nn is standin.nn, ops is standin.ops)
        print(Tensor is standin.Tensor, mstype.float32, double(21))
        print(ms.__name__, sys.modules["mindspore.nn"] is standin.nn)
        print(__name__, sys.argv[0].endswith("program.py"))
        try:
            import mindspore.missing
        except ModuleNotFoundError as e:
            print(type(e).__name__)
    """))
    env = {"MINDGRAD_CONFORMANCE_TARGET": "standin",
           "PYTHONPATH": str(tmp_path)}
    result = run_as_mindspore(program, tmp_path, env)
    assert result.returncode == 0, result.stderr
    expected = ("True True True\nTrue f32 42\nstandin True\n"
                "__main__ True\nModuleNotFoundError\n")
    assert compare_outputs(result.stdout, expected) is None
    assert compare_outputs(result.stdout, expected.replace("42", "43"))


def test_alias_hook_reports_a_failing_program(tmp_path):
    _write_stand_in(tmp_path)
    program = tmp_path / "program.py"
    program.write_text("import mindspore\nprint('before')\n1 / 0\n")
    env = {"MINDGRAD_CONFORMANCE_TARGET": "standin",
           "PYTHONPATH": str(tmp_path)}
    result = run_as_mindspore(program, tmp_path, env)
    assert result.returncode != 0
    assert result.stdout == "before\n"
    assert "ZeroDivisionError" in result.stderr

"""Checks shared by the courseware tests: plain functions over notebooks.

Every check takes a notebook as a dict (nbformat 4, as ``json.load``
gives it) and returns a list of problems, one string each, naming the
cell and the fix; an empty list means the notebook passes. Keeping the
checks free of files lets ``test_checker_*`` tests prove, on notebooks
of a few cells built by hand, that each check fails when it should
(the approach of tests/test_structure.py).

Used by tests/test_lessons.py (the lessons and their solutions) and
tests/test_course_build.py (course/build.py and the camp notebooks).
"""
import ast
import copy
import functools
import importlib.util
import re
from collections import namedtuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The fixed lesson list (curriculum §5): number -> (slug, short title).
LESSONS = {
    "00": ("tensors", "Tensors"),
    "01": ("derivatives", "Derivatives"),
    "02": ("partial_derivatives", "Partial derivatives"),
    "03": ("gradients", "Gradients"),
    "04": ("gradient_descent", "Gradient descent"),
    "05": ("computation_graphs", "Computation graphs"),
    "06": ("reverse_mode", "Reverse mode"),
    "07": ("gradient_checking", "Gradient checking"),
    "08": ("grad_and_value_and_grad", "grad and value_and_grad"),
    "09": ("stop_gradient_and_aux", "stop_gradient and aux"),
    "10": ("networks_with_cell", "Networks as Cells"),
    "11": ("grad_operation", "GradOperation"),
    "12": ("training_mnist", "Training on MNIST"),
    "13": ("save_load_transfer", "Save, load, transfer"),
}

# Curriculum §3 item 4; the install target is written by build.py.
SETUP_TEMPLATE = "\n".join([
    "import sys",
    'if "google.colab" in sys.modules:  # Colab starts without mindgrad',
    '    get_ipython().run_line_magic("pip", "install --quiet mindgrad")',
    "%matplotlib inline",
    "import numpy as np",
    "import matplotlib.pyplot as plt",
    "import mindgrad as ms",
    "from mindgrad import ops, nn, Tensor, Parameter",
    "from mindgrad import viz, testing",
    "ms.set_seed(0)                      "
    "# also seeds NumPy's global RNG (api.md §5.8)",
    "rng = np.random.default_rng(0)      "
    "# every other random draw in the lesson uses rng",
])

IGNORE_MARKER = "# NBVAL_IGNORE_OUTPUT"
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
MEMORY_ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+|0x[0-9a-fA-F]{8,}")
# Rule 9: absolute or temporary paths (the kernel's own cell files in
# warnings are sanitised by tests/nbval_sanitize.cfg, so they may stay).
KERNEL_CELL = re.compile(r"\S*ipykernel_\d+[\\/]\d+\.py")
ABSOLUTE_PATH = re.compile(
    r"(?<![\w.~])(/tmp/|/var/folders/|/home/|/root/|/Users/|/private/|"
    r"[A-Za-z]:\\)")
IMPORT_LINE = re.compile(r"(import [\w.]+|from [\w.]+ import \w)")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
EXECUTE = "python course/build.py execute {path}"


@functools.lru_cache(maxsize=None)
def build():
    """course/build.py as a module, imported from its path."""
    path = ROOT / "course" / "build.py"
    spec = importlib.util.spec_from_file_location("course_build", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lesson_file(number):
    """``"03"`` -> ``"03_gradients.ipynb"``."""
    return f"{number}_{LESSONS[number][0]}.ipynb"


def with_install_target(text):
    """``text`` with the install target written as build.py writes it."""
    return build().with_install_target(text)


def expected_setup():
    """The setup cell's fixed lines, with the install target of build.py."""
    return with_install_target(SETUP_TEMPLATE).splitlines()


Row = namedtuple("Row", "english chinese line lesson")


def glossary(path=ROOT / "lessons" / "glossary.md"):
    """The rows of the glossary's tables, in file order.

    Raises ValueError naming the line if a table lacks the columns
    English and 中文 or a row has the wrong number of cells.
    """
    rows = []
    header = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(),
                             1):
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            if cells[:2] != ["English", "中文"]:
                raise ValueError(f"glossary.md:{n}: a table must start with "
                                 f"the columns English | 中文, got {cells}")
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        if len(cells) != len(header):
            raise ValueError(f"glossary.md:{n}: {len(cells)} cells, the "
                             f"header has {len(header)}: {line}")
        lesson = cells[header.index("lesson")] if "lesson" in header else ""
        rows.append(Row(cells[0], cells[1], n, lesson))
    return rows


def relative(path):
    """A path inside the repository, as build.py names notebooks."""
    return build().relative(path)


_READ = {}


def load(path):
    """A committed notebook (a fresh copy; the file is read once)."""
    if path not in _READ:
        _READ[path] = build().read(path)
    return copy.deepcopy(_READ[path])


# ----------------------------------------------------------------------
# Making and reading cells.
def markdown_cell(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def code_cell(text, outputs=(), count=None, cell_tags=(), stub=None):
    """A code cell as nbformat stores it; ``stub`` goes into metadata."""
    meta = {"tags": list(cell_tags)} if cell_tags else {}
    if stub is not None:
        meta["stub"] = stub
    return {"cell_type": "code", "metadata": meta, "source": text,
            "execution_count": count, "outputs": list(outputs)}


def stdout(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def source(cell):
    return build().source(cell)


def code_lines(cell):
    """The non-blank lines of a cell."""
    return [line for line in source(cell).splitlines() if line.strip()]


def where(index, cell):
    """``cell 7 (code: 'print(f(x))')``: how a problem names its cell."""
    first = code_lines(cell)[0].strip() if code_lines(cell) else ""
    if len(first) > 50:
        first = first[:47] + "..."
    return f"cell {index + 1} ({cell['cell_type']}: {first!r})"


def code_cells(nb):
    """``[(index, cell)]`` of the code cells, index in the whole notebook."""
    return [(i, c) for i, c in enumerate(nb["cells"])
            if c["cell_type"] == "code"]


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def output_text(output):
    """All the text of one output (stream, result, display or error)."""
    if "text" in output:
        text = output["text"]
        return "".join(text) if isinstance(text, list) else text
    if output.get("output_type") == "error":
        return "\n".join([output.get("ename", ""), output.get("evalue", "")]
                         + output.get("traceback", []))
    parts = []
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/"):
            parts.append("".join(value) if isinstance(value, list)
                         else value)
    return "\n".join(parts)


def cell_text(cell):
    return "\n".join(output_text(o) for o in cell.get("outputs", []))


def python_of(cell):
    """The cell's code as a syntax tree, IPython magics blanked out;
    ``None`` if it does not parse."""
    text = "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source(cell).splitlines())
    try:
        return ast.parse(text)
    except SyntaxError:
        return None


def report(path, problems):
    """The assertion message: the notebook, then one problem a line."""
    return f"{path}:\n  " + "\n  ".join(problems)


# ----------------------------------------------------------------------
# Checks every committed notebook passes.
def metadata_problems(nb):
    """Curriculum §4 rule 14: what ``build.py normalize`` removes."""
    problems = []
    meta = nb.get("metadata", {})
    if meta.get("kernelspec") != build().KERNEL:
        problems.append(
            f"notebook metadata: kernelspec is {meta.get('kernelspec')}, "
            f"not python3; run python course/build.py normalize")
    if "widgets" in meta:
        problems.append("notebook metadata: stored widget state; run "
                        "python course/build.py normalize")
    if "version" in meta.get("language_info", {}):
        problems.append("notebook metadata: Python version stored; run "
                        "python course/build.py normalize")
    for i, cell in enumerate(nb["cells"]):
        if "execution" in cell.get("metadata", {}):
            problems.append(f"{where(i, cell)}: timing metadata stored; "
                            f"run python course/build.py normalize")
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                problems.append(
                    f"{where(i, cell)}: a widget view with a random "
                    f"model id is stored; run python course/build.py "
                    f"normalize")
    return problems


def _prints(tree):
    """True if a statement that always runs calls print or plt.show.

    Bodies of functions, classes, ``if`` and ``except`` are left out:
    they may rightly print nothing.
    """
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                             ast.ClassDef, ast.If, ast.Lambda)):
            continue
        if isinstance(node, ast.Try):
            stack.extend(node.body)
            continue
        if isinstance(node, ast.Call):
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if name == "print" or (name == "show" and getattr(
                    func.value, "id", None) == "plt"):
                return True
        stack.extend(ast.iter_child_nodes(node))
    return False


def execution_problems(nb, path="NOTEBOOK"):
    """Curriculum §4 rule 1: every code cell ran, in order, in one kernel,
    without an error; a cell that prints has its output stored."""
    fix = f"run {EXECUTE.format(path=path)}"
    problems = []
    counts = []
    skipped = []
    for i, cell in code_cells(nb):
        count = cell.get("execution_count")
        if count is None:
            skipped.append(i + 1)
            if not code_lines(cell):
                problems.append(f"{where(i, cell)}: an empty code cell is "
                                f"never executed; delete it")
            continue
        counts.append(count)
        tree = python_of(cell)
        if tree is not None and _prints(tree) and not cell.get("outputs"):
            problems.append(f"{where(i, cell)}: prints but has no stored "
                            f"output; {fix}")
    if skipped:
        problems.append(f"cells {skipped} are not executed (nbval would "
                        f"skip them); {fix}")
    if counts and counts != list(range(1, len(counts) + 1)):
        problems.append(f"execution counts are {counts}, not 1, 2, 3, ... "
                        f"in order: the notebook was run piecemeal; {fix}")
    return problems


def output_problems(nb):
    """Rules 4, 8 and 11: no addresses, no raised errors, no stderr."""
    problems = []
    for i, cell in code_cells(nb):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(
                    f"{where(i, cell)}: raised {output.get('ename')}; show "
                    f"errors with try/except and print(type(e).__name__ + "
                    f"\":\", e)")
            elif output.get("name") == "stderr":
                first = output_text(output).strip().splitlines()[:1]
                problems.append(
                    f"{where(i, cell)}: writes to stderr {first}; fix the "
                    f"cause, or capture a deliberate warning and print it")
            found = MEMORY_ADDRESS.search(output_text(output))
            if found:
                problems.append(
                    f"{where(i, cell)}: output shows a memory address "
                    f"({found.group(0)}); print a value, not an object")
            text = KERNEL_CELL.sub("", output_text(output))
            found = ABSOLUTE_PATH.search(text)
            if found:
                line = text[text.rfind("\n", 0, found.start()) + 1:]
                problems.append(
                    f"{where(i, cell)}: output shows an absolute path "
                    f"({line.splitlines()[0][:60]!r}); print file names only")
    return problems


def _is_training_log(why):
    return "CPU" in why


def marker_problems(nb):
    """Rules 7 and 10: ``# NBVAL_IGNORE_OUTPUT`` is a whole comment line,
    followed by ``# why: ...``, only in a widget or training-log cell;
    a widget cell is exactly the three lines of rule 7."""
    problems = []
    for i, cell in code_cells(nb):
        lines = code_lines(cell)
        text = source(cell)
        here = where(i, cell)
        for tag in tags(cell):
            if tag.startswith("nbval") or tag == "raises-exception":
                problems.append(f"{here}: nbval tag {tag!r}; use the "
                                f"comment marker of curriculum §4 rule 7")
        marked = False
        for n, line in enumerate(lines):
            if "NBVAL" not in line:
                continue
            if line.strip() != IGNORE_MARKER:
                problems.append(
                    f"{here}: {line.strip()!r}: the only nbval marker "
                    f"allowed is the whole comment line {IGNORE_MARKER!r}")
                continue
            marked = True
            why = lines[n + 1].strip() if n + 1 < len(lines) else ""
            if not re.match(r"# why: \S", why):
                problems.append(f"{here}: {IGNORE_MARKER} must be followed "
                                f"by a line '# why: <reason>'")
            elif "viz.explore_" not in text and not _is_training_log(why):
                problems.append(
                    f"{here}: output ignored, but this is neither a widget "
                    f"cell (calling viz.explore_...) nor a training log "
                    f"(why: float32 ... on different CPUs); print checked "
                    f"values instead")
        if "viz.explore_" in text:
            if not marked:
                problems.append(f"{here}: widget cell without "
                                f"{IGNORE_MARKER} and its '# why:' line")
            elif len(lines) != 3 or not lines[2].startswith(
                    "_ = viz.explore_"):
                problems.append(
                    f"{here}: a widget cell is exactly 3 lines: "
                    f"{IGNORE_MARKER}, '# why: ...', '_ = viz.explore_...("
                    f"...)'")
    return problems


# Names of matplotlib calls that put text into a figure.
TEXT_CALLS = {"title", "set_title", "suptitle", "xlabel", "ylabel",
              "set_xlabel", "set_ylabel", "text", "annotate", "legend",
              "set_xticklabels", "set_yticklabels", "figtext", "set_label",
              "plot", "scatter", "bar", "hist", "quiver", "contour",
              "set"}
PLOT_OWNERS = {"plt", "ax", "axes", "fig", "viz", "axs"}
VOLATILE = [
    (re.compile(r"\bset_printoptions\b|\bprintoptions\("),
     "changes NumPy's print options (rule 3); format your own numbers "
     "with f\"{v:.4f}\""),
    (re.compile(r"^\s*%%?(time|timeit)\b", re.M),
     "times the cell (rule 9); runtimes are measured by build.py execute"),
    (re.compile(r"\btime\.(time|perf_counter|monotonic|process_time)\("),
     "reads the clock (rule 9); nothing volatile in checked output"),
    (re.compile(r"\b(datetime\.now|date\.today|datetime\.today)\("),
     "reads the date (rule 9); nothing volatile in checked output"),
]


def _strings(node):
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            yield sub.value


def _plot_calls(tree):
    """Calls that draw text: ``plt.*``, ``ax.*``, ``viz.*`` or a method
    of TEXT_CALLS on anything, and any call with ``label=``/``title=``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        owner = func
        while isinstance(owner, (ast.Attribute, ast.Subscript, ast.Call)):
            owner = owner.value if not isinstance(owner, ast.Call) \
                else owner.func
        keywords = {k.arg for k in node.keywords}
        if (getattr(owner, "id", None) in PLOT_OWNERS
                or getattr(func, "attr", None) in TEXT_CALLS
                or keywords & {"label", "title", "xlabel", "ylabel"}):
            yield node


def code_style_problems(nb):
    """Rules 2, 3 and 9 in code: no CJK text handed to matplotlib, no
    NumPy print options, no clocks."""
    problems = []
    for i, cell in code_cells(nb):
        text = source(cell)
        for pattern, why in VOLATILE:
            if pattern.search(text):
                problems.append(f"{where(i, cell)}: {why}")
        tree = python_of(cell)
        if tree is None:
            continue
        for call in _plot_calls(tree):
            cjk = [s for s in _strings(call) if CJK.search(s)]
            if cjk:
                problems.append(
                    f"{where(i, cell)}: line {call.lineno} passes CJK text "
                    f"{cjk[0]!r} to a figure; figures are English only "
                    f"(missing glyphs warn on stderr)")
    return problems


def setup_problems(nb, lines=None, extra_tail=()):
    """Curriculum §3 item 4: the first code cell is the setup cell, equal
    to the fixed lines apart from extra imports at its end (then
    ``extra_tail``, the camp's three lines, if given)."""
    lines = expected_setup() if lines is None else lines
    cells = code_cells(nb)
    if not cells:
        return ["no code cell: the first code cell must be the setup cell"]
    i, cell = cells[0]
    got = source(cell).splitlines()
    head, rest = got[:len(lines)], got[len(lines):]
    if extra_tail:
        tail = rest[len(rest) - len(extra_tail):]
        if tail != list(extra_tail):
            return [f"{where(i, cell)}: the setup cell must end with:\n    "
                    + "\n    ".join(extra_tail)]
        rest = rest[:len(rest) - len(extra_tail)]
    if head != lines:
        wrong = next((n for n, (a, b) in enumerate(zip(head, lines))
                      if a != b), len(head))
        expected = lines[wrong] if wrong < len(lines) else "(end)"
        found = head[wrong] if wrong < len(head) else "(end)"
        hint = ("; python course/build.py normalize writes the install "
                "target" if "run_line_magic" in expected else "")
        return [f"{where(i, cell)}: the setup cell differs from curriculum "
                f"§3 item 4 at its line {wrong + 1}: expected {expected!r}, "
                f"found {found!r}{hint}"]
    others = [line for line in rest
              if line.strip() and not IMPORT_LINE.match(line)]
    if others:
        return [f"{where(i, cell)}: after the fixed lines the setup cell "
                f"may only add imports; move {others[0]!r} to a later cell"]
    return []


def badge_problems(nb, relative_path):
    """The first cell carries the Colab badge of the notebook's own path."""
    b = build()
    first = nb["cells"][0] if nb["cells"] else {"source": ""}
    badges = b.BADGE.findall(source(first))
    expected = b.colab_badge(relative_path)
    if badges != [expected]:
        return [f"cell 1: expected exactly one badge {expected!r}, found "
                f"{badges}; run python course/build.py normalize"]
    return []

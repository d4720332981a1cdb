"""Build the course's notebooks: run them, tidy them, derive the exercises.

Every committed notebook goes through this script (curriculum §4):

    python course/build.py execute lessons/04_gradient_descent.ipynb ...
    python course/build.py normalize [NOTEBOOK ...]
    python course/build.py exercises
    python course/build.py mindspore-check [LESSON ...]

``execute`` runs a notebook with nbclient in this environment (a fresh
kernel, ``PYTHONHASHSEED=0``, ``MINDGRAD_HOME`` in a temporary folder so
a camp check never touches your own progress), stores the outputs,
normalises the file and prints how long it took, to the terminal only.

``normalize`` makes a notebook byte-stable: kernelspec ``python3``, no
widget state nor widget views (their model ids are random), no per-cell
timing, no Python patch version, and the Colab badge and install target
written from the one ``[project.urls]`` entry of pyproject.toml. With
no argument it normalises every notebook.

``exercises`` writes course/exercises/ from course/solutions/: a cell
tagged ``solution`` becomes its ``metadata.stub`` text, a cell tagged
``solution-only`` is dropped, and every output is cleared.

``mindspore-check`` runs each lesson's "In MindSpore" code blocks
unchanged under MindSpore, with the interpreter named by the environment
variable MINDSPORE_PYTHON, and reports how many ran. The unit tests run
the same blocks under mindgrad (``to_mindgrad``).

The work happens under ``if __name__ == "__main__"``: pytest's
``--doctest-modules`` imports this file.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_FOLDERS = ("lessons", "course")
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python",
          "name": "python3"}
CELL_TIMEOUT = 120                       # nbval's, so both agree
MINDSPORE_HEADING = "## In MindSpore"
MINDSPORE_ONLY = "# MindSpore only"      # first line of a block to skip
COLAB_ASSET = "https://colab.research.google.com/assets/colab-badge.svg"
BADGE = re.compile(r"\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
INSTALL = re.compile(r'(run_line_magic\("pip", "install --quiet )[^"]*("\))')


# --- where the course lives --------------------------------------------------


def repository_url():
    """Return the one ``[project.urls]`` entry of pyproject.toml."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[project.urls]", 1)[1].split("\n[", 1)[0]
    return re.search(r'=\s*"([^"]+)"', section).group(1)


def colab_badge(relative_path):
    """Markdown for the "Open in Colab" badge of one notebook.

    >>> print(colab_badge("lessons/00_tensors.ipynb"))  # doctest: +ELLIPSIS
    [![Open In Colab](...)](https://colab...github/...00_tensors.ipynb)
    """
    owner_repo = repository_url().split("github.com/", 1)[1].rstrip("/")
    return (f"[![Open In Colab]({COLAB_ASSET})](https://colab.research."
            f"google.com/github/{owner_repo}/blob/main/{relative_path})")


def install_target():
    """What a Colab setup cell installs: the repository until published."""
    return f"git+{repository_url()}"


def all_notebooks():
    return sorted(p for folder in NOTEBOOK_FOLDERS
                  for p in (ROOT / folder).rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


# --- normalise ---------------------------------------------------------------


def source(cell):
    """A cell's source as one string (nbformat may store a list)."""
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def with_install_target(text):
    """``text`` with every Colab install line pointing at this project."""
    return INSTALL.sub(lambda m: m.group(1) + install_target() + m.group(2),
                       text)


def normalize(nb, relative_path):
    """Return ``nb`` (a dict in nbformat 4) made byte-stable, in place."""
    metadata = nb.setdefault("metadata", {})
    metadata.pop("widgets", None)
    metadata["kernelspec"] = dict(KERNEL)
    language = metadata.setdefault("language_info", {"name": "python"})
    for volatile in ("version", "pygments_lexer", "codemirror_mode"):
        language.pop(volatile, None)
    for cell in nb.get("cells", []):
        cell_meta = cell.setdefault("metadata", {})
        cell_meta.pop("execution", None)
        cell_meta.pop("collapsed", None)
        cell_meta.pop("scrolled", None)
        cell["source"] = source(cell)
        if cell["cell_type"] == "markdown":
            cell["source"] = BADGE.sub(colab_badge(relative_path),
                                       cell["source"])
        elif cell["cell_type"] == "code":
            cell["source"] = with_install_target(cell["source"])
            for output in cell.get("outputs", []):
                # a new random model id on every run, and the model it
                # names went with the widget state: keep the text/plain
                output.get("data", {}).pop(WIDGET_VIEW, None)
    return nb


def relative(path):
    """A notebook's path inside the repository, with forward slashes."""
    return Path(path).resolve().relative_to(ROOT).as_posix()


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write(nb, path):
    """Write atomically, in nbformat's own layout (one-space indent)."""
    import nbformat

    node = nbformat.from_dict(nb)
    text = nbformat.writes(node, version=4)
    tmp = Path(path).with_suffix(".ipynb.tmp")
    tmp.write_text(text if text.endswith("\n") else text + "\n",
                   encoding="utf-8")
    os.replace(tmp, path)


def normalize_file(path):
    write(normalize(read(path), relative(path)), path)


# --- execute -----------------------------------------------------------------


def execute_file(path):
    """Run one notebook in a fresh kernel, store outputs, return seconds."""
    import nbclient
    import nbformat

    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="mindgrad-home-") as home:
        saved = {k: os.environ.get(k) for k in
                 ("MINDGRAD_HOME", "PYTHONHASHSEED")}
        os.environ.update(MINDGRAD_HOME=home, PYTHONHASHSEED="0")
        try:
            start = time.perf_counter()
            # where a kernel splits one cell's prints depends on timing:
            # coalesced, two runs store the same bytes (nbval joins too)
            nbclient.NotebookClient(
                nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                coalesce_streams=True,
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()
            seconds = time.perf_counter() - start
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    write(normalize(json.loads(nbformat.writes(nb)), relative(path)),
          path)
    return seconds


# --- exercises from solutions ------------------------------------------------


def exercise_from_solution(nb):
    """Return the learner's stub notebook for one solution notebook."""
    cells = []
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution-only" in tags:
            continue
        cell = json.loads(json.dumps(cell))
        if "solution" in tags:
            cell["source"] = cell["metadata"]["stub"]
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cells.append(cell)
    return dict(nb, cells=cells)


def build_exercises(solutions=ROOT / "course" / "solutions",
                    exercises=ROOT / "course" / "exercises"):
    exercises = Path(exercises)
    exercises.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(Path(solutions).glob("day*.ipynb")):
        target = exercises / source.name
        nb = exercise_from_solution(read(source))
        relative = f"course/exercises/{source.name}"
        write(normalize(nb, relative), target)
        written.append(target)
    return written


# --- "In MindSpore" blocks ---------------------------------------------------


def mindspore_blocks(nb):
    """Return the runnable fenced ```python blocks of the "In MindSpore"
    section of a lesson, as a list of strings (MindSpore code).

    A block whose first line starts with ``# MindSpore only`` needs what
    only MindSpore has (its dataset pipeline, downloads) and is skipped.
    """
    markdown = "\n".join(source(c) for c in nb["cells"]
                         if c["cell_type"] == "markdown")
    if MINDSPORE_HEADING not in markdown:
        return []
    section = markdown.split(MINDSPORE_HEADING, 1)[1]
    section = re.split(r"^## ", section, flags=re.M)[0]
    blocks = re.findall(r"^```python\n(.*?)^```", section,
                        flags=re.M | re.S)
    return [code for code in blocks
            if not code.lstrip().startswith(MINDSPORE_ONLY)]


def to_mindgrad(code):
    """Swap MindSpore for mindgrad in the import lines only.

    >>> print(to_mindgrad("import mindspore as ms\\nfrom mindspore import "
    ...                   "ops\\nimport mindspore\\nx = 'mindspore'\\n"
    ...                   "import mindspore  # all of it"))
    import mindgrad as ms
    from mindgrad import ops
    import mindgrad as mindspore
    x = 'mindspore'
    import mindgrad as mindspore  # all of it
    """
    lines = []
    for line in code.splitlines():
        stripped = line.split("#", 1)[0].strip()
        if re.fullmatch(r"import mindspore", stripped):
            line = line.replace("import mindspore",
                                "import mindgrad as mindspore")
        elif stripped.startswith(("import ", "from ")):
            line = re.sub(r"\bmindspore\b", "mindgrad", line)
        lines.append(line)
    return "\n".join(lines)


def run_blocks(python, blocks_by_lesson):
    """Run each block in its own process and temporary folder; return
    ``(ran, failures)`` where failures lists ``(label, stderr tail)``."""
    ran, failures = 0, []
    for label, code in blocks_by_lesson:
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run([python, "-c", code], cwd=folder,
                                  capture_output=True, text=True,
                                  timeout=600)
        if done.returncode == 0:
            ran += 1
        else:
            failures.append((label, done.stderr.strip()[-800:]))
    return ran, failures


def lesson_blocks(paths):
    labelled = []
    for path in paths:
        for i, code in enumerate(mindspore_blocks(read(path)), 1):
            labelled.append((f"{Path(path).name} block {i}", code))
    return labelled


# --- command line ------------------------------------------------------------


def main(argv):
    if not argv or argv[0] not in ("execute", "normalize", "exercises",
                                   "mindspore-check"):
        print(__doc__.split("\n\n")[1])
        return 2
    command, paths = argv[0], [Path(p) for p in argv[1:]]
    if command == "execute":
        for path in paths:
            print(f"{path}: {execute_file(path):.1f} s", flush=True)
    elif command == "normalize":
        for path in paths or all_notebooks():
            normalize_file(path)
    elif command == "exercises":
        for path in build_exercises():
            print(relative(path))
    else:
        python = os.environ.get("MINDSPORE_PYTHON")
        if not python:
            print("Set MINDSPORE_PYTHON to the python of an environment "
                  "with mindspore installed, e.g. MINDSPORE_PYTHON="
                  "path/to/venv/bin/python")
            return 2
        lessons = paths or sorted((ROOT / "lessons").glob("[0-9]*.ipynb"))
        ran, failures = run_blocks(python, lesson_blocks(lessons))
        for label, tail in failures:
            print(f"FAILED {label}:\n{tail}\n")
        print(f"{ran} block(s) ran under MindSpore, {len(failures)} failed")
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

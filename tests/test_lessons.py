"""The lessons' anatomy as tests (curriculum §3, §4 and §10).

Each check is a plain function over a notebook dict (most live in
tests/notebook_checks.py, shared with the camp tests) returning one
problem per string, naming the cell and the fix. The tests run every
check on every lesson that exists (so they grow as lessons land) and
on its worked solutions; the ``test_checker_*`` tests at the bottom
prove on small hand-made notebooks that each check fails when it should.
"""
import os
import re
import statistics
import tempfile
from pathlib import Path

import pytest

from notebook_checks import (CJK, LESSONS, ROOT, Row, badge_problems, build,
                             code_cell, code_cells, code_lines,
                             code_style_problems, execution_problems,
                             expected_setup, glossary, lesson_file, load,
                             markdown_cell, marker_problems,
                             metadata_problems, output_problems, relative,
                             report, setup_problems, source, stdout, where)

HEADINGS_BEFORE = ["## The question · 问题", "## What you will learn · 学习目标"]
HEADINGS_AFTER = ["## In MindSpore · 在 MindSpore 中", "## Summary · 小结",
                  "## Exercises · 练习"]
BODY_HEADING = re.compile(r"## (\d+)\. \S")
KEY_TERMS = re.compile(r"^(?:\*\*)?Key terms · 关键术语:(?:\*\*)?\s*(.*)$")
EXERCISE = re.compile(r"^(\d+)\. (★{1,3})(?= )(.*)$")
CAMP_DAY = re.compile(r"\(camp day (\d+)\)")
TIME_LINE = re.compile(r"^\*About \d+ minutes\.\*$")
BULLET = re.compile(r"^[-*] \S")
MAX_LINES = {"06": 25}   # the engine lesson (curriculum §3)
MAX_LINES_DEFAULT = 15
MEDIAN_LINES = 5
BLOCK_LINES = 15


def lesson_paths():
    return sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))


# ----------------------------------------------------------------------
# Markdown structure.
def headings(nb):
    """``[(cell index, heading line, is first line of its cell)]`` for
    every ``## `` heading of the Markdown cells."""
    found = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        lines = source(cell).splitlines()
        first = next((n for n, line in enumerate(lines) if line.strip()), 0)
        in_fence = False
        for n, line in enumerate(lines):
            if line.startswith("```"):
                in_fence = not in_fence
            elif line.startswith("## ") and not in_fence:
                found.append((i, line.rstrip(), n == first))
    return found


def sections(nb):
    """``{heading: markdown text of the section}`` for ``## `` headings."""
    text = {}
    current = None
    starts = {(i, line) for i, line, _ in headings(nb)}
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        for line in source(cell).splitlines():
            if (i, line.rstrip()) in starts:
                current = line.rstrip()
                text[current] = ""
            elif current is not None:
                text[current] += line + "\n"
    return text


def navigation(number):
    """The navigation line of a lesson (first and last cell)."""
    numbers = sorted(LESSONS)
    at = numbers.index(number)
    parts = []
    if at > 0:
        before = numbers[at - 1]
        parts.append(f"[← {before} {LESSONS[before][1]}]"
                     f"({lesson_file(before)})")
    parts.append("[Index](README.md)")
    if at + 1 < len(numbers):
        after = numbers[at + 1]
        parts.append(f"[{after} {LESSONS[after][1]} →]({lesson_file(after)})")
    return " · ".join(parts)


def header_problems(nb, relative_path):
    """The first cell: badge, navigation, bilingual title, time line."""
    number = Path(relative_path).name[:2]
    problems = badge_problems(nb, relative_path)
    if not nb["cells"] or nb["cells"][0]["cell_type"] != "markdown":
        return problems + ["cell 1 must be the Markdown header cell"]
    lines = code_lines(nb["cells"][0])
    if len(lines) != 4:
        return problems + [
            f"cell 1: the header has {len(lines)} non-blank lines; expected "
            f"4: badge, navigation, '# {number} · <English> · <中文>', "
            f"'*About N minutes.*'"]
    nav, title, time = lines[1:]
    if nav != navigation(number):
        problems.append(f"cell 1: navigation line {nav!r}; expected "
                        f"{navigation(number)!r}")
    parts = title[2:].split(" · ") if title.startswith("# ") else []
    if (len(parts) < 3 or parts[0] != number or not CJK.search(parts[-1])
            or any(CJK.search(p) or not p.strip() for p in parts[1:-1])):
        problems.append(f"cell 1: title {title!r}; expected "
                        f"'# {number} · <English title> · <中文标题>'")
    if not TIME_LINE.match(time):
        problems.append(f"cell 1: time line {time!r}; expected "
                        f"'*About N minutes.*'")
    return problems


def heading_problems(nb):
    """The fixed ``## `` headings in order, body ``## 1.`` ``## 2.`` ...
    between them, each heading the first line of its own cell."""
    found = headings(nb)
    problems = [f"cell {i + 1}: {line!r} must start its own Markdown cell"
                for i, line, first in found if not first]
    got = [line for _, line, _ in found]
    body = [line for line in got if BODY_HEADING.match(line)]
    numbers = [int(BODY_HEADING.match(line).group(1)) for line in body]
    expected = HEADINGS_BEFORE + body + HEADINGS_AFTER
    if got != expected or not body:
        problems.append(
            "the ## headings are\n    " + "\n    ".join(got)
            + "\n  expected, in this order:\n    "
            + "\n    ".join(HEADINGS_BEFORE + ["## 1. ...", "## 2. ..."]
                            + HEADINGS_AFTER))
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"body sections are numbered {numbers}; number them "
                        f"1, 2, 3, ... in order")
    return problems


def section_problems(nb):
    """The question ends in a question; 3-5 objectives; the summary has
    3-6 bullets and ends with the Key terms line."""
    text = sections(nb)
    problems = []
    question = text.get(HEADINGS_BEFORE[0], "")
    if "?" not in question:
        problems.append("'The question' section asks no question (no '?')")
    goals = [x for x in text.get(HEADINGS_BEFORE[1], "").splitlines()
             if BULLET.match(x)]
    if not 3 <= len(goals) <= 5:
        problems.append(f"'What you will learn' has {len(goals)} bullets; "
                        f"write 3-5, each starting with a verb")
    summary = [x for x in text.get(HEADINGS_AFTER[1], "").splitlines()
               if x.strip()]
    bullets = [x for x in summary if BULLET.match(x)]
    if not 3 <= len(bullets) <= 6:
        problems.append(f"the Summary has {len(bullets)} bullets; write 3-6")
    if not summary or not KEY_TERMS.match(summary[-1]):
        problems.append("the Summary's last line must be 'Key terms · "
                        "关键术语: <English> <中文>; ...'")
    return problems


def key_terms(nb):
    """The entries of the Summary's Key terms line."""
    summary = [x for x in sections(nb).get(HEADINGS_AFTER[1], "")
               .splitlines() if x.strip()]
    found = KEY_TERMS.match(summary[-1]) if summary else None
    if not found:
        return []
    return [entry.strip() for entry in found.group(1).split(";")]


def key_term_problems(nb, rows):
    """Every Key terms entry is ``<English> <中文>`` of one glossary row."""
    entries = {f"{r.english} {r.chinese}" for r in rows}
    by_english = {r.english.lower(): r.chinese for r in rows}
    terms = key_terms(nb)
    problems = [] if terms else ["the Summary has no Key terms entries"]
    for entry in terms:
        if entry in entries:
            continue
        english = CJK.split(entry, 1)[0].strip()
        if english.lower() in by_english:
            problems.append(
                f"Key term {entry!r}: the glossary writes "
                f"{english} {by_english[english.lower()]!r}; use its Chinese")
        else:
            problems.append(
                f"Key term {entry!r} is not in lessons/glossary.md; use a "
                f"row's '<English> <中文>' exactly or append a row")
    return problems


def exercises(nb):
    """``[(number, stars, text)]`` of the Exercises section's list."""
    text = sections(nb).get(HEADINGS_AFTER[2], "")
    found = []
    for line in text.splitlines():
        if re.match(r"\d+\. ", line):
            item = EXERCISE.match(line)
            found.append((int(line.split(".")[0]),
                          item.group(2) if item else "", line))
    return found


def exercise_problems(nb):
    """2-4 numbered exercises, each starting with ★, ★★ or ★★★, camp days
    that exist."""
    found = exercises(nb)
    problems = []
    if not 2 <= len(found) <= 4:
        problems.append(f"the Exercises section lists {len(found)} numbered "
                        f"exercises; write 2-4 ('1. ★ ...')")
    if [n for n, _, _ in found] != list(range(1, len(found) + 1)):
        problems.append("number the exercises 1., 2., 3. in order")
    for n, stars, line in found:
        if not stars:
            problems.append(f"exercise {n} {line[:40]!r}: start it with its "
                            f"difficulty, '{n}. ★ ', '★★ ' or '★★★ '")
        for day in CAMP_DAY.findall(line):
            if not 1 <= int(day) <= 25:
                problems.append(f"exercise {n}: camp day {day} is not one "
                                f"of days 1-25")
    return problems


def cell_length_problems(nb, number):
    """Curriculum §3: code cells median <= 5 lines, none over 15 (lesson
    06: 25); the fixed setup cell is not counted."""
    limit = MAX_LINES.get(number, MAX_LINES_DEFAULT)
    cells = code_cells(nb)[1:]
    problems = [f"{where(i, c)}: {len(code_lines(c))} lines; split it "
                f"(at most {limit})" for i, c in cells
                if len(code_lines(c)) > limit]
    if cells:
        median = statistics.median(len(code_lines(c)) for _, c in cells)
        if median > MEDIAN_LINES:
            problems.append(f"code cells have a median of {median} lines; "
                            f"at most {MEDIAN_LINES}: split the long ones")
    return problems


def footer_problems(nb, number):
    """The last cell is Markdown and repeats the navigation line."""
    last = nb["cells"][-1] if nb["cells"] else None
    if (last is None or last["cell_type"] != "markdown"
            or navigation(number) not in code_lines(last)):
        return [f"the last cell must be a Markdown cell with the navigation "
                f"line {navigation(number)!r}"]
    return []


def mindspore_section_problems(nb):
    """The "In MindSpore" code blocks: each a ```python fence, at most 15
    lines, importing from mindspore (never mindgrad), printing."""
    text = sections(nb).get(HEADINGS_AFTER[0], "")
    fences = [line for line in text.splitlines() if line.startswith("```")]
    opened = fences[::2]
    problems = [f"In MindSpore: a code block opens with {f!r}; write "
                f"```python so the block is run" for f in opened
                if f.rstrip() != "```python"]
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.M | re.S)
    if not blocks:
        problems.append("In MindSpore: no ```python code block")
    for n, code in enumerate(blocks, 1):
        lines = [x for x in code.splitlines() if x.strip()]
        if code.lstrip().startswith(build().MINDSPORE_ONLY):
            continue
        if len(lines) > BLOCK_LINES:
            problems.append(f"In MindSpore block {n}: {len(lines)} lines; at "
                            f"most {BLOCK_LINES}")
        if not re.search(r"^(import|from) mindspore\b", code, flags=re.M):
            problems.append(f"In MindSpore block {n}: import from mindspore "
                            f"(import mindspore as ms / from mindspore "
                            f"import ...)")
        if re.search(r"\bmindgrad\b", code):
            problems.append(f"In MindSpore block {n}: mentions mindgrad; the "
                            f"block is MindSpore code (name mindgrad-only "
                            f"cells in the prose)")
        if "print(" not in code:
            problems.append(f"In MindSpore block {n}: prints nothing; print "
                            f"the result so both runs show it")
    return problems


def solution_header(number, relative_path, title):
    """The first cell's lines of a lesson's solutions notebook."""
    return [build().colab_badge(relative_path),
            f"[← back to lesson {number}](../{lesson_file(number)})",
            title]


def solution_problems(nb, relative_path, lesson):
    """A solutions notebook: header with badge, back link and title; the
    setup cell; one '## Exercise k ★...' per exercise of the lesson, with
    the same stars, each with a code cell that prints."""
    number = Path(relative_path).name[:2]
    problems = badge_problems(nb, relative_path)
    lines = code_lines(nb["cells"][0]) if nb["cells"] else []
    title = lines[2] if len(lines) > 2 else ""
    if not title.startswith(f"# Solutions · {number} · "):
        problems.append(f"cell 1: third line {title!r}; expected "
                        f"'# Solutions · {number} · <title>'")
    expected = solution_header(number, relative_path, title)
    if lines[:2] != expected[:2] or len(lines) != 3:
        problems.append("cell 1: expected exactly these lines:\n    "
                        + "\n    ".join(expected))
    problems += setup_problems(nb)
    wanted = [(n, stars) for n, stars, _ in exercises(lesson)]
    got = []
    current = None
    printed = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in source(cell).splitlines():
                found = re.match(r"## Exercise (\d+) (★{1,3})(?: |$)", line)
                if found:
                    current = int(found.group(1))
                    got.append((current, found.group(2)))
                    printed[current] = False
        elif current is not None and cell.get("outputs"):
            printed[current] = True
    if got != wanted:
        problems.append(f"'## Exercise k ★...' headings {got}; the lesson "
                        f"has {wanted}")
    problems += [f"Exercise {k}: no code cell with a printed check"
                 for k, done in sorted(printed.items()) if not done]
    return problems


# ----------------------------------------------------------------------
# The tests over the committed lessons.
# Each check as (notebook, lesson number, path relative to the root).
LESSON_CHECKS = {
    "header": lambda nb, n, rel: header_problems(nb, rel),
    "headings": lambda nb, n, rel: heading_problems(nb),
    "sections": lambda nb, n, rel: section_problems(nb),
    "setup": lambda nb, n, rel: setup_problems(nb),
    "exercises": lambda nb, n, rel: exercise_problems(nb),
    "executed": lambda nb, n, rel: execution_problems(nb, rel),
    "metadata": lambda nb, n, rel: metadata_problems(nb),
    "outputs": lambda nb, n, rel: output_problems(nb),
    "markers": lambda nb, n, rel: marker_problems(nb),
    "cell-lengths": lambda nb, n, rel: cell_length_problems(nb, n),
    "footer": lambda nb, n, rel: footer_problems(nb, n),
    "key-terms": lambda nb, n, rel: key_term_problems(nb, glossary()),
    "code-style": lambda nb, n, rel: code_style_problems(nb),
    "mindspore-blocks": lambda nb, n, rel: mindspore_section_problems(nb),
}
LESSON_PARAMS = pytest.mark.parametrize(
    "path", lesson_paths(), ids=[p.stem for p in lesson_paths()])


def test_every_lesson_of_the_fixed_list_exists():
    """Enforced, not xfail: all 14 lessons are due (curriculum §5)."""
    missing = [f"lessons/{lesson_file(n)}" for n in sorted(LESSONS)
               if not (ROOT / "lessons" / lesson_file(n)).exists()]
    assert not missing, "missing lessons:\n  " + "\n  ".join(missing)


def test_lesson_files_use_the_fixed_slugs():
    names = {lesson_file(n) for n in LESSONS}
    stray = [relative(p) for p in lesson_paths() if p.name not in names]
    assert not stray, ("lessons with a slug outside the fixed list (common "
                       "brief):\n  " + "\n  ".join(stray))


@pytest.mark.parametrize("check", sorted(LESSON_CHECKS))
@LESSON_PARAMS
def test_lesson(path, check):
    """One check of curriculum §3-4 on one lesson, e.g.
    ``test_lesson[03_gradients-header]``."""
    problems = LESSON_CHECKS[check](load(path), path.name[:2],
                                    relative(path))
    assert not problems, report(relative(path), problems)


def solutions_path(path):
    return path.parent / "solutions" / f"{path.stem}_solutions.ipynb"


@LESSON_PARAMS
def test_solutions_notebook_exists(path):
    target = solutions_path(path)
    assert target.exists(), (f"{relative(path)}: write the worked solutions "
                             f"of its exercises in {relative(target)}")


def _solutions(path):
    target = solutions_path(path)
    if not target.exists():
        pytest.skip(f"{relative(target)} not written yet")
    return target, load(target)


@LESSON_PARAMS
def test_solutions_notebook_links_back_and_matches(path):
    target, nb = _solutions(path)
    problems = solution_problems(nb, relative(target), load(path))
    assert not problems, report(relative(target), problems)


@LESSON_PARAMS
def test_solutions_notebook_is_executed_and_stable(path):
    target, nb = _solutions(path)
    problems = (execution_problems(nb, relative(target))
                + metadata_problems(nb) + output_problems(nb)
                + marker_problems(nb) + code_style_problems(nb))
    assert not problems, report(relative(target), problems)


def test_no_stray_solutions_notebook():
    lessons = {p.stem for p in lesson_paths()}
    stray = [relative(p) for p in sorted(
        (ROOT / "lessons" / "solutions").glob("*.ipynb"))
        if p.stem.replace("_solutions", "", 1) not in lessons
        or not p.stem.endswith("_solutions")]
    assert not stray, ("solutions notebooks without a lesson (name them "
                       "lessons/solutions/NN_slug_solutions.ipynb):\n  "
                       + "\n  ".join(stray))


# ----------------------------------------------------------------------
# The checks prove themselves on hand-made notebooks.
GOOD_ROWS = [Row("gradient", "梯度", 1, "03"),
             Row("level curve", "等高线", 2, "03")]
GOOD_PATH = "lessons/03_gradients.ipynb"


def good_lesson():
    """A tiny lesson 03 that passes every check."""
    nav = navigation("03")
    block = ("```python\nimport mindspore as ms\nfrom mindspore import "
             "Tensor\nprint(ms.grad(lambda x: x * x)(Tensor(3.0)))\n```\n")
    figure = {"output_type": "display_data", "metadata": {},
              "data": {"text/plain": "<Figure size 640x480 with 1 Axes>"}}
    cells = [
        markdown_cell(f"{build().colab_badge(GOOD_PATH)}\n\n{nav}\n\n"
                      f"# 03 · Gradients · 梯度\n\n*About 30 minutes.*"),
        markdown_cell("## The question · 问题\n\nWhich way is steepest?"),
        markdown_cell("## What you will learn · 学习目标\n\n- compute\n"
                      "- draw\n- read"),
        code_cell("\n".join(expected_setup() + ["import math"])),
        markdown_cell("## 1. The gradient\n\nThe **gradient** (梯度)."),
        code_cell("g = ms.grad(lambda x: x * x)(Tensor(3.0))\nprint(g)",
                  [stdout("6.0\n")]),
        code_cell("def show(x):\n    print(x)"),
        code_cell("plt.plot([0, 1], label='slope')\nplt.show()", [figure]),
        code_cell("# NBVAL_IGNORE_OUTPUT\n# why: slider widget\n"
                  "_ = viz.explore_gradient_field(f)"),
        markdown_cell("## 2. Level curves\n\nText."),
        markdown_cell("## In MindSpore · 在 MindSpore 中\n\nThe same.\n\n"
                      + block),
        markdown_cell("## Summary · 小结\n\n- one\n- two\n- three\n\n"
                      "Key terms · 关键术语: gradient 梯度; level curve 等高线"),
        markdown_cell("## Exercises · 练习\n\n1. ★ Do it.\n"
                      "2. ★★ (camp day 5) Do more."),
        markdown_cell(nav),
    ]
    for count, (_, cell) in enumerate(code_cells({"cells": cells}), 1):
        cell["execution_count"] = count
    return {"cells": cells, "metadata": {"kernelspec": dict(build().KERNEL),
                                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def all_problems(nb, path=GOOD_PATH):
    number = Path(path).name[:2]
    return (header_problems(nb, path) + heading_problems(nb)
            + section_problems(nb) + setup_problems(nb)
            + exercise_problems(nb) + execution_problems(nb, path)
            + metadata_problems(nb) + output_problems(nb)
            + marker_problems(nb) + cell_length_problems(nb, number)
            + footer_problems(nb, number) + key_term_problems(nb, GOOD_ROWS)
            + code_style_problems(nb) + mindspore_section_problems(nb))


def _edit(nb, index, old, new):
    cell = nb["cells"][index]
    assert old in cell["source"]
    cell["source"] = cell["source"].replace(old, new)
    return nb


def test_checker_passes_a_good_lesson():
    assert all_problems(good_lesson()) == []


def test_checker_flags_a_missing_heading():
    nb = good_lesson()
    del nb["cells"][2]
    assert any("expected, in this order" in p for p in heading_problems(nb))


def test_checker_flags_headings_out_of_order_or_sharing_a_cell():
    nb = _edit(good_lesson(), 9, "## 2. Level", "## 3. Level")
    assert any("numbered [1, 3]" in p for p in heading_problems(nb))
    nb = _edit(good_lesson(), 4, "The **gradient**", "text\n## 2. x\n")
    assert any("must start its own Markdown cell" in p
               for p in heading_problems(nb))


def test_checker_flags_a_wrong_header():
    nb = _edit(good_lesson(), 0, "04_gradient_descent", "05_graphs")
    assert any("navigation line" in p for p in header_problems(nb,
                                                               GOOD_PATH))
    nb = _edit(good_lesson(), 0, "# 03 · Gradients · 梯度", "# Gradients")
    assert any("title" in p for p in header_problems(nb, GOOD_PATH))
    nb = _edit(good_lesson(), 0, "/03_gradients.ipynb)", "/x.ipynb)")
    assert any("badge" in p for p in header_problems(nb, GOOD_PATH))


def test_checker_flags_an_unexecuted_cell():
    nb = good_lesson()
    nb["cells"][5]["execution_count"] = None
    problems = execution_problems(nb, GOOD_PATH)
    assert any("cells [6] are not executed" in p for p in problems)


def test_checker_flags_a_missing_output_and_piecemeal_runs():
    nb = good_lesson()
    nb["cells"][5]["outputs"] = []
    assert any("prints but has no stored output" in p
               for p in execution_problems(nb))
    nb = good_lesson()
    nb["cells"][5]["execution_count"] = 9
    assert any("not 1, 2, 3" in p for p in execution_problems(nb))


def test_checker_does_not_expect_output_from_definitions_or_branches():
    nb = {"cells": [code_cell("def f():\n    print(1)\nif False:\n"
                              "    print(2)\ntry:\n    pass\n"
                              "except ValueError as e:\n    print(e)",
                              count=1)]}
    assert execution_problems(nb) == []


# What a careless notebook prints on a learner's machine: a checkpoint in
# the temporary folder, and the kernel's own cell file in a warning
# (sanitised by nbval, so not flagged).
SAVED = os.path.join(tempfile.gettempdir(), "tmpab12", "model.ckpt")
KERNEL_FILE = os.path.join(tempfile.gettempdir(), "ipykernel_12", "3456.py")


def test_checker_flags_a_memory_address_an_error_and_stderr():
    nb = good_lesson()
    nb["cells"][5]["outputs"] = [
        stdout("<function f at 0x7f3a2b1c9d30>\n"),
        stdout(f"saved {SAVED}\n"),
        stdout(f"IPYKERNEL {KERNEL_FILE}:2: UserWarning\n"),
        {"output_type": "stream", "name": "stderr", "text": "Warning: x\n"},
        {"output_type": "error", "ename": "ValueError", "evalue": "bad",
         "traceback": []}]
    problems = output_problems(nb)
    assert any("memory address" in p for p in problems)
    assert any("stderr" in p for p in problems)
    assert any("raised ValueError" in p for p in problems)
    assert [p for p in problems if "absolute path" in p] == [
        "cell 6 (code: 'g = ms.grad(lambda x: x * x)(Tensor(3.0))'): output "
        f"shows an absolute path ('saved {SAVED}'); print file names only"]


def test_checker_flags_an_ignore_marker_without_why():
    nb = _edit(good_lesson(), 8, "# why: slider widget\n", "")
    problems = marker_problems(nb)
    assert any("must be followed by a line '# why:" in p for p in problems)


def test_checker_flags_ignore_markers_in_the_wrong_place_or_form():
    nb = good_lesson()
    nb["cells"][5]["source"] = "# NBVAL_IGNORE_OUTPUT\n# why: noisy\nprint(1)"
    assert any("neither a widget" in p for p in marker_problems(nb))
    nb["cells"][5]["source"] = "print(1)  # NBVAL_IGNORE_OUTPUT"
    assert any("whole comment line" in p for p in marker_problems(nb))
    nb["cells"][5]["source"] = "# NBVAL_SKIP\nprint(1)"
    assert any("whole comment line" in p for p in marker_problems(nb))
    nb["cells"][5]["metadata"]["tags"] = ["nbval-ignore-output"]
    assert any("nbval tag" in p for p in marker_problems(nb))


def test_checker_accepts_a_training_log_and_rejects_a_bare_widget():
    log = ("# NBVAL_IGNORE_OUTPUT\n# why: float32 matrix products round "
           "differently on different CPUs; the next cell checks the result\n"
           "train_loop(model, 15)")
    assert marker_problems({"cells": [code_cell(log, count=1)]}) == []
    widget = code_cell("_ = viz.explore_partials(f)", count=1)
    assert any("widget cell without" in p
               for p in marker_problems({"cells": [widget]}))
    widget = code_cell("# NBVAL_IGNORE_OUTPUT\n# why: slider\nf = 1\n"
                       "_ = viz.explore_partials(f)", count=1)
    assert any("exactly 3 lines" in p
               for p in marker_problems({"cells": [widget]}))


def test_checker_flags_a_key_term_missing_from_the_glossary():
    nb = _edit(good_lesson(), 11, "level curve 等高线", "level curve 等值线")
    problems = key_term_problems(nb, GOOD_ROWS)
    assert any("the glossary writes level curve '等高线'" in p
               for p in problems)
    nb = _edit(good_lesson(), 11, "level curve 等高线", "saddle 鞍点")
    assert any("'saddle 鞍点' is not in lessons/glossary.md" in p
               for p in key_term_problems(nb, GOOD_ROWS))


def test_checker_flags_a_summary_without_key_terms():
    nb = _edit(good_lesson(), 11, "Key terms · 关键术语", "Terms")
    assert any("Key terms" in p for p in section_problems(nb))
    assert key_term_problems(nb, GOOD_ROWS) == [
        "the Summary has no Key terms entries"]


def test_checker_flags_exercises_without_stars_or_too_few():
    nb = _edit(good_lesson(), 12, "2. ★★ (camp day 5)", "2. (camp day 5)")
    assert any("start it with its difficulty" in p
               for p in exercise_problems(nb))
    nb = _edit(good_lesson(), 12, "\n2. ★★ (camp day 5) Do more.", "")
    assert any("lists 1 numbered" in p for p in exercise_problems(nb))


def test_checker_flags_a_changed_setup_cell():
    nb = good_lesson()
    nb["cells"][3]["source"] = nb["cells"][3]["source"].replace(
        "ms.set_seed(0)", "ms.set_seed(1)")
    assert any("line 10" in p for p in setup_problems(nb))
    nb = good_lesson()
    nb["cells"][3]["source"] += "\nx = 1"
    assert any("may only add imports" in p for p in setup_problems(nb))


def test_checker_flags_long_cells():
    nb = good_lesson()
    nb["cells"][5]["source"] = "\n".join(["x = 1"] * 16)
    assert any("16 lines" in p for p in cell_length_problems(nb, "03"))
    assert cell_length_problems(nb, "06") == []
    for _, cell in code_cells(nb)[1:]:
        cell["source"] = "\n".join(["x = 1"] * 6)
    assert any("median of 6" in p for p in cell_length_problems(nb, "06"))


def test_checker_flags_a_missing_footer():
    nb = good_lesson()
    nb["cells"].pop()
    assert footer_problems(nb, "03") != []


def test_checker_flags_widget_state_kernelspec_and_timing():
    nb = good_lesson()
    nb["metadata"]["widgets"] = {"state": {}}
    nb["metadata"]["kernelspec"] = {"name": "mindspore-env"}
    nb["cells"][5]["metadata"]["execution"] = {"iopub.status.busy": "x"}
    problems = metadata_problems(nb)
    assert len(problems) == 3


def test_checker_flags_cjk_in_figures_printoptions_and_clocks():
    nb = good_lesson()
    nb["cells"][7]["source"] = ("ax.set_title('梯度')\n"
                                "plt.plot(x, label=f'切线 {k}')\nplt.show()")
    nb["cells"][5]["source"] = ("np.set_printoptions(precision=4)\n"
                                "t = time.time()\n%time f(x)\nprint('梯度')")
    problems = code_style_problems(nb)
    assert sum("CJK" in p for p in problems) == 2
    assert sum("cell 6" in p for p in problems) == 3


def test_checker_flags_badly_formed_mindspore_blocks():
    nb = _edit(good_lesson(), 10, "mindspore", "mindgrad")
    problems = mindspore_section_problems(nb)
    assert any("import from mindspore" in p for p in problems)
    assert any("mentions mindgrad" in p for p in problems)
    nb = _edit(good_lesson(), 10, "```python", "```py")
    assert any("write ```python" in p for p in mindspore_section_problems(nb))


def good_solutions():
    path = "lessons/solutions/03_gradients_solutions.ipynb"
    head = solution_header("03", path, "# Solutions · 03 · Gradients")
    cells = [markdown_cell("\n\n".join(head)),
             code_cell("\n".join(expected_setup()), count=1),
             markdown_cell("## Exercise 1 ★ Do it."),
             code_cell("print(1)", [stdout("1\n")], 2),
             markdown_cell("## Exercise 2 ★★ (camp day 5) Do more."),
             code_cell("print(2)", [stdout("2\n")], 3)]
    return path, {"cells": cells, "metadata": {}}


def test_checker_passes_good_solutions_and_flags_drifted_ones():
    path, nb = good_solutions()
    assert solution_problems(nb, path, good_lesson()) == []
    nb["cells"][0]["source"] = nb["cells"][0]["source"].replace(
        "../03_gradients", "../04_gradient_descent")
    nb["cells"][4]["source"] = "## Exercise 2 ★ Do more."
    nb["cells"][5]["outputs"] = []
    problems = solution_problems(nb, path, good_lesson())
    assert any("expected exactly these lines" in p for p in problems)
    assert any("the lesson has" in p for p in problems)
    assert any("Exercise 2: no code cell" in p for p in problems)


def test_checker_reads_the_real_glossary_format(tmp_path):
    text = ("# G\n\n| English | 中文 | symbol | lesson |\n|---|---|---|---|\n"
            "| gradient | 梯度 | $\\nabla f$ | 03 |\n| slope | 斜率 | | 01 |\n")
    (tmp_path / "g.md").write_text(text, encoding="utf-8")
    assert glossary(tmp_path / "g.md") == [
        Row("gradient", "梯度", 5, "03"), Row("slope", "斜率", 6, "01")]
    (tmp_path / "g.md").write_text(text + "| broken | 坏 |\n",
                                   encoding="utf-8")
    with pytest.raises(ValueError, match="glossary.md:7"):
        glossary(tmp_path / "g.md")

"""course/build.py and what it builds: normalised notebooks, camp days.

curriculum §4 rule 14 (normalise), §7.3-7.4 (a day's notebook, exercises
derived from solutions) and §10. Each check is a plain function over
notebook dicts; the ``test_checker_*`` tests prove on hand-made
notebooks that each one fails when it should. build.py is imported from
its path (it is a script, not a package module).
"""
import ast
import copy
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notebook_checks import (ROOT, WIDGET_VIEW, badge_problems, build,
                             cell_text, code_cell, code_cells, code_lines,
                             code_style_problems, execution_problems,
                             expected_setup, lesson_file, load, markdown_cell,
                             marker_problems, metadata_problems,
                             output_problems, relative, report,
                             setup_problems, source, stdout, tags, where,
                             with_install_target)

# Curriculum §7.2: day -> (slug, the lesson read first).
DAYS = {
    1: ("tensors", "00"), 2: ("derivative", "01"),
    3: ("finite_differences", "01"), 4: ("partial_derivatives", "02"),
    5: ("directional_derivative", "03"), 6: ("tangent_plane", "03"),
    7: ("loss_gradient", "04"), 8: ("gradient_descent", "04"),
    9: ("chain_rule", "05"), 10: ("toy_engine", "06"),
    11: ("iterative_backward", "06"), 12: ("gradient_check", "07"),
    13: ("grad_position", "08"), 14: ("value_and_grad", "08"),
    15: ("stop_gradient", "09"), 16: ("has_aux", "09"), 17: ("cells", "10"),
    18: ("weights_gradient", "10"), 19: ("grad_operation", "11"),
    20: ("sens_param", "11"), 21: ("first_loss", "12"),
    22: ("training", "12"), 23: ("optimizers", "12"),
    24: ("save_load", "13"), 25: ("transfer_learning", "13"),
}
TOY_ENGINE_DAYS = (10, 11)
TOY_ENGINE = "toy-engine"
SOLUTIONS = ROOT / "course" / "solutions"
EXERCISES = ROOT / "course" / "exercises"
WHO_STUB = 'WHO = None  # your camp nickname, e.g. "小明"'
CAMP_TAIL = ["from mindgrad.camp import check",
             'WHO = "demo"  # your camp nickname, e.g. "小明"',
             "COHORT = None  # the name your organiser announced, if any"]
ANSWER_STUB = "answer = None  # replace None with your result"


def day_file(day):
    return f"day{day:02d}_{DAYS[day][0]}.ipynb"


def day_of(name):
    found = re.match(r"day(\d\d)_", name)
    return int(found.group(1)) if found else None


def canonical(nb):
    """A notebook as nbformat writes it: sources and texts as lists of
    lines, whichever form the dict had."""
    import nbformat

    return json.loads(nbformat.writes(nbformat.from_dict(
        copy.deepcopy(nb)), version=4))


def first_difference(nb, other):
    """Where two notebooks first differ, e.g. ``cell 3 (source)``."""
    a, b = canonical(nb), canonical(other)
    for key in sorted(set(a) | set(b)):
        if key != "cells" and a.get(key) != b.get(key):
            return key
    for i, (x, y) in enumerate(zip(a["cells"], b["cells"])):
        keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
        if keys:
            return f"cell {i + 1} ({', '.join(keys)})"
    return "the number of cells"


# ----------------------------------------------------------------------
# A day's notebook (curriculum §7.3).
def check_cell(nb):
    """``(index, cell)`` of the last code cell, or ``(None, None)``."""
    cells = code_cells(nb)
    return cells[-1] if cells else (None, None)


def day_header_problems(nb, day, relative_path):
    """Badge, '# Day 07 · English · 第 7 天：中文', time, read-first link."""
    problems = badge_problems(nb, relative_path)
    lesson = DAYS[day][1]
    lines = code_lines(nb["cells"][0]) if nb["cells"] else []
    expected = [
        "the Colab badge",
        f"# Day {day:02d} · <English title> · 第 {day} 天：<中文标题>",
        "*About 15 minutes.*",
        f"Read first: [lesson {lesson}, sections ...](../../lessons/"
        f"{lesson_file(lesson)})"]
    ok = (len(lines) == 4
          and re.fullmatch(rf"# Day {day:02d} · [^·]*\S · 第 {day} 天：\S.*",
                           lines[1])
          and lines[2] == expected[2]
          and re.fullmatch(rf"Read first: \[lesson {lesson}\b[^\]]*\]"
                           rf"\(\.\./\.\./lessons/{lesson_file(lesson)}\)",
                           lines[3]))
    if not ok:
        problems.append("cell 1: the header lines must be\n    "
                        + "\n    ".join(expected) + "\n  found\n    "
                        + "\n    ".join(lines))
    return problems


def day_setup_problems(nb):
    """The lesson setup, extra imports, the camp's three lines; tagged
    ``solution`` with the learner's ``WHO = None`` as its stub."""
    problems = setup_problems(nb, extra_tail=CAMP_TAIL)
    cells = code_cells(nb)
    if problems or not cells:
        return problems
    i, cell = cells[0]
    # normalize writes the install target into sources, not into stubs
    stub = with_install_target(cell.get("metadata", {}).get("stub", ""))
    expected = source(cell).replace(CAMP_TAIL[1], WHO_STUB)
    if "solution" not in tags(cell) or stub != expected:
        problems.append(f"{where(i, cell)}: tag the setup cell 'solution' "
                        f"and give it metadata.stub = its source with "
                        f"{WHO_STUB!r}")
    return problems


def check_call_problems(nb, day):
    """The last code cell is exactly ``check(N, answer, who=WHO,
    cohort=COHORT)``; a Markdown cell after it gives the post format."""
    i, cell = check_cell(nb)
    call = f"check({day}, answer, who=WHO, cohort=COHORT)"
    if cell is None or source(cell).strip() != call:
        return [f"the last code cell must be exactly {call!r}, found "
                f"{source(cell).strip() if cell else None!r}"]
    after = "\n".join(source(c) for c in nb["cells"][i + 1:])
    if f"#mindgrad-camp Day{day:02d}" not in after:
        return [f"after the check cell, show the post format "
                f"'#mindgrad-camp Day{day:02d} <nickname> <code>'"]
    return []


def work_cell_problems(nb):
    """The code cell before the check cell is tagged ``solution``; the
    solution ends with ``answer = <result>`` and its stub with
    ``answer = None  # replace None with your result``."""
    cells = code_cells(nb)
    if len(cells) < 3:
        return ["a day needs a setup cell, a work cell and a check cell"]
    i, cell = cells[-2]
    stub = cell.get("metadata", {}).get("stub", "")
    problems = []
    if "solution" not in tags(cell):
        problems.append(f"{where(i, cell)}: the work cell (just before the "
                        f"check cell) must be tagged 'solution'")
    solved = code_lines(cell)
    if not solved or not re.match(r"answer = (?!None\b)\S", solved[-1]):
        problems.append(f"{where(i, cell)}: the solution must end with "
                        f"'answer = <result>'")
    lines = [x for x in stub.splitlines() if x.strip()]
    if not lines or lines[-1] != ANSWER_STUB:
        problems.append(f"{where(i, cell)}: metadata.stub must end with "
                        f"{ANSWER_STUB!r}")
    return problems


def check_output_problems(nb, day):
    """The solution's check prints the ✓ correct line with a code."""
    i, cell = check_cell(nb)
    text = cell_text(cell) if cell is not None else ""
    if not ("✓" in text and "correct" in text and f"D{day:02d}-" in text):
        return [f"the check cell prints {text.strip()[:120]!r}; the solution "
                f"must print the ✓ correct line with the check-in code "
                f"(run python course/build.py execute)"]
    return []


def exercise_output_problems(nb):
    """Exercises are committed without outputs (curriculum §4 rule 1)."""
    return [f"{where(i, c)}: stored output or execution count; run python "
            f"course/build.py exercises" for i, c in code_cells(nb)
            if c.get("outputs") or c.get("execution_count") is not None]


def drifted_exercises(solutions, exercises, scratch):
    """Regenerate the exercises into ``scratch``; return the names of
    committed exercises that differ from (or lack) their regenerated
    form."""
    build().build_exercises(solutions, scratch)
    return [p.name for p in sorted(Path(scratch).glob("*.ipynb"))
            if not (Path(exercises) / p.name).exists()
            or canonical(build().read(p))
            != canonical(build().read(Path(exercises) / p.name))]


# ----------------------------------------------------------------------
# Days 10-11: the toy engine copied from lesson 06.
def _methods(text):
    """``[(first line, last line, name)]`` (0-based, end exclusive) of the
    module's functions and every class's methods, decorators included."""
    tree = ast.parse(text)
    spans = []
    for owner in [tree] + [n for n in ast.walk(tree)
                           if isinstance(n, ast.ClassDef)]:
        prefix = "" if owner is tree else owner.name + "."
        for node in owner.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([d.lineno for d in node.decorator_list]
                            + [node.lineno])
                spans.append((start - 1, node.end_lineno,
                              prefix + node.name))
    return spans


def _changed_methods(lines, changed, spans):
    names, outside = set(), []
    for n in changed:
        inside = [name for a, b, name in spans if a <= n < b]
        if inside:
            names.add(inside[0])
        elif lines[n].strip():
            outside.append(lines[n])
    return names, outside


def toy_engine_problems(lesson_code, day_code, label, at_least_one=False):
    """The day's copy equals lesson 06's cell apart from one method (the
    one the day stubs or solves); with ``at_least_one``, it must differ."""
    try:
        spans_a, spans_b = _methods(lesson_code), _methods(day_code)
    except SyntaxError as e:
        return [f"{label}: does not parse ({e})"]
    a, b = lesson_code.splitlines(), day_code.splitlines()
    changed_a, changed_b = [], []
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in ops:
        if op != "equal":
            changed_a += range(i1, i2)
            changed_b += range(j1, j2)
    names_a, out_a = _changed_methods(a, changed_a, spans_a)
    names_b, out_b = _changed_methods(b, changed_b, spans_b)
    problems = []
    if out_a or out_b:
        problems.append(f"{label}: differs from lesson 06's toy-engine cell "
                        f"outside any method: {(out_a + out_b)[0]!r}; copy "
                        f"the lesson's cell again")
    if max(len(names_a), len(names_b)) > 1:
        problems.append(f"{label}: differs from lesson 06's toy-engine cell "
                        f"in {sorted(names_a | names_b)}; only the day's one "
                        f"method may differ")
    if at_least_one and not (names_a or names_b or out_a or out_b):
        problems.append(f"{label}: identical to lesson 06's cell; the stub "
                        f"must leave the day's method to write")
    return problems


def tagged(nb, tag):
    return [c for c in nb["cells"] if tag in tags(c)]


def toy_engine_copy_problems(lesson, solution, day):
    """Lesson 06 has one toy-engine cell; the day has one, and both its
    solution and its stub match the lesson's apart from one method."""
    ours, theirs = tagged(lesson, TOY_ENGINE), tagged(solution, TOY_ENGINE)
    if len(ours) != 1 or len(theirs) != 1:
        return [f"lesson 06 has {len(ours)} and day {day} {len(theirs)} "
                f"cells tagged {TOY_ENGINE!r}; each needs exactly one"]
    cell = theirs[0]
    problems = toy_engine_problems(source(ours[0]), source(cell),
                                   f"day {day} toy-engine solution")
    if "solution" in tags(cell):
        problems += toy_engine_problems(
            source(ours[0]), cell.get("metadata", {}).get("stub", ""),
            f"day {day} toy-engine stub", at_least_one=True)
    return problems


# ----------------------------------------------------------------------
# The tests over the committed notebooks.
NOTEBOOKS = build().all_notebooks()
SOLUTION_PATHS = sorted(SOLUTIONS.glob("day*.ipynb"))
EXERCISE_PATHS = sorted(EXERCISES.glob("day*.ipynb"))
LESSON_PATHS = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))


def _params(paths):
    return pytest.mark.parametrize("path", paths,
                                   ids=[relative(p) for p in paths])


@_params(NOTEBOOKS)
def test_committed_notebook_is_normalised(path):
    rel = relative(path)
    nb = load(path)
    again = build().normalize(load(path), rel)
    same = canonical(again) == canonical(nb)
    assert same, (
        f"{rel}: not normalised ({first_difference(nb, again)}); run python "
        f"course/build.py normalize {rel}")
    problems = metadata_problems(nb) + badge_problems(nb, rel)
    assert not problems, report(rel, problems)


def test_every_camp_day_has_a_solution_notebook():
    """Enforced, not xfail: all 25 days are due (curriculum §7.2)."""
    missing = [f"course/solutions/{day_file(d)}" for d in DAYS
               if not (SOLUTIONS / day_file(d)).exists()]
    assert not missing, "missing camp days:\n  " + "\n  ".join(missing)


def test_day_files_use_the_schedule_slugs():
    names = {day_file(d) for d in DAYS}
    stray = [relative(p) for p in SOLUTION_PATHS + EXERCISE_PATHS
             if p.name not in names]
    assert not stray, ("day notebooks not named as in curriculum §7.2:\n  "
                       + "\n  ".join(stray))


def test_every_solution_has_its_exercise_and_vice_versa():
    solved = {p.name for p in SOLUTION_PATHS}
    stubs = {p.name for p in EXERCISE_PATHS}
    problems = ([f"course/exercises/{n} is missing" for n in
                 sorted(solved - stubs)]
                + [f"course/exercises/{n} has no solution" for n in
                   sorted(stubs - solved)])
    assert not problems, ("\n".join(problems)
                          + "\nrun python course/build.py exercises")


def test_exercises_equal_their_regenerated_form(tmp_path):
    if not SOLUTION_PATHS:
        pytest.skip("no camp solution notebooks yet")
    drifted = drifted_exercises(SOLUTIONS, EXERCISES, tmp_path)
    assert not drifted, ("exercises differ from their solutions; run python "
                         "course/build.py exercises and commit:\n  "
                         + "\n  ".join(drifted))


@_params(EXERCISE_PATHS)
def test_exercise_has_no_outputs(path):
    problems = exercise_output_problems(load(path))
    assert not problems, report(relative(path), problems)


@_params(SOLUTION_PATHS)
def test_day_notebook_layout(path):
    day, nb, rel = day_of(path.name), load(path), relative(path)
    if day not in DAYS:
        pytest.fail(f"{rel}: not a day of the schedule")
    problems = (day_header_problems(nb, day, rel) + day_setup_problems(nb)
                + work_cell_problems(nb) + check_call_problems(nb, day))
    assert not problems, report(rel, problems)


@_params(SOLUTION_PATHS)
def test_solution_is_executed_and_prints_correct(path):
    day, nb, rel = day_of(path.name), load(path), relative(path)
    problems = (execution_problems(nb, rel) + output_problems(nb)
                + marker_problems(nb) + code_style_problems(nb)
                + check_output_problems(nb, day))
    assert not problems, report(rel, problems)


@_params(EXERCISE_PATHS)
def test_exercise_check_cell_and_stub(path):
    day, nb, rel = day_of(path.name), load(path), relative(path)
    if day not in DAYS:
        pytest.fail(f"{rel}: not a day of the schedule")
    i, cell = code_cells(nb)[-2] if len(code_cells(nb)) > 1 else (0, None)
    problems = check_call_problems(nb, day)
    if cell is None or code_lines(cell)[-1:] != [ANSWER_STUB]:
        problems.append(f"the work cell must end with {ANSWER_STUB!r}")
    assert not problems, report(rel, problems)


@pytest.mark.parametrize("day", TOY_ENGINE_DAYS)
def test_toy_engine_copy_matches_lesson_06(day):
    lesson = ROOT / "lessons" / lesson_file("06")
    solution = SOLUTIONS / day_file(day)
    if not lesson.exists() or not solution.exists():
        pytest.skip("lesson 06 or the day's notebook is not written yet")
    problems = toy_engine_copy_problems(load(lesson), load(solution), day)
    assert not problems, report(relative(solution), problems)


def lesson_block_params():
    params = []
    for path in LESSON_PATHS:
        for n, code in enumerate(build().mindspore_blocks(load(path)), 1):
            params.append(pytest.param(code, id=f"{path.stem}-block{n}"))
    return params


@pytest.mark.parametrize("code", lesson_block_params())
def test_mindspore_block_runs_under_mindgrad(code, tmp_path):
    """Curriculum §3 item 6: the import lines swapped, the block runs."""
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0",
               PYTHONPATH=os.pathsep.join(
                   [str(ROOT), os.environ.get("PYTHONPATH", "")]))
    swapped = build().to_mindgrad(code)
    done = subprocess.run([sys.executable, "-c", swapped], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300,
                          env=env)
    assert done.returncode == 0, (
        f"the block, run under mindgrad, failed:\n{swapped}\n---\n"
        f"{done.stderr[-1500:]}")
    assert done.stdout.strip(), f"the block prints nothing:\n{swapped}"


@_params(LESSON_PATHS)
def test_lesson_has_a_runnable_mindspore_block(path):
    assert build().mindspore_blocks(load(path)), (
        f"{relative(path)}: the In MindSpore section needs at least one "
        f"```python block that is not '# MindSpore only'")


# ----------------------------------------------------------------------
# build.py itself, on hand-made notebooks.
def messy_notebook():
    """What Jupyter and nbclient leave behind: widget state and views,
    a foreign kernel, timing, a Python version, a badge for another
    path and a setup cell installing plain "mindgrad"."""
    setup = "\n".join(expected_setup()).replace(
        build().install_target(), "mindgrad")
    widget = {"output_type": "display_data", "metadata": {},
              "data": {"text/plain": "VBox()",
                       WIDGET_VIEW: {"model_id": "c81d72973f47"}}}
    cells = [markdown_cell("[![Open In Colab](x.svg)](https://colab.example/"
                           "y.ipynb)\n\n# Title"),
             code_cell(setup, count=1),
             code_cell(["print(1)\n", "print(2)"], [stdout("1\n2\n")], 2),
             code_cell("_ = viz.explore_partials(f)", [widget], 3)]
    cells[2]["metadata"] = {"execution": {"iopub.execute_input": "2025"},
                            "collapsed": False, "scrolled": True}
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 4,
            "metadata": {"kernelspec": {"name": "mindspore", "language":
                                        "python", "display_name": "MS"},
                         "widgets": {"application/vnd.jupyter.widget-state"
                                     "+json": {"state": {}}},
                         "language_info": {"name": "python",
                                           "version": "3.11.7"}}}


MESSY_PATH = "lessons/99_messy.ipynb"


def test_normalize_removes_volatile_metadata_and_widget_views():
    nb = build().normalize(messy_notebook(), MESSY_PATH)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert metadata_problems(nb) == []
    assert nb["cells"][3]["outputs"][0]["data"] == {"text/plain": "VBox()"}
    assert nb["cells"][2]["metadata"] == {}


def test_normalize_writes_badge_and_install_target_from_pyproject():
    nb = build().normalize(messy_notebook(), MESSY_PATH)
    assert badge_problems(nb, MESSY_PATH) == []
    assert ("colab.research.google.com/github/mindgrad/mindgrad/blob/main/"
            "lessons/99_messy.ipynb)") in source(nb["cells"][0])
    assert setup_problems(nb) == []
    assert 'install --quiet git+https://github.com/mindgrad/mindgrad")' in \
        source(nb["cells"][1])


def test_normalize_is_idempotent_through_a_file(tmp_path):
    once = build().normalize(messy_notebook(), MESSY_PATH)
    twice = build().normalize(copy.deepcopy(once), MESSY_PATH)
    assert twice == once
    path = tmp_path / "n.ipynb"
    build().write(once, path)
    text = path.read_text(encoding="utf-8")
    build().write(build().normalize(build().read(path), MESSY_PATH), path)
    assert path.read_text(encoding="utf-8") == text
    assert canonical(build().read(path)) == canonical(once)


def test_checker_sees_an_unnormalised_notebook():
    assert len(metadata_problems(messy_notebook())) == 5
    assert badge_problems(messy_notebook(), MESSY_PATH) != []


def test_execute_twice_gives_identical_files(tmp_path, monkeypatch):
    """build.py execute on a notebook with a print and a widget: the
    stored file is normalised and the same after a second run."""
    pytest.importorskip("nbclient")
    pytest.importorskip("ipywidgets")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "lessons").mkdir()
    path = tmp_path / "lessons" / "99_tiny.ipynb"
    nb = {"cells": [markdown_cell("[![Open In Colab](a)](b)"), code_cell(
        "import ipywidgets\nprint(sum([1, 2]))\n"
        "ipywidgets.IntSlider(value=3)")],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
    build().write(nb, path)
    monkeypatch.setattr(build(), "ROOT", tmp_path)
    build().execute_file(path)
    first = path.read_bytes()
    build().execute_file(path)
    assert path.read_bytes() == first
    executed = build().read(path)
    assert metadata_problems(executed) == []
    assert execution_problems(executed) == []
    assert "3\n" in cell_text(executed["cells"][1])


def test_exercise_from_solution_stubs_drops_and_clears():
    solution = {"cells": [
        markdown_cell("# Day 07"),
        code_cell("x = 1", [stdout("1\n")], 1, ["solution"], stub="x = ..."),
        code_cell("print('only for teachers')", [], 2, ["solution-only"]),
        code_cell("print(x)", [stdout("1\n")], 3)], "metadata": {}}
    stubbed = build().exercise_from_solution(solution)
    assert [source(c) for c in stubbed["cells"]] == [
        "# Day 07", "x = ...", "print(x)"]
    assert exercise_output_problems(stubbed) == []
    assert exercise_output_problems(solution) != []
    assert source(solution["cells"][1]) == "x = 1"


def test_mindspore_blocks_skips_mindspore_only_and_other_sections():
    nb = {"cells": [
        markdown_cell("## 1. Before\n\n```python\nprint('not this')\n```"),
        markdown_cell(
            "## In MindSpore · 在 MindSpore 中\n\nProse.\n\n```python\n"
            "import mindspore as ms\nprint(ms.float32)\n```\n\n```python\n"
            "# MindSpore only: a dataset pipeline\nimport mindspore.dataset"
            "\n```"),
        markdown_cell("```python\nprint('still the section')\n```"),
        markdown_cell("## Summary · 小结\n\n```python\nprint('not this')\n```")]}
    blocks = build().mindspore_blocks(nb)
    assert blocks == ["import mindspore as ms\nprint(ms.float32)\n",
                      "print('still the section')\n"]
    assert build().to_mindgrad(blocks[0]).startswith("import mindgrad as ms")


# --- a day's notebook ------------------------------------------------------
DAY_PATH = "course/solutions/day07_loss_gradient.ipynb"


def good_day():
    setup = "\n".join(expected_setup() + CAMP_TAIL)
    cells = [
        markdown_cell(
            f"{build().colab_badge(DAY_PATH)}\n\n"
            f"# Day 07 · The gradient of a loss · 第 7 天：损失函数的梯度\n\n"
            f"*About 15 minutes.*\n\n"
            f"Read first: [lesson 04, sections 1–2](../../lessons/"
            f"04_gradient_descent.ipynb)"),
        code_cell(setup, count=1, cell_tags=["solution"],
                  stub=setup.replace(CAMP_TAIL[1], WHO_STUB)),
        markdown_cell("Recap."),
        code_cell("print(2 * 3)", [stdout("6\n")], 2),
        markdown_cell("Task. 任务。"),
        code_cell("g = (-134.0, -38.0)\nanswer = g", count=3,
                  cell_tags=["solution"],
                  stub=f"g = ...  # your code here\n{ANSWER_STUB}"),
        code_cell("check(7, answer, who=WHO, cohort=COHORT)",
                  [stdout("✓ Day 07 correct! Check-in code: D07-7KQ2-M9XA "
                          "(nickname demo)\n")], 4),
        markdown_cell("Post your check-in: "
                      "`#mindgrad-camp Day07 <nickname> <code>`"),
    ]
    return {"cells": cells, "metadata": {}, "nbformat": 4,
            "nbformat_minor": 4}


def day_problems(nb, day=7, path=DAY_PATH):
    return (day_header_problems(nb, day, path) + day_setup_problems(nb)
            + work_cell_problems(nb) + check_call_problems(nb, day)
            + check_output_problems(nb, day) + execution_problems(nb, path))


def test_checker_passes_a_good_day():
    assert day_problems(good_day()) == []


def test_checker_flags_a_check_cell_that_is_not_last_or_wrong():
    nb = good_day()
    nb["cells"].append(code_cell("print(answer)", [stdout("x\n")], 5))
    assert any("last code cell must be exactly" in p
               for p in check_call_problems(nb, 7))
    nb = good_day()
    nb["cells"][6]["source"] = "check(8, answer, who=WHO, cohort=COHORT)"
    assert check_call_problems(nb, 7) != []


def test_checker_flags_a_wrong_stub_or_an_unsolved_work_cell():
    nb = good_day()
    nb["cells"][5]["metadata"]["stub"] = "answer = None"
    nb["cells"][5]["source"] = "answer = None"
    problems = work_cell_problems(nb)
    assert any("metadata.stub must end with" in p for p in problems)
    assert any("must end with 'answer = <result>'" in p for p in problems)


def test_checker_flags_a_check_that_did_not_print_correct():
    nb = good_day()
    nb["cells"][6]["outputs"] = [stdout("✗ Day 07: not yet.\n")]
    assert check_output_problems(nb, 7) != []


def test_checker_flags_a_wrong_day_header_and_setup():
    nb = good_day()
    nb["cells"][0]["source"] = nb["cells"][0]["source"].replace(
        "04_gradient_descent", "03_gradients")
    assert day_header_problems(nb, 7, DAY_PATH) != []
    nb["cells"][1]["metadata"]["stub"] = nb["cells"][1]["source"]
    assert any("metadata.stub" in p for p in day_setup_problems(nb))
    nb["cells"][1]["source"] = nb["cells"][1]["source"].replace("demo", "me")
    assert any("must end with" in p for p in day_setup_problems(nb))


def test_checker_flags_drifted_exercises(tmp_path):
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    solutions.mkdir()
    build().write(good_day(), solutions / "day07_loss_gradient.ipynb")
    build().build_exercises(solutions, exercises)
    path = exercises / "day07_loss_gradient.ipynb"
    stub = build().read(path)
    assert exercise_output_problems(stub) == []
    assert code_lines(code_cells(stub)[-2][1])[-1] == ANSWER_STUB
    assert drifted_exercises(solutions, exercises, tmp_path / "a") == []
    stub["cells"][5]["source"] = "answer = 3"
    build().write(stub, path)
    build().write(good_day(), solutions / "day08_gradient_descent.ipynb")
    assert drifted_exercises(solutions, exercises, tmp_path / "b") == [
        "day07_loss_gradient.ipynb", "day08_gradient_descent.ipynb"]


TOY = '''\
class Scalar:
    def __init__(self, value, parents=()):
        self.value, self.parents, self.grad = value, parents, 0.0

    def __add__(self, other):
        out = Scalar(self.value + other.value, (self, other))
        out.vjp = lambda dout: (dout, dout)
        return out

    def __mul__(self, other):
        out = Scalar(self.value * other.value, (self, other))
        out.vjp = lambda dout: (dout * other.value, dout * self.value)
        return out


def backward_v1(node, dout=1.0):
    node.grad += dout
    for parent, d in zip(node.parents, node.vjp(dout)):
        backward_v1(parent, d)
'''


def test_checker_accepts_a_toy_engine_with_one_method_stubbed():
    stub = TOY.replace(
        "        out.vjp = lambda dout: (dout * other.value, dout * "
        "self.value)\n", "        out.vjp = ...  # your code here\n")
    assert toy_engine_problems(TOY, stub, "stub", at_least_one=True) == []
    renamed = TOY.replace("def backward_v1(node, dout=1.0):\n    node.grad "
                          "+= dout", "def backward(node):\n    order = []")
    assert toy_engine_problems(TOY, renamed, "solution") == []


def test_checker_flags_a_drifted_toy_engine_copy():
    two = TOY.replace("(dout, dout)", "(dout, -dout)").replace(
        "dout * self.value)", "dout)")
    assert any("only the day's one method" in p
               for p in toy_engine_problems(TOY, two, "copy"))
    outside = TOY.replace("class Scalar:", "class Scalar:\n    count = 0")
    assert any("outside any method" in p
               for p in toy_engine_problems(TOY, outside, "copy"))
    assert any("identical" in p for p in toy_engine_problems(
        TOY, TOY, "stub", at_least_one=True))
    assert any("does not parse" in p for p in toy_engine_problems(
        TOY, "def f(:\n", "stub"))


def test_checker_requires_one_tagged_toy_engine_cell_each():
    lesson = {"cells": [code_cell(TOY, cell_tags=[TOY_ENGINE])]}
    day = {"cells": [code_cell(TOY, cell_tags=[TOY_ENGINE, "solution"],
                               stub=TOY.replace("dout * self.value", "..."))]}
    assert toy_engine_copy_problems(lesson, day, 10) == []
    day["cells"][0]["metadata"]["stub"] = TOY
    assert any("identical" in p for p in toy_engine_copy_problems(
        lesson, day, 10))
    assert toy_engine_copy_problems(lesson, {"cells": []}, 10) != []

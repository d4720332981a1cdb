"""``python -m mindgrad.camp``: every command, its messages in both
languages, exit statuses 0/1/2, CSV verification and console encodings."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mindgrad.camp import cli, codes

ROOT = Path(__file__).resolve().parent.parent
KEY7 = "-134,-38"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MINDGRAD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MINDGRAD_LANG", raising=False)
    return tmp_path / "home"


def camp(capsys, *argv):
    """Run the command line in this process: (exit status, stdout lines)."""
    try:
        status = cli.main(list(argv))
    except SystemExit as stop:
        status = stop.code
    captured = capsys.readouterr()
    assert captured.err == ""
    return status, captured.out.splitlines()


def stored(home):
    return json.loads((home / "camp_progress.json").read_text("utf-8"))


def pass_day(home, day, passed=True, **profile):
    home.mkdir(exist_ok=True)
    data = {"format": "mindgrad-camp-progress", "version": 1, **profile,
            "days": {f"day{d:02d}": {"passed": passed} for d in day}}
    (home / "camp_progress.json").write_text(json.dumps(data), "utf-8")


# --- start, today, schedule, progress --------------------------------
def test_start_saves_the_profile_and_prints_day_1(capsys, home):
    status, lines = camp(capsys, "start", "--who", " 小明 ", "--cohort",
                         "2025-summer", "--date", "2025-07-01")
    assert status == 0
    assert lines[:4] == [
        "Profile saved: nickname 小明, cohort 2025-summer, start date "
        "2025-07-01.",
        "已保存：昵称 小明，班级 2025-summer，开始日期 2025-07-01。",
        "Next: Day 01 · Tensors and z = x @ w + b",
        "下一步：第 1 天 · 张量与 z = x @ w + b"]
    assert lines[4] == (
        "Read lesson 00 (lessons/00_tensors.ipynb), then open "
        "course/exercises/day01_tensors.ipynb: about 15 minutes.")
    assert {k: stored(home)[k] for k in ("who", "cohort", "started")} == {
        "who": "小明", "cohort": "2025-summer", "started": "2025-07-01"}


def test_start_rejects_bad_input_with_one_line_each(capsys, home):
    for argv, english in [
            (["--who", ""], "The nickname '' cannot be used"),
            (["--who", "a", "--cohort", "c" * 41], "The cohort name 'ccc"),
            (["--who", "a", "--date", "1 July"], "--date 1 July is not a "
             "date; write it as YYYY-MM-DD, e.g. 2025-07-01.")]:
        status, lines = camp(capsys, "start", *argv)
        assert status == 2 and len(lines) == 2
        assert lines[0].startswith(english)
    assert not home.exists()


def test_start_with_the_same_nickname_keeps_passed_days(capsys, home):
    pass_day(home, [1, 2], who="Ann Lee")
    camp(capsys, "start", "--who", "ANN  LEE", "--cohort", "c2")
    data = stored(home)
    assert data["days"]["day01"]["passed"] and data["cohort"] == "c2"
    # the codes are recomputed for the new cohort
    assert data["days"]["day02"]["code"] == codes.checkin_code(
        2, "ann lee", "0.8", "c2")


def test_start_with_a_new_nickname_moves_the_old_progress_aside(capsys,
                                                                home):
    pass_day(home, [1, 2], who="小明")
    status, lines = camp(capsys, "start", "--who", "小红")
    assert status == 0
    assert lines[0] == ("New nickname: the progress of 小明 was moved aside "
                        "to camp_progress.json.old-1; you start from day 1.")
    assert stored(home)["days"] == {} and stored(home)["who"] == "小红"
    old = json.loads((home / "camp_progress.json.old-1").read_text("utf-8"))
    assert old["who"] == "小明" and len(old["days"]) == 2


def test_start_on_an_unwritable_home_fails_with_exit_2(capsys, tmp_path,
                                                       monkeypatch):
    (tmp_path / "f").write_text("x")
    monkeypatch.setenv("MINDGRAD_HOME", str(tmp_path / "f"))
    status, lines = camp(capsys, "start", "--who", "a")
    assert status == 2 and lines[0] == (
        "Could not save camp_progress.json: MINDGRAD_HOME is not writable. "
        "Set MINDGRAD_HOME to a folder you can write to.")


def test_today_shows_the_first_day_not_passed(capsys, home):
    pass_day(home, [1, 2, 3, 5])
    status, lines = camp(capsys, "today")
    assert status == 0 and lines == [
        "Next: Day 04 · Partial derivatives", "下一步：第 4 天 · 偏导数",
        "Read lesson 02 (lessons/02_partial_derivatives.ipynb), then open "
        "course/exercises/day04_partial_derivatives.ipynb: about 15 minutes.",
        "先读第 02 课（lessons/02_partial_derivatives.ipynb），再打开 "
        "course/exercises/day04_partial_derivatives.ipynb：大约 15 分钟。"]
    pass_day(home, [1, 2, 3, 4])
    assert camp(capsys, "today")[1][2].startswith(
        "Read lesson 03, sections 1–3 (lessons/03_gradients.ipynb)")


def test_today_with_a_start_date_gives_the_cohort_day(capsys, home):
    import datetime
    started = datetime.date.today() - datetime.timedelta(days=8)
    pass_day(home, [], started=started.isoformat())
    assert camp(capsys, "today")[1][-2:] == [
        "Cohort day 9 of 25.", "班级进度：第 9 天（共 25 天）。"]


def test_today_after_all_25_days(capsys, home):
    pass_day(home, range(1, 26))
    assert camp(capsys, "today") == (0, [
        "All 25 days passed. Congratulations!", "25 天全部完成，恭喜！"])


def test_schedule_is_the_table_in_course_readme(capsys):
    status, lines = camp(capsys, "schedule")
    assert status == 0 and len(lines) == 27
    assert lines[2] == ("| 1 | 00 | day01_tensors | Tensors and z = x @ w "
                        "+ b · 张量与 z = x @ w + b |")
    readme = (ROOT / "course" / "README.md").read_text("utf-8").splitlines()
    start = readme.index(lines[0])
    assert readme[start:start + 27] == lines


def test_schedule_in_one_language(capsys, monkeypatch):
    monkeypatch.setenv("MINDGRAD_LANG", "zh")
    lines = camp(capsys, "schedule")[1]
    assert lines[0] == "| 天 | 阅读 | 练习本 | 标题 |"
    assert lines[8] == "| 7 | 04 §1–2 | day07_loss_gradient | 损失函数的梯度 |"


def test_progress_lists_days_codes_and_totals(capsys, home):
    pass_day(home, [7], who="demo")
    status, lines = camp(capsys, "progress")
    assert status == 0 and len(lines) == 29
    assert lines[0].startswith("· Day 01  ")
    assert lines[6] == ("✓ Day 07  D07-FEGJ-9B2K  The gradient of a loss · "
                        "损失函数的梯度")
    assert lines[25:] == [
        "1 of 25 days passed.", "已完成 1/25 天。",
        "Re-post any code above with: #mindgrad-camp DayNN demo CODE",
        "可以重新发布上面的打卡码，格式：#mindgrad-camp DayNN demo 打卡码"]


def test_progress_without_a_nickname_asks_for_one(capsys, home):
    pass_day(home, [2])
    lines = camp(capsys, "progress")[1]
    assert lines[1].startswith("✓ Day 02  —  ")
    assert lines[-2].startswith('Set WHO = "your nickname"')


# --- verify ----------------------------------------------------------
def test_verify_one_code(capsys):
    code = codes.checkin_code(7, "小明", KEY7, "c1")
    assert camp(capsys, "verify", "--day", "7", "--who", "小明", "--code",
                code.lower(), "--cohort", "c1") == (0, [
                    f"valid: Day 07, 小明, {code.lower()}",
                    f"有效：第 7 天，小明，{code.lower()}"])
    status, lines = camp(capsys, "verify", "--day", "day07", "--who", "小红",
                         "--code", code, "--cohort", "c1")
    assert status == 1 and lines[0] == f"not valid: Day 07, 小红, {code}"


def test_verify_says_when_the_learner_did_not_set_the_cohort(capsys):
    code = codes.checkin_code(7, "demo", KEY7)
    status, lines = camp(capsys, "verify", "--cohort", "2025-summer",
                         "--day", "7", "--who", "demo", "--code", code)
    assert status == 1 and lines[2:] == [
        "not valid for cohort 2025-summer, but valid with no cohort: the "
        "learner did not set the cohort name.",
        "对班级 2025-summer 无效，但在不设班级时有效：学员没有设置班级名。"]


def test_verify_usage_errors_exit_2(capsys):
    assert camp(capsys, "verify", "--day", "31", "--who", "a", "--code",
                "x") == (2, ["Day 31 is not in the schedule (days 1–25).",
                             "第 31 天不在日程中（第 1–25 天）。"])
    status, lines = camp(capsys, "verify", "--day", "7")
    assert status == 2 and lines[0] == (
        "verify needs a CSV file, or --day, --who and --code together. Run "
        "python -m mindgrad.camp --help to see the commands.")


def write_csv(tmp_path, rows, bom=True, newline="\r\n"):
    path = tmp_path / "checkins.csv"
    text = newline.join(rows) + newline
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())
    return str(path)


def test_verify_csv_rows_totals_and_completers(capsys, tmp_path):
    rows = ["who,day,code"]
    rows += [f"Ann,{d},{codes.checkin_code(d, 'ann', key, 'c')}"
             for d, key in ALL_KEYS]
    rows += [
        f"小明,Day07,{codes.checkin_code(7, '小明', KEY7, 'c').lower()}",
        f"小明,8,{codes.checkin_code(7, '小明', KEY7, 'c')}",
        f"\"Bo\",9,{codes.checkin_code(9, 'bo', ALL_KEYS[8][1])}",
        "小明,31,D31-0000-0000", "only,two", ",,", "   , 3 , x",
        f"{'x' * 41},3,D03-0000-0000"]
    status, lines = camp(capsys, "verify", write_csv(tmp_path, rows),
                         "--cohort", "c")
    assert status == 1
    english = lines[0::2]
    assert english[0] == "row 2: ✓ Ann Day 01"
    assert english[25:34] == [
        "row 27: ✓ 小明 Day 07",
        "row 28: ✗ 小明 Day 08: code "
        f"{codes.checkin_code(7, '小明', KEY7, 'c')} not valid",
        "row 29: ✗ Bo Day 09: not valid for cohort c, but valid with no "
        "cohort: the learner did not set the cohort name.",
        "row 30: ✗ bad line (day '31' is not 1–25); each line must be "
        "who,day,code with a day from 1 to 25: fix or delete it.",
        "row 31: ✗ bad line (2 columns instead of 3); each line must be "
        "who,day,code with a day from 1 to 25: fix or delete it.",
        "row 33: ✗ bad line (nickname '' is empty or longer than 40 "
        "characters); each line must be who,day,code with a day from 1 to "
        "25: fix or delete it.",
        "row 34: ✗ bad line (nickname 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        "xxxx' is empty or longer than 40 characters); each line must be "
        "who,day,code with a day from 1 to 25: fix or delete it.",
        "Ann: 25 of 25 days valid, 0 not valid; missing days: none",
        "小明: 1 of 25 days valid, 1 not valid; missing days: 1–6, 8–25"]
    assert english[34:] == [
        "Bo: 0 of 25 days valid, 1 not valid; missing days: 1–25",
        "Completed all 25 days: Ann"]
    assert lines[-1] == "完成全部 25 天：Ann"


ALL_KEYS = [(entry["day"], entry["key"]) for entry in json.loads(
    (ROOT / "mindgrad/camp/days.json").read_text("utf-8"))["days"]]


def test_verify_csv_all_valid_exits_0_and_accepts_plain_files(capsys,
                                                              tmp_path):
    rows = ["Who, Day, Code", f"demo,7,{codes.checkin_code(7, 'demo', KEY7)}"]
    status, lines = camp(capsys, "verify", write_csv(tmp_path, rows, False,
                                                     "\n"))
    assert status == 0 and lines[-2:] == ["Completed all 25 days: nobody yet",
                                          "完成全部 25 天：暂无"]


def test_verify_csv_file_errors_exit_2(capsys, tmp_path):
    assert camp(capsys, "verify", str(tmp_path / "none.csv"))[0] == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"who,day,code\n\xff\xfe,1,x\n")
    assert camp(capsys, "verify", str(bad)) == (2, [
        f"{bad}: cannot read this file as UTF-8 text; save it as UTF-8 CSV "
        "and run again.",
        f"{bad}：无法按 UTF-8 文本读取；请另存为 UTF-8 编码的 CSV 后重试。"])
    for header in (["name,day,code"], []):
        path = write_csv(tmp_path, header)
        assert camp(capsys, "verify", path) == (2, [
            f"{path}: the first line must be the header who,day,code; add "
            "it and run again.",
            f"{path}：第一行必须是表头 who,day,code；请补上后重试。"])


# --- reset, usage ------------------------------------------------------
def test_reset_needs_yes_and_keeps_the_profile(capsys, home):
    assert camp(capsys, "reset") == (2, [
        "reset deletes your passed days and codes. Run python -m "
        "mindgrad.camp reset --yes to confirm.",
        "reset 会清除已完成的天数和打卡码。确认请运行 python -m mindgrad.camp reset "
        "--yes。"])
    assert camp(capsys, "reset", "--yes") == (0, [
        "There is no progress to reset.", "没有需要清空的进度。"])
    pass_day(home, [1, 2], who="demo")
    assert camp(capsys, "reset", "--yes") == (0, [
        "Progress reset; the old file was kept as camp_progress.json.old-1.",
        "进度已清空；旧文件保存为 camp_progress.json.old-1。"])
    assert stored(home)["days"] == {} and stored(home)["who"] == "demo"


@pytest.mark.parametrize("argv", [[], ["bogus"], ["start"],
                                  ["check"], ["today", "--x"]])
def test_usage_errors_are_one_line_per_language_and_exit_2(capsys, argv):
    status, lines = camp(capsys, *argv)
    assert status == 2 and len(lines) == 2
    assert lines[0].endswith(
        ". Run python -m mindgrad.camp --help to see the commands.")


# --- check NOTEBOOK ----------------------------------------------------
def notebook(path, work, check="check(7, answer, who=WHO, cohort=COHORT)",
             who='"demo"'):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook
    cells = [new_code_cell("from mindgrad.camp import check\n"
                           f"WHO = {who}\nCOHORT = None"),
             new_code_cell(work), new_code_cell(check)]
    nbformat.write(new_notebook(cells=cells), path)
    return str(path)


def test_check_runs_notebooks_headless(capsys, home, tmp_path):
    pytest.importorskip("nbclient")
    good = notebook(tmp_path / "day07_good.ipynb", "answer = (-134, -38)")
    wrong = notebook(tmp_path / "wrong.ipynb", "answer = (-1, -38)")
    empty = notebook(tmp_path / "stub.ipynb", "answer = None")
    error = notebook(tmp_path / "error.ipynb", "answer = 1 / 0")
    other = notebook(tmp_path / "other.ipynb", "x = 1", check="print(1)")
    status, lines = camp(capsys, "check", good, wrong, empty, error, other)
    assert status == 1
    assert lines[0::2] == [
        "day07_good.ipynb: Day 07 ✓ correct D07-FEGJ-9B2K",
        "wrong.ipynb: Day 07 ✗ not correct",
        "stub.ipynb: Day 07 · not attempted",
        "error.ipynb: ✗ stopped with ZeroDivisionError; open it in Jupyter "
        "and run all cells to see where.",
        "other.ipynb: ✗ no check(DAY, answer) cell found; is this a camp "
        "exercise notebook?"]
    assert lines[1] == "day07_good.ipynb：第 7 天 ✓ 正确 D07-FEGJ-9B2K"
    assert not home.exists()           # nothing recorded without --record
    status, lines = camp(capsys, "check", good, "--who", "小明", "--record")
    assert status == 0 and lines[0] == (
        f"day07_good.ipynb: Day 07 ✓ correct "
        f"{codes.checkin_code(7, '小明', KEY7)}")
    assert stored(home)["days"]["day07"]["passed"] is True
    assert camp(capsys, "check", str(tmp_path / "gone.ipynb"))[0] == 2


# --- consoles that cannot print UTF-8 ----------------------------------
@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_windows_console_gets_ascii_never_an_error(tmp_path, encoding):
    env = dict(os.environ, PYTHONIOENCODING=encoding,
               MINDGRAD_HOME=str(tmp_path / "h"))
    env.pop("MINDGRAD_LANG", None)
    outputs = []
    for argv in (["start", "--who", "小明"], ["schedule"], ["progress"],
                 ["today"], ["verify", "--day", "7", "--who", "小明",
                             "--code", "D07-0000-0000"]):
        done = subprocess.run(
            [sys.executable, "-m", "mindgrad.camp", *argv], env=env,
            cwd=tmp_path, capture_output=True, timeout=120)
        assert done.stderr == b"", done.stderr.decode(errors="replace")
        assert done.returncode in (0, 1)
        outputs.append(done.stdout.decode(encoding))
    text = "".join(outputs)
    assert "not valid: Day 07, ??, D07-0000-0000" in text
    assert "[x]" not in text and "Next: Day 01" in text
    checked = subprocess.run(
        [sys.executable, "-c", "from mindgrad.camp import check; "
         "check(2, 0.8, who='小明')"], env=env, capture_output=True)
    assert checked.stderr == b""
    assert checked.stdout.decode(encoding).startswith(
        "[ok] Day 02 correct! Check-in code: D02-")

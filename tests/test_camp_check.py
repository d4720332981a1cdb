"""mindgrad.camp.check: every row of curriculum §7.5, in both languages,
and the answer key days.json that the checker reads."""
import importlib
import json
import re
from pathlib import Path

import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Tensor
from mindgrad.camp import check
from mindgrad.camp.messages import catalogue

checker = importlib.import_module("mindgrad.camp.check")
ROOT = Path(__file__).resolve().parent.parent
LESSON_SLUGS = [
    "00_tensors", "01_derivatives", "02_partial_derivatives", "03_gradients",
    "04_gradient_descent", "05_computation_graphs", "06_reverse_mode",
    "07_gradient_checking", "08_grad_and_value_and_grad",
    "09_stop_gradient_and_aux", "10_networks_with_cell",
    "11_grad_operation", "12_training_mnist", "13_save_load_transfer"]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Every test gets its own MINDGRAD_HOME and the default language."""
    monkeypatch.setenv("MINDGRAD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MINDGRAD_LANG", raising=False)
    return tmp_path / "home"


def run(capsys, *args, **kwargs):
    assert check(*args, **kwargs) is None
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out.splitlines()


# One row per line of the table in curriculum §7.5: the call, then the
# start of the English and of the Chinese line it must print.
ROWS = {
    "not attempted": ((7, None), "Day 07: not attempted yet. Replace",
                      "第 7 天：还没有作答"),
    "ellipsis": ((7, ...), "Day 07: not attempted yet.", "第 7 天"),
    "empty list": (("day07", []), "Day 07: not attempted yet.", "第 7 天"),
    "function": ((7, lambda x: x), "✗ Day 07: got a function. Did you "
                 "forget to call it, e.g. grad_fn(x, y)?", "✗ 第 7 天：得到的是"),
    "method": ((2, Tensor(1.0).asnumpy), "✗ Day 02: got a function.",
               "✗ 第 2 天：得到的是一个函数"),
    "string": ((2, "0.8"), "✗ Day 02: expected a number, an array/Tensor of "
               "numbers, or a tuple of them; got str.", "✗ 第 2 天：需要"),
    "dict": ((2, {"x": 0.8}), "✗ Day 02: expected a number", "dict"),
    "structure": ((7, Tensor([-134.0, -38.0])), "✗ Day 07: expected a tuple "
                  "of 2 items (dL/dw, dL/db); got a single Tensor.",
                  "✗ 第 7 天：应为 2 项的元组 (dL/dw, dL/db)；得到的是单个 Tensor。"),
    "tuple length": ((7, (1.0, 2.0, 3.0)), "✗ Day 07: expected a tuple of 2 "
                     "items (dL/dw, dL/db); got a tuple of 3 items.", "3 项"),
    "nested tuple": ((16, (Tensor([1., 2., 3.]), (Tensor([1., 2., 3.]),))),
                     "✗ Day 16: item 1: expected a number or an array; got a "
                     "tuple of 1 item.", "✗ 第 16 天：第 1 项："),
    "shape": ((1, Tensor([[4.0], [5.5], [7.0]])), "✗ Day 01: expected shape "
              "(3,), got (3, 1). Check the axis you reduced over, or "
              "squeeze/reshape.", "✗ 第 1 天：形状应为 (3,)"),
    "shape in a tuple": ((16, (Tensor([1., 2., 3.]), Tensor([[1., 2., 3.]]))),
                         "✗ Day 16: item 1: expected shape (3,), got (1, 3).",
                         "第 1 项：形状应为 (3,)"),
    "nan": ((8, (float("nan"), 4.0)), "✗ Day 08: your answer contains nan. "
            "Usually the learning rate is too large or a log(0) slipped in.",
            "✗ 第 8 天：你的答案里有 nan"),
    "inf": ((2, np.inf), "✗ Day 02: your answer contains inf.", "inf"),
    "percentage": ((22, 93.1), "✗ Day 22: looks like a percentage (93.1); "
                   "give a fraction between 0 and 1.", "✗ 第 22 天：看起来是百分数"),
    "known mistake": ((5, 5.656854), "✗ Day 05: this is the length of ∇f, "
                      "the largest slope; the task asks for the slope toward "
                      "(5, 5).", "✗ 第 5 天：这是 ∇f 的长度"),
    "wrong value": ((1, [4.0, 5.6, 7.0]), "✗ Day 01: not yet. Largest "
                    "difference at index (1,). Hint: Compute x @ w first "
                    "(shape (3,)), then add b. Retrying costs nothing.",
                    "✗ 第 1 天：还不对。差距最大的位置：下标 (1,)。提示："),
    "wrong item": ((7, (-134.0, -37.0)), "✗ Day 07: not yet. Largest "
                   "difference at item 1. Hint:", "第 1 项"),
    "wrong nested": ((14, (16.0, (Tensor([5., 8.]), Tensor([1., 3.])))),
                     "✗ Day 14: not yet. Largest difference at item [1][1], "
                     "index (1,).", "第 [1][1] 项，下标 (1,)"),
    "below a range": ((22, 0.853), "✗ Day 22: 0.853 is below the bar 0.88: "
                      "Train longer or adjust the learning rate",
                      "✗ 第 22 天：0.853 低于及格线 0.88："),
    "above a range": ((21, 2.5), "✗ Day 21: 2.5 is above the expected range "
                      "2.28–2.33:", "超出了预期范围"),
    "unknown day": ((31, 1.0), "Day 31 is not in the schedule (days 1–25).",
                    "第 31 天不在日程中（第 1–25 天）。"),
    "day zero": (("day00", 1.0), "Day day00 is not in the schedule", "第"),
}


@pytest.mark.parametrize("row", sorted(ROWS))
def test_every_situation_prints_english_then_chinese(capsys, row):
    args, english, chinese = ROWS[row]
    lines = run(capsys, *args)
    assert len(lines) == 2, lines
    assert lines[0].startswith(english), lines[0]
    assert chinese in lines[1], lines[1]
    assert not re.search(r"[\u4e00-\u9fff]", lines[0])


def test_correct_prints_the_code_and_the_post_line(capsys):
    lines = run(capsys, 7, (Tensor(-134.0), Tensor(-38.0)), who="小明")
    code = lines[0].split("Check-in code: ")[1].split()[0]
    assert re.fullmatch(r"D07-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}",
                        code)
    assert lines == [
        f"✓ Day 07 correct! Check-in code: {code} (nickname 小明)",
        f"✓ 第 7 天正确！打卡码：{code}（昵称 小明）",
        "Post your check-in in the camp group:",
        "把下面这一行发到训练营打卡群：",
        f"#mindgrad-camp Day07 小明 {code}"]


def test_correct_with_a_cohort_names_it_and_changes_the_code(capsys):
    plain = run(capsys, 2, 0.8, who="demo")[0]
    with_cohort = run(capsys, 2, 0.8, who="demo", cohort="2025-summer")[0]
    assert with_cohort.endswith("(nickname demo, cohort 2025-summer)")
    assert plain.split()[-3] != with_cohort.split()[-5]


def test_correct_without_a_nickname_asks_for_one(capsys):
    lines = run(capsys, 2, Tensor(0.8))
    assert lines == [
        "✓ Day 02 correct!", "✓ 第 2 天正确！",
        'Set WHO = "your nickname" in the first cell (or run python -m '
        "mindgrad.camp start --who …) to get your check-in code.",
        '在第一个单元格里设置 WHO = "你的昵称"（或运行 python -m mindgrad.camp '
        "start --who …），就能得到打卡码。"]


def test_an_unusable_nickname_or_cohort_is_named_and_no_code_given(capsys):
    lines = run(capsys, 2, 0.8, who="x" * 41)
    assert lines[0].startswith("The nickname 'xxxx")
    assert lines[2] == "✓ Day 02 correct!"
    lines = run(capsys, 2, 0.8, who="demo", cohort=5)
    assert lines[0] == ("The cohort name 5 cannot be used: it must be text "
                        "of at most 40 characters.")
    assert "Check-in code" not in "\n".join(lines)


def test_the_nickname_and_cohort_come_from_the_profile(capsys, home):
    home.mkdir()
    (home / "camp_progress.json").write_text(json.dumps({
        "format": "mindgrad-camp-progress", "version": 1, "who": "小红",
        "cohort": "c1", "days": {}}), encoding="utf-8")
    lines = run(capsys, 2, 0.8)
    assert lines[0].endswith("(nickname 小红, cohort c1)")
    lines = run(capsys, 2, 0.8, who="小明")
    assert lines[0].endswith("(nickname 小明, cohort c1)")


@pytest.mark.parametrize("answer", [
    0.8, np.float32(0.8), np.float64(0.8), Tensor(0.8), Tensor([0.8]),
    ms.Parameter(Tensor(0.8), name="p"), [0.8], np.array(0.8)])
def test_accepted_number_forms(capsys, answer):
    assert run(capsys, "day02", answer)[0] == "✓ Day 02 correct!"


def test_accepted_nested_forms(capsys):
    good = [
        (19, ((Tensor([2.0]),), (Tensor([3.5]), Tensor([1.0])))),
        (19, [[np.array([2.0])], [[3.5], [1.0]]]),
        (14, (Tensor(16.0), (Tensor([5., 8.]), Tensor([1., 2.])))),
        (18, (Tensor(1.0), ms.Parameter(Tensor([[2., 4., 6.]]), name="g"))),
        (17, 235146), (24, (6, 0.0)), (22, 0.91), (21, Tensor(2.3026))]
    for day, answer in good:
        assert "correct!" in run(capsys, day, answer)[0], day


def test_the_expected_value_is_never_printed(capsys):
    lines = run(capsys, 7, (-100.0, -30.0)) + run(capsys, 17, 1000)
    assert not any(s in "\n".join(lines) for s in ("-134", "-38", "235146"))


def test_three_wrong_attempts_add_the_second_hint(capsys):
    first = run(capsys, 7, (1.0, 2.0))
    second = run(capsys, 7, (1.0, 3.0))
    third = run(capsys, 7, (1.0, 4.0))
    assert len(first) == len(second) == 2
    assert third[2:] == [
        "Second hint: By hand: ∂L/∂w = (2/N)·Σ(wx + b − y)·x and ∂L/∂b = "
        "(2/N)·Σ(wx + b − y), with N = 5.",
        "第二个提示：手算：∂L/∂w = (2/N)·Σ(wx + b − y)·x，∂L/∂b = (2/N)·Σ(wx + b − y)，"
        "其中 N = 5。"]


def test_progress_is_recorded(capsys, home):
    run(capsys, 7, (1.0, 2.0))
    run(capsys, 7, (-134.0, -38.0), who="demo")
    data = json.loads((home / "camp_progress.json").read_text("utf-8"))
    day = data["days"]["day07"]
    assert day["passed"] is True and day["attempts"] == 2
    assert day["code"].startswith("D07-")
    run(capsys, 8, None)
    assert "day08" not in json.loads(
        (home / "camp_progress.json").read_text("utf-8"))["days"]


def test_an_unwritable_home_still_judges_and_says_so(capsys, tmp_path,
                                                     monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MINDGRAD_HOME", str(blocker))
    lines = run(capsys, 2, 0.8, who="demo")
    assert lines[0].startswith("✓ Day 02 correct! Check-in code: D02-")
    assert lines[-2:] == [
        "Progress was not saved (MINDGRAD_HOME is not writable); the result "
        "and code above still count.",
        "进度没有保存（MINDGRAD_HOME 不可写）；上面的结果和打卡码依然有效。"]


def test_output_is_deterministic(capsys, tmp_path, monkeypatch):
    outputs = []
    for attempt in range(2):
        monkeypatch.setenv("MINDGRAD_HOME", str(tmp_path / f"h{attempt}"))
        outputs.append(run(capsys, 7, (-134.0, -38.0), who="demo")
                       + run(capsys, 1, [4.0, 5.0, 7.0]))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("lang, count", [("en", 1), ("zh", 1), ("both", 2),
                                         ("fr", 2)])
def test_mindgrad_lang_chooses_the_languages(capsys, monkeypatch, lang,
                                             count):
    monkeypatch.setenv("MINDGRAD_LANG", lang)
    lines = run(capsys, 31, 1.0)
    assert len(lines) == count
    assert lines[-1].startswith("第" if lang != "en" else "Day")


class _Weird:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("broken")


@pytest.mark.parametrize("answer", [
    object(), _Weird(), {1, 2}, b"0.8", True, [1, "a"], [[1, 2], [3]],
    iter([1.0]), 1 + 2j, (None, None), Tensor([1, 2]) > 1])
def test_odd_answers_never_raise(capsys, answer):
    lines = run(capsys, 7, answer)
    assert lines and all("Traceback" not in line for line in lines)


def test_an_internal_failure_is_one_line_not_a_traceback(capsys,
                                                         monkeypatch):
    def broken(day, answer):
        raise KeyError("oops")
    monkeypatch.setattr(checker, "grade", broken)
    assert run(capsys, 2, 0.8)[0] == (
        "The checker hit an unexpected problem (KeyError); your answer was "
        "not judged. Please report it to the organisers.")


@pytest.mark.parametrize("day", [7, "7", "day07", "Day 7", "DAY07",
                                 np.int64(7)])
def test_day_forms(day):
    assert checker.day_number(day) == 7


@pytest.mark.parametrize("day", [0, 26, -1, "day", "seven", 7.0, True, None])
def test_not_a_day(day):
    assert checker.day_number(day) is None


# ----------------------------------------------------------------------
# The key, days.json.
DAYS = json.loads((ROOT / "mindgrad/camp/days.json").read_text("utf-8"))


def test_days_are_1_to_25_in_order_with_existing_lesson_slugs():
    assert [d["day"] for d in DAYS["days"]] == list(range(1, 26))
    for entry in DAYS["days"]:
        assert entry["lesson"] in LESSON_SLUGS
        assert re.fullmatch(rf"day{entry['day']:02d}_[a-z0-9_]+",
                            entry["slug"])
        assert all(isinstance(s, int) and s > 0 for s in entry["sections"])
        assert isinstance(entry["key"], str) and entry["key"].strip()
        assert all(isinstance(k, str) for k in entry["legacy_keys"])


def test_lessons_follow_the_schedule_of_curriculum_7_1():
    lessons = [entry["lesson"][:2] for entry in DAYS["days"]]
    assert [lessons.count(f"{n:02d}") for n in range(14)] == [
        1, 2, 1, 2, 2, 1, 2, 1, 2, 2, 2, 2, 3, 2]
    assert lessons == sorted(lessons)


def test_every_day_is_bilingual():
    for entry in DAYS["days"]:
        texts = [entry[k] for k in ("title", "task", "hint", "hint2")]
        texts += [m["message"] for m in entry["mistakes"]]
        for text in texts:
            assert set(text) == {"en", "zh"} and all(text.values())
            assert re.search(r"[\u4e00-\u9fff]", text["zh"]), text


def test_the_key_judges_itself_correct_and_each_mistake_as_such(capsys):
    for entry in DAYS["days"]:
        day, expected = entry["day"], entry["expected"]
        if expected["type"] == "range":
            answer = (expected["min"] + expected["max"]) / 2
        else:
            answer = checker._values(expected)
            answer = _rebuild(expected, iter(answer))
        assert checker.grade(day, answer) == ("correct", None), day
        for mistake in entry["mistakes"]:
            status, message = checker.grade(day, mistake["value"])
            assert (status, message.key) == ("wrong", "mistake"), day


def _rebuild(expected, values):
    if expected["type"] == "tuple":
        return tuple(_rebuild(item, values) for item in expected["items"])
    return next(values)


def test_tolerances_are_those_of_curriculum_7_2():
    assert DAYS["tolerance"] == {"rtol": 1e-4, "atol": 1e-6}
    special = {e["day"]: {k: e[k] for k in ("rtol", "atol") if k in e}
               for e in DAYS["days"] if "rtol" in e or "atol" in e}
    assert special == {3: {"rtol": 1e-3}, 8: {"atol": 1e-3},
                       9: {"rtol": 1e-3}, 13: {"atol": 1e-5},
                       17: {"rtol": 0, "atol": 0}, 24: {"rtol": 0, "atol": 0}}


# ----------------------------------------------------------------------
# The message catalogue.
def test_every_message_has_english_and_chinese_with_the_same_fields():
    for key, text in catalogue().items():
        assert set(text) == {"en", "zh"}, key
        assert text["en"].strip() and text["zh"].strip(), key
        fields = [sorted(re.findall(r"\{(\w+)", text[lang]))
                  for lang in ("en", "zh")]
        assert fields[0] == fields[1], key


def test_every_message_is_used_and_every_used_message_exists():
    source = "\n".join(p.read_text("utf-8") for p in
                       (ROOT / "mindgrad/camp").glob("*.py"))
    called = re.findall(r"""(?:say|Msg|_problem)\(\s*"(\w+)\"""", source)
    assert set(called) - set(catalogue()) == {"row_"}
    # "row_" + result, with result one of valid, invalid, cohort
    quoted = set(re.findall(r'"(\w+)"', source)) | {
        "row_valid", "row_invalid", "row_cohort"}
    assert set(catalogue()) - quoted == set()

"""The camp's command line: ``python -m mindgrad.camp COMMAND`` (§7.8).

Commands::

    start --who NICK [--cohort C] [--date D]   save the profile; day 1
    today                                      the next day to do
    schedule                                   the 25-day table
    progress                                   passed days and codes
    check NOTEBOOK... [--who N] [--cohort C]   run notebooks headless
          [--record] [--timeout S]             and judge their answers
    verify --day N --who NICK --code CODE      one check-in code
    verify FILE.csv [--cohort C]               a CSV who,day,code
    reset --yes                                forget the passed days

Exit status: 0 success, 1 a check or verification failed, 2 a usage or
file error (one line naming the problem and the fix, never a traceback).

Changing the nickname: ``start --who NEW`` keeps the passed days only
if NEW is the same nickname (same ``who_key``); a different nickname is
a different learner, so the old progress is moved aside as
``camp_progress.json.old-<n>`` and NEW starts at day 1. ``--cohort`` and
``--date`` change only what they name; a new cohort keeps the passed
days and recomputes their codes. ``reset --yes`` moves the progress
aside the same way and keeps the profile.
"""
import argparse
import csv
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from . import codes, progress
from .check import day_number, days, identity
from .messages import Msg, emit, fits, languages, say

RESULT = "mindgrad-camp-result:"
PROBE = ("import json\nfrom mindgrad.camp.check import grade\n"
         "print({marker!r} + json.dumps([grade({day}, globals().get("
         "'answer'))[0]] + [v if isinstance(v, str) else None for v in ("
         "globals().get('WHO'), globals().get('COHORT'))]))")


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        say("usage", problem=message)
        sys.exit(2)


def _span(numbers):
    """[1, 2, 3, 5] -> "1–3, 5"."""
    runs = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"{a}–{b}" if b > a else f"{a}" for a, b in runs)


def _title(entry):
    """The day's title in the chosen languages that the console can show."""
    titles = [entry["title"][lang] for lang in languages()]
    return " · ".join(t for t in titles if fits(t)) or entry["title"]["en"]


def _passed(data, day):
    return data["days"].get(f"day{day:02d}", {}).get("passed") is True


def _recode(data):
    """Give every passed day the code of the profile's nickname."""
    for day in range(1, 26):
        if _passed(data, day) and data.get("who"):
            data["days"][f"day{day:02d}"]["code"] = codes.checkin_code(
                day, data["who"], days()[day]["key"], data.get("cohort", ""))


def start(args):
    """Save your nickname (and cohort, start date); show day 1."""
    who, cohort = identity(args.who, args.cohort or "", {})
    if not who:
        return 2
    try:
        started = args.date and datetime.date.fromisoformat(args.date)
    except ValueError:
        return say("bad_date", date=args.date) or 2
    data = progress.load()
    old = data.get("who")
    if old and data["days"] and codes.normalise(old, True) != codes.who_key(
            who):
        say("new_who", old=old, new=progress.move_aside("old"))
        data = progress.empty()
    if args.cohort is None:
        cohort = data.get("cohort", "")
    data.update(who=who, cohort=cohort)
    if started:
        data["started"] = started.isoformat()
    _recode(data)
    if not progress.save(data):
        return say("not_writable", name=progress.NAME) or 2
    say("profile", who=data["who"], cohort=data["cohort"] or "-",
        started=data.get("started", "-"))
    return today(args)


def today(args):
    """What to read and which notebook to open next."""
    data = progress.load()
    day = next((n for n in range(1, 26) if not _passed(data, n)), None)
    if day is None:
        say("all_done")
    else:
        entry = days()[day]
        sections = entry["sections"] and Msg(
            "sections", sections=_span(entry["sections"]))
        say("today", day=day, title=entry["title"])
        say("today_read", lesson=entry["lesson"][:2], sections=sections or
            "", lesson_file=entry["lesson"], slug=entry["slug"],
            minutes=entry["minutes"])
    try:
        started = datetime.date.fromisoformat(data.get("started", ""))
    except (TypeError, ValueError):
        return 0
    cohort_day = (datetime.date.today() - started).days + 1
    if 1 <= cohort_day <= 25:
        say("cohort_day", n=cohort_day)
    return 0


def schedule_lines():
    """The 25-day table as Markdown lines (course/README.md shows it)."""
    head = [" · ".join(Msg(key).text(lang) for lang in languages())
            for key in ("col_day", "col_read", "col_notebook", "col_title")]
    lines = ["| " + " | ".join(head) + " |", "|---:|---|---|---|"]
    for day in range(1, 26):
        entry = days()[day]
        read = entry["lesson"][:2] + (
            f" §{_span(entry['sections'])}" if entry["sections"] else "")
        lines.append(f"| {day} | {read} | {entry['slug']} | "
                     f"{_title(entry)} |")
    return lines


def schedule(args):
    """Print the 25-day schedule."""
    for line in schedule_lines():
        emit(line)
    return 0


def show_progress(args):
    """Your passed days and their check-in codes."""
    data = progress.load()
    who, count = data.get("who"), 0
    for day in range(1, 26):
        passed = _passed(data, day)
        count += passed
        code = data["days"].get(f"day{day:02d}", {}).get("code") or (
            "—" if not who else codes.checkin_code(
                day, who, days()[day]["key"], data.get("cohort", "")))
        emit(f"{'✓' if passed else '·'} Day {day:02d}  "
             f"{code if passed else '':13}  {_title(days()[day])}")
    say("progress_total", n=count)
    if count:
        say("progress_codes" if who else "set_who", who=who)
    return 0


def check_notebooks(args):
    """Run exercise notebooks headless and judge their answers."""
    try:
        import nbclient
        import nbformat
    except ImportError:
        return say("needs_nbclient") or 2
    status = 0
    for name in args.notebooks:
        if not Path(name).is_file():
            say("file_missing", name=name)
            status = 2
        elif not _check_one(Path(name), args, nbclient, nbformat):
            status = status or 1
    return status


def _check_one(path, args, nbclient, nbformat):
    """Run one notebook in a fresh kernel and judge its ``answer``."""
    try:
        nb = nbformat.read(path, as_version=4)
        found = re.findall(r"\bcheck\(\s*['\"]?(?:day)?(\d+)", "\n".join(
            c.source for c in nb.cells if c.cell_type == "code"))
    except Exception:
        found = []
    day = day_number(found[-1]) if found else None
    if day is None:
        return say("nb_no_day", name=path.name)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE.format(
        marker=RESULT, day=day)))
    try:
        with tempfile.TemporaryDirectory() as home:   # records nothing
            nbclient.NotebookClient(
                nb, timeout=args.timeout, kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
            ).execute(stderr=subprocess.DEVNULL,       # the kernel's logs
                      env=dict(os.environ, MINDGRAD_HOME=home))
    except Exception as error:
        return say("nb_error", name=path.name, error=getattr(
            error, "ename", None) or type(error).__name__)
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    result, who, cohort = json.loads(text.split(RESULT, 1)[1])
    data = progress.load()
    who, cohort = identity(args.who or who, args.cohort or cohort, data)
    code = result == "correct" and who and codes.checkin_code(
        day, who, days()[day]["key"], cohort)
    if args.record and result != "not attempted" and not progress.record(
            data, day, result == "correct", code)[1]:
        say("not_saved")
    say({"correct": "nb_correct", "not attempted": "nb_not_attempted"}.get(
        result, "nb_wrong"), name=path.name, day=day, code=code or "")
    return result == "correct"


def _verify(day, who, code, cohort):
    keys = [days()[day]["key"]] + days()[day].get("legacy_keys", [])
    if codes.verify(day, who, code, keys, cohort):
        return "valid"
    return "cohort" if cohort and codes.verify(day, who, code, keys) else (
        "invalid")


def verify(args):
    """Verify one check-in code, or a CSV file who,day,code."""
    cohort = args.cohort or ""
    if args.csv:
        return verify_csv(args.csv, cohort)
    if None in (args.day, args.who, args.code):
        return say("usage", problem=Msg("verify_args")) or 2
    day = day_number(args.day)
    if day is None:
        return say("unknown_day", day=args.day) or 2
    result = _verify(day, args.who, args.code, cohort)
    say("valid" if result == "valid" else "not_valid", day=day,
        who=args.who, code=args.code)
    if result == "cohort":
        say("wrong_cohort", cohort=cohort)
    return 0 if result == "valid" else 1


def verify_csv(name, cohort):
    try:
        rows = list(csv.reader(Path(name).read_text(
            encoding="utf-8-sig").splitlines()))
    except (FileNotFoundError, IsADirectoryError):
        return say("file_missing", name=name) or 2
    except (OSError, UnicodeDecodeError):
        return say("file_unreadable", name=name) or 2
    if not rows or [c.strip().lower() for c in rows[0]] != [
            "who", "day", "code"]:
        return say("csv_header", name=name) or 2
    people, failed = {}, False
    for number, row in enumerate(rows[1:], 2):
        cells = [cell.strip() for cell in row]
        if not "".join(cells):
            continue
        problem = len(cells) != 3 and Msg("bad_columns", n=len(cells))
        if not problem and day_number(cells[1]) is None:
            problem = Msg("bad_day_cell", day=repr(cells[1]))
        try:
            problem or codes.who_key(cells[0])
        except ValueError:
            problem = Msg("bad_who_cell", who=repr(cells[0]))
        if problem:
            say("row_bad", row=number, problem=problem)
            failed = True
            continue
        day = day_number(cells[1])
        person = people.setdefault(codes.who_key(cells[0]), {
            "who": codes.display(cells[0]), "valid": set(), "invalid": 0})
        result = _verify(day, cells[0], cells[2], cohort)
        if result == "valid":
            person["valid"].add(day)
        else:
            person["invalid"], failed = person["invalid"] + 1, True
        say("row_" + result, row=number, who=person["who"], day=day,
            code=cells[2], cohort=cohort)
    for person in people.values():
        missing = sorted(set(range(1, 26)) - person["valid"])
        say("person", who=person["who"], valid=len(person["valid"]),
            invalid=person["invalid"], missing=_span(missing) or Msg("none"))
    done = [p["who"] for p in people.values() if len(p["valid"]) == 25]
    say("completed", names=", ".join(done) or Msg("nobody"))
    return 1 if failed else 0


def reset(args):
    """Forget your passed days (needs --yes); the profile stays."""
    if not args.yes:
        return say("reset_confirm") or 2
    if not progress.path().exists():
        return say("reset_nothing") or 0
    data = progress.load()
    moved = progress.move_aside("old")
    if moved is None or not progress.save(dict(data, days={})):
        return say("not_writable", name=progress.NAME) or 2
    return say("reset_done", new=moved) or 0


def parser():
    top = _Parser(prog="python -m mindgrad.camp",
                  description="The 25-day mindgrad camp.")
    commands = top.add_subparsers(dest="command", required=True)
    for name, run in COMMANDS.items():
        sub = commands.add_parser(name, help=run.__doc__)
        sub.set_defaults(run=run)
        for flag in FLAGS.get(name, ()):
            sub.add_argument(flag[0], **flag[1])
    return top


COMMANDS = {"start": start, "today": today, "schedule": schedule,
            "progress": show_progress, "check": check_notebooks,
            "verify": verify, "reset": reset}
_TEXT = {"default": None}
FLAGS = {
    "start": [("--who", {"required": True}), ("--cohort", _TEXT),
              ("--date", _TEXT)],
    "check": [("notebooks", {"nargs": "+"}), ("--who", _TEXT),
              ("--cohort", _TEXT), ("--record", {"action": "store_true"}),
              ("--timeout", {"type": int, "default": 120})],
    "verify": [("csv", {"nargs": "?"}), ("--day", _TEXT), ("--who", _TEXT),
               ("--code", _TEXT), ("--cohort", _TEXT)],
    "reset": [("--yes", {"action": "store_true"})],
}


def main(argv=None):
    """Run one command; return the exit status."""
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:          # e.g. piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1

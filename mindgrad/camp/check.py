"""``check(day, answer, who=None, cohort=None)``: judge a camp answer.

The checker of curriculum §7.5. It prints what it finds (English line,
then Chinese line; never the expected value), records progress under
``MINDGRAD_HOME`` and returns None: it never raises, so "Run All" on an
exercise notebook always reaches the end.

The key is ``days.json``: per day the expected answer as a typed tree
(``number``; ``array`` with ``shape``; ``tuple`` with ``items`` and
``names``; ``range`` with ``min`` and ``max``), tolerances (``rtol``,
``atol``, else the file's defaults), the canonical ``key`` string that
check-in codes are made from, ``legacy_keys``, two hints and known
``mistakes`` (a value shaped like the answer, and a bilingual message).

>>> check(31, 1.0)
Day 31 is not in the schedule (days 1–25).
第 31 天不在日程中（第 1–25 天）。
"""
import json
import re
from pathlib import Path

import numpy as np

from . import codes, progress
from .messages import Msg, emit, say

_DAYS = {}


def days():
    """Return ``{day number: entry}`` from days.json, and the default
    tolerances under the key ``"tolerance"``."""
    if not _DAYS:
        data = json.loads(Path(__file__).with_name("days.json").read_text(
            encoding="utf-8"))
        _DAYS.update({entry["day"]: entry for entry in data["days"]},
                     tolerance=data["tolerance"])
    return _DAYS


def day_number(day):
    """7, "7", "day07" or "Day 7" -> 7; None if it is not a camp day."""
    if isinstance(day, str):
        match = re.fullmatch(r"(?:day)?\s*(\d{1,3})", day.strip().lower())
        day = int(match[1]) if match else None
    if isinstance(day, (int, np.integer)) and not isinstance(day, bool):
        return int(day) if int(day) in days() else None
    return None


class _Problem(Exception):
    """An answer that cannot be compared; ``args[0]`` is the Msg."""


def _problem(key, path, **args):
    item = "".join(f"[{i}]" for i in path[1:])
    where = Msg("where_item", item=f"{path[0]}{item}") if path else ""
    return _Problem(Msg(key, where=where, **args))


def _tuple_of(n, names=""):
    return Msg("desc_tuple_1" if n == 1 else "desc_tuple", n=n, names=names)


def _as_array(value, path):
    """A learner's number, list, array or Tensor as a float64 array."""
    if callable(value) and not hasattr(value, "asnumpy"):
        raise _problem("function", path)
    kind = type(value).__name__
    if isinstance(value, (list, tuple)):
        value = [v.asnumpy() if hasattr(v, "asnumpy") else v for v in value]
    try:
        array = np.asarray(value.asnumpy() if hasattr(value, "asnumpy")
                           else value)
    except (TypeError, ValueError):
        array = np.asarray(None)
    if array.dtype.kind not in "iuf" or isinstance(value, np.bool_):
        raise _problem("bad_type", path, type=kind)
    return array.astype(np.float64)


def _leaves(expected, answer, path=()):
    """The answer's leaves as arrays, in the key's order, or _Problem."""
    if expected["type"] == "tuple":
        items = expected["items"]
        if isinstance(answer, (tuple, list)) and len(answer) == len(items):
            return [leaf for i, (node, item) in enumerate(zip(items, answer))
                    for leaf in _leaves(node, item, path + (i,))]
        if not isinstance(answer, (tuple, list)):
            _as_array(answer, path)    # a function or a string: say so
        got = (_tuple_of(len(answer)) if isinstance(answer, (tuple, list))
               else Msg("desc_single", type=type(answer).__name__))
        raise _problem("structure", path, got=got, expected=_tuple_of(
            len(items), f" {expected['names']}"))
    if isinstance(answer, tuple):
        raise _problem("structure", path, expected=Msg("desc_value"),
                       got=_tuple_of(len(answer)))
    array, shape = _as_array(answer, path), tuple(expected.get("shape", ()))
    if array.shape != shape and not (shape == () and array.size == 1):
        raise _problem("shape", path, expected=shape, got=array.shape)
    return [(path, array.reshape(shape))]


def _values(expected, value=None):
    """The key's leaves (or a mistake's, given its value) as arrays."""
    if expected["type"] == "tuple":
        value = value or [None] * len(expected["items"])
        return [v for node, item in zip(expected["items"], value)
                for v in _values(node, item)]
    value = expected["value"] if value is None else value
    return [np.asarray(value, np.float64).reshape(expected.get("shape", ()))]


def grade(day, answer):
    """Judge ``answer`` for ``day`` (an int in the schedule).

    Returns ``(status, message)``: status is "not attempted", "problem",
    "wrong" or "correct"; message is the Msg to print (None if correct).
    """
    entry, say_day = days()[day], dict(day=day)
    if answer is None or answer is ... or (type(answer) is list
                                           and not answer):
        return "not attempted", Msg("not_attempted", **say_day)
    try:
        leaves = _leaves(entry["expected"], answer)
    except _Problem as problem:
        problem.args[0].args.update(say_day)
        return "problem", problem.args[0]
    for what, test in (("nan", np.isnan), ("inf", np.isinf)):
        if any(test(a).any() for _, a in leaves):
            return "problem", Msg("nonfinite", what=what, **say_day)
    if entry["expected"]["type"] == "range":
        return _judge_range(day, entry, float(leaves[0][1]))
    tolerance = dict(days()["tolerance"], **{
        k: entry[k] for k in ("rtol", "atol") if k in entry})
    answers, key = [a for _, a in leaves], _values(entry["expected"])
    if _close(answers, key, tolerance):
        return "correct", None
    for mistake in entry.get("mistakes", []):
        if _close(answers, _values(entry["expected"], mistake["value"]),
                  tolerance):
            return "wrong", Msg("mistake", text=mistake["message"],
                                **say_day)
    return "wrong", Msg("wrong", hint=entry["hint"], **say_day,
                        where=_largest(leaves, key, tolerance["rtol"]))


def _close(answers, expected, tolerance):
    return all(np.allclose(a, e, **tolerance)
               for a, e in zip(answers, expected))


def _largest(leaves, expected, rtol):
    """Where the answer misses by most, measured against the tolerance."""
    excess = [np.abs(a - e) - rtol * np.abs(e)
              for (_, a), e in zip(leaves, expected)]
    leaf = max(range(len(excess)), key=lambda i: excess[i].max())
    path = leaves[leaf][0]
    item = path[0] if len(path) == 1 else "".join(f"[{i}]" for i in path)
    index = tuple(int(i) for i in np.unravel_index(
        int(np.argmax(excess[leaf])), excess[leaf].shape))
    if len(leaves) == 1 and not index:
        return ""
    key = ("loc_index" if len(leaves) == 1 else
           "loc_item" if not index else "loc_both")
    return Msg("largest", location=Msg(key, item=item, index=index))


def _judge_range(day, entry, value):
    low, high = entry["expected"]["min"], entry["expected"]["max"]
    if high <= 1 < value <= 100:
        return "problem", Msg("percentage", day=day, value=f"{value:g}")
    if low <= value <= high:
        return "correct", None
    args = dict(day=day, value=f"{value:.4g}", hint=entry["hint"])
    if value < low:
        return "wrong", Msg("below", bar=f"{low:g}", **args)
    return "wrong", Msg("above", low=f"{low:g}", high=f"{high:g}", **args)


def identity(who, cohort, data):
    """The nickname and cohort to use: arguments first, then the stored
    profile. Returns ``(who or None, cohort)``; says why one is unusable."""
    who = data.get("who") if who is None else who
    cohort = data.get("cohort") or "" if cohort is None else cohort
    for key, value, empty_ok in (("bad_cohort", cohort, True),
                                 ("bad_who", who, False)):
        try:
            if value is not None:
                codes.normalise(value, empty_ok)
        except ValueError:
            say(key, who=repr(value), cohort=repr(value))
            return None, "" if empty_ok else codes.display(cohort)
    return who and codes.display(who), codes.display(cohort)


def check(day, answer, who=None, cohort=None):
    """Check a camp answer and print the result; returns None.

    ``day`` is 7 or "day07". ``answer`` may be a number, a list, a NumPy
    array, a Tensor or Parameter, nested tuples of these, or None (not
    attempted yet). ``who`` is your nickname (else the profile saved by
    ``python -m mindgrad.camp start``); ``cohort`` the organiser's name.
    """
    try:
        _check(day, answer, who, cohort)
    except Exception as error:     # never break a learner's notebook
        say("internal_error", error=type(error).__name__)


def _check(day, answer, who, cohort):
    number = day_number(day)
    if number is None:
        return say("unknown_day", day=day)
    status, message = grade(number, answer)
    if status == "not attempted":
        return say(message.key, **message.args)
    data = progress.load()
    (who, cohort), entry = identity(who, cohort, data), days()[number]
    code = who and status == "correct" and codes.checkin_code(
        number, who, entry["key"], cohort)
    attempts, saved = progress.record(data, number, status == "correct",
                                      code)
    if status != "correct":
        say(message.key, **message.args)
        if attempts >= 3:
            say("hint2", hint=entry["hint2"])
    elif code:
        say("correct_cohort" if cohort else "correct", day=number,
            code=code, who=who, cohort=cohort)
        say("post")
        emit(f"#mindgrad-camp Day{number:02d} {who} {code}")
    else:
        say("correct_no_who", day=number)
        say("set_who")
    if not saved:
        say("not_saved")

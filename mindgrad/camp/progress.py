"""The learner's progress file, ``$MINDGRAD_HOME/camp_progress.json``.

Plain JSON (curriculum §7.7)::

    {"format": "mindgrad-camp-progress", "version": 1,
     "who": "小明", "cohort": "2025-summer", "started": "2025-07-01",
     "days": {"day07": {"passed": true, "code": "D07-...", "attempts": 3,
                        "first_passed": "2025-07-07"}}}

``MINDGRAD_HOME`` defaults to ``~/.mindgrad``. Writes are atomic: a
temporary file in the same folder, flush, fsync, ``os.replace``; an
interrupted write leaves the previous file intact. Keys this version does
not know are kept on rewrite. A file that cannot be parsed, or that a
newer mindgrad wrote, is moved aside as ``camp_progress.json.bad-<n>``
(never deleted) with one printed line. Two notebooks checking at the
same moment: the last write wins (no locks; a lost attempt count is
harmless, a passed day is re-recorded by the next check).
"""
import datetime
import json
import os
from pathlib import Path

from .._atomic import atomic_write
from .messages import say

FORMAT, VERSION, NAME = "mindgrad-camp-progress", 1, "camp_progress.json"


def path():
    """Where the progress file lives."""
    home = os.environ.get("MINDGRAD_HOME") or Path.home() / ".mindgrad"
    return Path(home) / NAME


def empty():
    return {"format": FORMAT, "version": VERSION, "days": {}}


def load():
    """Return the progress (an empty one if there is none or it is bad)."""
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty()
    except ValueError:               # includes UnicodeDecodeError
        data = None
    except OSError:                  # unreadable: treat as not writable
        return empty()
    if (isinstance(data, dict) and data.get("format") == FORMAT
            and type(data.get("version")) is int
            and data["version"] <= VERSION
            and isinstance(data.get("days"), dict)):
        return data
    moved = move_aside("bad")
    say("moved_aside", name=NAME, new=moved or "?")
    return empty()


def move_aside(tag):
    """Rename the file to ``camp_progress.json.<tag>-<n>``, the first
    free n; return the new name, or None if that failed."""
    n = 1
    while path().with_name(f"{NAME}.{tag}-{n}").exists():
        n += 1
    target = path().with_name(f"{NAME}.{tag}-{n}")
    try:
        os.replace(path(), target)
    except OSError:
        return None
    return target.name


def save(data):
    """Write ``data`` atomically; return False if it could not be saved."""
    folder = path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_write(path(), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    except OSError:
        return False
    return True


def record(data, day, passed, code=None):
    """Count one attempt at ``day`` (marking it passed, with its code, if
    ``passed``), save; return ``(attempts, saved)``."""
    entry = data["days"].setdefault(f"day{day:02d}", {"passed": False})
    entry["attempts"] = entry.get("attempts", 0) + 1
    if passed:
        entry["passed"] = True
        entry["code"] = code or entry.get("code")
        entry.setdefault("first_passed", datetime.date.today().isoformat())
    return entry["attempts"], save(data)

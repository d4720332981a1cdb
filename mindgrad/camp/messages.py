"""The camp's bilingual messages, and a printer that never fails.

Every line that the checker and the command line print comes from
``messages.json``: one entry per key, with ``en`` and ``zh`` templates
for ``str.format``. ``MINDGRAD_LANG=en|zh|both`` (default ``both``)
chooses the languages; with ``both`` the English line comes first.

A console that cannot encode a line (a Windows code page such as cp1252,
or ``PYTHONIOENCODING=ascii``) gets it with the symbols spelled in ASCII
(``✓`` becomes ``[ok]``) and any other character it lacks shown as ``?``;
a Chinese message the console cannot show is printed in English instead
(or left out when the English line is printed anyway).
Nothing here ever raises ``UnicodeEncodeError``.

>>> Msg("unknown_day", day=31).text("en")
'Day 31 is not in the schedule (days 1–25).'
"""
import json
import os
import sys
from pathlib import Path

LANGUAGES = ("en", "zh")
ASCII = {"✓": "[ok]", "✗": "[x]", "·": "-", "–": "-", "—": "-", "…": "...",
         "≥": ">=", "§": "s", "∂": "d", "：": ": ", "，": ", ", "。": ". "}
_CATALOGUE = {}


def catalogue():
    """Return ``{key: {"en": template, "zh": template}}``."""
    if not _CATALOGUE:
        _CATALOGUE.update(json.loads(Path(__file__).with_name(
            "messages.json").read_text(encoding="utf-8")))
    return _CATALOGUE


def languages():
    """The languages MINDGRAD_LANG asks for, in printing order."""
    choice = os.environ.get("MINDGRAD_LANG", "both").strip().lower()
    return (choice,) if choice in LANGUAGES else LANGUAGES


class Msg:
    """A message key with its arguments; ``text(lang)`` renders it.

    An argument may itself be a Msg, or a ``{"en": ..., "zh": ...}`` dict
    (as days.json stores titles and hints): both render per language.
    """

    def __init__(self, key, **args):
        self.key, self.args = key, args

    def text(self, lang):
        args = {name: value.text(lang) if isinstance(value, Msg) else
                value[lang] if isinstance(value, dict) else value
                for name, value in self.args.items()}
        return catalogue()[self.key][lang].format(**args)


def say(key, **args):
    """Print message ``key``, one line per chosen language. A Chinese
    line the console cannot encode is left out if the English one is
    printed, and replaced by it otherwise."""
    message, langs = Msg(key, **args), languages()
    for lang in langs:
        line = message.text(lang)
        if lang != "en" and not fits(line):
            if "en" in langs:
                continue
            line = message.text("en")
        emit(line)


def fits(line):
    """True if the console can print ``line`` as it is."""
    try:
        line.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        return False
    return True


def emit(line):
    """Print ``line``; on a console that lacks some of its characters,
    spell the symbols in ASCII and show the rest as ``?``."""
    if not fits(line):
        for symbol, plain in ASCII.items():
            line = line.replace(symbol, plain)
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        line = line.encode(encoding, "replace").decode(encoding)
    print(line, flush=True)

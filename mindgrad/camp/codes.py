"""Check-in codes (curriculum §7.6), byte for byte.

A correct check prints ``D07-XXXX-XXXX``, computed as follows.

1. ``who_key(nickname)``: Unicode NFKC normalisation, trim, collapse
   every inner run of whitespace to one space, then ``str.casefold``;
   the result must have 1-40 characters. The cohort name is normalised
   the same way and may be empty (0-40 characters; empty by default).
2. The message is the string
   ``"mindgrad-camp/v1|" + cohort + "|day" + NN + "|" + who_key + "|" + key``
   encoded as UTF-8, where NN is the day with two digits ("07") and
   ``key`` is the day's canonical key string from days.json (never the
   learner's value, so an organiser can recompute every code).
3. Its SHA-256 digest is read as bits, most significant bit first, in
   groups of five; each group indexes Crockford's base-32 alphabet
   ``0123456789ABCDEFGHJKMNPQRSTVWXYZ``. The first 8 characters (40
   bits) are kept, so no padding ever arises.
4. The code is ``"D" + NN + "-" + chars[:4] + "-" + chars[4:]``.

Reading a code is lenient: NFKC, upper case, hyphens, spaces and
underscores ignored, ``O`` read as ``0``, ``I`` and ``L`` as ``1``; the
``D07`` prefix may be left out, but if present it must name the day.

>>> checkin_code(7, "demo", "-134,-38")
'D07-FEGJ-9B2K'
>>> verify(7, " DEMO ", "d07 fegj 9b2k", ["-134,-38"])
True
"""
import hashlib
import re
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "mindgrad-camp/v1"
_LENIENT = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None,
                          " ": None, "_": None})


def normalise(text, empty_ok=False):
    """NFKC, trim, one space inside, casefold; ValueError unless 1-40
    characters (0-40 with ``empty_ok``)."""
    if not isinstance(text, str):
        raise ValueError("not text")
    key = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    if len(key) > 40 or not (key or empty_ok):
        raise ValueError("1-40 characters")
    return key


def who_key(nickname):
    """The nickname as it enters a code: ``who_key(" Ｘiao  Ming")``
    is ``"xiao ming"``."""
    return normalise(nickname)


def display(text):
    """A nickname or cohort as posted: NFKC, trimmed, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def crockford(data):
    """Base-32 text of ``data``'s bits, most significant first."""
    bits = "".join(f"{byte:08b}" for byte in data)
    return "".join(ALPHABET[int(bits[i:i + 5].ljust(5, "0"), 2)]
                   for i in range(0, len(bits), 5))


def checkin_code(day, who, key, cohort=""):
    """The check-in code of ``who`` for ``day`` (an int) and its key."""
    message = (f"{PREFIX}|{normalise(cohort, empty_ok=True)}|day{day:02d}|"
               f"{who_key(who)}|{key}")
    text = crockford(hashlib.sha256(message.encode("utf-8")).digest())
    return f"D{day:02d}-{text[:4]}-{text[4:8]}"


def read_code(text):
    """``(day or None, 8 characters)`` of a code as typed, or None."""
    text = unicodedata.normalize("NFKC", str(text)).upper()
    match = re.fullmatch(r"(?:D(\d\d))?([0-9A-Z]{8})", text.translate(
        _LENIENT))
    return match and (match[1] and int(match[1]), match[2])


def verify(day, who, code, keys, cohort=""):
    """True if ``code`` is the code of ``who`` for ``day`` under one of
    ``keys`` (the current key first, then the day's legacy keys)."""
    typed = read_code(code)
    if not typed or typed[0] not in (None, day):
        return False
    try:
        return any(checkin_code(day, who, key, cohort)[4:].replace("-", "")
                   == typed[1] for key in keys)
    except ValueError:
        return False

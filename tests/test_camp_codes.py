"""Check-in codes (curriculum §7.6): the pinned byte-level definition,
nickname normalisation, lenient reading and tampering."""
import hashlib

import pytest

from mindgrad.camp import codes

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def reference_code(day, who_key, key, cohort=""):
    """The definition of codes.py's docstring, written out independently:
    the digest as one big integer, its top 40 bits in groups of five."""
    message = f"mindgrad-camp/v1|{cohort}|day{day:02d}|{who_key}|{key}"
    top = int.from_bytes(hashlib.sha256(message.encode("utf-8")).digest(),
                         "big") >> (256 - 40)
    text = "".join(ALPHABET[(top >> shift) & 31]
                   for shift in range(35, -1, -5))
    return f"D{day:02d}-{text[:4]}-{text[4:]}"


def test_one_pinned_vector():
    assert codes.checkin_code(7, "demo", "-134,-38") == "D07-FEGJ-9B2K"
    assert codes.checkin_code(22, "小明", "range:0.88..1",
                              "2025-summer") == "D22-5D3D-G4EE"


@pytest.mark.parametrize("day, who, key, cohort", [
    (1, "demo", "4,5.5,7", ""), (25, "小明", "range:0.78..1", "c"),
    (13, "ann lee", "0.18713509,-0.02420976", "2025 summer")])
def test_codes_follow_the_documented_definition(day, who, key, cohort):
    assert codes.checkin_code(day, who, key, cohort) == reference_code(
        day, who, key, cohort)


def test_crockford_reads_bits_most_significant_first():
    assert codes.crockford(b"\xff") == "ZW"        # 11111 111(00)
    assert codes.crockford(bytes([0b00001_000, 0b01_00010_0])) == "1120"


@pytest.mark.parametrize("typed", [
    " 小明 ", "小明", "小明\u3000"])
def test_who_key_trims_chinese(typed):
    assert codes.who_key(typed) == "小明"


@pytest.mark.parametrize("typed", [
    "Ann Lee", "ann lee", "  ANN   LEE ", "Ａｎｎ　Ｌｅｅ", "ann\tlee"])
def test_who_key_ignores_width_spaces_and_case(typed):
    assert codes.who_key(typed) == "ann lee"
    assert codes.checkin_code(3, typed, "k") == codes.checkin_code(
        3, "ann lee", "k")


@pytest.mark.parametrize("bad", ["", "   ", "x" * 41, None, 5])
def test_who_key_needs_1_to_40_characters_of_text(bad):
    with pytest.raises(ValueError):
        codes.who_key(bad)


def test_who_key_accepts_40_characters_and_the_cohort_may_be_empty():
    assert codes.who_key("好" * 40) == "好" * 40
    assert codes.normalise(" ", empty_ok=True) == ""
    assert codes.checkin_code(2, "a", "k", " Summer  2025 ") == (
        codes.checkin_code(2, "a", "k", "summer 2025"))
    with pytest.raises(ValueError):
        codes.checkin_code(2, "a", "k", "c" * 41)


CODE = codes.checkin_code(7, "demo", "-134,-38")


@pytest.mark.parametrize("typed", [
    CODE, CODE.lower(), CODE.replace("-", ""), CODE.replace("-", " "),
    " " + CODE + " ", CODE[4:], CODE.replace("0", "O"),
    "ＤＯ７－ＦＥＧＪ－９Ｂ２Ｋ", "d07_fegj_9b2k"])
def test_reading_is_lenient(typed):
    assert codes.verify(7, "demo", typed, ["-134,-38"])


def test_i_and_l_read_as_one():
    code = next(codes.checkin_code(2, f"u{n}", "0.8") for n in range(99)
                if "1" in codes.checkin_code(2, f"u{n}", "0.8")[4:])
    who = next(f"u{n}" for n in range(99)
               if codes.checkin_code(2, f"u{n}", "0.8") == code)
    for letter in "IiLl":
        assert codes.verify(2, who, code[:4] + code[4:].replace("1", letter),
                            ["0.8"])


def test_every_tampered_character_is_rejected():
    body = CODE.replace("-", "")
    for i in range(3, len(body)):
        for other in "0Z":
            if body[i] != other:
                tampered = body[:i] + other + body[i + 1:]
                assert not codes.verify(7, "demo", tampered, ["-134,-38"])


@pytest.mark.parametrize("typed", [
    CODE.replace("D07", "D08"), CODE[:-1], CODE + "X", "", "hello",
    "D07-FEGJ-9B2U", None])
def test_wrong_day_length_or_letters_are_rejected(typed):
    assert not codes.verify(7, "demo", typed, ["-134,-38"])


def test_other_day_nickname_cohort_or_key_give_other_codes():
    assert not codes.verify(8, "demo", CODE[4:], ["-134,-38"])
    assert not codes.verify(7, "demo2", CODE, ["-134,-38"])
    assert not codes.verify(7, "demo", CODE, ["-134,-38"], cohort="c")
    assert not codes.verify(7, "demo", CODE, ["-134,-39"])


def test_legacy_keys_keep_old_codes_valid():
    old = codes.checkin_code(7, "demo", "old-key")
    assert codes.verify(7, "demo", old, ["-134,-38", "old-key"])
    assert not codes.verify(7, "demo", old, ["-134,-38"])


def test_an_invalid_nickname_or_cohort_verifies_as_false():
    assert not codes.verify(7, "", CODE, ["-134,-38"])
    assert not codes.verify(7, "demo", CODE, ["-134,-38"], cohort="x" * 50)

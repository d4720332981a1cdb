"""lessons/glossary.md: the one place a translation is decided (§2).

The table parses, both columns are filled (English in Latin letters,
Chinese with Chinese characters), no English or Chinese term appears
twice (so a lesson's Key terms entry matches exactly one row), and each
row names the lesson of first use.
"""
import pytest

from notebook_checks import CJK, LESSONS, Row, glossary


def glossary_problems(rows):
    """One message per row that is empty, mixed up or repeated."""
    problems = []
    seen_en, seen_zh = {}, {}
    for row in rows:
        where = f"glossary.md:{row.line}"
        if not row.english or not row.chinese:
            problems.append(f"{where}: fill both English and 中文")
            continue
        if CJK.search(row.english):
            problems.append(f"{where}: the English column holds Chinese "
                            f"({row.english!r})")
        if not CJK.search(row.chinese):
            problems.append(f"{where}: the 中文 column has no Chinese "
                            f"({row.chinese!r})")
        if row.lesson not in LESSONS:
            problems.append(f"{where}: lesson {row.lesson!r}; write the "
                            f"lesson of first use, 00-13")
        for term, seen, column in ((row.english.lower(), seen_en, "English"),
                                   (row.chinese, seen_zh, "中文")):
            if term in seen:
                problems.append(f"{where}: {column} term {term!r} is already "
                                f"on line {seen[term]}; keep one row")
            else:
                seen[term] = row.line
    return problems


def test_glossary_parses_with_both_columns_filled_and_unique():
    rows = glossary()
    assert len(rows) >= 60, f"only {len(rows)} rows (curriculum §2: ~60)"
    problems = glossary_problems(rows)
    assert not problems, "\n".join(problems)


def test_checker_flags_empty_swapped_and_duplicate_terms():
    rows = [Row("gradient", "梯度", 1, "03"), Row("slope", "", 2, "01"),
            Row("梯度场", "field", 3, "03"), Row("Gradient", "坡度", 4, "3"),
            Row("tilt", "坡度", 5, "03")]
    assert glossary_problems(rows) == [
        "glossary.md:2: fill both English and 中文",
        "glossary.md:3: the English column holds Chinese ('梯度场')",
        "glossary.md:3: the 中文 column has no Chinese ('field')",
        "glossary.md:4: lesson '3'; write the lesson of first use, 00-13",
        "glossary.md:4: English term 'gradient' is already on line 1; "
        "keep one row",
        "glossary.md:5: 中文 term '坡度' is already on line 4; keep one row",
    ]


def test_checker_rejects_a_table_without_the_two_columns(tmp_path):
    path = tmp_path / "glossary.md"
    path.write_text("| term | 术语 |\n|---|---|\n| a | 甲 |\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="glossary.md:1: a table must"):
        glossary(path)

"""The sample and the shared gazettes printed again as the national gazette of the 1950s (tests/prints_national.py):
the issue's label and date of publication in Chinese numerals, documents dated in Chinese numerals (with or
without the year), signed at the end or under the title (in brackets or an approval line), pages numbered · 3 ·;
and the same issue as a text export with its page marks merged into the lines."""

from __future__ import annotations

import pytest

from tests.prints import FIELDS
from tests.prints_national import (
    ISSUE_FIELDS,
    NATIONAL_LAYOUTS,
    TEXT_FIELDS,
    print_national,
    score_national,
    score_national_text,
    write_national_text,
)

NAMES = [layout.name for layout in NATIONAL_LAYOUTS]


def _exact(truth: dict, fields: tuple[str, ...]) -> dict[str, int]:
    """The score of a print read exactly right."""
    n = len(truth["documents"])
    return {"expected": n, "found": n} | {field: n for field in fields} | {field: 1 for field in ISSUE_FIELDS}


@pytest.mark.parametrize("layout", NATIONAL_LAYOUTS, ids=NAMES)
def test_the_sample_as_a_national_gazette_is_read_exactly(sample, tmp_path, layout):
    truth = print_national(sample.text, tmp_path / "national.pdf", layout)
    assert truth["year"] == 2024 and truth["issue"] == 2 and truth["total_issue"] == 31
    assert score_national(tmp_path / "national.pdf", truth) == _exact(truth, FIELDS)


def test_the_sample_as_a_text_export_with_page_marks_merged_into_lines(sample, tmp_path):
    """Every document found with its date and issuer, and the printed page its title stands on, told by the page
    marks (—3—, · 4 ·, -5-) the converter left inside paragraphs: none of them is left in the text."""
    from reader.gazette.parser import parse
    from reader.sources import read_source

    truth = write_national_text(sample.text, tmp_path / "national.txt")
    printed = tmp_path.joinpath("national.txt").read_text(encoding="utf-8")
    assert "—2—" in printed or "· 2 ·" in printed or "-2-" in printed or "— 2 —" in printed
    assert score_national_text(tmp_path / "national.txt", truth) == _exact(truth, TEXT_FIELDS)
    texts = "".join(d.text for d in parse(read_source(tmp_path / "national.txt")).documents)
    assert [m for m in ("—1—", "· 2 ·", "-3-", "— 2 —", "—1 —") if m in texts] == []


@pytest.mark.slow
@pytest.mark.parametrize("layout", NATIONAL_LAYOUTS, ids=NAMES)
def test_the_shared_gazettes_as_national_gazettes(shared, tmp_path, layout):
    """The three shared issues reprinted as national gazettes: 98% of documents right on every field, and every
    issue's year, number, total and date of publication."""
    total = {"expected": 0, "found": 0} | {field: 0 for field in FIELDS + ISSUE_FIELDS}
    for seed in sorted((shared / "seeds").glob("*.txt")):
        pdf = tmp_path / f"{seed.stem}.pdf"
        for key, value in score_national(pdf, print_national(seed, pdf, layout)).items():
            total[key] += value
    assert total["expected"] == 33 and total["found"] == 33
    assert {field: total[field] for field in ISSUE_FIELDS} == {field: 3 for field in ISSUE_FIELDS}
    for field in FIELDS:
        assert total[field] >= 0.98 * total["expected"], (field, total)


def test_the_shared_gazettes_as_text_exports_with_page_marks(shared, tmp_path):
    total = {"expected": 0, "found": 0} | {field: 0 for field in TEXT_FIELDS + ISSUE_FIELDS}
    for seed in sorted((shared / "seeds").glob("*.txt")):
        target = tmp_path / f"{seed.stem}.txt"
        for key, value in score_national_text(target, write_national_text(seed, target)).items():
            total[key] += value
    assert total == {"expected": 33, "found": 33} | {f: 33 for f in TEXT_FIELDS} | {f: 3 for f in ISSUE_FIELDS}

"""Hand-written renderings of sample 004's tables (blank-padded `pdftotext -layout` style and
markdown) parse to the same numbers, and the same issues, as the original dump."""

from __future__ import annotations

from pathlib import Path

import pytest

import gov_disclosure as g

DATA = Path(__file__).parent / "data"
ORIGINAL = DATA / "samples" / "004_5f52f77d1e58bc3f.txt"


@pytest.mark.parametrize(
    ("name", "dialect"), [("004_fixed_width.txt", "fixed-width"), ("004_markdown.txt", "markdown")]
)
def test_rendering_parses_to_the_original_numbers(name: str, dialect: str) -> None:
    want = g.to_dict(g.parse_file(ORIGINAL))
    report = g.parse_file(DATA / "rendered" / name)
    got = g.to_dict(report)
    assert report.source.dialect == dialect
    for table in ("proactive", "requests", "reviews"):
        assert got[table] == want[table], table
    assert (got["title"], got["year"], got["template"]) == (want["title"], want["year"], want["template"])
    errors = [(i["code"], i["row"], i["column"]) for i in got["issues"] if i["severity"] != "info"]
    assert errors == [
        ("requests.outcome_sum", "total", "natural_person"),
        ("requests.outcome_sum", "total", "total"),
    ]

"""Hand-written renderings of sample 004's tables (blank-padded `pdftotext -layout` style and
markdown) parse to the same numbers, and the same issues, as the original dump."""

from __future__ import annotations

import json
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


HAND_RENDERED = [
    ("004_page.html", "004", "html", "gb2312"),
    ("000_report.docx", "000", "docx", None),
]


@pytest.mark.parametrize(("name", "num", "fmt", "encoding"), HAND_RENDERED)
def test_published_forms_of_samples_match_hand_read_values(name: str, num: str, fmt: str, encoding: str | None) -> None:
    """Samples re-published as a GBK web page (site chrome, Table 3 split in two <table>s) and a
    Word file (gridSpan/vMerge, a tracked change, a content control): every cell as read by hand."""
    want = json.loads((Path(__file__).parent / "expected" / f"{num}.json").read_text(encoding="utf-8"))
    report = g.parse_file(DATA / "rendered" / name)
    got = report.to_dict()
    assert (report.source.format, report.source.encoding) == (fmt, encoding)
    assert (got["title"], got["year"], got["template"]) == (want["title"], want["year"], want["template"])
    for table in ("proactive", "requests", "reviews"):
        assert got[table] == want[table], table
    assert not [u for u in report.unassigned if u.reason in ("table", "furniture")]


def test_docx_tracked_change_reads_as_accepted() -> None:
    report = g.parse_file(DATA / "rendered" / "000_report.docx")
    source = (DATA / "samples" / "000_1dfec89e3ce2593a.txt").read_text(encoding="utf-8").split("\n")
    assert report.overview.text.split("\n")[0] == source[4]  # 持续 inserted, 继续 deleted

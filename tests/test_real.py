"""Real reports as published: every cell of Tables 2, 3 and 4 against values read by hand from
the source (tests/expected/*.json), for the PDF, its `pdftotext -layout` text and the HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gov_disclosure as g

HERE = Path(__file__).parent
REAL = HERE / "data" / "real"


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return data


CASES = [
    ("huaian-2024.pdf", "huaian-2024", "pdf", "pdf"),
    ("huaian-2024.layout.txt", "huaian-2024", "text", "fixed-width"),
    ("shanghai-office-2019.html", "shanghai-office-2019", "html", "html"),
]


@pytest.mark.parametrize(("file", "name", "fmt", "dialect"), CASES, ids=[c[0] for c in CASES])
def test_every_cell(file: str, name: str, fmt: str, dialect: str) -> None:
    if fmt == "pdf":
        pytest.importorskip("pdfplumber")
    want = expected(name)
    report = g.parse_file(REAL / file)
    got = report.to_dict()
    assert (report.source.format, report.source.dialect) == (fmt, dialect)
    assert (got["template"], got["year"], got["organization"]) == (want["template"], want["year"], want["organization"])
    for table in ("proactive", "requests", "reviews"):
        assert set(got[table]) == set(want[table]), table
        for row, cells in want[table].items():
            assert got[table][row] == cells, f"{table}.{row}"


@pytest.mark.parametrize("file", ["huaian-2024.pdf", "huaian-2024.layout.txt"])
def test_huaian_adds_up(file: str) -> None:
    if file.endswith(".pdf"):
        pytest.importorskip("pdfplumber")
    report = g.parse_file(REAL / file)
    assert not [i for i in report.issues if i.severity in ("error", "warning")]
    assert report.title is not None and report.title.replace(" ", "") == "淮安市人民政府2024年政府信息公开工作年度报告"


def test_shanghai_blank_total_column_is_flagged_not_filled() -> None:
    report = g.parse_file(REAL / "shanghai-office-2019.html")
    flagged = [i for i in report.issues if i.severity != "info"]
    assert [(i.code, i.column) for i in flagged] == [("requests.total_column_blank", "total")]
    assert "11 rows" in flagged[0].message
    assert report.requests is not None and report.requests.granted is not None
    assert report.requests.granted.total.value is None

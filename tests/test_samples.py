"""The five sample reports: every cell of Tables 2, 3 and 4 against values read by hand
(tests/expected/NNN.json, written from the source text, not from the parser), and the issues
each must raise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gov_disclosure as g

HERE = Path(__file__).parent
SAMPLES = {p.name[:3]: p for p in sorted((HERE / "data" / "samples").glob("*.txt"))}
DIALECTS = {"000": "tika-cells", "001": "pipe", "002": "tika-cells", "003": "tsv", "004": "tika-cells"}


def expected(num: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / "expected" / f"{num}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("num", sorted(SAMPLES))
def test_every_cell(num: str) -> None:
    want = expected(num)
    got = g.to_dict(g.parse_file(SAMPLES[num]))
    for table in ("proactive", "requests", "reviews"):
        for row, cells in want[table].items():
            assert got[table][row] == cells, f"{num} {table}.{row}"
        assert set(got[table]) == set(want[table])


@pytest.mark.parametrize("num", sorted(SAMPLES))
def test_metadata_and_dialect(num: str) -> None:
    want = expected(num)
    report = g.parse_file(SAMPLES[num])
    assert (report.title, report.year, report.template) == (want["title"], want["year"], want["template"])
    assert report.organization == want["organization"]
    assert report.source.dialect == DIALECTS[num]
    assert report.source.encoding == "utf-8"


@pytest.mark.parametrize("num", sorted(SAMPLES))
def test_row_label_lines(num: str) -> None:
    """Each row's numbers come from the lines right after its label (provenance is honest)."""
    report = g.parse_file(SAMPLES[num])
    prov = g.to_dict(report, with_provenance=True)["provenance"]
    lines = SAMPLES[num].read_text(encoding="utf-8").split("\n")
    starts = sorted(expected(num)["lines"].values())
    for key, label_line in expected(num)["lines"].items():
        following = [x for x in starts if x > label_line]
        stop = following[0] if following else label_line + 12
        cells = [w for k, w in prov.items() if k.startswith(key + ".") and "line" in w]
        for where in cells:
            assert label_line <= where["line"] < stop, (key, where)
            assert where["raw"].strip() in lines[where["line"] - 1]


def _issues(num: str) -> list[g.Issue]:
    return list(g.parse_file(SAMPLES[num]).issues)


def test_000_blank_total_row_is_one_warning() -> None:
    issues = _issues("000")
    warn = [(i.code, i.row, i.line) for i in issues if i.severity == "warning"]
    assert warn == [("requests.total_blank", "total", 356)]
    assert not [i for i in issues if i.severity == "error"]


def test_001_dropped_cells_placed_and_said() -> None:
    issues = _issues("001")
    inferred = {(i.row, i.line) for i in issues if i.code == "placement.inferred"}
    assert inferred == {
        ("granted", 92),
        ("partially_granted", 93),
        ("denied_prohibited_by_law", 95),
        ("unavailable_not_held", 102),
        ("total", 111),
    }
    assert not [i for i in issues if i.severity in ("error", "warning")]


def test_002_and_003_are_clean() -> None:
    for num in ("002", "003"):
        assert not [i for i in _issues(num) if i.severity in ("error", "warning")], num


def test_004_total_row_disagrees_with_outcome_rows() -> None:
    errors = [(i.code, i.table, i.row, i.column, i.line) for i in _issues("004") if i.severity == "error"]
    assert errors == [
        ("requests.outcome_sum", "requests", "total", "natural_person", 345),
        ("requests.outcome_sum", "requests", "total", "total", 351),
    ]
    lines = SAMPLES["004"].read_text(encoding="utf-8").split("\n")
    assert lines[344] == "\t170" and lines[350] == "\t175"


def test_unclaimed_text_is_kept() -> None:
    r1 = g.parse_file(SAMPLES["001"])
    assert [(u.reason, u.text, u.line) for u in r1.unassigned] == [
        ("furniture", "扫一扫在手机打开当前页面", 160),
        ("signature", "忻州市人民政府办公室", 158),
        ("date", "2021年3月8日", 159),
    ]
    r2 = g.parse_file(SAMPLES["002"])
    assert ("marker", "[image: 政府办公室01]", 5) in [(u.reason, u.text, u.line) for u in r2.unassigned]
    assert r2.overview.text.startswith("2020年，山亭区人民政府办公室")  # indentation trimmed


def test_prose_sections_keep_line_breaks() -> None:
    r = g.parse_file(SAMPLES["000"])
    assert r.problems.heading == "五、主要问题和改进措施"
    assert r.problems.text.split("\n")[0].startswith("2020年，我市政府信息公开工作还存在以下问题")
    assert len(r.problems.text.split("\n")) == 2
    assert r.other_matters.text == "无"
    assert r.overview.heading == "一、概 述"

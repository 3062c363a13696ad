"""The JSON contract: every key present with the right type; Report -> dict -> Report round-trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import report_text, t3_tika

import gov_disclosure as g
from gov_disclosure.templates import TABLE3_COLUMN_KEYS, TABLE4_COLUMNS, TABLE4_GROUPS, all_templates

TABLE2 = {t.name: t.table2 for t in all_templates()}
TABLE3_ROWS = {t.name: t.table3_rows for t in all_templates()}

SAMPLES = sorted((Path(__file__).parent / "data" / "samples").glob("*.txt"))
TOP = {
    "schema_version": str,
    "source": dict,
    "title": (str, type(None)),
    "organization": (str, type(None)),
    "year": (int, type(None)),
    "template": (str, type(None)),
    "overview": dict,
    "proactive": (dict, type(None)),
    "requests": (dict, type(None)),
    "reviews": (dict, type(None)),
    "problems": dict,
    "other_matters": dict,
    "issues": list,
}


def check_contract(d: dict[str, Any]) -> None:
    for key, types in TOP.items():
        assert key in d, key
        assert isinstance(d[key], types), key
    assert d["schema_version"] == "1"
    assert set(d["source"]) >= {"path", "format", "dialect", "encoding"}
    assert d["template"] in ("2019", "2021", None)
    for key in ("overview", "problems", "other_matters"):
        assert set(d[key]) >= {"heading", "text"} and isinstance(d[key]["text"], str)
    for i in d["issues"]:
        assert set(i) >= {"code", "severity", "message", "line", "table", "row", "column"}
        assert i["severity"] in ("error", "warning", "info") and i["code"] in g.CODES
    if d["proactive"] is not None:
        blocks = TABLE2[d["template"]]
        assert set(d["proactive"]) == {r.key for b in blocks for r in b.rows}
        for b in blocks:
            for r in b.rows:
                row = d["proactive"][r.key]
                assert set(row) == {c.key for c in b.columns}
                for c in b.columns:
                    v = row[c.key]
                    if c.kind == "money":
                        assert v is None or (set(v) == {"raw", "value", "unit"} and isinstance(v["raw"], str))
                    else:
                        assert v is None or type(v) is int
    if d["requests"] is not None:
        assert set(d["requests"]) == {r.key for r in TABLE3_ROWS[d["template"] or "2019"]}
        for row in d["requests"].values():
            assert list(row) == list(TABLE3_COLUMN_KEYS)
            assert all(v is None or type(v) is int for v in row.values())
    if d["reviews"] is not None:
        assert list(d["reviews"]) == [x.key for x in TABLE4_GROUPS]
        for group in d["reviews"].values():
            assert list(group) == [c.key for c in TABLE4_COLUMNS]
            assert all(v is None or type(v) is int for v in group.values())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_sample_json_follows_contract(path: Path) -> None:
    report = g.parse_file(path)
    d = json.loads(g.to_json(report))
    check_contract(d)
    assert d["source"]["path"] == str(path) and d["source"]["format"] == "text"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_round_trip(path: Path) -> None:
    report = g.parse_file(path)
    d = g.to_dict(report)
    back = g.from_dict(json.loads(json.dumps(d)))
    assert back == report
    assert g.to_dict(back) == d


def test_provenance_is_optional_and_points_at_the_cell() -> None:
    path = SAMPLES[4]
    report = g.parse_file(path)
    assert "provenance" not in g.to_dict(report)
    prov = g.to_dict(report, with_provenance=True)["provenance"]
    where = prov["requests.total.natural_person"]
    assert where["raw"] == "170" and where["line"] == 345
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[where["line"] - 1] == "\t170"
    assert g.from_dict(g.to_dict(report, with_provenance=True)) == report


def test_jsonl_and_csv() -> None:
    reports = [g.parse_file(p) for p in SAMPLES[:2]]
    lines = list(g.to_jsonl(reports))
    assert len(lines) == 2 and json.loads(lines[1])["title"] == "忻州市2020年政府信息公开工作年报"
    rows = list(csv.DictReader(io.StringIO(g.to_csv(reports))))
    hit = [
        r
        for r in rows
        if r["path"].endswith("001_8b45603aceec5a0e.txt")
        and r["table"] == "requests"
        and r["row"] == "granted"
        and r["column"] == "total"
    ]
    assert len(hit) == 1 and hit[0]["value"] == "591" and hit[0]["line"] == "92"


def test_completeness_in_json_round_trips_and_is_optional() -> None:
    """Additive key: 004 prints all 198 cells of its template; older JSON without it reads back."""
    report = g.parse_file(SAMPLES[4])
    d = json.loads(g.to_json(report))
    assert d["completeness"] == {"cells": 198, "read": 198, "blank": 0, "missing": 0}
    assert g.from_dict(d).completeness == report.completeness
    older = {k: v for k, v in d.items() if k != "completeness"}
    assert g.from_dict(older).completeness is None


def test_csv_says_each_cell_state_and_the_reports_missing_count() -> None:
    """001's pipe dump drops empty cells: granted.social_welfare is blank (placed by the
    arithmetic: 199 | 371 | 16 | 5 | 591 printed), granted.total read. A made-up report whose
    Table 2 lacks five rows (13 cells) says so on every line; a cell of those rows is `missing`."""
    partial = g.parse_text(report_text(t3=t3_tika({})), source="partial.txt")
    rows = list(csv.DictReader(io.StringIO(g.to_csv([g.parse_file(SAMPLES[1]), partial]))))
    state = {(Path(r["path"]).name[:3], r["table"], r["row"], r["column"]): (r["state"], r["missing"]) for r in rows}
    assert state[("001", "requests", "granted", "social_welfare")] == ("blank", "0")
    assert state[("001", "requests", "granted", "total")] == ("read", "0")
    assert state[("par", "proactive", "penalties", "decisions")] == ("missing", "13")
    assert state[("par", "proactive", "regulations", "new_made")] == ("read", "13")
    assert {r["missing"] for r in rows if r["path"] == "partial.txt"} == {"13"}

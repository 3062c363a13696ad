"""`report.completeness` and the cell states behind it, on small made-up reports and on the
samples, every figure counted by hand (comments show the count)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import report_text, t3_tika

import gov_disclosure as g
from gov_disclosure import codes
from gov_disclosure import records as R
from gov_disclosure.completeness import cell_states, completeness

HERE = Path(__file__).parent
SAMPLES = {p.name[:3]: p for p in sorted((HERE / "data" / "samples").glob("*.txt"))}

# 2019 template cells: Table 2 = 3 + 3 (规章, 规范性文件) + 3 x 4 (许可, 其他服务, 处罚, 强制)
# + 2 (收费) + 2 (采购: items, amount) = 22; Table 3 = 23 rows x 7 = 161; Table 4 = 3 x 5 = 15.
CELLS_2019 = 22 + 161 + 15


def test_a_partial_table_2_counts_its_rows_not_found_as_missing() -> None:
    """T2_2019 prints 规章, 规范性文件 and 行政许可 (9 numbers); the other five rows are not
    found: 3 + 3 + 3 + 2 + 2 = 13 missing. Table 3 prints every row with seven empty cells
    (161 blank); Table 4 prints 15 numbers."""
    r = g.parse_text(report_text(t3=t3_tika({})))
    assert r.completeness == R.Completeness(cells=198, read=9 + 15, blank=161, missing=13)


def test_a_missing_table_counts_every_cell_missing() -> None:
    """The same report without Table 4: its 15 cells are missing too (13 + 15 = 28)."""
    r = g.parse_text(report_text(t3=t3_tika({}), t4=""))
    assert r.reviews is None
    assert r.completeness == R.Completeness(cells=198, read=9, blank=161, missing=28)


def test_an_unreadable_cell_is_missing_and_a_number_is_read() -> None:
    """Table 3 prints one row, 一、本年新收: 3.5 (unreadable) and six zeros; 161 - 7 blank."""
    r = g.parse_text(report_text(t3=t3_tika({"0": ["3.5", "0", "0", "0", "0", "0", "0"]})))
    assert r.completeness == R.Completeness(cells=198, read=9 + 6 + 15, blank=154, missing=13 + 1)
    assert cell_states(r)[("requests", "new_received", "natural_person")] == "missing"
    assert cell_states(r)[("requests", "new_received", "commercial")] == "read"
    assert cell_states(r)[("requests", "carried_over", "commercial")] == "blank"


# Counted by hand in tests/expected/NNN.json and the sample text: 000 prints all 22 Table 2 and
# 15 Table 4 numbers; in Table 3 new_received, carried_over, granted, partially_granted and
# carried_forward print 7 numbers each and unavailable_not_held 2 (自然人 8, 总计 8): 37.
# 001 prints 22 + 15 and, in Table 3, 7 (本年新收) + 5 (予以公开) + 2 (部分公开) + 3 (2.其他法律)
# + 3 (1.本机关不掌握) + 5 (（七）总计) = 25, its other cells dropped by the pipe dump.
# 002, 003 and 004 print every cell.
SAMPLE_FIGURES = {
    "000": (22 + 37 + 15, 161 - 37),
    "001": (22 + 25 + 15, 161 - 25),
    "002": (198, 0),
    "003": (198, 0),
    "004": (198, 0),
}


def _nulls(table: dict[str, Any]) -> tuple[int, int]:
    values = [v for row in table.values() for v in row.values()]
    return sum(v is not None for v in values), sum(v is None for v in values)


@pytest.mark.parametrize("num", sorted(SAMPLES))
def test_samples_are_complete(num: str) -> None:
    read, blank = SAMPLE_FIGURES[num]
    report = g.parse_file(SAMPLES[num])
    assert report.completeness == R.Completeness(CELLS_2019, read, blank, 0)
    want = json.loads((HERE / "expected" / f"{num}.json").read_text(encoding="utf-8"))
    counted = [_nulls(want[t]) for t in ("proactive", "requests", "reviews")]
    assert (sum(c[0] for c in counted), sum(c[1] for c in counted)) == (read, blank)


def _row(*values: int | None) -> R.RequestRow:
    return R.RequestRow(*(R.Count(v) for v in values))


def test_a_null_cell_is_missing_when_an_issue_left_it_null_or_its_text_is_no_number() -> None:
    """The record alone: a null count with no text is blank (a dump dropped it) unless an
    issue that leaves null names it; printed empty or a dash is blank; text is missing."""
    where = R.Origin(line=7)
    req = R.Requests(
        new_received=R.RequestRow(
            R.Count(None),
            R.Count(None, "", where),
            R.Count(None, "—", where),
            R.Count(None, "3.5", where),
            R.Count(0, "0", where),
        ),
        granted=_row(None),
    )
    lost = codes.issue("placement.ambiguous", "granted: printed 1 | 1", table="requests", row="granted")
    states = cell_states(R.Report(template="2019", requests=req, issues=(lost,)))
    got = [states[("requests", "new_received", c)] for c in ("natural_person", "commercial", "research")]
    assert got == ["blank", "blank", "blank"]
    assert states[("requests", "new_received", "social_welfare")] == "missing"
    assert states[("requests", "new_received", "legal_service")] == "read"
    assert {states[("requests", "granted", c)] for c in ("natural_person", "total")} == {"missing"}
    assert states[("requests", "partially_granted", "total")] == "missing"  # a row the record lacks
    # 2 rows in the record: 14 cells, 1 read, 3 + 2 blank (new_received's other_org, total);
    # missing: 1 (3.5) + 7 (granted) + 21 x 7 (rows not in the record); no Table 2 or 4 record: 22 + 15.
    assert completeness(R.Report(template="2019", requests=req, issues=(lost,))) == R.Completeness(
        CELLS_2019, 1, 5, 1 + 7 + 21 * 7 + 22 + 15
    )


def test_an_issue_without_a_row_names_the_whole_table() -> None:
    lost = codes.issue("placement.ambiguous", "data: printed 0 | 0; cells left null", table="reviews", row="data")
    report = R.Report(template="2021", reviews=R.Reviews(), issues=(lost,))
    states = cell_states(report)
    assert {s for (t, _, _), s in states.items() if t == "reviews"} == {"missing"}
    assert len(states) == 10 + 25 * 7 + 15  # 2021: Table 2 = 3 + 3 + 1 + 1 + 1 + 1, Table 3 = 25 rows


def test_without_a_template_table_2_is_not_counted() -> None:
    """Table 2 is mapped only when the template is known; Tables 3 and 4 then use 2019's."""
    assert completeness(R.Report()) == R.Completeness(161 + 15, 0, 0, 161 + 15)


def test_issues_that_do_not_leave_null_do_not_make_cells_missing() -> None:
    info = codes.issue("placement.inferred", "granted: printed 3; placed as total=3", table="requests", row="granted")
    states = cell_states(R.Report(template="2019", requests=R.Requests(granted=_row(None)), issues=(info,)))
    assert states[("requests", "granted", "total")] == "blank"

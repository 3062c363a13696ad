"""Each identity of the templates, checked on small hand-made tables; and user checks."""

from __future__ import annotations

from collections.abc import Iterator

from helpers import T4, report_text, t3_tika

import gov_disclosure as g
from gov_disclosure.validate import CHECKS


def errors(r: g.Report) -> list[tuple[str, str | None, str | None]]:
    return [(i.code, i.row, i.column) for i in r.issues if i.severity == "error"]


def test_row_sum_mismatch_is_reported_at_the_total_cell() -> None:
    t3 = t3_tika(
        {
            "0": ["3", "1", "0", "0", "0", "0", "5"],
            "2": ["3", "1", "0", "0", "0", "0", "5"],
            "21": ["3", "1", "0", "0", "0", "0", "5"],
        }
    )
    r = g.parse_text(report_text(t3=t3))
    assert set(errors(r)) == {("requests.row_sum", k, "total") for k in ("new_received", "granted", "total")}


def test_review_group_mismatch() -> None:
    t4 = T4.replace("\t1\n\t0\n\t0\n\t1\n\t2\n", "\t1\n\t0\n\t0\n\t1\n\t3\n", 1)
    r = g.parse_text(report_text(t3=t3_tika({}), t4=t4))
    assert errors(r) == [("reviews.group_sum", "review", "total")]
    issue = next(i for i in r.issues if i.code == "reviews.group_sum")
    assert "printed 3, computed 2" in issue.message


def test_blank_total_column_is_one_warning_not_row_errors() -> None:
    row = ["2", "1", "", "", "", "", ""]
    t3 = t3_tika(
        {
            "0": ["3", "1", "0", "0", "0", "0", "4"],
            "2": row,
            "3": ["1", "", "", "", "", "", ""],
            "21": ["3", "1", "0", "0", "0", "0", "4"],
        }
    )
    r = g.parse_text(report_text(t3=t3))
    assert errors(r) == []
    assert [i.code for i in r.issues if i.severity == "warning" and i.table == "requests"] == [
        "requests.total_column_blank"
    ]


def test_user_check_runs_on_every_report() -> None:
    g.register_code("custom.no_requests", "info", "the report received no requests")

    def no_requests(report: g.Report) -> Iterator[g.Issue]:
        req = report.requests
        if req is not None and req.new_received is not None and req.new_received.total.value == 0:
            yield g.codes.issue("custom.no_requests", "no requests this year", table="requests")

    g.register_check(no_requests)
    try:
        r = g.parse_text(report_text(t3=t3_tika({"0": ["0"] * 7})))
        assert [i.code for i in r.issues if i.code.startswith("custom.")] == ["custom.no_requests"]
    finally:
        CHECKS.remove(no_requests)
        del g.CODES["custom.no_requests"]

"""Each identity of the templates, checked on small hand-made tables; and user checks."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from helpers import T3_LABELS_2019, T4, report_text, t3_tika, tika

import gov_disclosure as g
from gov_disclosure import codes
from gov_disclosure import records as R
from gov_disclosure.completeness import cell_states
from gov_disclosure.pipeline import build_report
from gov_disclosure.readers.text import read_text
from gov_disclosure.templates import get
from gov_disclosure.validate import CHECKS, validate

TABLE3_2019 = {r.key for r in get("2019").table3_rows}
OUTCOME_RULE = "（七）总计 equals the sum of the outcome rows"


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


# --- Honest checks: a cell the parser did not read is never blamed on the report ----------------

SEVEN_COLUMNS = [
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
]


def skipped(r: g.Report) -> list[tuple[str | None, str]]:
    return [(i.table, i.message) for i in r.issues if i.code == "check.skipped"]


def test_a_row_not_printed_skips_the_checks_that_need_it() -> None:
    """（二）部分公开 is not printed at all: the outcome rows then sum to 3, not the printed 5,
    which is the parser's (here: the source's) loss, not the report contradicting itself."""
    values = {
        0: ["5", "0", "0", "0", "0", "0", "5"],
        1: ["0"] * 7,
        2: ["3", "0", "0", "0", "0", "0", "3"],
        21: ["5", "0", "0", "0", "0", "0", "5"],
        22: ["0"] * 7,
    }
    head = t3_tika({}).split("\t一、本年新收")[0]
    rows = [list(labels) + values.get(i, [""] * 7) for i, labels in enumerate(T3_LABELS_2019) if i != 3]
    r = g.parse_text(report_text(t3=head + tika(*rows)))
    assert errors(r) == []
    assert ("table.missing_row", "partially_granted") in [(i.code, i.row) for i in r.issues]
    columns = ", ".join(SEVEN_COLUMNS)
    assert skipped(r) == [
        (
            "requests",
            "Table 3: 8 checks not made, a cell they need was not read: "
            f"requests.row_sum at partially_granted; requests.outcome_sum at {columns}",
        )
    ]
    assert [i.severity for i in r.issues if i.code == "check.skipped"] == ["info"]


def test_an_unreadable_cell_skips_only_the_checks_that_need_it() -> None:
    """granted.natural_person prints 3.5: granted's row sum and the natural_person column's
    outcome sum are not checked; the commercial and total columns' real mismatch (total
    prints 2 and 5, the outcome rows hold 1 and 4) is still an error."""
    t3 = t3_tika(
        {
            "0": ["3", "2", "0", "0", "0", "0", "5"],
            "2": ["3.5", "1", "0", "0", "0", "0", "4"],
            "21": ["3", "2", "0", "0", "0", "0", "5"],
        }
    )
    r = g.parse_text(report_text(t3=t3))
    assert ("cell.unreadable", "granted", "natural_person") in [(i.code, i.row, i.column) for i in r.issues]
    assert sorted(errors(r)) == [
        ("requests.outcome_sum", "total", "commercial"),
        ("requests.outcome_sum", "total", "total"),
    ]
    assert skipped(r) == [
        (
            "requests",
            "Table 3: 2 checks not made, a cell they need was not read: "
            "requests.row_sum at granted; requests.outcome_sum at natural_person",
        )
    ]


def test_a_row_printed_blank_still_counts_as_zero() -> None:
    """（一）予以公开 printed with seven empty cells is blank, not missing: the outcome rows sum
    to 2 against the printed 5, a real error in the natural_person and total columns."""
    t3 = t3_tika(
        {
            "0": ["5", "0", "0", "0", "0", "0", "5"],
            "3": ["2", "0", "0", "0", "0", "0", "2"],
            "21": ["5", "0", "0", "0", "0", "0", "5"],
        }
    )
    r = g.parse_text(report_text(t3=t3))
    assert errors(r) == [
        ("requests.outcome_sum", "total", "natural_person"),
        ("requests.outcome_sum", "total", "total"),
    ]
    assert skipped(r) == []


def _row(*values: int | None) -> R.RequestRow:
    return R.RequestRow(*(R.Count(v) for v in values))


def _requests(granted: R.RequestRow) -> R.Requests:
    """A hand-made Table 3 whose printed total (5, all natural persons) is 3 more than the
    outcome rows hold when `granted` holds nothing."""
    empty = _row(*[None] * 7)
    rows = {f.name: empty for f in attrs.fields(R.Requests) if f.name in TABLE3_2019}
    rows |= {
        "new_received": _row(5, None, None, None, None, None, 5),
        "granted": granted,
        "partially_granted": _row(2, None, None, None, None, None, 2),
        "total": _row(5, None, None, None, None, None, 5),
    }
    return R.Requests(**rows)


def test_null_cells_named_by_a_placement_issue_are_missing_not_blank() -> None:
    """The same null row, as a dump that dropped empty cells leaves both: with the solver's
    `placement.unresolved` it was not read (checks skipped); without, it is blank (errors)."""
    lost = codes.issue(
        "placement.unresolved", "granted: printed 3 | 3; cells left null", table="requests", row="granted"
    )
    report = R.Report(template="2019", requests=_requests(_row(*[None] * 7)), issues=(lost,))
    found = validate(report)
    assert [i for i in found if i.severity == "error"] == []
    assert [i.message for i in found if i.code == "check.skipped"] == [
        "Table 3: 8 checks not made, a cell they need was not read: "
        f"requests.row_sum at granted; requests.outcome_sum at {', '.join(SEVEN_COLUMNS)}"
    ]
    blank = attrs.evolve(report, issues=())
    assert [(i.code, i.column, i.message) for i in validate(blank) if i.severity == "error"] == [
        ("requests.outcome_sum", "natural_person", f"natural_person: printed 5, computed 2 (rule: {OUTCOME_RULE})"),
        ("requests.outcome_sum", "total", f"total: printed 5, computed 2 (rule: {OUTCOME_RULE})"),
    ]


def test_a_total_row_not_found_is_not_called_blank() -> None:
    """A （七）总计 row left null by a missing-row issue gets no `requests.total_blank`
    warning (that warning says the report printed it blank)."""
    req = attrs.evolve(_requests(_row(3, None, None, None, None, None, 3)), total=_row(*[None] * 7))
    lost = codes.issue("table.missing_row", "row total not found", table="requests", row="total")
    found = validate(R.Report(template="2019", requests=req, issues=(lost,)))
    assert [i.code for i in found if i.severity != "info"] == []
    printed_blank = validate(R.Report(template="2019", requests=req))
    assert [i.code for i in printed_blank if i.severity != "info"] == ["requests.total_blank"]


def test_a_table_whose_cells_were_not_read_is_not_called_blank() -> None:
    """Table 4's one row could not be placed (an issue naming no row): its null cells are
    missing, so neither `table.blank` nor an error; printed blank, it is `table.blank`."""
    lost = codes.issue("table.row_width", "16 values for 15 columns", table="reviews")
    found = validate(R.Report(template="2019", reviews=R.Reviews(), issues=(lost,)))
    assert [(i.code, i.message) for i in found] == [
        (
            "check.skipped",
            "Table 4: 3 checks not made, a cell they need was not read: "
            "reviews.group_sum at review, litigation_direct, litigation_after_review",
        )
    ]
    assert [i.code for i in validate(R.Report(template="2019", reviews=R.Reviews()))] == ["table.blank"]


def missing(r: g.Report, table: str) -> list[tuple[str, str]]:
    return [(row, col) for (t, row, col), state in cell_states(r).items() if t == table and state == "missing"]


def test_a_cell_the_reader_could_not_see_is_missing_not_blank() -> None:
    """review.upheld lies off the page (a PDF table cut by the page edge: `Cell.unread`): the
    group 0 + 0 + 1 against 总计 2 is not checked, the cell is missing with a warning, and a
    real mismatch elsewhere (复议后起诉 3 + 0 + 0 + 0 against 总计 4) is still an error."""
    t4 = T4.replace("\t1\n\t0\n\t0\n\t1\n\t2\n", "\t\n\t0\n\t0\n\t1\n\t2\n", 1)
    t4 = t4.replace("\t3\n\t0\n\t0\n\t0\n\t3\n", "\t3\n\t0\n\t0\n\t0\n\t4\n")
    doc = read_text(report_text(t3=t3_tika({}), t4=t4))
    table = doc.tables[-1]
    data = table.rows[-1]
    assert [c.text for c in data[:5]] == ["", "0", "0", "1", "2"]
    cut = (attrs.evolve(data[0], unread=True), *data[1:])
    doc = attrs.evolve(
        doc, blocks=tuple(attrs.evolve(b, rows=(*b.rows[:-1], cut)) if b is table else b for b in doc.blocks)
    )
    r = build_report(doc, R.Source())
    assert r.reviews is not None and r.reviews.review.upheld.value is None
    assert [(i.code, i.severity, i.row, i.column) for i in r.issues if i.code == "cell.unread"] == [
        ("cell.unread", "warning", "review", "upheld")
    ]
    assert errors(r) == [("reviews.group_sum", "litigation_after_review", "total")]
    assert skipped(r) == [
        ("reviews", "Table 4: 1 checks not made, a cell they need was not read: reviews.group_sum at review")
    ]
    assert missing(r, "reviews") == [("review", "upheld")]


def test_columns_missing_from_a_table_cut_by_the_page_edge_are_missing() -> None:
    """Table 4 printed without its last five columns (复议后起诉 off the page) and its first cell
    cut: the ten cells the page shows hold 0 0 1 2 / 0 0 0 0 0; the other five are not blank."""
    t4 = T4.replace("\t1\n\t0\n\t0\n\t1\n\t2\n", "\t\n\t0\n\t0\n\t1\n\t2\n", 1)
    doc = read_text(report_text(t3=t3_tika({}), t4=t4))
    table = doc.tables[-1]
    data = table.rows[-1]
    cut = (attrs.evolve(data[0], unread=True), *data[1:10])
    rows = (*table.rows[:-1], cut)
    doc = attrs.evolve(doc, blocks=tuple(attrs.evolve(b, rows=rows) if b is table else b for b in doc.blocks))
    r = build_report(doc, R.Source())
    assert r.reviews is not None
    assert [getattr(r.reviews.litigation_direct, c).value for c in ("upheld", "pending", "total")] == [0, 0, 0]
    unread = [(i.row, i.column) for i in r.issues if i.code == "cell.unread"]
    after = [("litigation_after_review", c) for c in ("upheld", "corrected", "other", "pending", "total")]
    assert unread == [("review", "upheld"), *after]
    assert errors(r) == []
    assert missing(r, "reviews") == unread


def test_a_blank_total_column_read_in_part_is_a_warning_not_errors() -> None:
    """The total column is printed blank; partially_granted's total was not read (3.5 is no
    count). granted (3 + 1, total blank) is the only outcome row whose total was read: the
    column may well be blank throughout, as the source prints it, so no row_sum error."""
    t3 = t3_tika({"2": ["3", "1", "", "", "", "", ""], "3": ["1", "", "", "", "", "", "3.5"]})
    r = g.parse_text(report_text(t3=t3))
    assert errors(r) == []
    (warning,) = [i for i in r.issues if i.code == "requests.total_column_blank"]
    assert (
        warning.message
        == "the total column is blank in 1 rows with applicant numbers (1 outcome rows' totals not read)"
    )
    # with that total read as printed, granted's blank total is an error of the report
    t3 = t3_tika({"2": ["3", "1", "", "", "", "", ""], "3": ["1", "", "", "", "", "", "1"]})
    r = g.parse_text(report_text(t3=t3))
    assert ("requests.row_sum", "granted", "total") in errors(r)
    assert not any(i.code == "requests.total_column_blank" for i in r.issues)

"""Finding rows (`rows.plan_rows`) and mapping tables to records, on small hand-made grids."""

from __future__ import annotations

from helpers import plan_requests as plan
from helpers import table

from gov_disclosure import templates as T
from gov_disclosure.cells import read_grid
from gov_disclosure.mapping import map_reviews, map_tables

SEVEN = ["1", "0", "0", "0", "0", "0", "1"]


def test_rows_by_label_numbering_and_bare_group_labels() -> None:
    values, issues = plan(
        table(
            [
                ["三、本年度办理结果", "（一）予以公开", *SEVEN],
                ["（三）不予公开", "1.属于国家秘密", "2", "", "", "", "", "", "2"],
                ["（七）总计", *["3", "0", "0", "0", "0", "0", "3"]],
            ]
        )
    )
    assert values == {
        "granted": SEVEN,
        "denied_state_secret": ["2", "", "", "", "", "", "2"],
        "total": ["3", "0", "0", "0", "0", "0", "3"],
    }
    assert issues == []


def test_repeated_row_after_a_page_break_is_skipped_and_a_different_one_reported() -> None:
    values, issues = plan(
        table(
            [
                ["（一）予以公开", *SEVEN],
                ["（一）予以公开", *SEVEN],
                ["（一）予以公开", "9", "", "", "", "", "", "9"],
            ]
        )
    )
    assert values == {"granted": SEVEN}
    assert issues == [("table.duplicate_row", "granted")]


def test_label_cut_by_a_page_break_is_joined() -> None:
    values, issues = plan(table([["3.补正后申请内容仍不", *SEVEN], ["明确"], ["1.信访举报投诉类申请", *SEVEN]]))
    assert values == {"unavailable_unclear": SEVEN, "rejected_complaint": SEVEN}
    assert issues == []


def test_an_empty_label_column_is_no_blank_value() -> None:
    """A row that prints its label in the first of two label columns leaves the second empty:
    that is no 自然人 value (pdftotext of a page cut at the right: rows keep only their first
    numbers)."""
    values, _ = plan(
        table(
            [
                ["", "1.属于国家秘密", "14"],
                ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", "3"],
                ["", "6.属于四类过程性信息", "3", "1"],
            ]
        )
    )
    assert values == {
        "denied_state_secret": ["14", None, None, None, None, None, None],
        "partially_granted": ["3", None, None, None, None, None, None],
        "denied_process_info": ["3", "1", None, None, None, None, None],
    }


def test_empty_columns_no_label_is_printed_in_stay_value_columns() -> None:
    """Columns that never hold a label beside values are not label columns, even left of every
    printed value: a row whose only number is its total keeps it there."""
    values, _ = plan(table([["四、结转下年度继续办理", "", "", "", "", "", "", "", "", "0"]]))
    assert values == {"carried_forward": ["", "", "", "", "", "", "0"]}


def test_group_subtotal_and_unknown_rows_are_reported() -> None:
    _, issues = plan(table([["（三）不予公开", *SEVEN], ["合计", *SEVEN]]))
    assert issues == [("table.subtotal_row", "（三）不予公开"), ("table.unknown_row", "合计")]


T4_HEAD = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3]


def test_reviews_row_of_fifteen() -> None:
    t = table([*T4_HEAD, ["2", "1", "0", "0", "3", "0", "0", "0", "1", "1", "1", "0", "0", "0", "1"]])
    reviews, issues = map_reviews(t, T.get(None), read_grid([t]))
    assert [reviews.review.total.value, reviews.litigation_direct.pending.value] == [3, 1]
    assert reviews.litigation_after_review.upheld.value == 1 and issues == []


def test_reviews_that_lost_their_empty_cells_are_not_guessed() -> None:
    """`2 2`: upheld and total of any of the three groups (and more) satisfy the identities."""
    t = table([*T4_HEAD, ["2", "2"]], dropped_empty=True)
    reviews, issues = map_reviews(t, T.get(None), read_grid([t]))
    assert reviews.review.total.value is None and reviews.review.upheld.value is None
    assert [(i.code, i.row) for i in issues] == [("placement.ambiguous", "data")]
    assert "printed 2 | 2" in issues[0].message


def test_map_tables_sorts_grids_and_reports_missing_tables() -> None:
    t4 = table([*T4_HEAD, ["1", "0", "0", "0", "1"] + ["0"] * 10])
    other = table([["甲", "乙"], ["1", "2"]])
    mapped = map_tables([other, t4], None)
    assert mapped.reviews is not None and mapped.reviews.review.total.value == 1
    assert mapped.proactive is None and mapped.requests is None
    assert mapped.unrecognized == (other,)
    assert [(i.code, i.table, i.message) for i in mapped.issues] == [
        ("table.missing", "proactive", "table proactive: not found"),
        ("table.missing", "requests", "table requests: not found"),
    ]

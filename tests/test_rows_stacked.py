"""Rows whose labels are stacked before one stream of their numbers (`rows._take_stacked`)."""

from __future__ import annotations

from helpers import table

from gov_disclosure import templates as T
from gov_disclosure.blocks import Table
from gov_disclosure.cells import read_grid
from gov_disclosure.rows import Rows, Sink, plan_rows
from gov_disclosure.templates import TableKind

STACK = [
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
]


def plan(t: Table) -> tuple[dict[str, list[str | None]], list[tuple[str, str | None]]]:
    sink = Sink(TableKind.REQUESTS)
    width = {r.key: len(T.TABLE3_COLUMN_KEYS) for r in T.get("2019").table3_rows}
    found = plan_rows(t, Rows(TableKind.REQUESTS, "2019", width, read_grid([t]), sink, columns=T.TABLE3_COLUMNS))
    values = {k: [c.text if c else None for c in v] for k, v in found.fixed.items()}
    return values, [(i.code, i.row) for i in sink.items]


def test_three_stacked_labels_and_their_21_numbers() -> None:
    """LibreOffice PDF through pdftotext: the three labels, then each row's seven numbers."""
    numbers = ["0"] * 7 + ["47", "0", "0", "0", "0", "0", "47"] + ["16", "0", "0", "0", "0", "0", "16"]
    values, issues = plan(table([[*STACK, *numbers]], dropped_empty=True))
    assert values == {
        "carried_over": ["0"] * 7,
        "granted": ["47", "0", "0", "0", "0", "0", "47"],
        "partially_granted": ["16", "0", "0", "0", "0", "0", "16"],
    }
    assert issues == [
        ("placement.inferred", "carried_over"),
        ("placement.inferred", "granted"),
        ("placement.inferred", "partially_granted"),
    ]


def test_a_short_last_row_stays_null() -> None:
    """15 numbers: only [1 2 3 4 5 6 21] | [1 1 1 1 1 1 6] | [5] fits (hand-checked: every
    other length split breaks a row sum), but the 5's column is unknown."""
    numbers = ["1", "2", "3", "4", "5", "6", "21", "1", "1", "1", "1", "1", "1", "6", "5"]
    values, issues = plan(table([[*STACK, *numbers]], dropped_empty=True))
    assert values == {
        "carried_over": ["1", "2", "3", "4", "5", "6", "21"],
        "granted": ["1", "1", "1", "1", "1", "1", "6"],
        "partially_granted": [None] * 7,
    }
    assert ("placement.ambiguous", "partially_granted") in issues


def test_a_stream_no_row_of_which_is_certain_is_left_to_the_last_label() -> None:
    """[2 2] fits [2] | [2], [2 2] | [] and others: the cut reads nothing; as before, the labels
    before the last are blank rows and the last keeps the numbers."""
    values, issues = plan(table([[*STACK, "2", "2"]], dropped_empty=True))
    assert values["carried_over"] == [None] * 7
    assert values["granted"] == [None] * 7
    assert "partially_granted" not in values  # its two numbers have several placements
    assert not any(code == "placement.inferred" for code, _ in issues)


def test_labels_not_consecutive_in_the_template_are_no_stack() -> None:
    """二 and （二） without （一） between them: （二） alone takes the numbers (too many)."""
    numbers = ["0"] * 7 + ["16", "0", "0", "0", "0", "0", "16"]
    values, issues = plan(table([[STACK[0], STACK[2], *numbers]], dropped_empty=True))
    assert values["partially_granted"] == [None] * 7
    assert ("table.row_width", "partially_granted") in issues


def test_a_positional_grid_is_not_cut() -> None:
    """Where the grid keeps its columns, labels in one row are group labels, not a stack."""
    numbers = ["0"] * 7 + ["47", "0", "0", "0", "0", "0", "47"] + ["16", "0", "0", "0", "0", "0", "16"]
    _, issues = plan(table([[*STACK, *numbers]]))
    assert not any(code == "placement.inferred" for code, _ in issues)

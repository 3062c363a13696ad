"""A row label cut by a page break whose numbers stay on its first piece (`rows._headed`)."""

from __future__ import annotations

from helpers import table

from gov_disclosure import templates as T
from gov_disclosure.blocks import Table
from gov_disclosure.cells import read_grid
from gov_disclosure.rows import Rows, Sink, plan_rows
from gov_disclosure.templates import TableKind


def plan(t: Table) -> tuple[dict[str, list[str | None]], list[tuple[str, str | None]]]:
    sink = Sink(TableKind.PROACTIVE)
    width = {r.key: len(b.columns) for b in T.get("2019").table2 for r in b.rows}
    found = plan_rows(t, Rows(TableKind.PROACTIVE, "2019", width, read_grid([t]), sink))
    values = {k: [c.text if c else None for c in v] for k, v in found.fixed.items()}
    return values, [(i.code, i.row) for i in sink.items]


def test_a_head_that_carries_the_numbers_is_joined_with_its_blank_tail() -> None:
    """`行` alone begins four Table 2 labels; with `政事业性收费` it names 行政事业性收费 only."""
    values, issues = plan(table([["行", "3", "1"], ["政事业性收费", "", ""], ["政府集中采购", "2", "100"]]))
    assert values == {"fees": ["3", "1"], "procurement": ["2", "100"]}
    assert issues == []


def test_a_head_and_tail_of_three_cells() -> None:
    """`行政` / `处罚`, the numbers beside the head (LibreOffice PDF of a page break)."""
    values, issues = plan(
        table([["行政", "2939", "2", "8179"], ["处罚", "", "", ""], ["行政强制", "106", "1", "2807"]])
    )
    assert values == {"penalties": ["2939", "2", "8179"], "coercion": ["106", "1", "2807"]}
    assert issues == []


def test_a_tail_that_names_a_row_itself_is_not_joined() -> None:
    """`行政强制` after the fragment `行政` is a row of its own: the fragment stays unknown."""
    values, issues = plan(table([["行政", "5", "0", "5"], ["行政强制", "", "", ""]]))
    assert values == {"coercion": ["", "", ""]}
    assert ("table.unknown_row", "行政") in issues

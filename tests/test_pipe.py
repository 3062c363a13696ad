"""The pipe dialect's frames, decided by a table's rows together (html2text writes rows without
outer pipes, so a leading `|` is an empty first cell), and page marks and tool markers around
pipe rows (page furniture, never a cell). Every input is written here in the family's shape and
every expected cell checked by hand against it (the kit's noise test reads the kit's own text)."""

from __future__ import annotations

import pytest

from gov_disclosure import parse_text
from gov_disclosure.blocks import Paragraph, Table
from gov_disclosure.readers.text import read_text
from gov_disclosure.testing import Quirks, render, zero_report


def _blocks(lines: list[str]) -> tuple[list[Table], list[str]]:
    blocks = read_text("\n".join(lines)).blocks
    return [b for b in blocks if isinstance(b, Table)], [b.text for b in blocks if isinstance(b, Paragraph)]


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_html2text_row_with_empty_first_cells_keeps_them() -> None:
    # html2text: no outer pipes; 行政复议 blank, so its row starts with `| |`
    (table,), _ = _blocks(
        [
            "行政复议| 行政诉讼",
            "---|---",
            "结果维持| 总计| 结果维持| 总计",
            "| | 1| 1",
            "| 2| | ",
        ]
    )
    assert table.dialect == "pipe" and not table.dropped_empty
    assert _texts(table) == [
        ["行政复议", "行政诉讼"],
        ["结果维持", "总计", "结果维持", "总计"],
        ["", "", "1", "1"],
        ["", "2", "", ""],
    ]


def test_outer_pipes_on_every_row_are_a_frame() -> None:
    (table,), _ = _blocks(["| 信息内容 | 数量 |", "---|---", "| 规章 | 0 |", "| 规范性文件 | 3 |"])
    assert _texts(table) == [["信息内容", "数量"], ["规章", "0"], ["规范性文件", "3"]]


FRAMED = [
    "|  | 自然人 | 法人 | 总计 |",  # 3
    "| 一、本年新收 | 3 |  | 3 |",  # 4
    "| 二、上年结转 |  | 1 | 1 |",  # 5
]
FRAMED_ROWS = [["", "自然人", "法人", "总计"], ["一、本年新收", "3", "", "3"], ["二、上年结转", "", "1", "1"]]


def test_page_mark_above_framed_rows_stays_out() -> None:
    (table,), paragraphs = _blocks(["三、收到和处理政府信息公开申请情况", "- 7 -", *FRAMED])
    assert not table.dropped_empty
    assert _texts(table) == FRAMED_ROWS
    assert table.rows[1][2].pos.line == 4
    assert paragraphs == ["三、收到和处理政府信息公开申请情况", "- 7 -"]


def test_page_mark_between_framed_rows_is_skipped() -> None:
    (table,), _ = _blocks([*FRAMED[:2], "第8页", FRAMED[2]])
    assert not table.dropped_empty
    assert _texts(table) == FRAMED_ROWS
    assert table.rows[2][0].pos.line == 4


def test_plain_line_above_framed_rows_is_a_row_of_one_cell() -> None:
    (table,), _ = _blocks(["第二十条第（一）项", *FRAMED])
    assert not table.dropped_empty
    assert _texts(table) == [["第二十条第（一）项"], *FRAMED_ROWS]


def test_marker_above_framed_rows_stays_out() -> None:
    # a tool's bookmark right above the rows: text, not a row of one cell
    (table,), paragraphs = _blocks(["三、收到和处理政府信息公开申请情况", "[bookmark: _Toc4]", *FRAMED])
    assert _texts(table) == FRAMED_ROWS
    assert table.rows[0][1].pos.line == 3
    assert paragraphs == ["三、收到和处理政府信息公开申请情况", "[bookmark: _Toc4]"]


def test_marker_between_rows_without_frame_is_skipped() -> None:
    # GFM rows without outer pipes; pandoc escapes the marker's brackets
    (table,), _ = _blocks(["信息内容| 数量", "---|---", "规章| 0", r"\[image: 图1\]", "规范性文件| 3"])
    assert _texts(table) == [["信息内容", "数量"], ["规章", "0"], ["规范性文件", "3"]]
    assert table.rows[2][0].pos.line == 5


def test_marker_among_cell_per_line_pipes_is_no_cell() -> None:
    # `cell |` a line: the marker is neither a cell nor a row
    (table,), _ = _blocks(["自然人 |", "总计 |", "[image: image5.png]", "一、本年新收 |", "3 |", "3 |"])
    assert table.dropped_empty
    assert [c.text for row in table.rows for c in row] == ["自然人", "总计", "一、本年新收", "3", "3"]


@pytest.mark.parametrize("form", ["pipe", "pipe-framed"])
def test_kit_markers_are_kept_as_markers(form: str) -> None:
    """The kit's noise (a marker or a page number before each block): no marker is a cell
    or a row, and every one the text prints is kept in `unassigned` as a marker."""
    text = render(zero_report(), form, Quirks(noise=True))
    printed = {line.strip() for line in text.splitlines() if line.strip().startswith("[")}
    assert len(printed) >= 3
    assert {u.text for u in parse_text(text).unassigned if u.reason == "marker"} == printed
    tables, _ = _blocks(text.splitlines())
    assert not any("[" in c.text for t in tables for row in t.rows for c in row)

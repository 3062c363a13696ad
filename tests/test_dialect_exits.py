"""The early exits of the dialects that are asked about every text (cell lines, dashed, grid,
embedded HTML, pipe, markdown): text of another shape is refused before any line is read, and
the least text of each dialect's own shape still passes; and a pipe row label wrapped at a hard
break stays in its table. Every input is written here by hand."""

from __future__ import annotations

from gov_disclosure.readers.text.dialects.cell_lines import CellLinesDialect, has_values
from gov_disclosure.readers.text.dialects.dashed import DashedDialect
from gov_disclosure.readers.text.dialects.grid_table import GridTableDialect
from gov_disclosure.readers.text.dialects.html_markup import HtmlMarkupDialect
from gov_disclosure.readers.text.dialects.markdown import MarkdownDialect
from gov_disclosure.readers.text.dialects.pipe import PipeDialect
from gov_disclosure.readers.text.lines import scan

# Another shape: TAB cells (a Tika dump) between prose lines; no pipe, dash, plus or markup.
TAB_CELLS = [
    "本机关全年主动公开政府信息一千余条。",
    "\t规章",
    "\t0",
    "\t规范性文件",
    "\t4",
    "\t5",
    "以上数据截至年底。",
]


def test_other_shapes_have_no_regions() -> None:
    lines = scan(TAB_CELLS)
    for dialect in (
        CellLinesDialect(),
        DashedDialect(),
        GridTableDialect(),
        HtmlMarkupDialect(),
        MarkdownDialect(),
        PipeDialect(),
    ):
        assert dialect.regions(lines) == [], dialect.name


def test_value_lines_counted_only_where_a_cell_can_be() -> None:
    # The three numbers of TAB_CELLS are TAB cells, not cell lines.
    assert not has_values(TAB_CELLS, scan(TAB_CELLS).facts)
    # Two value lines are too few; a third (a dash placeholder is a value) is enough.
    two = ["规章", "0", "规范性文件", "4"]
    assert not has_values(two, scan(two).facts)
    three = [*two, "无"]
    assert has_values(three, scan(three).facts)
    # A blank-padded line holds cells side by side: never one cell.
    padded = ["规章", "0", "规范性文件", "4", "5    6"]
    assert not has_values(padded, scan(padded).facts)


def test_cell_lines_least_table_passes() -> None:
    lines = ["信息内容", "本年新制作数量", "规章", "0", "规范性文件", "4", "行政许可", "无"]
    assert CellLinesDialect().regions(scan(lines)) == [(0, 8)]


def test_grid_border_with_alignment_colons_passes() -> None:
    # No `+-` anywhere: every `+` is followed by a colon (an aligned column) or the end.
    lines = [
        "+:---------+:----:+",
        "| 规章     | 0    |",
        "+:---------+:----:+",
    ]
    assert GridTableDialect().regions(scan(lines)) == [(0, 3)]


def test_dashed_least_table_passes() -> None:
    lines = ["规章  0", "----  ---", "规范  4", ""]
    assert DashedDialect().regions(scan(lines)) == [(0, 3)]


def test_html_markup_in_upper_case_passes() -> None:
    lines = ["正文", "<TABLE><tr><td>规章</td><td>0</td></tr>", "</TABLE>", "正文"]
    assert HtmlMarkupDialect().regions(scan(lines)) == [(1, 3)]


def test_pipe_needs_three_pipes() -> None:
    assert PipeDialect().regions(scan(["规章 |", "0 |", "规范性文件", "4"])) == []
    assert PipeDialect().regions(scan(["规章 |", "0 |", "4 |"])) == [(0, 3)]


def test_markdown_needs_a_rule() -> None:
    rows = ["| 信息内容 | 数量 |", "| 规章 | 0 |", "| 规范性文件 | 4 |"]
    assert MarkdownDialect().regions(scan(rows)) == []
    ruled = [rows[0], "|---|---|", *rows[1:]]
    assert MarkdownDialect().regions(scan(ruled)) == [(0, 4)]


# html2text's rows without outer pipes; a `<br>` in the label of （二） broke it over two lines.
HTML2TEXT = [
    "三、收到和处理政府信息公开申请情况",  # 0: a heading above the table, not between rows
    "信息内容| 数量",  # 1
    "---|---",  # 2
    "（一）予以公开| 5",  # 3
    "（二）部分公开（区分处理的，",  # 4: reads like a heading, but sits between two rows
    "不计其他情形）| 1",  # 5
    "（三）不予公开| 2",  # 6
]


def test_pipe_keeps_a_wrapped_marked_label_between_rows() -> None:
    dialect = PipeDialect()
    lines = scan(HTML2TEXT)
    assert dialect.regions(lines) == [(1, 7)]
    reading = dialect.reading(lines[1:7], 2)
    assert reading is not None
    assert [[p.text for p in row] for row in reading.rows] == [
        ["信息内容", "数量"],
        ["（一）予以公开", "5"],
        ["（二）部分公开（区分处理的，"],
        ["不计其他情形）", "1"],
        ["（三）不予公开", "2"],
    ]
    assert [row[0].line for row in reading.rows] == [2, 4, 5, 6, 7]

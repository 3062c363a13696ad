"""The label-stack dialect (a label line, then its numbers one a line): blocks read where nothing
is in doubt, refused otherwise, and cheap on text of another shape. Every input is written here
by hand in the shapes `pdftotext` without `-layout` prints (a browser's PDF: read; a word
processor's PDF with one-character label pieces: refused)."""

from __future__ import annotations

from gov_disclosure.blocks import Table
from gov_disclosure.readers.text import read_text
from gov_disclosure.readers.text.dialects.label_stack import LabelStackDialect, read_stack
from gov_disclosure.readers.text.lines import scan

# A browser's PDF: a header line bounds the block; the first number may share the label's line;
# one empty line between rows; a title for the next table after the last number.
STACKED = [
    "二、主动公开政府信息情况",
    "本年制作数量 本年公开数量 对外公开总数量",
    "规章",
    "0",
    "1",
    "2",
    "",
    "规范性文件 4",
    "5",
    "12",
    "第二十条第（五）项",
    "信息内容",
    "上一年项目数量 本年增/减 处理决定数量",
    "行政许可",
    "7",
    "-1",
    "6",
    "行政事业性收费",
    "3",
    "0",
    "9",
]


def _rows(lines: list[str]) -> list[list[str]]:
    dialect = LabelStackDialect()
    found = dialect.regions(scan(lines))
    out: list[list[str]] = []
    for start, end in found:
        reading = read_stack(lines[start:end], start + 1)
        assert reading is not None and reading.dropped_empty
        out += [[p.text for p in row] for row in reading.rows]
    return out


def test_stacked_blocks_are_read() -> None:
    lines = scan(STACKED)
    assert LabelStackDialect().regions(lines) == [(2, 10), (13, 21)]
    assert _rows(STACKED) == [
        ["规章", "0", "1", "2"],
        ["规范性文件", "4", "5", "12"],
        ["行政许可", "7", "-1", "6"],
        ["行政事业性收费", "3", "0", "9"],
    ]


def test_cells_keep_their_lines() -> None:
    reading = read_stack(STACKED[2:10], 3)
    assert reading is not None
    assert [(p.text, p.line, p.col) for p in reading.rows[1]] == [
        ("规范性文件", 8, 0),
        ("4", 8, 1),
        ("5", 9, 2),
        ("12", 10, 3),
    ]


def test_read_text_takes_the_blocks() -> None:
    tables = [b for b in read_text("\n".join(STACKED)).blocks if isinstance(b, Table)]
    assert [(t.dialect, len(t.rows), t.dropped_empty) for t in tables] == [
        ("label-stack", 2, True),
        ("label-stack", 2, True),
    ]


def test_one_character_pieces_are_refused() -> None:
    # A word processor's PDF: the label printed a character or two a line between the numbers.
    pieces = ["上年 本年", "规", "章", "3", "3", "12", "规", "范", "性", "文", "件", "0", "4", "5"]
    assert LabelStackDialect().regions(scan(pieces)) == []


def test_wrapped_label_is_refused() -> None:
    # Two label lines between numbers: a wrapped label (or a header piece), so the whole block.
    wrapped = ["上年 本年", "规章", "1", "2", "其他对外管理", "服务事项", "3", "4"]
    assert LabelStackDialect().regions(scan(wrapped)) == []
    # A marked wrapped label is a heading, which bounds the block: the row above it is read,
    # after its header line (a single row's block keeps it).
    marked = ["上年 本年", "规章", "1", "2", "（二）部分公开（区分处理的", "只计这一情况）", "3", "4"]
    assert LabelStackDialect().regions(scan(marked)) == [(0, 4)]
    assert _rows(marked) == [["上年", "本年"], ["规章", "1", "2"]]


def test_unequal_runs_are_refused() -> None:
    # A blank cell that the dump does not print: the runs differ, no column can be told.
    ragged = ["上年 本年", "规章", "1", "2", "3", "规范性文件", "4", "5"]
    assert LabelStackDialect().regions(scan(ragged)) == []


def test_numbers_before_a_label_are_refused() -> None:
    # A row's numbers printed before its label (a parent label spans rows).
    early = ["上年 本年", "1", "2", "规章", "3", "4"]
    assert LabelStackDialect().regions(scan(early)) == []


def test_numbers_after_an_empty_line_are_refused() -> None:
    split = ["上年 本年", "规章", "1", "2", "", "3", "4"]
    assert LabelStackDialect().regions(scan(split)) == []


def test_tail_of_a_heading_or_prose_is_refused() -> None:
    # The line above the first label may have wrapped into it: a heading, or prose.
    heading = ["（一）予", "以公开", "19", "9"]
    prose = ["本机关全年主动公开政府信息一千余条，其中规章和规范性文件按要求公开，详见下表所列各项", "数量", "3", "4"]
    assert LabelStackDialect().regions(scan(heading)) == []
    assert LabelStackDialect().regions(scan(prose)) == []


def test_printed_empty_cells_are_left_to_cell_lines() -> None:
    # A dump that prints empty cells (a line of NBSP, or runs of empty lines) says which
    # columns are blank: not this dialect's shape.
    nbsp = ["", "2.重复申请", "5", "4", "\xa0", "\xa0", ""]
    runs = ["", "", "2.重复申请", "5", "4", "", ""]
    assert LabelStackDialect().regions(scan(nbsp)) == []
    assert LabelStackDialect().regions(scan(runs)) == []


def test_single_numbers_are_too_few() -> None:
    # A label with one number is any short line of prose and a figure.
    one = ["上年 本年", "规章", "1", "规范性文件", "2"]
    assert LabelStackDialect().regions(scan(one)) == []


def test_other_shapes_exit_early() -> None:
    # Rows on one line (a raw dump) and blank-padded layout: no line is a lone number.
    raw = ["规章 0 1 2", "规范性文件 4 5 12", "行政许可 7 -1 6"]
    layout = ["规章          0      1      2", "规范性文件    4      5     12"]
    assert LabelStackDialect().regions(scan(raw)) == []
    assert LabelStackDialect().regions(scan(layout)) == []


def test_a_single_row_keeps_its_header_line_and_rows_enough_do_not() -> None:
    """One label cannot tell its table, its columns' names can: a one-row block starts at the
    header line above it. Over two rows or more that line may be the tail of a wrapped header
    naming only some columns: it stays out (the title line above a header never counts)."""
    single = ["第二十条第（八）项", "信息内容", "上一年项目数量 本年增/减", "行政事业性收费", "25", "-2"]
    assert LabelStackDialect().regions(scan(single)) == [(2, 6)]
    assert _rows(single) == [["上一年项目数量", "本年增/减"], ["行政事业性收费", "25", "-2"]]
    reading = read_stack(single[2:], 3)
    assert reading is not None
    assert [(p.text, p.line, p.col) for p in reading.rows[0]] == [("上一年项目数量", 3, 0), ("本年增/减", 3, 1)]
    double = ["公开数量 总数量", "规章", "0", "0", "0", "规范性文件", "25", "25", "159"]
    assert LabelStackDialect().regions(scan(double)) == [(1, 9)]
    # A one-word line above is a title or a wrapped tail, not a header: the block is refused.
    assert LabelStackDialect().regions(scan(single[1:2] + single[3:])) == []


def test_a_next_tables_title_and_header_cut_the_block_and_piled_row_labels_do_not() -> None:
    """Three label lines or more after a number, none marked as a row (`第二十条第（五）项` /
    `信息内容` / `本年处理决定数量` / `行政许可`), start another table: the rows above are read,
    the rest alone. Marked row labels piled up (rows whose numbers print elsewhere) keep the
    block whole, and refused."""
    titled = [
        "本年制发件数 本年废止件数 现行有效件数",
        "规章",
        "0",
        "0",
        "0",
        "行政规范性文件 5",
        "1",
        "19",
        "第二十条第（五）项",
        "信息内容",
        "本年处理决定数量",
        "行政许可",
        "1268",
    ]
    assert LabelStackDialect().regions(scan(titled)) == [(1, 8), (8, 13)]
    assert _rows(titled)[:2] == [["规章", "0", "0", "0"], ["行政规范性文件", "5", "1", "19"]]
    piled = [
        "上年 本年",
        "1.属于国家秘密",
        "2",
        "2",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "1",
        "1",
    ]
    assert LabelStackDialect().regions(scan(piled)) == []


def test_a_part_under_its_title_reads_rows_of_one_number_and_keeps_its_title() -> None:
    """Cut from the table above by its title and header (2021's `第二十条第（五）项` block), a
    part's rows may hold one number each; its title and header lines lead the reading, one a
    row. The same lines at the top of a text (no table above to cut them from) are too few."""
    tables = [
        "规章",
        "0",
        "0",
        "0",
        "行政规范性文件 5",
        "1",
        "19",
        "第二十条第（六）项",
        "信息内容",
        "本年处理决定数量",
        "行政处罚",
        "87",
        "行政强制",
        "0",
        "第二十条第（八）项",
        "信息内容",
        "本年收费金额（单位：万元）",
        "行政事业性收费 12.6",
    ]
    assert LabelStackDialect().regions(scan(tables)) == [(0, 7), (7, 14), (14, 18)]
    assert _rows(tables)[2:] == [
        ["第二十条第（六）项"],
        ["信息内容"],
        ["本年处理决定数量"],
        ["行政处罚", "87"],
        ["行政强制", "0"],
        ["第二十条第（八）项"],
        ["信息内容"],
        ["本年收费金额（单位：万元）"],
        ["行政事业性收费", "12.6"],
    ]
    assert LabelStackDialect().regions(scan(tables[7:14])) == []


def test_a_part_of_a_run_next_to_printed_empty_cells_is_left_to_cell_lines() -> None:
    """LibreOffice's txt export of a 2021 Table 2: a blank row prints its three empty cells as
    three empty lines, so the run after them is a cell-per-line dump's. A part cut from it by
    its title (`第二十条第（六）项` ...) is no whole table of this dialect: taken, it would leave
    `第二十条第（五）项` / `行政许可` / `5` as prose. Cell lines reads all of it."""
    lines = [
        "二、主动公开政府信息情况",
        "规章",
        "",
        "",
        "",
        "第二十条第（五）项",
        "信息内容",
        "本年处理决定数量",
        "行政许可",
        "5",
        "第二十条第（六）项",
        "信息内容",
        "本年处理决定数量",
        "行政处罚",
        "3",
        "行政强制",
        "0",
        "",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert LabelStackDialect().regions(scan(lines)) == []
    tables = [b for b in read_text("\n".join(lines)).blocks if isinstance(b, Table)]
    assert [(t.dialect, t.dropped_empty) for t in tables] == [("cell-lines", False)]
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["规章"],
        ["第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "5"],
        ["第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "3"],
        ["行政强制", "0"],
    ]
    # The same run with no empty cell printed above it (pdftotext's shape) keeps its part.
    assert LabelStackDialect().regions(scan(lines[5:17])) == [(5, 12)]

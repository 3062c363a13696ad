"""Cells one per line (LibreOffice txt, docx2txt, lynx shapes): the units read from the gaps,
the regions claimed, the grid read, page furniture and tool markers kept out of tables, and the
text that is not such a table. Every input is written here in the family's shape and every
expected cell checked by hand against it (the kit's noise test reads the kit's own text)."""

from __future__ import annotations

import pytest

from gov_disclosure import parse_text
from gov_disclosure.blocks import Table
from gov_disclosure.readers.text import read_text
from gov_disclosure.readers.text.dialects.cell_lines import CellLinesDialect, units
from gov_disclosure.readers.text.lines import scan
from gov_disclosure.testing import Quirks, render, zero_report

PROSE = "本机关全年主动公开政府信息一千余条，依申请公开工作平稳有序开展，未发生行政复议案件。"  # > 40

# LibreOffice's shape: a cell a line, an empty cell an empty line. 三、 spans three rows, so
# the rows under it start with the empty cell it covers (lines 12 and 17).
LIBREOFFICE = [
    PROSE,  # 1
    "三、收到和处理政府信息公开申请情况",  # 2: under prose: the tail of the text, not a cell
    "申请人情况",  # 3
    "自然人",  # 4
    "法人",  # 5
    "总计",  # 6
    "三、本年度办理结果",  # 7
    "（一）予以公开",  # 8
    "5",  # 9
    "",  # 10: 法人 blank
    "5",  # 11
    "",  # 12: covered by 三、
    "（二）部分公开",  # 13
    "",  # 14: 自然人 blank
    "1",  # 15
    "1",  # 16
    "",  # 17: covered by 三、
    "（三）不予公开",  # 18
    "",  # 19-21: a blank row
    "",
    "",
    "五、存在的主要问题及改进情况",  # 22
    PROSE,  # 23
]


def cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def read(lines: list[str]) -> list[Table]:
    doc = read_text("\n".join(lines))
    return [b for b in doc.blocks if isinstance(b, Table)]


def docx2txt(cells: list[str]) -> list[str]:
    """docx2txt's shape of the same cells: an empty line after every paragraph, so an empty
    cell is two empty lines."""
    return [line for cell in cells for line in (cell, "")]


class TestUnits:
    def test_libreoffice(self) -> None:
        # label -> value 0 lines apart; two blank cells: 2 lines
        assert units([(0, "L", "V"), (0, "V", "V"), (2, "V", "V"), (1, "V", "L")]) == (0, 1)

    def test_docx2txt(self) -> None:
        # one separator line; an empty cell two more: gaps 1, 3, 5
        assert units([(1, "L", "V"), (3, "V", "V"), (5, "V", "L"), (1, "L", "V"), (3, "V", "V")]) == (1, 2)

    def test_too_few_long_gaps_say_one_line(self) -> None:
        assert units([(1, "L", "V"), (3, "V", "V"), (5, "V", "L")]) == (1, 1)

    def test_lynx(self) -> None:
        # one separator line, an empty cell one more; a wrapped label (0) is no separator
        assert units([(0, "L", "L"), (1, "L", "V"), (2, "V", "V"), (1, "V", "V")]) == (1, 1)

    def test_no_value_after_label_takes_the_commonest_gap(self) -> None:
        assert units([(1, "V", "V"), (1, "V", "V"), (3, "V", "L"), (2, "V", "V")]) == (1, 1)

    def test_nothing(self) -> None:
        assert units([]) == (0, 1)

    def test_extra_line_closing_a_table_does_not_break_the_unit(self) -> None:
        # docx2txt: empty cells two lines each (3, 3, 5), and one more empty line after a
        # table, before a section heading over more labels (`H`)
        assert units([(1, "L", "V"), (3, "V", "V"), (3, "V", "V"), (5, "V", "L"), (2, "V", "H")]) == (1, 2)

    def test_an_odd_gap_before_a_label_still_breaks_it(self) -> None:
        assert units([(1, "L", "V"), (3, "V", "V"), (3, "V", "V"), (5, "V", "L"), (2, "V", "L")]) == (1, 1)


class TestLibreOffice:
    def test_region_leaves_headings_and_prose(self) -> None:
        # from 申请人情况 (line 3) to the blank row's last empty cell (line 21)
        assert CellLinesDialect().regions(LIBREOFFICE) == [(2, 21)]

    def test_grid(self) -> None:
        (table,) = read(LIBREOFFICE)
        assert table.dialect == "cell-lines"
        assert not table.dropped_empty
        assert cells(table) == [
            ["申请人情况", "自然人", "法人", "总计", "三、本年度办理结果", "（一）予以公开", "5", "", "5"],
            ["（二）部分公开", "", "1", "1"],
            ["（三）不予公开"],
        ]
        first = table.rows[0]
        assert [(c.pos.line, c.pos.col) for c in first[6:]] == [(9, 6), (10, 7), (11, 8)]
        assert [(c.pos.line, c.pos.col) for c in table.rows[1]] == [(13, 0), (14, 1), (15, 2), (16, 3)]

    def test_headings_stay_text(self) -> None:
        doc = read_text("\n".join(LIBREOFFICE))
        texts = [getattr(b, "text", None) for b in doc.blocks]
        assert "三、收到和处理政府信息公开申请情况" in texts
        assert "五、存在的主要问题及改进情况" in texts


class TestDocx2txt:
    def test_same_grid_in_other_units(self) -> None:
        lines = [PROSE, "", *docx2txt(LIBREOFFICE[2:21]), "五、存在的主要问题及改进情况", "", PROSE]
        (table,) = read(lines)
        assert not table.dropped_empty
        assert cells(table) == [
            ["申请人情况", "自然人", "法人", "总计", "三、本年度办理结果", "（一）予以公开", "5", "", "5"],
            ["（二）部分公开", "", "1", "1"],
            ["（三）不予公开"],
        ]


def test_a_stream_without_separators_marks_no_gaps() -> None:
    """LibreOffice's shape (no separator line): a dropped stream there is not read as gaps."""
    lines = [PROSE, *LIBREOFFICE[2:12], "（二）部分公开", "1", "1", "五、存在的主要问题及改进情况", PROSE]
    (table,) = read(lines)
    assert table.dropped_empty and not table.gaps_marked


class TestLynx:
    LINES = [
        "   三、收到和处理政府信息公开申请情况",  # 1: a heading leading the cells: text
        "",
        "                   自然人",  # 3
        "",
        "                    法人",  # 5
        "",
        "                    总计",  # 7
        "",
        "   （二）部分公开（区分处理的，只计这一情形，",  # 9: wrapped in its cell
        "               不计其他情形）",  # 10
        "",
        "                      1",  # 12
        "",
        "",  # 14: 法人 blank
        "                      1",  # 15
        "",
        "                 （三）不予公开",  # 17
        "",
        "",  # 19: 自然人 blank
        "                      2",  # 20
        "",
        "                      2",  # 22
    ]

    def test_grid(self) -> None:
        (table,) = read(self.LINES)
        assert not table.dropped_empty
        assert cells(table) == [
            ["自然人", "法人", "总计", "（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）", "1", "", "1"],
            ["（三）不予公开", "", "2", "2"],
        ]
        assert table.pos.line == 3

    def test_unprinted_blank_cells_make_a_stream(self) -> None:
        # the second row prints 2 values where the first has 3 cells: a blank was not printed
        lines = [*self.LINES[2:17], "", "                      2", "", "                      2"]
        (table,) = read(lines)
        assert table.dropped_empty
        assert cells(table)[1] == ["（三）不予公开", "2", "2"]

    def test_a_stream_that_prints_empty_cells_marks_its_gaps(self) -> None:
        # lynx prints one empty line for a run of blank cells: the empty cell at line 14 says
        # one or more columns are blank, and 2 2 (lines 20, 22) are adjacent columns
        lines = [*self.LINES[2:17], "", "                      2", "", "                      2"]
        (table,) = read(lines)
        assert table.dropped_empty and table.gaps_marked
        assert cells(table)[0][-3:] == ["1", "", "1"]

    def test_a_stream_without_empty_cells_marks_no_gaps(self) -> None:
        lines = [*self.LINES[2:13], "                      1", "", "                 （三）不予公开", "", "   2"]
        (table,) = read(lines)
        assert table.dropped_empty and not table.gaps_marked

    def test_lone_row_without_trailing_blanks_is_a_stream(self) -> None:
        # one row of values, its last printed: nothing says whether a blank was left out
        lines = [*self.LINES[2:11], "1", "", "", "1", "", "2"]
        (table,) = read(lines)
        assert table.dropped_empty
        assert cells(table) == [
            ["自然人", "法人", "总计", "（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）", "1", "", "1", "2"]
        ]

    def test_lone_row_with_trailing_blanks_keeps_places(self) -> None:
        # 1 2 3, then one blank cell printed before the heading
        lines = [*self.LINES[2:11], "1", "", "2", "", "3", "", ""]
        (table,) = read([*lines, "   五、存在的主要问题及改进情况", "", PROSE])
        assert not table.dropped_empty
        assert cells(table) == [
            ["自然人", "法人", "总计", "（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）", "1", "2", "3"]
        ]


class TestTables:
    def test_a_header_run_after_values_starts_a_table(self) -> None:
        lines = [
            "本年新",
            "本年旧",
            "规章",
            "1",
            "2",
            "行政复议",
            "行政诉讼",
            "结果维持",
            "结果纠正",
            "总计",
            "3",
            "4",
            "5",
        ]
        assert CellLinesDialect().regions(lines) == [(0, 5), (5, 13)]

    def test_blank_rows_stay_with_the_table_before(self) -> None:
        lines = ["自然人", "总计", "（一）予以公开", "1", "1", "四、结转下年度继续办理", "", ""]
        lines += ["行政复议", "行政诉讼", "结果维持", "结果纠正", "总计", "3", "4", "5"]
        assert CellLinesDialect().regions(lines) == [(0, 8), (8, 16)]


# The text above Table 2 when the overview is one short paragraph: LibreOffice's shape
TEXT_ABOVE = [
    "青山县人民政府2019年政府信息公开工作年度报告",
    "一、总体情况",
    "全年运行平稳。",
    "二、主动公开政府信息情况",
]
TABLE2 = [
    "第二十条第（一）项",
    "信息内容",
    "本年新制作数量",
    "本年新公开数量",
    "规章",
    "1",
    "2",
    "规范性文件",
    "3",
    "4",
]
TABLE2_CELLS = [
    ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "规章", "1", "2"],
    ["规范性文件", "3", "4"],
]


class TestTextAbove:
    def test_short_paragraph_and_headings_stay_text(self) -> None:
        # the paragraph (line 3) ends a sentence: it and all above are text, and so is the
        # heading 二、 that still leads; the table starts at 第二十条 (line 5)
        assert CellLinesDialect().regions([*TEXT_ABOVE, *TABLE2]) == [(4, 14)]

    def test_heading_over_its_sibling_stays_text(self) -> None:
        # no overview: 一、 right over 二、 (which heads more labels) is a section without a table
        lines = [TEXT_ABOVE[0], TEXT_ABOVE[1], TEXT_ABOVE[3], *TABLE2]
        assert CellLinesDialect().regions(lines) == [(3, 13)]

    def test_text_printed_without_separators_is_cut_a_line_at_a_time(self) -> None:
        # lynx's shape: cells one empty line apart, the text above without one (one label)
        (table,) = read([*TEXT_ABOVE, *docx2txt(TABLE2)[:-1]])
        assert cells(table) == TABLE2_CELLS
        assert table.pos.line == 5
        texts = [getattr(b, "text", None) for b in read_text("\n".join([*TEXT_ABOVE, *docx2txt(TABLE2)])).blocks]
        assert texts[:4] == TEXT_ABOVE

    def test_row_labels_right_over_each_other_stay_in_the_table(self) -> None:
        # a blank row whose empty cells were not printed: 一、 right over 二、 and its values
        lines = ["自然人", "法人", "总计", "一、本年新收", "二、上年结转", "1", "0", "1"]
        assert CellLinesDialect().regions(lines) == [(0, 8)]


class TestPageMarks:
    HEADER = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "总计", "结果维持", "结果纠正", "总计"]

    def test_page_mark_after_trailing_empty_cells_is_no_cell(self) -> None:
        # 行政复议 1, 1, 2; 行政诉讼 blank (three empty lines), then a page number and a heading
        (table,) = read([*self.HEADER, "1", "1", "2", "", "", "", "- 9 -", "五、存在的主要问题及改进情况", PROSE])
        assert not table.dropped_empty
        assert cells(table) == [[*self.HEADER, "1", "1", "2"]]

    def test_trailing_empty_cells_before_prose_are_kept(self) -> None:
        # the same row ended by prose: its empty lines still say the last group is blank
        (table,) = read([*self.HEADER, "1", "1", "2", "", "", "", PROSE])
        assert not table.dropped_empty
        assert cells(table) == [[*self.HEADER, "1", "1", "2"]]


class TestMarkers:
    HEADER = TestPageMarks.HEADER

    def test_marker_right_above_the_header_is_text(self) -> None:
        # lynx: the bookmark printed on the line above the first cell, with no empty line
        lines = [
            "四、政府信息公开行政复议、行政诉讼情况",
            "[bookmark: _Toc8]",
            *docx2txt([*self.HEADER, "1", "1", "2"]),
        ]
        (table,) = read(lines)
        assert cells(table)[0][:2] == ["行政复议", "行政诉讼"]
        assert table.pos.line == 3
        texts = [getattr(b, "text", None) for b in read_text("\n".join(lines)).blocks]
        assert texts[:2] == ["四、政府信息公开行政复议、行政诉讼情况", "[bookmark: _Toc8]"]

    @pytest.mark.parametrize("furniture", ["[image: image9.png]", "- 9 -"])
    def test_furniture_after_trailing_empty_cells_is_text(self, furniture: str) -> None:
        # lynx: a cell and its empty line; 行政诉讼 blank (three more empty lines), then an
        # image or a page number with its own empty line (lines 26-27), then the next heading:
        # the empty cells stay in the table (lines 23-25, after the 2), the furniture out of it
        tail = ["", "", "", furniture, "", "五、存在的主要问题及改进情况", PROSE]
        lines = [*docx2txt([*self.HEADER, "1", "1", "2"]), *tail]
        (table,) = read(lines)
        assert not table.dropped_empty
        assert cells(table) == [[*self.HEADER, "1", "1", "2"]]
        assert table.rows[0][-1].pos.line == 21  # the last value, 2
        texts = [getattr(b, "text", None) for b in read_text("\n".join(lines)).blocks]
        assert furniture in texts


class TestNotThisFamily:
    def test_labels_after_their_values(self) -> None:
        # pdftotext of a printed page: a header on one line, then values before their label
        lines = ["第二十条第（一）项", "信息内容 本年新制作数量", "0", "0", "0", "规章", "1", "2", "3", "规范性文件"]
        assert CellLinesDialect().regions(lines) == []

    def test_text_split_a_character_a_line(self) -> None:
        lines = ["规", "章", "0", "0", "0", "规", "范", "1", "2", "3"]
        assert CellLinesDialect().regions(lines) == []

    def test_rows_on_one_line(self) -> None:
        lines = ["规章 0 0 0", "规范性文件 1 2 3", "行政许可 4 5 6"]
        assert CellLinesDialect().regions(lines) == []

    def test_other_dialects_lines(self) -> None:
        lines = ["\t规章", "\t1", "\t2", "\t3", "", "| 规章 | 1 |", "| 规范性文件 | 2 |"]
        assert CellLinesDialect().regions(scan(lines)) == []


def test_thousands_of_small_tables() -> None:
    """100 KB of small cell tables (a header run, two values) are each read as a table (the
    search compares each with its neighbours only; its time is measured by the benchmarks,
    not asserted here)."""
    text = "\n".join(["甲甲", "乙乙", "丙丙", "丁丁", "戊戊", "1", "2"] * 8000)
    text = text.encode()[:100_000].decode(errors="ignore")
    doc = read_text(text)
    assert sum(isinstance(b, Table) for b in doc.blocks) > 2000


@pytest.mark.parametrize("form", ["cell-lines", "cell-lines-lynx", "cell-lines-docx2txt"])
def test_kit_markers_are_kept_as_markers(form: str) -> None:
    """The kit's noise (a marker or a page number before each block): no marker is a cell,
    and every one the text prints is kept in `unassigned` as a marker."""
    text = render(zero_report(), form, Quirks(noise=True))
    printed = {line.strip() for line in text.splitlines() if line.strip().startswith("[")}
    assert len(printed) >= 3
    report = parse_text(text)
    assert {u.text for u in report.unassigned if u.reason == "marker"} == printed
    tables = [b for b in read_text(text).blocks if isinstance(b, Table)]
    assert not any(c.text.strip() in printed or "[" in c.text for t in tables for row in t.rows for c in row)


def test_a_rows_blank_last_columns_are_kept_within_the_width() -> None:
    """LibreOffice's shape of a 2019 Table 2 block: 行政许可's last cell (处理决定数量) is blank,
    one empty line. The header's labels lead the first row, so only the kept empty cell says
    its two numbers are the first two columns; the row below fixes the width (3). The empty
    line after the table (before the heading) is no cell of it."""
    lines = [
        "第二十条第（五）项",
        "信息内容",
        "上一年项目数量",
        "本年增/减",
        "处理决定数量",
        "行政许可",
        "4",
        "1",
        "",
        "其他对外管理服务事项",
        "2",
        "0",
        "2",
        "",
        "三、收到和处理政府信息公开申请情况",
    ]
    (table,) = read(lines)
    assert (table.dialect, table.dropped_empty) == ("cell-lines", False)
    assert cells(table) == [
        ["第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可", "4", "1", ""],
        ["其他对外管理服务事项", "2", "0", "2"],
    ]
    assert [(c.pos.line, c.pos.col) for c in table.rows[0][6:]] == [(7, 6), (8, 7), (9, 8)]

"""The small text dialects (tika cells, TSV, pipe, markdown): the regions each claims and the
grid each reads, every cell's text and place checked by hand against the lines written here."""

from __future__ import annotations

from gov_disclosure.blocks import Position, Table
from gov_disclosure.readers.text.dialects.base import Piece
from gov_disclosure.readers.text.dialects.markdown import MarkdownDialect
from gov_disclosure.readers.text.dialects.pipe import PipeDialect
from gov_disclosure.readers.text.dialects.tika_cells import TikaCellsDialect
from gov_disclosure.readers.text.dialects.tsv import TsvDialect
from gov_disclosure.readers.text.lines import scan

PROSE = "本报告由某某人民政府办公室根据《中华人民共和国政府信息公开条例》编制"  # longer than 30


def grid(table: Table | None) -> list[list[tuple[str, int | None, int | None]]]:
    assert table is not None
    return [[(c.text, c.pos.line, c.pos.col) for c in row] for row in table.rows]


class TestTikaCells:
    LINES = [
        "二、主动公开",  # 0: a heading ends nothing yet, starts nothing
        "\t信息内容",  # 1
        "\t本年新",  # 2
        "公开数量",  # 3: the rest of the cell above, across nothing
        "",  # 4: ends the row
        "\t规章",  # 5
        "\t1",  # 6
        "",  # 7
        "\t规范性文件",  # 8
        "\t",  # 9: an empty cell
        "",  # 10
        "三、收到和处理政府信息公开申请情况",  # 11
    ]

    def test_region(self) -> None:
        assert TikaCellsDialect().regions(self.LINES) == [(1, 10)]

    def test_grid(self) -> None:
        table = TikaCellsDialect().read(self.LINES[1:10], 2)
        assert grid(table) == [
            [("信息内容", 2, 0), ("本年新\n公开数量", 3, 1)],
            [("规章", 6, 0), ("1", 7, 1)],
            [("规范性文件", 9, 0), ("", 10, 1)],
        ]
        assert table is not None and table.rows[2][1].pos == Position(line=10, row=2, col=1)
        assert (table.dialect, table.pos, table.dropped_empty) == ("tika-cells", Position(line=2), False)

    def test_a_wrapped_cell_across_a_blank_line(self) -> None:
        lines = ["\t对外公开", "", "总数量", "\t5", "\t6"]
        assert TikaCellsDialect().regions(lines) == [(0, 5)]
        # no blank line between the wrapped text and the next cell: one row
        assert grid(TikaCellsDialect().read(lines, 1)) == [[("对外公开\n总数量", 1, 0), ("5", 4, 1), ("6", 5, 2)]]

    def test_too_few_cells(self) -> None:
        assert TikaCellsDialect().regions(["\ta", "\tb", "正文"]) == []


class TestTsv:
    LINES = [
        "表格",  # 0
        "信息内容\t本年新制作数量\t本年新公开数量",  # 1
        "",  # 2: a blank line between two rows stays in the table
        "规章\t1\t",  # 3
        "规范性文件\t\t3",  # 4
        "",  # 5
        "后文",  # 6
    ]

    def test_region(self) -> None:
        assert TsvDialect().regions(self.LINES) == [(1, 5)]

    def test_grid(self) -> None:
        assert grid(TsvDialect().read(self.LINES[1:5], 2)) == [
            [("信息内容", 2, 0), ("本年新制作数量", 2, 1), ("本年新公开数量", 2, 2)],
            [("规章", 4, 0), ("1", 4, 1), ("", 4, 2)],
            [("规范性文件", 5, 0), ("", 5, 1), ("3", 5, 2)],
        ]


class TestPipe:
    STREAM = [
        PROSE,  # 0
        "信息内容",  # 1: closed by the pipe leading the next line
        "| 规章 | 1 |",  # 2
        "规范性文件 | 3",  # 3: `3` is closed on the next line
        "|",  # 4
        "行政许可 | 5 |",  # 5
        PROSE,  # 6
    ]

    def test_stream_region_starts_at_the_open_cell(self) -> None:
        assert PipeDialect().regions(self.STREAM) == [(1, 6)]

    def test_stream_grid_keeps_only_non_empty_cells(self) -> None:
        table = PipeDialect().read(self.STREAM[1:6], 2)
        assert grid(table) == [
            [("信息内容", 2, 0)],
            [("规章", 3, 0), ("1", 3, 1)],
            [("规范性文件", 4, 0), ("3", 4, 1)],
            [("行政许可", 6, 0), ("5", 6, 1)],
        ]
        assert table is not None and table.dropped_empty

    def test_framed_rows_keep_empty_cells(self) -> None:
        lines = ["| 信息内容 | 本年 | 上年 |", "| 规章 |  | 3 |", "| 规范性文件 | 2 | |"]
        assert PipeDialect().regions(lines) == [(0, 3)]
        table = PipeDialect().read(lines, 7)
        assert grid(table) == [
            [("信息内容", 7, 0), ("本年", 7, 1), ("上年", 7, 2)],
            [("规章", 8, 0), ("", 8, 1), ("3", 8, 2)],
            [("规范性文件", 9, 0), ("2", 9, 1), ("", 9, 2)],
        ]
        assert table is not None and not table.dropped_empty

    def test_light_reading(self) -> None:
        """A reading holds pieces (text, line, column, span), not cells."""
        lines = scan(["| a | b |", "| 1 | 2 |", "| 3 | 4 |"])
        reading = PipeDialect().readings(lines, [(0, 3)])[0]
        assert reading is not None and reading.rows[1] == (Piece("1", 2, 0, 1), Piece("2", 2, 1, 1))


class TestMarkdown:
    LINES = [
        "| 信息内容 | 本年 |",  # 0
        "|---|---|",  # 1
        r"| 规章 | a\|b<br>c |",  # 2
        "| 规范性文件 | |",  # 3
        "正文",  # 4
    ]

    def test_region_needs_a_rule(self) -> None:
        assert MarkdownDialect().regions(self.LINES) == [(0, 4)]
        assert MarkdownDialect().regions([self.LINES[0], self.LINES[2], self.LINES[3]]) == []

    def test_grid(self) -> None:
        assert grid(MarkdownDialect().read(self.LINES[:4], 1)) == [
            [("信息内容", 1, 0), ("本年", 1, 1)],
            [("规章", 3, 0), ("a|b\nc", 3, 1)],
            [("规范性文件", 4, 0), ("", 4, 1)],
        ]

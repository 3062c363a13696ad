"""The label-runs dialect (a large table printed as a label line, then its numbers one a line):
rows read only where a label is directly followed by as many numbers as most rows hold; runs of
another length dropped; dumps that print empty cells refused. Every input is written here by
hand in the shapes `pdftotext` without `-layout` prints (a real report's PDF: an empty line
after every cell; a browser's PDF: none, labels side by side on one line)."""

from __future__ import annotations

from collections import Counter
from itertools import takewhile

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gov_disclosure.blocks import Paragraph, Table
from gov_disclosure.readers.text import read_text
from gov_disclosure.readers.text.dialects.base import Piece, Reading
from gov_disclosure.readers.text.dialects.label_runs import LabelRunsDialect, read_runs
from gov_disclosure.readers.text.lines import scan
from gov_disclosure.readers.text.search import search

# A real report's PDF: an empty line after every cell. Header labels above the first row; the
# second row's label is followed by two rows' numbers (its own and those of （一）, whose label
# comes later with two pieces of a vertical label); a page mark between two rows; a last run
# after a one-character piece of vertical text.
SPACED = [
    "申请人情况",  # 0
    "",
    "自然人",  # 2
    "",
    "一、本年新收政府信息公开申请数量",  # 4
    "",
    "12",  # 6
    "",
    "3",  # 8
    "",
    "15",  # 10
    "",
    "二、上年结转政府信息公开申请数量",  # 12
    "",
    "1",  # 14
    "",
    "0",  # 16
    "",
    "1",  # 18
    "",
    "4",  # 20
    "",
    "1",  # 22
    "",
    "5",  # 24
    "",
    "1.属于国家秘密",  # 26
    "",
    "2",  # 28
    "",
    "0",  # 30
    "",
    "2",  # 32
    "",
    "-7-",  # 34
    "",
    "（一）予以公开",  # 36
    "本",  # 37
    "年",  # 38
    "",
    "2.重复申请",  # 40
    "",
    "6",  # 42
    "",
    "2",  # 44
    "",
    "8",  # 46
    "",
    "3.其他",  # 48
    "",
    "0",  # 50
    "",
    "0",  # 52
    "",
    "0",  # 54
    "",
    "理",  # 56
    "",
    "1",  # 58
    "",
    "1",  # 60
    "",
    "1",  # 62
]

# The table drops numbers (the run of 6), so the labels without numbers of their own (which
# may be those rows' labels) are not kept: each row has its own label only.
SPACED_ROWS = [
    ["一、本年新收政府信息公开申请数量", "12", "3", "15"],
    ["1.属于国家秘密", "2", "0", "2"],
    ["2.重复申请", "6", "2", "8"],
    ["3.其他", "0", "0", "0"],
]


def _texts(reading: Reading | Table | None) -> list[list[str]]:
    assert reading is not None
    return [[c.text for c in row] for row in reading.rows]


def test_rows_of_k_numbers_after_their_label_are_read() -> None:
    """The width is 3 (five labelled runs of 3, one of 6); the run of 6 and the run after the
    piece `理` are dropped."""
    # the block, then its parts (three rows or more) up to its third row and from its second
    assert LabelRunsDialect().regions(scan(SPACED)) == [(4, 55), (4, 47), (26, 55)]
    reading = read_runs(SPACED[4:55], 5)
    assert reading is not None and reading.dropped_empty
    assert _texts(reading) == SPACED_ROWS
    first = reading.rows[0]
    assert [(p.line, p.col) for p in first] == [(5, 0), (7, 1), (9, 2), (11, 3)]
    assert reading.rows[2][0] == Piece("2.重复申请", 41, 0)
    assert _texts(read_runs(SPACED[26:55], 27))[0] == ["1.属于国家秘密", "2", "0", "2"]


def test_read_text_keeps_the_lines_around_the_table() -> None:
    text = "\n".join(["本年度共收到申请十五件。", "", *SPACED, "", "四、政府信息公开行政复议、行政诉讼情况"])
    doc = read_text(text)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].dialect == "label-runs" and tables[0].dropped_empty
    assert _texts(tables[0]) == SPACED_ROWS
    assert tables[0].rows[0][0].pos.line == 7  # two lines above SPACED
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[:3] == ["本年度共收到申请十五件。", "申请人情况", "自然人"]
    assert paragraphs[-5:] == ["理", "1", "1", "1", "四、政府信息公开行政复议、行政诉讼情况"]


# A browser's PDF: no empty lines; a label shares its line with its first number, or with the
# group label printed beside it; a wrapped label's tail printed after the row's numbers.
PACKED = [
    "（二）部分公开 3",
    "3",
    "形，不计其他情形）",
    "1.属于国家秘密",
    "0",
    "0",
    "（三）不予 4.保护第三方合法权益 1",
    "1",
    "5.属于三类内部事务信息 0",
    "0",
]


def test_labels_side_by_side_and_a_number_on_the_label_line() -> None:
    assert LabelRunsDialect().regions(scan(PACKED)) == [(0, 10), (0, 8), (3, 10)]
    assert _texts(read_runs(PACKED)) == [
        ["（二）部分公开", "3", "3"],
        ["形，不计其他情形）", "1.属于国家秘密", "0", "0"],
        ["（三）不予", "4.保护第三方合法权益", "1", "1"],
        ["5.属于三类内部事务信息", "0", "0"],
    ]


class TestRefused:
    def test_a_dump_whose_empty_lines_are_empty_cells(self) -> None:
        """No empty line between cells but one before a number: an empty cell (LibreOffice's
        txt export), which cell lines reads."""
        lines = ["规章", "0", "", "0", "规范性文件", "1", "2", "3", "行政许可", "4", "5", "6", "其他", "7", "8", "9"]
        assert LabelRunsDialect().regions(scan(lines)) == []

    def test_a_block_next_to_two_empty_lines(self) -> None:
        rows = ["甲甲", "1", "2", "乙乙", "3", "4", "丙丙", "5", "6"]
        assert LabelRunsDialect().regions(scan(rows))[0] == (0, 9)
        assert LabelRunsDialect().regions(scan([*rows, "", "", "丁丁"])) == []
        assert LabelRunsDialect().regions(scan(["戊戊", "", "", *rows])) == []
        assert LabelRunsDialect().regions(scan([*rows, "\xa0", "丁丁"])) == []
        # two empty lines with no cell after them (the text's end, prose) are no empty cells
        assert LabelRunsDialect().regions(scan([*rows, "", ""]))[0] == (0, 9)
        assert LabelRunsDialect().regions(
            scan(
                [
                    *rows,
                    "",
                    "",
                    "以上数据截至二〇二四年十二月三十一日，由本机关政府信息公开工作机构统计汇总并负责解释说明。",
                ]
            )
        )[0] == (0, 9)

    def test_two_widths_equally_common(self) -> None:
        lines = ["甲甲", "1", "2", "乙乙", "3", "4", "丙丙", "5", "6"]
        lines += ["丁丁", "1", "2", "3", "戊戊", "4", "5", "6", "己己", "7", "8", "9"]
        assert LabelRunsDialect().regions(scan(lines)) == []

    def test_fewer_rows_than_a_table_needs(self) -> None:
        assert LabelRunsDialect().regions(scan(["甲甲", "1", "2", "乙乙", "3", "4"])) == []

    def test_prose_with_numbers_inside_ends_a_block(self) -> None:
        lines = ["甲甲", "1", "2", "乙乙", "3", "4", "统计期限自 2024 年 1 月 1 日起", "丙丙", "5", "6"]
        assert LabelRunsDialect().regions(scan(lines)) == []

    def test_numbers_after_a_header_line(self) -> None:
        """Numbers right after a header line: each row's label printed after its numbers (a
        browser's PDF of centred cells), which a label-first reading would shift by a row."""
        header = "信息内容 本年制作数量 本年公开数量 对外公开总数量"
        after = [header, "13", "13", "524", "规章", "60", "60", "368", "规范性文件", "1", "2", "3", "行政许可"]
        assert LabelRunsDialect().regions(scan(after)) == []
        before = [header, "规章", "13", "13", "524", "规范性文件", "60", "60", "368", "行政许可", "1", "2", "3"]
        assert LabelRunsDialect().regions(scan(before)) == [(1, 13)]
        assert _texts(read_runs(before[1:], 2))[0] == ["规章", "13", "13", "524"]

    def test_a_line_of_other_blank_characters(self) -> None:
        lines = ["甲甲", "1", "2", "乙乙", "3", "4", "\u2002", "丙丙", "5", "6"]
        assert LabelRunsDialect().regions(scan(lines)) == []


def test_a_run_of_another_count_ends_a_table() -> None:
    """Width 2 (five runs of 2); the run of 3 after 丁丁 is no multiple of it: the table ends
    before it, and the two rows after it are too few for a table."""
    lines = ["甲甲", "1", "2", "乙乙", "3", "4", "丙丙", "5", "6", "丁丁", "7", "8", "9"]
    lines += ["戊戊", "1", "2", "己己", "3", "4"]
    assert LabelRunsDialect().regions(scan(lines)) == [(0, 9)]


class _Strict:
    """A stricter dialect that reads the lines given, two cells from each region's first two
    lines."""

    name = "strict-test"
    prior = 1.0

    def __init__(self, *regions: tuple[int, int]) -> None:
        self.found = list(regions)

    def regions(self, lines: object) -> list[tuple[int, int]]:
        return self.found

    def read(self, lines: list[str], first_line: int) -> Table:
        rows = [(Piece(lines[0], first_line, 0), Piece(lines[1], first_line + 1, 1))]
        return Reading("strict-test", first_line, tuple(rows), dropped_empty=True).table()


ROWS = ["甲甲", "1", "2", "乙乙", "3", "4", "丙丙", "5", "6", "丁丁", "7", "8", "戊戊", "9", "0"]


def test_the_rest_of_a_block_a_stricter_dialect_read_in_part() -> None:
    """The block's region overlaps the stricter reading; its part from the third row on is
    read (and not one from the second, which overlaps too)."""
    found = search(scan(ROWS), [_Strict((0, 6)), LabelRunsDialect()])
    assert [(f.start, f.end, f.table.dialect) for f in found] == [(0, 6, "strict-test"), (6, 15, "label-runs")]
    assert _texts(found[1].table) == [["丙丙", "5", "6"], ["丁丁", "7", "8"], ["戊戊", "9", "0"]]


def test_the_middle_of_a_block_a_stricter_dialect_read_at_both_ends() -> None:
    lines = [*ROWS, "己己", "1", "2", "庚庚", "3", "4"]
    found = search(scan(lines), [_Strict((0, 6), (15, 21)), LabelRunsDialect()])
    assert [(f.start, f.end, f.table.dialect) for f in found] == [
        (0, 6, "strict-test"),
        (6, 15, "label-runs"),
        (15, 21, "strict-test"),
    ]
    assert _texts(found[1].table) == [["丙丙", "5", "6"], ["丁丁", "7", "8"], ["戊戊", "9", "0"]]


@st.composite
def _printed_tables(draw: st.DrawFn) -> tuple[dict[str, list[str]], list[str], bool]:
    """A table (row label -> numbers) and its text as `pdftotext` prints it label first: some
    rows (never the first) printed without their label, their numbers after the row before's
    and their label later, before the next label or after the table; an empty line after
    every cell or none."""
    n = draw(st.integers(3, 12))
    k = draw(st.integers(2, 7))
    truth = {f"第{i}行项目": [str(draw(st.integers(0, 999))) for _ in range(k)] for i in range(n)}
    moved = draw(st.sets(st.integers(1, n - 1), max_size=n // 2))
    spaced, at_end = draw(st.booleans()), draw(st.booleans())
    cells: list[str] = []
    later: list[str] = []
    for i, (label, numbers) in enumerate(truth.items()):
        if i in moved:
            later.append(label)
        elif at_end:
            cells.append(label)
        else:
            cells += [*later, label]
            later = []
        cells += numbers
    cells += later
    # what the width is read from: most labelled runs hold one row's numbers
    runs = Counter(
        k + k * sum(1 for _ in takewhile(moved.__contains__, range(i + 1, n))) for i in range(n) if i not in moved
    )
    assume(runs[k] > max((c for m, c in runs.items() if m != k), default=0))
    lines = [line for cell in cells for line in ([cell, ""] if spaced else [cell])]
    return truth, lines, not moved


@settings(max_examples=200, deadline=None)
@given(_printed_tables())
def test_every_row_read_is_its_labels_own(case: tuple[dict[str, list[str]], list[str], bool]) -> None:
    """Whatever rows are printed away from their label, a row read holds its label's numbers;
    a table printed whole is read whole."""
    truth, lines, whole = case
    found = search(scan(lines), [LabelRunsDialect()])
    read = {}
    for f in found:
        for row in _texts(f.table):
            labels = [t for t in row if t in truth]
            read[labels[-1]] = row[len(row) - len(truth[labels[-1]]) :]
            assert len(row) - len(labels) == len(truth[labels[-1]])
    assert all(read[label] == truth[label] for label in read)
    if whole:
        assert read == truth

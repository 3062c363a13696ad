"""The blank-padded (fixed-width) text dialect: one small hand-written fixture per quirk, each
asserting the exact grid, then the real `pdftotext -layout` output of huaian-2024.pdf and the
hand-rendered report 004_fixed_width.txt. Expected values were read by hand from the fixtures
(and, for Huai'an, from the PDF's pages 3-5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import calls, grows_linearly

from gov_disclosure.blocks import Paragraph, Position, Table
from gov_disclosure.readers.text import read_text
from gov_disclosure.readers.text.dialects.fixed_width import (
    FixedWidthDialect,
    FixedWidthFinder,
    Kind,
    cluster_columns,
    is_number,
    line_kinds,
    line_tokens,
)
from gov_disclosure.readers.text.lines import scan

DATA = Path(__file__).parent / "data"
DIALECT = FixedWidthDialect()


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def read(text: str, first_line: int = 1) -> Table:
    table = DIALECT.read(lines_of(text), first_line)
    assert table is not None
    return table


def grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def read_file(path: Path) -> tuple[list[str], list[Table]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    tables = [DIALECT.read(lines[s:e], s + 1) for s, e in DIALECT.regions(lines)]
    assert all(t is not None for t in tables)
    return lines, [t for t in tables if t is not None]


class TestTokens:
    def test_numbers(self) -> None:
        for text in ["0", "０", "3119", "+4", "-2", "－2", "96171.6", "5.49亿", "27326.00万元", "251000元", "—"]:
            assert is_number(text), text
        for text in ["1.属于国家秘密", "2024年", "（七）总计", "商业企业"]:
            assert not is_number(text), text

    def test_single_space_joins_a_label_but_splits_numbers(self) -> None:
        toks = line_tokens("(一) 予以公开   1288 21  第二十条 第（一）项")
        assert [t.text for t in toks] == ["(一) 予以公开", "1288", "21", "第二十条 第（一）项"]

    def test_ideographic_space_and_nbsp_are_blanks(self) -> None:
        toks = line_tokens("规章\u3000\u3000０\xa0\xa0１\u3000２")
        assert [t.text for t in toks] == ["规章", "０", "１", "２"]

    def test_display_and_code_point_spans(self) -> None:
        line = "规章    12"
        assert [(t.start, t.end) for t in line_tokens(line)] == [(0, 4), (8, 10)]
        assert [(t.start, t.end) for t in line_tokens(line, wide=False)] == [(0, 2), (6, 8)]

    def test_form_feed_takes_no_column(self) -> None:
        assert [(t.text, t.start) for t in line_tokens("\f  法提供  11", wide=False)] == [("法提供", 2), ("11", 7)]

    def test_columns_tolerate_jitter_but_not_two_cells_of_one_line(self) -> None:
        toks = line_tokens("a  61  4", 0, wide=False) + line_tokens("b     0  4", 1, wide=False)
        cols = cluster_columns([t for t in toks if is_number(t.text)])
        assert [[t.text for t in c.tokens] for c in cols] == [["61", "0"], ["4", "4"]]


class TestRows:
    def test_wrapped_label_joins_the_cell_above(self) -> None:
        table = read(
            "项目                  数量    金额\n"
            "（二）部分公开（区分   447      12\n"
            "处理的）\n"
            "（三）其他               7       1"
        )
        assert grid(table) == [
            ["项目", "数量", "金额"],
            ["（二）部分公开（区分\n处理的）", "447", "12"],
            ["（三）其他", "7", "1"],
        ]
        assert table.rows[1][0].pos == Position(line=2, row=1, col=0)

    def test_label_centred_on_the_middle_line(self) -> None:
        """pdftotext gives a label wrapped over three lines with the numbers on the middle one."""
        table = read(
            "一、本年新收                      10       2      12\n"
            "\n"
            "      （二）部分公开（区分处理的，\n"
            "                           447       7     454\n"
            "      只计这一情形）\n"
            "\n"
            "      （三）予以公开                5       0       5",
            first_line=11,
        )
        assert grid(table) == [
            ["一、本年新收", "", "10", "2", "12"],
            ["", "（二）部分公开（区分处理的，\n只计这一情形）", "447", "7", "454"],
            ["", "（三）予以公开", "5", "0", "5"],
        ]
        assert table.rows[1][1].pos == Position(line=13, row=1, col=1)
        assert table.rows[1][2].pos == Position(line=14, row=1, col=2)

    def test_centred_merged_headers_and_blank_cells(self) -> None:
        table = read(
            "                          申请人情况\n"
            "                         法人或其他组织\n"
            "           自然人    商业企业     科研机构    总计\n"
            "本年新收      3          1                      4\n"
            "上年结转                              2         2"
        )
        assert grid(table) == [
            ["", "", "申请人情况", "", ""],
            ["", "", "法人或其他组织", ""],
            ["", "自然人", "商业企业", "科研机构", "总计"],
            ["本年新收", "3", "1", "", "4"],
            ["上年结转", "", "", "2", "2"],
        ]
        merged = table.rows[1][2]
        assert (merged.pos.col, merged.colspan) == (2, 2)
        assert [c.pos.col for c in table.rows[4]] == [0, 1, 2, 3, 4]
        assert table.rows[4][1].pos.line == 5

    def test_stacked_blocks_with_three_and_two_value_columns(self) -> None:
        table = read(
            "                   第二十条第（一）项\n"
            "信息内容       本年新制作数量  本年新公开数量  对外公开总数量\n"
            "规章                  0               1               5\n"
            "规范性文件           12              12              230\n"
            "                   第二十条第（八）项\n"
            "信息内容           上一年项目数量             本年增/减\n"
            "行政事业性收费           39                      -2\n"
            "                   第二十条第（九）项\n"
            "信息内容            采购项目数量             采购总金额\n"
            "政府集中采购              8                    5.49亿"
        )
        assert grid(table) == [
            ["", "第二十条第（一）项", "", ""],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "0", "1", "5"],
            ["规范性文件", "12", "12", "230"],
            ["", "第二十条第（八）项", ""],
            ["信息内容", "上一年项目数量", "本年增/减"],
            ["行政事业性收费", "39", "-2"],
            ["", "第二十条第（九）项", ""],
            ["信息内容", "采购项目数量", "采购总金额"],
            ["政府集中采购", "8", "5.49亿"],
        ]

    def test_left_aligned_caption_after_data_starts_the_next_block(self) -> None:
        """w3m's CSS tables: a block's caption sits in the label column right under the last
        data row; a header row below it tells it from a wrapped label."""
        table = read(
            "第二十条第（一）项\n"
            "信息内容             本年新制作数量 本年新公开数量\n"
            "规章                 0              1\n"
            "规范性文件           25             26\n"
            "第二十条第（五）项\n"
            "信息内容             上一年项目数量 本年增/减\n"
            "行政许可             232            234"
        )
        assert grid(table) == [
            ["第二十条第（一）项", "", ""],
            ["信息内容", "本年新制作数量", "本年新公开数量"],
            ["规章", "0", "1"],
            ["规范性文件", "25", "26"],
            ["第二十条第（五）项", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减"],
            ["行政许可", "232", "234"],
        ]

    def test_wrapped_label_above_a_one_cell_caption_still_joins(self) -> None:
        """A one-cell line over the values is a caption, not a header row: the label line
        above it is the row's wrap."""
        table = read(
            "信息  上一   本年\n行政  0      0\n强制\n    第二十条第（八）项\n信息  上一   本年\n行政  3      -2"
        )
        assert grid(table)[1] == ["行政\n强制", "0", "0"]

    @pytest.mark.parametrize(
        ("text", "wide"),
        [
            (
                "信息内容          上一年    本年\n"
                "行政许可            1152      20\n"
                "其他对外管理服务事项   5      +4\n"
                "行政处罚              39     －2",
                True,
            ),
            (
                "信息内容                 上一年      本年\n"
                "行政许可                1152      20\n"
                "其他对外管理服务事项             5      +4\n"
                "行政处罚                  39      －2",
                False,
            ),
        ],
        ids=["display-aligned", "code-point-aligned"],
    )
    def test_display_and_code_point_alignment_read_alike(self, text: str, wide: bool) -> None:
        lines = lines_of(text)
        finders = DIALECT.finders(lines)
        assert min(finders, key=lambda f: f.score).wide is wide
        assert grid(read(text)) == [
            ["信息内容", "上一年", "本年"],
            ["行政许可", "1152", "20"],
            ["其他对外管理服务事项", "5", "+4"],
            ["行政处罚", "39", "－2"],
        ]

    def test_group_labels(self) -> None:
        """A value-less group label joins the deeper row below it; a blank row of the same or a
        higher level than the next row's label (a blank （七）总计) stays a row of its own."""
        table = read(
            "一、本年新收                                   10       2      12\n"
            "三、本年度办理结果  （一）予以公开              5       0       5\n"
            "                    （三）不予公开\n"
            "                        1.属于国家秘密          1       0       1\n"
            "                    （七）总计\n"
            "四、结转下年度继续办理                          4       2       6"
        )
        assert grid(table) == [
            ["一、本年新收", "", "", "10", "2", "12"],
            ["三、本年度办理结果", "（一）予以公开", "", "5", "0", "5"],
            ["", "（三）不予公开", "1.属于国家秘密", "1", "0", "1"],
            ["", "（七）总计", "", "", "", ""],
            ["四、结转下年度继续办理", "", "", "4", "2", "6"],
        ]
        assert table.rows[2][1].pos.line == 3
        assert table.rows[3][3].pos.line == 5

    def test_page_break_restarts_the_columns(self) -> None:
        """pdftotext shifts the columns on the next page; the page number is not a cell."""
        table = read(
            "一、本年新收            10      2     12\n"
            "（四）无法提供           1      0      1\n"
            "\n"
            "                  -4-\n"
            "\f二、上年结转                 3       1       4"
        )
        assert grid(table) == [
            ["一、本年新收", "10", "2", "12"],
            ["（四）无法提供", "1", "0", "1"],
            ["二、上年结转", "3", "1", "4"],
        ]

    def test_a_page_break_after_data_keeps_the_pages_own_columns(self) -> None:
        """Chromium's PDFs have no page number: pdftotext starts the next page with a form feed
        and lays it out anew, its columns drifted. A page with as many columns as the block
        before it, all of them printed there, keeps its own, matched one to one."""
        table = read(
            "（一）予以公开   1  2  3\n"
            "（二）部分公开   4  5  6\n"
            "\f（三）不予公开       7  8  9\n"
            "（四）无法提供       1  0  1"
        )
        assert grid(table) == [
            ["（一）予以公开", "1", "2", "3"],
            ["（二）部分公开", "4", "5", "6"],
            ["（三）不予公开", "7", "8", "9"],
            ["（四）无法提供", "1", "0", "1"],
        ]

    def test_a_page_that_cannot_be_matched_is_read_with_the_block_before(self) -> None:
        """Fewer columns on the next page: which ones are blank is not known, so the break
        changes nothing (the columns are found over both pages, as without it)."""
        text = (
            "（一）予以公开   1  2  3\n（二）部分公开   4  5  6\n"
            "\f（三）不予公开       7     9\n（四）无法提供       1     1"
        )
        assert grid(read(text)) == grid(read(text.replace("\f", "")))

    def test_table_metadata(self) -> None:
        table = read("规章          1    2\n规范性文件    3    4", first_line=40)
        assert (table.dialect, table.pos, table.dropped_empty) == ("fixed-width", Position(line=40), False)
        assert [c.pos for c in table.rows[1]] == [Position(line=41, row=1, col=c) for c in range(3)]

    def test_no_numbers_no_table(self) -> None:
        assert DIALECT.read(["象山县人民政府办公室    2021年1月", "联系人  张三"], 1) is None


class TestRegions:
    def test_tables_between_prose_and_headings(self) -> None:
        lines = lines_of(
            "   本报告由某某人民政府办公室根据《中华人民共和国政府信息公开条例》编制。\n"  # 0
            "这是第二行正文，没有多余的空格，也不是表格的一部分内容，只是一段普通的文字\n"  # 1
            "二、主动公开政府信息情况\n"  # 2
            "第二十条第（一）项\n"  # 3
            "信息内容      本年新制作数量   本年新公开数量\n"  # 4
            "规章               1               2\n"  # 5
            "规范性文件         3               4\n"  # 6
            "\n"  # 7
            "三、收到和处理政府信息公开申请情况\n"  # 8
            "              自然人    总计\n"  # 9
            "一、本年新收      5        5\n"  # 10
            "\n"  # 11
            "二、上年结转      0        0\n"  # 12
            "   五、存在的主要问题及改进情况\n"  # 13
            "   还有一些需要加强和改进的地方。"  # 14
        )
        assert DIALECT.regions(lines) == [(3, 7), (9, 13)]
        kinds = line_kinds(lines)
        assert [kinds[i] for i in (0, 2, 3, 8, 13)] == [Kind.OTHER, Kind.HEADING, Kind.TEXT, Kind.HEADING, Kind.HEADING]

    def test_other_dialects_are_not_claimed(self) -> None:
        tsv = ["信息内容\t本年新制作数量\t本年新公开数量", "规章\t1\t2", "规范性文件\t3\t4"]
        pipe = ["| 信息内容   | 本年新制作数量 |", "| 规章       | 1              |", "| 规范性文件 | 3              |"]
        tika = ["\t规章", "\t1", "", "\t规范性文件", "\t3"]
        assert DIALECT.regions(tsv) == DIALECT.regions(pipe) == DIALECT.regions(tika) == []

    def test_linear_time(self) -> None:
        def lines(n: int) -> list[str]:
            rows = [f"第{i}项申请事项{' ' * 12}{i:>6}  {i % 7:>6}  {i + i % 7:>6}" for i in range(n)]
            return ["   正文段落，没有多余的空格。"] * 10 + ["项目名称" + " " * 14 + "自然人    法人    总计", *rows]

        def work(n: int) -> None:
            text = lines(n)
            start, end = DIALECT.regions(text)[0]
            DIALECT.read(text[start:end], start + 1)

        assert grows_linearly(lambda n: calls(lambda: work(n)), 240)
        text = lines(480)
        regions = DIALECT.regions(text)
        table = DIALECT.read(text[regions[0][0] : regions[0][1]], regions[0][0] + 1)
        assert regions == [(10, 491)] and table is not None and len(table.rows) == 481

    def test_a_page_break_on_every_row_stays_linear(self) -> None:
        """Every page a block of its own (drifting columns on every other page): 100 KB in time."""

        def text(pages: int) -> str:
            return "\f行   1   0   1\n政\n\f行     1   0   1\n政\n" * pages

        assert grows_linearly(lambda n: calls(lambda: read_text(text(n))), 300)
        doc = read_text(text(2400)[:100_000])
        assert any(isinstance(b, Table) and len(b.rows) > 4000 for b in doc.blocks)


# Read by hand from huaian-2024.pdf, pages 4-5: label start -> the 7 applicant columns.
HUAIAN_T3 = {
    "一、本年新收": "3001 53 0 0 61 4 3119",
    "二、上年结转": "34 0 0 0 0 0 34",
    "（一）予以公开": "1288 21 0 0 50 3 1362",
    "（二）部分公开": "447 7 0 0 0 0 454",
    "1.属于国家秘密": "2 0 0 0 0 0 2",
    "2.其他法律": "30 1 0 0 0 0 31",
    "3.危及": "5 0 0 0 0 0 5",
    "4.保护第三方": "6 0 0 0 0 0 6",
    "5.属于三类": "7 1 0 0 0 0 8",
    "6.属于四类": "12 0 0 0 0 0 12",
    "7.属于行政执法": "9 0 0 0 0 0 9",
    "8.属于行政查询": "105 0 0 0 0 0 105",
    "1.本机关不掌握": "746 12 0 0 10 1 769",
    "2.没有现成信息": "11 0 0 0 0 0 11",
    "3.补正后": "1 0 0 0 0 0 1",
    "1.信访举报": "56 6 0 0 0 0 62",
    "2.重复申请": "25 0 0 0 0 0 25",
    "3.要求提供公开出版物": "0 0 0 0 0 0 0",
    "4.无正当理由": "0 0 0 0 0 0 0",
    "5.要求行政机关确认": "1 0 0 0 0 0 1",
    "1、申请人无正当理由": "67 3 0 0 1 0 71",
    "2、申请人逾期未按": "6 0 0 0 0 0 6",
    "3、其他": "108 2 0 0 0 0 110",
    "（七）总计": "2932 53 0 0 61 4 3050",
    "四、结转下年度": "103 0 0 0 0 0 103",
}


def row_values(table: Table, label: str, nlab: int) -> list[str]:
    rows = [r for r in table.rows if any(c.text.startswith(label) for c in r[:nlab])]
    assert len(rows) == 1, label
    assert [c.pos.col for c in rows[0][nlab:]] == list(range(nlab, len(rows[0])))
    return [c.text for c in rows[0][nlab:]]


@pytest.fixture(scope="module")
def huaian() -> list[Table]:
    """`pdftotext -layout huaian-2024.pdf` (poppler 22.12), committed as huaian-2024.layout.txt."""
    lines, tables = read_file(DATA / "real" / "huaian-2024.layout.txt")
    assert [t.pos.line for t in tables] == [66, 112, 203]
    assert lines[65] == "第二十条 第（一）项"
    return tables


@pytest.fixture(scope="module")
def rendered004() -> list[Table]:
    """tests/data/rendered/004_fixed_width.txt: display-aligned, merged headers centred."""
    _, tables = read_file(DATA / "rendered" / "004_fixed_width.txt")
    assert [t.pos.line for t in tables] == [30, 51, 82]
    return tables


class TestHuaianLayout:
    """The real pdftotext output: code-point alignment, middle-line labels, a page break."""

    def test_table2(self, huaian: list[Table]) -> None:
        values = {r[0].text: [c.text for c in r[1:]] for r in huaian[0].rows}
        assert values["规章"] == ["1", "0", "11"]
        assert values["行政规范性文件"] == ["8", "26", "66"]
        assert values["行政许可"] == ["447228"]
        assert values["行政处罚"] == ["3985758"]
        assert values["行政强制"] == ["88283"]
        assert values["行政事业性收费"] == ["96171.6"]
        assert values["信息内容"][0] in ("本年制发件数", "本年处理决定数量", "本年收费金额（单位：万元）")

    def test_table3_every_row(self, huaian: list[Table]) -> None:
        t3 = huaian[1]
        assert len(t3.rows[1]) == 8 and all(len(r) == 10 for r in t3.rows[2:])  # the corner spans 3
        for label, numbers in HUAIAN_T3.items():
            assert row_values(t3, label, 3) == numbers.split(), label
        new, carried, total, forward = (
            int(row_values(t3, k, 3)[-1]) for k in ("一、本年新收", "二、上年结转", "（七）总计", "四、结转下年度")
        )
        assert (new, carried, total, forward) == (3119, 34, 3050, 103) and new + carried == total + forward

    def test_table3_wrapped_labels(self, huaian: list[Table]) -> None:
        labels = {c.text for r in huaian[1].rows for c in r[:3]}
        assert "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）" in labels
        assert "5.要求行政机关确认或重新出\n具已获取信息" in labels
        assert "1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请" in labels
        assert "2、申请人逾期未按收费通知要\n求缴纳费用、行政机关不再处理\n其政府信息公开申请" in labels
        assert "（五）不\n予处理" in labels
        corner = huaian[1].rows[1][0]
        assert corner.text == "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）"
        assert (corner.pos.line, corner.colspan) == (115, 3)

    def test_table4(self, huaian: list[Table]) -> None:
        data = huaian[2].rows[-1]
        numbers = [int(c.text) for c in data]
        assert numbers == [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
        assert [c.pos for c in data] == [Position(line=220, row=len(huaian[2].rows) - 1, col=k) for k in range(15)]
        for group in (numbers[0:5], numbers[5:10], numbers[10:15]):
            assert sum(group[:4]) == group[4]
        leaves = [c.text for c in huaian[2].rows[-2]]
        assert leaves == ["", "", "", "", "", "维持", "纠正", "结果", "审结", "", "维持", "纠正", "结果", "结", ""]


def t3(labels: tuple[str, str, str], numbers: str) -> list[str]:
    return [*labels, *numbers.split()]


class TestRendered004:
    """The hand-rendered report: every row's cells of its three tables."""

    def test_table2(self, rendered004: list[Table]) -> None:
        head5 = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
        assert grid(rendered004[0]) == [
            ["", "第二十条第（一）项", "", ""],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "0", "0", "0"],
            ["规范性文件", "39", "39", "222"],
            ["", "第二十条第（五）项", "", ""],
            head5,
            ["行政许可", "1152", "20", "57845"],
            ["其他对外管理服务事项", "1255", "51", "415826"],
            ["", "第二十条第（六）项", "", ""],
            head5,
            ["行政处罚", "2939", "2", "8179"],
            ["行政强制", "106", "1", "2807"],
            ["", "第二十条第（八）项", ""],
            ["信息内容", "上一年项目数量", "本年增/减"],
            ["行政事业性收费", "39", "3"],
            ["", "第二十条第（九）项", ""],
            ["信息内容", "采购项目数量", "采购总金额"],
            ["政府集中采购", "823", "189131144"],
        ]

    def test_table3(self, rendered004: list[Table]) -> None:
        no = ("", "", "")
        corner = "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）"
        leaves = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
        assert grid(rendered004[1]) == [
            [corner, "", "", "", "申请人情况", "", "", ""],
            ["", "", "", "", "", "", "法人或其他组织", "", "", ""],
            t3(no, leaves),
            t3(("一、本年新收到政府信息公开申请数量", "", ""), "167 4 0 0 0 1 172"),
            t3(("二、上年转结政府信息公开申请数量", "", ""), "4 0 0 0 0 0 4"),
            t3(("三、本年度办理结果", "（一）予以公开", ""), "87 0 0 0 0 1 88"),
            t3(("", "（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）", ""), "16 1 0 0 0 0 17"),
            t3(("", "（三）不予公开", "1.属于国家秘密"), "0 0 0 0 0 0 0"),
            t3(("", "", "2.其他法律行政法规禁止公开"), "1 0 0 0 0 0 1"),
            t3(("", "", "3.危及“三安全一稳定”"), "0 0 0 0 0 0 0"),
            t3(("", "", "4.保护第三方合法权益"), "1 0 0 0 0 0 1"),
            t3(("", "", "5.属于三类内部事务信息"), "2 1 0 0 0 0 3"),
            t3(("", "", "6.属于四类过程性信息"), "2 0 0 0 0 0 2"),
            t3(("", "", "7.属于行政执法案卷"), "3 0 0 0 0 0 3"),
            t3(("", "", "8.属于行政查询事项"), "4 0 0 0 0 0 4"),
            t3(("", "（四）无法提供", "1.本机关不掌握相关政府信息"), "37 2 0 0 0 0 39"),
            t3(("", "", "2.没有现成信息需要另行制作"), "1 0 0 0 0 0 1"),
            t3(("", "", "3.补正后申请内容仍不明确"), "1 0 0 0 0 0 1"),
            t3(("", "（五）不予处理", "1.信访举报投诉类申请"), "0 0 0 0 0 0 0"),
            t3(("", "", "2.重复申请"), "7 0 0 0 0 0 7"),
            t3(("", "", "3.要求提供公开出版物"), "0 0 0 0 0 0 0"),
            t3(("", "", "4.无正当理由大量反复申请"), "0 0 0 0 0 0 0"),
            t3(("", "", "5.要求行政机关确认或重新\n出具已获取信息"), "0 0 0 0 0 0 0"),
            t3(("", "（六）其他处理", ""), "9 0 0 0 0 0 9"),
            t3(("", "（七）总计", ""), "170 4 0 0 0 1 175"),
            t3(("四、转结下年度继续办理", "", ""), "1 0 0 0 0 0 1"),
        ]
        assert (rendered004[1].rows[0][0].colspan, rendered004[1].rows[0][4].pos.col) == (3, 6)
        wrapped = rendered004[1].rows[6][1]
        assert wrapped.pos == Position(line=57, row=6, col=1)

    def test_table4(self, rendered004: list[Table]) -> None:
        leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        top = ["", "", "行政复议", "", "", "", "", "", "", "", "行政诉讼", "", "", "", ""]
        middle = ["", "", "", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", ""]
        assert grid(rendered004[2]) == [top, middle, leaves * 3, "6 2 1 0 9 1 0 3 2 6 1 0 1 0 2".split()]


class TestHeaderColumns:
    """Columns that only the header shows (a column blank on every row), numbers printed one
    blank after their label, and headers that cannot place the values. Every grid was read by
    hand from the fixture above it (display columns: a CJK character is two wide)."""

    BLANK_COLUMNS = "\n".join(
        [
            "            申请人情况",
            "说明        自然 商 科    总",
            "            人   业 研    计",
            "                 企 机",
            "一、新收    23            23",
            "二、结转    2             2",
            "三、办结",
            "   1.禁止公 0             0",
        ]
    )

    def test_stacked_header_words_open_empty_columns(self) -> None:
        rows = grid(read(self.BLANK_COLUMNS))
        assert rows[1] == ["说明", "自然", "商", "科", "总"]  # the corner spans both label columns
        assert rows[2] == ["", "", "人", "业", "研", "计"]  # one header word per column
        assert rows[4] == ["一、新收", "", "23", "", "", "23"]  # 商 and 科 are blank, not 23
        assert rows[5] == ["二、结转", "", "2", "", "", "2"]

    def test_number_one_blank_after_its_label_is_parted(self) -> None:
        rows = grid(read(self.BLANK_COLUMNS))
        assert rows[-1] == ["三、办结", "1.禁止公", "0", "", "", "0"]

    def test_a_lone_word_opens_no_column(self) -> None:
        text = "\n".join(["        结 果    其他", "        维       结果", "一      3        4", "二      5        6"])
        rows = grid(read(text))
        assert rows[2:] == [["一", "3", "4"], ["二", "5", "6"]]  # `果` is half of `结 果`, not a column

    def test_values_the_header_cannot_place_are_a_stream(self) -> None:
        text = "\n".join(
            [
                "说明        自然 商 科    总",
                "            业 研 其 计",
                "            人 企 机 他",
                "一、新收       23             23",
                "二、结转       2              2",
            ]
        )
        lines = lines_of(text)
        regions = DIALECT.regions(lines)
        assert regions == [(0, 5)]
        (reading,) = DIALECT.readings(scan(lines), regions)
        assert reading is not None and reading.dropped_empty  # the second 23 stands under no header column
        assert [[p.text for p in row] for row in reading.rows][3:] == [["一、新收", "23", "23"], ["二、结转", "2", "2"]]

    def test_an_unplaceable_block_is_a_region_of_its_own(self) -> None:
        table2 = ["信息内容    本年新增    总数", "规章        1           5", "规范性文件  2           7"]
        table3 = ["说明        自然 商 科    总", "            业 研 其 计", "            人 企 机 他"]
        table3 += ["一、新收       23             23", "二、结转       2              2"]
        lines = table2 + table3
        assert DIALECT.regions(lines) == [(0, 3), (3, 8)]
        first, second = DIALECT.readings(scan(lines), DIALECT.regions(lines))
        assert first is not None and not first.dropped_empty
        assert [[p.text for p in row] for row in first.rows][1:] == [["规章", "1", "5"], ["规范性文件", "2", "7"]]
        assert second is not None and second.dropped_empty


def test_single_spaced_header_words_open_empty_columns() -> None:
    """Header words one blank apart (a browser PDF's compressed header), values under three of
    five: the two bare words are columns of their own, blank on every row (hand-aligned)."""
    text = "\n".join(
        [
            "                    甲方 乙方 丙方 丁方 总计",
            "一、新收申请          5    3              8",
            "二、上年结转          1    0              1",
        ]
    )
    assert grid(read(text)) == [
        ["", "甲方", "乙方", "丙方", "丁方", "总计"],
        ["一、新收申请", "5", "3", "", "", "8"],
        ["二、上年结转", "1", "0", "", "", "1"],
    ]


def test_indented_header_line_is_no_prose() -> None:
    """A single-cell header standing far right ends past two prose widths, yet is narrower than
    one: it is a table line and opens the region (prose is measured by its own width)."""
    lines = [
        "正文一段。",
        "",
        " " * 43 + "商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        "一、本年新收申请数量      821  35   2    1 859",
        "二、上年结转申请数量       18             18",
    ]
    assert line_kinds(lines)[2] is Kind.TEXT
    assert DIALECT.regions(lines) == [(2, 5)]


def test_form_feeds_reach_the_dialects_but_not_the_paragraphs() -> None:
    """A form feed starts a page only at a line's start (Chromium's PDFs also leave them
    inside lines): those reach the dialects, no paragraph keeps one."""
    doc = read_text("一、总体情况\n\f本年度，我局加强公\f开。\n")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["一、总体情况", "本年度，我局加强公开。"]


def test_an_item_number_a_line_apart_leads_its_label() -> None:
    """Chromium's PDFs print a wrapped label's item number on a line of its own, between the
    label's lines: it leads the label all the same."""
    table = read(
        "       属于三类内部事\n"
        "      5.\n"
        "      务信息        2    1    3\n"
        "\n"
        "       属于四类过程性\n"
        "      6.\n"
        "      信息         0    2    2"
    )
    assert [row[0].text for row in table.rows] == ["5.属于三类内部事\n务信息", "6.属于四类过程性\n信息"]
    assert grid(table)[0][1:] == ["2", "1", "3"]


def test_label_lines_after_a_page_break_with_the_next_rows_number_go_to_it() -> None:
    """A form feed ends the row above: the label lines that open the next page, an item number
    among them, are the next row's (Chromium: `属于行政查询事` / `8.` / `项  4 0 4`)."""
    table = read(
        "       属于行政执法案\n"
        "      7.\n"
        "      卷           3    0    3\n"
        "\f       属于行政查询事\n"
        "      8.\n"
        "      项           4    0    4"
    )
    assert grid(table) == [["7.属于行政执法案\n卷", "3", "0", "3"], ["8.属于行政查询事\n项", "4", "0", "4"]]


def test_a_label_printed_down_its_cell_goes_on_after_a_page_break() -> None:
    """LibreOffice prints a narrow label one character a line: the characters that open the
    next page, above a row with a label of its own, end the label of the row before."""
    table = read("行   1   0   1\n政\n\f处\n罚\n行   2   0   2\n政\n强\n制")
    assert grid(table) == [["行\n政\n处\n罚", "1", "0", "1"], ["行\n政\n强\n制", "2", "0", "2"]]


def test_a_value_a_blank_after_its_label_under_the_header_of_a_block_of_one_row() -> None:
    """w3m pads the label column to its widest label, so that label's value is one blank
    away; in a block of one row no other value shows the column, its header does."""
    table = read(
        "第二十条第（六）项\n"
        "信息内容       本年处理决定数量\n"
        "行政处罚       5\n"
        "第二十条第（八）项\n"
        "信息内容       本年收费金额（单位：万元）\n"
        "行政事业性收费 12.6"
    )
    assert grid(table)[3:] == [
        ["第二十条第（八）项", ""],
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", "12.6"],
    ]


def test_numbers_parted_from_labels_widen_the_column_for_the_next() -> None:
    """A parted number widens its column by one, which may then touch the number of another
    label: parting goes on until nothing changes (chromium's `3.危及“三安全一稳定” 0 0 0`)."""
    table = read("1.属于国家秘密      5  6\n2.其他法律行政法规禁止 4   6\n3.危及三安全一稳定事 7    8")
    assert grid(table) == [
        ["1.属于国家秘密", "5", "6"],
        ["2.其他法律行政法规禁止", "4", "6"],
        ["3.危及三安全一稳定事", "7", "8"],
    ]


def test_a_row_printed_over_two_lines_of_its_wrapped_label_is_one_row() -> None:
    """Chromium's PDFs through pdftotext: the first cell's number on the label's first line,
    the others on its second; the second line's label is no item of its own."""
    table = read(
        "一、本年新收          167\n"
        "请数量                    4     0     171\n"
        "二、上年结转          3      1     0     4"
    )
    assert grid(table) == [["一、本年新收\n请数量", "167", "4", "0", "171"], ["二、上年结转", "3", "1", "0", "4"]]


def test_a_parent_label_run_into_its_childs_by_a_single_blank_is_parted() -> None:
    """w3m (CSS borders) and pdftotext leave one blank between a narrow parent label's wrap
    and the row's own label: the word led by an item number at the next label column is the
    row's own label."""
    table = read(
        "                        1.本机关不掌握相关  37    2   39\n"
        "                        政府信息\n"
        "\n"
        "             （四）无法 2.没有现成信息需要  1     0    1\n"
        "             提供       另行制作\n"
        "\n"
        "                        3.补正后申请内容仍  1     0    1\n"
        "                        不明确"
    )
    assert grid(table) == [
        ["", "1.本机关不掌握相关\n政府信息", "37", "2", "39"],
        ["（四）无法\n提供", "2.没有现成信息需要\n另行制作", "1", "0", "1"],
        ["", "3.补正后申请内容仍\n不明确", "1", "0", "1"],
    ]


def test_number_touching_its_column_is_parted_from_the_label() -> None:
    """pdftotext moves a cell by a column now and then: a number a single blank after its
    label that ends where the value column starts is still the row's first value."""
    table = read("1.属于国家秘密  5  6\n2.其他法律行政 4   6\n3.危及三安全一  7  8")
    assert grid(table) == [
        ["1.属于国家秘密", "5", "6"],
        ["2.其他法律行政", "4", "6"],
        ["3.危及三安全一", "7", "8"],
    ]


def test_item_number_after_a_single_blank_starts_a_row() -> None:
    """A parent label wrapping beside its children (`不予处 3.…`, `理  4.…`, w3m's CSS tables):
    each line with an item number is a row of its own, blank, and does not join the row above;
    the parent's part and the child's label are parted at the child's column."""
    text = "\n".join(
        [
            "                           自然人  总计",
            "一、本年新收                  5      5",
            "    （五） 2.重复申请         2      2",
            "    不予处 3.要求提供出版物",
            "    理     4.大量反复申请",
            "           1.逾期不补正       1      1",
        ]
    )
    assert grid(read(text)) == [
        ["", "", "", "自然人", "总计"],
        ["一、本年新收", "", "", "5", "5"],
        ["", "（五）", "2.重复申请", "2", "2"],
        ["", "不予处", "3.要求提供出版物", "", ""],
        ["", "理", "4.大量反复申请", "", ""],
        ["", "", "1.逾期不补正", "1", "1"],
    ]


def test_indented_wrapped_label_lines_are_no_prose() -> None:
    """A long label wrapped inside its cell over two lines, each a single cell over a prose
    width, indented under its column (a browser PDF's `（六）其他处理`): table lines, so the
    region runs on to the rows below. A paragraph whose lines return to the margin stays prose."""
    lines = [
        "                                                  自然人      总计",
        "      1.逾期不补正、行政机关不再处理                   1         1",
        "      （六）其 2.逾期未按收费通知要求缴纳费用行政",
        "      他处理 机关不再处理其政府信息公开申请及其",
        "             3.其他",
        "      （七）总计                                      42        42",
        "四、结转下年度继续办理                                 2         2",
        "",
        "    本机关将进一步完善政府信息公开工作制度，加强",
        "培训，提高工作人员的业务能力和服务群众的水平，",
        "努力做好依申请公开工作。",
    ]
    kinds = line_kinds(lines)
    assert [kinds[i] for i in (2, 3, 8, 9)] == [Kind.TEXT, Kind.TEXT, Kind.OTHER, Kind.OTHER]
    assert DIALECT.regions(lines) == [(0, 7)]
    assert grid(read("\n".join(lines[:7])))[-2:] == [
        ["", "（七）总计", "", "42", "42"],
        ["四、结转下年度继续办理", "", "", "2", "2"],
    ]


class TestDriftedBlocks:
    """A later block of a table whose header shows blank columns: placed by position only when
    its columns line up with the first block's printed ones (hand-aligned, display columns)."""

    HEAD = [
        "            申请人情况",
        "说明        自然 商 科    总",
        "            人   业 研    计",
        "                 企 机",
        "一、新收    23            23",
        "二、结转    2             2",
        "- 1 -",
    ]

    def test_a_block_in_line_is_placed_by_position(self) -> None:
        text = "\n".join([*self.HEAD, "三、办结    5             5"])
        (reading,) = DIALECT.readings(scan(lines_of(text)), DIALECT.regions(lines_of(text)))
        assert reading is not None and not reading.dropped_empty
        assert [p.text for p in reading.rows[-1]] == ["三、办结", "5", "", "", "5"]  # 商 and 科 stay blank

    def test_a_drifted_block_makes_the_table_a_stream(self) -> None:
        text = "\n".join([*self.HEAD, "三、办结     5        5"])  # 5 under 商 (blank above), 5 under nothing
        lines = lines_of(text)
        assert DIALECT.regions(lines) == [(0, 8)]
        (reading,) = DIALECT.readings(scan(lines), DIALECT.regions(lines))
        assert reading is not None and reading.dropped_empty
        assert [p.text for p in reading.rows[-1]] == ["三、办结", "5", "5"]


def test_the_measure_is_the_one_most_tables_prefer() -> None:
    """w3m's CSS dump of the Shanghai report (display columns): its Table 4 prints one value
    line far left of its header, its blank columns standing under header cells only; counted as
    columns (`headed`), they put every table under display columns, which the document is read
    under (the vote itself: `test_fixed_width_measure.py`)."""
    lines = (DATA / "zoo/out/shanghai-office-2019.css.html--w3m.txt").read_text(encoding="utf-8").splitlines()
    view = scan(lines, layout=True)
    assert view.layout is not None
    layouts = [view.layout[s:e] for s, e in DIALECT.regions(lines)]
    settings = view.settings.fixed_width
    prefer = [
        FixedWidthFinder(lay, wide=False, settings=settings).score
        < FixedWidthFinder(lay, wide=True, settings=settings).score
        for lay in layouts
    ]
    assert prefer == [False, False, False]  # scores: 39 vs 61, 15.5 vs 51, 18 vs 88
    assert [f.wide for f in DIALECT.measured(layouts, settings)] == [True, True, True]


def test_a_lone_label_under_a_row_with_room_left_is_a_blank_row() -> None:
    """A blank row prints its label alone: under `行政处罚`, which ends well before the widest
    label of its column (`其他对外管理服务事项`), `行政强制` is a row of its own, not a wrap."""
    table = read(
        "信息内容              上一年  本年\n"
        "其他对外管理服务事项  5       +4\n"
        "                      第二十条第（六）项\n"
        "信息内容              上一年  本年\n"
        "行政处罚              39      -2\n"
        "行政强制\n"
        "                      第二十条第（八）项\n"
        "信息内容              上一年  本年\n"
        "行政事业性收费        1       0"
    )
    assert grid(table)[4:7] == [["行政处罚", "39", "-2"], ["行政强制", "", ""], ["", "第二十条第（八）项"]]


@pytest.mark.parametrize(
    ("head", "tail"),
    [("其他对外管理服务", "事项"), ("其他对外管理服", "务事项")],
    ids=["fills-the-column", "one-character-short"],
)
def test_a_lone_label_under_a_label_that_fills_its_column_is_its_wrap(head: str, tail: str) -> None:
    """A wrap's first line fills its column (up to one character short, a line not started by
    punctuation): the line below is its tail, joined, though no other label of the block wraps."""
    table = read(
        "信息内容          上一年  本年\n"
        "行政许可          1152    20\n"
        f"{head:<{18 - len(head)}}5       +4\n"
        f"{tail}\n"
        "                  第二十条第（六）项\n"
        "信息内容          上一年  本年\n"
        "其他对外管理服务  39      -2"
    )
    assert grid(table)[2] == [f"{head}\n{tail}", "5", "+4"]

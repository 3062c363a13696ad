"""The value-stream dialect: rows of a label and its numbers with single blanks, blank cells
not printed (the shape of `pdftotext -raw`). Small inputs written here in that shape."""

from __future__ import annotations

from helpers import calls, grows_linearly

from gov_disclosure.readers.text import read_text
from gov_disclosure.readers.text.dialects.value_stream import (
    MAX_LABEL,
    ValueStreamDialect,
    candidates,
    claims,
    read_stream,
    split_line,
)
from gov_disclosure.readers.text.lines import Claim, scan


def texts(lines: list[str]) -> list[list[str]]:
    reading = read_stream(lines)
    assert reading is not None
    return [[p.text for p in row] for row in reading.rows]


def test_split_line_takes_trailing_numbers_and_splits_labels_at_markers() -> None:
    assert split_line("规章 1 0 11") == (["规章"], ["1", "0", "11"])
    assert split_line("法提供 2.没有现成信息需要另行制作 11 0 11") == (
        ["法提供", "2.没有现成信息需要另行制作"],
        ["11", "0", "11"],
    )
    assert split_line("447 7 454") == ([], ["447", "7", "454"])
    assert split_line("一、本年新收申请数量      3001   53") is None  # a wide blank run: a positioned layout


def test_wrapped_label_joins_and_pushed_numbers_stay_with_it() -> None:
    rows = texts(
        [
            "（一）予以公开 12 1 13",
            "（二）部分公开（区分处理的，只计这一情",
            "形，不计其他情形）",
            "447 7 454",
            "（三）不",
            "予公开",
            "1.属于国家秘密 2 2",
        ]
    )
    assert rows == [
        ["（一）予以公开", "12", "1", "13"],
        ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "447", "7", "454"],
        ["（三）不予公开", "1.属于国家秘密", "2", "2"],
    ]


def test_vertical_label_printed_a_character_a_line_is_one_cell() -> None:
    rows = texts(["二、上年结转 1 1", "三、", "本", "年", "度", "（一）予以公开 5 5", "规", "范", "性 3 3"])
    assert rows == [["二、上年结转", "1", "1"], ["三、本年度", "（一）予以公开", "5", "5"], ["规范性", "3", "3"]]


def test_reading_is_a_stream_that_dropped_its_blank_cells() -> None:
    reading = read_stream(["甲 1 2", "乙 3 4", "丙 5 6"])
    assert reading is not None and reading.dropped_empty


def test_column_by_column_block_is_not_read() -> None:
    lines = ["甲 1 2 3", "乙 4 5 9", "2.重复申请", "", "5", "", "591", "", "13", "丙 1 1 2"]
    assert ValueStreamDialect().regions(lines) == []


def test_header_starts_a_new_table_and_prose_after_the_last_numbers_is_left_out() -> None:
    lines = [
        "规章 1 0 11",
        "行政规范性文件 8 26 66",
        "行政许可 447228",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "一、本年新收申请数量 3001 53 3054",
        "二、上年结转申请数量 34 0 34",
        "存在的问题",
    ]
    assert ValueStreamDialect().regions(lines) == [(0, 3), (3, 9)]


def test_regions_read_together_read_as_each_alone() -> None:
    """`readings` splits each distinct line once for all regions (a dump repeats its lines);
    every region still reads as it does alone."""
    table = ["行政规范性文件 8 26 66", "三、", "本", "年", "度", "（一）予以公开 5 5", "规", "范", "性 3 3"]
    prose = "本机关将继续加强政府信息公开工作，进一步完善制度，提高公开质量，更好地回应社会关切。"  # > MAX_LABEL
    lines = scan([*table, "", prose, *table])
    dialect = ValueStreamDialect()
    regions = dialect.regions(lines)
    assert regions == [(0, 9), (11, 20)]
    together = dialect.readings(lines, regions)
    alone = [dialect.reading(lines[s:e], s + 1) for s, e in regions]
    assert together == alone and all(r is not None for r in together)
    first, second = together
    assert first is not None and second is not None
    assert [[p.text for p in row] for row in first.rows] == [[p.text for p in row] for row in second.rows]
    assert [p.line for p in second.rows[1]] == [13, 17, 17, 17]  # `三、本年度`, its row, from line 13


def test_prose_ending_in_a_number_starts_no_table() -> None:
    text = "全市共计办理申请\n答复期限内予以答复的有 351\n其中结果维持 72\n另有 25\n"
    assert all(b.__class__.__name__ == "Paragraph" for b in read_text(text).blocks)


def test_a_layout_dump_is_left_to_fixed_width() -> None:
    text = "\n".join(
        [
            "信息内容        本年制发件数    现行有效件数",
            "规章                  1              11",
            "规范性文件            8              66",
        ]
    )
    tables = [b for b in read_text(text).blocks if b.__class__.__name__ == "Table"]
    assert tables and all(t.dialect != "value-stream" for t in tables)  # type: ignore[attr-defined]


def test_header_line_without_numbers_splits_at_every_blank_but_a_bare_marker_keeps_its_text() -> None:
    assert split_line("行政复议 行政诉讼") == (["行政复议", "行政诉讼"], [])
    assert split_line("信息内容 上一年项目数量 本年增/减") == (["信息内容", "上一年项目数量", "本年增/减"], [])
    assert split_line("（一） 予以公开") == (["（一） 予以公开"], [])
    assert split_line("（一） 予以公开 5 5") == (["（一） 予以公开"], ["5", "5"])
    assert split_line("其他对外 管理服务事项 56 2 861") == (["其他对外 管理服务事项"], ["56", "2", "861"])


def test_a_review_table_whose_header_prints_its_groups_on_one_line_is_found() -> None:
    """`pdftotext -raw` of Table 3's end and Table 4: group headers side by side, vertical
    column headers a character a line, then one row of fifteen numbers."""
    text = "\n".join(
        [
            "（六）其他处理 1 0 1",
            "（七）总计 5 0 5",
            "四、结转下年度继续办理 0 0 0",
            "行政复议 行政诉讼",
            "结",
            "果",
            "未经复议直接起诉 复议后起诉",
            "维",
            "持",
            "2 2 1 2 7 1 0 0 0 1 32 0 0 0 32",
            "五、存在的主要问题及改进情况",
        ]
    )
    tables = [b for b in read_text(text).blocks if b.__class__.__name__ == "Table"]
    assert len(tables) == 2  # the header starts a table of its own
    cells = [c.text for row in tables[1].rows for c in row]  # type: ignore[attr-defined]
    assert cells[:2] == ["行政复议", "行政诉讼"]
    assert "未经复议直接起诉" in cells and "复议后起诉" in cells
    assert cells[-15:] == "2 2 1 2 7 1 0 0 0 1 32 0 0 0 32".split()


def test_text_with_no_single_blank_rows_is_refused_on_the_line_facts() -> None:
    """A layout dump (wide blank runs), a pipe table and prose have fewer than three lines that
    may be rows: no region, and no line is split."""
    lines = ["规章        1      0     11", "| 甲 | 1 | 2 |", "| 乙 | 3 | 4 |", "全市共计办理申请 351 件", "甲 1 2"]
    assert candidates(lines) == [False, False, False, True, True]
    assert ValueStreamDialect().regions(scan(lines)) == []


def test_claims_of_lines_that_cannot_be_rows() -> None:
    lines = ["", "自然人", "- 3 -", "规章        1      0     11", "甲\t1", "一" * (MAX_LABEL + 1), "甲 1 2"]
    assert claims(scan(lines)) == [
        Claim.GAP,
        Claim.JOIN,
        Claim.GAP,
        Claim.STOP,
        Claim.STOP,
        Claim.STOP,
        Claim.MEMBER,
    ]


def test_a_line_of_numbers_alone_is_a_row_whatever_its_gaps() -> None:
    assert split_line("   2         2         1    2    7    1  0") == ([], ["2", "2", "1", "2", "7", "1", "0"])
    assert split_line("行政复议                               行政诉讼") == (["行政复议", "行政诉讼"], [])
    assert split_line("规章        1      0     11") is None  # a label and numbers apart by blank runs


LYNX_TAIL = [
    "   （七）总计 5 0 5",
    "   四、结转下年度继续办理 0 0 0",
    "      行政复议                               行政诉讼",
    "   结果",
    "   维持 结果",
    "   审结 总计                  未经复议直接起诉               复议后起诉",
    "                结果维持      结果纠正 其他结果 尚未审结 总计",
    "      2         2         1    2    7    1  0    0    0    1    32 0 0 0 32",
    "",
    "   五、存在的主要问题及改进情况",
]


def test_a_centred_header_over_one_centred_value_row_continues_the_stream() -> None:
    """`lynx -dump` of Table 3's end and Table 4: the review table's header and its one row of
    values centred in their cells (blank runs of any width), right under Table 3's rows."""
    lines = ["   （六）其他处理 1 0 1", *LYNX_TAIL]
    marks = claims(scan(lines))
    assert marks[3:9] == [Claim.JOIN] * 5 + [Claim.MEMBER]
    tables = [b for b in read_text("\n".join(lines)).blocks if b.__class__.__name__ == "Table"]
    assert len(tables) == 2  # the header starts a table of its own
    cells = [c.text for row in tables[1].rows for c in row]  # type: ignore[attr-defined]
    assert cells[:2] == ["行政复议", "行政诉讼"]
    assert cells[-15:] == "2 2 1 2 7 1 0 0 0 1 32 0 0 0 32".split()


def test_blank_padded_lines_of_a_layout_stop_the_stream() -> None:
    """Numbers wrapped under numbers, and a padded header over rows that print their labels,
    are a positioned layout's lines (fixed width reads them), not a stream's."""
    lines = [
        "甲 1 2 3",
        "乙 4 5 6",
        "        7     8",  # wrapped under the row above: columns matter
        "信息内容    本年    上年",  # a header over rows with labels
        "丙 1 1 2",
        "丁 3 3 6",
    ]
    assert claims(scan(lines)) == [Claim.MEMBER, Claim.MEMBER, Claim.STOP, Claim.STOP, Claim.MEMBER, Claim.MEMBER]
    assert ValueStreamDialect().regions(scan(lines)) == []


def test_a_narrow_label_whose_numbers_print_on_its_middle_line_keeps_its_rest() -> None:
    """A label wrapped in a narrow column prints its numbers beside its first line; the rest
    follows them, with the next group label (`（四）`) and its text cut over the lines below."""
    rows = texts(
        [
            "7.属于行政执法案卷 3 3",
            "8.属于行政查 4 4",
            "询事项（四）",
            "无",
            "法提供",
            "1.本机关不掌握相关政府信息 37 39",
        ]
    )
    assert rows == [
        ["7.属于行政执法案卷", "3", "3"],
        ["8.属于行政查询事项", "4", "4"],
        ["（四）无法提供", "1.本机关不掌握相关政府信息", "37", "39"],
    ]


def test_the_same_printed_a_character_a_line() -> None:
    """The group marker forms over three lines (`（`, `四`, `）`) and splits off when it closes."""
    lines = ["8.", "属", "于", "行", "0 0 0", "政", "查", "询", "事", "项", "（", "四", "）", "无", "法"]
    rows = texts([*lines, "提", "供", "1.", "本", "机", "关", "1 0 1"])
    assert rows == [["8.属于行政查询事项", "0", "0", "0"], ["（四）无法提供", "1.本机关", "1", "0", "1"]]


def test_a_value_word_after_a_bare_marker_is_its_text_but_after_a_label_a_value() -> None:
    assert texts(["3.要求提供公开出版物 0 0", "4.", "无", "正当理由大量反复申请 1 1"]) == [
        ["3.要求提供公开出版物", "0", "0"],
        ["4.无正当理由大量反复申请", "1", "1"],
    ]
    assert texts(["3.要求提供公开出版物 0 0", "4.重复申请", "无", "5.其他 1 1"]) == [
        ["3.要求提供公开出版物", "0", "0"],
        ["4.重复申请", "无"],
        ["5.其他", "1", "1"],
    ]


def test_a_cited_item_and_a_cut_marker_are_not_split_or_moved() -> None:
    """`第（五）项` cites an article's item, no group label; a wrapped `（五` starts the next
    group label, which no previous row ends with."""
    assert texts(["第二十条第（五）项", "行政许可 1 0 1", "行政处罚 2 0 2"])[0] == [
        "第二十条第（五）项",
        "行政许可",
        "1",
        "0",
        "1",
    ]
    assert texts(["3.补正后申请内容仍不明确 0 0", "（五", "1.信访 1 1"]) == [
        ["3.补正后申请内容仍不明确", "0", "0"],
        ["（五", "1.信访", "1", "1"],
    ]


def test_a_unit_printed_apart_from_its_number_joins_it() -> None:
    assert split_line("政府集中采购 410 5.49 亿") == (["政府集中采购"], ["410", "5.49亿"])
    assert split_line("政府集中采购 6 251000 元") == (["政府集中采购"], ["6", "251000元"])
    assert split_line("行政复议 行政诉讼") == (["行政复议", "行政诉讼"], [])  # no number to join
    assert split_line("甲 5 乙丙丁") == (["甲", "5", "乙丙丁"], [])  # `5乙丙丁` is no value


def test_a_first_row_label_printed_vertically_above_its_numbers_is_in_the_table() -> None:
    """...and so are the title and header lines above that label, up to a section heading."""
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "规",
        "章",
        "0 0 0",
        "规范性文件 3 3 12",
        "行政许可 1 2 3",
    ]
    assert ValueStreamDialect().regions(scan(lines)) == [(1, 7)]
    assert texts(lines[1:])[0] == ["第二十条第（一）项", "规章", "0", "0", "0"]


def test_short_lines_above_a_first_row_printed_on_one_line_stay_out() -> None:
    lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "规章 0 0 0", "规范性文件 3 3 12", "行政许可 1 2 3"]
    assert ValueStreamDialect().regions(scan(lines)) == [(2, 5)]


def test_a_long_vertical_label_with_open_brackets_reads_in_linear_time() -> None:
    """Only a label's tail can end in a marker: a vertical run of 20 000 pieces, every other
    one an open bracket, costs one look per piece."""

    def lines(n: int) -> list[str]:
        return ["甲 1 2", *(["（", "字"] * n), "丙丁戊 3 4"]

    assert grows_linearly(lambda n: calls(lambda: texts(lines(n))), 2_500)
    rows = texts(lines(10_000))
    assert rows[1] == ["（字" * 10_000, "丙丁戊", "3", "4"]


def test_a_vertical_label_whose_numbers_print_beside_its_first_character_keeps_its_rest() -> None:
    """`行` / `0 0` / `政事业性收费`: the rest of a label printed a character a line comes after
    its numbers, then the next labels (or the table's end); a vertical label followed by its own
    numbers is the next row's."""
    lines = ["信息内容 本年增/减", "行", "3 4", *"政事业性收费", "采购项目数量 采购总金额", *"政府集中采购", "6 7"]
    assert texts(lines) == [
        ["信息内容", "本年增/减", "行政事业性收费", "3", "4"],
        ["采购项目数量", "采购总金额", "政府集中采购", "6", "7"],
    ]
    assert texts(["行", "3 4", *"政事业性收费"]) == [["行政事业性收费", "3", "4"]]
    assert texts([*"规章", "0 0 0", *"规范性文件", "3 3 12"]) == [
        ["规章", "0", "0", "0"],
        ["规范性文件", "3", "3", "12"],
    ]


def test_a_block_header_of_three_cells_before_its_row_label_continues_the_table() -> None:
    """Table 2 prints a small header per article: a title and two cells, then the row label
    (`额政府集中采购`, a wrapped header cell's tail run into it); four header cells before a
    row's label start a new table (Table 3's header)."""
    lines = [
        "行政事业性收费 1 0",
        "第二十条第（九）项",
        "信息内容采购项目数量",
        "采购总金",
        *"额政府集中采购",
        "6 38.5万元",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "一、本年新收申请数量 3001 53 3054",
        "二、上年结转申请数量 34 0 34",
    ]
    assert ValueStreamDialect().regions(scan(lines)) == [(0, 12), (12, 18)]


def test_a_first_row_label_on_its_own_line_above_its_numbers_is_in_the_table() -> None:
    """`一、本年新收…` / `71 0 0 0` / `0` / `0 71`: the marked label above the first numbers is
    the first row's when the region's next marker of its style is its successor (`二、`)."""
    lines = [
        "人 企 机 组织 机构 他 计",
        "一、本年新收政府信息公开申请数量",
        "71 0 0 0",
        "0",
        "0 71",
        "二、上年结转政府信息公开申请数量",
        "0 0 0 0",
        "（一）予以公开 47 0 0",
    ]
    assert ValueStreamDialect().regions(scan(lines)) == [(1, 8)]
    assert texts(lines[1:])[0] == ["一、本年新收政府信息公开申请数量", "71", "0", "0", "0"]


def test_a_section_heading_above_the_first_numbers_stays_out() -> None:
    """`三、` over numbers whose next level-one marker is `三、` again (not `四、`): a heading."""
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "71 0 0 0",
        "二、上年结转政府信息公开申请数量 0 0 0 0",
        "三、本年度办理结果 （一）予以公开 47 0 0",
    ]
    assert ValueStreamDialect().regions(scan(lines)) == [(1, 4)]


REVIEWS = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议",
    "行政诉讼",
    "结 结 其 尚",
    "果 果 他 未 总",
    "维 纠 结 审 计 结果维 结果纠 其他结 尚未审 总",
    "1 0 0 1 2 0",
    "1",
    "0",
    "0",
    "1 0",
    "0",
    "0",
    "0",
    "0",
    "五、存在的主要问题及改进情况",
]


def test_a_one_row_table_wrapped_over_narrow_lines_is_read_under_its_header() -> None:
    """Two lines of several numbers are too few for a table, unless the run holds ten numbers
    or more, five of them alone on their lines (one row wrapped in narrow cells); its header
    lines up to the section heading label it."""
    assert ValueStreamDialect().regions(scan(REVIEWS)) == [(1, 15)]
    rows = texts(REVIEWS[1:15])
    assert rows[0][:3] == ["行政复议", "行政诉讼", "结"]
    assert [t for row in rows for t in row if t.isdigit()] == list("100120100100000")


def test_two_lines_of_numbers_side_by_side_are_not_a_wrapped_row() -> None:
    """The same numbers without lines of one number (a layout's rows): too few for a table."""
    lines = [*REVIEWS[1:6], "1 0 0 1 2 0 1 0", "0 1 0 0 0 0 0"]
    assert ValueStreamDialect().regions(scan(lines)) == []


def test_rows_after_the_last_blank_line_of_a_column_by_column_block_are_read() -> None:
    """A run refused for numbers printed column by column (numbers after numbers across a
    blank line) offers its lines after its last blank line, when they are a table alone."""
    column_wise = ["甲 1 2 3", "乙 4 5 9", "2.重复申请", "", "5", "", "591", "", "13"]
    assert ValueStreamDialect().regions(scan([*column_wise, *REVIEWS[1:15]])) == [(9, 23)]
    assert ValueStreamDialect().regions(scan([*column_wise, "丙 1 1 2", "丁 2 2 4"])) == []

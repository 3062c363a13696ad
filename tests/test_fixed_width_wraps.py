"""Blank-padded tables: row labels wrapped so that their first line looks like a section heading."""

from __future__ import annotations

from gov_disclosure.readers.text.dialects.fixed_width import FixedWidthDialect, Kind, line_kinds

DIALECT = FixedWidthDialect()


def row(label: str, *values: str) -> str:
    """A line of the table: the label padded to 24 display columns, values right-aligned in 6."""
    pad = 24 - sum(2 if ord(c) > 0x2E80 else 1 for c in label)
    return label + " " * pad + "".join(f"{v:>6}" for v in values)


WRAPPED = [
    " " * 24 + "自然人  商业  总计",  # 0
    row("一、本年新收政府信息", "5", "1", "6"),  # 1
    "公开申请数量",  # 2
    "",  # 3
    "",  # 4
    "",  # 5
    "二、上年结转政府信息",  # 6: a row label's first line, three blank lines after the row before
    row("公开申请数量", "4", "0", "4"),  # 7: its tail, with the row's numbers
    row("三、本年度办理结果", "3", "1", "4"),  # 8
]


def test_a_row_label_wrapped_after_blank_lines_keeps_the_table_whole() -> None:
    assert line_kinds(WRAPPED)[6] is Kind.TEXT
    assert DIALECT.regions(WRAPPED) == [(0, 9)]
    table = DIALECT.read(WRAPPED, 1)
    assert table is not None
    rows = [[c.text for c in row] for row in table.rows]
    assert rows[2] == ["二、上年结转政府信息\n公开申请数量", "4", "0", "4"]


def test_a_heading_over_a_header_or_a_line_elsewhere_is_a_heading() -> None:
    over_header = [*WRAPPED[:6], "二、上年结转政府信息", WRAPPED[0], row("甲", "4", "0", "4")]
    assert line_kinds(over_header)[6] is Kind.HEADING
    indented = [*WRAPPED[:6], "二、上年结转政府信息", "  " + row("公开申请数量", "4", "0", "4")]
    assert line_kinds(indented)[6] is Kind.HEADING  # its next line does not start where it does
    number_first = [*WRAPPED[:6], "二、上年结转政府信息", "     4     0     4"]
    assert line_kinds(number_first)[6] is Kind.HEADING  # no label tail: a table of numbers after a heading
    assert DIALECT.regions(over_header)[0] == (0, 3)


def cells(lines: list[str]) -> tuple[bool, list[list[str]]]:
    table = DIALECT.read(lines, 1)
    assert table is not None
    return table.dropped_empty, [[c.text for c in row] for row in table.rows]


def test_a_number_wrapped_inside_its_narrow_cell_is_joined() -> None:
    # `16 4`: cells a single blank apart, full; `7` and `2` start where 16 and 17 do.
    lines = ["一、本年新收    16 4  17", "                7     2", "申请数量", "二、上年结转    3  0  3", "申请数量"]
    assert cells(lines) == (
        False,
        [["一、本年新收\n申请数量", "16\n7", "4", "17\n2"], ["二、上年结转\n申请数量", "3", "0", "3"]],
    )


def test_a_number_wrapped_centred_right_below_is_joined() -> None:
    # `10` over `6` (centred under it) and `28` over `07`, right below, fewer than the row's three.
    lines = ["行政强制  10  1   28", "           6      07", "行政处罚  29  2   81"]
    assert cells(lines)[1] == [["行政强制", "10\n6", "1", "28\n07"], ["行政处罚", "29", "2", "81"]]


def test_a_line_of_numbers_that_may_be_a_row_of_its_own_is_not_joined() -> None:
    # Roomy cells (two blanks and more): numbers after a label line are another row's.
    roomy = ["一、本年新收    16  4  17", "申请数量", "                10     12", "二、上年结转    3   0  3"]
    assert cells(roomy)[1][0] == ["一、本年新收", "16", "4", "17"]
    full = ["一、本年新收    16  4  17", "                10  2  12", "二、上年结转    3   0  3"]
    assert cells(full)[1][:2] == [["一、本年新收", "16", "4", "17"], ["", "10", "2", "12"]]  # as many numbers
    narrow = ["一、本年新收    6 4  17", "                7     ", "二、上年结转    3 0  3"]
    assert cells(narrow)[1][0] == ["一、本年新收", "6", "4", "17"]  # a single digit never wraps
    short = ["一、本年新收    16 4  17", "                99", "二、上年结转    3  0  3", "三、本年办理    123 0  3"]
    assert cells(short)[1][0] == ["一、本年新收", "16", "4", "17"]  # 16 is narrower than 123: its cell had room


def test_a_bare_outline_numeral_starts_a_row_after_a_blank_one() -> None:
    # 二、 has no numbers; `三` (of 三、 printed down its cell) starts the next item.
    lines = [
        "一、本年新收            16 4  17",
        "二、上年结转",
        "申请数量",
        "三  （一）予以公开      5  0  5",
        "、",
        "本年度办理结果          6  1  7",
    ]
    assert cells(lines)[1][1:3] == [
        ["二、上年结转\n申请数量", "", "", "", ""],
        ["三\n、", "（一）予以公开", "5", "0", "5"],
    ]


PACKED = ["一、本年新收  21 37 16  0   9   0   61", "二、上年结转  19 37 16  0   5   0   59"]


def test_a_sparse_row_misaligned_among_packed_columns_makes_a_stream() -> None:
    # `3` stands between the 0s and the 9/5 column, which are a single blank apart.
    dropped, rows = cells([*PACKED, "三、本年办理     2        3         5"])
    assert dropped and rows[2] == ["三、本年办理", "2", "3", "5"]


def test_a_sparse_row_aligned_among_packed_columns_keeps_its_columns() -> None:
    dropped, rows = cells([*PACKED, "三、本年办理  2             9       5"])
    assert not dropped and rows[2] == ["三、本年办理", "2", "", "", "", "9", "", "5"]


def test_labels_printed_down_their_cells_side_by_side_are_two_columns() -> None:
    # `（`/`三`/`）` and `1.`/`属`/`于` stand on the same lines: two label columns, although the
    # label starts 3, 5 and 7 chain within the tolerance.
    lines = [
        "一、本年新收" + " " * 14 + "5   0   5",
        "   （二）部分公开" + " " * 10 + "3   0   3",
        "     形）",
        "   （   1." + " " * 11 + "0   0   0",
        "   三   属",
        "   ）   于",
        "       2." + " " * 11 + "1   0   1",
        "       其",
        "       他",
    ]
    rows = cells(lines)[1]
    assert rows[2:] == [["", "（\n三\n）", "1.\n属\n于", "0", "0", "0"], ["", "", "2.\n其\n他", "1", "0", "1"]]


def test_a_label_printed_down_its_cell_before_a_page_break_stays_a_label() -> None:
    # The next page's numbers start further left (pdftotext lays each page out anew): `危` and
    # `及` are measured against the numbers of their own page, and go on with `3.`.
    lines = ["       2.   1   0   1", "       其", "       他", "       3.   0   0   0", "       危", "       及"]
    lines += ["\f定", "”", "4.   5   0   5", "保", "护"]
    rows = cells(lines)[1]
    assert [r[1] for r in rows] == ["2.\n其\n他", "3.\n危\n及", ""]
    assert [r[2:] for r in rows] == [["1", "0", "1"], ["0", "0", "0"], ["5", "0", "5"]]


def test_a_word_read_as_a_value_among_labels_down_their_cells_is_a_label() -> None:
    # `无` (of （四）无法提供, a character a line) stands left of every number: no row of values.
    lines = ["一、本年新收        5   0   5", "（   1.           0   0   0", "四   本", "）   机", "无   关"]
    lines += ["法   不", "     2.           1   0   1"]
    assert cells(lines) == (
        False,
        [
            ["一、本年新收", "", "5", "0", "5"],
            ["（\n四\n）\n无\n法", "1.\n本\n机\n关\n不", "0", "0", "0"],
            ["", "2.", "1", "0", "1"],
        ],
    )


def test_a_page_whose_columns_stand_under_none_of_the_tables_drifted() -> None:
    # The header shows four columns, two printed; the next page is laid out four columns left.
    lines = ["              自然人  商业  科研  总计", "一、本年新收      5                 5"]
    lines += [
        "二、上年结转      3                 3",
        "\f三、予以公开  2                 2",
        "四、结转下年  1                 1",
    ]
    dropped, rows = cells(lines)
    assert dropped
    assert rows[1:] == [
        ["一、本年新收", "5", "5"],
        ["二、上年结转", "3", "3"],
        ["三、予以公开", "2", "2"],
        ["四、结转下年", "1", "1"],
    ]


def test_a_number_wrapped_over_three_lines_goes_on_after_its_label_lines() -> None:
    # 21815 printed `21` / `81` / `5`, the label 行政许可 going on down its cell in between.
    lines = ["行  33   0  21", "    9      81", "政", "           5", "许", "其  26   0  13", "他"]
    assert cells(lines)[1] == [["行\n政\n许", "33\n9", "0", "21\n81\n5"], ["其\n他", "26", "0", "13"]]


def test_a_number_a_blank_after_its_label_under_a_header_of_a_column_no_other_value_fills() -> None:
    # `49` stands under 上年数量, whose column no other line fills; `+4` made the block's only value column.
    lines = ["信息内容    上年数量  本年增/减", "行政事业性收费 49    +4"]
    assert cells(lines)[1][1] == ["行政事业性收费", "49", "+4"]


def at_20(label: str, *values: str) -> str:
    """A line as pdftotext lays it out: values from code point 20, four apart."""
    return label + " " * (20 - len(label)) + "".join(f"{v:<4}" for v in values).rstrip()


def test_a_label_run_into_the_next_column_by_a_single_blank_is_parted_under_its_neighbour() -> None:
    # `要另行制作` starts where `2.没有现成信息需` above does: the rest of that label, not of （四）'s.
    lines = [at_20("    1.本机关不掌握", "37", "2", "39"), "", "（四） 2.没有现成信息需"]
    lines += [at_20("无法提 要另行制作", "1", "0", "1"), "供", at_20("    3.补正后申请内容", "1", "0", "1")]
    assert cells(lines)[1] == [
        ["", "1.本机关不掌握", "37", "2", "39"],
        ["（四）\n无法提\n供", "2.没有现成信息需\n要另行制作", "1", "0", "1"],
        ["", "3.补正后申请内容", "1", "0", "1"],
    ]

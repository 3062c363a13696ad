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

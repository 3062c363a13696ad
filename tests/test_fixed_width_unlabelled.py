"""Blank-padded tables without row labels (Table 4's shape) whose first column groups are
blank: the top header line then stands left of every number, where a label would."""

from __future__ import annotations

from gov_disclosure.blocks import Table
from gov_disclosure.readers.text.dialects.fixed_width import FixedWidthDialect
from gov_disclosure.readers.text.dialects.fixed_width.grid import Role, Token, unlabelled_headers

DIALECT = FixedWidthDialect()

TOP = "复议                诉讼"  # the two groups' labels, both left of the first number (col 41)
MIDDLE = "                    直接                后诉"
NUMBERS = " " * 41 + "3     1     4"  # under 丙一 丙二 合计 (cols 40, 46, 52)


def read(lines: list[str]) -> Table:
    table = DIALECT.read(lines, 1)
    assert table is not None
    return table


def test_the_top_header_line_left_of_every_number_is_a_header() -> None:
    """Three groups of three columns, the first two blank: the numbers stay under 丙一 丙二 合计
    (before, 复议/诉讼 were read as row labels and every number moved two columns left)."""
    bottom = "甲一  甲二  合计    乙一  乙二  合计    丙一  丙二  合计"
    table = read([TOP, MIDDLE, bottom, NUMBERS])
    assert not table.dropped_empty
    assert [[c.text for c in row] for row in table.rows] == [
        ["复议", "", "", "诉讼", "", "", "", "", ""],
        ["", "", "", "直接", "", "", "后诉", "", ""],
        ["甲一", "甲二", "合计", "乙一", "乙二", "合计", "丙一", "丙二", "合计"],
        ["", "", "", "", "", "", "3", "1", "4"],
    ]


def test_a_header_squeezed_a_blank_apart_places_no_number() -> None:
    """The same table with its bottom header words a single blank apart: their columns are
    not shown, so the numbers are a stream of printed cells (`dropped_empty`), never placed
    in columns guessed from the squeezed words."""
    bottom = "甲一 甲二 合计 乙一 乙二 合计 丙一 丙二 合计"
    table = read([TOP, MIDDLE, bottom, NUMBERS])
    assert table.dropped_empty
    assert [c.text for c in table.rows[-1]][-3:] == ["3", "1", "4"]


def test_a_labelled_tables_opening_label_line_stays_a_label() -> None:
    """A block whose number lines carry labels keeps its label lines: `项目` over the labels
    is the label column's header, not a header over the values."""
    a = Token("项目", 0, 4, 0)
    b = Token("自然人", 12, 18, 1)
    c = [Token("一、新收", 0, 8, 2), Token("5", 17, 18, 2, True)]
    roles = [Role.LABEL, Role.HEADER, Role.ANCHOR]
    assert unlabelled_headers([[a], [b], c], roles, [0, 0, 0]) == roles
    bare = [Token("5", 17, 18, 2, True)]
    assert unlabelled_headers([[a], [b], bare], roles, [0, 0, 0]) == [Role.HEADER, Role.HEADER, Role.ANCHOR]


def test_a_label_line_between_header_lines_stays_a_label() -> None:
    """Only the lines that open a block turn: one below a header line (a header word printed
    down its cell, `果 果 他`) keeps its role."""
    top = Token("未经复议", 20, 28, 0)
    down = Token("果 果 他", 0, 10, 1)
    values = [Token("2", 0, 1, 2, True)]
    roles = [Role.HEADER, Role.LABEL, Role.ANCHOR]
    assert unlabelled_headers([[top], [down], values], roles, [0, 0, 0]) == roles

"""The column measure of a fixed-width region when columns are blank: a header's own empty
columns count as columns, so a header over a blank column is no stray header, and a header
cell overlapping its value column is no distance from it (hand-aligned inputs below)."""

from __future__ import annotations

from gov_disclosure.readers.text.dialects.fixed_width import FixedWidthDialect, _vote
from gov_disclosure.readers.text.dialects.fixed_width.finder import FixedWidthFinder, regularity
from gov_disclosure.readers.text.dialects.fixed_width.grid import Token, ValueColumn
from gov_disclosure.readers.text.lines import scan

DIALECT = FixedWidthDialect()

# display columns: 自然人 at 12, 商业 at 20, 科研 at 26, 总计 at 32; the numbers at 12 and 32
BLANK_MIDDLE = [
    "            申请人情况",
    "说明        自然人  商业  科研  总计",
    "一、新收    23                  23",
    "二、结转    2                   2",
    "三、办结    5                   5",
]


def test_blank_columns_under_their_headers_choose_display_columns() -> None:
    """Under code points the numbers stand left of their headers (`自然人` at 10, `23` at 8);
    under display columns they stand under them and the two blank headers are empty columns."""
    view = scan(BLANK_MIDDLE, layout=True)
    assert view.layout is not None
    settings = view.settings.fixed_width
    display = FixedWidthFinder(view.layout, wide=True, settings=settings)
    points = FixedWidthFinder(view.layout, wide=False, settings=settings)
    assert display.score < points.score
    (reading,) = DIALECT.readings(scan(BLANK_MIDDLE), DIALECT.regions(BLANK_MIDDLE))
    assert reading is not None and not reading.dropped_empty
    assert [[p.text for p in row] for row in reading.rows[-3:]] == [
        ["一、新收", "23", "", "", "23"],
        ["二、结转", "2", "", "", "2"],
        ["三、办结", "5", "", "", "5"],
    ]


def test_a_header_over_an_empty_column_is_no_stray() -> None:
    """`商业` (20-24) over an empty column adds nothing; over no column it is 20 - 14 = 6 from
    the nearest one's reach (12-14), less than 32 - 24 = 8 to the next."""
    values = [
        ValueColumn(12, 14, (Token("23", 12, 14, 2, True),)),
        ValueColumn(32, 34, (Token("23", 32, 34, 2, True),)),
    ]
    header = {0: [Token("商业", 20, 24, 1)]}
    bare = regularity({0: values}, header, penalty=3)
    assert bare == 3 + 3 + 6  # two columns with values, spread 0, the stray header 6
    with_empty = regularity({0: [values[0], ValueColumn(20, 24, ()), values[1]]}, header, penalty=3)
    assert with_empty == 3 + 3  # the empty column adds no penalty and the header overlaps it


def test_a_header_overlapping_its_column_is_no_distance() -> None:
    """`结果维持` (0-8) over a one-digit column at 0-1 is no distance from it (a centre at 4
    would count 3, and favour any measure that makes the header narrower)."""
    col = ValueColumn(0, 1, (Token("0", 0, 1, 3, True),))
    assert regularity({0: [col]}, {0: [Token("结果维持", 0, 8, 1)]}, penalty=3) == 3


def test_a_region_votes_for_the_measure_it_reads_more_regularly_under() -> None:
    assert (_vote(10.0, 20.0), _vote(20.0, 10.0), _vote(5.0, 5.0)) == (1, -1, 0)
    assert _vote(float("inf"), float("inf")) == 0

"""The box-drawn dialect (`readers/text/dialects/box.py`): small tables drawn by hand in the
shape `w3m -dump` gives bordered tables, every expected cell read off the drawing."""

from __future__ import annotations

from gov_disclosure.blocks import Table
from gov_disclosure.readers.text import read_text
from gov_disclosure.readers.text.dialects.box import BoxDialect, lay_out, read_grid, regions

# A merged header over two columns, a label wrapped over two lines with its number on the
# second, a blank cell, and a rowspan label broken over the next row's rule line.
DRAWN = """\
┌──────┬─────────┐
│      │ 数量    │
│      ├────┬────┤
│      │ 甲 │ 乙 │
├──────┼────┼────┤
│ 规章 │ 3  │    │
├──────┼────┼────┤
│ 规范 │    │    │
│ 性文 │ 12 │ 0  │
│ 件   │    │    │
├────┬─┴────┼────┤
│ 三 │ 子一 │ 5  │
│ 、 ├──────┼────┤
│ 结 │ 子二 │ 7  │
└────┴──────┴────┘"""


def texts(rows: object) -> list[list[str]]:
    return [[p.text for p in row] for row in rows]  # type: ignore[attr-defined]


def test_slots_merges_and_wrapped_cells() -> None:
    lines = DRAWN.split("\n")
    rows = read_grid(lay_out(lines), 1)
    assert texts(rows) == [
        ["", "", "数量", ""],
        ["", "", "甲", "乙"],
        ["规章", "", "3", ""],
        ["规范\n性文\n件", "", "12", "0"],
        ["三\n、\n结", "子一", "", "5"],
        ["", "子二", "", "7"],
    ]
    # the merged header keeps its span; the wrapped label its first line; the number its line
    assert rows[0][2].span == 2 and rows[0][0].span == 2
    assert rows[3][0].line == 8 and rows[3][2].line == 9
    assert rows[4][1].span == 2


def test_regions_split_back_to_back_tables() -> None:
    lines = ["前言", "┌──┬──┐", "│a │b │", "└──┴──┘", "┌──┐", "│c │", "├──┤", "│d │", "└──┘", "后记"]
    assert regions(lines) == [(1, 4), (4, 9)]


def test_wide_box_characters_are_measured_as_drawn() -> None:
    # A tool that draws box characters two columns wide: the measure that lines up the right
    # border is taken, and the cells come out the same.
    wide = ["┌──┬──┐", "│ 甲 │ 1  │", "├──┼──┤", "│ 乙 │ 2  │", "└──┴──┘"]
    rows = read_grid(lay_out(wide), 1)
    assert texts(rows) == [["甲", "1"], ["乙", "2"]]


def test_wrapped_number_joined() -> None:
    lines = ["┌────┬─────┐", "│ 金 │ 2722│", "│ 额 │ 5290│", "├────┼─────┤", "│ 件 │ 3   │", "└────┴─────┘"]
    assert texts(read_grid(lay_out(lines), 1)) == [["金\n额", "27225290"], ["件", "3"]]


def test_chosen_by_the_search_in_a_report() -> None:
    text = "一、总体情况\n\n正文。\n\n" + DRAWN + "\n\n结束。\n"
    tables = [b for b in read_text(text).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert table.dialect == "box" and table.detection == "strict"
    assert table.pos.line == 5
    assert [c.text for c in table.rows[2]] == ["规章", "", "3", ""]
    assert table.rows[0][2].colspan == 2


def test_user_facing_read() -> None:
    table = BoxDialect().read(DRAWN.split("\n"), 1)
    assert table is not None and len(table.rows) == 6


def test_large_drawing_is_one_table() -> None:
    """4,000 rows of drawing are one table of 2,001 rows (its time is measured by the
    benchmarks, not asserted here)."""
    row = "│ 项目 │ 1  │ 2  │ 3  │"
    rule = "├──────┼────┼────┼────┤"
    lines = ["┌──────┬────┬────┬────┐", *([row, rule] * 2000), row, "└──────┴────┴────┴────┘"]
    tables = [b for b in read_text("\n".join(lines)).blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 2001


def test_line_whose_writer_counted_a_quote_wide() -> None:
    # `“` is of ambiguous width: one writer's line counts it two columns, the rest one. Each
    # line is measured so that it ends at the table's right border.
    lines = [
        "┌───────┬──┐",
        "│ “甲”│ 1│",
        "├───────┼──┤",
        "│ “丙”  │ 3│",
        "├───────┼──┤",
        "│ 乙    │ 2│",
        "└───────┴──┘",
    ]
    assert texts(read_grid(lay_out(lines), 1)) == [["“甲”", "1"], ["“丙”", "3"], ["乙", "2"]]


def test_slots_with_no_room_are_never_joined_downwards() -> None:
    # `││` (an empty column drawn at the left edge) and a stroke that jogs one column between
    # a header and the values: the narrow slot stays its own empty column, no cell is L-shaped.
    lines = ["┌┬────┬──┐", "││ 甲 │ 1│", "│├────┼──┤", "││ 乙 │ 2│", "├┴────┼──┤", "│ 合计│ 3│", "└─────┴──┘"]
    rows = read_grid(lay_out(lines), 1)
    assert texts(rows) == [["", "甲", "1"], ["", "乙", "2"], ["合计", "", "3"]]
    assert rows[2][0].span == 2
    jog = ["┌────┬───┐", "│ 甲 │ 乙│", "├────┴┬──┤", "│ 1   │ 2│", "└─────┴──┘"]
    rows = read_grid(lay_out(jog), 1)
    assert texts(rows) == [["甲", "乙", ""], ["1", "", "2"]]
    assert [p.span for p in rows[0]] == [1, 2, 1] and [p.span for p in rows[1]] == [2, 1, 1]

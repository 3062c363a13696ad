"""`grid`: span expansion shared by the HTML, DOCX and PDF readers, and its inverse.

Every expected grid below was drawn by hand from the placed cells, slot by slot.
"""

from __future__ import annotations

import pytest

from gov_disclosure.blocks import Cell, Position
from gov_disclosure.errors import InputFormatError
from gov_disclosure.grid import Placed, SourceCell, SourceRow, covered_slots, fill, flow, without_covered


def texts(rows: tuple[tuple[Cell, ...], ...]) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]


def at(row: int, col: int, line: int) -> Position:
    return Position(line=line, table=0, row=row, col=col)


class TestFill:
    def test_anchor_keeps_spans_covered_slots_carry_its_line(self) -> None:
        # A spans two rows at (0,0), B two columns at (0,1), C sits at (1,2).
        placed = [
            Placed(0, 0, Cell("A", Position(line=5, table=0), rowspan=2)),
            Placed(0, 1, Cell("B", Position(line=6, table=0), colspan=2)),
            Placed(1, 2, Cell("C", Position(line=7, table=0))),
        ]
        rows = fill(placed, [Position(line=10, table=0), Position(line=11, table=0)], 3)
        assert rows == (
            (Cell("A", at(0, 0, 5), rowspan=2), Cell("B", at(0, 1, 6), colspan=2), Cell("", at(0, 2, 6))),
            (Cell("", at(1, 0, 5)), Cell("", at(1, 1, 11)), Cell("C", at(1, 2, 7))),
        )

    def test_row_position_fills_empty_slots_and_anchor_keeps_page_and_box(self) -> None:
        box = (1.0, 2.0, 3.0, 4.0)
        placed = [Placed(0, 1, Cell("x", Position(page=3, bbox=box)))]
        (row,) = fill(placed, [Position(table=2, page=3)], 2)
        assert row == (
            Cell("", Position(table=2, row=0, col=0, page=3)),
            Cell("x", Position(row=0, col=1, page=3, bbox=box)),
        )

    def test_every_anchor_shows_even_on_a_covered_slot(self) -> None:
        # A covers (0,1), where B is placed; B covers (1,1), where C is placed.
        placed = [
            Placed(0, 0, Cell("A", Position(line=1), colspan=2)),
            Placed(0, 1, Cell("B", Position(line=2), rowspan=2)),
            Placed(1, 1, Cell("C", Position(line=3))),
        ]
        rows = fill(placed, [Position(line=8), Position(line=9)], 2)
        assert texts(rows) == [["A", "B"], ["", "C"]]
        assert rows[1][0].pos.line == 9  # nothing covers (1,0): the row's line

    def test_first_covering_cell_names_the_line(self) -> None:
        # A and B both cover (1,1); A was placed first. C is placed on A's cover at (1,0).
        placed = [
            Placed(0, 0, Cell("A", Position(line=1), rowspan=2, colspan=2)),
            Placed(0, 1, Cell("B", Position(line=2), rowspan=2)),
            Placed(1, 0, Cell("C", Position(line=3))),
        ]
        rows = fill(placed, [Position(line=8), Position(line=9)], 2)
        assert [[c.pos.line for c in row] for row in rows] == [[1, 2], [3, 1]]
        assert texts(rows) == [["A", "B"], ["C", ""]]

    def test_spans_past_the_edge_are_cut(self) -> None:
        rows = fill([Placed(0, 1, Cell("x", Position(line=4), rowspan=5, colspan=5))], [Position(line=1)] * 2, 2)
        assert [[c.pos.line for c in row] for row in rows] == [[1, 4], [1, 4]]
        assert rows[0][1].rowspan == 5  # the cell keeps the spans its reader gave it

    def test_cells_outside_or_on_one_slot_are_a_bug(self) -> None:
        with pytest.raises(ValueError, match="outside"):
            fill([Placed(1, 0, Cell("x"))], [Position()], 1)
        with pytest.raises(ValueError, match="outside"):
            fill([Placed(0, 1, Cell("x"))], [Position()], 1)
        with pytest.raises(ValueError, match="two cells"):
            fill([Placed(0, 0, Cell("x")), Placed(0, 0, Cell("y"))], [Position()], 1)


class TestFlow:
    def test_cells_take_the_next_free_slot(self) -> None:
        # <tr><td rowspan=2>a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr>
        group = [
            SourceRow((SourceCell("a", 1, rowspan=2), SourceCell("b", 1), SourceCell("c", 1)), 1),
            SourceRow((SourceCell("d", 2), SourceCell("e", 2)), 2),
        ]
        rows = flow([group], table=1)
        assert texts(rows) == [["a", "b", "c"], ["", "d", "e"]]
        assert rows[1][0] == Cell("", Position(line=1, table=1, row=1, col=0))
        assert rows[0][0].rowspan == 2

    def test_rowspan_zero_reaches_and_any_rowspan_stops_at_the_group_end(self) -> None:
        head = [SourceRow((SourceCell("h", 1, rowspan=9), SourceCell("x", 1)), 1)]
        body = [
            SourceRow((SourceCell("z", 2, rowspan=0), SourceCell("p", 2)), 2),
            SourceRow((SourceCell("q", 3),), 3),
            SourceRow((SourceCell("r", 4),), 4),
        ]
        rows = flow([head, body], table=0)
        assert texts(rows) == [["h", "x"], ["z", "p"], ["", "q"], ["", "r"]]
        assert (rows[0][0].rowspan, rows[1][0].rowspan) == (1, 3)
        assert [rows[r][0].pos.line for r in (2, 3)] == [2, 2]

    def test_colspan_zero_counts_as_one_and_short_rows_are_padded(self) -> None:
        group = [
            SourceRow((SourceCell("a", 1, colspan=0), SourceCell("b", 1, colspan=2)), 1),
            SourceRow((SourceCell("c", 2),), 2),
        ]
        rows = flow([group], table=0)
        assert texts(rows) == [["a", "b", ""], ["c", "", ""]]
        assert [c.pos.line for c in rows[1]] == [2, 2, 2]
        assert rows[0][2].pos.line == 1

    def test_grid_over_the_cap_is_refused_with_the_line(self) -> None:
        group = [SourceRow((SourceCell("a", 7, colspan=5),), 7), SourceRow((SourceCell("b", 8),), 8)]
        assert len(flow([group], table=0, max_cells=10)) == 2  # 2 rows x 5 columns = 10
        with pytest.raises(InputFormatError, match="table 3: more than 9 grid cells") as err:
            flow([group], table=3, max_cells=9)
        assert err.value.line == 7


GRIDS = [
    # 0: no merges
    ((Cell("a"), Cell("b")), (Cell("c"), Cell("d"))),
    # 1: a 2x2 merge at the top left, its three covered slots empty
    ((Cell("A", rowspan=2, colspan=2), Cell(""), Cell("x")), (Cell(""), Cell(""), Cell("y"))),
    # 2: a merged cell sitting on a covered slot covers nothing itself
    ((Cell("A", colspan=2), Cell("B", rowspan=2)), (Cell("c"), Cell("d"))),
    # 3: a span reaching past a short row
    ((Cell("A", rowspan=3), Cell("b")), (Cell(""),), (Cell(""), Cell("e"))),
]


class TestWithoutCovered:
    def test_covered_slots_by_hand(self) -> None:
        assert covered_slots(GRIDS[0]) == set()
        assert covered_slots(GRIDS[1]) == {(0, 1), (1, 0), (1, 1)}
        assert covered_slots(GRIDS[2]) == {(0, 1)}
        assert covered_slots(GRIDS[3]) == {(1, 0), (2, 0)}

    def test_rows_without_covered_slots_by_hand(self) -> None:
        assert [[c.text for c in r] for r in without_covered(GRIDS[1])] == [["A", "x"], ["y"]]
        assert [[c.text for c in r] for r in without_covered(GRIDS[2])] == [["A"], ["c", "d"]]
        assert [[c.text for c in r] for r in without_covered(GRIDS[3])] == [["A", "b"], [], ["e"]]
        assert without_covered(GRIDS[0]) == [list(r) for r in GRIDS[0]]

    def test_inverse_of_flow(self) -> None:
        group = [
            SourceRow((SourceCell("a", 1, rowspan=2, colspan=2), SourceCell("b", 1)), 1),
            SourceRow((SourceCell("c", 2),), 2),
        ]
        assert [[c.text for c in r] for r in without_covered(flow([group], table=0))] == [["a", "b"], ["c"]]

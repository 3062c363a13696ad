"""Span expansion: cells with row and column spans laid out on a rectangular grid, and back.

Every reader that knows merged cells (HTML `rowspan`/`colspan`, DOCX `gridSpan`/`vMerge`, PDF
cells ruled over several slots) lays its cells out with `fill`, so a merged cell means the same
in every `Table`: it appears once, at its top-left slot, with the spans it covers; every other
slot it covers holds an empty cell carrying its line (the way tab-separated dumps show merged
cells); a slot nothing covers is an empty cell on its row's position. `flow` is the HTML table
model on top of it (each listed cell takes the next free slot of its row). `without_covered` is
the inverse the table reader needs: the grid with the slots a merged cell covers left out.

Readers keep their own limits (span clamps, the largest grid); `flow` takes its cap as an argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from gov_disclosure.blocks import Cell, Position
from gov_disclosure.errors import InputFormatError

Rows = tuple[tuple[Cell, ...], ...]

MAX_CELLS = 200_000
"""Default cap on the slots of one grid in `flow`: a report table has a few hundred."""


@attrs.frozen
class Placed:
    """A cell at its top-left slot. `cell.pos` is its position except for the row and column,
    which `fill` sets; `cell.rowspan`/`cell.colspan` are the slots it covers."""

    row: int
    col: int
    cell: Cell


@attrs.frozen
class SourceCell:
    """A cell as its source row lists it: text, source line and the spans it asks for.
    `rowspan` 0 means "to the end of the row group", as in HTML."""

    text: str
    line: int | None
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen
class SourceRow:
    """A row as the source lists it: its cells in order and its source line."""

    cells: tuple[SourceCell, ...]
    line: int | None


def fill(placed: Iterable[Placed], rows: Sequence[Position], width: int) -> Rows:
    """The `len(rows)` x `width` grid holding the placed cells.

    `rows[r]` is the position of row `r` (table, line, page) that its empty slots take. A slot a
    placed cell's spans cover holds an empty cell whose line is that cell's (the first placed
    cell covering it wins); spans reaching past the grid are cut at its edge. A placed cell
    always shows at its own slot, even where an earlier cell's span reaches.

    Raises:
        ValueError: a placed cell outside the grid, or two on one slot (a reader's bug).
    """
    anchors: dict[tuple[int, int], Cell] = {}
    lines: dict[tuple[int, int], int | None] = {}
    for p in placed:
        if not (0 <= p.row < len(rows) and 0 <= p.col < width):
            raise ValueError(f"cell at ({p.row}, {p.col}) outside a {len(rows)} x {width} grid")
        if (p.row, p.col) in anchors:
            raise ValueError(f"two cells at ({p.row}, {p.col})")
        anchors[(p.row, p.col)] = p.cell
        for r in range(p.row, min(p.row + p.cell.rowspan, len(rows))):
            for c in range(p.col, min(p.col + p.cell.colspan, width)):
                lines.setdefault((r, c), p.cell.pos.line)
    out: list[tuple[Cell, ...]] = []
    for r, row_pos in enumerate(rows):
        row: list[Cell] = []
        for c in range(width):
            anchor = anchors.get((r, c))
            if anchor is not None:
                row.append(attrs.evolve(anchor, pos=attrs.evolve(anchor.pos, row=r, col=c)))
            elif (r, c) in lines:
                row.append(Cell("", attrs.evolve(row_pos, line=lines[(r, c)], row=r, col=c)))
            else:
                row.append(Cell("", attrs.evolve(row_pos, row=r, col=c)))
        out.append(tuple(row))
    return tuple(out)


def flow(groups: Sequence[Sequence[SourceRow]], *, table: int, max_cells: int = MAX_CELLS) -> Rows:
    """Lay out row groups (`<thead>`, `<tbody>`, ...) as the HTML table model does.

    Each cell takes the first slot of its row no earlier cell covers; a rowspan stops at the end
    of its row group (0: reaches it); rows shorter than the widest are padded with empty cells
    on the row's line; overlapping spans keep the earlier cell's line. Positions carry `table`.

    Raises:
        InputFormatError: the grid would exceed `max_cells` slots (checked while placing, so a
            hostile span costs nothing).
    """
    placed: list[Placed] = []
    taken: set[tuple[int, int]] = set()
    row_pos: list[Position] = []
    width = area = base = 0
    for group in groups:
        for r_in_group, source_row in enumerate(group):
            r = base + r_in_group
            row_pos.append(Position(line=source_row.line, table=table))
            c = 0
            for cell in source_row.cells:
                while (r, c) in taken:
                    c += 1
                left_in_group = len(group) - r_in_group
                rs = left_in_group if cell.rowspan == 0 else min(cell.rowspan, left_in_group)
                cs = max(1, cell.colspan)
                area += rs * cs
                if area > max_cells or (len(group) + base) * (c + cs) > max_cells:
                    raise InputFormatError(
                        f"table {table}: more than {max_cells} grid cells after rowspan/colspan expansion",
                        line=cell.line,
                    )
                placed.append(Placed(r, c, Cell(cell.text, Position(line=cell.line, table=table), rs, cs)))
                taken.update((rr, cc) for rr in range(r, r + rs) for cc in range(c, c + cs))
                width = max(width, c + cs)
                c += cs
        base += len(group)
    if base * width > max_cells:
        raise InputFormatError(f"table {table}: more than {max_cells} grid cells")
    return fill(placed, row_pos, width)


def covered_slots(rows: Sequence[Sequence[Cell]]) -> set[tuple[int, int]]:
    """The (row, col) slots a merged cell covers besides its own, read from the spans of a grid
    laid out by `fill`; a merged cell that itself sits on a covered slot covers nothing."""
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if (cell.rowspan > 1 or cell.colspan > 1) and (r, c) not in covered:
                covered.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan) if dr or dc)
    return covered


def without_covered(rows: Sequence[Sequence[Cell]]) -> list[list[Cell]]:
    """The grid's rows without the slots a merged cell covers: those empty cells are the
    merge, not blank values."""
    covered = covered_slots(rows)
    if not covered:
        return [list(row) for row in rows]
    return [[cell for c, cell in enumerate(row) if (r, c) not in covered] for r, row in enumerate(rows)]


__all__ = ["MAX_CELLS", "Placed", "Rows", "SourceCell", "SourceRow", "covered_slots", "fill", "flow", "without_covered"]

"""HTML table layout: rowspan/colspan expanded into a rectangular grid of `Cell`s.

Kept apart from the DOM walk in `readers.html` so the layout rules (the HTML table model as a
browser applies it) can be read and tested on plain data. Every limit is explicit: spans are
clamped as browsers clamp them, spans never reach past their row group, and the total area is
capped, so a hostile `rowspan="99999999"` costs nothing and a huge grid ends in an error.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gov_disclosure.blocks import Cell, Position
from gov_disclosure.errors import InputFormatError

MAX_COLSPAN = 1000
"""Browsers clamp colspan to 1000 (HTML standard, "rules for parsing non-negative integers")."""
MAX_ROWSPAN = 65534
"""Browsers clamp rowspan to 65534; rows past the end of the row group are clipped anyway."""
MAX_GRID_CELLS = 200_000
"""A report table has a few hundred slots; more than this is damaged or hostile input."""


@attrs.frozen
class RawCell:
    """A `<td>`/`<th>` as written: its text, source line and the spans it asks for.

    `rowspan` 0 means "to the end of the row group", as in HTML.
    """

    text: str
    line: int | None
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen
class RawRow:
    """A `<tr>`: its cells in source order and its source line."""

    cells: tuple[RawCell, ...]
    line: int | None


def parse_span(value: str | None, *, default: int, maximum: int, allow_zero: bool) -> int:
    """Read a span attribute the lenient way browsers do: leading digits only (`"2px"` -> 2).

    Missing or unreadable values give `default`; 0 is kept only where HTML gives it a meaning
    (rowspan); values above `maximum` are clamped.
    """
    digits = ""
    for ch in (value or "").strip():
        if not ("0" <= ch <= "9"):
            break
        digits += ch
        if len(digits) > 9:  # already far above any maximum; stop reading
            break
    if not digits:
        return default
    number = int(digits)
    if number == 0:
        return 0 if allow_zero else default
    return min(number, maximum)


def expand_grid(
    groups: Sequence[Sequence[RawRow]], *, table: int, max_cells: int = MAX_GRID_CELLS
) -> tuple[tuple[Cell, ...], ...]:
    """Lay out row groups (`<thead>`, `<tbody>`, ...) into a rectangular grid.

    A spanned cell appears once, at its top-left slot, with `rowspan`/`colspan` set to the span
    it really covers; the other slots it covers hold empty cells carrying its source line (the
    way tab-separated dumps show merged cells). Rows shorter than the widest row are padded with
    empty cells on the row's line. Overlapping spans (a table model error) keep the earlier cell.

    Raises:
        InputFormatError: the expanded grid would exceed `max_cells` slots.
    """
    anchors: dict[tuple[int, int], tuple[RawCell, int, int]] = {}
    owner: dict[tuple[int, int], int | None] = {}
    row_lines: list[int | None] = []
    width = 0
    area = 0
    base = 0
    for group in groups:
        for r_in_group, raw_row in enumerate(group):
            r = base + r_in_group
            row_lines.append(raw_row.line)
            c = 0
            for raw in raw_row.cells:
                while (r, c) in owner:
                    c += 1
                left_in_group = len(group) - r_in_group
                rs = left_in_group if raw.rowspan == 0 else min(raw.rowspan, left_in_group)
                cs = max(1, raw.colspan)
                area += rs * cs
                if area > max_cells or (len(group) + base) * (c + cs) > max_cells:
                    raise InputFormatError(
                        f"table {table}: more than {max_cells} grid cells after "
                        "rowspan/colspan expansion",
                        line=raw.line,
                    )
                anchors[(r, c)] = (raw, rs, cs)
                for rr in range(r, r + rs):
                    for cc in range(c, c + cs):
                        owner.setdefault((rr, cc), raw.line)
                width = max(width, c + cs)
                c += cs
        base += len(group)
    if base * width > max_cells:
        raise InputFormatError(f"table {table}: more than {max_cells} grid cells")
    rows: list[tuple[Cell, ...]] = []
    for r in range(base):
        row: list[Cell] = []
        for c in range(width):
            pos = Position(line=owner.get((r, c), row_lines[r]), table=table, row=r, col=c)
            anchor = anchors.get((r, c))
            if anchor is None:
                row.append(Cell("", pos))
            else:
                raw, rs, cs = anchor
                row.append(Cell(raw.text, attrs.evolve(pos, line=raw.line), rs, cs))
        rows.append(tuple(row))
    return tuple(rows)

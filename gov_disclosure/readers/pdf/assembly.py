"""Tables continued over pages joined and laid out on a grid (`grid.fill`): the last layout
stage of the PDF reader, a pure function of `PageContent` (no pdfplumber here)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from gov_disclosure.blocks import Block, Cell, Paragraph, Position, Table
from gov_disclosure.grid import Placed, fill
from gov_disclosure.numbering import match_marker
from gov_disclosure.readers.pdf.layout import (
    DrawnCell,
    DrawnTable,
    Line,
    PageContent,
    PdfSettings,
    _cluster,
    _nearest,
    _round,
    _span,
    _union,
    continues,
)

_CONTINUED = re.compile(r"^[（(]?[续續]表?\d*[)）]?[:：]?$")


_Slot = tuple[DrawnCell, int, int]  # cell, rowspan, colspan


def _layout(part: DrawnTable, cols: Sequence[float], settings: PdfSettings) -> list[list[_Slot | None]]:
    """One page's part of a table on the shared column grid: each drawn cell with its spans at
    its top-left slot, other slots None."""
    tops = _cluster([c.bbox[1] for c in part.cells], settings.row_tolerance)
    grid: list[list[_Slot | None]] = [[None] * len(cols) for _ in tops]
    for cell in sorted(part.cells, key=lambda c: (c.bbox[1], c.bbox[0])):
        r, c = _nearest(tops, cell.bbox[1]), _nearest(cols, cell.bbox[0])
        slot = grid[r][c]
        if slot is not None:  # two cells on one slot: keep both texts, never drop one
            cut = slot[0].cut and cell.cut
            cell = DrawnCell(f"{slot[0].text}\n{cell.text}", _union([slot[0].bbox, cell.bbox]), cut=cut)
        rowspan = _span(tops, cell.bbox[1], cell.bbox[3], settings.row_tolerance)
        colspan = _span(cols, cell.bbox[0], cell.bbox[2], settings.col_tolerance)
        grid[r][c] = (cell, rowspan, colspan)
    return grid


def _row_key(row: Sequence[_Slot | None]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", s[0].text) if s else "" for s in row)


def _repeated_header(first: list[list[_Slot | None]], part: list[list[_Slot | None]]) -> int:
    """How many leading rows of `part` repeat the table's first rows (0 if none, or if the
    matching rows hold no label, only numbers)."""
    n = 0
    while n < min(len(first), len(part) - 1) and _row_key(first[n]) == _row_key(part[n]):
        n += 1
    labels = any(re.search(r"[^\d\s.,+\-%]", t) for row in part[:n] for t in _row_key(row))
    return n if labels else 0


def _filled(row: Sequence[_Slot | None]) -> set[int]:
    return {c for c, slot in enumerate(row) if slot is not None and slot[0].text.strip()}


_NUMBER = re.compile(r"^[\d\s.,，%％+\-０-９]+$")


def _text(slot: _Slot | None) -> str:
    return re.sub(r"\s+", "", slot[0].text) if slot else ""


def _full(slot: _Slot | None, padding: float) -> bool:
    """The cell's text runs to its bottom: below its last line, beyond the row's `padding`,
    there is no room for one more line."""
    if slot is None or slot[0].ink is None or slot[0].pitch <= 0:
        return False
    return slot[0].bbox[3] - slot[0].ink[3] - padding < slot[0].pitch


def _padding(row: Sequence[_Slot | None]) -> float:
    """The row's bottom padding: the least room under any of its cells' text."""
    return min((s[0].bbox[3] - s[0].ink[3] for s in row if s is not None and s[0].ink is not None), default=0.0)


def _same_cell(a: _Slot | None, b: _Slot | None, tol: float) -> bool:
    """Two pieces of one cell: the same left and right edges."""
    return (
        a is not None
        and b is not None
        and abs(a[0].bbox[0] - b[0].bbox[0]) <= tol
        and abs(a[0].bbox[2] - b[0].bbox[2]) <= tol
    )


def _split_row(
    prev: DrawnTable,
    nxt: DrawnTable,
    last: Sequence[_Slot | None],
    first: Sequence[_Slot | None],
    settings: PdfSettings,
) -> bool:
    """True when `first` (the next part's first row) is the rest of `last` (the previous
    part's last row), one row the page break cut in two.

    The rest holds text only in columns where the cut row has text. Then either both parts
    were cut open (their rules at the break supplied by `closing_rules`), or, where the writer
    closed both sides of the break with a rule, the pieces show it: each piece of the rest sits
    in a cell of the cut piece's edges whose text ran to its bottom, the rest holds no number
    and opens no enumerated item, and either a cut piece opens one (`3.危及“` / `三安全一稳定”`:
    an item does not end without its own number and start the next row unnumbered) or every
    column of a header with no number goes on (`信` / `息内容`, `本` / `年新制作数量`)."""
    rest = _filled(first)
    if not rest or not rest <= _filled(last):
        return False
    if prev.open_bottom and nxt.open_top:
        return True
    cols, padding = sorted(rest), _padding(last)
    if not all(_same_cell(last[c], first[c], settings.col_tolerance) and _full(last[c], padding) for c in cols):
        return False
    if any(_NUMBER.match(_text(first[c])) or match_marker(_text(first[c])) for c in cols):
        return False
    opened = any(match_marker(_text(last[c])) for c in cols)
    header = len(rest) >= 2 and rest == _filled(last) and not any(_NUMBER.match(_text(s)) for s in last if s)
    return opened or header


def _joined(last: Sequence[_Slot | None], first: Sequence[_Slot | None]) -> list[_Slot | None]:
    """One row from the two halves of a cut row: each column's texts joined by a line break."""
    row: list[_Slot | None] = []
    for a, b in zip(last, first, strict=True):
        if a is None or b is None or not b[0].text.strip():
            row.append(a if a is not None else b)
        else:
            row.append((DrawnCell(f"{a[0].text}\n{b[0].text}", _union([a[0].bbox, b[0].bbox])), a[1], a[2]))
    return row


def build_table(
    parts: Sequence[tuple[int, DrawnTable]], index: int, settings: PdfSettings, bottom: float = math.inf
) -> Table:
    """One Table from its parts (page, drawn table), a repeated header on later parts dropped
    and a row cut by the page break (`_split_row`) joined into one."""
    cols = _cluster([c.bbox[0] for _, t in parts for c in t.cells], settings.col_tolerance)
    grids = [_layout(t, cols, settings) for _, t in parts]
    rows: list[tuple[int, list[_Slot | None]]] = []
    for k, ((page, part), grid) in enumerate(zip(parts, grids, strict=True)):
        skip = _repeated_header(grids[0], grid) if k else 0
        body = grid[skip:]
        if k and body and rows and _split_row(parts[k - 1][1], part, rows[-1][1], body[0], settings):
            rows[-1] = (rows[-1][0], _joined(rows[-1][1], body[0]))
            body = body[1:]
        rows.extend((page, list(slots)) for slots in body)
    placed: list[Placed] = []
    row_pos: list[Position] = []
    for r, (page, slots) in enumerate(rows):
        row_pos.append(Position(table=index, page=page))
        for c, slot in enumerate(slots):
            if slot is not None:
                cell, rowspan, colspan = slot
                pos = Position(table=index, page=page, bbox=_round(cell.bbox))
                placed.append(Placed(r, c, Cell(cell.text, pos, rowspan, colspan, cell.cut)))
    page, first = parts[0]
    pos = Position(table=index, page=page, bbox=_round(first.bbox))
    table_rows = fill(placed, row_pos, len(cols))
    return Table(table_rows, pos, dialect="pdf", scores=((f"pdf-{first.strategy}", 1.0),))


def assemble(pages: Sequence[PageContent], settings: PdfSettings) -> tuple[Block, ...]:
    """Blocks in reading order (top to bottom per page); a page's first table is joined to the
    previous page's last table when nothing but furniture (or a `续表` line) separates them and
    their columns line up."""
    items: list[tuple[int, Line | DrawnTable]] = []
    for page in pages:
        own: list[Line | DrawnTable] = [*page.lines, *page.tables]
        own.sort(key=lambda it: it.bbox[1])
        items.extend((page.number, it) for it in own)
    groups: list[tuple[int, Line] | list[tuple[int, DrawnTable]]] = []
    for i, (number, item) in enumerate(items):
        last = groups[-1] if groups else None
        open_table = last[-1] if isinstance(last, list) and last[-1][0] == number - 1 else None
        if isinstance(item, Line):
            nxt = items[i + 1] if i + 1 < len(items) else None
            if not (
                open_table
                and nxt
                and nxt[0] == number
                and isinstance(nxt[1], DrawnTable)
                and _CONTINUED.match(item.text.replace(" ", ""))
                and continues(open_table[1], nxt[1], settings)
            ):
                groups.append((number, item))
        elif isinstance(last, list) and open_table and continues(open_table[1], item, settings):
            last.append((number, item))
        else:
            groups.append([(number, item)])
    blocks: list[Block] = []
    for group in groups:
        if isinstance(group, list):
            blocks.append(build_table(group, sum(isinstance(b, Table) for b in blocks), settings))
        else:
            number, line = group
            blocks.append(Paragraph(line.text, Position(page=number, bbox=_round(line.bbox))))
    return tuple(blocks)

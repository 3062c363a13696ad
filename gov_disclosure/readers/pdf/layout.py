"""PDF layout stages as pure functions over typed page content (no pdfplumber here).

`readers.pdf.reader` turns each page into a `PageContent` (positioned lines and the cells the
table finder drew); this module removes page furniture, trims text-aligned tables, joins tables
continued over pages and lays cells out on a grid (`grid.fill`), in that order, each stage a
function of the previous stage's output. It imports without pdfplumber.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

import attrs

from gov_disclosure.blocks import Block, Cell, Paragraph, Position, Table
from gov_disclosure.furniture import is_page_number
from gov_disclosure.grid import Placed, fill
from gov_disclosure.numbering import match_marker

Box = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in PDF points, origin at the top left of the page."""


@attrs.frozen
class PdfSettings:
    """Limits and tolerances of the PDF reader, passed explicitly (never global)."""

    max_pages: int = attrs.field(default=500, validator=attrs.validators.gt(0))
    max_chars_per_page: int = attrs.field(default=100_000, validator=attrs.validators.gt(0))
    max_edges_per_page: int = attrs.field(default=5_000, validator=attrs.validators.gt(0))
    line_overlap: float = attrs.field(default=0.5, validator=attrs.validators.gt(0.0))
    """Share of the smaller height two words must share vertically to be on one line."""
    col_tolerance: float = attrs.field(default=5.0, validator=attrs.validators.gt(0.0))
    """Column starts closer than this (points) are one column, also across pages."""
    row_tolerance: float = attrs.field(default=2.0, validator=attrs.validators.gt(0.0))
    min_gutter: float = attrs.field(default=6.0, validator=attrs.validators.gt(0.0))
    """Narrowest gap between columns of a table found by word alignment (prose has less)."""
    margin: float = attrs.field(default=0.12, validator=attrs.validators.gt(0.0))
    """Share of the page height at the top and bottom where furniture may sit."""
    furniture_lines: int = attrs.field(default=3, validator=attrs.validators.gt(0))
    """How many lines from the top and from the bottom of a page may be furniture."""
    furniture_share: float = attrs.field(default=0.5, validator=attrs.validators.gt(0.0))
    """A margin line repeated on at least this share of pages (and on 2+) is a running header."""
    rule_tolerance: float = attrs.field(default=2.0, validator=attrs.validators.gt(0.0))
    """Rule ends closer than this (points) meet; rules this close to one coordinate align."""
    min_rule: float = attrs.field(default=3.0, validator=attrs.validators.gt(0.0))
    """Shorter rules are the ends of thin filled rectangles, not rules of a grid."""


@attrs.frozen
class Word:
    """One word as pdfplumber extracted it, with its box."""

    text: str
    bbox: Box


@attrs.frozen
class Line:
    """One printed line of text outside any table: its words joined by single spaces."""

    text: str
    bbox: Box


@attrs.frozen
class DrawnCell:
    """A table cell as the table finder drew it, before it is placed on a grid."""

    text: str
    bbox: Box
    ink: Box | None = None
    """The box of the cell's characters, None when not known (or the cell is empty)."""
    pitch: float = 0.0
    """The distance from one line of the cell's text to the next (the tallest character's height
    when it has one line): the room one more line would need; 0 when not known."""


@attrs.frozen
class DrawnTable:
    """A table as the table finder drew it: its box, its cells and how it was found."""

    bbox: Box
    cells: tuple[DrawnCell, ...]
    strategy: str  # "lines" (ruling lines) or "text" (word alignment)
    open_top: bool = False
    """Its top rule was supplied by `closing_rules`: the page cut the table open there."""
    open_bottom: bool = False
    """Its bottom rule was supplied by `closing_rules`."""


@attrs.frozen
class PageContent:
    """One page as the reader took it from pdfplumber: printed lines and drawn tables."""

    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]
    tables: tuple[DrawnTable, ...]


def _union(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _round(box: Box) -> Box:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


def _centre_in(box: Box, outer: Box) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] <= x <= outer[2] and outer[1] <= y <= outer[3]


def outside(words: Sequence[Word], boxes: Sequence[Box]) -> list[Word]:
    """The words whose centre lies in none of `boxes`."""
    return [w for w in words if not any(_centre_in(w.bbox, b) for b in boxes)]


def group_lines(words: Sequence[Word], settings: PdfSettings) -> tuple[Line, ...]:
    """Words grouped into printed lines by vertical overlap, each line read left to right."""
    groups: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bbox[1], w.bbox[0])):
        if groups:
            top, bottom = min(w.bbox[1] for w in groups[-1]), max(w.bbox[3] for w in groups[-1])
            shared = min(bottom, word.bbox[3]) - max(top, word.bbox[1])
            height = min(bottom - top, word.bbox[3] - word.bbox[1])
            if height <= 0 or shared >= settings.line_overlap * height:
                groups[-1].append(word)
                continue
        groups.append([word])
    lines = []
    for group in groups:
        group.sort(key=lambda w: w.bbox[0])
        lines.append(Line(" ".join(w.text for w in group), _union([w.bbox for w in group])))
    return tuple(lines)


_CONTINUED = re.compile(r"^[（(]?[续續]表?\d*[)）]?[:：]?$")


def _margin_candidates(page: PageContent, settings: PdfSettings) -> list[int]:
    """Indexes of the lines that could be furniture: near the top or bottom edge of the page,
    among the first or last few lines, with no table between them and that edge."""
    n, k = len(page.lines), settings.furniture_lines
    top_limit, bottom_limit = settings.margin * page.height, (1 - settings.margin) * page.height
    first_table = min((t.bbox[1] for t in page.tables), default=math.inf)
    last_table = max((t.bbox[3] for t in page.tables), default=-math.inf)
    found = []
    for i, line in enumerate(page.lines):
        at_top = i < k and line.bbox[1] < top_limit and line.bbox[3] <= first_table
        at_bottom = i >= n - k and line.bbox[3] > bottom_limit and line.bbox[1] >= last_table
        if at_top or at_bottom:
            found.append(i)
    return found


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def strip_furniture(pages: Sequence[PageContent], settings: PdfSettings) -> tuple[PageContent, ...]:
    """Pages without page numbers and without running headers/footers.

    Only lines at the page margins are considered; a page number is removed wherever it is, a
    running header only when the same text (digits aside) sits at the margin of most pages.
    """
    candidates = [_margin_candidates(p, settings) for p in pages]
    pages_with: dict[str, set[int]] = {}
    for p, (page, found) in enumerate(zip(pages, candidates, strict=True)):
        for i in found:
            key = _furniture_key(page.lines[i].text)
            if key:
                pages_with.setdefault(key, set()).add(p)
    needed = max(2, math.ceil(settings.furniture_share * len(pages)))
    running = {key for key, where in pages_with.items() if len(where) >= needed}
    result = []
    for page, found in zip(pages, candidates, strict=True):
        drop = {i for i in found if is_page_number(page.lines[i].text) or _furniture_key(page.lines[i].text) in running}
        kept = tuple(line for i, line in enumerate(page.lines) if i not in drop)
        result.append(attrs.evolve(page, lines=kept))
    return tuple(result)


def _cluster(values: Sequence[float], tolerance: float) -> list[float]:
    """Sorted representatives (means) of values that lie within `tolerance` of their neighbour."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tolerance:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _nearest(reps: Sequence[float], value: float) -> int:
    return min(range(len(reps)), key=lambda i: abs(reps[i] - value))


def _span(reps: Sequence[float], start: float, end: float, tolerance: float) -> int:
    return max(1, sum(1 for r in reps if start - tolerance <= r < end - tolerance))


def _along(rules: Sequence[Box], key: int) -> tuple[list[Box], list[float]]:
    """`rules` sorted by coordinate `key` of their box, with those coordinates (for bisect)."""
    ordered = sorted(rules, key=lambda r: r[key])
    return ordered, [r[key] for r in ordered]


def _crossings(edge: Box, across: tuple[list[Box], list[float]], horizontal: bool, tol: float) -> int:
    """How many perpendicular rules (`across`, sorted by their own position) cross or touch
    `edge`; counting stops at 2."""
    ordered, keys = across
    lo, hi, at = (edge[0], edge[2], edge[1]) if horizontal else (edge[1], edge[3], edge[0])
    n = 0
    for o in ordered[bisect.bisect_left(keys, lo - tol) : bisect.bisect_right(keys, hi + tol)]:
        start, stop = (o[1], o[3]) if horizontal else (o[0], o[2])
        if start - tol <= at <= stop + tol:
            n += 1
            if n >= 2:
                break
    return n


_End = tuple[int, float, float]  # side (-1 top/left end, +1 bottom/right end), end, position


def _open_ends(rules: Sequence[Box], across: tuple[list[Box], list[float]], horizontal: bool, tol: float) -> list[_End]:
    """Each end of `rules` that no perpendicular rule closes: its side, the coordinate of the
    end (x for horizontal rules, y for vertical ones) and the rule's own position."""
    ordered, keys = across
    found = []
    for r in rules:
        at = r[1] if horizontal else r[0]
        for side, end in ((-1, r[0]), (1, r[2])) if horizontal else ((-1, r[1]), (1, r[3])):
            near = ordered[bisect.bisect_left(keys, end - tol) : bisect.bisect_right(keys, end + tol)]
            spans = ((o[1], o[3]) if horizontal else (o[0], o[2]) for o in near)
            if not any(start - tol <= at <= stop + tol for start, stop in spans):
                found.append((side, end, at))
    return found


def _beyond(rules: Sequence[Box], side: int, end: float, lo: float, hi: float, horizontal: bool, tol: float) -> bool:
    """True when some rule lying across [lo, hi] reaches past `end` on `side`: the grid goes on
    there, so the ends are not where a page cut it."""
    for r in rules:
        a0, a1, b0, b1 = (r[1], r[3], r[0], r[2]) if horizontal else (r[0], r[2], r[1], r[3])
        if a1 < lo - tol or a0 > hi + tol:
            continue
        if (side > 0 and b1 > end + tol) or (side < 0 and b0 < end - tol):
            return True
    return False


def closing_rules(
    horizontals: Sequence[Box], verticals: Sequence[Box], settings: PdfSettings
) -> tuple[list[Box], list[Box]]:
    """The rules a ruled grid lacks where the page cut it open: (horizontal, vertical) rules.

    A browser or word processor draws a table split over pages without a rule at the cut (the
    rows above the break lose their bottom rule, the rows below their top one), and a table
    wider than the page loses its outer rule to the page edge. Where two or more rules of a grid
    (each crossing two perpendicular rules) end on one side at one coordinate, nothing closes
    them and no rule goes on past them, a rule joining those ends is supplied, so the table
    finder sees the cut row as cells. Rules shorter than `min_rule` (the ends of a thin filled
    rectangle) are ignored.
    """
    tol, short = settings.rule_tolerance, settings.min_rule
    hs = [h for h in horizontals if h[2] - h[0] >= short]
    vs = [v for v in verticals if v[3] - v[1] >= short]
    by_x, by_y = _along(vs, 0), _along(hs, 1)
    grid_h = [h for h in hs if _crossings(h, by_x, True, tol) >= 2]
    grid_v = [v for v in vs if _crossings(v, by_y, False, tol) >= 2]
    added: list[list[Box]] = [[], []]
    for k, (rules, across) in enumerate(((grid_v, by_y), (grid_h, by_x))):
        horizontal = k == 1
        groups: list[list[_End]] = []
        for item in sorted(_open_ends(rules, across, horizontal, tol)):
            if groups and item[0] == groups[-1][-1][0] and item[1] - groups[-1][-1][1] <= tol:
                groups[-1].append(item)
            else:
                groups.append([item])
        for group in groups:
            side, at = group[0][0], sum(e[1] for e in group) / len(group)
            lo, hi = min(e[2] for e in group), max(e[2] for e in group)
            if len(group) < 2 or hi - lo < short:
                continue
            if _beyond(hs, side, at, lo, hi, horizontal, tol) or _beyond(vs, side, at, lo, hi, horizontal, tol):
                continue
            added[k].append((lo, at, hi, at) if k == 0 else (at, lo, at, hi))
    return added[0], added[1]


def is_grid(table: DrawnTable, settings: PdfSettings) -> bool:
    """A real grid: two or more columns and some text (a ruled box around prose is not)."""
    cols = _cluster([c.bbox[0] for c in table.cells], settings.col_tolerance)
    return len(cols) >= 2 and any(c.text.strip() for c in table.cells)


def _gutter(words: Sequence[Word], boundary: float, settings: PdfSettings) -> bool:
    """True when no word crosses `boundary` and the words either side of it (if any) are at
    least `min_gutter` apart: column gaps are wide, gaps between words of prose are not."""
    if any(w.bbox[0] + 1 < boundary < w.bbox[2] - 1 for w in words):
        return False
    left = [w.bbox[2] for w in words if (w.bbox[0] + w.bbox[2]) / 2 < boundary]
    right = [w.bbox[0] for w in words if (w.bbox[0] + w.bbox[2]) / 2 >= boundary]
    return not left or not right or min(right) - max(left) >= settings.min_gutter


def trim_text_table(table: DrawnTable, words: Sequence[Word], settings: PdfSettings) -> list[DrawnTable]:
    """The parts of a text-strategy table that really are tables.

    The text strategy also cuts prose into "cells". A row is kept only when every column
    boundary falls in a gutter (no word across it, the words beside it `min_gutter` apart).
    Each run of kept rows, trimmed to rows with two or more filled cells at both ends and
    holding at least two such rows, becomes a table.
    """
    cols = _cluster([c.bbox[0] for c in table.cells], settings.col_tolerance)
    inner = cols[1:]
    tops = _cluster([c.bbox[1] for c in table.cells], settings.row_tolerance)
    rows: list[list[DrawnCell]] = [[] for _ in tops]
    for cell in table.cells:
        rows[_nearest(tops, cell.bbox[1])].append(cell)
    runs: list[list[list[DrawnCell]]] = [[]]
    for row in rows:
        filled = [c for c in row if c.text.strip()]
        if not filled:
            continue
        box = _union([c.bbox for c in row])
        inside = [w for w in words if _centre_in(w.bbox, box)]
        if all(_gutter(inside, b, settings) for b in inner):
            runs[-1].append(row)
        else:
            runs.append([])
    found = []
    for run in runs:
        full = [i for i, row in enumerate(run) if sum(1 for c in row if c.text.strip()) >= 2]
        if len(full) >= 2:
            cells = tuple(c for row in run[full[0] : full[-1] + 1] for c in row)
            found.append(DrawnTable(_union([c.bbox for c in cells]), cells, "text"))
    return found


def continues(prev: DrawnTable, nxt: DrawnTable, settings: PdfSettings) -> bool:
    """True when `nxt` (first on its page) looks like the rest of `prev` (last on the page
    before): same outer left and right edges, and one table's column starts a subset of the
    other's."""
    tol = settings.col_tolerance
    if abs(prev.bbox[0] - nxt.bbox[0]) > tol or abs(prev.bbox[2] - nxt.bbox[2]) > tol:
        return False
    a = _cluster([c.bbox[0] for c in prev.cells], tol)
    b = _cluster([c.bbox[0] for c in nxt.cells], tol)

    def subset(xs: list[float], ys: list[float]) -> bool:
        return all(any(abs(x - y) <= tol for y in ys) for x in xs)

    return subset(a, b) or subset(b, a)


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
            cell = DrawnCell(f"{slot[0].text}\n{cell.text}", _union([slot[0].bbox, cell.bbox]))
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
                placed.append(Placed(r, c, Cell(cell.text, pos, rowspan, colspan)))
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

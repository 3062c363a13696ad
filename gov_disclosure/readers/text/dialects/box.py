"""Tables drawn with Unicode box characters (`┌ ┬ ┐ │ ├ ┼ ┤ └ ┴ ┘ ─`, light, heavy or double):
`w3m -dump` of bordered HTML tables, and any tool that draws its tables so.

The drawing is the structure: every column where a vertical stroke stands is a column boundary,
every line with a horizontal stroke a row boundary. The finest grid they make is merged back
where the drawing says so -- no stroke between two slots of one band (a colspan), no rule between
two bands over a slot (a rowspan) -- so a merged header stays one cell, a label wrapped inside
its box over several lines is joined, and a rowspan label broken over other rows' lines (even
over their rule lines) is read once, at its top-left slot with its column span; every slot it
covers is an empty cell, as `grid.fill` lays out markup tables.

Columns are counted on the screen, with East Asian wide characters two columns; whether the box
characters themselves are one column or two (ambiguous width) is read from the drawing: the
measure under which the most lines end at the same column.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Lines

NAME = "box"
MIN_LINES = 3
_BOX = frozenset(chr(c) for c in range(0x2500, 0x2580))
_HORIZONTAL = frozenset("─━═╌╍┄┅┈┉╴╶╸╺╼╾")
_VERTICAL = _BOX - _HORIZONTAL  # every stroke that stands at a column boundary
_STARTS = frozenset("┌┏╔╒╓┍┎")  # a top border: a new table
_ENDS = frozenset("└┗╚╘╙┕┖")  # a bottom border: the table ends there

Grid = list[list[str]]  # per line, the character at each screen column ("" after a wide one)


def is_box_line(line: str) -> bool:
    """A line that starts, after blanks, with a box-drawing character."""
    body = line.lstrip(" \u3000\xa0\t")
    return bool(body) and body[0] in _BOX


def _width(box: int, other: int) -> Callable[[str], int]:
    """Screen width of a character: wide and fullwidth 2; ambiguous ones (box characters, and
    others such as `“`) `box` and `other` columns."""

    def width(c: str) -> int:
        kind = unicodedata.east_asian_width(c) if ord(c) >= 0x80 else "N"
        if kind == "A":
            return box if c in _BOX else other
        return 2 if kind in ("W", "F") else 1

    return width


# screen measures (box characters narrow or wide, other ambiguous ones narrow or wide), code points
_MEASURES = (_width(1, 1), _width(1, 2), _width(2, 1), _width(2, 2), lambda c: 1)


def _lay_out(line: str, width: Callable[[str], int]) -> list[str]:
    out: list[str] = []
    for c in line.rstrip():
        out.append(c)
        out.extend("" for _ in range(width(c) - 1))
    return out


def _edge(row: Sequence[str]) -> int | None:
    """The column of a line's last character if it is a stroke (its right border)."""
    x = len(row) - 1
    while x >= 0 and not row[x]:  # the tail of a wide character
        x -= 1
    return x if x >= 0 and row[x] in _VERTICAL else None


def lay_out(lines: Sequence[str]) -> Grid:
    """The lines as screen grids. The measure is the one under which the most lines end at one
    column (ties: the first of `_MEASURES`); a line that ends elsewhere under it (a writer that
    counted its `“` two columns wide, say) is taken under the measure that ends it there."""
    grids = [[_lay_out(line, m) for line in lines] for m in _MEASURES]
    edges = [Counter(e for e in map(_edge, g) if e is not None).most_common(1) for g in grids]
    best = max(range(len(grids)), key=lambda k: edges[k][0][1] if edges[k] else 0)  # max keeps the first
    if not edges[best]:
        return grids[best]
    edge = edges[best][0][0]
    return [
        next((g[i] for g in [grids[best], *grids] if _edge(g[i]) == edge), grids[best][i]) for i in range(len(lines))
    ]


def _is_rule(row: Sequence[str]) -> bool:
    return any(c in _HORIZONTAL for c in row)


class _Cells:
    """Union-find over the slots of the finest grid."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _join(parts: Sequence[str]) -> str:
    """Lines of one cell: a number wrapped inside a narrow cell is joined without a break."""
    out = ""
    for p in parts:
        digits = out[-1:].isdigit() and p[:1].isdigit() and out.rsplit("\n", 1)[-1].isdigit() and p.isdigit()
        out = out + p if digits or not out else f"{out}\n{p}"
    return out


def _at(row: Sequence[str], x: int) -> str:
    return row[x] if x < len(row) else " "


def _bands(grid: Grid) -> tuple[list[list[int]], list[list[int]]]:
    """The bands of content lines between rules, and the rule lines above each."""
    bands: list[list[int]] = []
    rules: list[list[int]] = []
    pending: list[int] = []
    for i, line in enumerate(grid):
        if _is_rule(line):
            pending.append(i)
        elif any(c.strip() for c in line):
            if bands and not pending:
                bands[-1].append(i)
            else:
                bands.append([i])
                rules.append(pending)
                pending = []
    return bands, rules


def _merge(grid: Grid, bounds: Sequence[int], bands: Sequence[list[int]], rules: Sequence[list[int]]) -> _Cells:
    """Slots joined where the drawing has no stroke between them: no vertical stroke on a band's
    lines (a colspan), no horizontal stroke over a slot on the rules between two bands (a
    rowspan; a rule line cut short is taken as drawn to the end). A slot with no room between its
    strokes (`││`, a stroke that jogs one column) is never joined downwards: no L-shaped cells."""
    ncol = len(bounds) - 1
    cells = _Cells(len(bands) * ncol)
    for b, band in enumerate(bands):
        for j in range(ncol - 1):
            if not any(_at(grid[i], bounds[j + 1]) in _VERTICAL for i in band):
                cells.union(b * ncol + j, b * ncol + j + 1)
        for j in range(ncol) if b else ():
            if bounds[j + 1] == bounds[j] + 1:  # no room for text between two strokes (`││`, a jog)
                continue
            inside = range(bounds[j] + 1, bounds[j + 1])
            if not any(_at(grid[i], x) in _HORIZONTAL or x >= len(grid[i]) for i in rules[b] for x in inside):
                cells.union((b - 1) * ncol + j, b * ncol + j)
    return cells


def read_grid(grid: Grid, first_line: int) -> list[tuple[Piece, ...]]:
    """The rows of one drawn table (`grid`: its lines laid out; `first_line`: 1-based line of
    the first): one per band of content lines between rules, one cell per slot."""
    bounds = sorted({x for line in grid for x, c in enumerate(line) if c in _VERTICAL})
    bands, rules = _bands(grid)
    ncol = len(bounds) - 1
    if ncol < 1 or len(bands) < 2:
        return []
    cells = _merge(grid, bounds, bands, rules)
    members: dict[int, list[tuple[int, int]]] = {}
    for b in range(len(bands)):
        for j in range(ncol):
            members.setdefault(cells.find(b * ncol + j), []).append((b, j))
    out: list[tuple[Piece, ...]] = []
    for b, band in enumerate(bands):
        row: list[Piece] = []
        j = 0
        while j < ncol:
            root = cells.find(b * ncol + j)
            right = j
            while right + 1 < ncol and cells.find(b * ncol + right + 1) == root:
                right += 1
            slots = members[root]
            if slots[0] == (b, j):  # the top-left slot holds the text of the whole box
                left, last = min(s[1] for s in slots), max(s[1] for s in slots)
                lines = range(band[0], bands[slots[-1][0]][-1] + 1)
                parts = [
                    "".join(c for c in grid[i][bounds[left] + 1 : bounds[last + 1]] if c not in _BOX).strip()
                    for i in lines
                ]
                text = _join([p for p in parts if p])
                line = next((i for i, p in zip(lines, parts, strict=True) if p), band[0])
                row.append(Piece(text, first_line + line, j, right - j + 1))
                j += 1
            row += [Piece("", first_line + band[0], k) for k in range(j, right + 1)]
            j = right + 1
        out.append(tuple(row))
    return out


def regions(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of box lines, split where a bottom border is followed by more (tables drawn back to
    back); at least `MIN_LINES` lines each."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate([*lines, ""]):
        body = line.lstrip(" \u3000\xa0\t")
        boxed = bool(body) and body[0] in _BOX
        if start is not None and (not boxed or body[0] in _STARTS):
            if i - start >= MIN_LINES:
                out.append((start, i))
            start = None
        if boxed and start is None:
            start = i
        if boxed and body[0] in _ENDS and start is not None:
            if i + 1 - start >= MIN_LINES:
                out.append((start, i + 1))
            start = None
    return out


class BoxDialect(RegionDialect):
    """Box-drawn tables: structure from the strokes, merged cells kept once."""

    name = NAME
    prior = 0.98

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        return regions(lines) if any(map(is_box_line, lines)) else []

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        return reading_or_none(NAME, first_line, read_grid(lay_out(lines), first_line))

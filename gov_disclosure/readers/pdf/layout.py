"""PDF layout stages as pure functions over typed page content (no pdfplumber here).

`readers.pdf.reader` turns each page into a `PageContent` (positioned lines and the cells the
table finder drew); this module removes page furniture, supplies the rules a page cut and trims
text-aligned tables; `readers.pdf.assembly` joins tables continued over pages and lays cells out
on a grid. Each stage is a function of the previous stage's output; both import without
pdfplumber.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

import attrs

from gov_disclosure.furniture import is_page_number

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
    cut: bool = False
    """The cell runs off the page and shows no text on it: what it holds is not known."""


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

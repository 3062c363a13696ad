"""Blank-padded fixed-width tables: `pdftotext -layout` output and hand-aligned text.

Cells are separated by runs of two or more blanks (space, U+3000, NBSP); a single blank splits
only two numbers (the line pass's `blank_runs`). `regions` finds the tables (`line_kinds`,
`find_regions`); `grid` reads one region under one column measure. The measure -- display
columns (CJK = 2, hand-aligned text) or code points (as pdftotext writes) -- is a property of
whoever wrote the document, so it is chosen once per document: the one under which most of its
tables are the more regular (one table far off under one measure, such as a single value line
far from its header, outvotes none); a tie goes to the measure under which all of them are
the more regular (ties: display).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from gov_disclosure.blocks import Table
from gov_disclosure.readers.text.dialects.base import Reading
from gov_disclosure.readers.text.dialects.fixed_width.assembler import RowAssembler
from gov_disclosure.readers.text.dialects.fixed_width.finder import FixedWidthFinder
from gov_disclosure.readers.text.dialects.fixed_width.grid import (
    NAME,
    Token,
    ValueColumn,
    both_measures,
    cluster_columns,
    line_tokens,
)
from gov_disclosure.readers.text.dialects.fixed_width.regions import Kind, find_regions, line_kinds
from gov_disclosure.readers.text.lines import Layout, Lines, is_number, scan
from gov_disclosure.readers.text.settings import FixedWidthSettings

__all__ = [
    "FixedWidthDialect",
    "FixedWidthFinder",
    "FixedWidthSettings",
    "Kind",
    "RowAssembler",
    "Token",
    "ValueColumn",
    "cluster_columns",
    "is_number",
    "line_kinds",
    "line_tokens",
]


class FixedWidthDialect:
    """Blank-padded columns (`pdftotext -layout` and hand-aligned text). Its settings are its
    own when given, else those the text is read with."""

    name = NAME
    prior = 0.95

    def __init__(self, settings: FixedWidthSettings | None = None) -> None:
        self.settings = settings

    def _settings(self, lines: Lines) -> FixedWidthSettings:
        return self.settings or lines.settings.fixed_width

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        """Half-open line ranges that look like blank-padded tables (two gapped lines at least);
        a block whose values cannot be placed by position is a region of its own."""
        view = scan(lines)
        if view.layout is None or sum(f.gapped for f in view.facts) < 2:
            return []
        settings = self._settings(view)
        found = find_regions(line_kinds(view, settings), settings)
        if not found:
            return []
        layout = scan(lines, layout=True).layout
        assert layout is not None
        finders = self.measured([layout[s:e] for s, e in found], settings)
        return [(s + a, s + b) for f, (s, _) in zip(finders, found, strict=True) for a, b in f.parts()]

    def finders(self, lines: Sequence[str]) -> list[FixedWidthFinder]:
        """Both readings of one region: display columns first, then code points."""
        view = scan(lines, layout=True)
        assert view.layout is not None
        settings = self._settings(view)
        return [FixedWidthFinder(view.layout, wide=w, settings=settings).place() for w in (True, False)]

    def readings(self, lines: Lines, regions: Sequence[tuple[int, int]]) -> list[Reading | None]:
        """Every region read under the document's measure."""
        if not regions:
            return []
        view = scan(lines, layout=True)
        assert view.layout is not None
        finders = self.measured([view.layout[s:e] for s, e in regions], self._settings(view))
        return [f.reading(s + 1) for f, (s, _) in zip(finders, regions, strict=True)]

    def measured(self, layouts: Sequence[Sequence[Layout]], settings: FixedWidthSettings) -> list[FixedWidthFinder]:
        """The regions' finders under the document's measure: code points when more regions
        are more regular under them, or as many and their sum is lower; else display columns.
        Rows are assembled later, for these only."""
        both = [both_measures(lay) for lay in layouts]
        display = [
            FixedWidthFinder(lay, wide=True, settings=settings, toks=b[0]) for lay, b in zip(layouts, both, strict=True)
        ]
        if all(d == p for b in both for d, p in zip(*b, strict=True)):
            return [f.place() for f in display]  # no wide character before a cell's end: the measures agree
        points = [
            FixedWidthFinder(lay, wide=False, settings=settings, toks=b[1])
            for lay, b in zip(layouts, both, strict=True)
        ]
        votes = sum(_vote(p.score, d.score) for p, d in zip(points, display, strict=True))
        chosen = points if (votes, _irregularity(display)) > (0, _irregularity(points)) else display
        return [f.place() for f in chosen]

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        """One region, under the more regular of its two measures (ties: display)."""
        view = scan(lines, layout=True)
        assert view.layout is not None
        reading = self.measured([view.layout], self._settings(view))[0].reading(first_line)
        return None if reading is None else reading.table()


def _irregularity(finders: Sequence[FixedWidthFinder]) -> float:
    """The document's irregularity under one measure: its readable regions' scores summed."""
    return sum(f.score for f in finders if not math.isinf(f.score))


def _vote(points: float, display: float) -> int:
    """A region's vote for code points (1), display columns (-1) or neither (0): the measure
    under which it is the more regular, if it can be read under that one."""
    if math.isinf(points) and math.isinf(display) or points == display:
        return 0
    return 1 if points < display else -1

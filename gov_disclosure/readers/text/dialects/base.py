"""What a text dialect is: a way to find table regions in lines and read them into a grid.

Dialects are chosen by a scored search (see `readers.text.search`). A user's dialect needs only
`name`, `regions` and `read` (a `Table`); it may declare a `prior`. The built-in dialects are
`LightDialect`s: they declare their prior and read regions into light `Reading`s (cell texts
and places, enough to score), so only the readings the search keeps become `blocks.Cell`s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

import attrs

from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.readers.text.lines import Lines, scan


class Dialect(Protocol):
    """A text table dialect (tab cells, TSV, pipe, fixed-width, markdown, a user's own...)."""

    name: str

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        """Half-open 0-based line ranges `[start, end)` that this dialect could read as a table."""
        ...

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        """Read `lines` (one region) into a Table; `first_line` is the 1-based number of
        `lines[0]` in the whole text, so every cell can carry its source line. None if the
        region is not a table in this dialect after all."""
        ...


class LightDialect(Dialect, Protocol):
    """A dialect that declares its prior and reads regions into light readings. `lines` is
    the `Lines` view of the whole text; its facts are shared by every dialect."""

    prior: float

    def readings(self, lines: Lines, regions: Sequence[tuple[int, int]]) -> list[Reading | None]:
        """One reading per region (None: not a table in this dialect after all)."""
        ...


class RegionDialect:
    """A light dialect that reads one region at a time (`reading`): what the row-per-line and
    cell-per-line dialects share. Subclasses set `name`, `prior` and `reading`."""

    name: str
    prior: float

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        """One region (a slice of the document's `Lines`); `first_line` is its 1-based line."""
        raise NotImplementedError

    def readings(self, lines: Lines, regions: Sequence[tuple[int, int]]) -> list[Reading | None]:
        """One reading per region (None: not a table in this dialect after all)."""
        return [self.reading(lines[s:e], s + 1) for s, e in regions]

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        """The user-facing `Dialect.read`: one region straight to a `Table`."""
        reading = self.reading(scan(lines), first_line)
        return None if reading is None else reading.table()


class Piece(NamedTuple):
    """One cell of a reading: its text, 1-based source line, grid column and column span."""

    text: str
    line: int
    col: int
    span: int = 1


@attrs.frozen
class Reading:
    """A dialect's reading of one region, before any `Cell` is made."""

    dialect: str
    first_line: int
    rows: tuple[tuple[Piece, ...], ...]
    dropped_empty: bool = False
    gaps_marked: bool = False

    def table(self, scores: tuple[tuple[str, float], ...] = (), detection: str = "") -> Table:
        """The reading as a `blocks.Table` (row indexes counted here)."""
        rows = tuple(
            tuple([Cell(text, Position(line, None, r, col), 1, span) for text, line, col, span in row])
            for r, row in enumerate(self.rows)
        )
        return Table(
            rows=rows,
            pos=Position(line=self.first_line),
            dialect=self.dialect,
            dropped_empty=self.dropped_empty,
            scores=scores,
            detection=detection,
            gaps_marked=self.gaps_marked,
        )


def reading_or_none(dialect: str, first_line: int, rows: list[tuple[Piece, ...]], **kw: bool) -> Reading | None:
    """A reading of `rows`, or None when there are none."""
    return Reading(dialect, first_line, tuple(rows), **kw) if rows else None

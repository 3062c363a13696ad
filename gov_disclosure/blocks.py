"""Positioned blocks: what every reader produces and every later stage consumes.

A reader turns its input (text, HTML, DOCX, PDF) into a `Document`: an ordered tuple of
`Paragraph` and `Table` blocks. Every piece of text keeps where it came from (`Position`), so
later stages can report a line, a grid cell, a page and a bounding box without knowing which
reader produced it. Readers know blocks, never the templates.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Position:
    """Where a piece of text came from; fields that do not apply are None.

    `line` is 1-based in the decoded text or HTML source; `table`, `row`, `col` are 0-based
    (table index in the document, grid row/column after span expansion); `page` is 1-based;
    `bbox` is (x0, top, x1, bottom) in PDF points. Records keep it as a value's `origin`.
    """

    line: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


@attrs.frozen
class Cell:
    """One table cell: its text with wrapped lines joined by newlines, and its origin.
    `unread`: the reader could not see the cell's content (a PDF table cut by the page edge):
    its empty text is not known to be blank."""

    text: str
    pos: Position = Position()
    rowspan: int = 1
    colspan: int = 1
    unread: bool = False


@attrs.frozen
class Paragraph:
    """A run of prose text; `text` is as printed (already decoded, not normalised)."""

    text: str
    pos: Position = Position()


@attrs.frozen
class Table:
    """A grid of cells as the reader recovered it.

    `rows` keeps the reader's row boundaries. `dropped_empty` is True when the source form is
    known to omit empty cells (pipe rows that keep only their non-empty cells, a stream of cells
    with no row boundaries): positions of the remaining cells then say nothing about columns,
    and the mapping stage must place them by the table's own arithmetic.
    `dialect` names the reading that produced the grid; `scores` keeps every candidate reading's
    score for debugging (dialect name -> score), like CleverCSV's consistency table.
    `detection` says which path of the text search decided: "strict" (a fully clean reading at
    its dialect's prior, which no weaker dialect was asked about) or "search" (the best score).
    `gaps_marked`: in a `dropped_empty` stream, an empty cell stands for a gap of one or more
    blank columns and printed cells side by side are adjacent columns (lynx prints one empty
    line for a run of blank cells): placement then keeps only layouts that fit the gaps.
    """

    rows: tuple[tuple[Cell, ...], ...]
    pos: Position = Position()
    dialect: str = ""
    dropped_empty: bool = False
    scores: tuple[tuple[str, float], ...] = ()
    detection: str = ""
    gaps_marked: bool = False

    def cells(self) -> tuple[Cell, ...]:
        """All cells in reading order (row-major)."""
        return tuple(c for row in self.rows for c in row)


Block = Paragraph | Table


@attrs.frozen
class Document:
    """A reader's output: blocks in reading order plus facts about the source."""

    blocks: tuple[Block, ...]
    format: str = "text"
    encoding: str | None = None

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def dialect(self) -> str | None:
        """The dialect that read most of the tables, the first table's among equals (so that the
        same text always names the same one)."""
        names = [t.dialect for t in self.tables if t.dialect]
        if not names:
            return None
        return max(names, key=names.count)

"""HTML table markup inside a text dump: pandoc writes a raw `<table>` into markdown for any
table with row or column spans, and other converters do the same. The markup from a line that
opens `<table` to the line that closes it is handed to the HTML reader, whose span layout the
grid keeps; its cells' lines are shifted to the text's own numbering."""

from __future__ import annotations

import codecs
from collections.abc import Sequence

import attrs
import regex

from gov_disclosure.blocks import Cell, Table
from gov_disclosure.errors import GovDisclosureError
from gov_disclosure.readers.html import read_html

NAME = "html"
_OPEN = regex.compile(r"<table\b", regex.IGNORECASE)
_CLOSE = regex.compile(r"</table\s*>", regex.IGNORECASE)


def table_regions(lines: Sequence[str]) -> list[tuple[int, int]]:
    """`[start, end)` from a line that opens a table to the line that closes the outermost one
    (nested tables stay inside); an unclosed table runs to the end of the text. Text without
    table markup costs one join and one search."""
    text = "\n".join(lines)
    if "<" not in text or _OPEN.search(text) is None:
        return []
    out: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, line in enumerate(lines):
        if "<" not in line:
            continue
        opens, closes = len(_OPEN.findall(line)), len(_CLOSE.findall(line))
        if depth == 0 and opens:
            start = i
        depth += opens
        if depth and closes:
            depth = max(depth - closes, 0)
            if depth == 0:
                out.append((start, i + 1))
    if depth:
        out.append((start, len(lines)))
    return out


class HtmlMarkupDialect:
    """Embedded `<table>` markup, read by the HTML reader (one table per region)."""

    name = NAME
    prior = 1.0

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        return table_regions(lines)

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        markup = "\n".join(lines)
        try:
            doc = read_html(codecs.BOM_UTF8 + markup.encode("utf-8"))
        except GovDisclosureError:
            return None
        tables = [b for b in doc.blocks if isinstance(b, Table)]
        if len(tables) != 1:
            return None
        shift = first_line - 1
        rows = tuple(tuple(_shifted(c, shift) for c in row) for row in tables[0].rows)
        return attrs.evolve(tables[0], rows=rows, pos=attrs.evolve(tables[0].pos, line=first_line), dialect=NAME)


def _shifted(cell: Cell, shift: int) -> Cell:
    line = cell.pos.line
    return attrs.evolve(cell, pos=attrs.evolve(cell.pos, line=None if line is None else line + shift))

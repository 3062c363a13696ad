"""Plain text (a dump of a report) to blocks: tables found by the scored dialect search,
every other non-blank line a paragraph with its line number."""

from __future__ import annotations

from gov_disclosure.blocks import Block, Document, Paragraph, Position
from gov_disclosure.readers.base import Dialect
from gov_disclosure.readers.fixed_width import FixedWidthDialect
from gov_disclosure.readers.markdown import MarkdownDialect
from gov_disclosure.readers.pipe import PipeDialect
from gov_disclosure.readers.scoring import candidates, choose
from gov_disclosure.readers.tika_cells import TikaCellsDialect
from gov_disclosure.readers.tsv import TsvDialect

DIALECTS: list[Dialect] = [TikaCellsDialect(), TsvDialect(), PipeDialect(), MarkdownDialect(), FixedWidthDialect()]


def register_dialect(dialect: Dialect) -> None:
    """Add a table dialect to the search (an extension point for users' own dump formats)."""
    DIALECTS.append(dialect)


def read_text(text: str, *, encoding: str | None = None) -> Document:
    # pdftotext marks a page break with a form feed at the start of the next page's first line.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "").split("\n")
    chosen = choose(candidates(lines, DIALECTS))
    blocks: list[Block] = []
    i = 0
    for cand in chosen + [None]:
        stop = cand.start if cand else len(lines)
        for k in range(i, stop):
            if lines[k].strip(" \t\u00a0\u3000"):
                blocks.append(Paragraph(lines[k].rstrip(), Position(line=k + 1)))
        if cand is None:
            break
        blocks.append(cand.table)
        i = cand.end
    return Document(blocks=tuple(blocks), format="text", encoding=encoding)

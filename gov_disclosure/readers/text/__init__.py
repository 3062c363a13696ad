"""Plain text (a dump of a report) to blocks: one pass over the lines (`lines`), tables found by
the scored dialect search (`search`), every other non-blank line a paragraph with its line
number. The dialects live in `dialects`; `register_dialect` adds a user's own."""

from __future__ import annotations

from gov_disclosure.blocks import Block, Document, Paragraph, Position
from gov_disclosure.readers.text.dialects.base import Dialect
from gov_disclosure.readers.text.dialects.box import BoxDialect
from gov_disclosure.readers.text.dialects.cell_lines import CellLinesDialect
from gov_disclosure.readers.text.dialects.dashed import DashedDialect
from gov_disclosure.readers.text.dialects.fixed_width import FixedWidthDialect
from gov_disclosure.readers.text.dialects.grid_table import GridTableDialect
from gov_disclosure.readers.text.dialects.html_markup import HtmlMarkupDialect
from gov_disclosure.readers.text.dialects.label_runs import LabelRunsDialect
from gov_disclosure.readers.text.dialects.label_stack import LabelStackDialect
from gov_disclosure.readers.text.dialects.markdown import MarkdownDialect
from gov_disclosure.readers.text.dialects.pipe import PipeDialect
from gov_disclosure.readers.text.dialects.tika_cells import TikaCellsDialect
from gov_disclosure.readers.text.dialects.tsv import TsvDialect
from gov_disclosure.readers.text.dialects.value_stream import ValueStreamDialect
from gov_disclosure.readers.text.lines import scan
from gov_disclosure.readers.text.search import search
from gov_disclosure.readers.text.settings import DEFAULTS, FixedWidthSettings, TextSettings

__all__ = ["DIALECTS", "Dialect", "FixedWidthSettings", "TextSettings", "read_text", "register_dialect"]

DIALECTS: list[Dialect] = [
    HtmlMarkupDialect(),
    DashedDialect(),
    GridTableDialect(),
    BoxDialect(),
    TikaCellsDialect(),
    TsvDialect(),
    PipeDialect(),
    MarkdownDialect(),
    ValueStreamDialect(),
    FixedWidthDialect(),
    CellLinesDialect(),
    LabelStackDialect(),
    LabelRunsDialect(),
]


def register_dialect(dialect: Dialect) -> None:
    """Add a table dialect to the search (an extension point for users' own dump formats).
    Its `prior` attribute, if any, ranks it; else `TextSettings.default_prior`."""
    DIALECTS.append(dialect)


def read_text(text: str, *, encoding: str | None = None, settings: TextSettings | None = None) -> Document:
    # pdftotext marks a page break with a form feed at the start of the next page's first line:
    # kept there for the dialects (fixed width starts a block at it), dropped inside a line.
    raw = [ln[:1] + ln[1:].replace("\f", "") for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = scan(raw, settings or DEFAULTS)
    facts = lines.facts
    blocks: list[Block] = []
    i = 0
    for found in [*search(lines, DIALECTS), None]:
        stop = found.start if found else len(raw)
        blocks += [
            Paragraph(raw[k].rstrip().lstrip("\f"), Position(k + 1)) for k in range(i, stop) if not facts[k].blank
        ]
        if found is None:
            break
        blocks.append(found.table)
        i = found.end
    return Document(blocks=tuple(blocks), format="text", encoding=encoding)

"""The DOM walk of an HTML report: paragraphs and data tables in document order.

`HtmlBlockWalker` emits one Paragraph per block element or `<br>` line and one Table per data
table; a table's cells are read as the page lists them (`SourceCell`) and laid out on a grid by
`grid.flow`, under the HTML limits defined here: spans are clamped as browsers clamp them and
the grid area is capped, so a hostile `rowspan="99999999"` costs nothing and a huge grid ends in
an `InputFormatError`.
"""

from __future__ import annotations

import re

from gov_disclosure.blocks import Block, Paragraph, Position, Table
from gov_disclosure.grid import SourceCell, SourceRow, flow
from gov_disclosure.readers.html.page import Element, row_cells, source_line, table_rows

MAX_COLSPAN = 1000
"""Browsers clamp colspan to 1000 (HTML standard, "rules for parsing non-negative integers")."""
MAX_ROWSPAN = 65534
"""Browsers clamp rowspan to 65534; rows past the end of the row group are clipped anyway."""
MAX_GRID_CELLS = 200_000
"""A report table has a few hundred slots; more than this is damaged or hostile input."""

BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML collapses these, never NBSP or U+3000


def _squash(parts: list[str]) -> str:
    return _SPACES.sub(" ", "".join(parts)).strip()


class HtmlBlockWalker:
    """Emits blocks in document order: one Paragraph per block element or `<br>` line; tables
    not in `layout` become Table blocks numbered in order."""

    def __init__(self, layout: set[Element]) -> None:
        self.layout = layout
        self.blocks: list[Block] = []
        self.tables = 0
        self._buf: list[str] = []
        self._line: int | None = None
        self._blank = True  # the buffer holds only whitespace so far

    def walk(self, el: Element) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == "br":
            self._flush()
            return
        if tag == "table" and el not in self.layout:
            self._flush()
            self._table(el)
            return
        block = tag in BLOCK_TAGS
        if block:
            self._flush()
        self._text(el.text, source_line(el))
        for child in el:
            self.walk(child)
            self._text(child.tail, source_line(child))
        if block:
            self._flush()

    def _text(self, text: str | None, line: int | None) -> None:
        if text:
            if self._blank and text.strip():
                self._line, self._blank = line, False
            self._buf.append(text)

    def _flush(self) -> None:
        text = _squash(self._buf)
        if text:
            self.blocks.append(Paragraph(text, Position(line=self._line)))
        self._buf, self._blank = [], True

    def _table(self, table: Element) -> None:
        """A data table: caption and stray content first (as browsers render them), then grid."""
        index = self.tables
        groups: list[list[SourceRow]] = []
        for part in [table, *table.iterchildren("thead", "tbody", "tfoot")]:
            self._text(part.text, source_line(part))
            for child in part:
                if child.tag not in ("tr", "thead", "tbody", "tfoot", "colgroup", "col"):
                    self.walk(child)  # <caption>, foster-parented <p> ...
                self._text(child.tail, source_line(child))
        for group in table_rows(table):
            source_rows: list[SourceRow] = []
            for tr in group:
                self._text(tr.text, source_line(tr))
                for child in tr:
                    if child.tag not in ("td", "th"):
                        self.walk(child)
                    self._text(child.tail, source_line(child))
                cells = tuple(_source_cell(td) for td in row_cells(tr))
                source_rows.append(SourceRow(cells, source_line(tr)))
            groups.append(source_rows)
        self._flush()
        rows = flow(groups, table=index, max_cells=MAX_GRID_CELLS)
        if rows and rows[0]:
            self.tables += 1
            pos = Position(line=source_line(table), table=index)
            self.blocks.append(Table(rows, pos, dialect="html", dropped_empty=False))


def _source_cell(td: Element) -> SourceCell:
    rowspan = parse_span(td.get("rowspan"), default=1, maximum=MAX_ROWSPAN, allow_zero=True)
    colspan = parse_span(td.get("colspan"), default=1, maximum=MAX_COLSPAN, allow_zero=False)
    return SourceCell(cell_text(td), source_line(td), rowspan, colspan)


def parse_span(value: str | None, *, default: int, maximum: int, allow_zero: bool) -> int:
    """Read a span attribute the lenient way browsers do: leading digits only (`"2px"` -> 2).

    Missing or unreadable values give `default`; 0 is kept only where HTML gives it a meaning
    (rowspan); values above `maximum` are clamped.
    """
    digits = ""
    for ch in (value or "").strip():
        if not ("0" <= ch <= "9"):
            break
        digits += ch
        if len(digits) > 9:  # already far above any maximum; stop reading
            break
    if not digits:
        return default
    number = int(digits)
    if number == 0:
        return 0 if allow_zero else default
    return min(number, maximum)


def cell_text(td: Element) -> str:
    """A cell's text as printed: block elements and `<br>` become newlines, inline runs join,
    blank lines drop out (so a cell holding only `&nbsp;` is ""); nested tables flatten."""
    lines: list[list[str]] = [[]]

    def visit(el: Element) -> None:
        block = el.tag in BLOCK_TAGS or el.tag == "br"
        if block:
            lines.append([])
        lines[-1].append(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                visit(child)
            lines[-1].append(child.tail or "")
        if block:
            lines.append([])

    visit(td)
    return "\n".join(t for t in (_squash(parts) for parts in lines) if t)

"""HTML reader: a report page (or the fragment a page injects) -> positioned blocks.

Stages, one function each: `decode_html` (bytes -> text and the encoding used), `_parse`
(lxml, hardened), then `readers.html_page` (drop page furniture, measure, choose the body
container, tell layout tables from data tables), then `_Walker` (paragraphs and tables in
document order; span expansion lives in `readers.html_grid`).
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from gov_disclosure.blocks import Block, Document, Paragraph, Position, Table
from gov_disclosure.decoding import decode
from gov_disclosure.errors import GovDisclosureError, InputFormatError
from gov_disclosure.readers.html_grid import (
    MAX_COLSPAN,
    MAX_ROWSPAN,
    RawCell,
    RawRow,
    expand_grid,
    parse_span,
)
from gov_disclosure.readers.html_page import (
    Element,
    Page,
    choose_body,
    clean,
    row_cells,
    source_line,
    table_rows,
)

MAX_BYTES = 64 * 1024 * 1024
"""Report pages are well under 1 MB; anything past this is refused before parsing."""

_PRESCAN = 2048
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_ENTITY_DECL = re.compile(r"<!ENTITY|<!DOCTYPE[^>\[]{0,1000}\[", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|span|table|tr|td|th|br|h[1-6]|font"
    r"|center|section|article|ul|li|a)(?=[\s>/])",
    re.IGNORECASE,
)
_PAGE_START = re.compile(
    r"<(?:!doctype\s+html|html|\?xml[^>]*>\s*<(?:!doctype|html))", re.IGNORECASE
)
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML collapses these, never NBSP or U+3000
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32 BOMs start so too
_CHINESE = frozenset({"gb2312", "gbk", "gb18030", "hz"})
_WESTERN = frozenset({"ascii", "iso8859-1", "iso8859-15", "cp1252"})


def read_html(data: bytes, *, path: str | None = None) -> Document:
    """Read an HTML report page into a `Document` (format "html").

    Raises:
        DecodeError: the bytes decode in no supported encoding.
        InputFormatError: hostile or damaged input (entity declarations, beyond the limits of
            libxml2 or of `html_page`/`html_grid`, more than `MAX_BYTES`), or no text at all.
    """
    try:
        if len(data) > MAX_BYTES:
            raise InputFormatError(f"input larger than {MAX_BYTES} bytes")
        text, encoding = decode_html(data, path=path)
        if _ENTITY_DECL.search(text):
            raise InputFormatError("entity declarations (<!ENTITY / DOCTYPE subset) refused")
        root = _parse(text)
        clean(root)
        page = Page(root)
        body, headings = choose_body(page)
        walker = _Walker(page.layout)
        for heading in headings:
            walker.walk(heading)
        walker.walk(body)
        if not walker.blocks:
            raise InputFormatError("no text in the page (report loaded by script or iframe?)")
    except GovDisclosureError as err:
        raise err.with_path(path) if path else err from None
    except RecursionError:
        raise InputFormatError("element nesting too deep", path=path) from None
    return Document(tuple(walker.blocks), format="html", encoding=encoding)


def looks_like_html(text_or_bytes: str | bytes) -> bool:
    """Sniff content: True when the start of the input is HTML markup (page or fragment).

    Accepts a page starting with a tag, or any text whose first 4 KB hold at least three
    common HTML tags (so a fragment like `<p>…</p><table>` counts, a text dump does not).
    """
    if isinstance(text_or_bytes, bytes):
        head = text_or_bytes[:4096]
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            sample = head.decode("utf-16", "replace")
        else:  # tags are ASCII in every encoding a report page uses
            sample = head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    else:
        sample = text_or_bytes[:4096]
    sample = sample.lstrip("\ufeff \t\r\n")
    if _PAGE_START.match(sample):
        return True
    return len(_HTML_TAG.findall(sample)) >= 3


def decode_html(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return the text and the Python name of the codec used.

    Order: byte-order mark, then `<meta charset>` / `http-equiv` in the first 2 KB, then the
    shared fallback of `decoding.decode` (UTF-8, then GB18030). A declared GB2312/GBK that fails
    widens to GB18030 (pages declare GB2312 and use GBK characters); a declared Western
    single-byte charset (decodes anything) is tried after GB18030. A declaration contradicted
    by valid non-ASCII UTF-8 loses to UTF-8: such bytes are UTF-8 beyond reasonable doubt, and
    pages built from a GB2312 template but saved as UTF-8 are common.

    Raises:
        DecodeError: the bytes decode in no candidate encoding (names `path`).
    """
    if any(data.startswith(bom) for bom in _BOMS):
        return decode(data, path=path)
    declared = _declared(data[:_PRESCAN])
    if declared and declared != "utf-8":
        utf8 = None if data.isascii() else _strict(data, "utf-8")
        if utf8 is not None:
            return utf8, "utf-8"
        order = [declared]
        if declared in _CHINESE:
            order = [declared, "gb18030"]
        elif declared in _WESTERN:
            order = ["gb18030", declared]
        for codec in order:
            text = _strict(data, codec)
            if text is not None:
                return text, codec
    return decode(data, path=path)


def _declared(head: bytes) -> str | None:
    """The codec named by a `<meta charset>` or `http-equiv` in `head`, if Python knows it."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
        b"a".decode(name, "replace")  # LookupError for non-text codecs (base64, zlib ...)
    except (LookupError, UnicodeDecodeError):
        return None
    # A page readable as ASCII is not UTF-16/32 (WHATWG: such a declaration means UTF-8);
    # UTF-7 is never honoured (it can smuggle markup through ASCII).
    return "utf-8" if name.startswith(("utf-8", "utf-16", "utf-32", "utf-7")) else name


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _parse(text: str) -> Element:
    """Parse with libxml2's HTML parser: no network, no comments/PIs, default size limits
    (depth 256, 10 MB text node); the HTML parser never loads a DTD or expands entities."""
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
        huge_tree=False, recover=True, compact=True, collect_ids=False,
    )  # fmt: skip
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.LxmlError, ValueError) as err:
        raise InputFormatError(f"HTML not parseable: {err}") from None
    if root is None:
        raise InputFormatError("no HTML content")
    for entry in parser.error_log:  # libxml2 truncates the tree there: refuse, never guess
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in entry.message:
            message = entry.message.strip()
            raise InputFormatError(f"beyond the HTML parser's limits: {message}", line=entry.line)
    return root


def _squash(parts: list[str]) -> str:
    return _SPACES.sub(" ", "".join(parts)).strip()


class _Walker:
    """Emits blocks in document order: one Paragraph per block element or `<br>` line."""

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
        block = tag in _BLOCK_TAGS
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
        groups: list[list[RawRow]] = []
        for part in [table, *table.iterchildren("thead", "tbody", "tfoot")]:
            self._text(part.text, source_line(part))
            for child in part:
                if child.tag not in ("tr", "thead", "tbody", "tfoot", "colgroup", "col"):
                    self.walk(child)  # <caption>, foster-parented <p> ...
                self._text(child.tail, source_line(child))
        for group in table_rows(table):
            raw_rows: list[RawRow] = []
            for tr in group:
                self._text(tr.text, source_line(tr))
                for child in tr:
                    if child.tag not in ("td", "th"):
                        self.walk(child)
                    self._text(child.tail, source_line(child))
                cells = tuple(_raw_cell(td) for td in row_cells(tr))
                raw_rows.append(RawRow(cells, source_line(tr)))
            groups.append(raw_rows)
        self._flush()
        rows = expand_grid(groups, table=index)
        if rows and rows[0]:
            self.tables += 1
            pos = Position(line=source_line(table), table=index)
            self.blocks.append(Table(rows, pos, dialect="html", dropped_empty=False))


def _raw_cell(td: Element) -> RawCell:
    rowspan = parse_span(td.get("rowspan"), default=1, maximum=MAX_ROWSPAN, allow_zero=True)
    colspan = parse_span(td.get("colspan"), default=1, maximum=MAX_COLSPAN, allow_zero=False)
    return RawCell(cell_text(td), source_line(td), rowspan, colspan)


def cell_text(td: Element) -> str:
    """A cell's text as printed: block elements and `<br>` become newlines, inline runs join,
    blank lines drop out (so a cell holding only `&nbsp;` is ""); nested tables flatten."""
    lines: list[list[str]] = [[]]

    def visit(el: Element) -> None:
        block = el.tag in _BLOCK_TAGS or el.tag == "br"
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


__all__ = ["cell_text", "decode_html", "looks_like_html", "read_html"]

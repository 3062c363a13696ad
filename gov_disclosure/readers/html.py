"""HTML reader: a report page (or the fragment a page injects) -> positioned blocks.

Stages, one function each: `decode_html` (bytes -> text and the encoding used), `_parse`
(lxml, hardened), `_clean` (drop page furniture), `_choose_body` (the container holding the
report, found by a content score), and `_Walker` (paragraphs and tables in document order;
span expansion lives in `readers.html_grid`). Readers know blocks, never templates: nothing
here looks for a report label.

Nested tables: a table is a *layout* table when it is a single cell, when one of its cells
holds more than `LAYOUT_CELL_CHARS` characters, or when it contains another table with at least
two rows and two columns. A layout table is not emitted; its cells are walked like `<div>`s, so
the report's real tables inside it become Table blocks. Any other table inside a data table is
flattened into its cell's text (one line per inner row or cell).
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

MAX_BYTES = 64 * 1024 * 1024
"""Report pages are well under 1 MB; anything past this is refused before parsing."""
MAX_DEPTH = 250
"""Deepest element nesting accepted (libxml2 itself stops at 256 without `huge_tree`)."""
LAYOUT_CELL_CHARS = 300
"""A cell with more text than this is page layout, not a data cell (report cells hold < 100)."""
DOMINANCE = 0.8
"""Descend into a child holding at least this share of its parent's content score."""
TABLE_BONUS = 200
"""Content-score weight of one table, in characters of text."""

_PRESCAN = 2048
_NOISE_TAGS = (
    "script", "style", "noscript", "nav", "footer", "button", "iframe", "frame", "frameset",
    "object", "embed", "select", "textarea", "input", "svg", "template", "head",
)  # fmt: skip
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
_HEADINGS = ("h1", "h2", "h3")
_NOISE_HINT = re.compile(
    r"nav|menu|crumb|share|foot|copyright|sidebar|toolbar|banner|topbar|qrcode|erweima"
    r"|position|location|print|related",
    re.IGNORECASE,
)
_TITLE_HINT = re.compile(r"title|headline", re.IGNORECASE)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
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


def read_html(data: bytes, *, path: str | None = None) -> Document:
    """Read an HTML report page into a `Document` (format "html").

    Raises:
        DecodeError: the bytes decode in no supported encoding.
        InputFormatError: hostile or damaged input (entity declarations, nesting deeper than
            `MAX_DEPTH`, oversized tables or input, no text at all).
    """
    try:
        if len(data) > MAX_BYTES:
            raise InputFormatError(f"input larger than {MAX_BYTES} bytes")
        text, encoding = decode_html(data, path=path)
        if _ENTITY_DECL.search(text):
            raise InputFormatError("entity declarations (<!ENTITY / DOCTYPE subset) refused")
        root = _parse(text)
        _clean(root)
        body, headings = _choose_body(root)
        walker = _Walker()
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
    widens to GB18030 (pages declare GB2312 and use GBK characters). A declaration contradicted
    by valid non-ASCII UTF-8 loses to UTF-8: such bytes are UTF-8 beyond reasonable doubt, and
    pages built from a GB2312 template but saved as UTF-8 are common.

    Raises:
        DecodeError: the bytes decode in no candidate encoding (names `path`).
    """
    if any(data.startswith(bom) for bom in _BOMS):
        return decode(data, path=path)
    declared = _declared(data[:_PRESCAN])
    if declared and declared != "utf-8":
        if not data.isascii() and _strict(data, "utf-8") is not None:
            return data.decode("utf-8"), "utf-8"
        for codec in [declared, "gb18030"] if declared in _CHINESE else [declared]:
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
    except (LookupError, UnicodeDecodeError):
        return None
    # A page readable as ASCII is not UTF-16/32 (WHATWG: such a declaration means UTF-8).
    return "utf-8" if name.startswith(("utf-8", "utf-16", "utf-32")) else name


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _parse(text: str) -> etree._Element:
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


def _clean(root: etree._Element) -> None:
    """Remove what a reader of the printed page never sees or never counts as the report.

    Scripts, styles, navigation, footers and frames go by tag (a `<header>` only outside
    `<article>`/`<main>`, where it is the site's, not the article's); `<form>` is unwrapped
    (ASP.NET pages wrap the whole page in one); hidden elements go by inline style; breadcrumbs,
    share bars and the like by a class/id hint, but only when small, table-free and not a table
    part (a content `<div id="printContent">` carries a hint too and must stay).
    """
    etree.strip_elements(root, *_NOISE_TAGS, with_tail=False)
    etree.strip_tags(root, "form")
    for header in list(root.iter("header")):
        if next(header.iterancestors("article", "main"), None) is None:
            _drop(header)
    doomed: list[etree._Element] = []
    for el, depth in _preorder(root):
        if depth > MAX_DEPTH:
            raise InputFormatError(f"elements nested deeper than {MAX_DEPTH}", line=_line(el))
        if doomed and any(a is doomed[-1] for a in el.iterancestors()):
            continue  # inside an element already doomed (preorder: it is the last one)
        hint = el.get("class", "") + " " + el.get("id", "")
        if _HIDDEN.search(el.get("style", "")) or (
            el.tag not in _TABLE_PARTS
            and _NOISE_HINT.search(hint)
            and el.find(".//table") is None
            and _text_len(el) < LAYOUT_CELL_CHARS
        ):
            doomed.append(el)
    for el in doomed:
        _drop(el)


def _preorder(root: etree._Element) -> list[tuple[etree._Element, int]]:
    """Elements with their depth, iteratively (no recursion on hostile nesting)."""
    out: list[tuple[etree._Element, int]] = []
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        if not isinstance(el.tag, str):
            continue
        out.append((el, depth))
        stack.extend((child, depth + 1) for child in reversed(el))
    return out


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _text_len(el: etree._Element) -> int:
    """Characters of text under `el`, whitespace not counted."""
    return sum(len("".join(str(s).split())) for s in el.itertext())


def _line(el: etree._Element) -> int | None:
    """The element's 1-based source line (lxml-stubs mistype `sourceline`)."""
    line: object = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else None


def _choose_body(root: etree._Element) -> tuple[etree._Element, list[etree._Element]]:
    """Find the report's container and the headings standing just outside it.

    Scores every element by its non-link text plus `TABLE_BONUS` per data table, then descends from
    `<body>` while one child holds `DOMINANCE` of the score and no sibling left behind holds a
    table that is not mostly links. Headings (h1-h3, or class/id "title") in the siblings left
    behind before the chosen child are kept: the page title often sits outside the content div.
    """
    order = _preorder(root)
    own: dict[etree._Element, list[int]] = {}  # element -> [text, link text, tables]
    in_link: set[etree._Element] = set()
    for el, _ in order:
        parent = el.getparent()
        if el.tag == "a" or (parent is not None and parent in in_link):
            in_link.add(el)
        n = len("".join((el.text or "").split())) + sum(
            len("".join((c.tail or "").split())) for c in el
        )
        own[el] = [0, n, 0] if el in in_link else [n, 0, 0]
        own[el][2] = int(el.tag == "table" and not _is_layout(el))
    for el, _ in reversed(order):
        parent = el.getparent()
        if parent is not None and parent in own:
            for i in range(3):
                own[parent][i] += own[el][i]

    def score(el: etree._Element) -> float:
        text, _, tables = own[el]
        return text + TABLE_BONUS * tables

    def link_heavy(el: etree._Element) -> bool:
        text, link, _ = own[el]
        return link > text

    body = root.find("body")
    current = body if body is not None else root
    headings: list[etree._Element] = []
    while True:
        children = [c for c in current if c in own and _descendable(c)]
        if not children:
            break
        best = max(children, key=score)
        others = [c for c in current if c in own and c is not best]
        if score(best) < DOMINANCE * score(current) or any(
            own[c][2] and not link_heavy(c) for c in others
        ):
            break
        level: list[etree._Element] = []
        for sibling in best.itersiblings(preceding=True):
            level[:0] = [h for h in _headings(sibling) if not link_heavy(h)]
        headings.extend(level)
        current = best
    return current, headings


def _descendable(el: etree._Element) -> bool:
    return el.tag not in ("table", "p") or (el.tag == "table" and _is_layout(el))


def _headings(el: etree._Element) -> list[etree._Element]:
    """Outermost heading-like elements in `el` (itself included), in document order."""
    found: list[etree._Element] = []
    for node in el.iter():
        if not isinstance(node.tag, str) or any(f in node.iterancestors() for f in found):
            continue
        if node.tag in _HEADINGS or _TITLE_HINT.search(node.get("class", "") + node.get("id", "")):
            found.append(node)
    return found


def _rows(table: etree._Element) -> list[list[etree._Element]]:
    """The table's own rows, grouped as the HTML table model groups them."""
    groups: list[list[etree._Element]] = []
    loose: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            loose.append(child)
            continue
        if loose:
            groups.append(loose)
            loose = []
        if child.tag in ("thead", "tbody", "tfoot"):
            groups.append([tr for tr in child if tr.tag == "tr"])
    if loose:
        groups.append(loose)
    return groups


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if c.tag in ("td", "th")]


def _is_layout(table: etree._Element) -> bool:
    """The module docstring's rule: page layout rather than a grid of data."""
    rows = [tr for group in _rows(table) for tr in group]
    if sum(len(_cells(tr)) for tr in rows) <= 1:
        return True
    for tr in rows:
        if any(_text_len(td) > LAYOUT_CELL_CHARS for td in _cells(tr)):
            return True
    for inner in table.iterdescendants("table"):
        inner_rows = [tr for group in _rows(inner) for tr in group]
        if len(inner_rows) >= 2 and max(len(_cells(tr)) for tr in inner_rows) >= 2:
            return True
    return False


def _squash(parts: list[str]) -> str:
    return _SPACES.sub(" ", "".join(parts)).strip()


class _Walker:
    """Emits blocks in document order: one Paragraph per block element or `<br>` line."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self._buf: list[str] = []
        self._line: int | None = None
        self._blank = True  # the buffer holds only whitespace so far

    def walk(self, el: etree._Element) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == "br":
            self._flush()
            return
        if tag == "table" and not _is_layout(el):
            self._flush()
            self._table(el)
            return
        block = tag in _BLOCK_TAGS
        if block:
            self._flush()
        self._text(el.text, _line(el))
        for child in el:
            self.walk(child)
            self._text(child.tail, _line(child))
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

    def _table(self, table: etree._Element) -> None:
        """A data table: caption and stray content first (as browsers render them), then grid."""
        index = self.tables
        groups: list[list[RawRow]] = []
        for part in [table, *table.iterchildren("thead", "tbody", "tfoot")]:
            self._text(part.text, _line(part))
            for child in part:
                if child.tag not in ("tr", "thead", "tbody", "tfoot", "colgroup", "col"):
                    self.walk(child)  # <caption>, foster-parented <p> ...
                self._text(child.tail, _line(child))
        for group in _rows(table):
            raw_rows: list[RawRow] = []
            for tr in group:
                self._text(tr.text, _line(tr))
                for child in tr:
                    if child.tag not in ("td", "th"):
                        self.walk(child)
                    self._text(child.tail, _line(child))
                raw_rows.append(RawRow(tuple(_raw_cell(td) for td in _cells(tr)), _line(tr)))
            groups.append(raw_rows)
        self._flush()
        rows = expand_grid(groups, table=index)
        if rows and rows[0]:
            self.tables += 1
            pos = Position(line=_line(table), table=index)
            self.blocks.append(Table(rows, pos, dialect="html", dropped_empty=False))


def _raw_cell(td: etree._Element) -> RawCell:
    rowspan = parse_span(td.get("rowspan"), default=1, maximum=MAX_ROWSPAN, allow_zero=True)
    colspan = parse_span(td.get("colspan"), default=1, maximum=MAX_COLSPAN, allow_zero=False)
    return RawCell(cell_text(td), _line(td), rowspan, colspan)


def cell_text(td: etree._Element) -> str:
    """A cell's text as printed: block elements and `<br>` become newlines, inline runs join,
    blank lines drop out (so a cell holding only `&nbsp;` is ""); nested tables flatten."""
    lines: list[list[str]] = [[]]

    def visit(el: etree._Element) -> None:
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

    lines[-1].append(td.text or "")
    for child in td:
        if isinstance(child.tag, str):
            visit(child)
        lines[-1].append(child.tail or "")
    return "\n".join(t for t in (_squash(parts) for parts in lines) if t)


__all__ = ["cell_text", "decode_html", "looks_like_html", "read_html"]

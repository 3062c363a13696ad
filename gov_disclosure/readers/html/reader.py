"""HTML reader: a report page (or the fragment a page injects) -> positioned blocks.

Stages, one function each: `decode_html` (bytes -> text and the encoding used, in
`readers.html.encoding`), `_parse` (lxml, hardened), then `readers.html.page` (drop page
furniture, measure, choose the body container, tell layout tables from data tables), then
`readers.html.walk` (paragraphs and tables in document order; spans laid out by `grid.flow`).
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from gov_disclosure.blocks import Document
from gov_disclosure.errors import GovDisclosureError, InputFormatError
from gov_disclosure.readers.html.encoding import decode_html
from gov_disclosure.readers.html.page import Element, MeasuredPage, choose_body, clean
from gov_disclosure.readers.html.walk import HtmlBlockWalker

MAX_BYTES = 64 * 1024 * 1024
"""Report pages are well under 1 MB; anything past this is refused before parsing."""
SNIFF_BYTES = 4096
"""How much of the input `looks_like_html` reads."""

_ENTITY_DECL = re.compile(r"<!ENTITY|<!DOCTYPE[^>\[]{0,1000}\[", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|span|table|tr|td|th|br|h[1-6]|font"
    r"|center|section|article|ul|li|a)(?=[\s>/])",
    re.IGNORECASE,
)
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html|\?xml[^>]*>\s*<(?:!doctype|html))", re.IGNORECASE)
# A text table's rule line (`|---|---|`, `---|---`, `+----+`, `----- -----`): text that embeds some
# markup, as pandoc's markdown does for tables with spans, is a text dump; the text reader hands it
# the markup.
_TEXT_TABLE_RULE = re.compile(
    r"^[ \t]*(?:\|?[ \t]*:?-{3,}:?[ \t]*\||\+[-=:]{3,}\+|-{3,}(?:[ \t]+-{3,})+[ \t]*$)", re.MULTILINE
)
# Lines that open with a markdown link (`[首页](/)`, `-   [政务公开](/col/…)`): markdown that keeps a
# page's wrapper `<div>`s as raw markup (pandoc's gfm) is text; an HTML page's lines open with tags.
_MARKDOWN_LINK = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?!?\[[^\]\n]*\]\([^)\s]*\)", re.MULTILINE)


def read_html(data: bytes, *, path: str | None = None) -> Document:
    """Read an HTML report page into a `Document` (format "html").

    Raises:
        DecodeError: the bytes decode in no supported encoding.
        InputFormatError: hostile or damaged input (entity declarations, beyond the limits of
            libxml2 or of `readers.html.page`/`readers.html.walk`, more than `MAX_BYTES`), or
            no text at all.
    """
    try:
        if len(data) > MAX_BYTES:
            raise InputFormatError(f"input larger than {MAX_BYTES} bytes")
        text, encoding = decode_html(data, path=path)
        if _ENTITY_DECL.search(text):
            raise InputFormatError("entity declarations (<!ENTITY / DOCTYPE subset) refused")
        root = _parse(text)
        clean(root)
        page = MeasuredPage(root)
        body, headings = choose_body(page)
        walker = HtmlBlockWalker(page.layout)
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
    common HTML tags (so a fragment like `<p>…</p><table>` counts, a text dump does not) and no
    text table rule line nor two lines opening with a markdown link (markdown that embeds
    `<table>` or `<div>` markup is a text dump).
    """
    if isinstance(text_or_bytes, bytes):
        head = text_or_bytes[:SNIFF_BYTES]
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            sample = head.decode("utf-16", "replace")
        else:  # tags are ASCII in every encoding a report page uses
            sample = head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    else:
        sample = text_or_bytes[:SNIFF_BYTES]
    sample = sample.lstrip("\ufeff \t\r\n")
    if _PAGE_START.match(sample):
        return True
    if len(_HTML_TAG.findall(sample)) < 3 or _TEXT_TABLE_RULE.search(sample):
        return False
    return len(_MARKDOWN_LINK.findall(sample)) < 2


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

"""Pick a reader from the content, not the file name: each reader's own test of its format
first (PDF magic, a zip or OLE2 container), then markup, else a text dump."""

from __future__ import annotations

from collections.abc import Callable

from gov_disclosure.blocks import Document
from gov_disclosure.decoding import decode
from gov_disclosure.readers.docx import looks_like_legacy_office, read_docx
from gov_disclosure.readers.html import looks_like_html, read_html
from gov_disclosure.readers.pdf import looks_like_pdf, read_pdf
from gov_disclosure.readers.text import read_text

# Every zip goes to the DOCX reader, which names what a zip that is not a DOCX is; so does an
# OLE2 file (.doc/.wps, or an encrypted DOCX), whose error says how to convert it.
ZIP_MAGIC = b"PK\x03\x04"
READERS: dict[str, Callable[..., Document]] = {"pdf": read_pdf, "docx": read_docx, "html": read_html}


def detect_format(data: bytes) -> str:
    """`pdf`, `docx`, `html` or `text`."""
    if looks_like_pdf(data):
        return "pdf"
    if data.startswith(ZIP_MAGIC) or looks_like_legacy_office(data):
        return "docx"
    return "html" if looks_like_html(data) else "text"


def read_any(data: bytes, *, path: str | None = None) -> Document:
    fmt = detect_format(data)
    if fmt in READERS:
        return READERS[fmt](data, path=path)
    text, encoding = decode(data, path=path)
    return read_text(text, encoding=encoding)

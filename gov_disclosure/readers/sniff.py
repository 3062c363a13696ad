"""Pick a reader from the content, not the file name: magic numbers first, then markup."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

from gov_disclosure.blocks import Document
from gov_disclosure.decoding import decode
from gov_disclosure.readers.text import read_text

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _reader(module: str, name: str) -> Callable[..., Document]:
    return cast(Callable[..., Document], getattr(importlib.import_module(f"gov_disclosure.readers.{module}"), name))


def detect_format(data: bytes) -> str:
    """`pdf`, `docx`, `legacy-office`, `html` or `text`."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(OLE2_MAGIC):
        return "legacy-office"
    try:
        looks_like_html = _reader("html", "looks_like_html")
    except ImportError:
        return "text"
    return "html" if looks_like_html(data) else "text"


def read_any(data: bytes, *, path: str | None = None) -> Document:
    fmt = detect_format(data)
    if fmt == "legacy-office":  # .doc/.wps, or an encrypted DOCX: the DOCX reader says which
        fmt = "docx"
    if fmt in ("pdf", "docx", "html"):
        return _reader(fmt, f"read_{fmt}")(data, path=path)
    text, encoding = decode(data, path=path)
    return read_text(text, encoding=encoding)

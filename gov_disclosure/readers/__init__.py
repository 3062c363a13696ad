"""Readers: each turns one form of input into a `blocks.Document`, picked by content.

One sub-package or module per kind: `pdf` (text-layer PDF), `docx` (Word/WPS packages), `html`
(report pages) and `text` (dumps in the table dialects). `READERS` lists them as `Reader`s in
the order they are asked: each looks at the first `HEAD_BYTES` of the input, the first that
accepts it reads it. The order matters: PDF first (its magic may follow junk), then DOCX, which
takes every zip and OLE2 file so that another Office format or a legacy `.doc`/`.wps` ends in an
error saying what it is; then HTML markup; text last, accepting anything. Every reader's named
tolerances travel in one `Settings`, passed explicitly (never global).
"""

from __future__ import annotations

from typing import Protocol

import attrs

from gov_disclosure.blocks import Document
from gov_disclosure.decoding import decode
from gov_disclosure.errors import GovDisclosureError
from gov_disclosure.readers.docx import looks_like_office_container, read_docx
from gov_disclosure.readers.html import looks_like_html, read_html
from gov_disclosure.readers.pdf import PdfSettings, looks_like_pdf, read_pdf
from gov_disclosure.readers.text import TextSettings, read_text

HEAD_BYTES = 4096
"""How much of the input the readers' content tests see."""


@attrs.frozen
class Settings:
    """The named tolerances of every reader, one field per reader that has any."""

    pdf: PdfSettings = PdfSettings()
    text: TextSettings = TextSettings()


class Reader(Protocol):
    """One input form: its name (`Document.format`), a test on the first bytes, the reader."""

    name: str

    def accepts(self, head: bytes) -> bool:
        """True when this reader takes an input starting with `head`."""
        ...

    def read(self, data: bytes, path: str | None, settings: Settings) -> Document:
        """Read the whole input; `path` only names the file in errors."""
        ...


class PdfReader:
    """PDF with a text layer: the `%PDF-` magic within the first KB."""

    name = "pdf"

    def accepts(self, head: bytes) -> bool:
        return looks_like_pdf(head)

    def read(self, data: bytes, path: str | None, settings: Settings) -> Document:
        return read_pdf(data, path=path, settings=settings.pdf)


class DocxReader:
    """Word/WPS `.docx`; also any other zip or OLE2 file, to say what it is."""

    name = "docx"

    def accepts(self, head: bytes) -> bool:
        return looks_like_office_container(head)

    def read(self, data: bytes, path: str | None, settings: Settings) -> Document:
        return read_docx(data, path=path)


class HtmlReader:
    """A report page or page fragment: HTML markup at the start."""

    name = "html"

    def accepts(self, head: bytes) -> bool:
        return looks_like_html(head)

    def read(self, data: bytes, path: str | None, settings: Settings) -> Document:
        return read_html(data, path=path)


class TextReader:
    """A text dump in any supported encoding: accepts anything, so it comes last."""

    name = "text"

    def accepts(self, head: bytes) -> bool:
        return True

    def read(self, data: bytes, path: str | None, settings: Settings) -> Document:
        text, encoding = decode(data, path=path)
        return read_text(text, encoding=encoding, settings=settings.text)


READERS: tuple[Reader, ...] = (PdfReader(), DocxReader(), HtmlReader(), TextReader())


def choose_reader(data: bytes, readers: tuple[Reader, ...] = READERS) -> Reader:
    """The first of `readers` that accepts the input (the text reader accepts anything)."""
    head = data[:HEAD_BYTES]
    for reader in readers:
        if reader.accepts(head):
            return reader
    raise ValueError(f"no reader accepts the input among {[r.name for r in readers]}")


def detect_format(data: bytes) -> str:
    """`pdf`, `docx`, `html` or `text`: the name of the reader the content calls for."""
    return choose_reader(data).name


def read_any(
    data: bytes,
    *,
    path: str | None = None,
    settings: Settings | None = None,
    readers: tuple[Reader, ...] = READERS,
) -> Document:
    """Bytes to blocks with the first of `readers` that accepts them; errors name `path`.

    Raises:
        GovDisclosureError: the chosen reader's error (`DecodeError`, `InputFormatError`,
            `MissingExtraError`), naming `path`.
    """
    reader = choose_reader(data, readers)
    try:
        return reader.read(data, path, settings or Settings())
    except GovDisclosureError as err:
        raise (err.with_path(path) if path else err) from None


__all__ = [
    "HEAD_BYTES",
    "READERS",
    "DocxReader",
    "HtmlReader",
    "PdfReader",
    "Reader",
    "Settings",
    "TextReader",
    "choose_reader",
    "detect_format",
    "read_any",
]

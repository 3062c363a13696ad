"""DOCX reader: a Word or WPS `.docx` package into positioned blocks.

The package is opened by `readers.docx.package` (zip safety: every member's declared size and
compression ratio checked before anything is decompressed, bounded reads, hardened XML), its
list definitions read by `readers.docx.lists`, and `w:body` walked by `readers.docx.body`.
Inputs that are not a DOCX (legacy `.doc`/`.wps`, RTF, other zips) end in an error saying what
they are and how to convert them.
"""

from __future__ import annotations

import io
import posixpath
import shlex
import zipfile

from lxml import etree

from gov_disclosure.blocks import Document
from gov_disclosure.errors import InputFormatError
from gov_disclosure.readers.docx.body import DocxBodyWalker
from gov_disclosure.readers.docx.lists import ListNumbering
from gov_disclosure.readers.docx.package import ZIP_ERRORS, SafePackage

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_NS = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict Open XML
)


def looks_like_docx(data: bytes) -> bool:
    """True for a zip archive holding a `word/` part (Word or WPS, transitional or strict)."""
    return data[:4] == ZIP_MAGIC and b"word/" in data


def looks_like_legacy_office(data: bytes) -> bool:
    """True for an OLE2 compound file: legacy `.doc`/`.wps` (or a password-protected `.docx`)."""
    return data[:8] == OLE2_MAGIC


def read_docx(data: bytes, *, path: str | None = None) -> Document:
    """Read a `.docx` file into blocks; `path` only names the file in errors.

    Raises:
        InputFormatError: not a DOCX (legacy `.doc`/`.wps`, RTF, HTML, other zip), damaged,
            over a size limit, a zip bomb, a DOCTYPE in XML, or nested too deeply.
    """
    if looks_like_legacy_office(data):
        raise _legacy_error(data, path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as err:
        raise InputFormatError(f"not a DOCX file: not a zip archive ({err}){_hint(data)}", path=path) from None
    with archive:
        pkg = SafePackage(archive, path)
        main = pkg.target("_rels/.rels", "/officeDocument") or ""
        main = main if main.lower() in pkg.members else "word/document.xml"
        root = pkg.xml(main)
        if root is None:
            raise InputFormatError(f"no {main} in the zip archive: not a Word document{pkg.other_kind()}", path=path)
        ns = etree.QName(root).namespace or ""
        body = root.find(f"{{{ns}}}body")
        if ns not in _MAIN_NS or body is None:
            raise InputFormatError(f"{main} is not a WordprocessingML document body", path=path)
        rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        numbering = ListNumbering(
            pkg.xml(pkg.target(rels, "/numbering") or "word/numbering.xml"),
            pkg.xml(pkg.target(rels, "/styles") or "word/styles.xml"),
            ns,
        )
    try:
        blocks = DocxBodyWalker(ns, numbering, path).content(body, 0, flat=False)
    except RecursionError:  # only when the caller is already deep: libxml2 caps depth at 256
        raise InputFormatError("document nested too deeply to read", path=path) from None
    return Document(blocks=tuple(blocks), format="docx", encoding=None)


def _legacy_error(data: bytes, path: str | None) -> InputFormatError:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return InputFormatError(
            "password-protected Office document: remove the password in Word or WPS and save it again as .docx",
            path=path,
        )
    target = shlex.quote(path) if path else "FILE"
    return InputFormatError(
        "legacy binary Word/WPS document (.doc/.wps, OLE2), which is not read directly: "
        f"convert it to .docx first, e.g. `soffice --headless --convert-to docx {target}` "
        "(LibreOffice), or save it as .docx from Word or WPS",
        path=path,
    )


def _hint(data: bytes) -> str:
    """A guess at what a non-zip input really is, for the error message."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        return "; it is an RTF file: convert it, e.g. `soffice --headless --convert-to docx FILE`"
    if head.startswith(b"%pdf"):
        return "; it is a PDF file: read it with the PDF reader"
    if b"<html" in head or b"mime-version" in head:
        return "; it looks like a web page saved as .doc: read it with the HTML reader"
    return ""


def looks_like_office_container(head: bytes) -> bool:
    """True for any zip or OLE2 file: what the DOCX reader takes, to read it or to say what it
    is (another Office format, a legacy `.doc`/`.wps`) and how to convert it."""
    return head.startswith(ZIP_MAGIC) or looks_like_legacy_office(head)

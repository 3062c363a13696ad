"""The DOCX reader: `reader` (entry point, sniffing, errors for what is not a DOCX), `package`
(zip safety), `lists` (Word list numbering), `body` (the body walker)."""

from __future__ import annotations

from gov_disclosure.readers.docx.lists import ListNumbering, format_number
from gov_disclosure.readers.docx.reader import (
    looks_like_docx,
    looks_like_legacy_office,
    looks_like_office_container,
    read_docx,
)

__all__ = [
    "ListNumbering",
    "format_number",
    "looks_like_docx",
    "looks_like_legacy_office",
    "looks_like_office_container",
    "read_docx",
]

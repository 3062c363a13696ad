"""The PDF reader (optional extra `pdf`): `reader` is the pdfplumber-facing boundary, `layout`
and `assembly` the pure layout stages; all import without pdfplumber, which `read_pdf` loads when called."""

from __future__ import annotations

from gov_disclosure.readers.pdf.assembly import assemble, build_table
from gov_disclosure.readers.pdf.layout import (
    DrawnCell,
    DrawnTable,
    Line,
    PageContent,
    PdfSettings,
    Word,
    closing_rules,
    continues,
    group_lines,
    is_grid,
    outside,
    strip_furniture,
    trim_text_table,
)
from gov_disclosure.readers.pdf.reader import looks_like_pdf, read_pdf

__all__ = [
    "DrawnCell",
    "DrawnTable",
    "Line",
    "PageContent",
    "PdfSettings",
    "Word",
    "assemble",
    "build_table",
    "closing_rules",
    "continues",
    "group_lines",
    "is_grid",
    "looks_like_pdf",
    "outside",
    "read_pdf",
    "strip_furniture",
    "trim_text_table",
]

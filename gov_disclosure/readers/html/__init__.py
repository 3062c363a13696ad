"""The HTML reader: `reader` (entry point and sniffing), `encoding` (charset detection),
`page` (furniture, layout tables, the body container), `walk` (paragraphs and tables)."""

from __future__ import annotations

from gov_disclosure.readers.html.encoding import decode_html
from gov_disclosure.readers.html.reader import looks_like_html, read_html
from gov_disclosure.readers.html.walk import MAX_COLSPAN, MAX_GRID_CELLS, MAX_ROWSPAN, cell_text, parse_span

__all__ = [
    "MAX_COLSPAN",
    "MAX_GRID_CELLS",
    "MAX_ROWSPAN",
    "cell_text",
    "decode_html",
    "looks_like_html",
    "parse_span",
    "read_html",
]

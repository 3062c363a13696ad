"""Line classification shared by the text dialects (no template knowledge here)."""

from __future__ import annotations

import regex

# A generic enumerated heading (`三、…`, `（二）…`): never a wrapped table cell.
_HEADING = regex.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）])")
MAX_CONTINUATION = 30


def is_blank(line: str) -> bool:
    return not line.strip(" \t\r\u00a0\u3000")


def looks_like_heading(line: str) -> bool:
    return _HEADING.match(line) is not None


def is_continuation_text(line: str) -> bool:
    """A short line of text that may be the rest of a wrapped cell."""
    text = line.strip()
    return bool(text) and "\t" not in line and len(text) <= MAX_CONTINUATION and not looks_like_heading(text)

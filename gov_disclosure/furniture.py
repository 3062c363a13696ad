"""Page furniture every reader meets: page numbers printed in the margin, and the markers
conversion tools print in place of what they cannot render (`[bookmark: _Toc4]`, `[image: 图1]`).

One definition for the text dialects, the PDF reader and the sectioner, so a page number is the
same thing whatever form the report arrived in. Marks are compared in the simplified form
(`script.simplified`: 第3頁 is 第3页).
"""

from __future__ import annotations

import regex

from gov_disclosure.script import simplified

_MARK = r"[-—–－―‐_~·•]"
_PAGE_MARK = regex.compile(
    rf"""{_MARK}+\d{{1,4}}{_MARK}+
      | 第\d{{1,4}}页(?:[,，/／]?共\d{{1,4}}页)?
      | 共\d{{1,4}}页[,，/／]?第\d{{1,4}}页
      | \d{{1,4}}[/／]\d{{1,4}}
      | (?i:page)\d{{1,4}}(?:(?i:of)\d{{1,4}})?""",
    regex.VERBOSE,
)
_BARE = regex.compile(rf"{_MARK}*\d{{1,4}}{_MARK}*")
_BLANKS = regex.compile(r"[\s\u00a0\u3000]+")
_LEADS = frozenset("-—–－―‐_~·•第共pP")  # what a page mark starts with, besides a digit
_ENDS = frozenset("-—–－―‐_~·•页")  # what it ends with, besides a digit


def is_page_mark(text: str) -> bool:
    """A line that is only a page number marked as one: `- 3 -`, `第3页`, `第 3 页 共 6 页`,
    `3/6`, `Page 3 of 6`. A bare number is not one: it may be a value or a count. (Every line
    of a document is asked: its first and last characters rule most lines out at once.)"""
    lead, end = text.lstrip()[:1], text.rstrip()[-1:]
    if not (lead in _LEADS or lead.isdigit()) or not (end in _ENDS or end.isdigit() or simplified(end) in _ENDS):
        return False
    return _PAGE_MARK.fullmatch(simplified(_BLANKS.sub("", text))) is not None


def is_page_number(text: str) -> bool:
    """`is_page_mark`, or a bare or half-marked number (`3`, `-3`): only safe where position
    says the line is in the page margin."""
    folded = simplified(_BLANKS.sub("", text))
    return _PAGE_MARK.fullmatch(folded) is not None or _BARE.fullmatch(folded) is not None


_MARKER_LINE = regex.compile(r"(?:\\?\[[A-Za-z]+(?::[^\]\n]*)?\\?\][\s\u00a0\u3000]*)+")
_LOST_TABLE = regex.compile(r"\\?\[(?i:table)\\?\]")


def is_lost_table(text: str) -> bool:
    """A line that stands for a table a converter did not write (`[TABLE]`, as `pandoc -t plain`
    prints it; `\\[TABLE\\]` escaped): the sectioner reports it, it is no marker and no cell."""
    return _LOST_TABLE.fullmatch(text.strip()) is not None


def is_marker(text: str) -> bool:
    """A line that is only tool markers: a bracketed ASCII word, alone or with a colon and
    what it stands for (`[bookmark: _Toc4]`, `[image: 图1]`, `[IMG]`; markdown may escape the
    brackets: `\\[bookmark: x\\]`). Not a cell: a table's text never has this shape. `[TABLE]`
    is none: it stands for a lost table, which the sectioner reports."""
    stripped = text.strip(" \t\u00a0\u3000\r\n")
    if not stripped.startswith(("[", "\\[")):
        return False
    return _MARKER_LINE.fullmatch(stripped) is not None and _LOST_TABLE.fullmatch(stripped) is None

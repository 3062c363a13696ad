"""The line pass: what every line of a text dump is, computed once per document and shared by
every dialect, and the one run finder the dialects' region searches are built on.

`scan` makes a `Lines` view: a `Sequence[str]` (so a user's dialect written against plain
lines still works) that also carries `facts`, one `LineFacts` per line, and `numbers`, the
document's word table (`is_number` of each distinct word, read once however many dialects and
candidate regions ask). When the text has blank-padded lines it also carries `layout`, the
blank-run cells of its lines with their columns under both measures (display with CJK = 2, and
code points), which the fixed-width dialect reads. A dump repeats its lines and words on every
row and page, so facts and layouts are made once per distinct line. No template knowledge here.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple, overload

import regex

from gov_disclosure.furniture import is_page_mark
from gov_disclosure.normalize import looks_numeric
from gov_disclosure.numbering import starts_outline_heading
from gov_disclosure.readers.text.settings import DEFAULTS, TextSettings

BLANKS = " \u3000\xa0"  # what pads fixed-width cells
_WORD = regex.compile(f"[^{BLANKS}\t]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\f\v\r"))  # pdftotext starts each page with a form feed
_TAB_CELLS = regex.compile(r"\S\t+\S")  # TAB between cells: like a pipe, another dialect's line
_GAP = regex.compile(f"[{BLANKS}]{{2,}}|\\d[{BLANKS}]\\d")
_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def looks_like_heading(line: str) -> bool:
    """A generic enumerated heading (`三、…`, `（二）…`): never a wrapped table cell."""
    return starts_outline_heading(line)


def is_number(text: str) -> bool:
    """A value cell (signed or unit-suffixed number, or a dash placeholder), as the mapping
    stage will read it. (Plain ASCII digits, most value cells, need no folding.)"""
    if text.isdigit() and text.isascii():
        return True
    return bool(text.strip()) and looks_numeric(text)


class Numbers(dict[str, bool]):
    """One document's word table: `is_number` of each word asked, read once per distinct word
    (a dump prints the same numbers and labels on every row; the dialects, and the regions each
    reads, ask about the same words). Made by `scan`, shared by every slice of its `Lines`, and
    gone with them: no state outlives the document."""

    __slots__ = ()

    def __missing__(self, word: str) -> bool:
        value = self[word] = is_number(word)
        return value


def numbers_of(lines: Sequence[str]) -> Callable[[str], bool]:
    """The number test for words of `lines`: its document's table when it is a `Lines`."""
    return lines.numbers.__getitem__ if isinstance(lines, Lines) else is_number


class LineFacts(NamedTuple):
    """What one line is, for every dialect. (A named tuple: immutable, slotted and cheap, as
    there is one per line of every document.)"""

    blank: bool  # nothing but blanks
    tabs: int  # TAB characters
    tab_led: bool  # starts with a TAB (`\tx` is a cell line of a cell-per-line dump)
    pipes: int  # `|` characters
    framed: bool  # `|…|` after stripping
    rule: bool  # a framed markdown rule line `|---|:--|`
    pipe_led: bool  # starts with `|` after blanks
    short_text: bool  # plain, no TAB, at most `max_continuation` long, no heading: may end a wrapped cell
    heading: bool  # `looks_like_heading`
    foreign: bool  # has pipe or TAB cells: never a blank-padded table line
    gapped: bool  # blank-padded: two cells apart (and not foreign)
    cell_line: bool  # `\\tx`: one cell of a cell-per-line dump (a lone TAB is an empty cell)
    tsv_row: bool  # a row of TAB-separated cells: two TABs, or one not leading
    page_mark: bool  # `furniture.is_page_mark`: a page number marked as one (`- 3 -`)


_new = tuple.__new__  # a LineFacts from its fields in order, without the keyword-handling __new__
_EMPTY = LineFacts(True, 0, False, 0, False, False, False, False, False, False, False, False, False, False)


def line_facts(line: str, settings: TextSettings = DEFAULTS) -> LineFacts:
    """The facts of one line (cheap tests first: most lines have no TAB, pipe or blank)."""
    if not line:
        return _EMPTY
    stripped = line.strip()
    first = stripped[:1]
    tabs = line.count("\t")
    pipes = line.count("|")
    tab_led = line[0] == "\t"
    framed = pipes >= 2 and first == "|" and stripped[-1] == "|"
    heading = starts_outline_heading(stripped)
    foreign = (
        pipes > 0 or "｜" in line or (tabs > 1 or not tab_led) and tabs > 0 and _TAB_CELLS.search(line) is not None
    )
    return _new(
        LineFacts,
        (
            not stripped and not line.strip(" \t\r\u00a0\u3000"),  # some blanks are not whitespace
            tabs,
            tab_led,
            pipes,
            framed,
            framed and "-" in stripped and _RULE.match(line) is not None,
            first == "|",
            bool(stripped) and not tabs and len(stripped) <= settings.max_continuation and not heading,
            heading,
            foreign,
            not foreign
            and (" " in line or "\u3000" in line or "\xa0" in line)
            and _GAP.search(line.strip(BLANKS)) is not None,
            tab_led and tabs == 1,
            tabs >= 2 or tabs == 1 and not tab_led,
            is_page_mark(line),
        ),
    )


class Span(NamedTuple):
    """One blank-padded cell of a line: its text and its `[start, end)` columns in code points
    (pdftotext's measure) and in display columns (CJK = 2)."""

    text: str
    start: int
    end: int
    wide_start: int
    wide_end: int


class Layout(NamedTuple):
    """A line as the fixed-width dialect sees it: a page mark (`- 3 -`), and its cells --
    measured in the line pass unless the line is another dialect's or long prose, which no
    fixed-width table holds (`cells()` measures them when asked all the same)."""

    page_mark: bool
    spans: tuple[Span, ...] | None
    line: str

    def cells(self) -> tuple[Span, ...]:
        return self.spans if self.spans is not None else blank_runs(self.line)


def wide_chars(text: str) -> dict[int, None]:
    """A `str.translate` table deleting the East Asian wide and fullwidth characters of `text`:
    a word of `n` characters that keeps `k` of them is `2n - k` display columns wide."""
    return {ord(c): None for c in set(text) if ord(c) >= 0x1100 and unicodedata.east_asian_width(c) in ("W", "F")}


def blank_runs(
    line: str, wide: Mapping[int, None] | None = None, number: Callable[[str], bool] = is_number
) -> tuple[Span, ...]:
    """Cells of one line: words split at blank runs; a single blank joins two words (`(一)
    予以公开`) unless both are numbers (`1288 21`). `wide` is `wide_chars` of the document
    (else of the line); `number` the document's number test (`Numbers`)."""
    if "\f" in line or "\v" in line or "\r" in line:
        line = line.translate(_ZERO_WIDTH)
    words = [m.span() for m in _WORD.finditer(line)]
    table = wide_chars(line) if wide is None and not line.isascii() else wide or {}
    out: list[Span] = []
    first = done = shown = 0  # shown: display column of `done`
    for k in range(1, len(words) + 1):
        if k < len(words):
            (ps, pe), (s, e) = words[k - 1], words[k]
            if s - pe == 1 and not (number(line[ps:pe]) and number(line[s:e])):
                continue
        begin, end = words[first][0], words[k - 1][1]
        gap, text = line[done:begin], line[begin:end]
        shown += len(gap) + gap.count("\u3000")  # blanks and TABs: only U+3000 is wide
        width = len(text) if text.isascii() else 2 * len(text) - len(text.translate(table))
        out.append(Span(text, begin, end, shown, shown + width))
        first, done, shown = k, end, shown + width
    return tuple(out)


def is_long_prose(line: str, prose_width: int) -> bool:
    """A line at least two prose widths long with no blank run in it: prose, whatever its
    display width (which is then not worth measuring)."""
    body = line.strip(BLANKS + "\f\v\r")
    return len(body) >= 2 * prose_width and not _GAP.search(body)


_NO_CELLS = Layout(False, (), "")


class Lines(Sequence[str]):
    """The lines of one text with their facts; slicing keeps the facts of the slice."""

    __slots__ = ("_lines", "facts", "layout", "numbers", "settings")

    def __init__(
        self,
        lines: Sequence[str],
        facts: Sequence[LineFacts],
        layout: Sequence[Layout] | None,
        settings: TextSettings,
        numbers: Numbers | None = None,
    ) -> None:
        self._lines = lines
        self.facts = facts
        self.layout = layout
        self.settings = settings
        self.numbers = Numbers() if numbers is None else numbers

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Lines: ...

    def __getitem__(self, index: int | slice) -> str | Lines:
        if isinstance(index, slice):
            layout = None if self.layout is None else self.layout[index]
            return Lines(self._lines[index], self.facts[index], layout, self.settings, self.numbers)
        return self._lines[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)


def scan(lines: Sequence[str], settings: TextSettings | None = None, *, layout: bool | None = None) -> Lines:
    """The line pass. `layout` (the blank-run cells) is computed when asked, or by default when
    two lines are blank-padded (a fixed-width table needs two). A `Lines` keeps its facts (when
    the settings agree) and gains the layout if asked for it."""
    if isinstance(lines, Lines) and (settings is None or settings == lines.settings):
        if not layout or lines.layout is not None:
            return lines
        laid = _layout(lines._lines, lines.facts, lines.settings, lines.numbers)
        return Lines(lines._lines, lines.facts, laid, lines.settings, lines.numbers)
    text = lines._lines if isinstance(lines, Lines) else lines
    settings = settings or DEFAULTS
    of = {line: line_facts(line, settings) for line in set(text)}  # a dump repeats many lines
    facts = tuple(map(of.__getitem__, text))
    if layout is None:
        layout = sum(f.gapped for f in facts) >= 2
    numbers = Numbers()
    return Lines(text, facts, _layout(text, facts, settings, numbers) if layout else None, settings, numbers)


def _layout(
    lines: Sequence[str], facts: Sequence[LineFacts], settings: TextSettings, numbers: Numbers
) -> tuple[Layout, ...]:
    """The layout of each line, made once per distinct line."""
    wide = wide_chars("".join(lines))
    prose = settings.fixed_width.prose_width
    number = numbers.__getitem__
    of: dict[str, Layout] = {}
    for line, f in zip(lines, facts, strict=True):
        if f.blank:
            of[line] = _NO_CELLS
        elif line not in of:
            measured = not f.foreign and not is_long_prose(line, prose)
            of[line] = Layout(f.page_mark, blank_runs(line, wide, number) if measured else None, line)
    return tuple(map(of.__getitem__, lines))


class Claim(enum.Enum):
    """How a dialect sees a line when finding its runs."""

    STOP = 0  # ends a run
    MEMBER = 1  # a line of the table: counts, and extends the run
    JOIN = 2  # belongs to the run when lines follow (a wrapped cell): extends it, not counted
    GAP = 3  # may sit inside a run (a blank line) but never ends one


def runs(claims: Sequence[Claim], minimum: int, *, start_on_join: bool = False) -> list[tuple[int, int]]:
    """Half-open runs `[start, end)` of claimed lines with at least `minimum` members: each
    starts at a member (or a joining line, if `start_on_join`) and goes on over members,
    joining lines and gaps until a STOP; it ends after its last member or joining line."""
    out: list[tuple[int, int]] = []
    stop, member, gap = Claim.STOP, Claim.MEMBER, Claim.GAP
    starts = (member, Claim.JOIN) if start_on_join else (member,)
    i, n = 0, len(claims)
    while i < n:
        if claims[i] not in starts:
            i += 1
            continue
        end, count, j = i + 1, int(claims[i] is member), i + 1
        while j < n and (claim := claims[j]) is not stop:
            if claim is not gap:
                end = j + 1
                count += claim is member
            j += 1
        if count >= minimum:
            out.append((i, end))
        i = j
    return out

"""Unpositioned rows: a label and its numbers on one line, single blanks between them, blank
cells not printed at all (`pdftotext -raw`, and the row-wise parts of `pdftotext` without
`-layout`). A long label wraps over lines and may push its numbers onto a line of their own; a
vertical group label prints a character or two a line. Nothing tells which column a number
belongs to, so the reading is a stream (`dropped_empty`) and the placement by arithmetic decides.

A row is the label lines since the last numbers, then the numbers. A label line that starts
with an enumeration marker starts a label; an unmarked line without blanks continues a marked
label above it (a wrapped cell); any other label line is a cell of its own (headers). In a
narrow column a label's numbers may print beside its first line, so the unmarked text after
them can end the previous row's label (`8.属于行` 0 0 `政查询事项（四）无法提供`), and a group
marker closing a wrapped piece starts a label of its own. A header of four cells or more before
a row's own label starts a new table; a smaller one (Table 2's per-article title and header)
continues it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress
from typing import NamedTuple

import regex

from gov_disclosure.numbering import match_marker
from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.dialects.row_runs import split_runs
from gov_disclosure.readers.text.lines import (
    BLANKS,
    Claim,
    Lines,
    is_number,
    looks_like_heading,
    numbers_of,
    runs,
    scan,
)

NAME = "value-stream"
MIN_ROWS = 3  # lines with two numbers or more in a region (prose may end in one number)
MIN_WRAPPED = 2  # ... or this many, when the region holds `MIN_VALUES` numbers (one row wrapped)
MIN_VALUES = 10  # numbers of a one-row table wrapped over lines (`1 0 0 1 2 0` / `1` / `0` ...)
MIN_LONE = 5  # ... of which this many are alone on their lines (a narrow row wrapped)
MAX_HEADER = 12  # header lines over a first row whose labels print above its numbers
MAX_LABEL = 40  # longest line of label text in a region: longer is prose
MAX_UNIT = 3  # longest unit printed apart from its number (`亿`, `万元`)
MAX_NUMBER = 24  # longest value cell (`27,225,290,916.00万元`): a longer word is text, not asked
ROW_LEVELS = frozenset({1, 2, 3})  # `三、`, `（二）`, `1.`: the markers of row labels
NARROW = 8  # a `三、` label this short wraps in a narrow column (a group label), not a heading
VERTICAL = 2  # pieces this short, one under the other, are vertical text
MARKER_TAIL = 8  # longest bracketed marker that may end a label (`（二十三）` with blanks)
HEADER_CELLS = 4  # unmarked label cells before a row's numbers that make a table header
_WIDE = regex.compile(f"[{BLANKS}]{{2}}")
_SEVERAL = regex.compile(f"[{BLANKS}\t|｜]")  # a line of more than one word, or another dialect's
_EDGES = BLANKS + "\f\v\r"


class Shape(NamedTuple):
    """A line as this dialect counts it: characters of label text (blanks not counted), numbers
    at its end, and characters of all its words."""

    label: int
    numbers: int
    chars: int


Number = Callable[[str], bool]  # the document's number test (`lines.Numbers`)


def _words(line: str, number: Number) -> tuple[list[str], int] | None:
    """The words of a line and how many of them are labels (the numbers end it), or None when
    the line is not of this shape: a TAB or pipe (another dialect's), or labels and numbers
    apart by a wide blank run (a positioned layout: fixed width reads its columns)."""
    body = line.strip(_EDGES)
    if not body or "\t" in body or "|" in body:
        return None
    words = _with_unit(body.split(), number)
    k = len(words)
    while k > 0 and len(words[k - 1]) <= MAX_NUMBER and number(words[k - 1]):
        k -= 1
    if 0 < k < len(words) and _WIDE.search(body) is not None:
        return None
    return words, k


def _with_unit(words: list[str], number: Number) -> list[str]:
    """The words with a unit printed apart from the number that ends the line (`5.49 亿`,
    `251000 元`) joined to it, as the mapping stage reads a value with its unit."""
    if len(words) >= 2 and len(words[-1]) <= MAX_UNIT and not any(c.isdigit() for c in words[-1]):
        if number(words[-2]) and not number(words[-1]) and number(words[-2] + words[-1]):
            return [*words[:-2], words[-2] + words[-1]]
    return words


def split_line(line: str, number: Number = is_number) -> tuple[list[str], list[str]] | None:
    """(label cells, numbers) of one line, or None when the line is not of this shape. Words
    apart by single blanks are label cells, then numbers; label cells split where a word starts
    with a marker (`法提供 2.没有现成信息`: two cells printed side by side). A line with a wide
    blank run is a positioned layout's (None) unless it is all numbers -- a row of values,
    whatever its gap widths (a dump that centres each cell) -- or all labels (a header row).
    `number` is the document's number test (`lines.Numbers`)."""
    found = _words(line, number)
    if found is None:
        return None
    words, k = found
    labels: list[str] = []
    for word in words[:k]:
        if labels and (match_marker(word) is None and k < len(words) or _bare_marker(labels[-1])):
            labels[-1] += " " + word
        else:
            labels.append(word)
    return labels, words[k:]


def shape(line: str, number: Number = is_number) -> Shape | None:
    """The counts of `split_line` without splitting the labels into cells (what the region
    search needs, at a fraction of the cost)."""
    found = _words(line, number)
    if found is None:
        return None
    words, k = found
    label = sum(map(len, words[:k]))
    return Shape(label, len(words) - k, label + sum(map(len, words[k:])))


def _bare_marker(word: str) -> bool:
    """A word that is a marker and nothing else (`（一）` of `（一） 予以公开`): its text follows."""
    marker = match_marker(word)
    return marker is not None and not marker.rest.strip()


def _may_be_row(line: str, number: Number) -> bool:
    """A cheap necessary condition for a line of several words of this shape: a blank inside,
    no TAB or pipe (another dialect's line); a wide blank run only between numbers alone or
    labels alone (`shape`)."""
    body = line.strip(_EDGES)
    if not (" " in body or "\u3000" in body or "\xa0" in body) or "\t" in body or "|" in body:
        return False
    return _WIDE.search(body) is None or shape(body, number) is not None


def candidates(lines: Sequence[str]) -> list[bool]:
    """Per line, whether it may be a line of several words of this shape (`_may_be_row`); the
    shared line facts rule out blank lines and other dialects' lines without looking at them."""
    number = numbers_of(lines)
    if isinstance(lines, Lines):
        pairs = zip(lines, lines.facts, strict=True)
        return [not f.blank and not f.foreign and _may_be_row(line, number) for line, f in pairs]
    return [_may_be_row(line, number) for line in lines]


def _member(counts: Shape, page_mark: bool) -> bool:
    """Two numbers or more after a label of table length, and not a page mark."""
    return counts.numbers >= 2 and counts.label <= MAX_LABEL and not page_mark


def _shapes(lines: Lines, may: Sequence[bool]) -> dict[int, Shape | None]:
    """`shape` of each line that may be of this shape."""
    number = lines.numbers.__getitem__
    return {i: shape(lines[i], number) for i in compress(range(len(lines)), may)}


def claims(
    lines: Sequence[str], may: Sequence[bool] | None = None, shapes: dict[int, Shape | None] | None = None
) -> list[Claim]:
    """Lines with two numbers or more are members; short label lines and lines with one number
    (prose may end in one) join; blank lines and page marks may sit inside. Lines that cannot
    be members (`may`) are told apart by their length alone. Lines with a blank run are
    settled by their neighbours (`_positioned`)."""
    out: list[Claim] = []
    wide: dict[int, Shape] = {}  # the lines with a blank run
    lines = scan(lines)
    facts = lines.facts
    may = candidates(lines) if may is None else may
    shapes = _shapes(lines, may) if shapes is None else shapes
    for i, line in enumerate(lines):
        if i not in shapes:  # blank, or one word, or not of this shape (`shape` is None)
            body = line.strip(_EDGES)
            if not body:
                out.append(Claim.GAP)
            elif _SEVERAL.search(body) is not None or len(body) > MAX_LABEL:
                out.append(Claim.STOP)
            else:
                out.append(Claim.GAP if facts[i].page_mark else Claim.JOIN)
            continue
        counts = shapes[i]
        if counts is None:
            out.append(Claim.GAP if not line.strip(_EDGES) else Claim.STOP)
        elif facts[i].page_mark:
            out.append(Claim.GAP)
        elif _member(counts, facts[i].page_mark):
            out.append(Claim.MEMBER)
        elif counts.chars <= MAX_LABEL:
            out.append(Claim.JOIN)
        else:
            out.append(Claim.STOP)
        if counts is not None and out[-1] is not Claim.STOP and _WIDE.search(line.strip(_EDGES)) is not None:
            wide[i] = counts
    return _positioned(lines, out, wide)


def _positioned(lines: Lines, out: list[Claim], wide: dict[int, Shape]) -> list[Claim]:
    """Lines with a blank run belong to a stream only as a positioned header over one positioned
    row of values (a dump that centres each cell): numbers alone under label lines, labels alone
    over such numbers. Elsewhere they are a layout's lines -- numbers wrapped under numbers,
    headers over rows with labels -- and stop the run, which is fixed width's to read."""
    for i in [i for i, counts in wide.items() if counts.numbers]:
        above = next((j for j in range(i - 1, -1, -1) if out[j] is not Claim.GAP), None)
        if above is not None and _has_numbers(lines, above):
            out[i] = Claim.STOP
    below: dict[int, int] = {}  # a label line -> the next line with numbers or a stop (each line read once)
    for i in sorted((i for i, counts in wide.items() if not counts.numbers), reverse=True):
        j = i + 1
        while j < len(lines) and j not in below and out[j] is not Claim.STOP and not _has_numbers(lines, j):
            j += 1
        below[i] = below.get(j, j)
        under = wide.get(below[i])
        if below[i] >= len(lines) or out[below[i]] is Claim.STOP or under is None or under.label:
            out[i] = Claim.STOP
    return out


def _continues(label: str, fragment_marked: bool) -> bool:
    """A fragment (one word, `fragment_marked` if it starts with a marker) is the wrapped rest of
    `label`: the label starts with a row marker (`（二）`, `1.`, or `三、` in a narrow column: a
    section heading spans the page) and the fragment is unmarked."""
    marker = None if fragment_marked else match_marker(label)
    if marker is None or marker.level not in ROW_LEVELS:
        return False
    return marker.level > 1 or len(label) <= NARROW


def _has_numbers(lines: Lines, i: int) -> bool:
    counts = shape(lines[i], lines.numbers.__getitem__)
    return counts is not None and counts.numbers > 0 and not lines.facts[i].page_mark


def _row_marked(text: str) -> bool:
    marker = match_marker(text)
    return marker is not None and marker.level in ROW_LEVELS


class _Label:
    """A label cell being gathered: its text, first line and the lengths of its first and last
    pieces (vertical text is pieces of a character or two)."""

    __slots__ = ("first", "last", "line", "text")

    def __init__(self, text: str, line: int) -> None:
        self.text, self.line, self.first, self.last = text, line, len(text), len(text)

    def takes(self, fragment: str) -> bool:
        """The fragment continues this label: a wrapped row label, or vertical text printed a
        character or two a line."""
        if " " in fragment:
            return False
        marker = match_marker(fragment)
        if marker is not None and marker.level in ROW_LEVELS:
            return False
        return (self.last <= VERTICAL and len(fragment) <= VERTICAL) or _continues(self.text, marker is not None)

    def add(self, fragment: str) -> None:
        self.text += fragment
        self.last = len(fragment)


Row = tuple[list[_Label], list[tuple[str, int]]]


def _text(label: _Label) -> str:
    return label.text


def _split_inner_marker(labels: list[_Label], line: int) -> None:
    """Split the last label where it ends in a bracketed marker (`询事项（四）`: the rest of one
    row's label, then the group label printed under it in a narrow column); `第（五）项` cites.
    Only the label's tail is looked at, so a long vertical label costs no more per piece."""
    label = labels[-1]
    at = label.text.rfind("（", max(1, len(label.text) - MARKER_TAIL))
    if at < 1 or label.text[at - 1] == "第":
        return
    marker = match_marker(label.text[at:])
    if marker is not None and marker.style == "paren-chinese" and not marker.rest:
        rest = label.text[at:]
        label.text, label.last = label.text[:at], 0
        labels.append(_Label(rest, line))
        labels[-1].last = min(len(rest), VERTICAL)


def _marker_text(labels: list[_Label], texts: list[str], numbers: list[str]) -> bool:
    """A lone word that reads as a value but is no number (`无`) right after a bare marker
    (`4.`, `（四）`) is the start of that marker's text (`4.无正当理由…`), not a value."""
    return (
        bool(labels)
        and not texts
        and len(numbers) == 1
        and not any(c.isdigit() for c in numbers[0])
        and _bare_marker(labels[-1].text)
    )


def _rest_of_previous(out: list[Row], labels: list[_Label], at_end: bool = False) -> None:
    """A row label wrapped in a narrow column may print its numbers on a middle line: the
    unmarked text after them, before the next label, ends the previous row's label -- when that
    label is marked and so is a later one, or when both are vertical text (a row label printed
    a character a line is followed by its numbers, not by another label; the table's end, where
    the next label is another table's, counts as one)."""
    if len(labels) < (1 if at_end else 2) or not out or not out[-1][0] or not out[-1][1] or _row_marked(labels[0].text):
        return
    if labels[0].text[0] in "（(" or labels[0].text[0].isdigit():
        return  # the start of a marker cut by the wrap (`（五`), not the rest of a label
    previous = out[-1][0][-1]
    marked = _row_marked(previous.text) and any(_row_marked(label.text) for label in labels[1:])
    if marked or (previous.last <= VERTICAL and labels[0].first <= VERTICAL):
        previous.text += labels.pop(0).text


class _Splits(dict[str, tuple[list[str], list[str]] | None]):
    """`split_line` of each distinct line asked, made once for all the regions of one pass over
    a document (a dump repeats its lines; the lists are read, never changed)."""

    __slots__ = ("number",)

    def __init__(self, number: Number) -> None:
        super().__init__()
        self.number = number

    def __missing__(self, line: str) -> tuple[list[str], list[str]] | None:
        value = self[line] = split_line(line, self.number)
        return value


def rows_of(lines: Sequence[str], first_line: int, splits: _Splits | None = None) -> list[Row] | None:
    """Each row: its label cells (joined across wrapped lines), then its numbers. None when
    numbers follow numbers across a blank line with no label between: a block printed column
    by column, whose rows this shape cannot tell. `splits`: the lines split so far."""
    out: list[Row] = []
    labels: list[_Label] = []
    gap = False  # a blank line since the last numbers
    lines = scan(lines)
    facts = lines.facts
    split = (splits if splits is not None else _Splits(lines.numbers.__getitem__)).__getitem__
    for offset, line in enumerate(lines):
        parsed = split(line)
        if parsed is None or facts[offset].page_mark:
            gap = gap or not line.strip(BLANKS + "\f\v\r")
            continue
        lineno = first_line + offset
        texts, numbers = parsed
        if _marker_text(labels, texts, numbers):
            labels[-1].add(numbers[0])
            continue
        for text in texts:
            if labels and len(texts) == 1 and labels[-1].takes(text):
                labels[-1].add(text)
            else:
                labels.append(_Label(text, lineno))
            _split_inner_marker(labels, lineno)
        if numbers and gap and not labels and out and out[-1][1]:
            return None
        if numbers:
            _rest_of_previous(out, labels)
            out.append((labels, [(n, lineno) for n in numbers]))
            labels, gap = [], False
    if labels:
        _rest_of_previous(out, labels, at_end=True)
    if labels:
        out.append((labels, []))
    return out


def _header(row: Row) -> bool:
    """Labels enough without a row marker before the row's own label (its last) to be a
    table's header: a new table starts here."""
    return sum(1 for label in row[0][:-1] if not _row_marked(label.text)) >= HEADER_CELLS


def _head(lines: Sequence[str], marks: Sequence[Claim], start: int, end: int) -> int:
    """Where a table whose first numbers are on line `start` begins: at its first row's label
    when that label is vertical text above them, and at the header and title lines above that
    label (short lines, none a section heading); else at its first row's label printed on the
    lines above them (`_label_above`)."""
    first = start
    while start > 0 and marks[start - 1] is Claim.JOIN and len(lines[start - 1].strip(_EDGES)) <= VERTICAL:
        start -= 1
    if start == first:
        top = _label_above(lines, marks, start, end)
        return _header_above(lines, marks, start) if top == start else top
    while start > 0 and marks[start - 1] is Claim.JOIN and not looks_like_heading(lines[start - 1].strip(_EDGES)):
        start -= 1
    return start


def _label_above(lines: Sequence[str], marks: Sequence[Claim], start: int, end: int) -> int:
    """Where the first row's label is when it prints on the line above the row's numbers
    (`一、本年新收…` / `71 0 0 0`): a row marker one word long whose successor (`二、` after
    `一、`) is the first marker of its style among the region's later words. A section heading
    over a table has its table's header, not its first row, under it; else `start`."""
    text = lines[start - 1].strip(_EDGES) if start > 0 else ""
    marker = match_marker(text)
    if marker is None or marker.level not in ROW_LEVELS or marks[start - 1] is not Claim.JOIN:
        return start
    if _SEVERAL.search(text) is not None:
        return start
    words = (w for line in lines[start:end] for w in line.split())
    nxt = next((m for m in map(match_marker, words) if m and m.style == marker.style), None)
    return start - 1 if nxt is not None and nxt.number == marker.number + 1 else start


def _header_above(lines: Sequence[str], marks: Sequence[Claim], start: int) -> int:
    """Where a table starts whose first numbers (line `start`) print without a label: at the
    header lines right above them (short lines up to a section heading, at most `MAX_HEADER`),
    which label that row (a one-row table: `行政复议` / `结果维持` ... / `1 0 0 1 2 0`)."""
    if _shape_of(lines, start).label:
        return start
    top = start
    while top > max(start - MAX_HEADER, 0) and marks[top - 1] is Claim.JOIN:
        text = lines[top - 1].strip(_EDGES)
        if looks_like_heading(text) or _shape_of(lines, top - 1).numbers:
            break
        top -= 1
    return top


def _shape_of(lines: Sequence[str], i: int) -> Shape:
    """`shape` of line `i`, or no label and no numbers when it is not of this shape."""
    found = shape(lines[i]) if not isinstance(lines, Lines) else shape(lines[i], lines.numbers.__getitem__)
    return found or Shape(0, 0, 0)


def _enough(lines: Lines, marks: Sequence[Claim], start: int, end: int) -> bool:
    """A run is a table: `MIN_ROWS` lines of numbers, or `MIN_WRAPPED` and `MIN_VALUES`
    numbers in all, `MIN_LONE` of them alone on their lines (one row wrapped over narrow
    lines: a review table; a layout's lines of numbers side by side are fixed width's)."""
    members = sum(1 for i in range(start, end) if marks[i] is Claim.MEMBER)
    if members >= MIN_ROWS:
        return True
    numbers = lone = 0
    for i in range(start, end):
        counts = _shape_of(lines, i)
        numbers += counts.numbers if not counts.label else 0
        lone += not counts.label and counts.numbers == 1
    return numbers >= MIN_VALUES and lone >= MIN_LONE


def _after_last_gap(lines: Lines, start: int, end: int) -> int:
    """The first line after the run's last blank line: a run refused for a block printed
    column by column may end in rows of this shape (a review table under Table 3)."""
    facts = lines.facts
    return next((i + 1 for i in range(end - 1, start - 1, -1) if facts[i].blank), start)


class ValueStreamDialect(RegionDialect):
    name = NAME
    prior = 0.955  # above fixed width: its lines have no wide blank runs, which fixed width needs

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        lines = scan(lines)
        may = candidates(lines)
        if sum(may) < MIN_ROWS:
            return []  # most text that is not of this shape ends here, on the line facts
        shapes = _shapes(lines, may)
        facts = lines.facts
        if sum(1 for i, c in shapes.items() if c is not None and _member(c, facts[i].page_mark)) < MIN_WRAPPED:
            return []  # and most of the rest here, before any line that is not a candidate is read
        marks = claims(lines, may, shapes)
        splits = _Splits(lines.numbers.__getitem__)
        out = []
        for start, end in runs(marks, MIN_WRAPPED):
            while marks[end - 1] is not Claim.MEMBER and not _has_numbers(lines, end - 1):
                end -= 1  # a table ends at its last numbers, not in the prose after it
            if not _enough(lines, marks, start, end):
                continue
            start = _head(lines, marks, start, end)
            rows = rows_of(lines[start:end], start + 1, splits)
            if rows is None:
                start = _after_last_gap(lines, start, end)
                rows = rows_of(lines[start:end], start + 1, splits) if _enough(lines, marks, start, end) else None
            if rows is None:
                continue
            cuts = [row[0][0].line - 1 for row in rows[1:] if _header(row)]
            bounds = [start, *(c for c in cuts if c > start), end]
            labelled = {row[0][0].line - 1 for row in rows if row[0]}  # lines where a label starts
            out += [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if any(a <= i < b for i in labelled)]
        return out

    def readings(self, lines: Lines, regions: Sequence[tuple[int, int]]) -> list[Reading | None]:
        """Each region read, every distinct line split once for all of them."""
        splits = _Splits(lines.numbers.__getitem__)
        return [self._reading(lines[s:e], s + 1, splits) for s, e in regions]

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        return self._reading(lines, first_line, None)

    def _reading(self, lines: Lines, first_line: int, splits: _Splits | None) -> Reading | None:
        found = rows_of(lines, first_line, splits)
        if found is None:
            return None
        found = split_runs(found, _text)
        rows = [
            tuple(Piece(t, ln, col) for col, (t, ln) in enumerate([*((lb.text, lb.line) for lb in labels), *numbers]))
            for labels, numbers in found
        ]
        return reading_or_none(NAME, first_line, rows, dropped_empty=True)


def read_stream(lines: Sequence[str], first_line: int = 1) -> Reading | None:
    """One region read as this dialect reads it (for tests and users' tools)."""
    return ValueStreamDialect().reading(scan(lines), first_line)

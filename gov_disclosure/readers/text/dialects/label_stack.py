"""Stacked rows: a row's label on a line of its own, then its numbers one a line (the first may
share the label's line), as `pdftotext` without `-layout` prints the small tables of a browser's
PDF (`规章` / `0` / `0` / `0`, `其他对外管理服务事项 4` / `0` / `57`).

A block is a run of label lines and one-number lines, bounded by lines with two numbers or
more, header lines (several words, no number), headings and prose. The shape is read only where
nothing is in doubt, else the block is refused: every label is one whole line of two characters
or more (a wrapped or vertical label -- one-character pieces among the numbers -- is refused),
no blank line lies inside a row, no number comes before the first label, and every label has
the same count of numbers. Blank cells are not printed, so the reading is `dropped_empty`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from gov_disclosure.numbering import match_marker
from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import BLANKS, LineFacts, Lines, numbers_of, scan

NAME = "label-stack"
MIN_NUMBERS = 2  # numbers a row needs: one label and one number is any short line of prose
MIN_LABEL = 2  # shortest label: shorter is a piece of vertical or wrapped text
MAX_LABEL = 40  # longest label line: longer is prose
ROW_LEVELS = frozenset({1, 2, 3})  # `三、`, `（二）`, `1.`: the markers of row labels
TITLE_LINES = 3  # label lines in a row after a number that start another table (its title, header)
MAX_NUMBER = 24  # longest text that may be one number (`27,225,290,916.00万元`)
_EDGES = BLANKS + "\f\v\r"
_EMPTY = " \t\f\v\r"  # an empty line; a line of NBSP or U+3000 is a dump's printed empty cell


class Item(NamedTuple):
    """One line of a block: its label (or ""), its number (or ""), its 0-based line."""

    label: str
    number: str
    at: int


def _item(line: str, f: LineFacts, at: int, is_number: Callable[[str], bool]) -> Item | None:
    """The line as a label, a number, or a label and one number; None when it bounds a block
    (`is_number`: the document's test)."""
    if f.blank or f.gapped or f.foreign or f.tabs or f.heading:
        return None
    words = line.strip(_EDGES).split()
    if not words or len(words) > 2 or f.page_mark:
        return None
    if len(words) == 1:
        word = words[0]
        if is_number(word):
            return Item("", word, at)
        return Item(word, "", at) if len(word) <= MAX_LABEL else None
    if is_number(words[1]) and not is_number(words[0]):
        return Item(words[0], words[1], at) if len(words[0]) <= MAX_LABEL else None
    return None


def _numbers(lines: Sequence[str], facts: Sequence[LineFacts]) -> int:
    """Lines that are one number and nothing else (the early exit): asked only of short lines
    without a blank inside, so that most lines cost a look at their facts and length."""
    count = 0
    is_number = numbers_of(lines)
    for line, f in zip(lines, facts, strict=True):
        if f.short_text and not f.gapped:
            text = line.strip(_EDGES)
            count += len(text) <= MAX_NUMBER and " " not in text and (text.isdigit() or is_number(text))
    return count


class Part(NamedTuple):
    """A part of a run of items (`_parts`): its items, whether a title cut it from the part
    before, and whether its run lies next to a printed empty cell (`_empty_cell`)."""

    items: list[Item | None]
    titled: bool
    walled: bool


def _blocks(lines: Sequence[str], facts: Sequence[LineFacts]) -> list[Part]:
    """Runs of items, each cut into parts (`_parts`). One empty line inside a run is kept as
    None (it may only separate rows). Two empty lines, or a line of blank characters, are a
    dump's printed empty cells: they end the run, and every part of a run next to them is
    `walled` -- the dump prints its empty cells, so its blocks are cell lines' to read (with
    its empty cells), never this dialect's: a part cut from such a run is no whole table."""
    out: list[list[Item | None]] = []
    run: list[Item | None] = []
    number = numbers_of(lines)
    for i, (line, f) in enumerate(zip(lines, facts, strict=True)):
        item = _item(line, f, i, number)
        if item is not None:
            run.append(item)
        elif f.blank and run and not line.strip(_EMPTY) and (run[-1] is not None):
            run.append(None)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    parts = []
    for block in out:
        items = [it for it in block if it is not None]
        walled = _empty_cell(lines, facts, items[0].at - 1, -1) or _empty_cell(lines, facts, items[-1].at + 1, 1)
        parts += [Part(part, titled, walled) for part, titled in _parts(block)]
    return parts


def _parts(block: list[Item | None]) -> list[tuple[list[Item | None], bool]]:
    """The block cut before each run of `TITLE_LINES` label lines or more after a number, none
    with a row's marker (`1.`, `（三）`, `一、`): the next table's title and header lines
    (`第二十条第（五）项` / `信息内容` / `本年处理决定数量` / `行政许可`), longer than a wrapped
    label; marked labels piled up are rows whose numbers print elsewhere. Each part is then
    read, or refused, alone."""
    cuts = []
    k = 0
    while k < len(block):
        j = k
        while j < len(block) and (it := block[j]) is not None and not it.number:
            j += 1
        previous = block[k - 1] if k else None
        if j - k >= TITLE_LINES and previous is not None and previous.number and not _marked(block[k:j]):
            cuts.append(k)
        k = j + 1 if j == k else j
    bounds = [0, *cuts, len(block)]
    return [(block[a:b], a > 0) for a, b in zip(bounds, bounds[1:], strict=False)]


def _marked(items: Sequence[Item | None]) -> bool:
    """Whether any of the items is a label with a row's marker."""
    for it in items:
        marker = None if it is None else match_marker(it.label)
        if marker is not None and marker.level in ROW_LEVELS:
            return True
    return False


Row = tuple[Item, list[Item]]


def _title(block: Sequence[Item | None]) -> int:
    """How many lines of a title and header lead the block: the label lines before its first
    row's label, when `TITLE_LINES` label lines lead it (the cut's measure, `_parts`) and none
    is marked as a row."""
    k = 0
    while k < len(block) and (it := block[k]) is not None and not it.number:
        k += 1
    own = k < len(block) and (it := block[k]) is not None and bool(it.label)  # on its numbers' line
    if k < TITLE_LINES or _marked(block[:k]):
        return 0
    return k if own else k - 1


def rows_of(block: Sequence[Item | None], titled: bool = False) -> list[Row] | None:
    """The rows of one block (label item, number items), from the label before its first
    number to its last number; None when any part of it is in doubt. A `titled` block (cut
    from the table before it by its title and header, `_parts`) starts after them, and its
    rows may hold one number each: the title says they are a table's."""
    block = block[_title(block) :] if titled else block
    numbered = [k for k, it in enumerate(block) if it is not None and it.number]
    if not numbered:
        return None
    first, last = numbered[0], numbered[-1]
    head = block[first]
    start = first if head is not None and head.label else first - 1
    before = block[:start]
    if start < 0 or any(it is not None for it in before):
        return None  # a number before any label, or labels above the first: a wrapped label
    rows: list[Row] = []
    after_blank = False
    for item in block[start : last + 1]:
        if item is None:
            if rows and not rows[-1][1]:
                return None  # a blank line between a label and its numbers
            after_blank = True
        elif item.label:
            if rows and not rows[-1][1] or len(item.label) < MIN_LABEL:
                return None  # two labels in a row (a wrapped label), or a piece of vertical text
            rows.append((item, [item] if item.number else []))
            after_blank = False
        elif not rows or after_blank:
            return None  # a number after a blank line: a row whose label is elsewhere
        else:
            rows[-1][1].append(item)
    counts = {len(numbers) for _, numbers in rows}
    if len(counts) != 1 or counts.pop() < (1 if titled else MIN_NUMBERS):
        return None
    return rows


def _empty_cell(lines: Sequence[str], facts: Sequence[LineFacts], index: int, step: int) -> bool:
    """Line `index` is a printed empty cell: a line of blank characters, or an empty line next
    to another blank line (in direction `step`). Out of the text is none."""
    if not 0 <= index < len(lines) or not facts[index].blank:
        return False
    after = index + step
    return bool(lines[index].strip(_EMPTY)) or 0 <= after < len(lines) and facts[after].blank


def _bounded(lines: Sequence[str], facts: Sequence[LineFacts], first: int, single: bool) -> int | None:
    """Where the block whose first label is on line `first` starts when it is a whole block:
    above that label lies the text's start or an empty line (`first`), or a header line --
    never a heading or prose, whose wrapped tail it could be (None). A `single` row's block
    starts at its header line: one label alone cannot tell which table it is, its columns'
    names can. Rows enough tell it by their labels, and a header line over them may be the
    last line of a wrapped header, naming only some of their columns: it stays out."""
    if first == 0 or facts[first - 1].blank:
        return first
    above, f = lines[first - 1].strip(_EDGES), facts[first - 1]
    if f.heading or f.foreign or f.tabs or len(above.split()) < 2 or len(above) > MAX_LABEL:
        return None
    return first - 1 if single else first


class LabelStackDialect(RegionDialect):
    name = NAME
    prior = 0.957  # below cell lines, which also reads empty cells where a dump prints them

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        facts = lines.facts if isinstance(lines, Lines) else scan(lines).facts
        if _numbers(lines, facts) < MIN_NUMBERS:
            return []
        out = []
        for block, titled, walled in _blocks(lines, facts):
            rows = None if walled else rows_of(block, titled)
            if rows is None:
                continue
            end = rows[-1][1][-1].at + 1
            if titled and (head := block[0]) is not None:
                out.append((head.at, end))
            elif (start := _bounded(lines, facts, rows[0][0].at, len(rows) == 1)) is not None:
                out.append((start, end))
        return out

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        """The region's rows, after its header line if it starts with one (its words, one a
        cell: the columns' names), or after its title and header lines, one a row."""
        facts = lines.facts
        header: list[tuple[Piece, ...]] = []
        if lines and _item(lines[0], facts[0], 0, numbers_of(lines)) is None and not facts[0].blank:
            words = lines[0].strip(_EDGES).split()
            header = [tuple(Piece(w, first_line, col) for col, w in enumerate(words))]
            lines = lines[1:]
            first_line += 1
        blocks = _blocks(lines, lines.facts)
        if len(blocks) != 1:
            return None
        block = blocks[0].items
        titled = _title(block) > 0
        if (rows := rows_of(block, titled)) is None:
            return None
        title = [it for it in block[: _title(block)] if it is not None] if titled else []
        header += [(Piece(it.label, first_line + it.at, 0),) for it in title]
        out = header + [
            (
                Piece(label.label, first_line + label.at, 0),
                *(Piece(n.number, first_line + n.at, col) for col, n in enumerate(numbers, 1)),
            )
            for label, numbers in rows
        ]
        return reading_or_none(NAME, first_line, out, dropped_empty=True)


def read_stack(lines: Sequence[str], first_line: int = 1) -> Reading | None:
    """One region read as this dialect reads it (for tests and users' tools)."""
    return LabelStackDialect().reading(scan(lines), first_line)

"""Label runs: rows of a large table printed as a label line and then its numbers one a line,
with an empty line after every cell or none, as `pdftotext` without `-layout` prints a table
of a real report (`一、本年新收政府信息公开申请数量` / `3001` / `53` / ... / `3119`) -- among
rows whose numbers the text prints away from their label (runs of two or three rows' numbers
after one label, labels printed later as a run of their own, vertical labels one character a
line).

Only what the text's shape alone settles is read: the table's width `k` is the count of
numbers that most labelled runs hold (at least `MIN_ROWS` of them), and a row is a label line
directly followed by exactly `k` numbers. A run of `k` times more -- several rows' numbers
after one label, printed row by row or column by column -- is dropped, and so is a run after a
one-character piece of vertical text; a run of any other count ends the table (numbers that
straddle their label, or blank cells not printed). Labels without numbers of their own lead
the next row (group labels), unless the table dropped numbers: then they may be those rows'
labels, and are left out. Numbers right after a header line are printed before their labels,
which no label-first reading may shift: that table is refused. Blank cells are not printed,
so the reading is `dropped_empty`. Its prior is below every built-in dialect's: it reads only
lines no other reads, and offers parts of a table where a stricter reading took its ends.
What the shape cannot settle: a text in which most labelled runs hold several rows' numbers
(most rows printed without their label) is read with that many numbers a row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import BLANKS, LineFacts, Lines, numbers_of, scan

NAME = "label-runs"
MIN_ROWS = 3  # rows of one width a table needs: fewer is a coincidence of short lines
MIN_WIDTH = 2  # numbers a row needs: one label and one number is any short line of prose
MIN_LABEL = 2  # shortest row label: shorter is a piece of vertical or wrapped text
MAX_LABEL = 40  # longest label line: longer is prose
MAX_PARTS = 4  # cuts offered near each end of a table
MAX_PART_ROWS = 60  # a longer table offers no parts (no report's table is that long): a bound
_EDGES = BLANKS + "\f\v\r"
_EMPTY = " \t\f\v\r"  # an empty line; a line of NBSP or U+3000 is a dump's printed empty cell


class Item(NamedTuple):
    """One cell of a block: its label (or ""), its number (or ""), its 0-based line, and
    whether it is one of several labels of a line without a number (a header line)."""

    label: str
    number: str
    at: int
    header: bool = False


class Group(NamedTuple):
    """Labels printed together, then the numbers printed right after them."""

    labels: list[Item]
    numbers: list[Item]
    first: int  # index of its first item in the block


def _items(line: str, f: LineFacts, at: int, is_number: Callable[[str], bool]) -> list[Item] | None:
    """The line's cells: a number, labels side by side (`（三）不予 4.保护第三方合法权益`), the
    last of which may be followed by one number; none when it may lie inside a block but is no
    cell (an empty line, a page mark); None when it ends a block (prose, a line of several
    numbers, another dialect's line, a printed empty cell). `is_number`: the document's test."""
    if f.blank:
        return None if line.strip(_EMPTY) else []
    if f.gapped or f.foreign or f.tabs:
        return None
    text = line.strip(_EDGES)
    if f.page_mark:
        return []
    if len(text) > MAX_LABEL:
        return None
    words = text.split()
    if not words:
        return None  # other blank characters: no cell this dialect knows
    if len(words) == 1:
        return [Item("", text, at) if is_number(text) else Item(text, "", at)]
    if is_number(text):
        return [Item("", text, at)]
    number = words.pop() if is_number(words[-1]) else ""
    if any(is_number(w) for w in words):
        return None
    return [*(Item(w, "", at, not number) for w in words[:-1]), Item(words[-1], number, at, not number)]


def _blocks(lines: Sequence[str], facts: Sequence[LineFacts]) -> list[list[Item]]:
    """Runs of items between the lines that end a block. A line of blank characters, or two
    empty lines between two cells, are a dump's printed empty cells: a block next to them is
    dropped, as is one whose empty lines stand for empty cells (`_prints_empty_cells`): cell
    lines reads those dumps."""
    out: list[list[Item]] = []
    number = numbers_of(lines)
    run: list[Item] = []
    gaps: list[int] = []  # empty lines before each item of the run but the first
    empty = 0
    cells_before = False  # the run starts after a printed empty cell
    held: tuple[list[Item], list[int], bool] | None = None  # a run two empty lines ended

    def close(run: list[Item], gaps: list[int], cells_before: bool) -> None:
        if run and not cells_before and not _prints_empty_cells(run, gaps):
            out.append(run)

    for i, (line, f) in enumerate(zip(lines, facts, strict=True)):
        if f.blank and line.strip(_EMPTY):  # a line of blank characters: an empty cell
            run, gaps, empty, cells_before, held = [], [], 0, True, None
            continue
        if f.blank:
            empty += 1
            if empty == 2 and run:
                held, run, gaps = (run, gaps, cells_before), [], []
            continue
        items = _items(line, f, i, number)
        if items is None:
            if held:
                close(*held)
            close(run, gaps, cells_before)
            run, gaps, empty, cells_before, held = [], [], 0, False, None
        elif not items:
            empty = 0  # a page mark brings its own empty lines
        else:
            if empty >= 2:  # cells after two empty lines: empty cells if cells came before
                cells_before, held = held is not None, None
            if run:
                gaps.append(empty)
            gaps += [0] * (len(items) - 1)
            run += items
            empty = 0
    if held:
        close(*held)
    close(run, gaps, cells_before)
    return out


def _prints_empty_cells(run: Sequence[Item], gaps: Sequence[int]) -> bool:
    """Whether the run's empty lines stand for empty cells (a cell-per-line dump, which cell
    lines reads): a number after more empty lines than the run's separator (its commonest
    gap). A longer gap before a label only parts two rows."""
    if not gaps:
        return False
    counts = Counter(gaps)
    sep = min(counts, key=lambda g: (-counts[g], g))
    return any(g > sep and not it.label for g, it in zip(gaps, run[1:], strict=True))


def groups(block: Sequence[Item]) -> list[Group]:
    """The block as groups of labels and the numbers after them (the first group may have no
    label: numbers whose label is elsewhere)."""
    out: list[Group] = []
    for k, item in enumerate(block):
        if not out or item.label and out[-1].numbers:
            out.append(Group([], [], k))
        if item.label:
            out[-1].labels.append(item)
        if item.number:
            out[-1].numbers.append(item)
    return out


def width(found: Sequence[Group]) -> int | None:
    """The table's width: the count of numbers that most labelled groups hold, when at least
    `MIN_ROWS` hold it and no other count is as common."""
    counts = Counter(len(g.numbers) for g in found if g.labels and g.numbers)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_ROWS or ranked[0][0] < MIN_WIDTH:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _is_row(group: Group, k: int) -> bool:
    return bool(group.labels) and len(group.numbers) == k and len(group.labels[-1].label) >= MIN_LABEL


Cells = list[tuple[str, int]]  # a row's cells: text and 0-based line


class Row(NamedTuple):
    """A row's cells (labels, then numbers), where its own label is among them, and whether a
    group that is no row came right before it (a break)."""

    cells: Cells
    own: int
    after_break: bool


def tables_of(block: Sequence[Item]) -> list[list[Row]]:
    """The tables of one block, each a list of rows from the label of its first row to the last
    number of its last: each row's labels (those of the groups without a row since the row
    before, then its own) and its numbers. A group whose count of numbers is no multiple of the
    width ends a table: its numbers straddle their label, or a dump dropped some blank cells,
    or it belongs to a table of another width; the rows next to it are in doubt too. A table
    whose first numbers follow a header line is refused: its numbers come before their labels
    (each row's label after its numbers), which a label-first reading would shift by a row.
    Where a table drops numbers (runs of several rows), the labels without numbers of their
    own may be those rows' labels: each row keeps only its own, lest they read as blank rows."""
    found = groups(block)
    k = width(found)
    if k is None:
        return []
    tables: list[list[Row]] = [[]]
    orphans = [False]  # the table dropped numbers between two of its rows
    pending: list[Item] = []
    after_break = refused = dropped = False
    fresh = True  # no numbers yet since the table's start
    for group in found:
        rows = tables[-1]
        if len(group.numbers) % k:
            if rows:
                tables.append([])
                orphans.append(False)
            pending, after_break, fresh, refused, dropped = [], False, True, False, False
            continue
        if group.numbers and fresh:
            refused = bool(group.labels) and group.labels[-1].header
            fresh = False
        if refused:
            continue
        if _is_row(group, k):
            labels = [*pending, *group.labels] if rows else group.labels[-1:]
            cells = [(it.label, it.at) for it in labels] + [(it.number, it.at) for it in group.numbers]
            rows.append(Row(cells, len(labels) - 1, after_break))
            orphans[-1] = orphans[-1] or dropped
            pending, after_break, dropped = [], False, False
        elif rows:
            pending += group.labels
            after_break = True
            dropped = dropped or bool(group.numbers)
    return [
        [Row(r.cells[r.own :], 0, r.after_break) for r in rows] if orphaned else rows
        for rows, orphaned in zip(tables, orphans, strict=True)
        if len(rows) >= MIN_ROWS
    ]


def parts(rows: Sequence[Row]) -> dict[tuple[int, int], list[Cells]]:
    """The table's rows by region, with, as a stricter dialect may have read some of its lines
    at either end, its parts between a cut near its start and one near its end (the first and
    last `MAX_PARTS` rows and breaks). Each part has `MIN_ROWS` rows; its first row starts at
    its own label. The search keeps the largest part no stricter reading overlaps. A table of
    more than `MAX_PART_ROWS` rows is offered whole."""
    n = len(rows)
    if n > MAX_PART_ROWS:
        return {(rows[0].cells[0][1], rows[-1].cells[-1][1] + 1): [r.cells for r in rows]}
    breaks = [j for j in range(1, n) if rows[j].after_break]
    starts = {0, *range(1, min(n, MAX_PARTS + 1)), *breaks[:MAX_PARTS]}
    ends = {n, *range(max(1, n - MAX_PARTS), n), *breaks[-MAX_PARTS:]}
    cuts = sorted(((a, b) for a in starts for b in ends if b - a >= MIN_ROWS), key=lambda c: (c[0] - c[1], c))
    out: dict[tuple[int, int], list[Cells]] = {}
    for a, b in cuts:
        first = rows[a].cells[rows[a].own :]
        out.setdefault((first[0][1], rows[b - 1].cells[-1][1] + 1), [first, *(r.cells for r in rows[a + 1 : b])])
    return out


def _found(lines: Lines) -> dict[tuple[int, int], list[Cells]]:
    """Every region of the text with its rows."""
    out: dict[tuple[int, int], list[Cells]] = {}
    for block in _blocks(lines, lines.facts):
        if len(block) >= MIN_ROWS * (MIN_WIDTH + 1):
            for rows in tables_of(block):
                out.update(parts(rows))
    return out


def _reading(rows: Sequence[Cells], first_line: int, offset: int) -> Reading | None:
    """Rows (lines counted from `offset`) as a reading of a region starting at `first_line`."""
    out = [tuple(Piece(text, offset + at, col) for col, (text, at) in enumerate(row)) for row in rows]
    return reading_or_none(NAME, first_line, out, dropped_empty=True)


class LabelRunsDialect(RegionDialect):
    name = NAME
    prior = 0.94  # below every built-in dialect: it reads only what none of them reads

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        return list(_found(scan(lines)))

    def readings(self, lines: Lines, regions: Sequence[tuple[int, int]]) -> list[Reading | None]:
        """Each region's rows, found in one pass over the text."""
        found = _found(lines)
        out: list[Reading | None] = []
        for s, e in regions:
            rows = found.get((s, e))
            out.append(self.reading(lines[s:e], s + 1) if rows is None else _reading(rows, s + 1, 1))
        return out

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        found = _found(lines)
        rows = found.get((0, len(lines)))
        return None if rows is None else _reading(rows, first_line, first_line)


def read_runs(lines: Sequence[str], first_line: int = 1) -> Reading | None:
    """One region read as this dialect reads it (for tests and users' tools)."""
    return LabelRunsDialect().reading(scan(lines), first_line)

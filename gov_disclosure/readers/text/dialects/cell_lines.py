"""Cells one per line, with no mark on the line (LibreOffice's txt export, docx2txt, `lynx -dump`
of a table): every cell is a line of its own and the runs of empty lines between two cells say
how many cells between them were empty.

The tools differ only in their units, which are read from the text, not from the tool: a
*separator* of `s` empty lines follows every cell (0: LibreOffice; 1: docx2txt, lynx) and an
empty cell adds `m` more (1: LibreOffice, lynx; 2: docx2txt). `s` is the commonest gap between
two cells and `m` the greatest common divisor of the rest, so a gap of `g` empty lines holds
`(g - s) / m` empty cells; a gap shorter than `s` continues the cell before (a label that lynx
wrapped). Rows are not marked either: a row starts at a label that follows a value or an empty
cell. The empty cells at the end of a row past the table's width (the cells a merged label
covers at the start of the next row), or of a row without values, are dropped: the grid is
positional, so a short row is padded at its end. A row with values keeps those within the
width (its last columns blank): its first row also holds the header's labels, so padding
could not tell which columns its values are. A region that prints no empty cell at all cannot tell a blank cell from a
dropped one, so its reading is marked `dropped_empty` and its cells are read as one stream.
A stream whose rows do not share one width but that prints empty cells, in lines of one unit,
cells set apart by empty lines (a separator) and empty cells of one line each, is `gaps_marked`:
lynx prints one empty line for a run of blank cells, so an empty cell there says only that one
or more columns are blank, and cells side by side are adjacent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

import regex

from gov_disclosure.furniture import is_marker
from gov_disclosure.numbering import match_marker, starts_outline_heading
from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import BLANKS, Claim, LineFacts, Lines, numbers_of, runs, scan

NAME = "cell-lines"
MIN_VALUES = 3  # value lines a region needs
MAX_CELL = 40  # longest line (in characters) that may be one cell
MAX_SHORT_LABELS = 0.1  # share of one-character labels above which the lines are split text
SPLIT_LABELS = 5  # labels in a row after values: the header of the next table
UNIT_EVIDENCE = 3  # longer gaps needed before an empty cell is taken to be more than one line
UNIT_SLACK = 0.1  # share of gaps that may break the empty-cell unit (a cell of two paragraphs)
_WORD = regex.compile(f"[^{BLANKS}]+")
_CJK = regex.compile(r"\p{Han}")


class Token(NamedTuple):
    """One cell of the stream: its text, 1-based line, and kind (`L`abel, `V`alue, `E`mpty);
    `more`: the lines of a label's later lines (a wrapped label)."""

    text: str
    line: int
    kind: str
    more: tuple[int, ...] = ()


def _cell_text(line: str, f: LineFacts, is_number: Callable[[str], bool]) -> str | None:
    """The line as one cell (stripped), or None when it cannot be one: blank, another dialect's
    line, blank-padded cells, a page mark (`- 11 -`: page furniture, not a value), prose, or
    words side by side that are cells of their own (a number, or two Chinese words: a row or a
    header printed on one line). `is_number`: the document's test (`lines.Numbers`)."""
    if f.blank or f.foreign or f.gapped or f.tabs or f.page_mark:
        return None
    text = line.strip(BLANKS + "\f\v\r")
    if len(text) > MAX_CELL:
        return None
    words = _WORD.findall(text)
    if len(words) > 1 and not is_number(text):
        if any(is_number(w) for w in words) or sum(1 for w in words if _CJK.search(w)) > 1:
            return None
    return text


def _furniture(line: str, f: LineFacts) -> bool:
    """A page mark (`- 11 -`) or a tool's marker (`[bookmark: _Toc4]`): no cell of the table."""
    return f.page_mark or (not f.blank and is_marker(line))


def has_values(lines: Sequence[str], facts: Sequence[LineFacts]) -> bool:
    """At least `MIN_VALUES` lines that are one number and may be a cell: what every region
    needs, asked first so that text of another shape costs one pass over its facts."""
    count = 0
    is_number = numbers_of(lines)
    for line, f in zip(lines, facts, strict=True):
        if f.blank or f.foreign or f.gapped or f.tabs:
            continue
        text = line.strip(BLANKS + "\f\v\r")
        if len(text) <= MAX_CELL and is_number(text):
            count += 1
            if count >= MIN_VALUES:
                return True
    return False


def claims(lines: Sequence[str], facts: Sequence[LineFacts]) -> list[Claim]:
    """Value lines are members, label lines join, empty lines are gaps; anything else stops a
    run, and so does a label right under a line that is no cell (the tail of wrapped prose).
    Page furniture (`_furniture`) is a gap, like the empty lines it brings."""
    out: list[Claim] = []
    prose_above = False
    is_number = numbers_of(lines)
    for line, f in zip(lines, facts, strict=True):
        if _furniture(line, f):
            out.append(Claim.GAP)
            continue
        if f.blank:
            out.append(Claim.GAP)
            prose_above = False
            continue
        text = _cell_text(line, f, is_number)
        if text is None:
            out.append(Claim.STOP)
            prose_above = True
            continue
        value = is_number(text)
        out.append(Claim.MEMBER if value else Claim.STOP if prose_above else Claim.JOIN)
        prose_above = False
    return out


def _cells_ok(lines: Lines) -> bool:
    """Enough values and labels, and labels that are whole (not text split a character a line)."""
    is_number = lines.numbers.__getitem__
    texts = [
        _cell_text(line, f, is_number) or ""
        for line, f in zip(lines, lines.facts, strict=True)
        if not (f.blank or _furniture(line, f))
    ]
    labels = [t for t in texts if not is_number(t)]
    if len(texts) - len(labels) < MIN_VALUES or not labels:
        return False
    return sum(1 for t in labels if len(t) == 1) <= MAX_SHORT_LABELS * len(labels)


def units(gaps: Sequence[tuple[int, str, str]]) -> tuple[int, int]:
    """(separator, empty-cell unit) of a run from its gaps `(empty lines, kind before, kind
    after)`: the separator is the least gap from a label to a value (a row's first value follows
    its label), else the commonest gap; the unit is the largest of 3, 2, 1 that divides nearly
    every longer gap's excess (1 unless a few longer gaps say otherwise). A gap before an
    enumerated heading over more labels (kind `H`: a section heading over a table or text) may
    close a table (docx2txt sets a table apart from the text after it by one more empty line),
    so it does not break the unit."""
    if not gaps:
        return 0, 1
    after_label = [g for g, a, b in gaps if a == "L" and b == "V"]
    counts = Counter(g for g, _, _ in gaps)
    sep = min(after_label) if after_label else min(counts, key=lambda g: (-counts[g], g))
    excess = [(g - sep, b == "H") for g, _, b in gaps if g > sep]
    for unit in (3, 2):
        breaking = sum(1 for e, closing in excess if e % unit and not closing)
        if len(excess) >= UNIT_EVIDENCE and breaking <= UNIT_SLACK * len(excess):
            return sep, unit
    return sep, 1


def _lines(lines: Lines, first_line: int) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    """The nonblank lines `(line, text, kind)` and the gaps `(empty lines, kind before, kind
    after)` between them, and after the last (kind after: `E`, the end; `H`, an enumerated
    heading over another label). Page furniture is skipped with the empty lines after it (its own)."""
    found: list[tuple[int, str, str]] = []
    gaps: list[tuple[int, str, str]] = []
    run = 0
    marked = False
    is_number = lines.numbers.__getitem__
    for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
        if _furniture(line, f) or (marked and f.blank):
            marked = True
            continue
        marked = False
        if f.blank:
            run += 1
            continue
        text = line.strip(BLANKS + "\f\v\r")
        kind = "V" if is_number(text) else "L"
        if found:
            gaps.append((run, found[-1][2], kind))
        found.append((first_line + offset, text, kind))
        run = 0
    if found and run:
        gaps.append((run, found[-1][2], "E"))
    for k in range(1, len(found) - 1):
        if found[k][2] == found[k + 1][2] == "L" and starts_outline_heading(found[k][1]):
            gaps[k - 1] = (gaps[k - 1][0], gaps[k - 1][1], "H")
    return found, gaps


def tokens(lines: Lines, first_line: int, unit_of: tuple[int, int] | None = None) -> list[Token]:
    """The cells in order, empty cells counted from the gaps (in the units given, else in the
    lines' own), each on an empty line after the cell before (not before the cell after: page
    furniture between them is not theirs)."""
    found, gaps = _lines(lines, first_line)
    sep, unit = unit_of or units(gaps)
    out: list[Token] = []
    for k, (lineno, text, kind) in enumerate(found):
        gap = gaps[k - 1][0] if k else sep
        if gap < sep and out and kind == "L" and out[-1].kind == "L":
            out[-1] = out[-1]._replace(text=out[-1].text + "\n" + text, more=(*out[-1].more, lineno))
            continue
        empty_at = found[k - 1][0] + 1 + sep if k else lineno  # past the cell before and its separator
        out += [Token("", empty_at + j * unit, "E") for j in range((gap - sep) // unit if gap > sep else 0)]
        out.append(Token(text, lineno, kind))
    if len(gaps) == len(found) and found:  # empty lines end the lines: empty cells
        gap, end = gaps[-1][0], found[-1][0] + gaps[-1][0]
        out += [Token("", end - gap + 1 + sep + j * unit, "E") for j in range((gap - sep) // unit if gap > sep else 0)]
    return out


def _cut(stream: Sequence[Token], start: int, floor: int) -> int:
    """Where the table before a header run starting at `start` ends: after its last value, the
    empty cells that close that row, and the blank rows (labels and as many empty cells as the
    row had cells) that follow it. `floor` when that table has no value."""
    last = max((k for k in range(floor, start) if stream[k].kind == "V"), default=-1)
    if last < 0:
        return floor
    first = last
    while first > floor and stream[first - 1].kind != "L":
        first -= 1
    width = last - first + 1
    k = last + 1
    while k < start and stream[k].kind == "E":
        k += 1
    while k < start:
        end = k
        while end < start and stream[end].kind == "L":
            end += 1
        empty = end
        while empty < start and stream[empty].kind == "E":
            empty += 1
        if empty - end < width or end == k:
            break
        k = empty
    return k


_SENTENCE_END = ("。", "！", "？", "；", "!", "?", ";")


def _lead(part: Sequence[Token]) -> int:
    """How many of the labels leading `part` are text above the table, not its header: all up
    to the last that ends a sentence (a short paragraph) or is an enumerated heading right
    over a sibling that heads more labels (`一、总体情况` over `二、...`: a section without a
    table), then the enumerated headings that still lead. A row's label right over the next
    row's (`一、...` over `二、...` and its values: a blank row whose empty cells were dropped)
    and a row's group label (`三、本年度办理结果` over `（一）予以公开`) are no such heading."""
    run = 0
    while run < len(part) and part[run].kind == "L":
        run += 1
    styles = [m.style if starts_outline_heading(t.text) and (m := match_marker(t.text)) else None for t in part[:run]]
    cut = 0
    for k in range(run - 1):
        sibling = k + 2 < run and styles[k] is not None and styles[k] == styles[k + 1]
        if sibling or part[k].text.endswith(_SENTENCE_END):
            cut = k + 1
    while cut + 1 < run and styles[cut] is not None:
        cut += 1
    return cut


def _without_lead(part: list[Token]) -> list[Token]:
    """`part` without the text that leads it (`_lead`), read a line at a time: tools that set
    cells apart by an empty line print the text above a table without one, as one label."""
    run = 0
    while run < len(part) and part[run].kind == "L":
        run += 1
    pieces: list[Token] = []
    origin: list[int] = []
    for i, tok in enumerate(part[:run]):
        for text, line in zip(tok.text.split("\n"), (tok.line, *tok.more), strict=True):
            pieces.append(Token(text, line, "L"))
            origin.append(i)
    cut = _lead([*pieces, *part[run : run + 1]])
    kept: list[Token] = []
    for k in range(cut, len(pieces)):
        if k > cut and origin[k] == origin[k - 1]:
            kept[-1] = kept[-1]._replace(
                text=kept[-1].text + "\n" + pieces[k].text, more=(*kept[-1].more, pieces[k].line)
            )
        else:
            kept.append(pieces[k])
    return kept + part[run:]


def parts(stream: Sequence[Token]) -> list[list[Token]]:
    """The stream cut into tables: a run of `SPLIT_LABELS` labels after a value or an empty cell
    is in the header of a new table (`_cut` says where it starts). Each part runs from its
    first cell to its last value or blank row (a label and two or more empty cells) and the
    empty cells after it, without the text that leads it (`_without_lead`). A part that starts
    with a value is no table: its labels were printed after their numbers (text drawn from a
    page, not cells)."""
    cuts = [0]
    run = 0
    for k, tok in enumerate(stream):
        run = run + 1 if tok.kind == "L" else 0
        start = k - run + 1
        if run == SPLIT_LABELS and start > cuts[-1] and stream[start - 1].kind != "L":
            cut = _cut(stream, start, cuts[-1])
            if cut > cuts[-1]:
                cuts.append(cut)
    out: list[list[Token]] = []
    for a, b in zip(cuts, [*cuts[1:], len(stream)], strict=True):
        part = list(stream[a:b])
        while part and part[0].kind == "E":
            part.pop(0)
        part = _without_lead(part)
        last = max((k for k, t in enumerate(part) if t.kind == "V"), default=-1)
        for k in range(last + 1, len(part) - 2):
            if part[k].kind == "L" and part[k + 1].kind == part[k + 2].kind == "E":
                last = k
        while last + 1 < len(part) and part[last + 1].kind == "E":
            last += 1
        if part and part[0].kind == "L" and any(t.kind == "V" for t in part[: last + 1]):
            out.append(part[: last + 1])
    return out


def rows(stream: Sequence[Token]) -> list[list[Token]]:
    """Rows: a label after a value or an empty cell starts one (empty cells ending a row kept)."""
    out: list[list[Token]] = []
    row: list[Token] = []
    for tok in stream:
        if tok.kind == "L" and row and row[-1].kind != "L":
            out.append(row)
            row = []
        row.append(tok)
    if row:
        out.append(row)
    return out


def _labels(row: Sequence[Token]) -> int:
    """How many labels lead the row."""
    k = 0
    while k < len(row) and row[k].kind == "L":
        k += 1
    return k


def _zone(row: Sequence[Token]) -> tuple[int, int]:
    """(cells after the row's labels up to its last value, all cells after its labels)."""
    k = 0
    while k < len(row) and row[k].kind == "L":
        k += 1
    last = max((j for j in range(k, len(row)) if row[j].kind == "V"), default=k - 1)
    return last - k + 1, len(row) - k


def positional(grid: Sequence[Sequence[Token]]) -> bool:
    """Whether the empty cells are all printed: one width fits every row that holds values
    (no row's values reach past where another row's cells end), and a lone such row prints
    empty cells after its last value. (Some tools print a blank cell only when it holds a
    blank character: lynx.)"""
    zones = [_zone(r) for r in grid if any(t.kind == "V" for t in r)]
    if len(zones) == 1:
        return zones[0][1] > zones[0][0]
    return max(z[0] for z in zones) <= min(z[1] for z in zones)


class CellLinesDialect(RegionDialect):
    name = NAME
    prior = 0.96

    def _runs(self, lines: Lines) -> list[tuple[int, int, tuple[int, int]]]:
        """The runs of cell lines that may hold a table, each with its units, and with the
        empty lines that end it (empty cells closing its last row, before the line that stops it)."""
        out: list[tuple[int, int, tuple[int, int]]] = []
        if not has_values(lines, lines.facts):
            return out
        for s, e in runs(claims(lines, lines.facts), MIN_VALUES, start_on_join=True):
            while e < len(lines) and lines.facts[e].blank:
                e += 1
            if _cells_ok(lines[s:e]):
                out.append((s, e, units(_lines(lines[s:e], s + 1)[1])))
        return out

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        scanned = scan(lines)
        out: list[tuple[int, int]] = []
        for s, e, unit_of in self._runs(scanned):
            for part in parts(tokens(scanned[s:e], s + 1, unit_of)):
                end = part[-1].line + (unit_of[1] - 1 if part[-1].kind == "E" else 0)
                out.append((part[0].line - 1, min(end, e)))
        return out

    def readings(self, lines: Lines, regions: Sequence[tuple[int, int]]) -> list[Reading | None]:
        """Each region read in the units of the run it was cut from."""
        found = self._runs(lines)
        out: list[Reading | None] = []
        k = 0
        for s, e in regions:  # both in order: one walk
            while k < len(found) and found[k][1] < e:
                k += 1
            unit_of = found[k][2] if k < len(found) and found[k][0] <= s else None
            out.append(self._reading(lines[s:e], s + 1, unit_of))
        return out

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        return self._reading(lines, first_line, None)

    def _reading(self, lines: Lines, first_line: int, unit_of: tuple[int, int] | None) -> Reading | None:
        unit_of = unit_of or units(_lines(lines, first_line)[1])
        found = rows(tokens(lines, first_line, unit_of))
        printed = any(t.kind == "E" for r in found for t in r)
        dropped = not printed or not positional(found)
        gaps = dropped and printed and unit_of[0] > 0 and unit_of[1] == 1
        width = 0 if dropped else max(_zone(r)[0] for r in found if any(t.kind == "V" for t in r))
        for r in found:
            keep = _labels(r) + width if any(t.kind == "V" for t in r) else 1
            while r[-1].kind == "E" and len(r) > keep:
                r.pop()
        grid = [tuple(Piece(t.text, t.line, col) for col, t in enumerate(r)) for r in found]
        return reading_or_none(NAME, first_line, grid, dropped_empty=dropped, gaps_marked=gaps)

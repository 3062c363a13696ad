"""Grid tables (`+----+----+` borders, `|` between cells): pandoc's grid tables, and any tool
that draws a table with ASCII `+ - | =` lines.

The first border's `+` marks give the column boundaries (display columns, CJK = 2). A row is
every line between two borders; a cell's lines are joined by newlines, except where a number
was cut at the cell's edge (`272252` / `90916`: the first part fills the cell), which is joined
back. A `|` that is not on a boundary is text; a boundary without `|` on a line joins the two
cells (a column span). Empty cells keep their place, so the grid is positional.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import regex

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Claim, Lines, runs

NAME = "grid"
MIN_LINES = 3  # border, row, border
_BORDER = regex.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_BORDER_MARKS = ("+-", "+=", "+:")  # how every border line starts


def _width(ch: str) -> int:
    return 2 if ord(ch) >= 0x1100 and unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Display columns of `text` (CJK = 2)."""
    return len(text) if text.isascii() else sum(map(_width, text))


def is_border(line: str) -> bool:
    return "+" in line and _BORDER.match(line) is not None


def boundaries(border: str) -> tuple[int, ...]:
    """Display columns of the `+` marks of a border line."""
    out, col = [], 0
    for ch in border:
        if ch == "+":
            out.append(col)
        col += _width(ch)
    return tuple(out)


def split_line(line: str, bounds: Sequence[int]) -> list[tuple[int, int, str]]:
    """`(column, span, text)` of one content line: cut at each `|` on a boundary."""
    at = {b: k for k, b in enumerate(bounds)}
    cuts: list[tuple[int, int]] = []  # (boundary index, character index)
    col = 0
    for i, ch in enumerate(line):
        if ch == "|" and col in at:
            cuts.append((at[col], i))
        col += _width(ch)
    return [
        (left, right - left, line[i + 1 : j])
        for (left, i), (right, j) in zip(cuts, cuts[1:], strict=False)
        if right > left
    ]


def join_parts(parts: Sequence[str], inner: int) -> str:
    """A cell's lines: newlines between them, but a number cut at the cell's edge (`inner`
    display columns) is joined back."""
    out = ""
    for part in parts:
        if out and out[-1].isdigit() and part[:1].isdigit() and width(out.rsplit("\n", 1)[-1]) >= inner - 1:
            out += part
        else:
            out = f"{out}\n{part}" if out else part
    return out


class GridTableDialect(RegionDialect):
    name = NAME
    prior = 1.0

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        text = "\n".join(lines)
        if "|" not in text or not any(mark in text for mark in _BORDER_MARKS):
            return []  # no border in the text: one join and a few searches, no line looked at
        claims = []
        for line in lines:
            head = line.lstrip()[:1]
            claims.append(Claim.MEMBER if head == "|" or head == "+" and is_border(line) else Claim.STOP)
        found = runs(claims, MIN_LINES)
        out = []
        for s, e in found:
            while s < e and not is_border(lines[s]):
                s += 1
            while e > s and not is_border(lines[e - 1]):
                e -= 1
            if e - s >= MIN_LINES:
                out.append((s, e))
        return out

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        bounds = boundaries(lines[0])
        if len(bounds) < 2:
            return None
        rows: list[tuple[Piece, ...]] = []
        block: list[int] = []
        for i, line in enumerate(lines):
            if not is_border(line):
                block.append(i)
                continue
            if block:
                rows.append(self._row(lines, block, bounds, first_line))
                block = []
        return reading_or_none(NAME, first_line, [r for r in rows if r])

    @staticmethod
    def _row(lines: Lines, block: list[int], bounds: Sequence[int], first_line: int) -> tuple[Piece, ...]:
        cells: dict[int, tuple[int, list[tuple[int, str]]]] = {}
        for i in block:
            for col, span, text in split_line(lines[i], bounds):
                got = cells.setdefault(col, (span, []))
                if text.strip():
                    got[1].append((i, text.strip()))
        pieces = []
        for col in sorted(cells):
            span, parts = cells[col]
            inner = bounds[min(col + span, len(bounds) - 1)] - bounds[col] - 3
            line = parts[0][0] if parts else block[0]
            pieces.append(Piece(join_parts([t for _, t in parts], inner), first_line + line, col, span))
            pieces += [Piece("", first_line + line, col + k) for k in range(1, span)]  # covered slots
        return tuple(pieces)

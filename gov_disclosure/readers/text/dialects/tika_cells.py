"""Cell-per-line dumps (Apache Tika and similar): each cell a line led by a TAB, a blank line
ends a row, an empty cell is a lone TAB. A cell wraps onto following lines without a TAB,
even across a blank line (`\\t本年新` / `公开数量`, `\\t对外公开` / `` / `总数量`)."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Claim, LineFacts, Lines, runs, scan

NAME = "tika-cells"
MIN_CELLS = 3


def _cell_or_text(f: LineFacts) -> bool:
    return f.cell_line or f.short_text


def continues(facts: Sequence[LineFacts], i: int) -> bool:
    """Line i (plain text) continues a cell: a cell line sits just before it (at most one blank
    line between) and the table goes on just after it."""
    if not facts[i].short_text:
        return False
    j = i - 1
    if j >= 0 and facts[j].blank:
        j -= 1
    if j < 0 or not _cell_or_text(facts[j]):
        return False
    k = i + 1
    if k < len(facts) and facts[k].blank:
        k += 1
    return k < len(facts) and _cell_or_text(facts[k])


def claims(facts: Sequence[LineFacts]) -> list[Claim]:
    """Cell lines are members; blank lines and wrapped cell text may sit between them."""
    return [
        Claim.MEMBER
        if f.cell_line
        else Claim.GAP
        if f.blank
        else Claim.JOIN
        if f.short_text and continues(facts, i)
        else Claim.STOP
        for i, f in enumerate(facts)
    ]


class TikaCellsDialect(RegionDialect):
    name = NAME
    prior = 0.98

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        facts = scan(lines).facts
        if not any(f.cell_line for f in facts):
            return []
        return runs(claims(facts), MIN_CELLS)

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        rows: list[tuple[Piece, ...]] = []
        row: list[tuple[list[str], int]] = []
        pending_blank = False
        for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
            if f.cell_line:
                if pending_blank and row:
                    rows.append(_finish(row))
                    row = []
                row.append(([line[1:].rstrip("\r\n")], first_line + offset))
                pending_blank = False
            elif f.blank:
                pending_blank = True
            elif row:
                row[-1][0].append(line.strip())
                pending_blank = False
        if row:
            rows.append(_finish(row))
        return reading_or_none(NAME, first_line, rows)


def _finish(row: list[tuple[list[str], int]]) -> tuple[Piece, ...]:
    return tuple(Piece("\n".join(parts), line, col) for col, (parts, line) in enumerate(row))

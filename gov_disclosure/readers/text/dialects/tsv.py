"""Tab-separated rows (copy and paste from Word or Excel): one row a line, cells split by TAB,
merged cells as empty cells."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Claim, LineFacts, Lines, runs, scan

NAME = "tsv"
MIN_ROWS = 2


def claims(facts: Sequence[LineFacts]) -> list[Claim]:
    """Row lines are members; a blank line may sit between two of them."""
    n = len(facts)
    return [
        Claim.MEMBER if f.tsv_row else Claim.GAP if f.blank and i + 1 < n and facts[i + 1].tsv_row else Claim.STOP
        for i, f in enumerate(facts)
    ]


class TsvDialect(RegionDialect):
    name = NAME
    prior = 0.99

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        facts = scan(lines).facts
        if not any(f.tsv_row for f in facts):
            return []
        return runs(claims(facts), MIN_ROWS)

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        rows: list[tuple[Piece, ...]] = []
        for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
            if f.blank:
                continue
            lineno = first_line + offset
            rows.append(tuple(Piece(text, lineno, col) for col, text in enumerate(line.rstrip("\r\n").split("\t"))))
        return reading_or_none(NAME, first_line, rows)

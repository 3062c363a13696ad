"""Tab-separated rows (copy and paste from Word or Excel): one row a line, cells split by TAB,
merged cells as empty cells."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.readers.lines import is_blank

NAME = "tsv"


def _is_row_line(line: str) -> bool:
    body = line.rstrip("\r\n")
    return body.count("\t") >= 2 or ("\t" in body and not body.startswith("\t"))


class TsvDialect:
    name = NAME

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        i, n = 0, len(lines)
        while i < n:
            if not _is_row_line(lines[i]):
                i += 1
                continue
            start, end, count = i, i + 1, 1
            j = i + 1
            while j < n:
                if _is_row_line(lines[j]):
                    end, count = j + 1, count + 1
                elif not (is_blank(lines[j]) and j + 1 < n and _is_row_line(lines[j + 1])):
                    break
                j += 1
            if count >= 2:
                out.append((start, end))
            i = max(j, i + 1)
        return out

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        rows: list[tuple[Cell, ...]] = []
        for offset, line in enumerate(lines):
            if is_blank(line):
                continue
            lineno = first_line + offset
            parts = line.rstrip("\r\n").split("\t")
            rows.append(
                tuple(Cell(text, Position(line=lineno, row=len(rows), col=col)) for col, text in enumerate(parts))
            )
        if not rows:
            return None
        return Table(rows=tuple(rows), pos=Position(line=first_line), dialect=NAME)

"""Cell-per-line dumps (Apache Tika and similar): each cell a line led by a TAB, a blank line
ends a row, an empty cell is a lone TAB. A cell wraps onto following lines without a TAB,
even across a blank line (`\\t本年新` / `公开数量`, `\\t对外公开` / `` / `总数量`)."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.readers.lines import is_blank, is_continuation_text

NAME = "tika-cells"


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") and "\t" not in line[1:]


def _continues(lines: Sequence[str], i: int) -> bool:
    """Line i (plain text) continues a cell: a cell line sits just before it (at most one blank
    line between) and the table goes on just after it."""
    if not is_continuation_text(lines[i]):
        return False
    j = i - 1
    if j >= 0 and is_blank(lines[j]):
        j -= 1
    if j < 0 or not (_is_cell_line(lines[j]) or is_continuation_text(lines[j])):
        return False
    k = i + 1
    if k < len(lines) and is_blank(lines[k]):
        k += 1
    return k < len(lines) and (_is_cell_line(lines[k]) or is_continuation_text(lines[k]))


class TikaCellsDialect:
    name = NAME

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        i, n = 0, len(lines)
        while i < n:
            if not _is_cell_line(lines[i]):
                i += 1
                continue
            start, end, cells = i, i + 1, 1
            j = i + 1
            while j < n:
                line = lines[j]
                if _is_cell_line(line):
                    cells += 1
                    end = j + 1
                elif is_blank(line) or _continues(lines, j):
                    if not is_blank(line):
                        end = j + 1
                else:
                    break
                j += 1
            if cells >= 3:
                out.append((start, end))
            i = max(j, i + 1)
        return out

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        rows: list[tuple[Cell, ...]] = []
        row: list[tuple[list[str], int]] = []
        pending_blank = False
        for offset, line in enumerate(lines):
            lineno = first_line + offset
            if _is_cell_line(line):
                if pending_blank and row:
                    rows.append(_finish(row, len(rows)))
                    row = []
                row.append(([line[1:].rstrip("\r\n")], lineno))
                pending_blank = False
            elif is_blank(line):
                pending_blank = True
            elif row:
                row[-1][0].append(line.strip())
                pending_blank = False
        if row:
            rows.append(_finish(row, len(rows)))
        if not rows:
            return None
        return Table(rows=tuple(rows), pos=Position(line=first_line), dialect=NAME)


def _finish(row: list[tuple[list[str], int]], index: int) -> tuple[Cell, ...]:
    return tuple(
        Cell("\n".join(parts), Position(line=line, row=index, col=col)) for col, (parts, line) in enumerate(row)
    )

"""Pipe-delimited dumps from web scrapers: `cell |` per line or whole rows `a | b | c |` per
line, runs of `|||` for merged cells, rows that keep only their non-empty cells. A cell's text
may end on a later line (`300` then `|`). Empty cells carry no position here, so they are
dropped and the table is marked `dropped_empty` -- unless every row is framed by pipes
(`| a |  | c |`), where an empty cell keeps its place."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.readers.lines import is_continuation_text

NAME = "pipe"


def _has_pipe(line: str) -> bool:
    return "|" in line


def _opens_cell(lines: Sequence[str], i: int) -> bool:
    """A plain line whose cell is closed by the `|` that starts the next line."""
    return is_continuation_text(lines[i]) and i + 1 < len(lines) and lines[i + 1].lstrip().startswith("|")


class PipeDialect:
    name = NAME

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        i, n = 0, len(lines)
        while i < n:
            if not (_has_pipe(lines[i]) or _opens_cell(lines, i)):
                i += 1
                continue
            start, end, count = i, i + 1, int(_has_pipe(lines[i]))
            j = i + 1
            while j < n and (_has_pipe(lines[j]) or _opens_cell(lines, j)):
                count += int(_has_pipe(lines[j]))
                end = j + 1
                j += 1
            if count >= 3:
                out.append((start, end))
            i = max(j, i + 1)
        return out

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        framed = [line.strip() for line in lines if line.strip()]
        if framed and all(len(x) > 1 and x.startswith("|") and x.endswith("|") for x in framed):
            return _read_framed(lines, first_line)
        cells: list[tuple[int, str]] = []  # (line the cell starts on, text)
        parts_open: list[str] = []
        opened_at = first_line
        for offset, line in enumerate(lines):
            parts = line.rstrip("\r\n").split("|")
            for k, part in enumerate(parts):
                if part.strip():
                    if not parts_open:
                        opened_at = first_line + offset
                    parts_open.append(part.strip())
                if k < len(parts) - 1 and parts_open:  # a pipe closes the open cell
                    cells.append((opened_at, "\n".join(parts_open)))
                    parts_open = []
        if parts_open:
            cells.append((opened_at, "\n".join(parts_open)))
        by_line: dict[int, list[str]] = {}
        for lineno, text in cells:
            by_line.setdefault(lineno, []).append(text)
        grid = tuple(
            tuple(Cell(text, Position(line=lineno, row=r, col=k)) for k, text in enumerate(texts))
            for r, (lineno, texts) in enumerate(by_line.items())
        )
        if not grid:
            return None
        return Table(rows=grid, pos=Position(line=first_line), dialect=NAME, dropped_empty=True)


def _read_framed(lines: Sequence[str], first_line: int) -> Table:
    """`| a |  | c |` rows (markdown without its rule line): every row framed by pipes, so an
    empty cell keeps its place and the grid is positional."""
    rows: list[tuple[Cell, ...]] = []
    for offset, line in enumerate(lines):
        body = line.strip()
        if not body:
            continue
        parts = [p.strip() for p in body[1:-1].split("|")]
        rows.append(
            tuple(Cell(t, Position(line=first_line + offset, row=len(rows), col=k)) for k, t in enumerate(parts))
        )
    return Table(rows=tuple(rows), pos=Position(line=first_line), dialect=NAME)

"""Pipe-delimited dumps from web scrapers: `cell |` per line or whole rows `a | b | c |` per
line, runs of `|||` for merged cells, rows that keep only their non-empty cells. A cell's text
may end on a later line (`300` then `|`). Empty cells carry no position here, so they are
dropped and the reading is marked `dropped_empty` -- unless every row is framed by pipes
(`| a |  | c |`), where an empty cell keeps its place."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Claim, LineFacts, Lines, runs, scan

NAME = "pipe"
MIN_PIPE_LINES = 3


def claims(facts: Sequence[LineFacts]) -> list[Claim]:
    """Lines with a pipe are members; a short plain line whose cell the `|` leading the next
    line closes joins them (and may start a run)."""
    n = len(facts)
    return [
        Claim.MEMBER if f.pipes else Claim.JOIN if f.short_text and i + 1 < n and facts[i + 1].pipe_led else Claim.STOP
        for i, f in enumerate(facts)
    ]


class PipeDialect(RegionDialect):
    name = NAME
    prior = 0.97

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        facts = scan(lines).facts
        if sum(1 for f in facts if f.pipes) < MIN_PIPE_LINES:
            return []
        return runs(claims(facts), MIN_PIPE_LINES, start_on_join=True)

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        framed = [f.framed for line, f in zip(lines, lines.facts, strict=True) if line.strip()]
        if framed and all(framed):
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
        rows = [tuple(Piece(text, lineno, k) for k, text in enumerate(texts)) for lineno, texts in by_line.items()]
        return reading_or_none(NAME, first_line, rows, dropped_empty=True)


def _read_framed(lines: Lines, first_line: int) -> Reading | None:
    """`| a |  | c |` rows (markdown without its rule line): every row framed by pipes, so an
    empty cell keeps its place and the grid is positional."""
    rows: list[tuple[Piece, ...]] = []
    for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
        if not f.framed:
            continue
        parts = [p.strip() for p in line.strip()[1:-1].split("|")]
        rows.append(tuple(Piece(t, first_line + offset, k) for k, t in enumerate(parts)))
    return reading_or_none(NAME, first_line, rows)

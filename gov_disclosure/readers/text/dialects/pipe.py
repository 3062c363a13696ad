"""Pipe-delimited dumps from web scrapers: `cell |` per line or whole rows `a | b | c |` per
line, runs of `|||` for merged cells, rows that keep only their non-empty cells. A cell's text
may end on a later line (`300` then `|`). Empty cells carry no position here, so they are
dropped and the reading is marked `dropped_empty` -- unless every row is framed by pipes
(`| a |  | c |`), where an empty cell keeps its place."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from gov_disclosure.furniture import is_marker
from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Claim, LineFacts, Lines, runs, scan

NAME = "pipe"
MIN_PIPE_LINES = 3


def claims(facts: Sequence[LineFacts], lines: Sequence[str], max_text: int = 30) -> list[Claim]:
    """Lines with a pipe are members; a short plain line whose cell the `|` leading the next
    line closes joins them (and may start a run); so does a header rule (`---`, `---|---`)
    and a short line between two lines with pipes (a row of one spanning cell, or the first
    line of a cell wrapped at a hard break: `（二）部分公开（区分处理的，` over `不计其他情形）| 16`),
    even if it reads like a heading. A page mark (`- 7 -`) is furniture: it may sit inside a
    run but never starts or ends one; so is a tool's marker line (`[bookmark: _Toc4]`).
    `max_text` is the longest such line."""
    n = len(facts)
    out = []
    for i, f in enumerate(facts):
        if _furniture(lines[i], f):
            out.append(Claim.GAP)
            continue
        between = 0 < i < n - 1 and facts[i - 1].pipes and facts[i + 1].pipes
        joins = (f.short_text and i + 1 < n and (facts[i + 1].pipe_led or between)) or (
            between and f.heading and not f.tabs and len(lines[i].strip()) <= max_text
        )
        out.append(Claim.MEMBER if f.pipes else Claim.JOIN if joins or is_bare_rule(lines[i]) else Claim.STOP)
    return out


def _furniture(line: str, f: LineFacts) -> bool:
    """A page mark (`- 7 -`) or a tool's marker line (`[image: 图1]`): no row of the table."""
    return f.page_mark or (not f.blank and not f.pipes and is_marker(line))


_BARE_RULE = regex.compile(r"^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*$")


def is_bare_rule(line: str) -> bool:
    """A markdown header rule without outer pipes (`---|---`, or `---` under a one-cell row)."""
    return "-" in line and _BARE_RULE.match(line) is not None


class PipeDialect(RegionDialect):
    name = NAME
    prior = 0.97

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        if "\n".join(lines).count("|") < MIN_PIPE_LINES:
            return []  # fewer pipes than a region needs lines with one
        scanned = scan(lines)
        facts = scanned.facts
        if sum(1 for f in facts if f.pipes) < MIN_PIPE_LINES:
            return []
        marks = claims(facts, lines, scanned.settings.max_continuation)
        return runs(marks, MIN_PIPE_LINES, start_on_join=True)

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        """Framed when every line with a pipe is (decided by the rows together: a plain line
        above or between them is a row of one cell, not a sign of another shape)."""
        framed = [f.framed for f in lines.facts if f.pipes]
        if framed and all(framed):
            return _read_framed(lines, first_line)
        if any(is_bare_rule(line) for line in lines):
            return _read_rows(lines, first_line)
        cells: list[tuple[int, str]] = []  # (line the cell starts on, text)
        parts_open: list[str] = []
        opened_at = first_line
        for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
            if _furniture(line, f):
                continue
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
    empty cell keeps its place and the grid is positional. A plain line is a row of one cell;
    page marks are skipped."""
    rows: list[tuple[Piece, ...]] = []
    for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
        if f.blank or _furniture(line, f):
            continue
        parts = [p.strip() for p in line.strip()[1:-1].split("|")] if f.framed else [line.strip()]
        rows.append(tuple(Piece(t, first_line + offset, k) for k, t in enumerate(parts)))
    return reading_or_none(NAME, first_line, rows)


def _read_rows(lines: Lines, first_line: int) -> Reading | None:
    """Markdown rows without outer pipes (html2text, GFM): one row a line, `a| | c`, empty
    cells in place; a line without a pipe is a row of one (spanning) cell; rules are skipped.
    Rows differ in length only by leading group labels (a rowspan parent printed once).
    Outer pipes are a frame only when every row has them: html2text writes rows without a
    frame, so its `| | 1| 0` is a row whose first two cells are empty."""
    rows: list[tuple[Piece, ...]] = []
    piped = [line.strip() for line, f in zip(lines, lines.facts, strict=True) if f.pipes and not is_bare_rule(line)]
    left = bool(piped) and all(t.startswith("|") for t in piped)
    right = bool(piped) and all(t.endswith("|") for t in piped)
    for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
        if f.blank or _furniture(line, f) or is_bare_rule(line):
            continue
        parts = [p.strip() for p in line.strip().split("|")]
        if len(parts) > 1 and left and line.strip().startswith("|"):
            parts = parts[1:]
        if len(parts) > 1 and right and line.strip().endswith("|"):
            parts = parts[:-1]
        rows.append(tuple(Piece(t, first_line + offset, k) for k, t in enumerate(parts)))
    return reading_or_none(NAME, first_line, rows)

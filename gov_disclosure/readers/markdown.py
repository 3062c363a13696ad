"""Markdown tables: `| a | b |` rows with a `|---|---|` rule; empty cells keep their place."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from gov_disclosure.blocks import Cell, Position, Table

NAME = "markdown"
_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _is_row(line: str) -> bool:
    s = line.strip()
    return len(s) >= 2 and s.startswith("|") and s.endswith("|")


def _split(line: str) -> list[str]:
    s = line.strip()[1:-1]
    return [p.strip() for p in regex.split(r"(?<!\\)\|", s)]


class MarkdownDialect:
    name = NAME

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        i, n = 0, len(lines)
        while i < n:
            if not _is_row(lines[i]):
                i += 1
                continue
            j = i
            while j < n and _is_row(lines[j]):
                j += 1
            if j - i >= 3 and any(_RULE.match(x) for x in lines[i:j]):
                out.append((i, j))
            i = j
        return out

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        rows: list[tuple[Cell, ...]] = []
        for offset, line in enumerate(lines):
            if _RULE.match(line) or not _is_row(line):
                continue
            lineno = first_line + offset
            rows.append(
                tuple(
                    Cell(t.replace("\\|", "|").replace("<br>", "\n"), Position(line=lineno, row=len(rows), col=k))
                    for k, t in enumerate(_split(line))
                )
            )
        if not rows:
            return None
        return Table(rows=tuple(rows), pos=Position(line=first_line), dialect=NAME)

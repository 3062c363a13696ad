"""Markdown tables: `| a | b |` rows with a `|---|---|` rule; empty cells keep their place."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Claim, Lines, runs, scan

NAME = "markdown"
MIN_ROWS = 3  # header, rule and one row
_PIPE = regex.compile(r"(?<!\\)\|")


def _split(line: str) -> list[str]:
    return [p.strip() for p in _PIPE.split(line.strip()[1:-1])]


class MarkdownDialect(RegionDialect):
    name = NAME
    prior = 1.0

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        """Runs of framed rows with a rule line among them (none without `|` and `---`)."""
        text = "\n".join(lines)
        if "|" not in text or "---" not in text:
            return []
        facts = scan(lines).facts
        if not any(f.rule for f in facts):
            return []
        found = runs([Claim.MEMBER if f.framed else Claim.STOP for f in facts], MIN_ROWS)
        return [(s, e) for s, e in found if any(f.rule for f in facts[s:e])]

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        rows: list[tuple[Piece, ...]] = []
        for offset, (line, f) in enumerate(zip(lines, lines.facts, strict=True)):
            if f.rule or not f.framed:
                continue
            lineno = first_line + offset
            rows.append(
                tuple(Piece(t.replace("\\|", "|").replace("<br>", "\n"), lineno, k) for k, t in enumerate(_split(line)))
            )
        return reading_or_none(NAME, first_line, rows)

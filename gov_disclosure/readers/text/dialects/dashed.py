"""Tables whose columns a dash rule gives (`----  -------  ----`): pandoc's simple and multiline
tables, which its markdown and plain writers print for every table without spans.

Three shapes, all found by their rules: a headerless table between two column rules; a header
above a column rule, rows to the next blank line (simple); a header between a full dash border
and a column rule, rows to the closing border (multiline). A column runs from its dashes' first
display column (CJK = 2) to the next column's; a row is one line, or, when the body has blank
lines, every line up to the next blank line, a cell's lines joined by newlines (a trailing `\\`
is a hard break). Empty cells keep their place, so the grid is positional.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import regex

from gov_disclosure.readers.text.dialects.base import Piece, Reading, RegionDialect, reading_or_none
from gov_disclosure.readers.text.lines import Lines

NAME = "dashed"
_RULE = regex.compile(r"^ {0,3}-{3,}(?: +-{2,})* *$")
_DASHES = regex.compile(r"-+")


def rule_starts(line: str) -> tuple[int, ...]:
    """The first column of each dash run of a rule line; () for any other line."""
    if "-" not in line[:4] or not _RULE.match(line):
        return ()
    return tuple(m.start() for m in _DASHES.finditer(line))


def table_regions(lines: Sequence[str]) -> list[tuple[int, int]]:
    """`[start, end)` of every table in one of the three shapes (none without a `---`)."""
    if "---" not in "\n".join(lines):
        return []
    rules = {i: s for i, line in enumerate(lines) if (s := rule_starts(line))}
    out: list[tuple[int, int]] = []
    done = 0
    for k in sorted(rules):
        if k < done or len(rules[k]) < 2:
            continue
        top = k
        while top > 0 and lines[top - 1].strip() and top - 1 not in rules:
            top -= 1
        if top < k and top > 0 and len(rules.get(top - 1, ())) == 1:  # multiline: border, header
            end = _next(lines, rules, k, None)
            region = None if end is None else (top - 1, end + 1)
        elif top < k:  # simple: header, rule, rows to a blank line
            end = next((j for j in range(k + 1, len(lines)) if not lines[j].strip()), len(lines))
            region = (top, end) if end > k + 1 else None
        else:  # headerless: between two column rules
            end = _next(lines, rules, k, rules[k])
            region = None if end is None or end == k + 1 else (k, end + 1)
        if region is not None:
            out.append(region)
            done = region[1]
    return out


def _next(lines: Sequence[str], rules: dict[int, tuple[int, ...]], k: int, want: tuple[int, ...] | None) -> int | None:
    """The first rule after line `k` if it has the columns `want` (None: a border, one dash
    run), before two blank lines in a row."""
    blank = 0
    for j in range(k + 1, len(lines)):
        if j in rules:
            return j if (len(rules[j]) == 1 if want is None else rules[j] == want) else None
        blank = blank + 1 if not lines[j].strip() else 0
        if blank == 2:
            return None
    return None


def split_columns(line: str, starts: Sequence[int]) -> list[str]:
    """The text of `line` under each column (display columns, CJK = 2), stripped; a trailing
    `\\` (a hard break) dropped."""
    parts: list[list[str]] = [[] for _ in starts]
    col, k = 0, 0
    for ch in line:
        while k + 1 < len(starts) and col >= starts[k + 1]:
            k += 1
        parts[k].append(ch)
        col += 2 if ord(ch) >= 0x1100 and unicodedata.east_asian_width(ch) in ("W", "F") else 1
    out = []
    for p in parts:
        text = "".join(p).strip()
        out.append(text[:-1].rstrip() if text.endswith("\\") else text)
    return out


class DashedDialect(RegionDialect):
    name = NAME
    prior = 1.0

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        return table_regions(lines)

    def reading(self, lines: Lines, first_line: int) -> Reading | None:
        rules = [i for i, line in enumerate(lines) if len(rule_starts(line)) >= 2]
        if not rules:
            return None
        starts = rule_starts(lines[rules[0]])
        body_from = rules[0] + 1
        blocks: list[list[int]] = []
        head = [i for i in range(rules[0]) if lines[i].strip() and not rule_starts(lines[i])]
        if head:
            blocks.append(head)
        body = [i for i in range(body_from, len(lines)) if not rule_starts(lines[i])]
        if any(not lines[i].strip() for i in body):
            block: list[int] = []
            for i in [*body, -1]:
                if i >= 0 and lines[i].strip():
                    block.append(i)
                elif block:
                    blocks.append(block)
                    block = []
        else:
            blocks += [[i] for i in body]
        rows = [self._row(lines, block, starts, first_line) for block in blocks]
        return reading_or_none(NAME, first_line, rows)

    @staticmethod
    def _row(lines: Lines, block: list[int], starts: Sequence[int], first_line: int) -> tuple[Piece, ...]:
        split = [split_columns(lines[i], starts) for i in block]
        pieces = []
        for c in range(len(starts)):
            texts = [(block[r], parts[c]) for r, parts in enumerate(split) if parts[c]]
            line = texts[0][0] if texts else block[0]
            pieces.append(Piece("\n".join(t for _, t in texts), first_line + line, c))
        return tuple(pieces)

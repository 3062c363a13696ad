"""Choosing table readings: every dialect proposes regions and readings, each reading is
scored, and the best non-overlapping readings are kept (CleverCSV's consistency search, with
our own measure). The score table is returned, never printed."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from gov_disclosure.blocks import Table
from gov_disclosure.normalize import looks_numeric
from gov_disclosure.readers.base import Dialect

_GARBAGE = regex.compile(r"[|\t]|-{3,}|^:?-+:?$")

# Stricter forms first when two readings tie: a markdown rule or TSV row says more than a
# loose pipe stream or a guess from blank padding.
PRIOR: dict[str, float] = {
    "markdown": 1.0,
    "tsv": 0.99,
    "tika-cells": 0.98,
    "pipe": 0.97,
    "fixed-width": 0.95,
}


@attrs.frozen
class Candidate:
    dialect: str
    start: int
    end: int
    table: Table
    score: float


def score_table(table: Table) -> float:
    """Share of cells whose content is clean (a value, or text free of delimiter debris),
    weighted by how many rows hold more than one cell (a real grid, not a list of lines)."""
    cells = [c for c in table.cells() if c.text.strip()]
    if not cells:
        return 0.0
    clean = sum(1 for c in cells if looks_numeric(c.text) or not _GARBAGE.search(c.text))
    multi = sum(1 for r in table.rows if len(r) > 1) / max(len(table.rows), 1)
    grid = 1.0 if table.dropped_empty else 0.5 + 0.5 * multi
    return (clean / len(cells)) * grid


def candidates(lines: Sequence[str], dialects: Sequence[Dialect]) -> list[Candidate]:
    out: list[Candidate] = []
    for dialect in dialects:
        for start, end in dialect.regions(lines):
            table = dialect.read(lines[start:end], start + 1)
            if table is None:
                continue
            s = score_table(table) * PRIOR.get(dialect.name, 0.9)
            out.append(Candidate(dialect.name, start, end, table, s))
    return out


def choose(found: list[Candidate]) -> list[Candidate]:
    """Best first, by score then size; keep each that overlaps none already kept."""
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (-c.score, -(c.end - c.start), c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    scores: dict[tuple[int, int], list[tuple[str, float]]] = {}
    for c in found:
        scores.setdefault((c.start, c.end), []).append((c.dialect, round(c.score, 4)))
    return [
        attrs.evolve(
            k,
            table=attrs.evolve(k.table, scores=tuple(scores.get((k.start, k.end), ()))),
        )
        for k in sorted(kept, key=lambda c: c.start)
    ]

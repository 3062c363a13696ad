"""The scored search for tables in a text dump: candidates -> score -> choose.

Every dialect proposes regions; each region is read into a light reading and scored (share of
clean cells x how grid-like it is x the dialect's prior); the best non-overlapping readings win
(CleverCSV's consistency search, with our own measure). Strict forms first, as CleverCSV does:
dialects are asked in order of their prior, and a fully clean reading that no stronger reading
overlaps is decided at once -- no dialect with a lower prior can beat it there, so those lines
are not read by them. Only the chosen readings become `blocks.Table`s; each keeps the scores of
every candidate read over its exact lines (`Table.scores`) and which path decided
(`Table.detection`: "strict" or "search"). The score table is returned, never printed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate, groupby
from typing import Protocol

import attrs
import regex

from gov_disclosure.blocks import Table
from gov_disclosure.normalize import looks_numeric
from gov_disclosure.readers.text.dialects.base import Dialect, Reading
from gov_disclosure.readers.text.lines import Lines

_GARBAGE = regex.compile(r"[|\t]|-{3,}|^:?-+:?$")
STRICT = "strict"
SEARCH = "search"


class _Texted(Protocol):
    @property
    def text(self) -> str: ...


def score(rows: Sequence[Sequence[_Texted]], dropped_empty: bool) -> float:
    """Share of cells whose content is clean (a value, or text free of delimiter debris),
    weighted by how many rows hold more than one cell (a real grid, not a list of lines)."""
    texts = [c.text for row in rows for c in row if c.text.strip()]
    if not texts:
        return 0.0
    clean = sum(1 for t in texts if not _GARBAGE.search(t) or looks_numeric(t))
    multi = sum(1 for r in rows if len(r) > 1) / max(len(rows), 1)
    grid = 1.0 if dropped_empty else 0.5 + 0.5 * multi
    return (clean / len(texts)) * grid


@attrs.frozen
class Candidate:
    """A dialect's reading of lines `[start, end)`: light, or a user dialect's own `Table`.
    `order` (the dialect's place in the registry, the region's place) breaks full ties."""

    dialect: str
    start: int
    end: int
    score: float
    reading: Reading | Table
    order: tuple[int, int]

    @property
    def key(self) -> tuple[float, int, int, tuple[int, int]]:
        """Best first: by score, then size, then place."""
        return (-self.score, -(self.end - self.start), self.start, self.order)

    def overlaps(self, start: int, end: int) -> bool:
        return not (self.end <= start or self.start >= end)


@attrs.frozen
class Found:
    """A chosen table and the lines `[start, end)` it was read from."""

    start: int
    end: int
    table: Table


def prior(dialect: Dialect, default: float) -> float:
    value = getattr(dialect, "prior", default)
    return float(value)


def candidates(lines: Lines, dialects: Sequence[Dialect]) -> tuple[list[Candidate], list[Candidate]]:
    """Every candidate read, and those decided strictly. Dialects are asked in groups of equal
    prior, strongest first; a lower group is not asked about lines a strict reading decided."""
    default = lines.settings.default_prior
    ranked = sorted(range(len(dialects)), key=lambda k: -prior(dialects[k], default))
    found: list[Candidate] = []
    strict: list[Candidate] = []
    for p, group in groupby(ranked, key=lambda k: prior(dialects[k], default)):
        new: list[Candidate] = []
        decided = _Spans(strict)
        for k in group:
            dialect = dialects[k]
            regions = [(n, r) for n, r in enumerate(dialect.regions(lines)) if not any(decided.over(*r))]
            if not regions:
                continue
            for (n, (start, end)), reading in zip(regions, _read(dialect, lines, [r for _, r in regions]), strict=True):
                if reading is not None:
                    s = score(reading.rows, reading.dropped_empty) * p
                    new.append(Candidate(dialect.name, start, end, s, reading, (k, n)))
        found += new
        spans = _Spans(found)
        for c in new:
            if c.score == p and not any(o.key < c.key for o in spans.over(c.start, c.end)):
                strict.append(c)
    return found, strict


class _Spans:
    """Candidates by where they start, to find those overlapping lines `[start, end)` without
    asking every one (a text may hold thousands of small tables)."""

    def __init__(self, cands: Sequence[Candidate]) -> None:
        self.cands = sorted(cands, key=lambda c: c.start)
        self.starts = [c.start for c in self.cands]
        self.reach = list(accumulate((c.end for c in self.cands), max))  # furthest end so far

    def over(self, start: int, end: int) -> Iterator[Candidate]:
        j = bisect_left(self.starts, end) - 1
        while j >= 0 and self.reach[j] > start:
            if self.cands[j].overlaps(start, end):
                yield self.cands[j]
            j -= 1


def _read(dialect: Dialect, lines: Lines, regions: list[tuple[int, int]]) -> Sequence[Reading | Table | None]:
    readings = getattr(dialect, "readings", None)
    if readings is not None:
        out: list[Reading | None] = readings(lines, regions)
        return out
    return [dialect.read(lines[s:e], s + 1) for s, e in regions]


def choose(found: list[Candidate], strict: Sequence[Candidate] = ()) -> list[Found]:
    """Best first; keep each that overlaps none already kept; only the kept become Tables."""
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: c.key):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    scores: dict[tuple[int, int], list[tuple[str, float]]] = {}
    for c in sorted(found, key=lambda c: c.order):
        scores.setdefault((c.start, c.end), []).append((c.dialect, round(c.score, 4)))
    decided = {id(c) for c in strict}
    out: list[Found] = []
    for k in sorted(kept, key=lambda c: c.start):
        table_scores = tuple(scores[(k.start, k.end)])
        detection = STRICT if id(k) in decided else SEARCH
        if isinstance(k.reading, Table):
            table = attrs.evolve(k.reading, scores=table_scores, detection=detection)
        else:
            table = k.reading.table(table_scores, detection)
        out.append(Found(k.start, k.end, table))
    return out


def search(lines: Lines, dialects: Sequence[Dialect]) -> list[Found]:
    """The chosen tables of a text, in reading order."""
    return choose(*candidates(lines, dialects))

"""Several rows' numbers printed after one label, their labels printed after them.

In a narrow column a dump may print a row's label after its numbers (`3.危及…` 0 0 0 0 / 0 / 0 0 /
0 0 0 0 / 0 / 0 0 / `4.保护…` / `5.属于…` 0 0 0 0): the numbers of two rows follow one label,
and the next label has none. Read in order, those are rows in order when the text's shape
says so: the table's width `k` is the count of numbers most labelled groups hold, the run
holds `m * k` numbers printed as `m` copies of the groups' common line pattern (row by row,
each row wrapped alike; a column-by-column print breaks the pattern), and the `m - 1`
numberless labels before the next row's own label carry the markers between the run's label
and it (`3.` < `4.` < `5.`). Anything else is left as printed: the later stages say what
they cannot place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from gov_disclosure.numbering import Marker, match_marker

L = TypeVar("L")
N = TypeVar("N")
Rows = list[tuple[list[L], list[N]]]

MIN_GROUPS = 3  # groups of one width a table needs before its width is trusted


def _groups(rows: Sequence[tuple[list[L], list[N]]]) -> list[list[int]]:
    """Row indexes by group: a row with labels and the label-less rows after it."""
    out: list[list[int]] = []
    for i, (labels, _) in enumerate(rows):
        if labels or not out:
            out.append([])
        out[-1].append(i)
    return out


def _common(values: Sequence[tuple[int, ...]]) -> tuple[int, ...] | None:
    """The commonest value, when at least `MIN_GROUPS` hold it and no other is as common."""
    ranked = Counter(values).most_common(2)
    if not ranked or ranked[0][1] < MIN_GROUPS or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _marker(text: str, style: str | None = None) -> Marker | None:
    marker = match_marker(text)
    return marker if marker is not None and (style is None or marker.style == style) else None


def split_runs(rows: Rows[L, N], text: Callable[[L], str]) -> Rows[L, N]:
    """`rows` (each a line's labels and numbers, in print order) with every run of `m` rows'
    numbers after one label given the `m - 1` labels printed after it, as the module says.
    `text` reads a label's text."""
    groups = _groups(rows)
    patterns = [tuple(len(rows[i][1]) for i in g) for g in groups if rows[g[0]][0]]
    pattern = _common([p for p in patterns if sum(p)])
    if pattern is None:
        return rows
    k = sum(pattern)
    out: Rows[L, N] = [(list(a), list(b)) for a, b in rows]
    for g, nxt in zip(groups, groups[1:], strict=False):
        counts = tuple(len(rows[i][1]) for i in g)
        m = sum(counts) // k
        if m < 2 or counts != pattern * m or not rows[g[0]][0]:
            continue
        found = _labels_between(out[g[0]][0], out[nxt[0]][0], m, text)
        if found is None:
            continue
        for j, labels in enumerate(found[:-1], 1):
            first = g[j * len(pattern)]
            out[first] = (labels, out[first][1])
        out[nxt[0]] = (found[-1], out[nxt[0]][1])
    return out


def _labels_between(before: list[L], after: list[L], m: int, text: Callable[[L], str]) -> list[list[L]] | None:
    """The labels of the `m - 1` rows after the run's own and of the next row: `after` cut
    after each of its `m - 1` markers numbered between the run's label's (`before[-1]`) and
    the next row's own (`after[-1]`), or None when they are not exactly those."""
    first = _marker(text(before[-1]))
    own = _marker(text(after[-1]), None if first is None else first.style)
    if first is None or own is None or own.number != first.number + m:
        return None
    cuts: list[int] = []
    for at, label in enumerate(after[:-1]):
        marker = _marker(text(label), first.style)
        if marker is not None:
            if marker.number != first.number + len(cuts) + 1:
                return None
            cuts.append(at + 1)
    if len(cuts) != m - 1:
        return None
    bounds = [0, *cuts, len(after)]
    return [after[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]

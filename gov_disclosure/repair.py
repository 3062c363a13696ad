"""Rows whose printed label is damaged, found by their place in the template's order.

A label with a character missing or doubled (an OCR or typing slip) names no template row.
The template fixes the order of its rows, so the rows found by label are anchors: a damaged
label printed between two of them can only be one of the template rows between them that were
not found, and it is the one its text is most like (an edit distance over the folded labels).
A label alone in its gap may be more damaged than one that must be told from its neighbours.
A label that starts or ends with the whole label of exactly one of those rows is that row: a
reader ran header or group text into it (`三、本年度办 （一）予以公开`), or the next line's title
(`规范性文件第二十条第（五）项`).
A label that carries digits past its numbering (`…申请数量 41`) is not repaired: no template
label has any, so it is a value run into its label cell by a reader, and guessing its row would
put that value in a column the report never printed it in.
Only the cheap comparisons are made: pairs whose characters cannot reach the bound are skipped
before the distance is computed, and a table makes at most `MAX_COMPARISONS` of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TypeVar

import attrs

from gov_disclosure.labels import label_key, strip_numbering

MIN_LIKENESS = 0.75
"""How alike (1 - edit distance / longer length) a damaged label and the template's must be."""
MIN_LIKENESS_ALONE = 0.5
"""The same when the label is the only unknown one in its gap and the gap misses one row."""
MIN_WHOLE = 2  # characters of a template label that may start or end a longer printed one
MAX_COMPARISONS = 2000
MAX_LABEL = 80  # characters of a label compared (the template's longest has 36)

S = TypeVar("S")


@attrs.frozen
class Repair:
    """A damaged label read as template row `key`, whose label `label` it is `likeness` like;
    `whole` when it prints that label whole at its start or end (no arithmetic needed to confirm it)."""

    key: str
    label: str
    likeness: float
    whole: bool = False


def likeness(a: str, b: str, floor: float = 0.0) -> float:
    """1 - edit distance / longer length of two folded labels; 0.0 when it is surely below
    `floor` (the distance is at least the longer length less the characters they share)."""
    a, b = a[:MAX_LABEL], b[:MAX_LABEL]
    longer = max(len(a), len(b))
    if longer == 0:
        return 0.0
    shared = sum((Counter(a) & Counter(b)).values())
    if 1 - (longer - shared) / longer < floor:
        return 0.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1 - prev[-1] / longer


def repair(
    printed: Sequence[tuple[str | None, S, str]],
    found: set[str],
    template: Mapping[str, Sequence[str]],
) -> list[tuple[S, Repair | None]]:
    """For each printed row not known by its label (key None; `printed` holds its key or None,
    its segment and its folded label, in print order), the template row it is, or None.

    `found` are the rows already read; `template` gives each row's label texts, in the
    template's order. Each row is given to one printed label at most.
    """
    order = {k: i for i, k in enumerate(template)}
    bodies = {k: [(strip_numbering(label_key(t)), t) for t in texts] for k, texts in template.items()}
    taken = set(found)
    budget = [MAX_COMPARISONS]
    out: list[tuple[S, Repair | None]] = []
    gaps: dict[tuple[int, int], list[int]] = {}
    for p, gap in enumerate(_gaps([k for k, _, _ in printed], order)):
        if printed[p][0] is None:
            gaps.setdefault(gap, []).append(p)
    chosen: dict[int, Repair] = {}
    for (lo, hi), members in gaps.items():
        free = [k for k in template if lo < order[k] < hi and k not in taken]
        floor = MIN_LIKENESS_ALONE if len(free) == 1 and len(members) == 1 else MIN_LIKENESS
        last = lo
        for p in members:
            body = strip_numbering(printed[p][2])
            if any(c.isdecimal() for c in body):
                continue  # a label with a number run into it is a misread cell, not a damaged label
            later = [k for k in free if order[k] > last]
            best = _whole(body, later, bodies) or _best(body, later, bodies, floor, budget)
            if best is not None:
                chosen[p] = best
                taken.add(best.key)
                last = order[best.key]
    for p, (key, seg, _) in enumerate(printed):
        if key is None:
            out.append((seg, chosen.get(p)))
    return out


def _gaps(keys: Sequence[str | None], order: Mapping[str, int]) -> list[tuple[int, int]]:
    """For each print position, the template positions of the rows found by label just before
    and just after it (-1 and the row count at the ends)."""
    before: list[int] = []
    last = -1
    for k in keys:
        before.append(last)
        last = order[k] if k is not None and k in order else last
    after: list[int] = []
    nxt = len(order)
    for k in reversed(keys):
        after.append(nxt)
        nxt = order[k] if k is not None and k in order else nxt
    return list(zip(before, reversed(after), strict=True))


def _whole(body: str, free: Sequence[str], bodies: Mapping[str, Sequence[tuple[str, str]]]) -> Repair | None:
    """The one free row whose whole label starts or ends `body`: header text run into the first
    row's label (vertical text a character a line, `信息内容…总数量规章`), or the next line run
    into a row's label. None when none, or several (one at each end)."""
    hits = {
        k: text
        for k in free
        for folded, text in bodies[k]
        if len(folded) >= MIN_WHOLE and (body.endswith(folded) or body.startswith(folded))
    }
    if len(hits) != 1:
        return None
    key, text = next(iter(hits.items()))
    return Repair(key, text, likeness(body, strip_numbering(label_key(text))), whole=True)


def _best(
    body: str, free: Sequence[str], bodies: Mapping[str, Sequence[tuple[str, str]]], floor: float, budget: list[int]
) -> Repair | None:
    """The one free row most like `body`, at least `floor` alike; None on a tie or none."""
    scored: list[tuple[float, str, str]] = []
    for k in free:
        for folded, text in bodies[k]:
            if budget[0] <= 0:
                return None
            budget[0] -= 1
            scored.append((likeness(body, folded, floor), k, text))
    best = max(scored, default=(0.0, "", ""))
    if best[0] < floor:
        return None
    rivals = {k for score, k, _ in scored if score == best[0]}
    return Repair(best[1], best[2], best[0]) if len(rivals) == 1 else None

"""An ordered stream of numbers cut into a table's rows, keeping only what every cut agrees on.

Some dumps (LibreOffice PDFs through default `pdftotext`) print a table's numbers as one stream
in row-major order with blank cells dropped and the labels detached. The template fixes the order
of the rows, so the stream is a sequence of row segments in that order. A segment is a run of at
most `width` numbers whose last is the row's total and equals the sum of the others; an empty
segment is a row printed blank. The table's column identities over the totals (Table 3:
一 + 二 = （七）+ 四, （七）= the outcome rows) are checked only where every row they name
printed something, so a report that left a row blank is not blamed for it.

Every cut that fits is found by a layered search over (row, stream position, identity sums):
linear in the stream for a fixed table, and capped at `budget` segments tried. A cell is given only when
every fitting cut gives it the same value: a row's total when all cuts agree on it, its other
cells only when every cut prints the row in full (the columns of a shorter row cannot be known:
a row printing 自然人 and 总计 fits any applicant column). No fit, or a budget spent, gives
nothing. Preferring the cuts on which every identity is checked is not sound (a blank row in
the source then reads as a printed 0), so blank rows stay free: where several rows may be
blank, arithmetic and order alone leave the cut open, and label anchors must decide.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gov_disclosure.templates import Identity

Sums = tuple[int | None, ...]
"""Each balance's running `lhs - rhs`, or None once a row it names is blank (not checked)."""
State = tuple[int, Sums]
"""Stream position and balance sums after a row."""
Cut = tuple[int, int]
"""A row's segment: (start, end) in the stream."""


@attrs.frozen
class Balance:
    """`sum(totals of lhs rows) == sum(totals of rhs rows)`, rows by their index in the order."""

    lhs: tuple[int, ...]
    rhs: tuple[int, ...]


@attrs.frozen
class StreamCut:
    """What every fitting cut of a stream agrees on.

    `cells[r][c]` is the value of row r, column c when certain, else None (also for a blank).
    `fits` is how many cuts fit, capped at 2 (0: none, 1: unique, 2: several); `complete` is
    False when the budget ran out before the search ended (then `cells` are all None).
    """

    cells: tuple[tuple[int | None, ...], ...]
    fits: int
    complete: bool


def balances(identities: Sequence[Identity], rows: Sequence[str]) -> tuple[Balance, ...]:
    """The column identities whose every row is in `rows`, as row indices."""
    index = {key: i for i, key in enumerate(rows)}
    out: list[Balance] = []
    for ident in identities:
        if ident.axis != "column" or not all(k in index for k in (*ident.lhs, *ident.rhs)):
            continue
        out.append(Balance(tuple(index[k] for k in ident.lhs), tuple(index[k] for k in ident.rhs)))
    return tuple(out)


def _fits(segment: Sequence[int]) -> bool:
    """A printed row: its last number is the sum of the others (one number is a lone total)."""
    return len(segment) <= 1 or segment[-1] == sum(segment[:-1])


def _step(sums: Sums, row: int, total: int | None, roles: Sequence[tuple[int, int]]) -> Sums:
    """`sums` after `row` printed `total` (None: blank); `roles` is (balance, sign) per balance
    that names the row."""
    out = list(sums)
    for b, sign in roles:
        now = out[b]
        if now is not None:
            out[b] = None if total is None else now + sign * total
    return tuple(out)


def cut(
    stream: Sequence[int], rows: int, width: int, checks: Sequence[Balance] = (), budget: int = 50_000
) -> StreamCut:
    """Cut `stream` into `rows` rows of `width` columns (the last the total); see the module."""
    empty = tuple((None,) * width for _ in range(rows))
    n = len(stream)
    if n > rows * width:
        return StreamCut(empty, 0, True)
    roles: list[list[tuple[int, int]]] = [[] for _ in range(rows)]
    for b, bal in enumerate(checks):
        for r in bal.lhs:
            roles[r].append((b, 1))
        for r in bal.rhs:
            roles[r].append((b, -1))
    lengths = [[k for k in range(min(width, n - p) + 1) if _fits(stream[p : p + k])] for p in range(n + 1)]
    bounds = _bounds(stream, rows, checks)
    layers: list[dict[State, list[tuple[State, Cut]]]] = [{(0, (0,) * len(checks)): []}]
    spent = 0
    for r in range(rows):
        nxt: dict[State, list[tuple[State, Cut]]] = {}
        room = (rows - r - 1) * width
        for state in layers[-1]:
            pos, sums = state
            for k in lengths[pos]:
                if n - pos - k > room:
                    continue
                after = _step(sums, r, stream[pos + k - 1] if k else None, roles[r])
                if not _reachable(after, bounds[r]):
                    continue
                nxt.setdefault((pos + k, after), []).append((state, (pos, pos + k)))
                spent += 1
                if spent > budget:
                    return StreamCut(empty, 0, False)
        layers.append(nxt)
    ends = [s for s in layers[-1] if s[0] == n and all(v in (None, 0) for v in s[1])]
    return _agreed(stream, layers, ends, width, empty)


def _bounds(stream: Sequence[int], rows: int, checks: Sequence[Balance]) -> list[list[tuple[int, int]]]:
    """Per row, per balance: the (low, high) a running sum may still have after that row and
    reach 0 with the rows left (each adds at most the stream's largest magnitude)."""
    top = max((abs(x) for x in stream), default=0)
    signed = any(x < 0 for x in stream)
    out: list[list[tuple[int, int]]] = []
    for r in range(rows):
        row: list[tuple[int, int]] = []
        for bal in checks:
            lhs = sum(1 for i in bal.lhs if i > r) * top
            rhs = sum(1 for i in bal.rhs if i > r) * top
            row.append((-(lhs + rhs), lhs + rhs) if signed else (-lhs, rhs))
        out.append(row)
    return out


def _reachable(sums: Sums, bounds: Sequence[tuple[int, int]]) -> bool:
    """Whether every checked running sum can still end at 0."""
    return all(s is None or low <= s <= high for s, (low, high) in zip(sums, bounds, strict=True))


def _agreed(
    stream: Sequence[int],
    layers: Sequence[dict[State, list[tuple[State, Cut]]]],
    ends: Sequence[State],
    width: int,
    empty: tuple[tuple[int | None, ...], ...],
) -> StreamCut:
    """Walk back from the fitting end states; keep per row what every live cut agrees on."""
    if not ends:
        return StreamCut(empty, 0, True)
    live: set[State] = set(ends)
    paths = {s: 1 for s in ends}
    rows_out: list[tuple[int | None, ...]] = []
    for r in range(len(layers) - 1, 0, -1):
        cuts: set[Cut] = set()
        back: set[State] = set()
        counts: dict[State, int] = {}
        for state in live:
            for prev, seg in layers[r][state]:
                cuts.add(seg)
                back.add(prev)
                counts[prev] = min(2, counts.get(prev, 0) + paths[state])
        rows_out.append(_row(stream, cuts, width))
        live, paths = back, counts
    fits = min(2, sum(paths.values()))
    return StreamCut(tuple(reversed(rows_out)), fits, True)


def _row(stream: Sequence[int], cuts: set[Cut], width: int) -> tuple[int | None, ...]:
    """A row's certain cells over its live segments."""
    segments = {tuple(stream[a:b]) for a, b in cuts}
    if len(segments) == 1:
        (only,) = segments
        if len(only) == width:
            return only
    totals = {seg[-1] if seg else None for seg in segments}
    total = totals.pop() if len(totals) == 1 else None
    return (*((None,) * (width - 1)), total)

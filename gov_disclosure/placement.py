"""Placing a row's printed values into the template's columns.

A row's values arrive as a list of cells. When there are exactly as many as the template has
columns they are placed in order. When there are more (merge fillers, trailing separators),
every window whose cells outside are all blank is a candidate. When there are fewer, a grid
that keeps empty cells in place lost the row's tail (padded); in dumps that drop empty cells,
every order-keeping placement of the non-blank values is a candidate; a stream that marks its
gaps (lynx) keeps only the placements that fit them (`gapped`).
`solve` then keeps the one assignment of all ambiguous rows that satisfies the table's own
arithmetic. `settle` does more within a bounded budget: it first narrows every row's candidates
by the bounds each equation sets (sound, polynomial), walks what is left, and when no single
solution is proven it keeps what is certain: a row with one candidate left, and each cell on
which every remaining candidate of its row agrees; the caller leaves the rest null and says so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence

import attrs

from gov_disclosure.blocks import Cell
from gov_disclosure.normalize import ValueParseError, is_blank_value, parse_count

Vector = tuple[Cell | None, ...]
MAX_CANDIDATES = 10_000
"""Placements one row may have: above C(15, 7) = 6435, the most a template row (Table 4's 15
cells) can have, so no row's candidates are ever cut short (which would make agreement unsound)."""
MAX_STATES = 20_000
"""Candidates the solver's walk may try for one table: far above what a real report needs (the
samples need a few hundred), low enough that a pathological table ends in milliseconds."""
MAX_CHECKS = 60_000
"""Candidate checks the bounds pass of `settle` may make for one table (each a few additions)."""


def _blank_cell(cell: Cell) -> bool:
    return is_blank_value(cell.text)


def row_candidates(
    values: Sequence[Cell],
    width: int,
    *,
    positional: bool = False,
    is_blank: Callable[[Cell], bool] = _blank_cell,
    gaps: bool = False,
) -> list[Vector]:
    """Distinct placements of `values` into `width` columns (see module doc).

    `positional` says the grid keeps empty cells in place (not a dump that drops them): a
    short row there has lost its trailing cells, so it is padded at the end. `is_blank` says
    which cells are blank (a report's `cells.Grid` knows; by default the text is read).
    `gaps`: the values are a stream that marks its gaps (`Table.gaps_marked`); when some
    placement fits them (`gapped`), only those are candidates.
    """
    if gaps and not positional and (fit := gapped(values, width, is_blank)):
        return fit
    n = len(values)
    if n == width:
        return [tuple(values)]
    if positional and n < width:
        return [tuple(values) + (None,) * (width - n)]
    blank = [is_blank(c) for c in values]
    shown = {id(c): None if b else c.text.strip() for c, b in zip(values, blank, strict=True)}
    filled = [c for c, b in zip(values, blank, strict=False) if not b]
    if not filled:
        return [(None,) * width]
    out: dict[tuple[str | None, ...], Vector] = {}

    def texts(vec: Vector) -> tuple[str | None, ...]:
        return tuple(None if c is None else shown[id(c)] for c in vec)

    if n > width:
        for s in range(n - width + 1):
            if not any(blank[i] is False for i in (*range(s), *range(s + width, n))):
                vec: Vector = tuple(values[s : s + width])
                out.setdefault(texts(vec), vec)
        if out:
            return list(out.values())
        if len(filled) > width:
            return []
    if math.comb(width, len(filled)) > MAX_CANDIDATES:
        return []
    for slots in itertools.combinations(range(width), len(filled)):
        vec_list: list[Cell | None] = [None] * width
        for slot, cell in zip(slots, filled, strict=False):
            vec_list[slot] = cell
        placed: Vector = tuple(vec_list)
        out.setdefault(texts(placed), placed)
    return list(out.values())


def gapped(values: Sequence[Cell], width: int, is_blank: Callable[[Cell], bool] = _blank_cell) -> list[Vector]:
    """Placements of a stream that marks its gaps: every cell with text takes one column, an
    empty cell (no text) between two of them stands for one or more blank columns, and two of
    them side by side are adjacent columns; the first starts the row unless empty cells lead.
    The tail is not marked. Blank-valued cells (`-`) are placed as printed. Empty when none fits."""
    printed: list[Cell] = []
    apart: list[bool] = []  # whether a gap comes before each printed cell
    gap = False
    for cell in values:
        if not cell.text.strip():
            gap = True
            continue
        printed.append(cell)
        apart.append(gap)
        gap = False
    if all(map(is_blank, printed)) or len(printed) > width or math.comb(width, len(printed)) > MAX_CANDIDATES:
        return []
    fits = (
        s
        for s in itertools.combinations(range(width), len(printed))
        if all((b - a > 1) == gap for a, b, gap in zip((-1, *s), s, apart, strict=False))
    )
    return [tuple(dict(zip(s, printed, strict=True)).get(i) for i in range(width)) for s in fits]


def number(cell: Cell | None) -> int | None:
    """The count in a cell for arithmetic; None when blank or unreadable."""
    if cell is None:
        return None
    try:
        return parse_count(cell.text)
    except ValueParseError:
        return None


@attrs.frozen
class Equation:
    """sum(lhs) == sum(rhs) over (row, column) cells of one table."""

    lhs: tuple[tuple[str, str], ...]
    rhs: tuple[tuple[str, str], ...]


Numbers = tuple[int | None, ...]
Side = tuple[list[int], list[bool]]
"""One side of a family's equations so far: each member's sum, and whether any cell is printed."""
State = tuple[Side, Side]


class _Family:
    """Equations whose sides have the same open rows (a Table 3 identity applied to every
    column): compiled once per solve and checked together, member by member. Counts are never
    negative, so a side already larger than the other, complete side cannot be repaired.
    `base` sums the cells of settled rows; `extend` adds one open row's numbers."""

    def __init__(
        self,
        eqs: Sequence[Equation],
        index: Mapping[str, int],
        skip_blank: frozenset[str],
        settled: Mapping[str, Numbers],
    ) -> None:
        self.size = len(eqs)
        self.skippable = [[all(r in skip_blank for r, _ in eq.lhs) for eq in eqs]]
        self.skippable.append([all(r in skip_blank for r, _ in eq.rhs) for eq in eqs])
        self.cells: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
        base: list[Side] = []
        for s, side in enumerate(([eq.lhs for eq in eqs], [eq.rhs for eq in eqs])):
            sums, printed = [0] * self.size, [False] * self.size
            for m, cells in enumerate(side):
                for r, col in cells:
                    c = index[col]
                    if r not in settled:
                        self.cells.setdefault(r, ([], []))[s].append((m, c))
                    elif (v := settled[r][c]) is not None:
                        sums[m] += v
                        printed[m] = True
            base.append((sums, printed))
        self.base: State = (base[0], base[1])
        self.rows = frozenset(self.cells)
        self.open = (
            frozenset(r for r, cells in self.cells.items() if cells[0]),
            frozenset(r for r, cells in self.cells.items() if cells[1]),
        )

    def extend(self, state: State, row: str, nums: Numbers, done: tuple[bool, bool]) -> State | None:
        """`state` with `row`'s numbers added, or None when a member can no longer hold
        (`done`: which sides are then complete)."""
        (lsums, lprinted), (rsums, rprinted) = state
        lcells, rcells = self.cells[row]
        if lcells:
            lsums, lprinted = _add(lsums, lprinted, lcells, nums)
        if rcells:
            rsums, rprinted = _add(rsums, rprinted, rcells, nums)
        new: State = ((lsums, lprinted), (rsums, rprinted))
        return new if self.holds(new, done) else None

    def holds(self, state: State, done: tuple[bool, bool]) -> bool:
        """Whether every member can still hold, given which sides are complete."""
        (lsums, lprinted), (rsums, rprinted) = state
        lskip, rskip = self.skippable
        done_l, done_r = done
        for lhs, lpr, lsk, rhs, rpr, rsk in zip(lsums, lprinted, lskip, rsums, rprinted, rskip, strict=True):
            if (done_l and lsk and not lpr) or (done_r and rsk and not rpr):
                continue  # a printed-blank total is not zero
            if done_l and done_r:
                if lhs != rhs:
                    return False
            elif (done_l and rhs > lhs >= 0) or (done_r and lhs > rhs >= 0):
                return False
        return True


def _add(sums: list[int], printed: list[bool], cells: Sequence[tuple[int, int]], nums: Numbers) -> Side:
    sums, printed = sums[:], printed[:]
    for member, c in cells:
        v = nums[c]
        if v is not None:
            sums[member] += v
            printed[member] = True
    return sums, printed


def _families(
    equations: Sequence[Equation], index: Mapping[str, int], skip_blank: frozenset[str], settled: Mapping[str, Numbers]
) -> list[_Family]:
    """The equations grouped by the open rows of each side, in order of first appearance."""
    groups: dict[tuple[frozenset[str], frozenset[str]], list[Equation]] = {}
    for eq in equations:
        lhs, rhs = (frozenset(r for r, _ in side if r not in settled) for side in (eq.lhs, eq.rhs))
        groups.setdefault((lhs, rhs), []).append(eq)
    return [_Family(eqs, index, skip_blank, settled) for eqs in groups.values()]


def _order(options: Mapping[str, Sequence[Vector]], families: Sequence[_Family]) -> list[str]:
    """Rows in the order that closes equations soonest (ties: fewest candidates), so that
    a wrong choice is cut off as early as possible."""
    left = set(options)
    order: list[str] = []
    while left:

        def closes(row: str) -> int:
            return sum(f.size for f in families if row in f.rows and not (f.rows & left) - {row})

        best = max(sorted(left), key=lambda r: (closes(r), -len(options[r])))
        order.append(best)
        left.remove(best)
    return order


class _Reader:
    """Each cell's count, read once (candidates share cells)."""

    def __init__(self, count: Callable[[Cell | None], int | None]) -> None:
        self.count = count
        self.read: dict[int, int | None] = {}

    def numbers(self, vec: Vector) -> Numbers:
        out: list[int | None] = []
        for c in vec:
            if c is None:
                out.append(None)
            elif id(c) in self.read:
                out.append(self.read[id(c)])
            else:
                out.append(self.read.setdefault(id(c), self.count(c)))
        return tuple(out)


def _settled(
    fixed: Mapping[str, Vector], options: Mapping[str, object], equations: Sequence[Equation], width: int, read: _Reader
) -> tuple[dict[str, Numbers], frozenset[str]]:
    """The numbers of every row that is not open, and the rows printed wholly blank. Rows the
    table does not print are blank, and not a printed total."""
    settled: dict[str, Numbers] = {r: read.numbers(v) for r, v in fixed.items()}
    skip_blank = frozenset(r for r, v in settled.items() if all(x is None for x in v))
    for eq in equations:
        for r, _ in (*eq.lhs, *eq.rhs):
            if r not in settled and r not in options:
                settled[r] = (None,) * width
    return settled, skip_blank


def _search(
    fixed: Mapping[str, Vector],
    options: Mapping[str, Sequence[Vector]],
    equations: Sequence[Equation],
    columns: Sequence[str],
    read: _Reader,
    budget: int,
) -> tuple[list[dict[str, Vector]], int, bool]:
    """The walk: up to two solutions, the candidates it tried, and whether it ended within
    `budget` (a solution count is proven only then)."""
    index = {c: i for i, c in enumerate(columns)}
    settled, skip_blank = _settled(fixed, options, equations, len(columns), read)
    families = _families(equations, index, skip_blank, {r: v for r, v in settled.items() if r not in options})
    if not all(f.holds(f.base, (True, True)) for f in families if not f.rows):
        return [], 0, True
    order = _order(options, families)
    # per depth: the families the row there shares with rows still open, and which of their sides are then complete
    checks: list[list[tuple[_Family, tuple[bool, bool]]]] = []
    numeric: list[list[tuple[int, Numbers]]] = []
    for i, r in enumerate(order):  # equations with no other open row rule candidates out once, before the walk
        seen = set(order[: i + 1])
        checks.append([(f, (f.open[0] <= seen, f.open[1] <= seen)) for f in families if r in f.rows and f.rows != {r}])
        alone = [f for f in families if f.rows == {r}]
        numeric.append([])
        for k, v in enumerate(options[r]):
            nums = read.numbers(v)
            if all(f.extend(f.base, r, nums, (True, True)) is not None for f in alone):
                numeric[-1].append((k, nums))
    state = {id(f): f.base for f in families}
    found: list[dict[str, Vector]] = []
    choice: dict[str, int] = {}
    left = [budget]

    def walk(i: int) -> None:
        if len(found) > 1 or left[0] < 0:
            return
        if i == len(order):
            found.append({r: options[r][choice[r]] for r in order})
            return
        row = order[i]
        saved = [state[id(f)] for f, _ in checks[i]]
        for k, nums in numeric[i]:
            left[0] -= 1
            if left[0] < 0:
                break
            for (f, done), old in zip(checks[i], saved, strict=True):
                new = f.extend(old, row, nums, done)
                if new is None:
                    break
                state[id(f)] = new
            else:
                choice[row] = k
                walk(i + 1)
        for (f, _), old in zip(checks[i], saved, strict=True):
            state[id(f)] = old

    walk(0)
    complete = left[0] >= 0 or len(found) > 1
    return found, min(budget, budget - left[0]), complete


def solve(
    fixed: Mapping[str, Vector],
    options: Mapping[str, Sequence[Vector]],
    equations: Sequence[Equation],
    columns: Sequence[str],
    *,
    count: Callable[[Cell | None], int | None] = number,
    budget: int = MAX_STATES,
) -> tuple[dict[str, Vector] | None, int]:
    """Assign one candidate to each ambiguous row so that every equation holds.

    Blank counts as zero, except that an equation one of whose sides lies wholly in rows
    printed blank is not checked. Returns (assignment, number of solutions found, capped at
    2); the assignment is None unless exactly one solution exists. `count` reads a cell's
    count for the arithmetic (None when blank or unreadable). The search tries at most
    `budget` candidates in all, so every input ends in time linear in its size: when the
    budget runs out before a second solution or the end, nothing is settled (0 solutions).
    """
    found, _, complete = _search(fixed, options, equations, columns, _Reader(count), budget)
    if not complete:
        return None, 0
    return (found[0] if len(found) == 1 else None), min(len(found), 2)


@attrs.frozen
class Solution:
    """What `settle` decided. `settled`: open rows with one placement (the table's only
    solution, or the one candidate left to the row); `partial`: every other open row, with
    the cells all its remaining candidates agree on and None elsewhere; `undecided`: the
    columns of each partial row left open. `solutions` is 0, 1 or 2 (several), proven only
    when `complete`; `states` counts the candidates checked and tried, bounds and walk."""

    settled: dict[str, Vector]
    partial: dict[str, Vector]
    undecided: dict[str, tuple[int, ...]]
    solutions: int
    complete: bool
    states: int


Linear = tuple[int, dict[str, list[int]]]
"""An equation as const + sum of each open row's term == 0: per row, its term for each of its
candidates (left side added, right side subtracted)."""


def _linear(
    equations: Sequence[Equation],
    index: Mapping[str, int],
    settled: Mapping[str, Numbers],
    skip_blank: frozenset[str],
    numbers: Mapping[str, Sequence[Numbers]],
) -> list[Linear]:
    out: list[Linear] = []
    for eq in equations:
        if all(r in skip_blank for r, _ in eq.lhs) or all(r in skip_blank for r, _ in eq.rhs):
            continue  # a side printed wholly blank is not a zero total
        const = 0
        terms: dict[str, list[tuple[int, int]]] = {}
        for sign, side in ((1, eq.lhs), (-1, eq.rhs)):
            for r, col in side:
                if r in numbers:
                    terms.setdefault(r, []).append((sign, index[col]))
                elif (v := settled[r][index[col]]) is not None:
                    const += sign * v
        out.append((const, {r: [sum(s * (n[c] or 0) for s, c in t) for n in numbers[r]] for r, t in terms.items()}))
    return out


def _narrow(linear: Sequence[Linear], alive: dict[str, list[int]], budget: int) -> int:
    """Drop from `alive` (each row's live candidates) every candidate that no choice of the
    other rows' live candidates can fit into some equation: bounds consistency, to a fixed
    point or until `budget` checks are spent (each drop is sound, so stopping early is too).
    Returns the checks made."""
    by_row: dict[str, list[int]] = {}
    for e, (_, terms) in enumerate(linear):
        for r in terms:
            by_row.setdefault(r, []).append(e)
    queue = list(range(len(linear)))
    queued = set(queue)
    checks = 0
    while queue and checks < budget:
        e = queue.pop()
        queued.discard(e)
        const, terms = linear[e]
        low = {r: min(t[k] for k in alive[r]) for r, t in terms.items() if alive[r]}
        high = {r: max(t[k] for k in alive[r]) for r, t in terms.items() if alive[r]}
        if len(low) < len(terms):
            return checks
        lo, hi = const + sum(low.values()), const + sum(high.values())
        for r, t in terms.items():
            floor, ceil = -(hi - high[r]), -(lo - low[r])
            if checks + len(alive[r]) > budget:
                return checks
            checks += len(alive[r])
            keep = [k for k in alive[r] if floor <= t[k] <= ceil]
            if len(keep) == len(alive[r]):
                continue
            alive[r] = keep
            for other in (e, *by_row[r]):
                if other not in queued:
                    queue.append(other)
                    queued.add(other)
    return checks


def _agreed(vecs: Sequence[Vector], width: int) -> tuple[Vector, tuple[int, ...]]:
    """The cells every vector agrees on (by printed text; None elsewhere), and the columns where
    they differ."""
    out: list[Cell | None] = []
    undecided: list[int] = []
    for i in range(width):
        texts = {_text(v[i]) for v in vecs}
        out.append(vecs[0][i] if len(texts) == 1 else None)
        if len(texts) > 1:
            undecided.append(i)
    return tuple(out), tuple(undecided)


def _text(cell: Cell | None) -> str | None:
    return None if cell is None else cell.text.strip()


def settle(
    fixed: Mapping[str, Vector],
    options: Mapping[str, Sequence[Vector]],
    equations: Sequence[Equation],
    columns: Sequence[str],
    *,
    count: Callable[[Cell | None], int | None] = number,
    budget: int = MAX_STATES,
    checks: int = MAX_CHECKS,
) -> Solution:
    """Settle what the arithmetic settles, and keep what is certain of the rest.

    Each row's candidates are first narrowed by the equations it alone is open in (its own
    row sum), then by bounds over every equation (`checks` at most); the walk (`budget`) then
    looks for the solution over what is left. One proven solution settles every row. Else a
    row keeps the cells its remaining candidates agree on: remaining after the bounds when a
    solution was found (the arithmetic holds, so every solution is among them), after its own
    equations only when none was (the table's arithmetic cannot all hold as read).
    """
    index = {c: i for i, c in enumerate(columns)}
    read = _Reader(count)
    settled, skip_blank = _settled(fixed, options, equations, len(columns), read)
    numbers = {r: [read.numbers(v) for v in vecs] for r, vecs in options.items()}
    linear = _linear(equations, index, settled, skip_blank, numbers)
    alive = {r: list(range(len(v))) for r, v in options.items()}
    used = _narrow([e for e in linear if len(e[1]) == 1], alive, checks)
    own = {r: v[:] for r, v in alive.items()}
    used += _narrow([e for e in linear if len(e[1]) > 1], alive, max(0, checks - used))
    if all(alive.values()):
        narrowed = {r: [options[r][k] for k in alive[r]] for r in options}
        found, tried, complete = _search(fixed, narrowed, equations, columns, read, budget)
    else:
        found, tried, complete = [], 0, True
    if complete and len(found) == 1:
        return Solution(found[0], {}, {}, 1, True, used + tried)
    keep = alive if found else own
    out = Solution({}, {}, {}, min(len(found), 2), complete, used + tried)
    for r, vecs in options.items():
        live = [vecs[k] for k in keep[r]]
        if len(live) == 1:
            out.settled[r] = live[0]
        elif live:
            out.partial[r], out.undecided[r] = _agreed(live, len(columns))
        else:
            out.partial[r], out.undecided[r] = (None,) * len(columns), tuple(range(len(columns)))
    return out

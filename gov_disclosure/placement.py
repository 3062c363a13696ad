"""Placing a row's printed values into the template's columns.

A row's values arrive as a list of cells. When there are exactly as many as the template has
columns they are placed in order. When there are more (merge fillers, trailing separators),
every window whose cells outside are all blank is a candidate. When there are fewer, a grid
that keeps empty cells in place lost the row's tail (padded); in dumps that drop empty cells,
every order-keeping placement of the non-blank values is a candidate.
`solve` then keeps the one assignment of all ambiguous rows that satisfies the table's own
arithmetic; none or several means the caller must leave the row null and say so.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence

import attrs

from gov_disclosure.blocks import Cell
from gov_disclosure.normalize import ValueParseError, is_blank_value, parse_count

Vector = tuple[Cell | None, ...]
MAX_CANDIDATES = 5000
MAX_STATES = 20_000
"""Candidates the solver may try for one table: far above what a real report needs (the
samples need a few hundred), low enough that a pathological table ends in milliseconds."""


def _blank_cell(cell: Cell) -> bool:
    return is_blank_value(cell.text)


def row_candidates(
    values: Sequence[Cell], width: int, *, positional: bool = False, is_blank: Callable[[Cell], bool] = _blank_cell
) -> list[Vector]:
    """Distinct placements of `values` into `width` columns (see module doc).

    `positional` says the grid keeps empty cells in place (not a dump that drops them): a
    short row there has lost its trailing cells, so it is padded at the end. `is_blank` says
    which cells are blank (a report's `cells.Grid` knows; by default the text is read).
    """
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
    for slots in itertools.combinations(range(width), len(filled)):
        vec_list: list[Cell | None] = [None] * width
        for slot, cell in zip(slots, filled, strict=False):
            vec_list[slot] = cell
        placed: Vector = tuple(vec_list)
        out.setdefault(texts(placed), placed)
        if len(out) > MAX_CANDIDATES:
            break
    return list(out.values())


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
    index = {c: i for i, c in enumerate(columns)}
    read: dict[int, int | None] = {}  # each cell's count, read once (candidates share cells)

    def _numbers(vec: Vector) -> Numbers:
        out: list[int | None] = []
        for c in vec:
            if c is None:
                out.append(None)
            elif id(c) in read:
                out.append(read[id(c)])
            else:
                out.append(read.setdefault(id(c), count(c)))
        return tuple(out)

    settled: dict[str, Numbers] = {r: _numbers(v) for r, v in fixed.items()}
    skip_blank = frozenset(r for r, v in settled.items() if all(x is None for x in v))
    for eq in equations:  # rows the table does not print are blank, and not a printed total
        for r, _ in (*eq.lhs, *eq.rhs):
            if r not in settled and r not in options:
                settled[r] = (None,) * len(columns)
    families = _families(equations, index, skip_blank, {r: v for r, v in settled.items() if r not in options})
    if not all(f.holds(f.base, (True, True)) for f in families if not f.rows):
        return None, 0
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
            nums = _numbers(v)
            if all(f.extend(f.base, r, nums, (True, True)) is not None for f in alone):
                numeric[-1].append((k, nums))
    state = {id(f): f.base for f in families}
    found: list[dict[str, Vector]] = []
    choice: dict[str, int] = {}
    left = [budget]

    def walk(i: int) -> None:
        if len(found) > 1 or left[0] <= 0:
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
    if left[0] < 0 and len(found) < 2:
        return None, 0
    return (found[0] if len(found) == 1 else None), min(len(found), 2)

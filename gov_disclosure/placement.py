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


class _Compiled:
    """An equation over numeric rows, checked on partial assignments: counts are never
    negative, so a side already larger than the other, complete side cannot be repaired.
    The cells of settled rows are summed once; `ok` adds those of the open rows."""

    def __init__(
        self, eq: Equation, index: Mapping[str, int], skip_blank: frozenset[str], settled: Mapping[str, Numbers]
    ) -> None:
        sides = [[(r, index[c]) for r, c in side] for side in (eq.lhs, eq.rhs)]
        self.rows = {r for side in sides for r, _ in side}
        self.skippable = [all(r in skip_blank for r, _ in side) for side in sides]
        self.open = [[(r, c) for r, c in side if r not in settled] for side in sides]
        self.base = [_partial([(r, c) for r, c in side if r in settled], settled) for side in sides]

    def ok(self, grid: Mapping[str, Numbers]) -> bool:
        sums: list[int] = []
        complete: list[bool] = []
        for (total, done, blank), side, skippable in zip(self.base, self.open, self.skippable, strict=True):
            for r, c in side:
                row = grid.get(r)
                if row is None:
                    done = False
                    continue
                v = row[c]
                if v is not None:
                    total += v
                    blank = False
            if done and blank and skippable:
                return True  # a printed-blank total is not zero
            sums.append(total)
            complete.append(done)
        if complete[0] and complete[1]:
            return sums[0] == sums[1]
        if complete[0] and sums[1] > sums[0] >= 0:
            return False
        return not (complete[1] and sums[0] > sums[1] >= 0)


def _partial(cells: Sequence[tuple[str, int]], grid: Mapping[str, Numbers]) -> tuple[int, bool, bool]:
    """(sum, all present, all blank) of the (row, column index) cells of `grid`."""
    values = [grid[r][c] for r, c in cells]
    return sum(v for v in values if v is not None), True, all(v is None for v in values)


def _order(options: Mapping[str, Sequence[Vector]], compiled: Sequence[_Compiled]) -> list[str]:
    """Rows in the order that closes equations soonest (ties: fewest candidates), so that
    a wrong choice is cut off as early as possible."""
    left = set(options)
    order: list[str] = []
    while left:

        def closes(row: str) -> int:
            return sum(1 for c in compiled if row in c.rows and not (c.rows & left) - {row})

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
        for c in vec:
            if c is not None and id(c) not in read:
                read[id(c)] = count(c)
        return tuple(None if c is None else read[id(c)] for c in vec)

    grid: dict[str, Numbers] = {r: _numbers(v) for r, v in fixed.items()}
    skip_blank = frozenset(r for r, v in grid.items() if all(x is None for x in v))
    for eq in equations:  # rows the table does not print are blank, and not a printed total
        for r, _ in (*eq.lhs, *eq.rhs):
            if r not in grid and r not in options:
                grid[r] = (None,) * len(columns)
    settled = {r: v for r, v in grid.items() if r not in options}
    compiled = [_Compiled(eq, index, skip_blank, settled) for eq in equations]
    if not all(c.ok(grid) for c in compiled if not c.rows & set(options)):
        return None, 0
    order = _order(options, compiled)
    open_rows = set(options)
    numeric: dict[str, list[tuple[int, Numbers]]] = {}
    by_row: dict[str, list[_Compiled]] = {}
    for r in order:  # equations with no other open row rule candidates out once, before the walk
        alone = [c for c in compiled if c.rows & open_rows == {r}]
        by_row[r] = [c for c in compiled if r in c.rows and c.rows & open_rows != {r}]
        numeric[r] = []
        for k, v in enumerate(options[r]):
            grid[r] = nums = _numbers(v)
            if all(c.ok(grid) for c in alone):
                numeric[r].append((k, nums))
        grid.pop(r)
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
        for k, nums in numeric[row]:
            left[0] -= 1
            if left[0] < 0:
                break
            grid[row] = nums
            if all(c.ok(grid) for c in by_row[row]):
                choice[row] = k
                walk(i + 1)
        grid.pop(row, None)

    walk(0)
    if left[0] < 0 and len(found) < 2:
        return None, 0
    return (found[0] if len(found) == 1 else None), min(len(found), 2)

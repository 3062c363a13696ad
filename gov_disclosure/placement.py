"""Placing a row's printed values into the template's columns.

A row's values arrive as a list of cells. When there are exactly as many as the template has
columns they are placed in order. When there are more (merge fillers, trailing separators),
every window whose cells outside are all blank is a candidate. When there are fewer (dumps
that drop empty cells), every order-keeping placement of the non-blank values is a candidate.
`solve` then keeps the one assignment of all ambiguous rows that satisfies the table's own
arithmetic; none or several means the caller must leave the row null and say so.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import attrs

from gov_disclosure.blocks import Cell
from gov_disclosure.normalize import ValueParseError, is_blank_value, parse_count

Vector = tuple[Cell | None, ...]
MAX_CANDIDATES = 5000


def row_candidates(values: Sequence[Cell], width: int) -> list[Vector]:
    """Distinct placements of `values` into `width` columns (see module doc)."""
    n = len(values)
    if n == width:
        return [tuple(values)]
    blank = [is_blank_value(c.text) for c in values]
    filled = [c for c, b in zip(values, blank) if not b]
    if not filled:
        return [(None,) * width]
    out: dict[tuple[str | None, ...], Vector] = {}
    if n > width:
        for s in range(n - width + 1):
            if not any(blank[i] is False for i in (*range(s), *range(s + width, n))):
                vec = tuple(values[s : s + width])
                out.setdefault(_texts(vec), vec)
        if out:
            return list(out.values())
        if len(filled) > width:
            return []
    for slots in itertools.combinations(range(width), len(filled)):
        vec_list: list[Cell | None] = [None] * width
        for slot, cell in zip(slots, filled):
            vec_list[slot] = cell
        vec = tuple(vec_list)
        out.setdefault(_texts(vec), vec)
        if len(out) > MAX_CANDIDATES:
            break
    return list(out.values())


def _texts(vec: Vector) -> tuple[str | None, ...]:
    return tuple(None if c is None or is_blank_value(c.text) else c.text.strip() for c in vec)


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


Grid = Mapping[str, Sequence[Cell | None]]


def holds(eq: Equation, grid: Grid, columns: Sequence[str], skip_blank: frozenset[str]) -> bool:
    """Whether `eq` holds, blank counting as zero; an equation one of whose sides lies wholly
    in printed-blank rows (`skip_blank`) is not checked (blank is not zero for a total)."""
    index = {c: i for i, c in enumerate(columns)}
    sums: list[int] = []
    for side in (eq.lhs, eq.rhs):
        vals = [number(grid[r][index[c]]) if r in grid else None for r, c in side]
        if all(v is None for v in vals) and all(r in skip_blank or r not in grid for r, _ in side):
            return True
        sums.append(sum(v or 0 for v in vals))
    return sums[0] == sums[1]


def solve(
    fixed: Mapping[str, Vector],
    options: Mapping[str, Sequence[Vector]],
    equations: Sequence[Equation],
    columns: Sequence[str],
) -> tuple[dict[str, Vector] | None, int]:
    """Assign one candidate to each ambiguous row so that every equation holds.

    Returns (assignment, number of solutions found, capped at 2). The assignment is None
    unless exactly one solution exists.
    """
    order = sorted(options, key=lambda r: len(options[r]))
    skip_blank = frozenset(r for r, v in fixed.items() if all(number(c) is None for c in v))
    rank = {r: i for i, r in enumerate(order)}
    due: dict[int, list[Equation]] = {}
    for eq in equations:
        rows = {r for r, _ in eq.lhs + eq.rhs}
        involved = [rank[r] for r in rows if r in rank]
        due.setdefault(max(involved) if involved else -1, []).append(eq)
    grid: dict[str, Vector] = dict(fixed)
    if not all(holds(eq, grid, columns, skip_blank) for eq in due.get(-1, [])):
        return None, 0
    found: list[dict[str, Vector]] = []

    def walk(i: int) -> None:
        if len(found) > 1:
            return
        if i == len(order):
            found.append({r: grid[r] for r in order})
            return
        row = order[i]
        for vec in options[row]:
            grid[row] = vec
            if all(holds(eq, grid, columns, skip_blank) for eq in due.get(i, [])):
                walk(i + 1)
        grid.pop(row, None)

    walk(0)
    return (found[0] if len(found) == 1 else None), min(len(found), 2)

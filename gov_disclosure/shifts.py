"""A positional row whose numbers sit in the wrong columns, found by the table's column identities.

A positional grid places each row's values by the column they were printed in. A print can shift
one row: pdftotext moves a row printed at a page break, so `767 | | 35` lands one column right
of 自然人/商业企业. Every value is then read, and wrong. The column identities (（七）总计 is the
sum of the outcome rows; 第一项加第二项 = 第三项加第四项) see it: they fail in the row's columns.
`shifted_row` names such a row only when the arithmetic does: every failing identity involves it,
it is the only row that does and whose own numbers, kept in their printed order, can be placed
so that every identity holds. Rows not found count as unknown, never negative: an identity with
one on a side is a bound (（七）总计 is at least the outcome rows found). One such placement
re-places the row; several leave it to the caller to keep what they agree on. A table that
breaks its identities some other way (a report's own slip) is left as printed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from gov_disclosure.blocks import Cell
from gov_disclosure.placement import Equation, Vector, row_candidates

Count = Callable[[Cell | None], int | None]
Numbers = tuple[int | None, ...]


def _holds(eq: Equation, rows: Mapping[str, Numbers], index: Mapping[str, int]) -> bool:
    """Whether `eq` can hold over `rows` (each row's counts), blank as zero. A row not in `rows`
    (not found, or still open) adds an unknown count, never negative: its side may still grow.
    As in `placement.solve`, a side whose rows are all printed wholly blank is no zero total."""
    sums: list[int] = []
    done: list[bool] = []
    for side in (eq.lhs, eq.rhs):
        known = [(r, c) for r, c in side if r in rows]
        done.append(len(known) == len(side))
        if done[-1] and all(all(n is None for n in rows[r]) for r, _ in side):
            return True
        sums.append(sum(rows[r][index[c]] or 0 for r, c in known))
    (lhs, rhs), (done_l, done_r) = sums, done
    if done_l and done_r:
        return lhs == rhs
    return not ((done_l and lhs < rhs) or (done_r and rhs < lhs))


def shifted_row(
    fixed: Mapping[str, Vector],
    equations: Sequence[Equation],
    columns: Sequence[str],
    count: Count,
    is_blank: Callable[[Cell], bool],
) -> tuple[str, list[Vector]] | None:
    """The one row of `fixed` to re-place and the placements of its printed numbers (in their
    order) under which every equation holds; None when the equations hold, or no single row
    explains the failures. `equations` are a table's column identities."""
    index = {c: i for i, c in enumerate(columns)}
    nums = {r: tuple(count(c) for c in vec) for r, vec in fixed.items()}
    failing = [e for e in equations if not _holds(e, nums, index)]
    if not failing:
        return None
    suspects = set.intersection(*({r for r, _ in (*e.lhs, *e.rhs) if r in fixed} for e in failing))
    found: list[tuple[str, list[Vector]]] = []
    for row in sorted(suspects):
        printed = [c for c in fixed[row] if c is not None and not is_blank(c)]
        if not printed:
            continue
        own = [e for e in equations if any(r == row for r, _ in (*e.lhs, *e.rhs))]
        fits = []
        for vec in row_candidates(printed, len(columns), is_blank=is_blank):
            trial = {**nums, row: tuple(count(c) for c in vec)}
            if all(_holds(e, trial, index) for e in own):
                fits.append(vec)
        if fits:
            found.append((row, fits))
    return found[0] if len(found) == 1 else None

"""A table's arithmetic: its template's identities as equations over its cells, and the open
placements of a `rows.RowPlan` settled by them (what was decided, what stayed null, said)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from gov_disclosure import templates as T
from gov_disclosure.cells import Grid
from gov_disclosure.placement import Equation, Vector, settle
from gov_disclosure.rows import RowPlan, Sink, printed
from gov_disclosure.templates import TableKind


def resolve(
    plan: RowPlan, equations: Sequence[Equation], columns: Sequence[str], sink: Sink, grid: Grid
) -> dict[str, Vector]:
    """Settle ambiguous rows by the table's arithmetic; keep what is certain of the rest (see
    `placement.settle`) and say what was decided and what stayed null."""
    out = dict(plan.fixed)
    if not plan.options:
        return out
    usable = list(equations)
    if plan.unplaced:  # numbers the rows found do not hold: a row not found may be one of them, not blank
        known = plan.fixed.keys() | plan.options.keys()
        usable = [e for e in equations if all(r in known for r, _ in (*e.lhs, *e.rhs))]
    found = settle(plan.fixed, plan.options, usable, columns, count=grid.number)
    for key in plan.options:
        seg = plan.where[key]
        values = printed(seg.values, grid)
        if key in found.settled:
            out[key] = found.settled[key]
            placed = _placed(found.settled[key], columns, grid)
            sink.add("placement.inferred", f"{key}: printed {values}; placed as {placed}", seg.label, row=key)
            continue
        out[key] = found.partial[key]
        code = "placement.ambiguous" if found.solutions > 1 and found.complete else "placement.unresolved"
        why = "" if found.complete else " (search budget spent)"
        kept = _placed(found.partial[key], columns, grid)
        left = ", ".join(columns[i] for i in found.undecided[key])
        msg = f"{key}: printed {values}; certain: {kept or 'none'}; left null: {left}{why}"
        sink.add(code, msg, seg.label, row=key)
    return out


def _placed(vec: Vector, columns: Sequence[str], grid: Grid) -> str:
    return ", ".join(
        f"{c}={v.text.strip()}" for c, v in zip(columns, vec, strict=False) if v is not None and not grid.is_blank(v)
    )


def unsplit_identities(identities: Sequence[T.Identity], merged: Mapping[str, Sequence[str]]) -> list[T.Identity]:
    """The identities with each group printed whole (`merged`: its row -> the sub-rows it
    stands for) in place of its sub-rows, so that the arithmetic adds the group once."""
    out: list[T.Identity] = []
    for ident in identities:
        for key, parts in merged.items():
            if ident.axis == "column" and set(parts) <= set(ident.rhs):
                rhs = tuple(r for r in ident.rhs if r not in parts) + (key,)
                ident = attrs.evolve(ident, rhs=rhs)
        out.append(ident)
    return out


CellRef = tuple[str, str]  # (row, column) of a cell in an equation


def equations(
    identities: Sequence[T.Identity],
    table: TableKind,
    rows: Sequence[str],
    columns: Sequence[str],
    at: Callable[[str, str], CellRef] = lambda r, c: (r, c),
) -> list[Equation]:
    """The table's identities as equations over its cells; `at` names the cell of (row, column)
    where the table is held in another shape (Table 4 is one row of 15 cells)."""
    out: list[Equation] = []
    for ident in identities:
        if ident.table != table:
            continue
        if ident.axis == "row":
            for r in rows:
                out.append(Equation(tuple(at(r, c) for c in ident.lhs), tuple(at(r, c) for c in ident.rhs)))
        else:
            for c in columns:
                out.append(Equation(tuple(at(r, c) for r in ident.lhs), tuple(at(r, c) for r in ident.rhs)))
    return out

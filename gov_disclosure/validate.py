"""The tables' own arithmetic, checked on the records and reported as issues.

The identities are template data (`templates.Template.identities`), shared with the placement
solver; so are Table 2's heuristics (`Template.table2_bounds`).
Numbers are reported as printed, never fixed. Blank counts as zero inside a sum, but an
identity whose whole side is blank is not checked: a blank （七）总计 row or 总计 column gets one
warning of its own instead of a column of mismatches. Users add checks with `register_check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from gov_disclosure import templates as T
from gov_disclosure.codes import issue
from gov_disclosure.records import Count, Issue, Report
from gov_disclosure.templates import TableKind, Template

Check = Callable[[Report], Iterable[Issue]]
CHECKS: list[Check] = []
Grid = Mapping[str, Mapping[str, Count]]


def register_check(check: Check) -> Check:
    """Add a check run on every report after the built-in ones (usable as a decorator)."""
    CHECKS.append(check)
    return check


def _sum(counts: Sequence[Count]) -> int | None:
    if all(c.value is None for c in counts):
        return None
    return sum(c.value or 0 for c in counts)


def _line(counts: Iterable[Count]) -> int | None:
    for c in counts:
        if c.origin is not None and c.origin.line is not None:
            return c.origin.line
    return None


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}


def _grid(table: Any) -> dict[str, dict[str, Count]]:
    """A table record as row -> column -> Count (absent rows left out)."""
    return {k: _fields(v) for k, v in _fields(table).items() if v is not None}


def check_identity(ident: T.Identity, grid: Grid, *, skip_rows: Iterable[str] = ()) -> list[Issue]:
    """Every instance of `ident` over `grid`; a side that is wholly blank is not checked."""
    skip = set(skip_rows)
    out: list[Issue] = []
    if ident.axis == "row":
        instances = [
            (r, [grid[r][c] for c in ident.lhs], [grid[r][c] for c in ident.rhs], r, ident.lhs[0])
            for r in grid
            if r not in skip
        ]
    else:
        columns = next(iter(grid.values())).keys() if grid else ()
        present = [r for r in ident.lhs + ident.rhs if r in grid]
        if ident.lhs[0] not in grid or skip & set(present):
            return []
        instances = [
            (
                c,
                [grid[r][c] for r in ident.lhs if r in grid],
                [grid[r][c] for r in ident.rhs if r in grid],
                ident.lhs[0],
                c,
            )
            for c in columns
        ]
    for where, lhs, rhs, row, column in instances:
        left, right = _sum(lhs), _sum(rhs)
        if left is None and right is None:
            continue
        if ident.axis == "column" and (left is None or right is None):
            continue
        if (left or 0) != (right or 0):
            out.append(
                issue(
                    ident.code,
                    f"{where}: printed {left}, computed {right} (rule: {ident.description})",
                    line=_line([lhs[0], *lhs, *rhs]),
                    table=ident.table.value,
                    row=row,
                    column=column,
                )
            )
    return out


def _blank_totals(grid: Grid, template: Template) -> tuple[list[Issue], set[str], set[str]]:
    """The one-warning cases: a blank （七）总计 row, a blank 总计 column. Returns the warnings
    and the rows whose row-wise and column-wise checks they replace."""
    out: list[Issue] = []
    skip: set[str] = set()
    skip_columns: set[str] = set()
    outcome = [k for k in template.outcome_rows if k in grid]
    total = grid.get("total")
    if total is not None and all(c.value is None for c in total.values()):
        skip_columns.add("total")
        if any(grid[k][c].value for k in outcome for c in T.TABLE3_COLUMN_KEYS):
            out.append(
                issue(
                    "requests.total_blank",
                    "the total row is blank while the outcome rows hold numbers",
                    line=_line(total.values()),
                    table=TableKind.REQUESTS.value,
                    row="total",
                )
            )
    with_parts = [k for k, r in grid.items() if _sum([r[c] for c in T.TABLE3_PART_COLUMNS])]
    blank_total = [k for k in with_parts if grid[k]["total"].value is None]
    if len(blank_total) > 1 and set(outcome) & set(with_parts) <= set(blank_total):
        skip.update(blank_total)
        out.append(
            issue(
                "requests.total_column_blank",
                f"the total column is blank in {len(blank_total)} rows with applicant numbers",
                line=_line([grid[blank_total[0]]["total"]]),
                table=TableKind.REQUESTS.value,
                column="total",
            )
        )
    return out, skip, skip_columns


def _is_blank(grid: Grid) -> bool:
    return all(c.value is None for row in grid.values() for c in row.values() if isinstance(c, Count))


def check_tables(report: Report) -> list[Issue]:
    out: list[Issue] = []
    template = T.get(report.template)
    for kind in TableKind:
        table = getattr(report, kind.value)
        if table is None:
            continue
        grid = _grid(table)
        if _is_blank(grid):
            out.append(issue("table.blank", f"Table {kind.number} holds no numbers", table=kind.value))
            continue
        skip: dict[str, set[str]] = {"row": set(), "column": set()}
        if kind == TableKind.REQUESTS:
            found, skip["row"], skip["column"] = _blank_totals(grid, template)
            out += found
        for ident in template.identities:
            if ident.table == kind:
                out += check_identity(ident, grid, skip_rows=skip[ident.axis])
    return out


def check_proactive(report: Report) -> list[Issue]:
    """Table 2 heuristics of the report's template (info only), e.g. 2019's
    本年新公开数量 <= 对外公开总数量."""
    p = report.proactive
    if p is None or report.template is None:
        return []
    template = T.get(report.template)
    out: list[Issue] = []
    for bound in template.table2_bounds:
        for block in template.table2:
            if not {bound.lesser, bound.greater} <= {c.key for c in block.columns}:
                continue
            for label in block.rows:
                row = getattr(p, label.key)
                if row is None:
                    continue
                lesser, greater = getattr(row, bound.lesser), getattr(row, bound.greater)
                if lesser.value is not None and greater.value is not None and lesser.value > greater.value:
                    out.append(
                        issue(
                            bound.code,
                            f"{label.key}: {bound.lesser} {lesser.value} > {bound.greater} {greater.value}",
                            line=_line([lesser]),
                            table=TableKind.PROACTIVE.value,
                            row=label.key,
                            column=bound.lesser,
                        )
                    )
    return out


def validate(report: Report) -> list[Issue]:
    out = check_tables(report) + check_proactive(report)
    for check in CHECKS:
        out += list(check(report))
    return out

"""The tables' own arithmetic, checked on the records and reported as issues.

The identities are template data (`templates.identities`), shared with the placement solver.
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
from gov_disclosure.records import Count, Issue, Proactive2019, Report

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
                    table=ident.table,
                    row=row,
                    column=column,
                )
            )
    return out


def _blank_totals(grid: Grid, template: str | None) -> tuple[list[Issue], set[str], set[str]]:
    """The one-warning cases: a blank （七）总计 row, a blank 总计 column. Returns the warnings
    and the rows whose row-wise and column-wise checks they replace."""
    out: list[Issue] = []
    skip: set[str] = set()
    skip_columns: set[str] = set()
    outcome = [k for k in T.TABLE3_OUTCOME_ROWS[template or "2019"] if k in grid]
    total = grid.get("total")
    if total is not None and all(c.value is None for c in total.values()):
        skip_columns.add("total")
        if any(grid[k][c].value for k in outcome for c in T.TABLE3_COLUMN_KEYS):
            out.append(
                issue(
                    "requests.total_blank",
                    "the total row is blank while the outcome rows hold numbers",
                    line=_line(total.values()),
                    table="requests",
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
                table="requests",
                column="total",
            )
        )
    return out, skip, skip_columns


def _is_blank(grid: Grid) -> bool:
    return all(c.value is None for row in grid.values() for c in row.values() if isinstance(c, Count))


def check_tables(report: Report) -> list[Issue]:
    out: list[Issue] = []
    for key, name in (("proactive", "Table 2"), ("requests", "Table 3"), ("reviews", "Table 4")):
        table = getattr(report, key)
        if table is None:
            continue
        grid = _grid(table)
        if _is_blank(grid):
            out.append(issue("table.blank", f"{name} holds no numbers", table=key))
            continue
        skip: dict[str, set[str]] = {"row": set(), "column": set()}
        if key == "requests":
            found, skip["row"], skip["column"] = _blank_totals(grid, report.template)
            out += found
        for ident in T.identities(report.template):
            if ident.table == key:
                out += check_identity(ident, grid, skip_rows=skip[ident.axis])
    return out


def check_proactive(report: Report) -> list[Issue]:
    """2019 heuristic: 本年新公开数量 <= 对外公开总数量 (info only)."""
    p = report.proactive
    if not isinstance(p, Proactive2019):
        return []
    out: list[Issue] = []
    for key in ("regulations", "normative_documents"):
        row = getattr(p, key)
        if row is None:
            continue
        new, total = row.new_published.value, row.total_published.value
        if new is not None and total is not None and new > total:
            out.append(
                issue(
                    "proactive.published_exceeds_total",
                    f"{key}: new_published {new} > total_published {total}",
                    line=_line([row.new_published]),
                    table="proactive",
                    row=key,
                    column="new_published",
                )
            )
    return out


def validate(report: Report) -> list[Issue]:
    out = check_tables(report) + check_proactive(report)
    for check in CHECKS:
        out += list(check(report))
    return out

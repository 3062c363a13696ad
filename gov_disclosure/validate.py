"""The tables' own arithmetic, checked on the records and reported as issues.

The identities are template data (`templates.Template.identities`), shared with the placement
solver; so are Table 2's heuristics (`Template.table2_bounds`).
Numbers are reported as printed, never fixed. Blank counts as zero inside a sum, but an
identity whose whole side is blank is not checked: a blank （七）总计 row or 总计 column gets one
warning of its own instead of a column of mismatches. A cell the parser did not read (missing,
`completeness.cell_states`) is not blank: an identity instance that needs one is not checked,
and each table says which in one `check.skipped` info, so a parser's miss is never an `error`.
Users add checks with `register_check`; they see the parser's issues in `report.issues`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

import attrs

from gov_disclosure import templates as T
from gov_disclosure.codes import issue
from gov_disclosure.completeness import cell_states
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


Cells = AbstractSet[tuple[str, str]]
"""(row, column) cells of one table."""


def _instances(ident: T.Identity, grid: Grid) -> list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]]:
    """Each place `ident` applies: (row or column, lhs cells, rhs cells); rows absent from
    `grid` are left out of a column's sides (a caller marks them missing to skip them)."""
    if ident.axis == "row":
        return [(r, [(r, c) for c in ident.lhs], [(r, c) for c in ident.rhs]) for r in grid]
    columns = next(iter(grid.values())).keys() if grid else ()
    return [(c, [(r, c) for r in ident.lhs], [(r, c) for r in ident.rhs]) for c in columns]


def check_identity(
    ident: T.Identity, grid: Grid, *, skip_rows: Iterable[str] = (), missing: Cells = frozenset()
) -> tuple[list[Issue], list[str]]:
    """Every instance of `ident` over `grid`: the mismatches, and where it was not checked
    because a cell it needs is `missing` (not read by the parser). A side that is wholly blank
    (or absent) is not checked; neither is a row in `skip_rows`, nor, for a column identity,
    any column when one of its rows is in `skip_rows`."""
    skip = set(skip_rows)
    if ident.axis == "column" and skip & set(ident.lhs + ident.rhs):
        return [], []
    out: list[Issue] = []
    skipped: list[str] = []
    for where, lcells, rcells in _instances(ident, grid):
        if ident.axis == "row" and where in skip:
            continue
        if any(cell in missing for cell in (*lcells, *rcells)):
            skipped.append(where)
            continue
        lhs = [grid[r][c] for r, c in lcells if r in grid]
        rhs = [grid[r][c] for r, c in rcells if r in grid]
        left, right = _sum(lhs), _sum(rhs)
        if left is None and right is None:
            continue
        if ident.axis == "column" and (left is None or right is None):
            continue
        if (left or 0) != (right or 0):
            row, column = (where, ident.lhs[0]) if ident.axis == "row" else (ident.lhs[0], where)
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
    return out, skipped


def _blank_totals(grid: Grid, template: Template, missing: Cells) -> tuple[list[Issue], set[str], set[str]]:
    """The one-warning cases: a blank （七）总计 row, a blank 总计 column (printed blank, not
    missing: blank in every outcome row with numbers whose total was read, two or more, or one
    when the others' totals were not read). Returns the warnings and the rows whose row-wise and
    column-wise checks they replace."""
    out: list[Issue] = []
    skip: set[str] = set()
    skip_columns: set[str] = set()
    outcome = [k for k in template.outcome_rows if k in grid]
    total = grid.get("total")
    if total is not None and all(v.value is None and ("total", c) not in missing for c, v in total.items()):
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
    blank_total = [k for k in with_parts if grid[k]["total"].value is None and (k, "total") not in missing]
    outcome_parts = set(outcome) & set(with_parts)
    unread = {k for k in outcome_parts if (k, "total") in missing}
    # a column blank in every outcome row read; one such row tells it when the others were not read
    if len(blank_total) > (0 if unread else 1) and outcome_parts - unread <= set(blank_total):
        skip.update(blank_total)
        out.append(
            issue(
                "requests.total_column_blank",
                f"the total column is blank in {len(blank_total)} rows with applicant numbers"
                + (f" ({len(unread)} outcome rows' totals not read)" if unread else ""),
                line=_line([grid[blank_total[0]]["total"]]),
                table=TableKind.REQUESTS.value,
                column="total",
            )
        )
    return out, skip, skip_columns


def _is_blank(grid: Grid) -> bool:
    return all(c.value is None for row in grid.values() for c in row.values() if isinstance(c, Count))


def _skipped(kind: TableKind, skipped: Mapping[str, list[str]]) -> Issue:
    """The one `check.skipped` of a table: each identity and where it was not checked."""
    parts = [f"{code} at {', '.join(where)}" for code, where in skipped.items()]
    n = sum(len(w) for w in skipped.values())
    msg = f"Table {kind.number}: {n} checks not made, a cell they need was not read: {'; '.join(parts)}"
    return issue("check.skipped", msg, table=kind.value)


def check_tables(report: Report) -> list[Issue]:
    """The template's identities on Tables 3 and 4, skipping every instance that needs a cell
    the parser did not read (`completeness.cell_states`): a parser's miss is never an error."""
    out: list[Issue] = []
    template = T.get(report.template)
    states = cell_states(report)
    for kind in TableKind:
        table = getattr(report, kind.value)
        if table is None:
            continue
        grid = _grid(table)
        missing = {(r, c) for (t, r, c), s in states.items() if t == kind.value and s == "missing"}
        if _is_blank(grid) and not missing:  # with cells missing, "no numbers" is not known
            out.append(issue("table.blank", f"Table {kind.number} holds no numbers", table=kind.value))
            continue
        skip: dict[str, set[str]] = {"row": set(), "column": set()}
        if kind == TableKind.REQUESTS:
            found, skip["row"], skip["column"] = _blank_totals(grid, template, missing)
            out += found
        skipped: dict[str, list[str]] = {}
        for ident in template.identities:
            if ident.table == kind:
                found, where = check_identity(ident, grid, skip_rows=skip[ident.axis], missing=missing)
                out += found
                if where:
                    skipped.setdefault(ident.code, []).extend(where)
        if skipped:
            out.append(_skipped(kind, skipped))
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

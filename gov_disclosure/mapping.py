"""Template mapping: grids of cells to the typed records of Tables 2, 3 and 4.

Grids are sorted into the template's tables (`tables`), rows found by label and placed
(`rows`), values read by `normalize`, and every decision or doubt becomes an `Issue`. Rows the
template has but the report lacks are present with null cells and a warning; rows the template
does not have are absent.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from typing import Any

import attrs

from gov_disclosure import records as R
from gov_disclosure import templates as T
from gov_disclosure.blocks import Cell, Table
from gov_disclosure.cells import Grid, read_grid
from gov_disclosure.codes import issue
from gov_disclosure.equations import equations, resolve, unsplit_identities
from gov_disclosure.normalize import ValueParseError, parse_money
from gov_disclosure.placement import Equation, Vector, row_candidates
from gov_disclosure.records import Issue
from gov_disclosure.rows import RowPlan, Rows, Sink, column_anchors, plan_rows, printed
from gov_disclosure.shifts import shifted_row
from gov_disclosure.tables import join, segments, split_by_kind, table_kinds
from gov_disclosure.templates import TableKind, Template

T4_COLUMNS = tuple(f"{g.key}.{c.key}" for g in T.TABLE4_GROUPS for c in T.TABLE4_COLUMNS)


def row_class(template: str, key: str) -> type:
    """The record class of a Table 2 row, read off the template's Table 2 record."""
    field_type = attrs.fields_dict(R.TABLE2_RECORDS[template])[key].type
    found: type = next(t for t in typing.get_args(field_type) if t is not type(None))
    return found


@attrs.frozen
class Mapped:
    proactive: R.Proactive | None
    requests: R.Requests | None
    reviews: R.Reviews | None
    issues: tuple[Issue, ...]
    unrecognized: tuple[Table, ...]


def _count(cell: Cell | None, grid: Grid, sink: Sink, row: str, column: str) -> R.Count:
    if cell is None:
        return R.Count(None)
    if cell.unread:
        sink.add("cell.unread", f"{row}.{column}: not printed on the page", cell, row=row, column=column)
        return R.Count(None, None, cell.pos)
    try:
        return R.Count(grid.count(cell), cell.text, cell.pos)
    except ValueParseError:
        sink.add(
            "cell.unreadable",
            f"{row}.{column}: cannot read {cell.text.strip()!r} as a count",
            cell,
            row=row,
            column=column,
        )
        return R.Count(None, cell.text, cell.pos)


def _unseen(vec: Vector, width: int, table: Table) -> Vector:
    """`vec` padded to `width`; in a table cut by the page edge (a cell `unread`), a column that
    got no cell lies off the page too: its slot becomes an unread cell, not a blank one."""
    if not any(c.unread for c in table.cells()):
        return vec
    gap = Cell("", table.pos, unread=True)
    return tuple(c if c is not None else gap for c in (*vec, *(None,) * (width - len(vec))))


def _money(cell: Cell | None, unit: str | None, sink: Sink, row: str, column: str) -> R.Money | None:
    if cell is None:
        return None
    if cell.unread:
        sink.add("cell.unread", f"{row}.{column}: not printed on the page", cell, row=row, column=column)
        return None
    try:
        m = parse_money(cell.text, unit)
    except ValueParseError:
        sink.add(
            "cell.unreadable",
            f"{row}.{column}: cannot read {cell.text.strip()!r} as an amount",
            cell,
            row=row,
            column=column,
        )
        return None
    return None if m is None else R.Money(m.raw, m.value, m.unit, cell.pos)


def map_proactive(table: Table, template: Template, grid: Grid) -> tuple[R.Proactive, list[Issue]]:
    sink = Sink(TableKind.PROACTIVE)
    blocks = {row.key: block for block in template.table2 for row in block.rows}
    width = {k: len(b.columns) for k, b in blocks.items()}
    plan = plan_rows(table, Rows(TableKind.PROACTIVE, template.name, width, grid, sink))
    for key in plan.options:  # no identity ties Table 2's cells together: refuse to guess
        sink.add(
            "table.row_width",
            f"{key}: cannot place {printed(plan.where[key].values, grid)} in {width[key]} columns",
            plan.where[key].label,
            row=key,
        )
        plan.fixed[key] = (None,) * width[key]
    rows: dict[str, Any] = {}
    for key, block in blocks.items():
        vec = plan.fixed.get(key)
        if vec is None:
            sink.add("table.missing_row", f"row {key} not found", row=key)
            vec = (None,) * len(block.columns)
        else:
            vec = _unseen(vec, len(block.columns), table)
        fields: dict[str, Any] = {}
        for col, cell in zip(block.columns, vec, strict=False):
            if col.kind == "money":
                fields[col.key] = _money(cell, col.unit, sink, key, col.key)
            else:
                fields[col.key] = _count(cell, grid, sink, key, col.key)
        rows[key] = row_class(template.name, key)(**fields)
    return R.TABLE2_RECORDS[template.name](**rows), sink.items


def map_requests(table: Table, template: Template, grid: Grid) -> tuple[R.Requests, list[Issue]]:
    sink = Sink(TableKind.REQUESTS)
    labels = template.table3_rows
    columns = T.TABLE3_COLUMN_KEYS
    width = {r.key: len(columns) for r in labels}
    anchors = column_anchors(table, T.TABLE3_COLUMNS, grid)
    plan = plan_rows(
        table, Rows(TableKind.REQUESTS, template.name, width, grid, sink, anchors, columns=T.TABLE3_COLUMNS)
    )
    merged = {k: parts for lab, parts in template.unsplit if (k := lab.key) in plan.where}
    identities = unsplit_identities(template.identities, merged)
    keys = [r.key for r in labels if not any(r.key in p for p in merged.values())] + list(merged)
    if not table.dropped_empty:
        by_column = [i for i in identities if i.axis == "column"]
        _reshift(plan, equations(by_column, TableKind.REQUESTS, keys, columns), columns, sink, grid)
    eqs = equations(identities, TableKind.REQUESTS, keys, columns) if plan.options else []
    found = resolve(plan, eqs, columns, sink, grid)
    rows: dict[str, R.RequestRow] = {}
    for key in [r.key for r in labels] + list(merged):
        vec = found.get(key)
        if vec is None:
            if not any(key in p for p in merged.values()):  # sub-rows of a group printed whole: said once
                sink.add("table.missing_row", f"row {key} not found", row=key)
            vec = (None,) * len(columns)
        else:
            vec = _unseen(vec, len(columns), table)
        cells = zip(columns, vec, strict=False)
        rows[key] = R.RequestRow(**{c: _count(cell, grid, sink, key, c) for c, cell in cells})
    return R.Requests(**rows), sink.items


def _reshift(plan: RowPlan, eqs: Sequence[Equation], columns: Sequence[str], sink: Sink, grid: Grid) -> None:
    """A positional row whose numbers break the column identities where the same numbers placed
    otherwise fit them (`shifts.shifted_row`) is re-placed; when several placements fit, the
    cells they agree on are kept and the rest left null, said in a warning."""
    found = shifted_row(plan.fixed, eqs, columns, grid.number, grid.is_blank)
    if found is None:
        return
    key, fits = found
    label = plan.where[key].label
    was = ", ".join(
        f"{c}={v.text.strip()}" for c, v in zip(columns, plan.fixed[key], strict=False) if v and v.text.strip()
    )
    texts = [[None if v is None else v.text.strip() for v in vec] for vec in fits]
    kept = tuple(v if all(t[i] == texts[0][i] for t in texts) else None for i, v in enumerate(fits[0]))
    plan.fixed[key] = kept
    now = ", ".join(f"{c}={v.text.strip()}" for c, v in zip(columns, kept, strict=False) if v is not None)
    if len(fits) == 1:
        msg = f"{key}: printed {was}, which breaks the table's column sums; placed as {now}"
        sink.add("placement.inferred", msg, label, row=key)
        return
    left = ", ".join(c for i, c in enumerate(columns) if kept[i] is None and any(f[i] is not None for f in fits))
    msg = f"{key}: printed {was}, which breaks the table's column sums; certain: {now or 'none'}; left null: {left}"
    sink.add("placement.ambiguous", msg, label, row=key)


def map_reviews(table: Table, template: Template, grid: Grid) -> tuple[R.Reviews, list[Issue]]:
    """Table 4 has one data row of 15 cells, its groups side by side: the identities are
    applied to each group's five cells of that row."""
    sink = Sink(TableKind.REVIEWS)
    segs = [s for s in segments(table, grid) if any(not grid.is_blank(c) for c in s.values)]
    vec: Vector = (None,) * len(T4_COLUMNS)
    if segs:  # a Table 4 with no numbers at all is reported by validation (table.blank)
        seg = segs[-1]
        positional = not table.dropped_empty
        cands = row_candidates(
            seg.values, len(T4_COLUMNS), positional=positional, is_blank=grid.is_blank, gaps=table.gaps_marked
        )
        if not cands:
            msg = f"{len(seg.values)} values for {len(T4_COLUMNS)} columns: {printed(seg.values, grid)}"
            sink.add("table.row_width", msg, seg.values[0])
        elif len(cands) == 1:
            vec = cands[0]
        else:
            groups = [g.key for g in T.TABLE4_GROUPS]
            columns = [c.key for c in T.TABLE4_COLUMNS]
            eqs = equations(
                template.identities, TableKind.REVIEWS, groups, columns, at=lambda g, c: ("data", f"{g}.{c}")
            )
            plan = RowPlan(options={"data": cands}, where={"data": seg})
            vec = resolve(plan, eqs, T4_COLUMNS, sink, grid)["data"]
    vec = _unseen(vec, len(T4_COLUMNS), table)
    groups_out: dict[str, R.ReviewGroup] = {}
    for g in T.TABLE4_GROUPS:
        fields = {}
        for c in T.TABLE4_COLUMNS:
            cell = vec[T4_COLUMNS.index(f"{g.key}.{c.key}")]
            fields[c.key] = _count(cell, grid, sink, g.key, c.key)
        groups_out[g.key] = R.ReviewGroup(**fields)
    return R.Reviews(**groups_out), sink.items


def group_tables(tables: Sequence[Table], grid: Grid | None = None) -> tuple[dict[TableKind, Table], list[Table]]:
    """Sort every grid into a template table; join the parts of each (tables split over pages
    or blocks). Grids that are none of them come back as they are."""
    grid = grid or read_grid(tables)
    parts: dict[TableKind, list[Table]] = {}
    other: list[Table] = []
    split = [part for table in tables for part in split_by_kind(table, grid)]
    for t, kind in zip(split, table_kinds(split, grid), strict=True):
        if kind is None:
            other.append(t)
        else:
            parts.setdefault(kind, []).append(t)
    return {k: join(v) for k, v in parts.items()}, other


def map_tables(tables: Sequence[Table], template: str | None, grid: Grid | None = None) -> Mapped:
    """The records of the three tables. Table 2 differs between the templates and is mapped
    only when the template is known; Tables 3 and 4 use the default template when it is not."""
    grid = grid or read_grid(tables)
    grouped, other = group_tables(tables, grid)
    tpl = T.get(template)
    issues: list[Issue] = []
    proactive: R.Proactive | None = None
    requests: R.Requests | None = None
    reviews: R.Reviews | None = None
    if TableKind.PROACTIVE in grouped and template is not None:
        proactive, found = map_proactive(grouped[TableKind.PROACTIVE], tpl, grid)
        issues += found
    if TableKind.REQUESTS in grouped:
        requests, found = map_requests(grouped[TableKind.REQUESTS], tpl, grid)
        issues += found
    if TableKind.REVIEWS in grouped:
        reviews, found = map_reviews(grouped[TableKind.REVIEWS], tpl, grid)
        issues += found
    for kind, value in zip(TableKind, (proactive, requests, reviews), strict=True):
        if value is None:
            why = "no template could be decided" if kind in grouped else "not found"
            issues.append(issue("table.missing", f"table {kind.value}: {why}", table=kind.value))
    return Mapped(proactive, requests, reviews, tuple(issues), tuple(other))

"""Template mapping: grids of cells to the typed records of Tables 2, 3 and 4.

Rows are found by label (`tables.segments`), values placed by `placement`, read by
`normalize`, and every decision or doubt becomes an `Issue`. Rows the template has but the
report lacks are present with null cells and a warning; rows the template does not have are
absent.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from typing import Any

import attrs

from gov_disclosure import records as R
from gov_disclosure import templates as T
from gov_disclosure.blocks import Cell, Table
from gov_disclosure.codes import issue
from gov_disclosure.labels import LabelIndex, label_key
from gov_disclosure.normalize import ValueParseError, is_blank_value, parse_count, parse_money
from gov_disclosure.placement import Equation, Vector, row_candidates, solve
from gov_disclosure.records import Issue
from gov_disclosure.tables import INDEXES, Segment, classify, join, segments, split_by_kind

PROACTIVE_CLASSES: dict[str, type] = {"2019": R.Proactive2019, "2021": R.Proactive2021}
for _cls in PROACTIVE_CLASSES.values():
    attrs.resolve_types(_cls)


def row_class(template: str, key: str) -> type:
    """The record class of a Table 2 row, read off the template's `Proactive` record."""
    field_type = attrs.fields_dict(PROACTIVE_CLASSES[template])[key].type
    found: type = next(t for t in typing.get_args(field_type) if t is not type(None))
    return found


T4_COLUMNS = tuple(f"{g.key}.{c.key}" for g in T.TABLE4_GROUPS for c in T.TABLE4_COLUMNS)


@attrs.frozen
class Mapped:
    proactive: R.Proactive2019 | R.Proactive2021 | None
    requests: R.Requests | None
    reviews: R.Reviews | None
    issues: tuple[Issue, ...]
    unrecognized: tuple[Table, ...]


class _Sink:
    """Collects issues for one table."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.items: list[Issue] = []

    def add(self, code: str, msg: str, cell: Cell | None = None, **where: Any) -> None:
        line = cell.pos.line if cell is not None else None
        self.items.append(issue(code, msg, line=line, table=self.table, **where))


def _count(cell: Cell | None, sink: _Sink, row: str, column: str) -> R.Count:
    if cell is None:
        return R.Count(None)
    try:
        return R.Count(parse_count(cell.text), cell.text, cell.pos)
    except ValueParseError:
        sink.add(
            "cell.unreadable",
            f"{row}.{column}: cannot read {cell.text.strip()!r} as a count",
            cell,
            row=row,
            column=column,
        )
        return R.Count(None, cell.text, cell.pos)


def _money(cell: Cell | None, unit: str | None, sink: _Sink, row: str, column: str) -> R.Money | None:
    if cell is None:
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


def _printed(values: Sequence[Cell]) -> str:
    return " | ".join(c.text.strip() for c in values if not is_blank_value(c.text)) or "(none)"


def column_anchors(table: Table, columns: Sequence[T.Column]) -> dict[int, int]:
    """Grid column of each template column's header cell (position -> template column index),
    when every header is printed exactly once; empty when the grid cannot say."""
    found: dict[int, list[int]] = {}
    keys = {label_key(t): i for i, c in enumerate(columns) for t in c.texts}
    for cell in table.cells():
        i = keys.get(label_key(cell.text))
        if i is not None and cell.pos.col is not None:
            found.setdefault(i, []).append(cell.pos.col)
    if len(found) != len(columns) or any(len(v) != 1 for v in found.values()):
        return {}
    return {v[0]: i for i, v in found.items()}


def _agrees(vec: Vector, anchors: dict[int, int]) -> bool:
    """Every printed value of the candidate sits in the grid column of its header."""
    return all(
        c is None or is_blank_value(c.text) or anchors.get(c.pos.col if c.pos.col is not None else -1) == i
        for i, c in enumerate(vec)
    )


def _unmapped(label: Cell, filled: Sequence[Cell], known: LabelIndex, sink: _Sink) -> None:
    """Numbers under a label the template gives no row: a group's own subtotal, or a row the
    template does not have. Header fragments and captions carry none and are not reported."""
    found = known.match(label.text)
    if found is not None and found.key != "group":
        return
    code, what = ("table.subtotal_row", "a group row") if found else ("table.unknown_row", "a row not in the template")
    text = label.text.strip().replace("\n", "")
    sink.add(code, f"{what} {text!r} printed: {_printed(filled)}", label, row=text)


def _rows_by_label(
    table: Table,
    index: LabelIndex,
    width: dict[str, int],
    sink: _Sink,
    known: LabelIndex,
    anchors: dict[int, int] | None = None,
) -> tuple[dict[str, Vector], dict[str, list[Vector]], dict[str, Segment]]:
    """Find each template row's segment and its candidate placements. Where the grid keeps
    its columns (`anchors` from the headers), a candidate that puts every value under its own
    header wins over the others."""
    fixed: dict[str, Vector] = {}
    options: dict[str, list[Vector]] = {}
    where: dict[str, Segment] = {}
    last_fragment: tuple[str, str] | None = None  # (row key, folded text so far)
    positional = not table.dropped_empty
    for seg in segments(table):
        for cell in seg.labels_before:  # a row label followed by no values at all
            m = index.match(cell.text)
            if m is not None and m.key in width and m.key not in where:
                fixed[m.key] = (None,) * width[m.key]
                where[m.key] = Segment(cell, ())
        filled = [c for c in seg.values if not is_blank_value(c.text)]
        if seg.label is None:
            if filled and sink.table != "reviews":
                sink.add("table.unknown_row", f"values without a row label: {_printed(filled)}", filled[0])
            continue
        m = index.match(seg.label.text, fragments=True)
        if m is None or m.key not in width:
            if last_fragment and not filled:
                key, text = last_fragment
                if index.match(text + label_key(seg.label.text)) is not None:
                    last_fragment = None
                    continue
            if filled and m is None:
                _unmapped(seg.label, filled, known, sink)
            continue
        last_fragment = (m.key, label_key(seg.label.text)) if m.fragment else None
        cands = row_candidates(seg.values, width[m.key], positional=positional)
        if m.key in where:
            old = fixed.get(m.key)
            if old is not None and [c.text.strip() if c else "" for c in old] == [
                c.text.strip() if c else "" for c in cands[0]
            ]:
                continue
            if old is not None and all(c is None or is_blank_value(c.text) for c in old):
                fixed.pop(m.key)
            else:
                sink.add(
                    "table.duplicate_row",
                    f"{m.key} printed again with {_printed(seg.values)}; first kept",
                    seg.label,
                    row=m.key,
                )
                continue
        where[m.key] = seg
        if not cands:
            sink.add(
                "table.row_width",
                f"{m.key}: {len(filled)} values for {width[m.key]} columns: {_printed(filled)}",
                seg.label,
                row=m.key,
            )
            fixed[m.key] = (None,) * width[m.key]
        else:
            if len(cands) > 1 and anchors and positional:
                agreeing = [v for v in cands if _agrees(v, anchors)]
                cands = agreeing if len(agreeing) == 1 else cands
            if len(cands) == 1:
                fixed[m.key] = cands[0]
            else:
                options[m.key] = cands
    return fixed, options, where


def _resolve(
    fixed: dict[str, Vector],
    options: dict[str, list[Vector]],
    where: dict[str, Segment],
    equations: Sequence[Equation],
    columns: Sequence[str],
    sink: _Sink,
) -> dict[str, Vector]:
    """Settle ambiguous rows by the table's arithmetic; say what was decided."""
    grid = dict(fixed)
    if not options:
        return grid
    chosen, n = solve(fixed, options, equations, columns) if equations else (None, 2)
    for key in options:
        seg = where[key]
        printed = _printed(seg.values)
        if chosen is not None:
            grid[key] = chosen[key]
            placed = ", ".join(
                f"{c}={v.text.strip()}"
                for c, v in zip(columns, chosen[key], strict=False)
                if v is not None and not is_blank_value(v.text)
            )
            sink.add("placement.inferred", f"{key}: printed {printed}; placed as {placed}", seg.label, row=key)
        else:
            code = "placement.ambiguous" if n > 1 else "placement.unresolved"
            sink.add(code, f"{key}: printed {printed}; cells left null", seg.label, row=key)
            grid[key] = (None,) * len(columns)
    return grid


def _equations(template: str, rows: Sequence[str], columns: Sequence[str], table: str) -> list[Equation]:
    out: list[Equation] = []
    for ident in T.identities(template):
        if ident.table != table:
            continue
        if ident.axis == "row":
            for r in rows:
                out.append(Equation(tuple((r, c) for c in ident.lhs), tuple((r, c) for c in ident.rhs)))
        else:
            for c in columns:
                out.append(Equation(tuple((r, c) for r in ident.lhs), tuple((r, c) for r in ident.rhs)))
    return out


def map_proactive(table: Table, template: str) -> tuple[R.Proactive2019 | R.Proactive2021, list[Issue]]:
    sink = _Sink("proactive")
    blocks = {row.key: block for block in T.TABLE2[template] for row in block.rows}
    index = LabelIndex((r.key, t, r.numbered) for b in T.TABLE2[template] for r in b.rows for t in r.texts)
    width = {k: len(b.columns) for k, b in blocks.items()}
    fixed, options, where = _rows_by_label(table, index, width, sink, INDEXES["proactive"])
    for key in options:  # no identity ties Table 2's cells together: refuse to guess
        sink.add(
            "table.row_width",
            f"{key}: cannot place {_printed(where[key].values)} in {width[key]} columns",
            where[key].label,
            row=key,
        )
        fixed[key] = (None,) * width[key]
    rows: dict[str, Any] = {}
    for key, block in blocks.items():
        vec = fixed.get(key)
        if vec is None:
            sink.add("table.missing_row", f"row {key} not found", row=key)
            vec = (None,) * len(block.columns)
        fields: dict[str, Any] = {}
        for col, cell in zip(block.columns, vec, strict=False):
            if col.kind == "money":
                fields[col.key] = _money(cell, col.unit, sink, key, col.key)
            else:
                fields[col.key] = _count(cell, sink, key, col.key)
        rows[key] = row_class(template, key)(**fields)
    return PROACTIVE_CLASSES[template](**rows), sink.items


def map_requests(table: Table, template: str) -> tuple[R.Requests, list[Issue]]:
    sink = _Sink("requests")
    labels = T.TABLE3_ROWS[template]
    index = LabelIndex((r.key, t, r.numbered) for r in labels for t in r.texts)
    columns = T.TABLE3_COLUMN_KEYS
    width = {r.key: len(columns) for r in labels}
    fixed, options, where = _rows_by_label(
        table, index, width, sink, INDEXES["requests"], column_anchors(table, T.TABLE3_COLUMNS)
    )
    equations = _equations(template, [r.key for r in labels], columns, "requests")
    grid = _resolve(fixed, options, where, equations, columns, sink)
    rows: dict[str, R.RequestRow] = {}
    for label in labels:
        vec = grid.get(label.key)
        if vec is None:
            sink.add("table.missing_row", f"row {label.key} not found", row=label.key)
            vec = (None,) * len(columns)
        cells = zip(columns, vec, strict=False)
        rows[label.key] = R.RequestRow(**{c: _count(cell, sink, label.key, c) for c, cell in cells})
    return R.Requests(**rows), sink.items


def map_reviews(table: Table, template: str) -> tuple[R.Reviews, list[Issue]]:
    sink = _Sink("reviews")
    segs = [s for s in segments(table) if any(not is_blank_value(c.text) for c in s.values)]
    vec: Vector = (None,) * len(T4_COLUMNS)
    if segs:  # a Table 4 with no numbers at all is reported by validation (table.blank)
        seg = segs[-1]
        cands = row_candidates(seg.values, len(T4_COLUMNS), positional=not table.dropped_empty)
        where = {"data": seg}
        equations = [
            Equation(((("data", f"{g.key}.total"),)), tuple(("data", f"{g.key}.{c}") for c in T.TABLE4_PART_COLUMNS))
            for g in T.TABLE4_GROUPS
        ]
        if not cands:
            sink.add(
                "table.row_width", f"{len(seg.values)} values for 15 columns: {_printed(seg.values)}", seg.values[0]
            )
        elif len(cands) == 1:
            vec = cands[0]
        else:
            vec = _resolve({}, {"data": cands}, where, equations, T4_COLUMNS, sink)["data"]
    groups: dict[str, R.ReviewGroup] = {}
    for g in T.TABLE4_GROUPS:
        fields = {}
        for c in T.TABLE4_COLUMNS:
            cell = vec[T4_COLUMNS.index(f"{g.key}.{c.key}")]
            fields[c.key] = _count(cell, sink, g.key, c.key)
        groups[g.key] = R.ReviewGroup(**fields)
    return R.Reviews(**groups), sink.items


def group_tables(tables: Sequence[Table]) -> tuple[dict[str, Table], list[Table]]:
    """Classify every grid; join the parts of each kind (tables split over pages or blocks)."""
    parts: dict[str, list[Table]] = {}
    other: list[Table] = []
    for t in (part for table in tables for part in split_by_kind(table)):
        kind = classify(t)
        if kind is None:
            other.append(t)
        else:
            parts.setdefault(kind, []).append(t)
    return {k: join(v) for k, v in parts.items()}, other


def map_tables(tables: Sequence[Table], template: str | None) -> Mapped:
    grouped, other = group_tables(tables)
    issues: list[Issue] = []
    proactive = requests = reviews = None
    if "proactive" in grouped and template is not None:
        proactive, found = map_proactive(grouped["proactive"], template)
        issues += found
    if "requests" in grouped:
        requests, found = map_requests(grouped["requests"], template or "2019")
        issues += found
    if "reviews" in grouped:
        reviews, found = map_reviews(grouped["reviews"], template or "2019")
        issues += found
    for key, value in (("proactive", proactive), ("requests", requests), ("reviews", reviews)):
        if value is None:
            why = "no template could be decided" if key in grouped else "not found"
            issues.append(issue("table.missing", f"table {key}: {why}", table=key))
    return Mapped(proactive, requests, reviews, tuple(issues), tuple(other))

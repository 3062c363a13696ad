"""Finding a template's rows in a table: which segment is which row, and where its values go.

`plan_rows` walks a table's segments once and, for every row of the template, keeps the values
placed in its columns, or the placements still open, and the segment it was read from (a
`RowPlan`). Each step is a function of its own: matching a label to a row, joining a label cut
by a page break, a row printed twice, placing the values, and letting the column headers decide
between placements. `equations.resolve` then settles the open placements by the table's
arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from gov_disclosure import templates as T
from gov_disclosure.blocks import Cell, Table
from gov_disclosure.cells import INDEX, Grid
from gov_disclosure.codes import issue
from gov_disclosure.labels import Entry, Match, label_key, strip_numbering
from gov_disclosure.placement import Vector, row_candidates
from gov_disclosure.records import Issue
from gov_disclosure.repair import repair
from gov_disclosure.segment import stream_rows
from gov_disclosure.tables import Segment, segments
from gov_disclosure.templates import TableKind


class Sink:
    """Collects the issues of one table."""

    def __init__(self, table: TableKind) -> None:
        self.table = table
        self.items: list[Issue] = []

    def add(self, code: str, msg: str, cell: Cell | None = None, **where: Any) -> None:
        line = cell.pos.line if cell is not None else None
        self.items.append(issue(code, msg, line=line, table=self.table.value, **where))


def printed(values: Sequence[Cell], grid: Grid) -> str:
    """The non-blank values as printed, for messages."""
    return " | ".join(c.text.strip() for c in values if not grid.is_blank(c)) or "(none)"


@attrs.frozen
class RowPlan:
    """Each template row found in a table: its values placed in the columns (`fixed`), or the
    placements it could take (`options`), the segment it was read from (`where`), and the
    segments whose numbers no row took (`unplaced`: labels not in the template, values with
    no label)."""

    fixed: dict[str, Vector] = attrs.Factory(dict)
    options: dict[str, list[Vector]] = attrs.Factory(dict)
    where: dict[str, Segment] = attrs.Factory(dict)
    unplaced: list[Segment] = attrs.Factory(list)


@attrs.frozen
class Rows:
    """What finding rows needs to know: the table and template, each row's width, the report's
    cell facts, the header anchors (grid column -> template column) and where issues go."""

    kind: TableKind
    template: str
    width: Mapping[str, int]
    grid: Grid
    sink: Sink
    anchors: Mapping[int, int] = attrs.Factory(dict)
    label_cols: frozenset[tuple[int, int]] = frozenset()  # (row width, grid column) of row labels, never of a value
    columns: Sequence[T.Column] = ()  # the template columns every row of the table has (Table 3), if any
    value_cols: tuple[int, ...] = ()  # grid columns that hold the rows' values, in order (positional grids)
    headers: Mapping[int, int] = attrs.Factory(dict)  # grid column -> template column its header names
    streamed: bool = False  # positional, but the value columns do not line up with the template's

    def accepts(self, entry: Entry) -> bool:
        """A row label of this table in this template."""
        return entry.table == self.kind and entry.role == "row" and entry.template == self.template


def column_anchors(table: Table, columns: Sequence[T.Column], grid: Grid) -> dict[int, int]:
    """Grid column of each template column's header cell (position -> template column index),
    when every header is printed exactly once; empty when the grid cannot say."""
    found: dict[int, list[int]] = {}
    keys = {label_key(t): i for i, c in enumerate(columns) for t in c.texts}
    for cell in table.cells():
        i = keys.get(grid[cell].key) if grid.is_label(cell) else None
        if i is not None and cell.pos.col is not None:
            found.setdefault(i, []).append(cell.pos.col)
    if len(found) != len(columns) or any(len(v) != 1 for v in found.values()):
        return {}
    return {v[0]: i for i, v in found.items()}


def header_columns(table: Table, columns: Sequence[T.Column], grid: Grid, value_cols: Sequence[int]) -> dict[int, int]:
    """The grid columns, among `value_cols`, under a header that names one template column
    (printed in that grid column only, the only column named there): a partial `column_anchors`."""
    keys = {label_key(t): i for i, c in enumerate(columns) for t in c.texts}
    found: dict[int, set[int]] = {}
    for cell in table.cells():
        i = keys.get(grid[cell].key) if grid.is_label(cell) and cell.pos.col in value_cols else None
        if i is not None and cell.pos.col is not None:
            found.setdefault(i, set()).add(cell.pos.col)
    named: dict[int, set[int]] = {}
    for i, cols in found.items():
        if len(cols) == 1:
            named.setdefault(next(iter(cols)), set()).add(i)
    return {col: min(ix) for col, ix in named.items() if len(ix) == 1}


def value_columns(table: Table, rows: Rows) -> tuple[int, ...] | None:
    """The grid columns of the values of every row that prints a number, in order (the empty
    cells of label columns a row starts with left out); None when a cell has no column."""
    cols: set[int] = set()
    for seg in segments(table, rows.grid):
        values = seg.values[_lead(seg.values, rows) :]
        if all(rows.grid.is_blank(c) for c in values):
            continue
        if any(c.pos.col is None for c in values):
            return None
        cols |= {c.pos.col for c in values if c.pos.col is not None}
    return tuple(sorted(cols))


def aligned(rows: Rows, table: Table) -> Rows:
    """`rows` with the table's value columns and their headers, and whether they line up with
    the template's columns. A grid with fewer value columns than the template lines up only
    when its first value column is the template's first by its header and no header says
    otherwise (a table cut at the page's right edge); else its rows are read as streams: a
    short row padded at its end would put its numbers in columns it does not reach."""
    cols = value_columns(table, rows)
    if not rows.columns or not cols:
        return rows
    headers = header_columns(table, rows.columns, rows.grid, cols)
    lined = all(headers.get(c, i) == i for i, c in enumerate(cols)) and headers.get(cols[0]) == 0
    streamed = len(cols) < len(rows.columns) and not lined
    return attrs.evolve(rows, value_cols=cols, headers=headers, streamed=streamed)


def row_label(cell: Cell, rows: Rows) -> Match | None:
    """The template row a label names: exactly, without its numbering, or as the leading part
    of a label cut by a page break."""
    facts = rows.grid[cell]
    entry = facts.row(rows.kind, rows.template)
    if entry is not None:
        return Match(entry.key, False)
    return INDEX.fragment(facts.key, rows.accepts)


def completes(fragment: str, cell: Cell, rows: Rows) -> bool:
    """Whether `cell` is the rest of a row label cut by a page break (`…仍不` + `明确`)."""
    return INDEX.hit(label_key(fragment + rows.grid[cell].key)).first(rows.accepts) is not None


def _claim_bare_labels(seg: Segment, rows: Rows, plan: RowPlan) -> None:
    """Row labels followed by no values at all (left of the segment's label) are blank rows."""
    for cell in seg.labels_before:
        entry = rows.grid[cell].row(rows.kind, rows.template)
        if entry is not None and entry.key not in plan.where:
            plan.fixed[entry.key] = (None,) * rows.width[entry.key]
            plan.where[entry.key] = Segment(cell, ())


def _unmapped(label: Cell, filled: Sequence[Cell], rows: Rows) -> None:
    """Numbers under a label the template gives no row: a group's own subtotal, or a row the
    template does not have. Header fragments and captions carry none and are not reported."""
    found = rows.grid[label].entry(rows.kind)
    if found is not None and found.role != "group":
        return
    code, what = ("table.subtotal_row", "a group row") if found else ("table.unknown_row", "a row not in the template")
    text = label.text.strip().replace("\n", "")
    rows.sink.add(code, f"{what} {text!r} printed: {printed(filled, rows.grid)}", label, row=text)


def _texts(vec: Vector) -> list[str]:
    return [c.text.strip() if c else "" for c in vec]


def _replaces(plan: RowPlan, key: str, candidates: Sequence[Vector], seg: Segment, rows: Rows) -> bool:
    """A row printed again: the same values (a header repeated after a page break) are skipped,
    a blank first printing gives way, anything else keeps the first and says so."""
    old = plan.fixed.get(key)
    if old is not None and candidates and _texts(old) == _texts(candidates[0]):
        return False
    if old is not None and all(c is None or rows.grid.is_blank(c) for c in old):
        plan.fixed.pop(key)
        return True
    rows.sink.add(
        "table.duplicate_row",
        f"{key} printed again with {printed(seg.values, rows.grid)}; first kept",
        seg.label,
        row=key,
    )
    return False


def _agrees(vec: Vector, anchors: Mapping[int, int], grid: Grid) -> bool:
    """Every printed value of the candidate sits in the grid column of its header."""
    return all(
        c is None or grid.is_blank(c) or anchors.get(c.pos.col if c.pos.col is not None else -1) == i
        for i, c in enumerate(vec)
    )


def _under_headers(vec: Vector, headers: Mapping[int, int], grid: Grid) -> bool:
    """Every printed value of the candidate that sits under a column's header is in that column."""
    return all(
        c is None or grid.is_blank(c) or headers.get(c.pos.col if c.pos.col is not None else -1, i) == i
        for i, c in enumerate(vec)
    )


def _place(plan: RowPlan, key: str, candidates: list[Vector], seg: Segment, positional: bool, rows: Rows) -> None:
    """Keep the row's one placement, or its open ones; where the grid keeps its columns, a
    candidate that puts every value under its own header wins over the others; a row read as
    a stream keeps the candidates whose values sit under their headers."""
    if not candidates:
        filled = [c for c in seg.values if not rows.grid.is_blank(c)]
        rows.sink.add(
            "table.row_width",
            f"{key}: {len(filled)} values for {rows.width[key]} columns: {printed(filled, rows.grid)}",
            seg.label,
            row=key,
        )
        plan.fixed[key] = (None,) * rows.width[key]
        return
    if len(candidates) > 1 and rows.anchors and positional:
        agreeing = [v for v in candidates if _agrees(v, rows.anchors, rows.grid)]
        candidates = agreeing if len(agreeing) == 1 else candidates
    if len(candidates) > 1 and rows.streamed:
        candidates = [v for v in candidates if _under_headers(v, rows.headers, rows.grid)] or candidates
    if len(candidates) == 1:
        plan.fixed[key] = candidates[0]
    else:
        plan.options[key] = candidates


def _joined(seg: Segment, rows: Rows) -> Match | None:
    """The row a label names together with the label cell before it: a label cut by a page
    break whose tail carries the numbers (`补正后申请内容仍不` / `明确 | 0 | 0`)."""
    if seg.label is None or not seg.labels_before:
        return None
    head = rows.grid[seg.labels_before[-1]]
    if head.entry(rows.kind) is not None:
        return None
    entry = INDEX.hit(label_key(head.key + rows.grid[seg.label].key)).first(rows.accepts)
    return None if entry is None else Match(entry.key, False)


def _headed(seg: Segment, nxt: Segment, rows: Rows) -> Match | None:
    """The row a label names together with the next label, when a page break cut it after its
    first characters and the numbers stayed on the head (`行 | 0 | 0` / `政事业性收费 | | `): the
    next segment carries no number, names no row itself, and the pair names exactly one."""
    if seg.label is None or nxt.label is None or nxt.labels_before:
        return None
    if any(not rows.grid.is_blank(c) for c in nxt.values) or row_label(nxt.label, rows) is not None:
        return None
    entry = INDEX.hit(label_key(rows.grid[seg.label].key + rows.grid[nxt.label].key)).first(rows.accepts)
    return None if entry is None else Match(entry.key, False)


def _unsplit_row(cell: Cell, rows: Rows) -> tuple[str, tuple[str, ...]] | None:
    """The template row and sub-rows an unsplit label prints (2021: （六）其他处理 as one row)."""
    body = strip_numbering(rows.grid[cell].key)
    for label, parts in T.get(rows.template).unsplit if rows.kind == TableKind.REQUESTS else ():
        if any(strip_numbering(label_key(t)) == body for t in label.texts):
            return label.key, parts
    return None


def plan_rows(table: Table, rows: Rows) -> RowPlan:
    """Find each template row's segment and its candidate placements: by label, then the rows
    whose label is damaged by their place in the template's order (`repair.repair`), then
    a group printed unsplit where the template splits it."""
    plan = RowPlan()
    if not table.dropped_empty:
        rows = aligned(attrs.evolve(rows, label_cols=label_columns(table, rows.grid)), table)
    fragment: tuple[str, str] | None = None  # folded text so far of a row label cut by a page break, its row
    positional = not table.dropped_empty and not rows.streamed
    printed_order: list[tuple[str | None, Segment, str]] = []  # row key (None: not known), segment, label key
    unsplit: list[tuple[str, tuple[str, ...], Segment]] = []
    segs = segments(table, rows.grid)
    tails: set[int] = set()  # segments that are the blank rest of a label whose head carried the numbers
    for i, seg in enumerate(segs):
        if i in tails:
            continue
        _claim_bare_labels(seg, rows, plan)
        filled = [c for c in seg.values if not rows.grid.is_blank(c)]
        if seg.label is None:
            if filled and rows.kind != TableKind.REVIEWS:
                msg = f"values without a row label: {printed(filled, rows.grid)}"
                rows.sink.add("table.unknown_row", msg, filled[0])
                plan.unplaced.append(seg)
            continue
        m = row_label(seg.label, rows) or (_joined(seg, rows) if filled else None)
        if m is None and filled and i + 1 < len(segs) and (m := _headed(seg, segs[i + 1], rows)) is not None:
            tails.add(i + 1)
        if m is None and fragment is not None and completes(fragment[0], seg.label, rows):
            m, fragment = (Match(fragment[1], False) if filled else None), None  # the tail may carry the numbers
            if m is None:
                continue
        if m is None:
            if filled and (whole := _unsplit_row(seg.label, rows)) is not None:
                unsplit.append((*whole, seg))
            elif filled and rows.grid[seg.label].entry(rows.kind) is None and not rows.grid[seg.label].tables:
                printed_order.append((None, seg, rows.grid[seg.label].key))
            elif filled:
                _unmapped(seg.label, filled, rows)
            continue
        printed_order.append((m.key, seg, rows.grid[seg.label].key))
        fragment = (rows.grid[seg.label].key, m.key) if m.fragment else None
        if positional or not _take_stacked(plan, _stack(seg, m.key, rows), seg, rows):
            _take(plan, m.key, seg, positional, rows)
    for seg, fix in repair(printed_order, set(plan.where), _row_texts(rows)):
        assert seg.label is not None
        if fix is not None and not _sums_fit(seg, fix.key, positional, rows, whole=fix.whole):
            fix = None
        if fix is None:
            _unmapped(seg.label, [c for c in seg.values if not rows.grid.is_blank(c)], rows)
            plan.unplaced.append(seg)
            continue
        text = seg.label.text.strip().replace("\n", "")
        msg = f"{text!r} read as {fix.key} ({fix.label!r}) by its place among the rows and its likeness"
        rows.sink.add("table.label_repaired", msg, seg.label, row=fix.key)
        _take(plan, fix.key, seg, positional, rows)
    for key, parts, seg in unsplit:
        _take_unsplit(plan, key, parts, seg, positional, rows)
    return plan


def _stack(seg: Segment, key: str, rows: Rows) -> list[tuple[str, Cell]]:
    """The rows whose labels stand stacked right before `seg`'s own (row `key`), consecutive in
    the template's order and ending with it, each with its label cell (Table 3 only: its rows
    end with their sum)."""
    if rows.kind != TableKind.REQUESTS or seg.label is None:
        return []
    order = [r.key for r in T.get(rows.template).table3_rows]
    joined = row_label(seg.label, rows) is None and _joined(seg, rows) is not None
    before = seg.labels_before[:-1] if joined else seg.labels_before
    out = [(key, seg.label)]
    for cell in reversed(before):
        entry = rows.grid[cell].row(rows.kind, rows.template)
        at = order.index(out[0][0]) if out[0][0] in order else 0
        if entry is None or at == 0 or order[at - 1] != entry.key:
            break
        out.insert(0, (entry.key, cell))
    return out if len(out) > 1 else []


def _take_stacked(plan: RowPlan, stack: Sequence[tuple[str, Cell]], seg: Segment, rows: Rows) -> bool:
    """Rows whose labels are stacked and whose numbers follow as one stream, row by row: each
    row whose segment every fitting cut agrees on and that prints every column (or none) is
    read; the others stay null. False (nothing taken) when the stream does not fit them or
    no row is read."""
    width = rows.width[stack[0][0]] if stack else 0
    filled = [c for c in seg.values if not rows.grid.is_blank(c)]
    if not stack or any(rows.width[k] != width for k, _ in stack):
        return False
    if any(k in plan.where and plan.where[k].values for k, _ in stack):  # printed before with numbers
        return False
    got = stream_rows(filled, len(stack), width, rows.grid.number)
    if got is None or not any(cells is not None and len(cells) == width for cells in got):
        return False  # the cut reads no row: the last label keeps the numbers, as a lone row's
    for (key, label), cells in zip(stack, got, strict=True):
        plan.fixed.pop(key, None)
        plan.where[key] = Segment(label, cells if cells is not None else tuple(filled))
        if cells is not None and len(cells) in (0, width):
            plan.fixed[key] = cells or (None,) * width
            shown = printed(cells, rows.grid) if cells else "(none)"
            msg = f"{key}: printed {shown}, cut from the numbers after {len(stack)} stacked row labels"
            rows.sink.add("placement.inferred", msg, label, row=key)
            continue
        plan.fixed[key] = (None,) * width
        msg = (
            f"{key}: its numbers are among {printed(filled, rows.grid)}, printed after {len(stack)}"
            " stacked row labels; which ones is not certain"
        )
        rows.sink.add("placement.ambiguous", msg, label, row=key)
    return True


def _sums_fit(seg: Segment, key: str, positional: bool, rows: Rows, whole: bool = False) -> bool:
    """A damaged label is read as row `key` only when the row's own arithmetic confirms it:
    some placement of its values satisfies every row-wise identity of its table. A table with
    none (Table 2) confirms nothing, so only a label that prints the row's `whole` label is read."""
    idents = [i for i in T.get(rows.template).identities if i.table == rows.kind and i.axis == "row"]
    if rows.kind != TableKind.REQUESTS or not idents:
        return whole
    index = {c: k for k, c in enumerate(T.TABLE3_COLUMN_KEYS)}
    for vec in row_candidates(
        _values(seg, key, rows), rows.width[key], positional=positional, is_blank=rows.grid.is_blank
    ):
        nums = [rows.grid.number(c) for c in vec]
        if all(sum(nums[index[c]] or 0 for c in i.lhs) == sum(nums[index[c]] or 0 for c in i.rhs) for i in idents):
            return True
    return False


def _row_texts(rows: Rows) -> dict[str, tuple[str, ...]]:
    """Each row's label texts, in the template's order (Table 4 has no rows)."""
    tpl = T.get(rows.template)
    if rows.kind == TableKind.PROACTIVE:
        return {r.key: r.texts for b in tpl.table2 for r in b.rows}
    return {r.key: r.texts for r in tpl.table3_rows} if rows.kind == TableKind.REQUESTS else {}


def _width(cells: Sequence[Cell]) -> int:
    """How many grid columns a row spans: one past its last cell's column (0 when not known)."""
    cols = [c.pos.col for c in cells if c.pos.col is not None]
    return max(cols) + 1 if cols else 0


def label_columns(table: Table, grid: Grid) -> frozenset[tuple[int, int]]:
    """(row width, grid column) pairs where, among the rows of that width, a column holds a row
    label beside values in some row and a value in none: where a grid keeps its empty cells, an
    empty cell there is a label column's, no blank value. Rows of another width are not held to
    it: html2text prints a group's label as an extra first cell on the group's first row only,
    so there the second column is a label, and in the shorter rows the 自然人 value."""
    labels: set[tuple[int, int]] = set()
    values: set[tuple[int, int]] = set()
    for row in table.rows:
        kinds = [(c.pos.col, grid[c].kind) for c in row if c.pos.col is not None]
        if any(k == "value" for _, k in kinds):
            width = _width(row)
            labels |= {(width, col) for col, k in kinds if k == "label"}
            values |= {(width, col) for col, k in kinds if k == "value"}
    return frozenset(labels - values)


def _lead(values: Sequence[Cell], rows: Rows) -> int:
    """How many empty cells of label columns (of rows as wide as theirs) `values` start with."""
    width = _width(values)
    k = 0
    while k < len(values) and not values[k].text.strip() and (width, values[k].pos.col) in rows.label_cols:
        k += 1
    return k


def _values(seg: Segment, key: str, rows: Rows) -> tuple[Cell, ...]:
    """The segment's values without the empty cells of label columns they start with: a label
    printed in the first of two label columns leaves the second empty, and that is no blank
    value (it would shift the row one column right). A row still wider than the template's is
    left whole: its columns do not line up, and its windows try it shifted."""
    k = _lead(seg.values, rows)
    return seg.values[k:] if len(seg.values) - k <= rows.width[key] else seg.values


def _take(plan: RowPlan, key: str, seg: Segment, positional: bool, rows: Rows) -> None:
    """Place `seg`'s values as row `key`, unless a first printing of the row is kept."""
    candidates = row_candidates(
        _values(seg, key, rows), rows.width[key], positional=positional, is_blank=rows.grid.is_blank
    )
    if key in plan.where and not _replaces(plan, key, candidates, seg, rows):
        return
    plan.where[key] = seg
    _place(plan, key, candidates, seg, positional, rows)


def _take_unsplit(plan: RowPlan, key: str, parts: Sequence[str], seg: Segment, positional: bool, rows: Rows) -> None:
    """A group printed as one row: its numbers are row `key` when none of its sub-rows is
    printed; beside them it is the group's own subtotal."""
    assert seg.label is not None
    filled = [c for c in seg.values if not rows.grid.is_blank(c)]
    text = seg.label.text.strip().replace("\n", "")
    if any(p in plan.where for p in parts) or key in plan.where:
        msg = f"a group row {text!r} printed: {printed(filled, rows.grid)}"
        rows.sink.add("table.subtotal_row", msg, seg.label, row=text)
        return
    msg = f"{text!r} printed as one row: its numbers kept as {key}; {', '.join(parts)} stay null"
    rows.sink.add("table.unsplit_row", msg, seg.label, row=key)
    width = dict(rows.width)
    width[key] = rows.width[parts[0]]
    _take(plan, key, seg, positional, attrs.evolve(rows, width=width))

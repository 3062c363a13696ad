"""Which template table a grid is, and the labelled runs of values inside it.

Every reader's grid ends here, so everything after is written once. A grid is read as label
cells followed by value cells: a `Segment` is the last label before a run of values and those
values. This survives flattened merged headers, labels in 1-3 columns, rows split over lines
and, for dumps that drop empty cells, the loss of row structure itself. What each cell is comes
from the report's `cells.Grid`, read once.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gov_disclosure import templates as T
from gov_disclosure.blocks import Cell, Table
from gov_disclosure.cells import Grid, read_grid
from gov_disclosure.grid import without_covered
from gov_disclosure.labels import label_key
from gov_disclosure.templates import TableKind


@attrs.frozen
class Segment:
    label: Cell | None
    values: tuple[Cell, ...]
    labels_before: tuple[Cell, ...] = ()  # other label cells of the same row, left of `label`


MIN_HITS = 4  # label points a grid needs to be a template table


def table_kind(table: Table, grid: Grid | None = None) -> TableKind | None:
    """The template table this grid holds, by how many of its labels it prints: a label of
    one table counts 2, a column header (shared ones like 总计/其他 among them) 1."""
    grid = grid or read_grid([table])
    labels = [f for f in (grid[c] for row in table.rows for c in row) if f.kind == "label"]
    best, best_hits = None, 0
    for kind in TableKind:
        hits = 0
        for facts in labels:
            entry = facts.tables.get(kind)
            if entry is not None:
                hits += 1 if entry.role == "header" else 2
        if hits > best_hits:
            best, best_hits = kind, hits
    return best if best_hits >= MIN_HITS else None


def table_kinds(tables: Sequence[Table], grid: Grid | None = None) -> list[TableKind | None]:
    """The template table of each grid, in reading order: by its own labels (`table_kind`), else,
    for a grid too small to show them, by its neighbours. A grid each of whose rows is a row
    label of one table with its values continues that table when the grid before it is one
    (a Table 2 row printed apart: `行政事业性收费 25 -2`); a grid of header words of one table,
    two at least, and no label of another, heads the grid after it when that grid is the table."""
    grid = grid or read_grid(tables)
    kinds = [table_kind(t, grid) for t in tables]
    for i, t in enumerate(tables[1:], 1):
        before = kinds[i - 1]
        if kinds[i] is None and before is not None and _rows_of(t, before, grid):
            kinds[i] = before
    for i in range(len(tables) - 2, -1, -1):
        nxt = kinds[i + 1]
        if kinds[i] is None and nxt is not None and _header_of(tables[i], nxt, grid):
            kinds[i] = nxt
    return kinds


def _names(cell: Cell, grid: Grid) -> set[str]:
    """The tables a label cell names."""
    return set(grid[cell].tables)


def _rows_of(table: Table, kind: TableKind, grid: Grid) -> bool:
    """Whether every row of `table` is a row of `kind`: a label naming that row and no other
    table's label, then at least one value (a sentence or a list of names is no row)."""
    for row in table.rows:
        labels = [c for c in row if grid.is_label(c)]
        values = [c for c in row if grid[c].kind == "value"]
        if not labels or not values or any(_names(c, grid) != {kind} for c in labels):
            return False
        if not any(e.role == "row" for c in labels for e in (grid[c].tables.get(kind),) if e is not None):
            return False
        if row.index(values[0]) < row.index(labels[-1]):  # a label after a value: not one row
            return False
    return bool(table.rows)


def _header_of(table: Table, kind: TableKind, grid: Grid) -> bool:
    """Whether `table` is the head of a `kind` table printed apart: two header words of `kind` at
    least, no label of another table (words it does not know may be a header split into single
    characters, or its first rows with labels too damaged to name them)."""
    hits = 0
    for cell in table.cells():
        facts = grid[cell]
        if facts.kind != "label" or not facts.tables:
            continue
        entry = facts.tables.get(kind)
        if entry is None or entry.role not in ("header", "group"):
            return False
        hits += 1
    return hits >= 2


def _row_kind(row: Sequence[Cell], grid: Grid) -> TableKind | None:
    """The table kind a row's own labels name (headers shared between tables do not count)."""
    votes: dict[TableKind, int] = {}
    for cell in row:
        facts = grid[cell]
        if facts.kind != "label":
            continue
        for kind in TableKind:
            entry = facts.tables.get(kind)
            if entry is not None and entry.role != "header":
                votes[kind] = votes.get(kind, 0) + 1
    return max(votes, key=lambda k: votes[k]) if votes else None


def split_by_kind(table: Table, grid: Grid | None = None) -> list[Table]:
    """One grid per template table when a block holds several (all three tables in one HTML
    `<table>`, a dump with no heading between them). Rows without labels of their own (headers,
    data rows of Table 4) stay with the table before them; a kind needs two labelled rows."""
    grid = grid or read_grid([table])
    kinds = [_row_kind(row, grid) for row in table.rows]
    counts = {k: kinds.count(k) for k in set(kinds) if k is not None}
    if len([k for k, n in counts.items() if n >= 2]) < 2:
        return [table]
    parts: list[list[tuple[Cell, ...]]] = []
    current: TableKind | None = None
    for row, kind in zip(table.rows, kinds, strict=True):
        if kind is not None and counts[kind] >= 2 and kind != current and (current is not None or parts):
            parts.append([])
        if kind is not None and counts[kind] >= 2:
            current = kind
        if not parts:
            parts.append([])
        parts[-1].append(row)
    return [attrs.evolve(table, rows=tuple(p)) for p in parts if p]


def segments(table: Table, grid: Grid | None = None) -> list[Segment]:
    """Split the grid into (label, values) runs. Rows bound a run unless the dump dropped its
    empty cells, in which case rows mean nothing and the cells are read as one stream."""
    grid = grid or read_grid([table])
    rows: list[list[Cell]] = without_covered(table.rows)
    if table.dropped_empty:
        stream = [c for row in rows for c in row]
        rows = [stream] if stream else []
    out: list[Segment] = []
    for row in rows:
        label: Cell | None = None
        before: list[Cell] = []
        values: list[Cell] = []
        for cell in row:
            if not grid.is_label(cell):
                values.append(cell)
                continue
            if values:
                out.append(Segment(label, tuple(values), tuple(before)))
                before, values = [], []
            elif label is not None:
                before.append(label)
            label = cell
        if label is not None or values:
            out.append(Segment(label, tuple(values), tuple(before)))
    return out


def join(tables: Sequence[Table]) -> Table:
    """One grid from the parts of a table split over pages or blocks."""
    if len(tables) == 1:
        return tables[0]
    first = tables[0]
    return attrs.evolve(
        first,
        rows=tuple(r for t in tables for r in t.rows),
        dropped_empty=any(t.dropped_empty for t in tables),
    )


_MARKER_KEYS = tuple((tpl.name, tuple(label_key(m) for m in tpl.markers)) for tpl in T.all_templates())


def template_votes(tables: Sequence[Table], grid: Grid | None = None) -> dict[str, int]:
    """How many of each template's marker labels the tables print (inside any cell)."""
    grid = grid or read_grid(tables)
    keys = {grid[c].key for t in tables for c in t.cells() if grid.is_label(c)}
    if not keys:
        return {name: 0 for name, _ in _MARKER_KEYS}
    # Folded keys hold no line breaks, so a marker is inside one of them iff inside them joined.
    printed = "\n".join(keys)
    return {name: sum(1 for m in markers if m in printed) for name, markers in _MARKER_KEYS}

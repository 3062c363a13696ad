"""Which template table a grid is, and the labelled runs of values inside it.

Every reader's grid ends here, so everything after is written once. A grid is read as label
cells followed by value cells: a `Segment` is the last label before a run of values and those
values. This survives flattened merged headers, labels in 1-3 columns, rows split over lines
and, for dumps that drop empty cells, the loss of row structure itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gov_disclosure import templates as T
from gov_disclosure.blocks import Cell, Table
from gov_disclosure.labels import LabelIndex, label_key
from gov_disclosure.normalize import looks_numeric

KINDS = ("proactive", "requests", "reviews")


@attrs.frozen
class Segment:
    label: Cell | None
    values: tuple[Cell, ...]
    labels_before: tuple[Cell, ...] = ()  # other label cells of the same row, left of `label`


def _entries(kind: str) -> list[tuple[str, str, bool]]:
    out: list[tuple[str, str, bool]] = []
    if kind == "proactive":
        for blocks in T.TABLE2.values():
            for b in blocks:
                out.append(("caption", b.caption, False))
                out += [(r.key, t, r.numbered) for r in b.rows for t in r.texts]
                out += [("header", t, False) for c in b.columns for t in c.texts]
        out += [("header", t, False) for t in T.TABLE2_HEADER]
    elif kind == "requests":
        for rows in T.TABLE3_ROWS.values():
            out += [(r.key, t, r.numbered) for r in rows for t in r.texts]
        out += [("group", t, False) for t in T.TABLE3_GROUPS]
        out += [("header", t, False) for c in T.TABLE3_COLUMNS for t in c.texts]
        out += [("header", t, False) for t in T.TABLE3_HEADER]
    else:
        out += [(g.key, t, False) for g in T.TABLE4_GROUPS for t in g.texts]
        out += [("header", t, False) for c in T.TABLE4_COLUMNS for t in c.texts]
        out += [("header", t, False) for t in T.TABLE4_HEADER]
    return out


INDEXES = {kind: LabelIndex(_entries(kind)) for kind in KINDS}
# Labels that identify a table kind on their own (shared ones like 总计/其他 do not count).
_SHARED = {"header"}


def classify(table: Table) -> str | None:
    """The template table this grid holds, by how many of its labels it prints."""
    texts = [c.text for c in table.cells() if c.text.strip() and not looks_numeric(c.text)]
    best, best_hits = None, 0
    for kind in KINDS:
        index = INDEXES[kind]
        hits = 0
        for text in texts:
            m = index.match(text)
            if m is not None:
                hits += 1 if m.key in _SHARED else 2
        if hits > best_hits:
            best, best_hits = kind, hits
    return best if best_hits >= 4 else None


def _row_kind(row: Sequence[Cell]) -> str | None:
    """The table kind a row's own labels name (headers shared between tables do not count)."""
    votes: dict[str, int] = {}
    for cell in row:
        if not is_label(cell):
            continue
        for kind in KINDS:
            m = INDEXES[kind].match(cell.text)
            if m is not None and m.key not in _SHARED:
                votes[kind] = votes.get(kind, 0) + 1
    return max(votes, key=lambda k: votes[k]) if votes else None


def split_by_kind(table: Table) -> list[Table]:
    """One grid per template table when a block holds several (all three tables in one HTML
    `<table>`, a dump with no heading between them). Rows without labels of their own (headers,
    data rows of Table 4) stay with the table before them; a kind needs two labelled rows."""
    kinds = [_row_kind(row) for row in table.rows]
    counts = {k: kinds.count(k) for k in set(kinds) if k is not None}
    if len([k for k, n in counts.items() if n >= 2]) < 2:
        return [table]
    parts: list[list[tuple[Cell, ...]]] = []
    current: str | None = None
    for row, kind in zip(table.rows, kinds, strict=True):
        if kind is not None and counts[kind] >= 2 and kind != current and (current is not None or parts):
            parts.append([])
        if kind is not None and counts[kind] >= 2:
            current = kind
        if not parts:
            parts.append([])
        parts[-1].append(row)
    return [attrs.evolve(table, rows=tuple(p)) for p in parts if p]


def is_label(cell: Cell) -> bool:
    return bool(cell.text.strip()) and not looks_numeric(cell.text)


def segments(table: Table) -> list[Segment]:
    """Split the grid into (label, values) runs. Rows bound a run unless the dump dropped its
    empty cells, in which case rows mean nothing and the cells are read as one stream."""
    rows: list[list[Cell]] = _without_covered(table.rows)
    if table.dropped_empty:
        stream = [c for row in rows for c in row]
        rows = [stream] if stream else []
    out: list[Segment] = []
    for row in rows:
        label: Cell | None = None
        before: list[Cell] = []
        values: list[Cell] = []
        for cell in row:
            if not is_label(cell):
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


def _without_covered(rows: Sequence[Sequence[Cell]]) -> list[list[Cell]]:
    """Drop the grid slots a merged cell covers (HTML/DOCX/PDF grids keep them as empty
    cells): they are the merge, not blank values."""
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if (cell.rowspan > 1 or cell.colspan > 1) and (r, c) not in covered:
                covered.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan) if dr or dc)
    if not covered:
        return [list(row) for row in rows]
    return [[cell for c, cell in enumerate(row) if (r, c) not in covered] for r, row in enumerate(rows)]


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


def template_votes(tables: Sequence[Table]) -> dict[str, int]:
    """How many of each template's marker labels the tables print (inside any cell)."""
    keys = {label_key(c.text) for t in tables for c in t.cells() if c.text.strip() and not looks_numeric(c.text)}
    return {
        template: sum(1 for m in map(label_key, markers) if any(m in k for k in keys))
        for template, markers in T.TEMPLATE_MARKERS.items()
    }

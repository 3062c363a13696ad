"""Per-cell facts, computed once per report: what a cell is and which template labels it names.

Classification, splitting, segments, template votes and row matching all ask the same three
questions of a cell: is it a label, a value or blank; what is its folded label key; which
template labels does it match. `read_grid` answers them once for every cell of a report's
tables (the answers depend on the text alone, so each distinct text is read once), against
ONE label index over all three tables and both templates (`INDEX`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

import attrs

from gov_disclosure import templates as T
from gov_disclosure.blocks import Cell, Table
from gov_disclosure.labels import Entry, Hit, LabelIndex, label_parts
from gov_disclosure.normalize import ValueParseError, fold, folded_count, folded_kind
from gov_disclosure.templates import TableKind


def _entries() -> Iterator[tuple[Entry, str, bool]]:
    """Every label of every table, per table in the order its matches are preferred."""
    proactive, requests, reviews = TableKind.PROACTIVE, TableKind.REQUESTS, TableKind.REVIEWS
    for tpl in T.all_templates():
        for b in tpl.table2:
            yield Entry(proactive, "caption", template=tpl.name), b.caption, False
            yield from ((Entry(proactive, "row", r.key, tpl.name), t, r.numbered) for r in b.rows for t in r.texts)
            yield from ((Entry(proactive, "header", template=tpl.name), t, False) for c in b.columns for t in c.texts)
    yield from ((Entry(proactive, "header"), t, False) for t in T.TABLE2_HEADER)
    for tpl in T.all_templates():
        yield from ((Entry(requests, "row", r.key, tpl.name), t, r.numbered) for r in tpl.table3_rows for t in r.texts)
    yield from ((Entry(requests, "group"), t, False) for t in T.TABLE3_GROUPS)
    yield from ((Entry(requests, "header"), t, False) for c in T.TABLE3_COLUMNS for t in c.texts)
    yield from ((Entry(requests, "header"), t, False) for t in T.TABLE3_HEADER)
    yield from ((Entry(reviews, "column_group", g.key), t, False) for g in T.TABLE4_GROUPS for t in g.texts)
    yield from ((Entry(reviews, "header"), t, False) for c in T.TABLE4_COLUMNS for t in c.texts)
    yield from ((Entry(reviews, "header"), t, False) for t in T.TABLE4_HEADER)


INDEX = LabelIndex(_entries())

CellKind = Literal["label", "value", "blank"]


RowKey = tuple[str, str | None]  # (table, template) of a row label


@attrs.frozen
class CellFacts:
    """A cell's kind (a label, a value, or blank: empty or a dash), its folded text, and for
    labels their folded key (`labels.label_key`) and what they match in `INDEX`: every match
    (`hit`), the first label of each table (`tables`) and the first row label of each table
    and template (`rows`), exact matches before matches without numbering."""

    kind: CellKind
    folded: str
    key: str = ""
    hit: Hit = Hit()
    tables: Mapping[str, Entry] = attrs.field(factory=dict)
    rows: Mapping[RowKey, Entry] = attrs.field(factory=dict)

    def entry(self, table: TableKind) -> Entry | None:
        """The label of `table` this cell prints, if any (a row, caption, header or group)."""
        return self.tables.get(table)

    def row(self, table: TableKind, template: str) -> Entry | None:
        """The row of `table` in `template` this cell labels, if any."""
        return self.rows.get((table, template))


def read_facts(text: str) -> CellFacts:
    """The facts of one cell text: a label is any text that is not a value or blank."""
    folded = fold(text)
    kind = folded_kind(folded)
    if kind != "text" or not text.strip():
        return CellFacts("blank" if kind == "blank" else "value", folded)
    key, _, body = label_parts(folded)
    hit = INDEX.hit(key, body)
    tables: dict[str, Entry] = {}
    rows: dict[RowKey, Entry] = {}
    for e in (*hit.exact, *hit.body):
        tables.setdefault(e.table, e)
        if e.role == "row":
            rows.setdefault((e.table, e.template), e)
    return CellFacts("label", folded, key, hit, tables, rows)


@attrs.frozen
class Grid:
    """The facts of every cell of a report's tables."""

    facts: Mapping[str, CellFacts]

    def __getitem__(self, cell: Cell) -> CellFacts:
        return self.facts[cell.text]

    def is_label(self, cell: Cell) -> bool:
        return self.facts[cell.text].kind == "label"

    def is_blank(self, cell: Cell) -> bool:
        """Empty or a dash placeholder: read as null."""
        return self.facts[cell.text].kind == "blank"

    def count(self, cell: Cell) -> int | None:
        """The count a cell prints (`normalize.parse_count`), read from its folded text."""
        try:
            return folded_count(self.facts[cell.text].folded)
        except ValueParseError:
            raise ValueParseError(f"not a count: {cell.text.strip()!r}") from None

    def number(self, cell: Cell | None) -> int | None:
        """The count in a cell for arithmetic; None when blank or unreadable."""
        if cell is None:
            return None
        try:
            return folded_count(self.facts[cell.text].folded)
        except ValueParseError:
            return None


def read_grid(tables: Iterable[Table]) -> Grid:
    """The facts of every cell of `tables`, each distinct text read once."""
    facts: dict[str, CellFacts] = {}
    for table in tables:
        for row in table.rows:
            for cell in row:
                if cell.text not in facts:
                    facts[cell.text] = read_facts(cell.text)
    return Grid(facts)

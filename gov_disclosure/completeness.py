"""Which of a report's template cells were read, printed blank, or are missing.

A null cell is *blank* when the source prints it blank (an empty cell, a dash), or when a dump
dropped it and the placement put no number there. It is *missing* when the parser did not read
it: its table or row was not found, its row's placement was not settled, or its text is no
number. The records alone cannot always tell the two apart (a dump that drops empty cells leaves
`raw` and `origin` unset for a blank cell and for a missing one alike), so the report's issues
decide: an issue whose code leaves null (`codes.Code.leaves_null`) names the cells it left null,
by table, row and column (a None row or column, or a row the table does not have, names them
all). A null `Count` whose `raw` text is not blank is missing too, with or without an issue.
Issues and values both survive JSON, so a report read back with `from_dict` says the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from gov_disclosure import templates as T
from gov_disclosure.codes import CODES
from gov_disclosure.normalize import is_blank_value
from gov_disclosure.records import Completeness, Count, Issue, Money, Report
from gov_disclosure.templates import TableKind

CellState = Literal["read", "blank", "missing"]
CellRef = tuple[str, str, str]
"""(table, row, column) of a template cell, in the records' keys."""

_ABSENT = object()


def template_cells(report: Report) -> dict[str, list[tuple[str, str]]]:
    """The (row, column) cells of each table of the report's template: Table 2 only when the
    template is known (it is mapped only then); Tables 3 and 4 of the default otherwise."""
    known = T.find(report.template)
    tpl = known or T.get(None)
    out: dict[str, list[tuple[str, str]]] = {}
    if known is not None:
        out[TableKind.PROACTIVE.value] = [(r.key, c.key) for b in tpl.table2 for r in b.rows for c in b.columns]
    out[TableKind.REQUESTS.value] = [(r.key, c) for r in tpl.table3_rows for c in T.TABLE3_COLUMN_KEYS]
    out[TableKind.REVIEWS.value] = [(g.key, c.key) for g in T.TABLE4_GROUPS for c in T.TABLE4_COLUMNS]
    return out


def left_null(issues: Iterable[Issue], rows: Mapping[str, Iterable[str]]) -> set[tuple[str, str | None, str | None]]:
    """What the issues that leave null name: (table, row, column), None for all rows or columns.
    `rows` holds each table's rows; an issue naming another row (or none) names the whole table."""
    known = {t: set(r) for t, r in rows.items()}
    out: set[tuple[str, str | None, str | None]] = set()
    for i in issues:
        code = CODES.get(i.code)
        if code is None or not code.leaves_null or i.table is None:
            continue
        if i.row is None or i.row not in known.get(i.table, ()):
            out.add((i.table, None, None))
        else:
            out.add((i.table, i.row, i.column))
    return out


def _value(report: Report, table: str, row: str, column: str) -> object:
    record = getattr(report, table, None)
    found = getattr(record, row, None) if record is not None else None
    return _ABSENT if found is None else getattr(found, column, _ABSENT)


def _state(value: object, lost: bool) -> CellState:
    if value is _ABSENT:
        return "missing"
    if isinstance(value, (Count, Money)):
        if value.value is not None:
            return "read"
        if value.raw is not None and not is_blank_value(value.raw):
            return "missing"
    return "missing" if lost else "blank"


def cell_states(report: Report) -> dict[CellRef, CellState]:
    """Each template cell of the report (`template_cells`) and whether it was read, printed
    blank, or is missing (see the module doc), in the template's order."""
    cells = template_cells(report)
    lost = left_null(report.issues, {t: (r for r, _ in rc) for t, rc in cells.items()})
    out: dict[CellRef, CellState] = {}
    for table, pairs in cells.items():
        whole = (table, None, None) in lost
        for row, column in pairs:
            gone = whole or (table, row, None) in lost or (table, row, column) in lost
            out[(table, row, column)] = _state(_value(report, table, row, column), gone)
    return out


def completeness(report: Report) -> Completeness:
    """How many of the report's template cells were read, printed blank, or are missing."""
    states = list(cell_states(report).values())
    return Completeness(len(states), states.count("read"), states.count("blank"), states.count("missing"))

"""Export: a `Report` written as JSON, JSON Lines or long-format CSV.

Every form goes through the records' one converter (`records.to_dict`, `records.from_dict`):
the JSON contract (`shared/spec/json-contract.md`) is defined once, with the records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from gov_disclosure.completeness import cell_states
from gov_disclosure.records import Report, from_dict, provenance, table_values, to_dict

__all__ = ["CSV_FIELDS", "csv_rows", "from_dict", "provenance", "to_csv", "to_dict", "to_json", "to_jsonl"]


def to_json(report: Report, *, indent: int | None = 2, with_provenance: bool = False) -> str:
    return json.dumps(to_dict(report, with_provenance=with_provenance), ensure_ascii=False, indent=indent)


def to_jsonl(reports: Iterable[Report]) -> Iterator[str]:
    for report in reports:
        yield json.dumps(to_dict(report), ensure_ascii=False)


CSV_FIELDS = (
    "path",
    "year",
    "organization",
    "template",
    "table",
    "row",
    "column",
    "value",
    "raw",
    "line",
    "state",
    "missing",
)
"""`state`: the cell was `read`, printed `blank`, or is `missing` (not read by the parser; empty
for a cell outside the template); `missing`: how many of the report's template cells are
missing, the same on each of its lines (`completeness.completeness`)."""


def csv_rows(report: Report) -> Iterator[list[Any]]:
    """One report's lines of the long-format CSV (`CSV_FIELDS`)."""
    states = cell_states(report)
    missing = sum(s == "missing" for s in states.values())
    for key, value in table_values(report):
        table, row, column = key.split(".", 2)
        line = value.origin.line if value.origin else None
        where = [report.source.path, report.year, report.organization, report.template, table, row, column]
        yield [*where, value.value, value.raw, line, states.get((table, row, column)), missing]


def to_csv(reports: Iterable[Report]) -> str:
    """Long-format CSV: one line per table cell of every report."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for report in reports:
        writer.writerows(csv_rows(report))
    return buf.getvalue()

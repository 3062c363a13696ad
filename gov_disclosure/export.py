"""Export: one cattrs converter, configured here, turns a `Report` into the JSON contract
(`shared/spec/json-contract.md`) and back. JSON, JSON Lines and CSV all go through it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from gov_disclosure import records as R

_ROW_HOLDERS = (R.Proactive2019, R.Proactive2021, R.Requests)
_PROACTIVE = {"2019": R.Proactive2019, "2021": R.Proactive2021}
_KEY_ORDER = (
    "schema_version",
    "source",
    "title",
    "organization",
    "year",
    "template",
    "overview",
    "proactive",
    "requests",
    "reviews",
    "problems",
    "other_matters",
    "issues",
    "unassigned",
    "table_sections",
)


def make_converter() -> cattrs.Converter:
    """The converter behind every export; built once per call, never the global one."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(R.Count, lambda c: c.value)
    conv.register_structure_hook(R.Count, lambda v, _: R.Count(v))
    conv.register_unstructure_hook(R.Money, lambda m: {"raw": m.raw, "value": m.value, "unit": m.unit})
    conv.register_structure_hook(R.Money, lambda d, _: R.Money(d["raw"], d["value"], d["unit"]))
    conv.register_unstructure_hook(R.Section, lambda s: {"heading": s.heading, "text": s.text})
    for cls in _ROW_HOLDERS:
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True))
    conv.register_unstructure_hook(
        R.Report,
        make_dict_unstructure_fn(R.Report, conv, proactive=override(unstruct_hook=_unstructure_proactive(conv))),
    )
    conv.register_structure_hook(R.Report, lambda d, _: _structure_report(conv, d))
    return conv


def _unstructure_proactive(conv: cattrs.Converter) -> Any:
    def hook(value: R.Proactive2019 | R.Proactive2021 | None) -> Any:
        return None if value is None else conv.unstructure(value, type(value))

    return hook


def _structure_report(conv: cattrs.Converter, data: dict[str, Any]) -> R.Report:
    """Field by field; `proactive` by the report's template (the two layouts share keys)."""
    kwargs: dict[str, Any] = {}
    for f in attrs.fields(R.Report):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "proactive":
            cls = _PROACTIVE.get(data.get("template") or "")
            kwargs[f.name] = conv.structure(value, cls) if value is not None and cls is not None else None
        elif f.type is not None:
            kwargs[f.name] = conv.structure(value, f.type)
    return R.Report(**kwargs)


attrs.resolve_types(R.Report)
_CONVERTER = make_converter()


def provenance(report: R.Report) -> dict[str, dict[str, Any]]:
    """Where each number came from: `table.row.column` -> raw text and position."""
    out: dict[str, dict[str, Any]] = {}

    def visit(prefix: str, obj: Any) -> None:
        if isinstance(obj, (R.Count, R.Money)):
            if obj.origin is None:
                return
            where = {k: v for k, v in attrs.asdict(obj.origin).items() if v is not None}
            raw = obj.raw
            if raw is not None:
                where["raw"] = raw
            out[prefix] = where
        elif attrs.has(type(obj)):
            for f in attrs.fields(type(obj)):
                visit(f"{prefix}.{f.name}", getattr(obj, f.name))

    for key in ("proactive", "requests", "reviews"):
        visit(key, getattr(report, key))
    return out


def to_dict(report: R.Report, *, with_provenance: bool = False) -> dict[str, Any]:
    """The report as the JSON contract's object (keys in the contract's order)."""
    raw: dict[str, Any] = _CONVERTER.unstructure(report)
    out = {k: raw[k] for k in _KEY_ORDER if k in raw}
    if with_provenance:
        out["provenance"] = provenance(report)
    return out


def from_dict(data: dict[str, Any]) -> R.Report:
    """A report from the contract's object (what `to_dict` made)."""
    return _CONVERTER.structure(data, R.Report)


def to_json(report: R.Report, *, indent: int | None = 2, with_provenance: bool = False) -> str:
    return json.dumps(to_dict(report, with_provenance=with_provenance), ensure_ascii=False, indent=indent)


def to_jsonl(reports: Iterable[R.Report]) -> Iterator[str]:
    for report in reports:
        yield json.dumps(to_dict(report), ensure_ascii=False)


CSV_FIELDS = ("path", "year", "organization", "template", "table", "row", "column", "value", "raw", "line")


def csv_rows(report: R.Report) -> Iterator[list[Any]]:
    """One report's lines of the long-format CSV (`CSV_FIELDS`)."""
    for key, where in _cells(report):
        table, row, column = key.split(".", 2)
        yield [report.source.path, report.year, report.organization, report.template, table, row, column, *where]


def to_csv(reports: Iterable[R.Report]) -> str:
    """Long-format CSV: one line per table cell of every report."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for report in reports:
        writer.writerows(csv_rows(report))
    return buf.getvalue()


def _cells(report: R.Report) -> Iterator[tuple[str, tuple[Any, Any, Any]]]:
    def visit(prefix: str, obj: Any) -> Iterator[tuple[str, tuple[Any, Any, Any]]]:
        if isinstance(obj, R.Count):
            yield prefix, (obj.value, obj.raw, obj.origin.line if obj.origin else None)
        elif isinstance(obj, R.Money):
            yield prefix, (obj.value, obj.raw, obj.origin.line if obj.origin else None)
        elif attrs.has(type(obj)):
            for f in attrs.fields(type(obj)):
                yield from visit(f"{prefix}.{f.name}", getattr(obj, f.name))

    for key in ("proactive", "requests", "reviews"):
        yield from visit(key, getattr(report, key))

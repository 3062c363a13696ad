"""Typed records of a report and their JSON form: small frozen attrs classes, nothing of the pipeline.

Values keep where they came from: a `Count` or `Money` carries the cell's text as printed
(`raw`) and its `Origin`. Equality compares values only (`raw`/`origin` are `eq=False`), so a
report read back from JSON equals the one that was written.

The JSON contract (`shared/spec/json-contract.md`) is the records' own shape, so the one cattrs
converter that maps them to and from it lives here too (`to_dict`, `from_dict`, `provenance`):
`Report.to_dict` then needs no import of `export`, which only writes the file formats.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from gov_disclosure.blocks import Position

SCHEMA_VERSION = "1"


Origin = Position
"""Where a value came from: the position its reader gave the cell (`blocks.Position`)."""


@attrs.frozen
class Count:
    """A count cell: `value` is None where the cell is blank (or a dash)."""

    value: int | None
    raw: str | None = attrs.field(default=None, eq=False)
    origin: Origin | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Money:
    """An amount: `raw` as printed, `value` the number, `unit` printed or stated by the header."""

    raw: str
    value: float | None
    unit: str | None
    origin: Origin | None = attrs.field(default=None, eq=False)


def _count() -> Count:
    return Count(None)


def _c() -> Count:
    return attrs.field(factory=_count)


# --- Table 2 ---------------------------------------------------------------------------------


@attrs.frozen
class DocumentCounts2019:
    new_made: Count = _c()
    new_published: Count = _c()
    total_published: Count = _c()


@attrs.frozen
class ItemCounts2019:
    prior_items: Count = _c()
    change: Count = _c()
    decisions: Count = _c()


@attrs.frozen
class FeeItems2019:
    prior_items: Count = _c()
    change: Count = _c()


@attrs.frozen
class Procurement2019:
    items: Count = _c()
    amount: Money | None = None


@attrs.frozen
class Proactive2019:
    regulations: DocumentCounts2019 | None = None
    normative_documents: DocumentCounts2019 | None = None
    licensing: ItemCounts2019 | None = None
    other_services: ItemCounts2019 | None = None
    penalties: ItemCounts2019 | None = None
    coercion: ItemCounts2019 | None = None
    fees: FeeItems2019 | None = None
    procurement: Procurement2019 | None = None


@attrs.frozen
class DocumentCounts2021:
    issued: Count = _c()
    repealed: Count = _c()
    in_force: Count = _c()


@attrs.frozen
class Decisions2021:
    decisions: Count = _c()


@attrs.frozen
class FeeAmount2021:
    amount: Money | None = None


@attrs.frozen
class Proactive2021:
    regulations: DocumentCounts2021 | None = None
    normative_documents: DocumentCounts2021 | None = None
    licensing: Decisions2021 | None = None
    penalties: Decisions2021 | None = None
    coercion: Decisions2021 | None = None
    fees: FeeAmount2021 | None = None


Proactive = Proactive2019 | Proactive2021

TABLE2_RECORDS: Mapping[str, type[Proactive2019] | type[Proactive2021]] = MappingProxyType(
    {"2019": Proactive2019, "2021": Proactive2021}
)
"""The Table 2 record of each template, by template name (`templates.Template.name`)."""

# --- Table 3 ---------------------------------------------------------------------------------


@attrs.frozen
class RequestRow:
    natural_person: Count = _c()
    commercial: Count = _c()
    research: Count = _c()
    social_welfare: Count = _c()
    legal_service: Count = _c()
    other_org: Count = _c()
    total: Count = _c()


@attrs.frozen
class Requests:
    """Table 3; rows the report's template does not have are None (absent in JSON)."""

    new_received: RequestRow | None = None
    carried_over: RequestRow | None = None
    granted: RequestRow | None = None
    partially_granted: RequestRow | None = None
    denied_state_secret: RequestRow | None = None
    denied_prohibited_by_law: RequestRow | None = None
    denied_security_stability: RequestRow | None = None
    denied_third_party: RequestRow | None = None
    denied_internal_affairs: RequestRow | None = None
    denied_process_info: RequestRow | None = None
    denied_enforcement_file: RequestRow | None = None
    denied_admin_query: RequestRow | None = None
    unavailable_not_held: RequestRow | None = None
    unavailable_needs_creation: RequestRow | None = None
    unavailable_unclear: RequestRow | None = None
    rejected_complaint: RequestRow | None = None
    rejected_duplicate: RequestRow | None = None
    rejected_publication: RequestRow | None = None
    rejected_excessive: RequestRow | None = None
    rejected_confirmation: RequestRow | None = None
    other: RequestRow | None = None
    other_overdue_correction: RequestRow | None = None
    other_overdue_fee: RequestRow | None = None
    other_misc: RequestRow | None = None
    total: RequestRow | None = None
    carried_forward: RequestRow | None = None


# --- Table 4 ---------------------------------------------------------------------------------


@attrs.frozen
class ReviewGroup:
    upheld: Count = _c()
    corrected: Count = _c()
    other: Count = _c()
    pending: Count = _c()
    total: Count = _c()


@attrs.frozen
class Reviews:
    review: ReviewGroup = attrs.field(factory=ReviewGroup)
    litigation_direct: ReviewGroup = attrs.field(factory=ReviewGroup)
    litigation_after_review: ReviewGroup = attrs.field(factory=ReviewGroup)


# --- Prose, issues, the report ---------------------------------------------------------------


@attrs.frozen
class Section:
    """A prose section: heading as printed (None when the report has none), text with its
    line breaks, and the line of the heading."""

    heading: str | None = None
    text: str = ""
    line: int | None = attrs.field(default=None, eq=False)


Reason = Literal["unclaimed", "preamble", "marker", "furniture", "signature", "date", "table"]
Severity = Literal["error", "warning", "info"]


@attrs.frozen
class Unassigned:
    """Text that no section claims (preamble, signature, page furniture, markers)."""

    text: str
    line: int | None = None
    reason: Reason = "unclaimed"


@attrs.frozen
class Issue:
    """A finding: `code` from `codes.CODES`, where it is, and what was printed."""

    code: str
    severity: Severity
    message: str
    line: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None


@attrs.frozen
class Completeness:
    """How much of the report's template tables was read; `cells` = `read` + `blank` + `missing`.

    `cells`: every count and amount cell of Tables 2 (when the template is known), 3 and 4 of the
    report's template. `read`: holding a value. `blank`: null because the source prints the cell
    blank (or a dash, or a dump dropped it). `missing`: null for another reason (a table or row
    not found, a placement not settled, text that is no number); see `completeness.py`.
    """

    cells: int = 0
    read: int = 0
    blank: int = 0
    missing: int = 0


@attrs.frozen
class Source:
    path: str | None = None
    format: str = "text"
    dialect: str | None = None
    encoding: str | None = None


@attrs.frozen
class Report:
    source: Source = attrs.field(factory=Source)
    title: str | None = None
    organization: str | None = None
    year: int | None = None
    template: str | None = None
    overview: Section = attrs.field(factory=Section)
    proactive: Proactive | None = None
    requests: Requests | None = None
    reviews: Reviews | None = None
    problems: Section = attrs.field(factory=Section)
    other_matters: Section = attrs.field(factory=Section)
    table_sections: dict[str, Section] = attrs.field(factory=dict)
    unassigned: tuple[Unassigned, ...] = ()
    issues: tuple[Issue, ...] = ()
    completeness: Completeness | None = None
    schema_version: str = SCHEMA_VERSION

    def to_dict(self, *, with_provenance: bool = False) -> dict[str, Any]:
        """This report as the JSON contract's object (see `to_dict`)."""
        return to_dict(self, with_provenance=with_provenance)


# --- The JSON contract ---------------------------------------------------------------------------

_ROW_HOLDERS = (Proactive2019, Proactive2021, Requests)
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
    "completeness",
    "unassigned",
    "table_sections",
)


def make_converter() -> cattrs.Converter:
    """The converter behind every export; built once here, never the global one."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Count, lambda c: c.value)
    conv.register_structure_hook(Count, lambda v, _: Count(v))
    conv.register_unstructure_hook(Money, lambda m: {"raw": m.raw, "value": m.value, "unit": m.unit})
    conv.register_structure_hook(Money, lambda d, _: Money(d["raw"], d["value"], d["unit"]))
    conv.register_unstructure_hook(Section, lambda s: {"heading": s.heading, "text": s.text})
    for cls in _ROW_HOLDERS:
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True))
    conv.register_unstructure_hook(
        Report,
        make_dict_unstructure_fn(Report, conv, proactive=override(unstruct_hook=_unstructure_proactive(conv))),
    )
    conv.register_structure_hook(Report, lambda d, _: _structure_report(conv, d))
    return conv


def _unstructure_proactive(conv: cattrs.Converter) -> Any:
    def hook(value: Proactive | None) -> Any:
        return None if value is None else conv.unstructure(value, type(value))

    return hook


def _structure_report(conv: cattrs.Converter, data: dict[str, Any]) -> Report:
    """Field by field; `proactive` by the report's template (the layouts share keys)."""
    kwargs: dict[str, Any] = {}
    for f in attrs.fields(Report):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "proactive":
            cls = TABLE2_RECORDS.get(data.get("template") or "")
            kwargs[f.name] = conv.structure(value, cls) if value is not None and cls is not None else None
        elif f.type is not None:
            kwargs[f.name] = conv.structure(value, f.type)
    return Report(**kwargs)


attrs.resolve_types(Report)
for _cls in TABLE2_RECORDS.values():
    attrs.resolve_types(_cls)
_CONVERTER = make_converter()


def table_values(report: Report) -> list[tuple[str, Count | Money]]:
    """Every value of the report's tables as (`table.row.column`, value), in contract order."""
    out: list[tuple[str, Count | Money]] = []

    def visit(prefix: str, obj: Any) -> None:
        if isinstance(obj, (Count, Money)):
            out.append((prefix, obj))
        elif attrs.has(type(obj)):
            for f in attrs.fields(type(obj)):
                visit(f"{prefix}.{f.name}" if prefix else f.name, getattr(obj, f.name))

    visit("", report)
    return out


def provenance(report: Report) -> dict[str, dict[str, Any]]:
    """Where each number came from: `table.row.column` -> raw text and position."""
    out: dict[str, dict[str, Any]] = {}
    for key, value in table_values(report):
        if value.origin is None:
            continue
        where = {k: v for k, v in attrs.asdict(value.origin).items() if v is not None}
        if value.raw is not None:
            where["raw"] = value.raw
        out[key] = where
    return out


def to_dict(report: Report, *, with_provenance: bool = False) -> dict[str, Any]:
    """The report as the JSON contract's object (keys in the contract's order)."""
    raw: dict[str, Any] = _CONVERTER.unstructure(report)
    out = {k: raw[k] for k in _KEY_ORDER if k in raw}
    if with_provenance:
        out["provenance"] = provenance(report)
    return out


def from_dict(data: dict[str, Any]) -> Report:
    """A report from the contract's object (what `to_dict` made)."""
    return _CONVERTER.structure(data, Report)

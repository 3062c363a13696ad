"""Typed records of a report: small frozen, slotted attrs classes, nothing of the pipeline.

Values keep where they came from: a `Count` or `Money` carries the cell's text as printed
(`raw`) and its `Origin`. Equality compares values only (`raw`/`origin` are `eq=False`), so a
report read back from JSON equals the one that was written.
"""

from __future__ import annotations

from typing import Any

import attrs

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


@attrs.frozen
class Unassigned:
    """Text that no section claims (preamble, signature, page furniture, markers)."""

    text: str
    line: int | None = None
    reason: str = "unclaimed"


@attrs.frozen
class Issue:
    """A finding: `code` from `codes.CODES`, where it is, and what was printed."""

    code: str
    severity: str
    message: str
    line: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None


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
    proactive: Proactive2019 | Proactive2021 | None = None
    requests: Requests | None = None
    reviews: Reviews | None = None
    problems: Section = attrs.field(factory=Section)
    other_matters: Section = attrs.field(factory=Section)
    table_sections: dict[str, Section] = attrs.field(factory=dict)
    unassigned: tuple[Unassigned, ...] = ()
    issues: tuple[Issue, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def to_dict(self, *, with_provenance: bool = False) -> dict[str, Any]:
        """This report as the JSON contract's object (see `gov_disclosure.export`)."""
        from gov_disclosure.export import to_dict  # the boundary is configured there, once

        return to_dict(self, with_provenance=with_provenance)

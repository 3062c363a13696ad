"""The tables' own arithmetic, checked on the records and reported as issues.

Numbers are reported as printed, never fixed. Blank counts as zero inside a sum, but an
identity whose whole side is blank is not checked: a blank （七）总计 row or 总计 column gets
one warning of its own instead of a column of mismatches. Users add checks with
`register_check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from gov_disclosure import templates as T
from gov_disclosure.codes import issue
from gov_disclosure.records import Count, Issue, Proactive2019, Report, Requests, ReviewGroup, Reviews

Check = Callable[[Report], Iterable[Issue]]
CHECKS: list[Check] = []


def register_check(check: Check) -> Check:
    """Add a check run on every report after the built-in ones (usable as a decorator)."""
    CHECKS.append(check)
    return check


def _sum(counts: Sequence[Count]) -> int | None:
    if all(c.value is None for c in counts):
        return None
    return sum(c.value or 0 for c in counts)


def _line(counts: Sequence[Count]) -> int | None:
    for c in counts:
        if c.origin is not None and c.origin.line is not None:
            return c.origin.line
    return None


def _cells(row: Any) -> dict[str, Count]:
    return {f.name: getattr(row, f.name) for f in attrs.fields(type(row))}


def check_requests(req: Requests, template: str | None) -> list[Issue]:
    rows = {k: _cells(v) for k, v in _cells(req).items() if v is not None}
    cols = T.TABLE3_COLUMN_KEYS
    out: list[Issue] = []
    if not rows or all(c.value is None for r in rows.values() for c in r.values()):
        return [issue("table.blank", "Table 3 holds no numbers", table="requests")]
    outcome = [k for k in T.TABLE3_OUTCOME_ROWS[template or "2019"] if k in rows]
    total = rows.get("total")
    total_blank = total is not None and all(c.value is None for c in total.values())
    if total_blank and any(rows[k][c].value for k in outcome for c in cols):
        out.append(
            issue(
                "requests.total_blank",
                "（七）总计 is blank while the outcome rows hold numbers",
                line=_line(list(total.values())) if total else None,
                table="requests",
                row="total",
            )
        )
    with_parts = [k for k, r in rows.items() if _sum([r[c] for c in T.TABLE3_PART_COLUMNS])]
    blank_total_col = [k for k in with_parts if rows[k]["total"].value is None]
    column_blank = len(blank_total_col) > 1 and set(outcome) & set(with_parts) <= set(blank_total_col)
    if column_blank:
        out.append(
            issue(
                "requests.total_column_blank",
                f"总计 is blank in {len(blank_total_col)} rows with applicant numbers",
                line=_line([rows[blank_total_col[0]]["total"]]),
                table="requests",
                column="total",
            )
        )
    for key, r in rows.items():
        if column_blank and key in blank_total_col:
            continue
        parts = _sum([r[c] for c in T.TABLE3_PART_COLUMNS])
        printed = r["total"].value
        if parts is None and printed is None:
            continue
        if (parts or 0) != (printed or 0):
            out.append(
                issue(
                    "requests.row_sum",
                    f"{key}: applicant columns sum to {parts or 0}, 总计 printed {printed}",
                    line=_line([r["total"], *r.values()]),
                    table="requests",
                    row=key,
                    column="total",
                )
            )
    if total is None or total_blank:
        return out
    for col in cols:
        lhs = _sum([rows[k][col] for k in ("new_received", "carried_over") if k in rows])
        rhs = _sum([rows[k][col] for k in ("total", "carried_forward") if k in rows])
        if lhs is not None and rhs is not None and lhs != rhs:
            out.append(
                issue(
                    "requests.balance",
                    f"{col}: 本年新收 + 上年结转 = {lhs}, 总计 + 结转下年度 = {rhs}",
                    line=_line([total[col]]),
                    table="requests",
                    row="total",
                    column=col,
                )
            )
        parts_sum = _sum([rows[k][col] for k in outcome])
        printed = total[col].value
        if parts_sum is not None and printed is not None and parts_sum != printed:
            out.append(
                issue(
                    "requests.outcome_sum",
                    f"{col}: （七）总计 printed {printed}, outcome rows sum to {parts_sum}",
                    line=_line([total[col]]),
                    table="requests",
                    row="total",
                    column=col,
                )
            )
    return out


def check_reviews(rev: Reviews) -> list[Issue]:
    out: list[Issue] = []
    groups: dict[str, ReviewGroup] = {g.key: getattr(rev, g.key) for g in T.TABLE4_GROUPS}
    if all(c.value is None for g in groups.values() for c in _cells(g).values()):
        return [issue("table.blank", "Table 4 holds no numbers", table="reviews")]
    for key, group in groups.items():
        cells = _cells(group)
        parts = _sum([cells[c] for c in T.TABLE4_PART_COLUMNS])
        printed = group.total.value
        if parts is None and printed is None:
            continue
        if (parts or 0) != (printed or 0):
            out.append(
                issue(
                    "reviews.group_sum",
                    f"{key}: parts sum to {parts or 0}, 总计 printed {printed}",
                    line=_line([group.total, *cells.values()]),
                    table="reviews",
                    row=key,
                    column="total",
                )
            )
    return out


def check_proactive(report: Report) -> list[Issue]:
    p = report.proactive
    if p is None:
        return []
    values = [c for row in _cells(p).values() if row is not None for c in _cells(row).values() if isinstance(c, Count)]
    if values and all(c.value is None for c in values):
        return [issue("table.blank", "Table 2 holds no numbers", table="proactive")]
    out: list[Issue] = []
    if isinstance(p, Proactive2019):
        for key in ("regulations", "normative_documents"):
            row = getattr(p, key)
            if row is None:
                continue
            new, total = row.new_published.value, row.total_published.value
            if new is not None and total is not None and new > total:
                out.append(
                    issue(
                        "proactive.published_exceeds_total",
                        f"{key}: 本年新公开 {new} > 对外公开总数 {total}",
                        line=_line([row.new_published]),
                        table="proactive",
                        row=key,
                        column="new_published",
                    )
                )
    return out


def validate(report: Report) -> list[Issue]:
    out = check_proactive(report)
    if report.requests is not None:
        out += check_requests(report.requests, report.template)
    if report.reviews is not None:
        out += check_reviews(report.reviews)
    for check in CHECKS:
        out += list(check(report))
    return out

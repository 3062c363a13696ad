"""Hypothesis strategies of whole `Report` records whose tables obey their template.

Every label, key and identity comes from `templates.py`: a report is drawn as the template's
rows and columns filled with numbers that satisfy `Template.identities` by construction (parts
first, totals summed), then printed blank where real reports leave cells blank (a row or a
法人 column that is all zero, never a lone cell). `consistent=False` perturbs one printed
number of Table 3 or 4 and says which (`Perturbation`).
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, Literal, overload

import attrs
from hypothesis import strategies as st

from gov_disclosure import templates as T
from gov_disclosure.numbering import int_to_chinese
from gov_disclosure.records import (
    TABLE2_RECORDS,
    Count,
    Money,
    Report,
    RequestRow,
    Requests,
    ReviewGroup,
    Reviews,
    Section,
)
from gov_disclosure.templates import TableKind, Template

TemplateName = Literal["2019", "2021"]
PROSE_KEYS = ("overview", "problems", "other_matters")
TABLE_KEYS = tuple(k.value for k in TableKind)

# Plausible issuing bodies: a place, its level, and the office that writes the report.
_PLACE_CHARS = "青山河东西南北安平宁和华兴丰阳泉林江海云德昌武文明"
_LEVELS = ("省", "市", "县", "区", "镇", "街道")
_BODIES = ("人民政府", "人民政府办公室", "发展和改革委员会", "教育局", "财政局", "自然资源局", "卫生健康委员会")
# Prose is drawn from characters of real overviews; no digit, no bracket, no heading word order.
_PROSE_CHARS = "本年度我单位认真贯彻落实政务公开工作要点积极推进平台建设加强监督保障规范办理群众满意持续深化优化"
_PROSE_END = "。"

_COUNT_SIZES: st.SearchStrategy[int] = st.one_of(
    st.just(0), st.integers(0, 9), st.integers(10, 999), st.integers(1000, 99999)
)


@attrs.frozen
class Perturbation:
    """The one cell `reports(consistent=False)` changed: table, row and column keys as in the
    JSON contract, the value that satisfied the identities and the value printed instead."""

    table: str
    row: str
    column: str
    consistent: int
    printed: int


def _count(value: int | None, raw: str | None = None) -> Count:
    return Count(value, raw if raw is not None else (None if value is None else str(value)))


def _row_type(cls: type, field: str) -> type:
    """The attrs class of a row field typed `Row | None`."""
    hint = attrs.fields_dict(cls)[field].type
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    row = args[0] if args else hint
    assert isinstance(row, type)
    return row


@st.composite
def money(draw: st.DrawFn, default_unit: str | None = None) -> Money:
    """An amount as reports print it: bare or with a unit (`251000元`, `27326.00万元`, `5.49亿`)."""
    whole = draw(_COUNT_SIZES)
    decimals = draw(st.sampled_from(("", ".0", ".5", ".25", ".49")))
    unit = draw(st.sampled_from((None, "元", "万元", "亿", "万")))
    number = f"{whole}{decimals}"
    return Money(f"{number}{unit or ''}", float(number), unit or default_unit)


def _table2(draw: st.DrawFn, template: Template) -> Any:
    """Table 2 of `template`: every block's rows, some left wholly blank as reports do."""
    record_cls = TABLE2_RECORDS[template.name]
    rows: dict[str, Any] = {}
    for block in template.table2:
        for label in block.rows:
            blank = draw(st.integers(0, 7)) == 7  # shrinks to printed
            cells: dict[str, Any] = {}
            for column in block.columns:
                if column.kind == "money":
                    cells[column.key] = None if blank else draw(money(column.unit))
                elif blank:
                    cells[column.key] = Count(None)
                elif column.key == "change":  # 本年增/减: signed
                    n = draw(st.integers(-999, 999))
                    cells[column.key] = _count(n, f"+{n}" if n > 0 and draw(st.booleans()) else str(n))
                else:
                    cells[column.key] = _count(draw(_COUNT_SIZES))
            for bound in template.table2_bounds:  # heuristics hold too: lesser <= greater
                lo, hi = cells.get(bound.lesser), cells.get(bound.greater)
                if isinstance(lo, Count) and isinstance(hi, Count) and lo.value is not None and hi.value is not None:
                    a, b = sorted((lo.value, hi.value))
                    cells[bound.lesser], cells[bound.greater] = _count(a), _count(b)
            rows[label.key] = _row_type(record_cls, label.key)(**cells)
    return record_cls(**rows)


def _blank_or(draw: st.DrawFn, values: Mapping[str, int], *, may_blank: bool) -> dict[str, Count]:
    """Counts of `values`; all blank when every value is zero and the draw says so."""
    blank = may_blank and not any(values.values()) and draw(st.booleans())
    return {k: Count(None) if blank else _count(v) for k, v in values.items()}


def _table3(draw: st.DrawFn, template: Template) -> Requests:
    """Table 3: outcome rows drawn, （七）总计 their sum, each row's 总计 the sum of its parts,
    new_received solved from the balance; all-zero rows and 法人 columns may print blank."""
    parts = T.TABLE3_PART_COLUMNS
    legal = parts[1:]
    legal_blank = draw(st.integers(0, 3)) == 0  # a whole blank 法人 block, as many reports print
    zero_row = st.integers(0, 2).map(lambda n: n == 0)
    grid: dict[str, dict[str, int]] = {}
    for key in (*template.outcome_rows, "carried_over", "carried_forward"):
        zero = draw(zero_row)
        grid[key] = {c: 0 if zero or (legal_blank and c in legal) else draw(_COUNT_SIZES) for c in parts}
    grid["total"] = {c: sum(grid[k][c] for k in template.outcome_rows) for c in parts}
    # balance: new_received + carried_over = total + carried_forward, so carried_over is capped
    for c in parts:
        grid["carried_over"][c] = min(grid["carried_over"][c], grid["total"][c] + grid["carried_forward"][c])
    grid["new_received"] = {c: grid["total"][c] + grid["carried_forward"][c] - grid["carried_over"][c] for c in parts}
    for values in grid.values():
        values["total"] = sum(values[c] for c in parts)
    blank_columns = set(legal) if legal_blank else set()
    rows: dict[str, RequestRow] = {}
    for label in template.table3_rows:
        counts = _blank_or(draw, grid[label.key], may_blank=label.key not in T.TABLE3_FRAME_ROWS)
        counts.update({c: Count(None) for c in blank_columns})
        rows[label.key] = RequestRow(**counts)
    return Requests(**rows)


def _table4(draw: st.DrawFn) -> Reviews:
    """Table 4: each group's four parts drawn, 总计 their sum; an all-zero group may print blank."""
    groups: dict[str, ReviewGroup] = {}
    for group in T.TABLE4_GROUPS:
        zero = draw(st.integers(0, 2)) == 0
        values = {c: 0 if zero else draw(_COUNT_SIZES) for c in T.TABLE4_PART_COLUMNS}
        values["total"] = sum(values.values())
        groups[group.key] = ReviewGroup(**_blank_or(draw, values, may_blank=True))
    return Reviews(**groups)


_clause = st.text(alphabet=_PROSE_CHARS, min_size=4, max_size=16)
_sentence = st.lists(_clause, min_size=2, max_size=5).map(lambda cs: "，".join(cs) + _PROSE_END)
prose: st.SearchStrategy[str] = st.lists(
    st.lists(_sentence, min_size=1, max_size=4).map("".join), min_size=1, max_size=3
).map("\n".join)
"""Prose: paragraphs of CJK sentences (clauses split by `，`), one paragraph a line."""


@st.composite
def organizations(draw: st.DrawFn) -> str:
    """A plausible issuing body: place name, its level, an office (`青山县教育局`)."""
    place = draw(st.text(alphabet=_PLACE_CHARS, min_size=2, max_size=3))
    return place + draw(st.sampled_from(_LEVELS)) + draw(st.sampled_from(_BODIES))


def _years(template: Template) -> st.SearchStrategy[int]:
    first = template.first_year or 2019
    last = template.last_year or first + 4
    return st.integers(first, last)


def _heading(number: int, key: str, draw: st.DrawFn) -> str:
    return f"{int_to_chinese(number)}、{draw(st.sampled_from(T.SECTION_HEADINGS[key]))}"


@st.composite
def _report(draw: st.DrawFn, template: str | None) -> Report:
    t = T.get(draw(st.sampled_from([x.name for x in T.all_templates()])) if template is None else template)
    org = draw(organizations())
    year = draw(_years(t))
    title = f"{org}{year}年政府信息公开工作年度报告"
    sections = {k: _heading(T.SECTION_NUMBERS[k], k, draw) for k in T.SECTION_KEYS}
    return Report(
        title=title,
        organization=org,
        year=year,
        template=t.name,
        overview=Section(sections["overview"], draw(prose)),
        proactive=_table2(draw, t),
        requests=_table3(draw, t),
        reviews=_table4(draw),
        problems=Section(sections["problems"], draw(prose)),
        other_matters=Section(sections["other_matters"], draw(prose)),
        table_sections={k: Section(sections[k], "") for k in TABLE_KEYS},
    )


def _printed_cells(report: Report) -> list[tuple[str, str, str, int]]:
    """Every printed count of Tables 3 and 4 (the tables with identities) as (table, row, column, value)."""
    out: list[tuple[str, str, str, int]] = []
    for table in (TableKind.REQUESTS.value, TableKind.REVIEWS.value):
        record = getattr(report, table)
        for row in attrs.fields(type(record)):
            cells = getattr(record, row.name)
            if cells is None:
                continue
            for column in attrs.fields(type(cells)):
                value = getattr(cells, column.name).value
                if value is not None:
                    out.append((table, row.name, column.name, value))
    return out


def perturb(report: Report, where: tuple[str, str, str], printed: int | None) -> Report:
    """`report` with the count at (table, row, column) printed as `printed` (None: blank)."""
    table, row, column = where
    record = getattr(report, table)
    cells = attrs.evolve(getattr(record, row), **{column: _count(printed)})
    return attrs.evolve(report, **{table: attrs.evolve(record, **{row: cells})})


@st.composite
def _perturbed(draw: st.DrawFn, template: str | None) -> tuple[Report, Perturbation]:
    report = draw(_report(template))
    table, row, column, value = draw(st.sampled_from(_printed_cells(report)))
    delta = draw(st.integers(1, 50))
    printed = value - delta if value >= delta and draw(st.booleans()) else value + delta
    return perturb(report, (table, row, column), printed), Perturbation(table, row, column, value, printed)


@overload
def reports(template: TemplateName | None = None, consistent: Literal[True] = True) -> st.SearchStrategy[Report]: ...


@overload
def reports(
    template: TemplateName | None = None, *, consistent: Literal[False]
) -> st.SearchStrategy[tuple[Report, Perturbation]]: ...


@overload
def reports(
    template: TemplateName | None, consistent: Literal[False]
) -> st.SearchStrategy[tuple[Report, Perturbation]]: ...


def reports(
    template: TemplateName | None = None, consistent: bool = True
) -> st.SearchStrategy[Report] | st.SearchStrategy[tuple[Report, Perturbation]]:
    """Reports of `template` (either when None). Consistent: every identity of the template holds,
    so `validate` finds no error. Otherwise `(report, Perturbation)`: one printed count of Table
    3 or 4 moved off its consistent value."""
    if template is not None:
        T.get(template)  # KeyError for an unknown template, at once
    if consistent:
        return _report(template)
    return _perturbed(template)


def _zeros(record: Any, unit: str | None) -> Any:
    """`record` (a table or a row) with every blank count printed as 0 and every blank amount as `0`."""
    changes: dict[str, Any] = {}
    for f in attrs.fields(type(record)):
        value = getattr(record, f.name)
        if isinstance(value, Count):
            if value.value is None:
                changes[f.name] = _count(0)
        elif value is None and f.name == "amount":
            changes[f.name] = Money("0", 0.0, unit)
        elif value is not None and attrs.has(type(value)):
            changes[f.name] = _zeros(value, unit)
    return attrs.evolve(record, **changes)


def without_blanks(report: Report, tables: tuple[str, ...] = TABLE_KEYS) -> Report:
    """`report` with every blank cell of `tables` printed as zero (identities still hold): for
    a reader that cannot yet place a blank cell, so a test restricts exactly that."""
    units = [c.unit for b in T.get(report.template).table2 for c in b.columns if c.kind == "money"]
    changes: dict[str, Any] = {}
    for table in tables:
        record = getattr(report, table)
        if record is not None:
            changes[table] = _zeros(record, units[0] if units else None)
    return attrs.evolve(report, **changes)


def zero_report(template: TemplateName = "2019") -> Report:
    """The simplest consistent report of `template`: every count 0, every amount `0`, fixed
    title, organization, year and prose. A fixed input for a regression test, shaped by
    `perturb` (a blank cell is `perturb(report, where, None)`)."""
    t = T.get(template)
    org = "青山县人民政府"
    year = t.first_year or 2019
    text = (
        "本年度我单位认真贯彻落实政务公开工作要点，积极推进平台建设，加强监督保障，规范办理群众申请，持续深化政务公开。"
    )
    blank = Report(
        title=f"{org}{year}年政府信息公开工作年度报告",
        organization=org,
        year=year,
        template=t.name,
        overview=Section(f"一、{T.SECTION_HEADINGS['overview'][0]}", text),
        proactive=TABLE2_RECORDS[t.name](
            **{r.key: _row_type(TABLE2_RECORDS[t.name], r.key)() for b in t.table2 for r in b.rows}
        ),
        requests=Requests(**{r.key: RequestRow() for r in t.table3_rows}),
        reviews=Reviews(),
        problems=Section(f"五、{T.SECTION_HEADINGS['problems'][0]}", text),
        other_matters=Section(f"六、{T.SECTION_HEADINGS['other_matters'][0]}", text),
        table_sections={
            k: Section(f"{int_to_chinese(T.SECTION_NUMBERS[k])}、{T.SECTION_HEADINGS[k][0]}", "") for k in TABLE_KEYS
        },
    )
    return without_blanks(blank)

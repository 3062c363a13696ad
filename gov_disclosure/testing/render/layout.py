"""A `Report` laid out as the official template prints it: blocks of title, headings, prose and
tables, each table a grid of slots with its spans (rowspan/colspan), every label from
`templates.py`. The form renderers (`render.text`, `render.markup`) only print this layout."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from gov_disclosure import templates as T
from gov_disclosure.numbering import int_to_chinese
from gov_disclosure.records import Count, Money, Report, Section
from gov_disclosure.templates import TableKind, Template

SlotKind = Literal["label", "header", "value"]


@attrs.frozen
class Slot:
    """A cell at its top-left grid position; the slots it covers are None in the grid."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: SlotKind = "label"


Grid = tuple[tuple[Slot | None, ...], ...]
"""A rectangular table: None where a span covers the slot."""


@attrs.frozen
class Block:
    """One piece of the report in reading order: a `title`, `heading`, `prose` line or `table`."""

    kind: Literal["title", "heading", "prose", "table"]
    text: str = ""
    table: Grid = ()
    key: str = ""  # the table's TableKind value


class _Builder:
    """Rows of `width` slots, spans marked as None in the slots they cover."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[list[Slot | None]] = []
        self.covered: set[tuple[int, int]] = set()

    def row(self, *cells: Slot) -> None:
        r = len(self.rows)
        out: list[Slot | None] = []
        it = iter(cells)
        c = 0
        while c < self.width:
            if (r, c) in self.covered:
                out.append(None)
                c += 1
                continue
            slot = next(it, Slot(""))
            out.append(slot)
            for dr in range(slot.rowspan):
                for dc in range(slot.colspan):
                    if dr or dc:
                        self.covered.add((r + dr, c + dc))
            c += 1
            for _ in range(slot.colspan - 1):
                out.append(None)
                c += 1
        self.rows.append(out)

    def grid(self) -> Grid:
        return tuple(tuple(r) for r in self.rows)


def _value(cell: Count | Money | None) -> Slot:
    if cell is None:
        return Slot("", kind="value")
    if isinstance(cell, Money):
        return Slot(cell.raw, kind="value")
    text = cell.raw if cell.raw is not None else ("" if cell.value is None else str(cell.value))
    return Slot(text, kind="value")


def table2(report: Report, template: Template) -> Grid:
    """Stacked blocks, 4 columns: caption row, 信息内容 header row, data rows; a block with fewer
    value columns widens its last one (colspan)."""
    width = 1 + max(len(b.columns) for b in template.table2)
    b = _Builder(width)
    for block in template.table2:
        widen = width - len(block.columns)
        spans = [1] * (len(block.columns) - 1) + [widen]
        b.row(Slot(block.caption, colspan=width, kind="header"))
        b.row(
            Slot(T.TABLE2_HEADER[0], kind="header"),
            *(Slot(c.texts[0], colspan=s, kind="header") for c, s in zip(block.columns, spans, strict=True)),
        )
        for label in block.rows:
            row = getattr(report.proactive, label.key, None)
            cells = [_value(None if row is None else getattr(row, c.key)) for c in block.columns]
            b.row(Slot(label.texts[0]), *(attrs.evolve(v, colspan=s) for v, s in zip(cells, spans, strict=True)))
    return b.grid()


_GROUP_PREFIX = {"denied": "不予公开", "unavailable": "无法提供", "rejected": "不予处理", "other": "其他处理"}
"""Table 3 rows whose key starts so sit under that group label (`templates.TABLE3_GROUPS`)."""


def _numbered(n: int, text: str, style: str) -> str:
    """`text` with its template numbering (`一、`, `（一）`, `1.`) unless it carries its own."""
    if text[:1] in "（(0123456789":
        return text
    return {"top": f"{int_to_chinese(n)}、", "group": f"（{int_to_chinese(n)}）", "leaf": f"{n}."}[style] + text


def _table3_labels(template: Template) -> list[tuple[Slot, ...]]:
    """The three label columns of each Table 3 row, spans as in the template."""
    rows = template.table3_rows
    outcome_span = sum(1 for r in rows if r.key not in ("new_received", "carried_over", "carried_forward"))
    out: list[tuple[Slot, ...]] = []
    top = group_no = leaf_no = 0
    group = None
    started = False
    for label in rows:
        if label.key in ("new_received", "carried_over", "carried_forward"):
            top += 1
            out.append((Slot(_numbered(top, label.texts[0], "top"), colspan=3),))
            continue
        cells: list[Slot] = []
        if not started:  # the first outcome row opens the 本年度办理结果 group
            started = True
            top += 1
            cells.append(Slot(_numbered(top, T.TABLE3_GROUPS[0], "top"), rowspan=outcome_span))
        prefix = label.key.split("_")[0] if "_" in label.key else ""
        members = [r for r in rows if r.key.startswith(prefix + "_")] if prefix in _GROUP_PREFIX else []
        if members:
            if group != prefix:
                group, leaf_no = prefix, 0
                group_no += 1
                name = _GROUP_PREFIX[prefix]
                cells.append(Slot(_numbered(group_no, name, "group"), rowspan=len(members)))
            leaf_no += 1
            cells.append(Slot(_numbered(leaf_no, label.texts[0], "leaf")))
        else:
            group = None
            group_no += 1
            cells.append(Slot(_numbered(group_no, label.texts[0], "group"), colspan=2))
        out.append(tuple(cells))
    return out


def table3(report: Report, template: Template) -> Grid:
    """Corner note, 申请人情况 over 自然人 / 法人或其他组织 (its five leaves) / 总计, then rows."""
    columns = T.TABLE3_COLUMNS
    b = _Builder(3 + len(columns))
    legal = len(columns) - 2
    b.row(
        Slot(f"（{T.TABLE3_HEADER[2]}）", rowspan=3, colspan=3, kind="header"),
        Slot(T.TABLE3_HEADER[0], colspan=len(columns), kind="header"),
    )
    b.row(
        Slot(columns[0].texts[0], rowspan=2, kind="header"),
        Slot(T.TABLE3_HEADER[1], colspan=legal, kind="header"),
        Slot(columns[-1].texts[0], rowspan=2, kind="header"),
    )
    b.row(*(Slot(c.texts[0], kind="header") for c in columns[1:-1]))
    requests = report.requests
    for label, labels in zip(template.table3_rows, _table3_labels(template), strict=True):
        row = getattr(requests, label.key, None)
        b.row(*labels, *(_value(None if row is None else getattr(row, c.key)) for c in columns))
    return b.grid()


def table4(report: Report, *, leaves_together: bool = False) -> Grid:
    """行政复议 (5 leaves) beside 行政诉讼 over its two groups; then the 15 numbers. The template
    puts 行政复议's leaves on the second header row (rowspan 2); `leaves_together` prints them on
    the third, beside the litigation leaves (the other order dumps show)."""
    columns = T.TABLE4_COLUMNS
    n = len(columns)
    b = _Builder(n * len(T.TABLE4_GROUPS))
    b.row(
        Slot(T.TABLE4_GROUPS[0].texts[0], colspan=n, kind="header"),
        Slot(T.TABLE4_HEADER[0], colspan=n * (len(T.TABLE4_GROUPS) - 1), kind="header"),
    )
    leaves = [Slot(c.texts[0], kind="header") for c in columns]
    groups = [Slot(g.texts[0], colspan=n, kind="header") for g in T.TABLE4_GROUPS[1:]]
    if leaves_together:
        b.row(Slot("", colspan=n, kind="header"), *groups)
        b.row(*leaves * len(T.TABLE4_GROUPS))
    else:
        b.row(*(attrs.evolve(s, rowspan=2) for s in leaves), *groups)
        b.row(*leaves * (len(T.TABLE4_GROUPS) - 1))
    reviews = report.reviews
    b.row(
        *(
            _value(None if reviews is None else getattr(getattr(reviews, g.key), c.key))
            for g in T.TABLE4_GROUPS
            for c in columns
        )
    )
    return b.grid()


def _prose(section: Section) -> list[Block]:
    out = [Block("heading", section.heading)] if section.heading else []
    return out + [Block("prose", line) for line in section.text.split("\n") if line]


def blocks(report: Report, *, leaves_together: bool = False) -> list[Block]:
    """The report in reading order: title, then each section's heading and prose or table."""
    template = T.get(report.template)
    grids = {
        TableKind.PROACTIVE.value: table2(report, template),
        TableKind.REQUESTS.value: table3(report, template),
        TableKind.REVIEWS.value: table4(report, leaves_together=leaves_together),
    }
    out: list[Block] = [Block("title", report.title)] if report.title else []
    for key in T.SECTION_KEYS:
        if key in grids:
            section = report.table_sections.get(key, Section())
            out += _prose(section)
            out.append(Block("table", table=grids[key], key=key))
        else:
            out += _prose(getattr(report, key))
    return out


SpanModel = Literal["grid", "html", "docx"]
"""How a dump prints a span: `grid` an empty cell in every covered slot (pandoc, copy and paste);
`html` nothing for a covered slot (a `<td>` per cell: html2text, lynx); `docx` nothing for the
slots a colspan covers, an empty cell where a rowspan goes on (`gridSpan`/`vMerge`: Tika,
LibreOffice, docx2txt)."""


def owners(grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    """Each covered slot -> the top-left slot of the span covering it."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(grid):
        for c, slot in enumerate(row):
            if slot is not None:
                for dr in range(slot.rowspan):
                    for dc in range(slot.colspan):
                        if dr or dc:
                            out[(r + dr, c + dc)] = (r, c)
    return out


def flat(grid: Grid, model: SpanModel = "grid") -> list[list[Slot]]:
    """The grid's rows as a dump prints them under `model`."""
    owner = owners(grid)
    out: list[list[Slot]] = []
    for r, row in enumerate(grid):
        cells: list[Slot] = []
        for c, slot in enumerate(row):
            if slot is not None:
                cells.append(slot)
            elif model == "grid" or (model == "docx" and owner[(r, c)][1] == c):
                cells.append(Slot(""))
        out.append(cells)
    return out


def texts(rows: Sequence[Sequence[Slot]]) -> list[list[str]]:
    return [[s.text for s in row] for row in rows]

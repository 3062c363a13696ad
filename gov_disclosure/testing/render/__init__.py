"""`render(report, form, quirks)`: a `Report` printed as a whole document in one input form.

Text forms (`render.text`) return `str`; `html` (a fragment's page) and `html-page` (inside a
site's navigation and footer) return `str` markup; `docx` returns the file's `bytes`. Feed any
of them to `parse_bytes` (`str` encoded as UTF-8), text forms also to `parse_text`.
`FORMS` lists every form, `FORM_QUIRKS` the quirks each can print, `DIALECTS` the
`source.dialect` (or format) the library reports for it.
"""

from __future__ import annotations

from gov_disclosure.records import Report
from gov_disclosure.testing.quirks import (
    NONE,
    QUIRK_NAMES,
    Quirks,
    label_cell,
    noise_lines,
    traditional,
    value_cell,
    wrap,
)
from gov_disclosure.testing.render import docx, layout, markup
from gov_disclosure.testing.render.text import TABLE_FORMS

_ALL = frozenset(QUIRK_NAMES)
FORM_QUIRKS: dict[str, frozenset[str]] = {
    **{form: _ALL - {"wrapped"} for form in TABLE_FORMS},
    "tika-cells": _ALL,
    "box": _ALL,
    "html": _ALL,
    "html-page": _ALL,
    "docx": _ALL,
}
"""The quirks each form can print: wrapped cells only where a cell can hold two lines."""

DIALECTS: dict[str, str] = {
    **{form: form for form in TABLE_FORMS},
    "cell-lines-lynx": "cell-lines",
    "cell-lines-docx2txt": "cell-lines",
    "pipe-framed": "pipe",
    "html": "html",
    "html-page": "html",
    "docx": "docx",
}
"""The `source.dialect` a parse of each form reports."""

FORMS = tuple(FORM_QUIRKS)


def _spans(grid: layout.Grid, model: layout.SpanModel) -> list[list[tuple[int, bool]]]:
    """Each printed cell's (colspan, centred) under the `grid` model: 0 for a slot that a span
    from its left covers, 1 for one a span from above covers (printed empty)."""
    if model != "grid":
        return []
    owner = layout.owners(grid)
    return [
        [
            (s.colspan, s.kind == "header" and s.colspan > 1)
            if s is not None
            else (0 if owner[(r, c)][0] == r else 1, False)
            for c, s in enumerate(row)
        ]
        for r, row in enumerate(grid)
    ]


def _cells(grid: layout.Grid, q: Quirks, model: layout.SpanModel, *, can_wrap: bool) -> list[list[str]]:
    out: list[list[str]] = []
    for row in layout.flat(grid, model):
        cells: list[str] = []
        for c, slot in enumerate(row):
            if slot.kind == "value":
                cells.append(value_cell(slot.text, q, c))
            else:
                text = label_cell(slot.text, q)
                cells.append("\n".join(wrap(text)) if q.wrapped and can_wrap else text)
        out.append(cells)
    return out


def render_text(report: Report, form: str, q: Quirks = NONE) -> str:
    """`report` as one of the text forms (`render.text.TABLE_FORMS`)."""
    table, model = TABLE_FORMS[form]
    can_wrap = "wrapped" in FORM_QUIRKS[form]
    lines: list[str] = []
    for n, block in enumerate(layout.blocks(report, leaves_together=q.review_leaves_together)):
        if q.noise and n and block.kind in ("heading", "table"):
            lines += noise_lines(n)
        if block.kind == "table":
            lines += table(_cells(block.table, q, model, can_wrap=can_wrap), _spans(block.table, model))
            lines.append("")
        elif block.kind == "prose":
            lines.append(label_cell(block.text, q))
        else:
            lines.append(block.text)
    if q.trailing_padding:
        lines = [line + "  " if line else line for line in lines]
    text = "\n".join(lines) + "\n"
    return traditional(text) if q.traditional else text


def render(report: Report, form: str, quirks: Quirks = NONE) -> str | bytes:
    """`report` printed in `form` (one of `FORMS`) with `quirks`; a quirk the form cannot print
    (not in `FORM_QUIRKS[form]`) is a ValueError, never silently dropped."""
    if form not in FORM_QUIRKS:
        raise ValueError(f"unknown form {form!r}; one of {FORMS}")
    extra = set(quirks.on()) - FORM_QUIRKS[form]
    if extra:
        raise ValueError(f"form {form!r} cannot print {sorted(extra)}")
    if form == "docx":
        return docx.docx(report, quirks)
    if form in ("html", "html-page"):
        return markup.html(report, quirks, chrome=form == "html-page")
    return render_text(report, form, quirks)


__all__ = ["DIALECTS", "FORMS", "FORM_QUIRKS", "render", "render_text"]

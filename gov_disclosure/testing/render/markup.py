"""Markup forms: the laid-out report (`layout.blocks`) as an HTML page, spans as
rowspan/colspan, a wrapped label as `<br/>`, optionally inside a site's chrome."""

from __future__ import annotations

from html import escape

from gov_disclosure.records import Report
from gov_disclosure.testing.quirks import Quirks, label_cell, noise_lines, traditional, value_cell, wrap
from gov_disclosure.testing.render import layout

CHROME_TOP = (
    '<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/xxgk/">信息公开年报</a></div>'
)
CHROME_BOTTOM = '<div class="footer"><p>【打印本页】 【关闭窗口】</p><p>主办单位：{org}</p></div>'


def _cell(slot: layout.Slot, q: Quirks, column: int) -> str:
    if slot.kind == "value":
        text = escape(value_cell(slot.text, q, column))
    else:
        text = label_cell(slot.text, q)
        text = "<br/>".join(escape(x) for x in wrap(text)) if q.wrapped else escape(text)
    if q.trailing_padding and text:
        text += "  "
    spans = "".join(f' {name}="{n}"' for name, n in (("rowspan", slot.rowspan), ("colspan", slot.colspan)) if n > 1)
    return f"<td{spans}>{text}</td>"


def _table(grid: layout.Grid, q: Quirks) -> str:
    rows = ("<tr>" + "".join(_cell(s, q, c) for c, s in enumerate(row) if s is not None) + "</tr>" for row in grid)
    return '<table border="1" cellspacing="0">\n' + "\n".join(rows) + "\n</table>"


def html(report: Report, q: Quirks, *, chrome: bool = False) -> str:
    """`report` as an HTML page; `chrome` wraps it in a site's navigation and footer."""
    parts: list[str] = []
    for n, block in enumerate(layout.blocks(report, leaves_together=q.review_leaves_together)):
        if q.noise and n and block.kind in ("heading", "table"):
            parts += [f"<p>{escape(x)}</p>" for x in noise_lines(n)]
        if block.kind == "table":
            parts.append(_table(block.table, q))
        elif block.kind == "title":
            parts.append(f"<h1>{escape(block.text)}</h1>")
        elif block.kind == "heading":
            parts.append(f"<p><strong>{escape(block.text)}</strong></p>")
        else:
            parts.append(f"<p>{escape(label_cell(block.text, q))}</p>")
    body = "\n".join(parts)
    if chrome:
        footer = CHROME_BOTTOM.format(org=escape(report.organization or ""))
        body = f'{CHROME_TOP}\n<div class="article">\n{body}\n</div>\n{footer}'
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        f"{escape(report.title or '')}</title></head>\n<body>\n{body}\n</body></html>\n"
    )
    return traditional(page) if q.traditional else page

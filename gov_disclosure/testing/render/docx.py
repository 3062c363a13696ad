"""The laid-out report (`layout.blocks`) as a Word file: `gridSpan` for a colspan, `vMerge`
(restart, then continue cells) for a rowspan, a wrapped label as two paragraphs in its cell.
Written with the standard library's zipfile: the smallest package Word and the reader accept."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from gov_disclosure.records import Report
from gov_disclosure.testing.quirks import Quirks, label_cell, noise_lines, traditional, value_cell, wrap
from gov_disclosure.testing.render import layout

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _p(text: str, q: Quirks) -> str:
    if q.traditional:
        text = traditional(text)
    if not text:
        return "<w:p/>"
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _texts(slot: layout.Slot, q: Quirks, column: int) -> list[str]:
    if slot.kind == "value":
        lines = [value_cell(slot.text, q, column)]
    else:
        text = label_cell(slot.text, q)
        lines = wrap(text) if q.wrapped else [text]
    return [x + "  " for x in lines] if q.trailing_padding and slot.text else lines


def _tc(texts: list[str], q: Quirks, colspan: int, merge: str | None) -> str:
    props = f'<w:gridSpan w:val="{colspan}"/>' if colspan > 1 else ""
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(_p(t, q) for t in texts)}</w:tc>"


def _table(grid: layout.Grid, q: Quirks) -> str:
    owner = layout.owners(grid)
    width = len(grid[0]) if grid else 0
    rows: list[str] = []
    for r, row in enumerate(grid):
        cells: list[str] = []
        for c, slot in enumerate(row):
            if slot is not None:
                cells.append(_tc(_texts(slot, q, c), q, slot.colspan, "restart" if slot.rowspan > 1 else None))
                continue
            r0, c0 = owner[(r, c)]
            if r0 < r and c0 == c:  # a rowspan going on: a continue cell as wide as its span
                top = grid[r0][c0]
                assert top is not None
                cells.append(_tc([""], q, top.colspan, "continue"))
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    grid_cols = "".join('<w:gridCol w:w="800"/>' for _ in range(width))
    return f"<w:tbl><w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def docx(report: Report, q: Quirks) -> bytes:
    """`report` as the bytes of a .docx file."""
    body: list[str] = []
    for n, block in enumerate(layout.blocks(report, leaves_together=q.review_leaves_together)):
        if q.noise and n and block.kind in ("heading", "table"):
            body += [_p(x, q) for x in noise_lines(n)]
        if block.kind == "table":
            body.append(_table(block.table, q))
        elif block.kind == "prose":
            body.append(_p(label_cell(block.text, q), q))
        else:
            body.append(_p(block.text, q))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return buf.getvalue()

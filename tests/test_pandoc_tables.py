"""The markdown family beyond one simple pipe table: embedded HTML table markup, pandoc's grid
and multiline/simple tables, html2text's pipe rows (small inputs written by hand in each shape)."""

from __future__ import annotations

from gov_disclosure.blocks import Paragraph, Table
from gov_disclosure.readers.text import read_text


def _tables(text: str) -> list[Table]:
    return [b for b in read_text(text).blocks if isinstance(b, Table)]


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


EMBEDDED = """\
三、收到和处理政府信息公开申请情况

<table>
<tbody>
<tr>
<td colspan="2">申请人情况</td>
<td>自然人</td>
</tr>
<tr>
<td rowspan="2">三、本年度办理结果</td>
<td>（一）予以公开</td>
<td>12</td>
</tr>
<tr>
<td>（二）部分公开</td>
<td><span>3</span></td>
</tr>
</tbody>
</table>

四、政府信息公开行政复议、行政诉讼情况
"""


def test_embedded_table_markup_is_read_by_the_html_reader() -> None:
    doc = read_text(EMBEDDED)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.dialect == "html"
    assert _texts(table) == [
        ["申请人情况", "", "自然人"],
        ["三、本年度办理结果", "（一）予以公开", "12"],
        ["", "（二）部分公开", "3"],
    ]
    # the cells keep the lines of the text: `12` is on line 12, `3` (in a span) on line 16
    assert table.rows[1][2].pos.line == 12
    assert table.rows[2][2].pos.line == 16
    assert table.rows[0][0].colspan == 2
    assert table.rows[1][0].rowspan == 2
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs == ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
    assert not any("<t" in p for p in paragraphs)

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


HEADERLESS = """\
三、收到和处理政府信息公开申请情况

  ---------------- -------------- ------ ------
  申请人情况                      自然人 法人

  三、本年度办理结果 （一）予以公开  12     0
  （本列）           \\

                   （二）部分\\      3
                   公开

  四、结转           \\              0      2
  ---------------- -------------- ------ ------

四、政府信息公开行政复议、行政诉讼情况
"""


def test_headerless_multiline_table_keeps_empty_cells_in_place() -> None:
    (table,) = _tables(HEADERLESS)
    assert table.dialect == "dashed"
    # columns start at display columns 2, 19, 34 and 41 (CJK = 2): 三、本年度办理结果 (9 CJK
    # characters) fills 2-19, its last character starting at 18, so it stays in the first column
    assert _texts(table) == [
        ["申请人情况", "", "自然人", "法人"],
        ["三、本年度办理结果\n（本列）", "（一）予以公开", "12", "0"],
        ["", "（二）部分\n公开", "3", ""],
        ["四、结转", "", "0", "2"],
    ]
    assert table.rows[2][2].pos.line == 9  # `3` prints on the 9th line


SIMPLE_AND_MULTILINE = """\
  信息内容     本年新制作数量
  ------------ ----------------
  规章         0
  规范性文件   3

-------------------------------
  信息内容     本年新\\
               制作数量
  ------------ ----------------
  行政许可     15

  行政处罚     21
-------------------------------
"""


def test_simple_and_headed_multiline_tables() -> None:
    simple, multiline = _tables(SIMPLE_AND_MULTILINE)
    assert _texts(simple) == [["信息内容", "本年新制作数量"], ["规章", "0"], ["规范性文件", "3"]]
    assert _texts(multiline) == [["信息内容", "本年新\n制作数量"], ["行政许可", "15"], ["行政处罚", "21"]]


GRID = """\
+----------+--------+---------+
| 信息内容 | 本年新 | 处理决  |
|          | 制作数 | 定数量  |
+==========+========+=========+
| 第二十条第（一）项          |
+----------+--------+---------+
| 行政许可 | 1152   | 2722529 |
|          |        | 0916    |
+----------+--------+---------+
| 其他对外 | 12     | 34      |
| 管理     |        | 5       |
+----------+--------+---------+
"""


def test_grid_table_joins_numbers_cut_at_the_cell_edge_only() -> None:
    (table,) = _tables(GRID)
    assert table.dialect == "grid"
    assert _texts(table) == [
        ["信息内容", "本年新\n制作数", "处理决\n定数量"],
        ["第二十条第（一）项", "", ""],
        ["行政许可", "1152", "27225290916"],  # `2722529` fills the 7 columns of its cell
        ["其他对外\n管理", "12", "34\n5"],  # `34` does not: two lines, never 345
    ]
    assert table.rows[1][0].colspan == 3
    assert table.rows[2][2].pos.line == 7


# html2text ends every line with a markdown hard break (two blanks)
UNFRAMED = "".join(
    f"{line}  \n"
    for line in [
        "第二十条第（一）项",
        "---",
        "信息内容| 本年新制作数量",
        "规章| 0",
        "三、本年度办理结果| （一）予以公开| 12| | 12",
        "（二）部分公开| 3| | 3",
    ]
)


def test_rows_without_outer_pipes_keep_their_empty_cells() -> None:
    (table,) = _tables(UNFRAMED)
    assert table.dialect == "pipe" and not table.dropped_empty
    # the one-cell row above the rule starts no run: it stays a paragraph before the table
    assert _texts(table) == [
        ["信息内容", "本年新制作数量"],
        ["规章", "0"],
        ["三、本年度办理结果", "（一）予以公开", "12", "", "12"],
        ["（二）部分公开", "3", "", "3"],
    ]

"""Tests for `readers.html`: one inline fixture per construct, hostile inputs, the real page.

Every expected value in the real-file tests was read by hand from the HTML source of
`tests/data/real/shanghai-office-2019.html`, not from this reader's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_disclosure.blocks import Cell, Document, Paragraph, Position, Table
from gov_disclosure.errors import DecodeError, InputFormatError
from gov_disclosure.grid import SourceCell, SourceRow, flow
from gov_disclosure.readers.html import MAX_COLSPAN, looks_like_html, read_html

DATA = Path(__file__).parent / "data"
SHANGHAI = DATA / "real" / "shanghai-office-2019.html"


def read(html: str) -> Document:
    return read_html(html.encode("utf-8"), path="t.html")


def grid(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def kinds(doc: Document) -> list[str]:
    return [b.text if isinstance(b, Paragraph) else f"<table {b.pos.table}>" for b in doc.blocks]


class TestSpans:
    def test_rowspan_colspan_expand_to_anchor_plus_empty_slots(self) -> None:
        """A spanned cell appears once at its top-left slot; covered slots are "" on its line."""
        doc = read(
            "<table>\n"
            '<tr><td rowspan="2">A</td><td colspan="2">B</td></tr>\n'
            "<tr><td>c1</td><td>c2</td></tr>\n"
            "<tr><td>x</td><td>y</td><td>z</td></tr>\n"
            "</table>"
        )
        (table,) = doc.tables
        assert grid(table) == [["A", "B", ""], ["", "c1", "c2"], ["x", "y", "z"]]
        assert table.rows[0][0] == Cell("A", Position(line=2, table=0, row=0, col=0), rowspan=2)
        assert table.rows[0][1] == Cell("B", Position(line=2, table=0, row=0, col=1), colspan=2)
        assert table.rows[0][2] == Cell("", Position(line=2, table=0, row=0, col=2))
        assert table.rows[1][0] == Cell("", Position(line=2, table=0, row=1, col=0))
        assert table.rows[1][1].pos == Position(line=3, table=0, row=1, col=1)
        assert table.pos == Position(line=1, table=0)
        assert (table.dialect, table.dropped_empty) == ("html", False)
        assert (doc.format, doc.encoding) == ("html", "utf-8")

    def test_header_split_over_three_rows_with_merged_cells(self) -> None:
        """Table 4's shape: groups over leaves, leaves under rowspan 2 beside colspan 5 groups."""
        doc = read(
            "<table>"
            '<tr><td colspan="2">复议</td><td colspan="4">诉讼</td></tr>'
            '<tr><td rowspan="2">维持</td><td rowspan="2">总计</td>'
            '<td colspan="2">直接</td><td colspan="2">复议后</td></tr>'
            "<tr><td>维持</td><td>总计</td><td>维持</td><td>总计</td></tr>"
            "<tr><td>5</td><td>7</td><td>8</td><td>9</td><td>&nbsp;</td><td>1</td></tr>"
            "</table>"
        )
        (table,) = doc.tables
        assert grid(table) == [
            ["复议", "", "诉讼", "", "", ""],
            ["维持", "总计", "直接", "", "复议后", ""],
            ["", "", "维持", "总计", "维持", "总计"],
            ["5", "7", "8", "9", "", "1"],
        ]
        assert [(c.rowspan, c.colspan) for c in table.rows[1]][:5:2] == [(2, 1), (1, 2), (1, 2)]

    def test_rowspan_stops_at_the_end_of_its_row_group(self) -> None:
        doc = read(
            '<table><thead><tr><td rowspan="5">h</td><td>x</td></tr></thead>'
            "<tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
        )
        (table,) = doc.tables
        assert grid(table) == [["h", "x"], ["a", "b"]]
        assert table.rows[0][0].rowspan == 1

    def test_ragged_rows_are_padded_and_overlaps_keep_the_first_cell(self) -> None:
        rows = flow(
            [[SourceRow((SourceCell("a", 1, rowspan=2), SourceCell("b", 1)), 1),
              SourceRow((SourceCell("c", 2, colspan=3),), 2)]],
            table=4,
        )  # fmt: skip
        assert [[c.text for c in r] for r in rows] == [["a", "b", "", ""], ["", "c", "", ""]]
        assert rows[0][3].pos == Position(line=1, table=4, row=0, col=3)


class TestCellText:
    def test_p_br_and_span_inside_cells(self) -> None:
        doc = read(
            "<table><tr>"
            '<td><p align="center">本年新</p><p>制作数量</p></td>'
            "<td>本年新<br />公开数量</td>"
            "<td><span>对外</span><span>公开</span>总数量</td>"
            "<td><div>a</div>\n  <div> b  c </div></td>"
            "</tr></table>"
        )
        assert grid(doc.tables[0]) == [["本年新\n制作数量", "本年新\n公开数量", "对外公开总数量", "a\nb c"]]

    def test_nbsp_only_cell_is_blank_but_inner_nbsp_is_kept(self) -> None:
        doc = read(
            "<table><tr><td>&nbsp;</td><td><p align='center'>&nbsp;</p></td>"
            "<td> 1 </td><td>a&nbsp;b</td><td>\u3000</td></tr></table>"
        )
        assert grid(doc.tables[0]) == [["", "", "1", "a\xa0b", ""]]


class TestNestedTables:
    def test_report_inside_one_layout_cell(self) -> None:
        """The outer one-cell table is layout: its prose becomes paragraphs, inner tables tables."""
        doc = read(
            "<table><tr><td>"
            "<p>一、总体情况</p><p>正文</p>"
            "<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>"
            "<p>二、主动公开</p>"
            "<table><tr><td>c</td><td>d</td></tr></table>"
            "</td></tr></table>"
        )
        assert kinds(doc) == ["一、总体情况", "正文", "<table 0>", "二、主动公开", "<table 1>"]
        assert grid(doc.tables[0]) == [["a", "b"], ["1", "2"]]
        assert grid(doc.tables[1]) == [["c", "d"]]

    def test_layout_table_with_menu_and_content_cells(self) -> None:
        doc = read(
            "<table><tr><td><a href='/'>首页</a></td><td><p>一、总体情况</p>"
            "<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>"
            "</td></tr></table>"
        )
        assert kinds(doc) == ["一、总体情况", "<table 0>"]

    def test_small_table_inside_a_data_cell_is_flattened(self) -> None:
        doc = read(
            "<table><tr><td>label</td>"
            "<td><table><tr><td>a</td><td>b</td></tr></table></td></tr>"
            "<tr><td>x</td><td>y</td></tr></table>"
        )
        (table,) = doc.tables
        assert grid(table) == [["label", "a\nb"], ["x", "y"]]


class TestDocumentOrder:
    def test_table_continued_after_page_break_keeps_what_lies_between(self) -> None:
        doc = read(
            "<p>三、收到和处理</p>"
            "<table><tr><td>1.属于国家秘密</td><td>3</td></tr></table>"
            "尾注"
            "<p>&nbsp;</p><p style='page-break-before:always'>- 5 -</p>"
            "<table><caption>续表</caption><tr><td>2.其他</td><td>4</td></tr></table>"
            "<p>四、复议</p>"
        )
        assert kinds(doc) == ["三、收到和处理", "<table 0>", "尾注", "- 5 -", "续表", "<table 1>",
                              "四、复议"]  # fmt: skip
        assert grid(doc.tables[1]) == [["2.其他", "4"]]

    def test_br_splits_lines_and_blank_lines_drop(self) -> None:
        doc = read("<div>第一行<br>第二行<br><br>  第三\n行  </div><p><br />四、标题</p>")
        assert paragraphs(doc) == ["第一行", "第二行", "第三 行", "四、标题"]

    def test_paragraph_lines(self) -> None:
        doc = read("<p>a</p>\n\n<p>\n b</p>")
        assert [b.pos.line for b in doc.blocks] == [1, 3]


FULL_PAGE = """<!DOCTYPE html>
<html><head><title>年报</title><meta charset="utf-8">
<script>var x = "<p>脚本文字</p>";</script><style>p {color: red}</style></head>
<body><form id="form1">
<div class="top"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul></div>
<nav><a href="/a">机构概况</a> <a href="/b">政策文件</a></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/nb">年报</a></div>
<div class="left"><h3>专题专栏</h3><a href="/z1">优化营商环境专题</a><a href="/z2">一网通办</a></div>
<div class="wrap">
 <h1 class="title">2023年某某局政府信息公开工作年度报告</h1>
 <div class="info">发布日期：2024-01-20 <button>打印</button></div>
 <div id="zoom">
  <p>一、总体情况</p>
  <p>2023年，某某局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，不断提高政府工作透明度，
  主动公开政府信息一百二十条，依申请公开办理及时规范，政府信息管理制度不断完善，平台建设持续加强。</p>
  <table><tr><td>信息内容</td><td>本年新制作数量</td></tr><tr><td>规章</td><td>0</td></tr></table>
  <p style="display:none">隐藏文字</p>
 </div>
 <div class="bdshare">分享到：<a href="#">微信</a><a href="#">微博</a></div>
</div>
<div class="footer">主办单位：某某局　地址：某某路1号　备案号：某ICP备00000000号</div>
<iframe src="http://example.invalid/ad"></iframe>
</form><script>alert("x")</script></body></html>
"""


class TestBody:
    def test_full_page_keeps_title_and_report_only(self) -> None:
        doc = read(FULL_PAGE)
        assert kinds(doc) == [
            "2023年某某局政府信息公开工作年度报告",
            "一、总体情况",
            paragraphs(doc)[2],
            "<table 0>",
        ]
        assert paragraphs(doc)[2].startswith("2023年，某某局认真贯彻落实")
        assert paragraphs(doc)[2].endswith("平台建设持续加强。")
        assert grid(doc.tables[0]) == [["信息内容", "本年新制作数量"], ["规章", "0"]]
        assert doc.blocks[0].pos.line == 10

    def test_fragment_without_html_wrapper(self) -> None:
        doc = read("<p>标题</p><p>正文</p>")
        assert paragraphs(doc) == ["标题", "正文"]

    def test_page_without_text_is_a_clear_error(self) -> None:
        with pytest.raises(InputFormatError, match=r"t\.html: no text"):
            read("<html><body><script>load()</script><iframe src='x'></iframe></body></html>")


class TestEncodings:
    def test_meta_charset_gbk(self) -> None:
        page = '<html><head><meta charset="gbk"></head><body><p>政府信息公开</p></body></html>'
        doc = read_html(page.encode("gbk"), path="gbk.html")
        assert (doc.encoding, paragraphs(doc)) == ("gbk", ["政府信息公开"])

    def test_http_equiv_gb2312(self) -> None:
        page = (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            "</head><body><p>本年新收</p></body></html>"
        )
        doc = read_html(page.encode("gb2312"))
        assert (doc.encoding, paragraphs(doc)) == ("gb2312", ["本年新收"])

    def test_declared_gb2312_with_gbk_characters_widens_to_gb18030(self) -> None:
        page = '<meta charset="gb2312"><p>朱镕基</p>'  # 镕 is in GBK, not in GB2312
        doc = read_html(page.encode("gbk"))
        assert (doc.encoding, paragraphs(doc)) == ("gb18030", ["朱镕基"])

    def test_declared_gb2312_but_saved_as_utf8(self) -> None:
        doc = read_html('<meta charset="gb2312"><p>年度报告</p>'.encode())
        assert (doc.encoding, paragraphs(doc)) == ("utf-8", ["年度报告"])

    def test_declared_latin1_but_saved_as_gbk(self) -> None:
        page = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>总计</p>'
        doc = read_html(page.encode("gbk"))
        assert (doc.encoding, paragraphs(doc)) == ("gb18030", ["总计"])

    def test_undeclared_gbk_falls_back_to_gb18030(self) -> None:
        doc = read_html("<p>结转下年度</p><p>继续办理</p>".encode("gbk"))
        assert (doc.encoding, paragraphs(doc)) == ("gb18030", ["结转下年度", "继续办理"])

    def test_declared_non_text_codec_is_ignored(self) -> None:
        for name in ("base64", "zlib", "rot13", "no-such-charset"):
            doc = read_html(f'<meta charset="{name}"><p>report</p>'.encode())
            assert (doc.encoding, paragraphs(doc)) == ("utf-8", ["report"])

    def test_bom(self) -> None:
        doc = read_html("<p>报告</p>".encode("utf-16"))
        assert paragraphs(doc) == ["报告"]

    def test_undecodable_bytes(self) -> None:
        with pytest.raises(DecodeError, match="bad.html"):
            read_html(b"<p>\xff\xfe\xff</p>\x81", path="bad.html")


def _ends(data: bytes) -> Document | InputFormatError:
    """A document, or a clear error naming the file: never a crash or a hang (the parser's
    limits; how fast hostile input ends is measured by `benchmarks/bench_worst.py`)."""
    try:
        return read_html(data, path="evil.html")
    except InputFormatError as err:
        assert err.path == "evil.html" and "evil.html" in str(err)
        return err


class TestHostile:
    def test_xxe(self) -> None:
        data = (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<html><body><p>&xxe;</p></body></html>"
        )
        assert isinstance(_ends(data), InputFormatError)

    def test_billion_laughs(self) -> None:
        entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
        data = f"<!DOCTYPE lolz [{entities}]><p>&l9;</p>".encode()
        assert isinstance(_ends(data), InputFormatError)

    def test_deep_nesting(self) -> None:
        data = b"<div>" * 100_000 + b"x" + b"</div>" * 100_000
        assert isinstance(_ends(data), InputFormatError)

    def test_deeply_nested_tables(self) -> None:
        data = b"<table><tr><td>" * 20_000 + b"x"
        assert isinstance(_ends(data), InputFormatError)

    def test_huge_rowspan_is_clipped_to_the_table(self) -> None:
        doc = _ends(b'<table><tr><td rowspan="99999999">a</td><td>b</td></tr><tr><td>c</td></tr></table>')
        assert isinstance(doc, Document)
        assert grid(doc.tables[0]) == [["a", "b"], ["", "c"]]
        assert doc.tables[0].rows[0][0].rowspan == 2

    def test_huge_colspan_is_clamped(self) -> None:
        doc = _ends(b'<table><tr><td colspan="99999999">a</td><td>b</td></tr></table>')
        assert isinstance(doc, Document)
        (row,) = doc.tables[0].rows
        assert (len(row), row[0].colspan, row[MAX_COLSPAN].text) == (MAX_COLSPAN + 1, 1000, "b")

    def test_grid_too_large(self) -> None:
        data = b"<table>" + b'<tr><td colspan="1000">a</td><td>b</td></tr>' * 300 + b"</table>"
        err = _ends(data)
        assert isinstance(err, InputFormatError) and "grid cells" in str(err)


class TestSniffing:
    def test_html_pages_and_fragments(self) -> None:
        assert looks_like_html(FULL_PAGE)
        assert looks_like_html(FULL_PAGE.encode("utf-16"))
        assert looks_like_html(SHANGHAI.read_bytes())
        assert looks_like_html(b"\xef\xbb\xbf  <!doctype html><title>x</title>")

    def test_text_dumps_are_not_html(self) -> None:
        for sample in sorted((DATA / "samples").glob("*.txt")):
            assert not looks_like_html(sample.read_bytes()), sample.name
        assert not looks_like_html("（七）总计\t<5\t|  a | b |\n")


class TestShanghai:
    """Values read by hand from the HTML source (one physical line; every line is 1)."""

    @pytest.fixture
    def doc(self) -> Document:
        return read_html(SHANGHAI.read_bytes(), path=str(SHANGHAI))

    def test_document(self, doc: Document) -> None:
        assert (doc.format, doc.encoding, len(doc.tables)) == ("html", "utf-8", 3)
        assert paragraphs(doc)[:2] == [
            "2019年上海市人民政府办公厅政府信息公开工作年度报告",
            "发布日期：2020-01-31",
        ]
        assert "四、政府信息公开行政复议、行政诉讼情况" in paragraphs(doc)
        assert paragraphs(doc)[-2:] == ["六、其他需要报告的事项", "无。"]

    def test_table3_rows(self, doc: Document) -> None:
        table = doc.tables[1]
        assert table.rows[0][0].text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        assert (table.rows[0][0].rowspan, table.rows[0][0].colspan) == (3, 3)
        assert [c.text for c in table.rows[2][3:9]] == [
            "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
        ]  # fmt: skip
        new = table.rows[3]
        assert (new[0].text, new[0].colspan) == ("一、本年新收政府信息公开申请数量", 3)
        assert [c.text for c in new[3:]] == ["821", "35", "", "", "2", "1", "859"]
        granted = table.rows[5]
        assert (granted[0].text, granted[0].rowspan) == ("三、本年度办理结果", 20)
        assert granted[1].text == "（一）予以公开"
        assert [c.text for c in granted[3:]] == ["258", "12", "", "", "1", "1", ""]
        total = table.rows[24]
        assert [c.text for c in total[1:]] == ["（七）总计", "", "767", "35", "", "", "2", "1", "805"]
        assert [c.text for c in table.rows[25][3:]] == ["72", "", "", "", "", "", "72"]
        assert len(table.rows) == 26 and {len(r) for r in table.rows} == {10}
        assert table.rows[3][9].pos == Position(line=1, table=1, row=3, col=9)

    def test_table4_data_row(self, doc: Document) -> None:
        table = doc.tables[2]
        assert [c.text for c in table.rows[3]] == [
            "5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", "",
        ]  # fmt: skip
        assert [c.text for c in table.rows[2][:6]] == ["", "", "", "", "", "结果维持"]

    def test_table2_signed_and_money_cells(self, doc: Document) -> None:
        table = doc.tables[0]
        assert [c.text for c in table.rows[1]] == [
            "信息内容", "本年新\n制作数量", "本年新\n公开数量", "", "对外公开总数量",
        ]  # fmt: skip
        assert [c.text for c in table.rows[17]] == ["政府集中采购", "6", "", "251000元", ""]

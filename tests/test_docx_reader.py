"""The DOCX reader: one hand-written fixture per construct, hostile packages, the real template.

Fixtures are built in memory from XML written here. Expected values for template-2021.docx were
read by hand from its `word/document.xml` (`unzip -p FILE word/document.xml`: `w:tblGrid`,
`w:gridSpan`, `w:vMerge`, `w:t`, `w:br`), not from this reader's output.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from gov_disclosure.blocks import Cell, Document, Paragraph, Position, Table
from gov_disclosure.errors import InputFormatError
from gov_disclosure.readers.docx import format_number, looks_like_docx, looks_like_legacy_office, read_docx

TEMPLATE = Path(__file__).parent / "data" / "real" / "template-2021.docx"
NAME = "报告.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def document_xml(body: str, *, namespaces: str = NAMESPACES, head: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{head}'
        f'<w:document {namespaces} mc:Ignorable="w14"><w:body>{body}</w:body></w:document>'
    )


def make_docx(
    body: str = "",
    *,
    document: str | bytes | None = None,
    numbering: str | None = None,
    styles: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A .docx in memory: `body` inside a standard document, or a whole `document`."""
    parts: dict[str, str | bytes] = {"[Content_Types].xml": CONTENT_TYPES}
    parts["word/document.xml"] = document if document is not None else document_xml(body)
    if numbering is not None:
        parts["word/numbering.xml"] = numbering
    if styles is not None:
        parts["word/styles.xml"] = styles
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def p(text: str, ppr: str = "") -> str:
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(text: str, tcpr: str = "") -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{p(text) if text else '<w:p/>'}</w:tc>"


def tbl(rows: list[list[str]], grid: int | None) -> str:
    cols = "" if grid is None else "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * grid + "</w:tblGrid>"
    return f"<w:tbl><w:tblPr/>{cols}" + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"


def at(table: int, row: int, col: int) -> Position:
    return Position(table=table, row=row, col=col)


def grid_texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def rejects(data: bytes, *words: str) -> InputFormatError:
    """read_docx raises a clear InputFormatError naming the file (a limit checked before the work
    it bounds: the speed of hostile inputs is measured by `benchmarks/bench_worst.py`, not here)."""
    with pytest.raises(InputFormatError) as info:
        read_docx(data, path=NAME)
    err = info.value
    assert err.path == NAME and str(err).startswith(f"{NAME}: ")
    for word in words:
        assert word in str(err)
    return err


# --- paragraphs


def test_paragraph_runs_tabs_and_breaks() -> None:
    body = (
        "<w:p/>"
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>一、</w:t></w:r><w:r><w:t>总体</w:t><w:tab/>"
        "<w:t>情况</w:t><w:br/><w:t>第二行</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>３</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' + p("\u3000 ")
    )
    doc = read_docx(make_docx(body), path=NAME)
    assert doc == Document(blocks=(Paragraph("一、总体 情况\n第二行３"),), format="docx")
    assert doc.encoding is None


def test_tracked_changes_keep_insertions_drop_deletions() -> None:
    body = (
        "<w:p><w:r><w:t>本年</w:t></w:r>"
        '<w:ins w:id="1" w:author="a"><w:r><w:t>新收</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>收到</w:delText></w:r></w:del>'
        "<w:r><w:t>申请</w:t></w:r>"
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom></w:p>'
        # a deleted paragraph: its runs and its mark are deleted
        '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="a"/></w:rPr></w:pPr>'
        '<w:del w:id="5" w:author="a"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>'
        + "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>"
        + tc("保留行")
        + "</w:tr>"
        '<w:tr><w:trPr><w:del w:id="6" w:author="a"/></w:trPr>' + tc("删除行") + "</w:tr>"
        '<w:tr><w:trPr><w:ins w:id="7" w:author="a"/></w:trPr>' + tc("新增行") + "</w:tr></w:tbl>"
    )
    doc = read_docx(make_docx(body), path=NAME)
    assert paragraphs(doc) == ["本年新收申请"]
    assert grid_texts(doc.tables[0]) == [["保留行"], ["新增行"]]


def test_content_controls_are_read() -> None:
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:showingPlcHdr/></w:sdtPr>'
        "<w:sdtContent>" + p("块级控件") + "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>全年收到</w:t></w:r><w:sdt><w:sdtPr><w:text/></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>12</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:t>件</w:t></w:r></w:p>"
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:sdt><w:sdtContent><w:tr>" + tc("行政许可") + "<w:sdt><w:sdtContent>" + tc("5") + "</w:sdtContent></w:sdt>"
        "</w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    doc = read_docx(make_docx(body), path=NAME)
    assert paragraphs(doc) == ["块级控件", "全年收到12件"]
    assert doc.tables[0].rows == ((Cell("行政许可", at(0, 0, 0)), Cell("5", at(0, 0, 1))),)


TEXTBOX = "<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>"


def test_text_box_once_after_its_paragraph() -> None:
    drawing = (
        "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"{TEXTBOX}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    vml = f"<w:pict><v:shape><v:textbox>{TEXTBOX}</v:textbox></v:shape></w:pict>"
    grouped = (  # an mc:AlternateContent inside the drawing itself: one branch only
        '<w:drawing><wp:inline><mc:AlternateContent><mc:Choice Requires="wpg">'
        f"<wps:txbx>{TEXTBOX.replace('框内文字', '组合框')}</wps:txbx></mc:Choice>"
        f"<mc:Fallback><wps:txbx>{TEXTBOX.replace('框内文字', '组合框')}</wps:txbx>"
        "</mc:Fallback></mc:AlternateContent></wp:inline></w:drawing>"
    )
    body = (
        "<w:p><w:r><w:t>主</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps">{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback>'
        "</mc:AlternateContent></w:r><w:r><w:t>文</w:t></w:r></w:p>"
        + p("后文")
        + f"<w:p><w:r>{vml.replace('框内文字', 'VML框')}</w:r></w:p>"
        + f"<w:p><w:r>{grouped}</w:r></w:p>"
    )
    doc = read_docx(make_docx(body), path=NAME)
    assert paragraphs(doc) == ["主文", "框内文字", "后文", "VML框", "组合框"]


def test_nested_table_is_flattened_into_its_cell() -> None:
    inner = tbl([[tc("a"), tc("b")], [tc(""), tc("d")]], grid=2)
    outer_cell = f"<w:tc><w:tcPr/>{p('外')}{inner}<w:p/></w:tc>"
    body = tbl([[tc("左"), outer_cell]], grid=2) + tbl([[tc("后表")]], grid=1)
    doc = read_docx(make_docx(body), path=NAME)
    first, second = doc.tables
    assert first.rows == ((Cell("左", at(0, 0, 0)), Cell("外\na b\nd", at(0, 0, 1))),)
    assert first.pos == Position(table=0) and first.dialect == "docx"
    assert second.rows == ((Cell("后表", at(1, 0, 0)),),) and second.pos == Position(table=1)


# --- tables


def test_grid_span_expands_to_the_grid() -> None:
    body = tbl(
        [
            [tc("第二十条第（一）项", '<w:gridSpan w:val="3"/>')],
            [tc("信息内容"), tc("本年处理决定数量", '<w:gridSpan w:val="2"/>')],
            [tc("规章"), tc("１２"), tc("3")],
        ],
        grid=3,
    )
    (table,) = read_docx(make_docx(body), path=NAME).tables
    assert table.rows == (
        (Cell("第二十条第（一）项", at(0, 0, 0), colspan=3), Cell("", at(0, 0, 1)), Cell("", at(0, 0, 2))),
        (Cell("信息内容", at(0, 1, 0)), Cell("本年处理决定数量", at(0, 1, 1), colspan=2), Cell("", at(0, 1, 2))),
        (Cell("规章", at(0, 2, 0)), Cell("１２", at(0, 2, 1)), Cell("3", at(0, 2, 2))),
    )


def test_vertical_merge_restart_and_continue() -> None:
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    body = tbl(
        [
            [tc("（三）不予公开", restart), tc("1.属于国家秘密")],
            [tc("", cont), tc("2.其他")],
            [tc("", '<w:vMerge w:val="continue"/>'), tc("3.危及")],
            [tc("（四）无法提供"), tc("1.不掌握")],
        ],
        grid=2,
    )
    (table,) = read_docx(make_docx(body), path=NAME).tables
    assert [row[0] for row in table.rows] == [
        Cell("（三）不予公开", at(0, 0, 0), rowspan=3),
        Cell("", at(0, 1, 0)),
        Cell("", at(0, 2, 0)),
        Cell("（四）无法提供", at(0, 3, 0)),
    ]
    assert [row[1].text for row in table.rows] == ["1.属于国家秘密", "2.其他", "3.危及", "1.不掌握"]


def test_text_left_in_merged_away_cells_joins_the_merged_cell() -> None:
    body = tbl(
        [
            [tc("上", '<w:vMerge w:val="restart"/>'), tc("右", '<w:hMerge w:val="restart"/>'), tc("续", "<w:hMerge/>")],
            [tc("下", "<w:vMerge/>"), tc("a"), tc("b")],
        ],
        grid=3,
    )
    (table,) = read_docx(make_docx(body), path=NAME).tables
    assert table.rows[0] == (
        Cell("上\n下", at(0, 0, 0), rowspan=2),
        Cell("右\n续", at(0, 0, 1), colspan=2),
        Cell("", at(0, 0, 2)),
    )


def test_merged_corner_spans_rows_and_columns() -> None:
    corner = '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'
    body = tbl(
        [
            [tc("角", corner), tc("申请人情况", '<w:gridSpan w:val="2"/>')],
            [tc("", '<w:gridSpan w:val="2"/><w:vMerge/>'), tc("商业"), tc("总计")],
        ],
        grid=4,
    )
    (table,) = read_docx(make_docx(body), path=NAME).tables
    assert table.rows[0][0] == Cell("角", at(0, 0, 0), rowspan=2, colspan=2)
    assert grid_texts(table) == [["角", "", "申请人情况", ""], ["", "", "商业", "总计"]]


def test_wps_table_without_grid_short_rows_and_grid_before() -> None:
    namespaces = NAMESPACES + ' xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData"'
    body = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        "<w:tr>" + tc("行政复议", '<w:gridSpan w:val="2"/>') + tc("行政诉讼") + "</w:tr>"
        "<w:tr>" + tc("维持") + tc("纠正") + "</w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("１") + tc("2") + "</w:tr>"
        "</w:tbl>"
    )
    doc = read_docx(make_docx(document=document_xml(body, namespaces=namespaces)), path=NAME)
    (table,) = doc.tables
    assert grid_texts(table) == [["行政复议", "", "行政诉讼"], ["维持", "纠正", ""], ["", "１", "2"]]
    assert table.rows[2][1] == Cell("１", at(0, 2, 1))


def test_cell_paragraphs_join_with_newlines() -> None:
    cell = f"<w:tc><w:tcPr/>{p('商业')}<w:p/>{p('企业')}</w:tc>"
    (table,) = read_docx(make_docx(tbl([[cell]], grid=1)), path=NAME).tables
    assert table.rows[0][0].text == "商业\n企业"


# --- numbering


def level(ilvl: int, fmt: str, text: str, suff: str | None = "nothing") -> str:
    suffix = "" if suff is None else f'<w:suff w:val="{suff}"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suffix}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="7">'
    + level(0, "chineseCounting", "%1、")
    + level(1, "chineseCounting", "（%2）")
    + level(2, "decimal", "%3.", None)
    + level(3, "lowerLetter", "%4)")
    + '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="7"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride></w:num>'
    "</w:numbering>"
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="3"/>'
    "</w:numPr></w:pPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>'
    "</w:styles>"
)


def numbered(text: str, ilvl: int, num_id: int = 3) -> str:
    return p(text, f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>')


def test_numbered_headings_from_num_pr() -> None:
    body = (
        numbered("总体情况", 0)
        + numbered("主动公开", 1)
        + numbered("依申请公开", 1)
        + numbered("要点", 2)
        + numbered("细项", 3)
        + numbered("细项", 3)
        + numbered("主动公开政府信息情况", 0)
        + numbered("规章", 1)
        + numbered("三、已写出编号", 0)
        + p("样式编号", '<w:pPr><w:pStyle w:val="MyHeading"/></w:pPr>')
        + numbered("另一列表", 0, num_id=4)
        + numbered("不编号", 0, num_id=0)
    )
    doc = read_docx(make_docx(body, numbering=NUMBERING, styles=STYLES), path=NAME)
    assert paragraphs(doc) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1. 要点",
        "a)细项",
        "b)细项",
        "二、主动公开政府信息情况",
        "（一）规章",
        "三、已写出编号",
        "四、样式编号",
        "八、另一列表",
        "不编号",
    ]


def test_text_printing_its_own_marker_gets_no_list_label() -> None:
    body = numbered("第三章 总则", 0) + numbered("①要点", 0) + numbered("2020年报告", 0) + numbered("第1二章", 0)
    doc = read_docx(make_docx(body, numbering=NUMBERING), path=NAME)
    assert paragraphs(doc) == ["第三章 总则", "①要点", "三、2020年报告", "四、第1二章"]


def test_numbering_without_numbering_part_leaves_text() -> None:
    assert paragraphs(read_docx(make_docx(numbered("总体情况", 0)), path=NAME)) == ["总体情况"]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCounting", "一百一十"),
        (3, "ideographTraditional", "丙"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (28, "lowerLetter", "bb"),
        (4, "upperRoman", "IV"),
        (12, "decimalFullWidth", "１２"),
        (3, "decimalEnclosedCircle", "③"),
        (7, "decimal", "7"),
        (105, "ideographDigital", "一〇五"),
        (2, "someNewFormat", "2"),
    ],
)
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_strict_namespace_and_parts_found_through_relationships() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    kind = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
    lists = (
        f'<w:numbering xmlns:w="{strict}"><w:abstractNum w:abstractNumId="0">'
        + level(0, "chineseCounting", "%1、")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    document = f'<w:document xmlns:w="{strict}"><w:body>' + numbered("总体情况", 0, num_id=1) + "</w:body></w:document>"
    data = make_docx(
        document="<nothing/>",
        extra={
            "_rels/.rels": (
                f'<Relationships xmlns="{rel_ns}"><Relationship Id="r1" '
                f'Type="{kind}officeDocument" Target="/word/main.xml"/>'
                "</Relationships>"
            ).encode(),
            "word/main.xml": document.encode(),
            "word/_rels/main.xml.rels": (
                f'<Relationships xmlns="{rel_ns}"><Relationship Id="r2" '
                f'Type="{kind}numbering" Target="lists.xml"/>'
                "</Relationships>"
            ).encode(),
            "word/lists.xml": lists.encode(),
        },
    )
    assert paragraphs(read_docx(data, path=NAME)) == ["一、总体情况"]


# --- sniffing and hostile input


def test_sniffing() -> None:
    template = TEMPLATE.read_bytes()
    assert looks_like_docx(template) and not looks_like_legacy_office(template)
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert looks_like_legacy_office(ole2) and not looks_like_docx(ole2)
    assert not looks_like_docx(b"%PDF-1.7")


def test_legacy_doc_says_how_to_convert() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    rejects(ole2, ".doc", "soffice --headless --convert-to docx '报告.docx'")
    encrypted = ole2 + "EncryptedPackage".encode("utf-16-le")
    rejects(encrypted, "password")


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"not a document at all", "not a zip"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"", "not a zip"),
    ],
)
def test_not_a_zip(data: bytes, word: str) -> None:
    rejects(data, word)


def test_truncated_and_foreign_zips() -> None:
    template = TEMPLATE.read_bytes()
    rejects(template[: len(template) // 2], "zip")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    rejects(buf.getvalue(), "no word/document.xml", "Excel")
    rejects(make_docx(document="<w:document"), "not well-formed")
    rejects(make_docx(document=f'<x xmlns:w="{W}"><w:body/></x>'), "not a WordprocessingML")


def test_zip_bomb_declared_huge_is_refused_before_inflating() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(document_xml("").encode()[:-20])
            for _ in range(60):  # 60 MB of blanks, about 60 KB compressed
                member.write(b" " * 2**20)
    assert len(buf.getvalue()) < 2**20
    rejects(buf.getvalue(), "zip bomb", "word/document.xml", "declares")


def _set_sizes(data: bytes, name: bytes, size: int, *, local: bool) -> bytes:
    """Rewrite the uncompressed size that the zip headers declare for member `name`."""
    out = bytearray(data)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46 : central + 46 + name_len] == name:
            struct.pack_into("<I", out, central + 24, size)
            if local:
                offset = struct.unpack_from("<I", out, central + 42)[0]
                struct.pack_into("<I", out, offset + 22, size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def test_zip_member_declared_too_big_in_total() -> None:
    data = make_docx(p("正文"), extra={"word/media/image1.png": b"x" * 100})
    forged = _set_sizes(data, b"word/media/image1.png", 0xF000_0000, local=False)
    rejects(forged, "zip bomb")


def test_zip_member_lying_about_its_size_is_a_damaged_file() -> None:
    big = document_xml(p("正文") + "<w:p/>" * 2_000_000)  # 12 MB of XML, declared 1 KB
    forged = _set_sizes(make_docx(document=big), b"word/document.xml", 1024, local=True)
    rejects(forged, "damaged")


def test_compression_ratio_cap() -> None:
    rejects(make_docx(document=document_xml(p("正文") + " " * (8 * 2**20))), "zip bomb", "compresses")


@pytest.mark.parametrize(
    "head",
    [
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE w:document [<!ENTITY net SYSTEM "http://127.0.0.1:9/evil.dtd">]>',
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    ],
)
def test_doctype_and_entities_are_refused(head: str) -> None:
    body = p("&xxe;" if "xxe" in head else "&net;" if "net" in head else "&d;")
    err = rejects(make_docx(document=document_xml(body, head=head)), "DOCTYPE")
    assert "root:" not in str(err)


def test_doctype_in_utf32_part_is_refused_after_parsing() -> None:
    xml = document_xml(p("&e;"), head='<!DOCTYPE w:document [<!ENTITY e "x">]>')
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-32"')
    rejects(make_docx(document=xml.encode("utf-32")), "DOCTYPE")


def test_doctype_in_numbering_part_is_refused() -> None:
    numbering = f'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:numbering xmlns:w="{W}"/>'
    rejects(make_docx(p("正文"), numbering=numbering), "word/numbering.xml", "DOCTYPE")


def test_deep_xml_nesting_is_an_error() -> None:
    deep = "<w:sdt><w:sdtContent>" * 50_000 + p("x") + "</w:sdtContent></w:sdt>" * 50_000
    rejects(make_docx(deep), "not well-formed")


def test_deeply_nested_tables_are_an_error() -> None:
    body = p("最内层")
    for _ in range(70):  # 3 XML levels each: within libxml2's 256, past the reader's limit
        body = f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"
    rejects(make_docx(body), "nested")


def test_huge_grids_are_an_error() -> None:
    rejects(make_docx(tbl([[tc("x", '<w:gridSpan w:val="999999"/>')]], grid=1)), "columns")
    rejects(make_docx(tbl([[tc("x")]], grid=5000)), "columns")
    rows = [[tc("x")]] * 2100  # 2,100 rows of a 100-column grid: 210,000 slots
    rejects(make_docx(tbl(rows, grid=100)), "cells")


# --- the official 2021 template


def test_template_2021() -> None:
    doc = read_docx(TEMPLATE.read_bytes(), path=str(TEMPLATE))
    assert doc.format == "docx" and doc.dialect == "docx"
    assert paragraphs(doc) == [
        "政府信息公开工作年度报告格式模板",
        "一、总体情况",
        "（文字描述）",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "（文字描述）",
        "六、其他需要报告的事项",
        "（文字描述，收取信息处理费情况在此处报告。）",
    ]
    kinds = ["T" if isinstance(b, Table) else b.text[:2] for b in doc.blocks]
    assert kinds == ["政府", "一、", "（文", "二、", "T", "三、", "T", "四、", "T", "五、", "（文", "六、", "（文"]
    proactive, requests, reviews = doc.tables
    assert [(len(t.rows), {len(r) for r in t.rows}) for t in doc.tables] == [(14, {4}), (28, {10}), (4, {15})]
    assert [t.pos for t in doc.tables] == [Position(table=i) for i in range(3)]

    # Table 2: caption rows gridSpan=4, the single value column gridSpan=3
    assert proactive.rows[0][0] == Cell("第二十条第（一）项", at(0, 0, 0), colspan=4)
    assert proactive.rows[12][1] == Cell("本年收费金额（单位：万元）", at(0, 12, 1), colspan=3)
    assert grid_texts(proactive)[2] == ["规章", "", "", ""]  # cells holding only U+3000

    # Table 3: the corner cell is gridSpan=3 + vMerge over three rows
    corner = requests.rows[0][0]
    assert corner.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert (corner.rowspan, corner.colspan, corner.pos) == (3, 3, at(1, 0, 0))
    assert all(requests.rows[r][c] == Cell("", at(1, r, c)) for r in range(3) for c in range(3) if (r, c) != (0, 0))
    assert requests.rows[0][3] == Cell("申请人情况", at(1, 0, 3), colspan=7)
    assert requests.rows[1][3] == Cell("自然人", at(1, 1, 3), rowspan=2)
    assert requests.rows[1][4] == Cell("法人或其他组织", at(1, 1, 4), colspan=5)
    assert requests.rows[1][9] == Cell("总计", at(1, 1, 9), rowspan=2)
    assert requests.rows[2][4] == Cell("商业\n企业", at(1, 2, 4))
    assert [c.text for c in requests.rows[2][3:]] == [
        "",
        "商业\n企业",
        "科研\n机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "",
    ]
    assert requests.rows[5][0] == Cell("三、本年度办理结果", at(1, 5, 0), rowspan=22)
    assert requests.rows[23][1] == Cell("（六）其他处理", at(1, 23, 1), rowspan=3)
    assert requests.rows[27][0] == Cell("四、结转下年度继续办理", at(1, 27, 0), colspan=3)

    # Table 4: header words broken by w:br, the 行政复议 leaves span two rows
    assert reviews.rows[0][5] == Cell("行政诉讼", at(2, 0, 5), colspan=10)
    assert reviews.rows[1][1] == Cell("结果\n纠正", at(2, 1, 1), rowspan=2)
    assert reviews.rows[2][5] == Cell("结果\n维持", at(2, 2, 5))
    assert grid_texts(reviews)[3] == [""] * 15

"""The reader registry: which reader the first bytes call for, in which order, and errors that
name the file. Inputs are written here byte by byte or are the real files of `tests/data/real`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gov_disclosure.blocks import Document, Paragraph, Position
from gov_disclosure.errors import DecodeError, InputFormatError
from gov_disclosure.readers import (
    HEAD_BYTES,
    READERS,
    PdfReader,
    Settings,
    TextReader,
    choose_reader,
    detect_format,
    read_any,
)
from gov_disclosure.readers.pdf import PdfSettings

REAL = Path(__file__).parent / "data" / "real"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def zipped(name: str, text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, text)
    return buf.getvalue()


def test_registered_order_text_last() -> None:
    assert [r.name for r in READERS] == ["pdf", "docx", "html", "text"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        (b"\xef\xbb\xbf junk before the header %PDF-1.4", "pdf"),  # within the first KB
        (b" " * 1100 + b"%PDF-1.4", "text"),  # past it
        (zipped("word/document.xml", "<w:document/>"), "docx"),
        (zipped("xl/workbook.xml", "<workbook/>"), "docx"),  # any zip: the DOCX reader says what it is
        (OLE2, "docx"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"<html>%PDF-".rjust(2000), "html"),  # the magic too late for PDF, markup at the start
        (b"<p>a</p><table><tr><td>1</td></tr></table>", "html"),  # a fragment: three tags
        (b"x" * HEAD_BYTES + b"<html><p>a</p><div>b</div>", "text"),  # markup past the head
        ("一、总体情况\n本年度收到申请 12 件".encode(), "text"),
        # markdown that embeds a spanned table as markup (pandoc) is text: its own tables have rules
        ("| 规章 | 1 |\n|---|---|\n<table><tr><td>1</td></tr></table>".encode(), "text"),
        (b"+----+----+\n| a  | 1  |\n<table><tr><td>1</td></tr></table>", "text"),
        (b"  ----- -----\n  a     1\n  ----- -----\n<table><tr><td>1</td></tr></table>", "text"),  # pandoc simple
        # markdown keeping a page's wrapper divs as markup: its lines open with markdown links
        ('<div class="nav">\n\n-   [首页](/)\n-   [政务公开](/col/2.html)\n\n</div>\n\n<div>'.encode(), "text"),
        (b'<div>\n<p><a href="/">[1]</a></p>\n[note](x)\n</div>', "html"),  # one such line is not markdown
        (b"", "text"),
    ],
)
def test_each_sniff_picks_its_reader(data: bytes, fmt: str) -> None:
    assert detect_format(data) == fmt


def test_real_files_by_content() -> None:
    names = {"huaian-2024.pdf": "pdf", "template-2021.docx": "docx", "shanghai-office-2019.html": "html"}
    for name, fmt in names.items():
        assert detect_format((REAL / name).read_bytes()) == fmt


def test_order_decides_and_text_accepts_anything() -> None:
    pdf = b"%PDF-1.7\n"
    assert choose_reader(pdf).name == "pdf"
    assert choose_reader(pdf, (TextReader(), PdfReader())).name == "text"
    with pytest.raises(ValueError, match="no reader accepts"):
        choose_reader(b"plain", (PdfReader(),))


def test_text_fallback_decodes_and_reads_lines() -> None:
    text = "一、总体情况\n本机关全年公开信息。\n"
    doc = read_any(text.encode("gb18030"))
    assert (doc.format, doc.encoding) == ("text", "gb18030")
    assert doc.blocks == (
        Paragraph("一、总体情况", Position(line=1)),
        Paragraph("本机关全年公开信息。", Position(line=2)),
    )
    assert read_any(text.encode()).encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"abc\xff\x81", DecodeError, "not UTF-8, UTF-16 or GB18030"),
        (OLE2, InputFormatError, "legacy binary Word/WPS document"),
        (zipped("xl/workbook.xml", "<workbook/>"), InputFormatError, "it is an Excel workbook"),
        (b"PK\x03\x04 cut short", InputFormatError, "not a zip archive"),
        (b"<html><body><script>a()</script></body></html>", InputFormatError, "no text in the page"),
    ],
)
def test_errors_name_the_path(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as err:
        read_any(data, path="dir/报告.x")
    assert str(err.value).startswith("dir/报告.x: ") and words in str(err.value)


def test_an_error_without_a_path_gets_it() -> None:
    class Refusing:
        name = "refusing"

        def accepts(self, head: bytes) -> bool:
            return True

        def read(self, data: bytes, path: str | None, settings: Settings) -> Document:
            raise InputFormatError("refused")

    with pytest.raises(InputFormatError) as err:
        read_any(b"x", path="a.bin", readers=(Refusing(),))
    assert (err.value.path, str(err.value)) == ("a.bin", "a.bin: refused")


def test_settings_reach_the_pdf_reader() -> None:
    pytest.importorskip("pdfplumber")
    data = (REAL / "huaian-2024.pdf").read_bytes()
    with pytest.raises(InputFormatError, match="has 6 pages, more than the 1 a report may have"):
        read_any(data, path="h.pdf", settings=Settings(pdf=PdfSettings(max_pages=1)))
    assert Settings().pdf == PdfSettings()


def test_pandoc_markdown_with_markup_in_the_zoo_is_text() -> None:
    # 004's page through `pandoc -t gfm` opens with the page's wrapper divs and markdown links;
    # own-2021's DOCX through `pandoc -t markdown` has a simple table (dash rules) and raw <table>s
    zoo = Path(__file__).parent / "data" / "zoo" / "out"
    for name in ("004_page.html--pandoc-gfm.md", "own-2021.docx--pandoc-markdown.md"):
        assert detect_format((zoo / name).read_bytes()) == "text", name


def test_document_dialect_is_the_most_common_then_the_first() -> None:
    """Ties go to the first table, never to hash order (the JSON names the same dialect each run)."""
    from gov_disclosure.blocks import Cell, Document, Table

    def table(dialect: str) -> Table:
        return Table(rows=((Cell("a"),),), dialect=dialect)

    assert Document(blocks=(table("grid"), table("dashed"), table("fixed-width"))).dialect == "grid"
    assert Document(blocks=(table("grid"), table("dashed"), table("dashed"))).dialect == "dashed"
    assert Document(blocks=()).dialect is None

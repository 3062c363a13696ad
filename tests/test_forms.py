"""Every form through the same pipeline: the reader is picked from the content, every number
keeps where it came from, and bad or hostile files end in a clear error naming the file."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

import gov_disclosure as g
from gov_disclosure.cli import main

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "samples" / "004_5f52f77d1e58bc3f.txt"
HTML = DATA / "real" / "shanghai-office-2019.html"
PDF = DATA / "real" / "huaian-2024.pdf"
DOCX = DATA / "real" / "template-2021.docx"


def test_reader_is_chosen_by_content_not_name(tmp_path: Path) -> None:
    as_html = tmp_path / "dump.html"
    as_html.write_bytes(SAMPLE.read_bytes())
    as_txt = tmp_path / "page.txt"
    as_txt.write_bytes(HTML.read_bytes())
    r1, r2 = g.parse_file(as_html), g.parse_file(as_txt)
    assert (r1.source.format, r1.source.dialect) == ("text", "tika-cells")
    assert (r2.source.format, r2.source.dialect) == ("html", "html")
    assert r1.requests is not None and r1.requests.total is not None and r1.requests.total.total.value == 175
    assert r2.requests is not None and r2.requests.new_received is not None
    assert r2.requests.new_received.total.value == 859


def test_html_provenance_has_grid_cell() -> None:
    prov = g.parse_file(HTML).to_dict(with_provenance=True)["provenance"]
    where = prov["requests.new_received.total"]
    assert where["raw"].strip() == "859"
    assert {"line", "table", "row", "col"} <= set(where)


def test_pdf_provenance_has_page_and_box() -> None:
    pytest.importorskip("pdfplumber")
    report = g.parse_file(PDF)
    assert (report.source.format, report.template, report.year) == ("pdf", "2021", 2024)
    where = report.to_dict(with_provenance=True)["provenance"]["reviews.review.total"]
    assert where["raw"] == "351" and where["page"] == 5
    x0, top, x1, bottom = where["bbox"]
    assert 0 <= x0 < x1 <= 700 and 0 <= top < bottom <= 900


def test_docx_template_is_structure_without_numbers() -> None:
    report = g.parse_file(DOCX)
    assert (report.source.format, report.template) == ("docx", "2021")
    d = report.to_dict()
    counts = [v for t in ("requests", "reviews") for row in d[t].values() for v in row.values()]
    counts += [v for row in d["proactive"].values() for v in row.values()]
    assert len(counts) == 25 * 7 + 15 + 10 and all(v is None for v in counts)
    blank = sorted(i.table for i in report.issues if i.code == "table.blank")
    assert blank == ["proactive", "requests", "reviews"]
    assert report.overview.text == "（文字描述）"
    prov = report.to_dict(with_provenance=True)["provenance"]
    # A blank cell still says where it is: 行政许可 is the 7th row of the first table.
    assert prov["proactive.licensing.decisions"] == {"table": 0, "row": 6, "col": 1, "raw": ""}


def _docx(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def test_docx_numbers_have_table_row_and_column(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def p(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in cells) + "</w:tr>"

    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    numbers = [str(i) for i in (1, 0, 0, 1, 2, 3, 1, 0, 0, 4, 0, 0, 0, 0, 0)]
    table = "<w:tbl>" + row("行政复议", "", "", "", "", "行政诉讼", *[""] * 9)
    table += row(*[""] * 5, "未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4)
    table += row(*leaves * 3) + row(*numbers) + "</w:tbl>"
    body = p("某县2021年政府信息公开工作年度报告") + p("四、政府信息公开行政复议、行政诉讼情况") + table
    path = tmp_path / "r.docx"
    path.write_bytes(_docx(f'<?xml version="1.0"?><w:document {w}><w:body>{body}</w:body></w:document>'))
    report = g.parse_file(path)
    prov = report.to_dict(with_provenance=True)["provenance"]
    assert prov["reviews.review.total"]["raw"] == "2"
    assert (prov["reviews.review.total"]["table"], prov["reviews.review.total"]["row"]) == (0, 3)
    assert prov["reviews.litigation_direct.total"] == {"table": 0, "row": 3, "col": 9, "raw": "4"}
    assert not [i for i in report.issues if i.table == "reviews"]


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "soffice"),
        ("bomb.docx", None, ""),
        ("notzip.docx", b"PK\x03\x04garbage", ""),
        ("garbage.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50, ""),
        ("xxe.html", b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>&x;</body></html>', ""),
        ("empty.txt", b"", "no report"),
    ],
)
def test_bad_files_end_in_a_clear_error_naming_the_file(
    tmp_path: Path, name: str, data: bytes | None, says: str
) -> None:
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/document.xml", b"<" + b"a" * (60 * 1024 * 1024))
        data = buf.getvalue()
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(g.GovDisclosureError) as exc:
        g.parse_file(path)
    assert str(exc.value).startswith(f"{path}")
    assert says in str(exc.value)


def test_convert_without_soffice_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert main(["parse", "--convert", str(doc)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{doc}: ") and "soffice" in err


def test_cli_reads_every_form(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pdfplumber")
    assert main(["parse", str(HTML), str(DOCX), str(PDF), str(SAMPLE), "--format", "jsonl"]) == 0
    formats = [json.loads(x)["source"]["format"] for x in capsys.readouterr().out.splitlines()]
    assert formats == ["html", "docx", "pdf", "text"]


def test_convert_goes_through_soffice_in_a_temporary_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stand-in `soffice` (it copies a DOCX where LibreOffice would write one) checks the
    plumbing: arguments, output directory, the converted file read, the original path kept."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    docx = DATA / "rendered" / "000_report.docx"
    fake.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'out="$2"; src="$3"; name=$(basename "$src"); name="${name%.*}"\n'
        f'cp "{docx}" "$out/$name.docx"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert main(["parse", "--convert", str(doc)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["source"]["path"] == str(doc) and d["source"]["format"] == "docx"
    assert d["requests"]["unavailable_not_held"]["natural_person"] == 8

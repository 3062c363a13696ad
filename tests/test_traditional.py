"""Traditional characters (a 繁体 mirror of a report) read like simplified ones, kept as printed.

The samples and real reports are turned into traditional text here with OpenCC's `s2t` (the
library the parser compares through, run the other way); their numbers must be the hand-checked
ones of tests/expected, their template, year and sections the simplified parse's, and every
printed text (title, organization, headings, `raw`) must stay traditional. A small report
written by hand in traditional characters checks the placeholders, units, furniture and
signature a mirror prints."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers import T3_LABELS_2019, t3_tika, tika
from opencc import OpenCC

import gov_disclosure as g
from gov_disclosure import script
from gov_disclosure import templates as T
from gov_disclosure.furniture import is_page_mark, is_page_number
from gov_disclosure.labels import label_key
from gov_disclosure.normalize import fold, parse_money, value_kind
from gov_disclosure.sections import heading_key

HERE = Path(__file__).parent
SAMPLES = {p.name[:3]: p for p in sorted((HERE / "data" / "samples").glob("*.txt"))}
REAL = HERE / "data" / "real"
S2T = OpenCC("s2t")
PROSE = ("overview", "problems", "other_matters")


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return data


def traditional(text: str) -> str:
    converted: str = S2T.convert(text)
    assert converted != text and script.is_traditional(converted)
    return converted


def assert_cells(got: dict[str, Any], want: dict[str, Any]) -> None:
    """Every cell as in `want` (simplified, hand-checked); a money amount's `raw` is the printed,
    traditional text (`億`, `萬元`), its value and unit those of `want`."""
    for table in ("proactive", "requests", "reviews"):
        assert set(got[table]) == set(want[table]), table
        for row, cells in want[table].items():
            for col, cell in cells.items():
                if isinstance(cell, dict):
                    assert got[table][row][col]["raw"] == S2T.convert(cell["raw"]), f"{table}.{row}.{col}"
                    assert {k: v for k, v in got[table][row][col].items() if k != "raw"} == {
                        k: v for k, v in cell.items() if k != "raw"
                    }
                else:
                    assert got[table][row][col] == cell, f"{table}.{row}.{col}"


@pytest.mark.parametrize("num", sorted(SAMPLES))
def test_samples_in_traditional_read_as_in_simplified(num: str) -> None:
    simplified_text = SAMPLES[num].read_text(encoding="utf-8")
    report = g.parse_text(traditional(simplified_text))
    plain = g.parse_text(simplified_text)
    want = expected(num)
    assert_cells(report.to_dict(), want)
    assert (report.template, report.year) == (want["template"], want["year"])
    assert report.title == S2T.convert(want["title"]) and script.is_traditional(report.title)
    assert report.organization == S2T.convert(want["organization"])
    for key in PROSE:
        section, original = getattr(report, key), getattr(plain, key)
        assert section.heading == (None if original.heading is None else S2T.convert(original.heading))
        assert section.line == original.line
    assert report.table_sections.keys() == plain.table_sections.keys()
    assert [(i.code, i.row, i.column, i.line) for i in report.issues] == [
        (i.code, i.row, i.column, i.line) for i in plain.issues
    ]


def test_2021_report_in_traditional_with_its_phrase_label() -> None:
    """Huaian's `pdftotext -layout` text: 反复申请 prints as 反覆申請, which only OpenCC's phrase
    table turns back (覆 alone is a simplified character too)."""
    text = traditional((REAL / "huaian-2024.layout.txt").read_text(encoding="utf-8"))
    assert "大量反覆申請" in text
    report = g.parse_text(text)
    want = expected("huaian-2024")
    assert (report.source.dialect, report.template, report.year) == ("fixed-width", "2021", 2024)
    assert_cells(report.to_dict(), want)
    assert not [i for i in report.issues if i.severity in ("error", "warning")]
    where = report.to_dict(with_provenance=True)["provenance"]["requests.rejected_excessive.total"]
    assert "反覆申請" in text.split("\n")[where["line"] - 1]


def test_html_mirror_in_traditional() -> None:
    page = traditional((REAL / "shanghai-office-2019.html").read_text(encoding="utf-8"))
    report = g.parse_bytes(page.encode("utf-8"))
    want = expected("shanghai-office-2019")
    assert (report.source.format, report.template, report.year) == ("html", want["template"], want["year"])
    assert report.organization == S2T.convert(want["organization"])
    assert_cells(report.to_dict(), want)


def test_docx_in_traditional() -> None:
    """Sample 000 as a DOCX (tests/data/rendered) with its document part in traditional."""
    source, out = zipfile.ZipFile(HERE / "data" / "rendered" / "000_report.docx"), io.BytesIO()
    with source, zipfile.ZipFile(out, "w") as z:
        for item in source.infolist():
            data = source.read(item)
            z.writestr(item, traditional(data.decode("utf-8")) if item.filename == "word/document.xml" else data)
    report = g.parse_bytes(out.getvalue())
    want = expected("000")
    assert (report.source.format, report.template, report.year) == ("docx", want["template"], want["year"])
    assert report.title == S2T.convert(want["title"])
    assert_cells(report.to_dict(), want)


HAND_MADE = (
    "某某縣人民政府2020年政府信息公開工作年度報告\n"
    "一、總體情況\n"
    "本機關依照《條例》做好政府信息公開工作。\n"
    "二、主動公開政府信息情況\n"
    + tika(
        ["第二十條第（一）項"],
        ["信息內容", "本年新製作數量", "本年新公開數量", "對外公開總數量"],
        ["規章", "1", "2", "3"],
        ["規範性文件", "無", "5", "6"],
        ["第二十條第（九）項"],
        ["信息內容", "採購項目數量", "採購總金額"],
        ["政府集中採購", "12", "27326.00萬元"],
    )
    + "三、收到和處理政府信息公開申請情況\n"
    + tika(["第一項"])
    + "\n四、政府信息公開行政復議、行政訴訟情況\n"
    + tika(
        ["行政復議", "行政訴訟"],
        ["結果維持", "結果糾正", "其他結果", "尚未審結", "總計", "未經復議直接起訴", "復議後起訴"],
        ["結果維持", "結果糾正", "其他結果", "尚未審結", "總計"] * 2,
        ["1", "0", "0", "1", "2", "無", "無", "無", "無", "無", "3", "0", "0", "0", "3"],
    )
    + "五、存在的主要問題及改進情況\n"
    "公開的深度還不夠。\n"
    "六、其他需要報告的事項\n"
    "無。\n"
    "某某縣人民政府辦公室\n"
    "2021年1月30日\n"
    "掃一掃在手機打開當前頁面\n"
)


def test_hand_made_traditional_report() -> None:
    """Written in traditional characters by hand: 無 is a blank cell, 萬元 a unit, the title and
    headings are found and kept as printed, the signature and furniture set aside."""
    report = g.parse_text(HAND_MADE)
    d = report.to_dict()
    assert (report.title, report.year, report.template) == (
        "某某縣人民政府2020年政府信息公開工作年度報告",
        2020,
        "2019",
    )
    assert report.organization == "某某縣人民政府"
    assert d["proactive"]["regulations"] == {"new_made": 1, "new_published": 2, "total_published": 3}
    assert d["proactive"]["normative_documents"] == {"new_made": None, "new_published": 5, "total_published": 6}
    assert d["proactive"]["procurement"] == {
        "items": 12,
        "amount": {"raw": "27326.00萬元", "value": 27326.0, "unit": "万元"},
    }
    assert d["reviews"]["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}
    assert d["reviews"]["litigation_direct"] == dict.fromkeys(("upheld", "corrected", "other", "pending", "total"))
    assert d["reviews"]["litigation_after_review"] == {
        "upheld": 3,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 3,
    }
    assert report.overview.heading == "一、總體情況"
    assert report.overview.text == "本機關依照《條例》做好政府信息公開工作。"
    assert (report.problems.heading, report.problems.text) == ("五、存在的主要問題及改進情況", "公開的深度還不夠。")
    assert (report.other_matters.heading, report.other_matters.text) == ("六、其他需要報告的事項", "無。")
    tail = [(u.reason, u.text) for u in report.unassigned if u.reason in ("signature", "date", "furniture")]
    assert tail == [
        ("furniture", "掃一掃在手機打開當前頁面"),
        ("signature", "某某縣人民政府辦公室"),
        ("date", "2021年1月30日"),
    ]
    assert not [i for i in report.issues if i.severity == "error"]


def test_table_3_in_traditional() -> None:
    """The helpers' Table 3 (2019) in traditional inside the hand-made report: every row label
    found (結轉, 總計, 不予公開 …), the blank cells null, the identities hold."""
    row = {"new_received": 0, "carried_over": 1, "granted": 2, "total": 21, "carried_forward": 22}
    values = {"0": ["3", "", "", "", "", "", "3"], "1": ["0"] * 7, "2": ["2", "", "", "", "", "", "2"]}
    values |= {"21": ["2", "", "", "", "", "", "2"], "22": ["1", "", "", "", "", "", "1"]}
    assert [T3_LABELS_2019[i][-1] for i in (21, 22)] == ["（七）总计", "四、结转下年度继续办理"]
    text = HAND_MADE.replace(tika(["第一項"]), traditional(t3_tika(values)))
    report = g.parse_text(text)
    requests = report.to_dict()["requests"]
    for key, i in row.items():
        cells = [None if v == "" else int(v) for v in values[str(i)]]
        assert list(requests[key].values()) == cells, key
    assert requests["denied_state_secret"] == dict.fromkeys(T.TABLE3_COLUMN_KEYS)
    assert not [i for i in report.issues if i.table == "requests" and i.severity != "info"]
    assert not [i for i in report.issues if i.severity == "error"]


def test_a_simplified_report_never_reaches_the_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speed: no text of a simplified report holds a character `t2s` changes, so none is converted."""

    def refuse(text: str) -> str:
        raise AssertionError(f"converted {text!r}")

    monkeypatch.setattr(script, "_convert", refuse)
    for path in [*SAMPLES.values(), REAL / "huaian-2024.layout.txt", REAL / "shanghai-office-2019.html"]:
        assert g.parse_file(path).template is not None
    with pytest.raises(AssertionError):
        g.parse_text(HAND_MADE)


def test_no_template_text_is_traditional() -> None:
    """The template's labels, headings and keywords are simplified: they compare unconverted."""
    texts = [*T.SECTION_KEYWORDS.values(), *T.SECTION_HEADINGS.values()]
    for tpl in T.all_templates():
        texts += [r.texts for r in tpl.table3_rows] + [tpl.markers]
        texts += [r.texts for b in tpl.table2 for r in b.rows] + [(b.caption,) for b in tpl.table2]
    flat = [t for group in texts for t in group]
    assert len(flat) > 60
    assert [t for t in flat if script.is_traditional(t)] == []


@pytest.mark.parametrize(
    ("printed", "compared"),
    [
        ("總計", "总计"),
        ("上年結轉政府信息公開申請數量", "上年结转政府信息公开申请数量"),
        ("無正當理由大量反覆申請", "无正当理由大量反复申请"),
        ("（三）不予公開", "（三）不予公开"),
        ("乾隆年間", "乾隆年间"),
        ("答覆", "答覆"),  # no character that differs: compared as printed
        ("总计", "总计"),
    ],
)
def test_simplified_form(printed: str, compared: str) -> None:
    assert script.simplified(printed) == compared
    assert len(script.simplified(printed)) == len(printed)


def test_comparable_forms_fold_the_script() -> None:
    assert fold("（七）總 計") == "(七)总计"
    assert label_key("4.無正當理由大量反覆申請") == label_key("4、无正当理由大量反复申请")
    assert value_kind("無") == "blank" and value_kind("無法提供") == "text"
    amount = parse_money(" 5.49億")
    assert amount is not None and (amount.raw, amount.value, amount.unit) == ("5.49億", 5.49, "亿")
    assert heading_key("三、收到和處理政府信息公開申請情況") == "requests"
    assert heading_key("四、行政復議、行政訴訟情況") == "reviews"
    assert is_page_mark("第 3 頁 共 6 頁") and is_page_mark("共6頁，第3頁") and is_page_number("第3頁")
    assert not is_page_mark("第3頁內容")

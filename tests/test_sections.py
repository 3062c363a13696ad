"""Section headings: by wording, by number and keyword, run into a sentence; sectioning a document."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_disclosure.blocks import Document, Paragraph, Position
from gov_disclosure.pipeline import parse_file, parse_text
from gov_disclosure.sections import heading_key, is_placeholder, split_heading, split_sections

ZOO = Path(__file__).parent / "data" / "zoo" / "out"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("一、总体情况", "overview"),
        ("1、 总体情况", "overview"),
        ("一、概 述", "overview"),
        ("三、依申请公开政府信息情况", "requests"),
        ("五、存在的主要问题及改进情况", "problems"),
        ("六、其它需要报告的事项", "other_matters"),  # not listed: number six plus its keyword
        ("四、复议诉讼", "reviews"),
    ],
)
def test_headings(text: str, key: str) -> None:
    assert heading_key(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "（一）主动公开情况",  # a subsection
        "七、其他",  # no seventh section
        "一、主动公开方面",  # keyword of another section under number one
        "2.5亿元用于主动公开",  # a decimal, not section 2
        "二、主动公开，共计5条",  # a sentence
    ],
)
def test_not_headings(text: str) -> None:
    assert heading_key(text) is None


def test_heading_run_into_its_first_sentence() -> None:
    assert split_heading("一、总体情况。2020年，本县") == ("overview", "一、总体情况", "2020年，本县")
    assert split_heading("5.存在的主要问题及改进情况：一是") == (
        "problems",
        "5.存在的主要问题及改进情况",
        "一是",
    )
    assert split_heading("总体情况。2020年，本县") is None  # no numbering: prose


def test_split_sections() -> None:
    lines = [
        "某县2020年政府信息公开年报",
        "一、总体情况",
        "甲。",
        "五、主要问题和改进措施",
        "乙。",
        "一、总体情况",  # an earlier heading restated: prose
        "某县人民政府办公室",
        "2021年1月30日",
    ]
    doc = Document(tuple(Paragraph(t, Position(line=i)) for i, t in enumerate(lines, start=1)))
    parts = split_sections(doc)
    assert [p.text for p in parts.preamble] == ["某县2020年政府信息公开年报"]
    assert list(parts.sections) == ["overview", "problems"]
    assert parts.sections["overview"].text() == "甲。"
    assert parts.sections["problems"].text() == "乙。\n一、总体情况"
    assert [(u.reason, u.text, u.line) for u in parts.unassigned] == [
        ("signature", "某县人民政府办公室", 7),
        ("date", "2021年1月30日", 8),
    ]


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("[TABLE]", True),
        ("  [Table]  ", True),
        ("[象山县人民政府]", False),  # a link text as lynx or pandoc print it, not ASCII
        ("[1]", False),  # a footnote mark
        ("[TABLE] 见附件", False),  # more than the bracketed word
        ("[bookmark: _Toc1]", False),  # a marker, set aside as one
    ],
)
def test_placeholder_shape(text: str, placeholder: bool) -> None:
    assert is_placeholder(text) is placeholder


def test_placeholders_kept_out_of_the_prose() -> None:
    lines = [
        "某县2020年政府信息公开年报",
        "[TABLE]",
        "三、收到和处理政府信息公开申请情况",
        "[TABLE]",
        "共收到申请3件。",
        "[IMG]",  # an image a dump left out: a marker, not a table
        "四、政府信息公开行政复议、行政诉讼情况",
        "[table]",
    ]
    doc = Document(tuple(Paragraph(t, Position(line=i)) for i, t in enumerate(lines, start=1)))
    parts = split_sections(doc)
    assert [(p.text, p.line, p.section) for p in parts.placeholders] == [
        ("[TABLE]", 2, None),
        ("[TABLE]", 4, "requests"),
        ("[table]", 8, "reviews"),
    ]
    assert parts.sections["requests"].text() == "共收到申请3件。"
    assert parts.sections["reviews"].text() == ""
    assert [p.text for p in parts.preamble] == ["某县2020年政府信息公开年报"]
    assert [(u.reason, u.text, u.line) for u in parts.unassigned] == [("marker", "[IMG]", 6)]


def test_placeholder_warns_that_the_tool_lost_the_table() -> None:
    text = "\n\n".join(
        [
            "某县2020年政府信息公开工作年度报告",
            "一、总体情况",
            "本年度主动公开信息100条。",
            "三、收到和处理政府信息公开申请情况",
            "[TABLE]",
            "四、政府信息公开行政复议、行政诉讼情况",
            "本年度无行政复议。",
        ]
    )
    report = parse_text(text)
    omitted = [i for i in report.issues if i.code == "table.omitted_by_tool"]
    assert [(i.severity, i.line) for i in omitted] == [("warning", 9)]
    assert "section requests" in omitted[0].message and "`[TABLE]`" in omitted[0].message
    assert report.table_sections["requests"].text == ""
    assert report.requests is None
    assert any(i.code == "table.missing" and i.table == "requests" for i in report.issues)


def test_pandoc_plain_placeholders_in_the_zoo() -> None:
    # own-2019.docx through `pandoc -t plain`: `[TABLE]` on lines 57 (section 三) and 61 (四)
    report = parse_file(ZOO / "own-2019.docx--pandoc-plain.txt")
    omitted = [(i.line, i.message.split(":")[0]) for i in report.issues if i.code == "table.omitted_by_tool"]
    assert omitted == [(57, "section requests"), (61, "section reviews")]
    assert "[TABLE]" not in report.table_sections["reviews"].text

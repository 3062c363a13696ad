"""Section headings: by wording, by number and keyword, run into a sentence; sectioning a document."""

from __future__ import annotations

import pytest

from gov_disclosure.blocks import Document, Paragraph, Position
from gov_disclosure.sections import heading_key, split_heading, split_sections


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

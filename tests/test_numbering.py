"""Enumeration markers and Chinese numerals (`gov_disclosure.numbering`)."""

from __future__ import annotations

import pytest

from gov_disclosure.numbering import (
    OUTLINE_NUMERALS,
    Marker,
    chinese_to_int,
    digits_to_chinese,
    int_to_chinese,
    match_marker,
    starts_outline_heading,
)


def test_marker_forms() -> None:
    assert match_marker("一、总体情况") == Marker("chinese", 1, "一、", "、", "总体情况")
    m = match_marker(" （二）部分公开")
    assert m is not None and (m.style, m.number, m.marker, m.punct, m.rest) == (
        "paren-chinese",
        2,
        "（二）",
        "）",
        "部分公开",
    )
    assert (m.level, m.numeral) == (2, "二")
    m = match_marker("3.属于国家秘密")
    assert m is not None and (m.style, m.number, m.level, m.numeral, m.rest) == ("arabic", 3, 3, "3", "属于国家秘密")
    m = match_marker("(3)其他")
    assert m is not None and (m.style, m.number, m.level) == ("paren-arabic", 3, 4)
    m = match_marker("①重复申请")
    assert m is not None and (m.style, m.number, m.numeral) == ("circled", 1, "①")
    m = match_marker("第二章 总则")
    assert m is not None and (m.style, m.number, m.numeral, m.level) == ("chapter", 2, "二", 0)
    m = match_marker("十二、其他")
    assert m is not None and (m.number, m.numeral) == (12, "十二")


@pytest.mark.parametrize("text", ["2020.5万元", "3.5", "总体情况", "", "1234、"])
def test_not_markers(text: str) -> None:
    assert match_marker(text) is None


def test_chinese_numerals_both_ways() -> None:
    assert [chinese_to_int(t) for t in ("三", "十二", "二十", "一百零一", "二〇二〇", "二零二一")] == [
        3,
        12,
        20,
        101,
        2020,
        2021,
    ]
    assert chinese_to_int("2020") is None and chinese_to_int("") is None
    assert [int_to_chinese(n) for n in (1, 10, 15, 101, 2020)] == ["一", "十", "十五", "一百零一", "二千零二十"]
    assert int_to_chinese(15, legal=True) == "一十五"
    assert digits_to_chinese(2020) == "二〇二〇"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三、本年度办理结果", True),
        ("  十二. 其他", True),
        ("（二）部分公开", True),
        ("(七)总计", True),
        ("1.属于国家秘密", False),  # arabic: a row label's item, not a heading
        ("三.5万元", False),  # a dot before a digit is a decimal point
        ("〔二〕x", False),  # only round brackets
        ("一百、x", False),  # 百 is no outline numeral
        ("本年度", False),
    ],
)
def test_outline_heading_prefix(text: str, expected: bool) -> None:
    """The one-pattern test the text reader asks of every line agrees with `match_marker`
    filtered to Chinese outline markers with 、/. or round brackets."""
    assert starts_outline_heading(text) is expected
    m = match_marker(text)
    by_marker = (
        m is not None
        and m.style in ("chinese", "paren-chinese")
        and set(m.numeral) <= OUTLINE_NUMERALS
        and (m.punct in "、.．" if m.style == "chinese" else m.marker[0] in "(（")
    )
    assert by_marker is expected

"""Cell text folding and value reading."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.normalize import (
    MoneyValue,
    ValueParseError,
    fold,
    folded_kind,
    is_blank_value,
    looks_numeric,
    parse_count,
    parse_money,
    value_kind,
)


def test_fold() -> None:
    assert fold("\xa0１２\u3000") == "12"
    assert fold("（一） 予以公开") == "(一)予以公开"
    assert fold("−3") == "-3"


@pytest.mark.parametrize(
    ("text", "value"),
    [("25", 25), ("０", 0), (" 25", 25), ("+4", 4), ("－2", -2), ("1,234", 1234), ("12.0", 12), ("12件", 12)],
)
def test_parse_count(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["", " ", "—", "/", "无", "--"])
def test_blank_counts_are_none(text: str) -> None:
    assert parse_count(text) is None and is_blank_value(text)


def test_unreadable_count() -> None:
    with pytest.raises(ValueParseError, match="not a count: '3.5'"):
        parse_count("3.5")


def test_parse_money() -> None:
    assert parse_money("5.49亿") == MoneyValue("5.49亿", 5.49, "亿")
    assert parse_money(" 27326.00万元 ") == MoneyValue("27326.00万元", 27326.0, "万元")
    assert parse_money("96171.6", "万元") == MoneyValue("96171.6", 96171.6, "万元")
    assert parse_money("189131144") == MoneyValue("189131144", 189131144.0, None)
    assert parse_money("-") is None
    with pytest.raises(ValueParseError):
        parse_money("若干")


def test_value_kind() -> None:
    assert [value_kind(t) for t in ("", "／", "1,234", "+4", "43.788万元", "总计", "1.属于国家秘密")] == [
        "blank",
        "blank",
        "value",
        "value",
        "value",
        "text",
        "text",
    ]
    assert looks_numeric("—") and looks_numeric("5件") and not looks_numeric("规章")


# Ideographs (simplified, traditional, 无/無, units, a compatibility ideograph that NFKC maps to a
# unified one), digits in three forms, signs, dashes, commas and every kind of blank.
_ALPHABET = "行政许可無无萬万億亿元件条個總計覆反\uf900" + "0129１２" + "+-−－—.,，/" + " \u3000\xa0\u200b\t"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=8))
def test_value_kind_tells_labels_apart_without_folding_exactly_as_folding_does(text: str) -> None:
    """`value_kind` answers a text that starts with an ideograph without folding it; the answer
    is always the one folding gives."""
    assert value_kind(text) == folded_kind(fold(text))


def test_labels_told_without_folding() -> None:
    # by hand: labels, whatever follows their first ideograph; 无 and traditional text are folded
    assert [value_kind(t) for t in ["行政许可", "万元", "元 5", "总计12"]] == ["text"] * 4
    assert [value_kind(t) for t in ["无", "無", "萬5"]] == ["blank", "blank", "text"]
    assert value_kind("５万元") == "value" and value_kind("—") == "blank"

"""Page numbers and tool markers, one definition for every reader and the sectioner."""

from __future__ import annotations

import pytest

from gov_disclosure.furniture import is_marker, is_page_mark, is_page_number


@pytest.mark.parametrize("line", ["- 3 -", "—3—", "第3页", "第 3 页 共 6 页", "3/6", "Page 3 of 6", "12", "－３－"])
def test_page_number_forms(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["2024 年", "一、总体情况", "第二十条", "31190", "3.5"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(line)


@pytest.mark.parametrize("line", ["3119", "7"])
def test_bare_numbers_count_in_the_margin(line: str) -> None:
    """Up to four digits alone: a page number where position says the line is in the margin."""
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["- 3 -", "第 3 页 共 6 页", "3/6", "Page 3 of 6"])
def test_marked_page_numbers_are_marks(line: str) -> None:
    assert is_page_mark(line)


@pytest.mark.parametrize("line", ["12", "-3", "3119", "2024 年"])
def test_a_bare_number_is_not_a_mark(line: str) -> None:
    """Outside the margin a bare number is a value (a cell of a blank-padded table)."""
    assert not is_page_mark(line)


@pytest.mark.parametrize(
    "line",
    [
        "[bookmark: _Toc4]",
        "   [image: 政府办公室01]",
        r"\[bookmark: _GoBack\]",
        "[IMG]",
        "[bookmark: a] [image: b.png]",
    ],
)
def test_tool_markers(line: str) -> None:
    """What pandoc, LibreOffice and lynx print for a bookmark or an image, alone on its line."""
    assert is_marker(line)


@pytest.mark.parametrize(
    "line", ["[bookmark: _GoBack]根据《条例》", "[1]", "[注]", "[bookmark:", "（一）予以公开", "5"]
)
def test_not_tool_markers(line: str) -> None:
    """Text after the marker, a numbered note, a Chinese bracket word, a marker cut by a wrap,
    a lost table's placeholder (reported by the sectioner)."""
    assert not is_marker(line)

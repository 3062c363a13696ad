"""The stream cut (`segment.py`): numbers cut into consecutive rows, only certain segments kept."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import calls, grows_linearly
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.segment import cut

ROOT = Path(__file__).resolve().parent


def test_full_rows_are_cut_uniquely() -> None:
    # Row 0 can only be [1 2 3] (a lone [1] leaves five numbers for one row of three).
    got = cut([1, 2, 3, 4, 5, 9], rows=2, width=3)
    assert got.spans == ((0, 3), (3, 6))
    assert (got.fits, got.complete) == (1, True)


def test_zeros_leave_every_row_open() -> None:
    # [0 0 0] | [], [0 0] | [0], [0] | [0 0], [] | [0 0 0] all fit.
    got = cut([0, 0, 0], rows=2, width=3)
    assert got.spans == (None, None)
    assert got.fits == 2


def test_a_row_is_certain_when_every_cut_gives_it_the_same_segment() -> None:
    # Row 0 must be [1 2 3]: blank leaves 7 numbers for 2 rows, [1] leaves [2 3 0 ...] (no
    # row starts [2 3 0] or [2] [3 0 ...]). The four zeros then split 1+3, 2+2 or 3+1.
    got = cut([1, 2, 3, 0, 0, 0, 0], rows=3, width=3)
    assert got.spans == ((0, 3), None, None)
    assert got.fits == 2


def test_a_stream_that_fills_every_row_is_certain() -> None:
    # 2 rows x 3 columns, 6 numbers: both rows print every column.
    got = cut([0, 0, 0, 47, 16, 63], rows=2, width=3)
    assert got.spans == ((0, 3), (3, 6))


def test_a_row_that_breaks_its_sum_fits_nothing() -> None:
    got = cut([1, 2, 4, 4, 5, 9], rows=2, width=3)
    assert (got.spans, got.fits) == ((None, None), 0)


def test_the_budget_bounds_the_search() -> None:
    """A budget spent ends the search with nothing given (no partial, unchecked cut)."""
    got = cut([0] * 100, rows=23, width=7, budget=1_000)
    assert not got.complete
    assert got.spans == (None,) * 23


def test_a_stream_longer_than_the_table_fits_nothing_at_once() -> None:
    got = cut([1] * 20_000, rows=23, width=7)
    assert (got.fits, got.complete) == (0, True)
    assert grows_linearly(lambda n: calls(lambda: cut([1] * n, rows=23, width=7)), 5_000)


def test_own_2019_pdftotext_stream_is_not_cut_by_arithmetic_alone() -> None:
    # The numbers between the Table 3 and Table 4 headings are the 23 rows' 自然人 and 总计,
    # row-major (46 numbers). A row may be blank and [0 0 1 1] fits one row, so cuts that move
    # rows around a blank one fit too: no row is certain.
    text = (ROOT / "data/zoo/out/own-2019.docx--libreoffice-pdf--pdftotext.txt").read_text("utf-8")
    region = text[text.index("收到和处理政府信息公开申请情况") : text.index("政府信息公开行政复议")]
    stream = [int(line) for line in region.splitlines() if re.fullmatch(r"\d+", line.strip())]
    assert stream[:8] == [23, 23, 2, 2, 12, 12, 3, 3]
    assert len(stream) == 46
    got = cut(stream, rows=23, width=7)
    assert (got.fits, got.complete) == (2, True)
    assert got.spans == (None,) * 23


def _table(draw: st.DrawFn) -> list[list[int]]:
    """4 rows of (2 parts + total): each cell blank at random, a row blank in full at random;
    the printed numbers of each row."""
    rows: list[list[int]] = []
    for _ in range(4):
        parts = [draw(st.sampled_from([None, 0, 0, 1, 2, 5])) for _ in range(2)]
        total = sum(v or 0 for v in parts)
        printed = [v for v in parts if v is not None] + [total]
        rows.append([] if draw(st.booleans()) and total == 0 else printed)
    return rows


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_certain_segment_is_the_printed_row(data: st.DataObject) -> None:
    rows = _table(data.draw)
    stream = [v for row in rows for v in row]
    ends = [sum(len(r) for r in rows[: i + 1]) for i in range(4)]
    truth = [(end - len(row), end) for row, end in zip(rows, ends, strict=True)]
    got = cut(stream, rows=4, width=3)
    assert got.fits >= 1  # the printed cut always fits
    for want, span in zip(truth, got.spans, strict=True):
        assert span is None or span == want

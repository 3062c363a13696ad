"""The stream cut (`segment.py`): a number stream cut into template rows, only certain cells kept."""

from __future__ import annotations

import re
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import templates
from gov_disclosure.segment import Balance, balances, cut

ROOT = Path(__file__).resolve().parent


def test_full_rows_are_cut_uniquely() -> None:
    # Row 0 can only be [1, 2, 3] (a lone [1] leaves five numbers for one row of three).
    got = cut([1, 2, 3, 4, 5, 9], rows=2, width=3)
    assert got.cells == ((1, 2, 3), (4, 5, 9))
    assert (got.fits, got.complete) == (1, True)


def test_zeros_leave_every_row_open() -> None:
    # [0 0 0] | [], [0 0] | [0], [0] | [0 0], [] | [0 0 0] all fit: no row is certain.
    got = cut([0, 0, 0], rows=2, width=3)
    assert got.cells == ((None, None, None), (None, None, None))
    assert got.fits == 2


def test_a_short_row_gives_only_its_total() -> None:
    # 自然人 5 and 总计 5: the 5 fits any of the six applicant columns.
    got = cut([5, 5], rows=1, width=7)
    assert got.cells == ((None, None, None, None, None, None, 5),)


def test_a_balance_decides_between_cuts() -> None:
    stream = [1, 1, 2, 2]
    # [1 1 2] | [2] and [1 1] | [2 2] fit the rows; [1] | [1 2 2] does not (2 != 1 + 2).
    loose = cut(stream, rows=2, width=3)
    assert loose.cells == ((None, None, None), (None, None, 2))
    # row0 == row1 on the totals: 2 == 2 holds, 1 == 2 does not.
    tight = cut(stream, rows=2, width=3, checks=[Balance((0,), (1,))])
    assert tight.cells == ((1, 1, 2), (None, None, 2))
    assert tight.fits == 1


def test_a_blank_row_leaves_its_balance_unchecked() -> None:
    # [1 2 3] | [4 5 9] | [] and [1 2 3] | [] | [4 5 9]: rows 1 and 2 each blank once, so the
    # balance row1 == row2 (3 != 9 would fail) is never checked; [] | [1 2 3] | [4 5 9] fails it.
    got = cut([1, 2, 3, 4, 5, 9], rows=3, width=3, checks=[Balance((1,), (2,))])
    assert got.cells == ((1, 2, 3), (None, None, None), (None, None, None))
    assert got.fits == 2


def test_a_broken_balance_on_the_only_cut_gives_nothing() -> None:
    got = cut([1, 2, 3, 4, 5, 9], rows=2, width=3, checks=[Balance((0,), (1,))])
    assert got.fits == 0
    assert got.cells == ((None, None, None), (None, None, None))


def test_the_budget_bounds_the_search() -> None:
    start = time.perf_counter()
    got = cut([0] * 100, rows=23, width=7, budget=1_000)
    assert not got.complete
    assert all(v is None for row in got.cells for v in row)
    assert time.perf_counter() - start < 1.0


def test_a_stream_longer_than_the_table_fits_nothing_at_once() -> None:
    start = time.perf_counter()
    got = cut([1] * 20_000, rows=23, width=7)
    assert (got.fits, got.complete) == (0, True)
    assert time.perf_counter() - start < 1.0


def test_balances_name_the_2019_rows_by_index() -> None:
    t = templates.get("2019")
    keys = [r.key for r in t.table3_rows]
    got = balances(t.identities, keys)
    # 一 (0) + 二 (1) == （七）总计 (21) + 四 (22); （七） == the 19 outcome rows (2..20).
    assert got == (Balance((21, 22), (0, 1)), Balance((21,), tuple(range(2, 21))))


def test_own_2019_pdftotext_stream_is_not_cut_by_arithmetic_alone() -> None:
    # The numbers between the Table 3 and Table 4 headings are the 23 rows' 自然人 and 总计,
    # row-major (46 numbers). A row may be blank and [0 0 1 1] fits one row, so a cut that
    # moves rows around a blank one fits too: arithmetic and order alone make no cell certain.
    text = (ROOT / "data/zoo/out/own-2019.docx--libreoffice-pdf--pdftotext.txt").read_text("utf-8")
    region = text[text.index("收到和处理政府信息公开申请情况") : text.index("政府信息公开行政复议")]
    stream = [int(line) for line in region.splitlines() if re.fullmatch(r"\d+", line.strip())]
    assert stream[:8] == [23, 23, 2, 2, 12, 12, 3, 3]
    assert len(stream) == 46
    t = templates.get("2019")
    keys = [r.key for r in t.table3_rows]
    got = cut(stream, len(keys), 7, balances(t.identities, keys))
    assert (got.fits, got.complete) == (2, True)
    assert all(v is None for row in got.cells for v in row)


def _table(draw: st.DrawFn) -> tuple[list[tuple[int | None, ...]], list[int]]:
    """A small Table 3 of 5 rows x (2 parts + total): row 4 is the sum of rows 1-3 (a balance),
    cells blank at random, and a row blank in full at random; its row-major stream."""
    rows: list[tuple[int | None, ...]] = []
    parts = [[draw(st.sampled_from([None, 0, 0, 1, 2, 5])) for _ in range(2)] for _ in range(4)]
    parts.append([sum(p[c] or 0 for p in parts[1:4]) for c in range(2)])
    for i, p in enumerate(parts):
        blank = i != 4 and draw(st.booleans()) and all(v in (None, 0) for v in p)
        rows.append((None, None, None) if blank else (*p, sum(v or 0 for v in p)))
    stream = [v for row in rows for v in row if v is not None]
    return rows, stream


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_certain_cell_is_the_printed_one(data: st.DataObject) -> None:
    rows, stream = _table(data.draw)
    got = cut(stream, rows=5, width=3, checks=[Balance((4,), (1, 2, 3))])
    for want, row in zip(rows, got.cells, strict=True):
        for expected, value in zip(want, row, strict=True):
            assert value is None or value == expected

"""A positional row printed in the wrong columns (pdftotext shifts a row at a page break), found
and re-placed by the column identities (`shifts.shifted_row`, `mapping._reshift`)."""

from __future__ import annotations

from helpers import table

from gov_disclosure import templates as T
from gov_disclosure.blocks import Table
from gov_disclosure.cells import read_grid
from gov_disclosure.mapping import map_requests

BLANK5 = [""] * 5


def requests(rows: list[list[str]]) -> tuple[dict[str, list[int | None]], list[tuple[str, str | None, str]]]:
    t: Table = table(rows)
    found, issues = map_requests(t, T.get("2019"), read_grid([t]))
    got = {key: [getattr(getattr(found, key), c).value for c in T.TABLE3_COLUMN_KEYS] for key in ("total", "granted")}
    return got, [(i.code, i.row, i.message) for i in issues if i.code.startswith("placement.")]


BALANCED = [
    ["一、本年新收政府信息公开申请数量", "5", "2", *BLANK5[:4], "7"],
    ["二、上年结转政府信息公开申请数量", "0", *BLANK5, "0"],
    ["（一）予以公开", "3", "2", *BLANK5[:4], "5"],
    ["1.属于国家秘密", "2", *BLANK5, "2"],
]
CARRIED = ["四、结转下年度继续办理", "0", *BLANK5, "0"]


def test_a_row_shifted_right_is_placed_where_the_sums_fit() -> None:
    """（七）总计 printed `| 5 | | 2 | | | 7`: 商业企业 5 is more than the outcome rows' 2 there,
    自然人 blank is less than their 5, and 第一项加第二项 = 第三项加第四项 fails in three
    columns. The same numbers in order fit every identity only as 自然人 5, 商业企业 2, 总计 7."""
    got, issues = requests([*BALANCED, ["（七）总计", "", "5", "", "2", "", "", "7"], CARRIED])
    assert got["total"] == [5, 2, None, None, None, None, 7]
    assert got["granted"] == [3, 2, None, None, None, None, 5]
    assert [(c, r) for c, r, _ in issues] == [("placement.inferred", "total")]
    assert "printed commercial=5, social_welfare=2, total=7" in issues[0][2]


def test_a_report_that_breaks_its_own_sums_is_left_as_printed() -> None:
    """总计 printed `6 | 2 | … | 8` where the rows sum to 5 and 7: no order of 6, 2, 8 fits, so
    this is the report's own slip, not a shifted row: it stays as printed (validation says so)."""
    got, issues = requests([*BALANCED, ["（七）总计", "6", "2", *BLANK5[:4], "8"], CARRIED])
    assert got["total"] == [6, 2, None, None, None, None, 8]
    assert issues == []


def test_several_placements_that_fit_keep_what_they_agree_on() -> None:
    """Without the rows of the balance, only bounds hold (the outcome rows not printed may add
    more): `| 6 | | 1 | | | 7` fits as 自然人 6, 总计 7 and the 1 in any 法人 column, so
    the 1 is left null with a warning."""
    rows = [
        ["（一）予以公开", "3", *BLANK5, "3"],
        ["1.属于国家秘密", "2", *BLANK5, "2"],
        ["（七）总计", "", "6", "", "1", "", "", "7"],
    ]
    got, issues = requests(rows)
    assert got["total"] == [6, None, None, None, None, None, 7]
    assert [(c, r) for c, r, _ in issues] == [("placement.ambiguous", "total")]
    assert issues[0][2].endswith("left null: commercial, research, social_welfare, legal_service, other_org")

"""Rows of a positional grid whose value columns do not line up with the template's
(`rows.aligned`): never padded at their end into columns they do not reach."""

from __future__ import annotations

from helpers import table

from gov_disclosure import templates as T
from gov_disclosure.blocks import Table
from gov_disclosure.cells import read_grid
from gov_disclosure.mapping import map_requests
from gov_disclosure.rows import Rows, Sink, aligned, header_columns

NONE5 = [None] * 5


def requests(t: Table) -> tuple[dict[str, list[int | None]], list[tuple[str, str | None]]]:
    found, issues = map_requests(t, T.get("2019"), read_grid([t]))
    rows = {
        key: [getattr(getattr(found, key), c).value for c in T.TABLE3_COLUMN_KEYS]
        for key in ("new_received", "carried_over", "granted", "total")
    }
    return rows, [(i.code, i.row) for i in issues if i.code != "table.missing_row"]


def test_a_grid_whose_legal_person_columns_are_not_printed_places_by_the_headers() -> None:
    """lynx -width=200: 法人或其他组织 over one grid column, its five sub-headers at the left
    margin, the blank cells not printed: `23 | | 23` is 自然人 and 总计, not 自然人 and 科研机构."""
    t = table(
        [
            ["", "", "自然人", "法人或其他组织", "总计"],
            ["商业企业 科研机构 社会公益组织 法律服务机构 其他", "", "", "", ""],
            ["一、本年新收政府信息公开申请数量", "", "23", "", "23"],
            ["二、上年结转政府信息公开申请数量", "", "2", "", "2"],
            ["三、本年度办理结果", "（一）予以公开", "12", "", "12"],
            ["", "（七）总计", "22", "", "22"],
        ]
    )
    rows, _ = requests(t)
    assert rows == {
        "new_received": [23, *NONE5, 23],
        "carried_over": [2, *NONE5, 2],
        "granted": [12, *NONE5, 12],
        "total": [22, *NONE5, 22],
    }


def test_a_table_cut_at_the_right_edge_keeps_its_first_columns() -> None:
    """A page that cut the table after 科研机构: the headers say the three value columns are the
    template's first three, so each row's values stay there and the columns off the page null."""
    t = table(
        [
            ["", "", "自然人", "商业企业", "科研机构"],
            ["一、本年新收政府信息公开申请数量", "", "821", "35", ""],
            ["二、上年结转政府信息公开申请数量", "", "18", "", ""],
            ["三、本年度办理结果", "（一）予以公开", "258", "12", "3"],
        ]
    )
    rows, _ = requests(t)
    assert rows["new_received"] == [821, 35, None, None, None, None, None]
    assert rows["carried_over"] == [18, None, None, None, None, None, None]
    assert rows["granted"] == [258, 12, 3, None, None, None, None]


def test_a_narrow_grid_without_headers_is_placed_by_arithmetic_only() -> None:
    """Three value columns and no header to say which: `23 | | 23` may be 自然人 and 总计 or any
    法人 column and 总计, the same in every row. The arithmetic settles only 总计 (the row sum
    needs it); the rest stays null, and each row says so."""
    t = table(
        [
            ["一、本年新收政府信息公开申请数量", "", "23", "", "23"],
            ["二、上年结转政府信息公开申请数量", "", "2", "", "2"],
            ["三、本年度办理结果", "（一）予以公开", "22", "", "22"],
            ["", "（七）总计", "22", "", "22"],
            ["四、结转下年度继续办理", "", "3", "", "3"],
        ]
    )
    rows, issues = requests(t)
    assert rows == {
        "new_received": [None, *NONE5, 23],
        "carried_over": [None, *NONE5, 2],
        "granted": [None, *NONE5, 22],
        "total": [None, *NONE5, 22],
    }
    assert ("placement.ambiguous", "new_received") in issues


def test_headers_name_the_grid_columns_they_are_printed_in() -> None:
    t = table([["", "", "自然人", "法人或其他组织", "总计"], ["一、本年新收政府信息公开申请数量", "", "1", "", "1"]])
    grid = read_grid([t])
    assert header_columns(t, T.TABLE3_COLUMNS, grid, (1, 2, 3, 4)) == {2: 0, 4: 6}
    width = {r.key: 7 for r in T.get("2019").table3_rows}
    rows = Rows(T.TableKind.REQUESTS, "2019", width, grid, Sink(T.TableKind.REQUESTS), columns=T.TABLE3_COLUMNS)
    found = aligned(rows, t)
    assert (found.value_cols, found.streamed) == ((1, 2, 3, 4), True)

"""Reading grids: label/value segments, merged-cell slots, splitting blocks, classification."""

from __future__ import annotations

from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.tables import segments, table_kinds
from gov_disclosure.tables import table_kind as classify


def grid(rows: list[list[tuple[str, int, int]]]) -> Table:
    """Cells given as (text, rowspan, colspan); covered slots as ("", 1, 1)."""
    return Table(
        rows=tuple(
            tuple(Cell(t, Position(row=r, col=c), rowspan=rs, colspan=cs) for c, (t, rs, cs) in enumerate(row))
            for r, row in enumerate(rows)
        )
    )


def test_slots_covered_by_a_merged_label_are_not_values() -> None:
    t = grid(
        [
            [("三、本年度办理结果", 2, 1), ("（一）予以公开", 1, 2), ("", 1, 1), ("5", 1, 1), ("", 1, 1)],
            [("", 1, 1), ("（二）部分公开", 1, 2), ("", 1, 1), ("1", 1, 1), ("", 1, 1)],
        ]
    )
    segs = segments(t)
    assert [(s.label.text if s.label else None, [c.text for c in s.values]) for s in segs] == [
        ("（一）予以公开", ["5", ""]),
        ("（二）部分公开", ["1", ""]),
    ]
    assert [c.text for c in segs[0].labels_before] == ["三、本年度办理结果"]


def test_dumps_that_drop_empty_cells_are_read_as_one_stream() -> None:
    t = Table(
        rows=((Cell("规章"),), (Cell("1"), Cell("2")), (Cell("3"), Cell("规范性文件"), Cell("4"))), dropped_empty=True
    )
    assert [(s.label.text if s.label else None, [c.text for c in s.values]) for s in segments(t)] == [
        ("规章", ["1", "2", "3"]),
        ("规范性文件", ["4"]),
    ]


def test_classify_by_labels() -> None:
    t4 = grid([[("行政复议", 1, 5), ("行政诉讼", 1, 10)], [("结果维持", 1, 1), ("结果纠正", 1, 1), ("总计", 1, 1)]])
    assert classify(t4) == "reviews"
    assert classify(grid([[("总计", 1, 1), ("其他", 1, 1)]])) is None


def rows(*cells: tuple[str, ...]) -> Table:
    """A grid of single cells, one tuple a row."""
    return grid([[(t, 1, 1) for t in row] for row in cells])


TABLE2 = rows(
    ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
    ("规章", "0", "0", "3"),
    ("规范性文件", "2", "2", "9"),
)
TABLE3 = rows(("（一）予以公开", "5", "0", "5"), ("（二）部分公开", "1", "0", "1"))
FEES = rows(("行政事业性收费", "25", "-2"))
PROCUREMENT = rows(("政府集中采购", "410", "5.49亿"))


def test_rows_printed_apart_continue_the_table_before_them() -> None:
    # Each grid names only proactive rows, with values; the one before is Table 2.
    assert table_kinds([TABLE2, FEES, PROCUREMENT, TABLE3]) == ["proactive", "proactive", "proactive", "requests"]


def test_rows_printed_apart_need_the_table_before_them() -> None:
    assert table_kinds([FEES, TABLE3]) == [None, "requests"]  # nothing before: not known
    assert table_kinds([TABLE3, FEES]) == ["requests", None]  # a Table 2 row after Table 3 is not Table 3's
    assert table_kinds([TABLE2, rows(("行政事业性收费",))]) == ["proactive", None]  # a label alone: no row
    assert table_kinds([TABLE2, rows(("行政事业性收费", "25"), ("本机关全年共收到来信", "3"))]) == ["proactive", None]
    assert table_kinds([TABLE2, rows(("25", "行政事业性收费"))]) == ["proactive", None]  # values before the label


def test_header_words_printed_apart_head_the_table_after_them() -> None:
    header = rows(("（本列数据的勾", "申请人情况"), ("自", "法人或其他组织", "总"))  # two Table 3 headers, broken words
    assert table_kinds([TABLE2, header, TABLE3]) == ["proactive", "requests", "requests"]
    assert table_kinds([header, TABLE2]) == [None, "proactive"]  # Table 3's header over Table 2: no
    with_rows = rows(
        ("申请人情况", "法人或其他组织"), ("一、本年新收政\n府信息公开", "数量", "5", "5")
    )  # a damaged label
    assert table_kinds([with_rows, TABLE3]) == ["requests", "requests"]
    assert table_kinds([rows(("申请人情况", "自")), TABLE3]) == [None, "requests"]  # one header word only
    assert table_kinds([rows(("申请人情况", "法人或其他组织", "规章")), TABLE3]) == [None, "requests"]  # Table 2's
    assert table_kinds([rows(("申请人情况", "法人或其他组织"), ("行政许可", "5")), TABLE3]) == [None, "requests"]

"""Reading grids: label/value segments, merged-cell slots, splitting blocks, classification."""

from __future__ import annotations

from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.tables import segments
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

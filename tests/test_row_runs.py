"""Several rows' numbers after one label, their labels printed after them (`row_runs`), on
small inputs written here in the shape `pdftotext` prints a narrow column of a browser's PDF."""

from __future__ import annotations

from gov_disclosure.readers.text.dialects.row_runs import split_runs
from gov_disclosure.readers.text.dialects.value_stream import read_stream

ROW = ["0 0 0 0", "0", "0 0"]  # one row of seven numbers, wrapped as the column prints it


def texts(lines: list[str]) -> list[list[str]]:
    reading = read_stream(lines)
    assert reading is not None
    return [[p.text for p in row] for row in reading.rows]


def test_a_run_of_two_rows_gives_its_second_half_to_the_label_printed_after_it() -> None:
    lines = [
        "1.属于国家秘密 9 0 0 0",
        "0",
        "0 9",
        "2.其他法律行政法规禁止公开 1 0 0 0",
        "0",
        "0 1",
        "3.危及“三安全一稳定” 2 0 0 0",
        "0",
        "0 2",
        "3 0 0 0",
        "0",
        "0 3",
        "（三）不予 4.保护第三方合法权益",
        "5.属于三类内部事务信息 5 0 0 0",
        "0",
        "0 5",
    ]
    assert texts(lines) == [
        ["1.属于国家秘密", "9", "0", "0", "0"],
        ["0"],
        ["0", "9"],
        ["2.其他法律行政法规禁止公开", "1", "0", "0", "0"],
        ["0"],
        ["0", "1"],
        ["3.危及“三安全一稳定”", "2", "0", "0", "0"],
        ["0"],
        ["0", "2"],
        ["（三）不予", "4.保护第三方合法权益", "3", "0", "0", "0"],
        ["0"],
        ["0", "3"],
        ["5.属于三类内部事务信息", "5", "0", "0", "0"],
        ["0"],
        ["0", "5"],
    ]


def rows(*groups: tuple[list[str], list[int]]) -> list[tuple[list[str], list[int]]]:
    """Label groups as `split_runs` takes them: each line's labels and numbers."""
    return [(list(labels), list(range(n))) for labels, counts in groups for labels, n in _lines(labels, counts)]


def _lines(labels: list[str], counts: list[int]) -> list[tuple[list[str], int]]:
    return [(labels if i == 0 else [], n) for i, n in enumerate(counts)]


def test_what_the_shape_does_not_settle_is_left_as_printed() -> None:
    normal = [(["1.甲"], [4, 1, 2]), (["2.乙"], [4, 1, 2])]
    # Two rows' numbers after `3.丙`, `4.丁` printed after them: split.
    run = rows(*normal, (["3.丙"], [4, 1, 2, 4, 1, 2]), (["4.丁", "5.戊"], [4, 1, 2]))
    fixed = split_runs(run, str)
    assert [labels for labels, _ in fixed] == [
        *(["1.甲"], [], [], ["2.乙"], [], [], ["3.丙"], [], []),
        *(["4.丁"], [], [], ["5.戊"], [], []),
    ]
    assert [numbers for _, numbers in fixed] == [numbers for _, numbers in run]
    normal.append((["3.丙"], [4, 1, 2]))
    # Too few groups of one width to trust it: left.
    few = rows((["2.乙"], [4, 1, 2]), (["3.丙"], [4, 1, 2, 4, 1, 2]), (["4.丁", "5.戊"], [4, 1, 2]))
    assert split_runs(few, str) == few
    # Printed column by column (the run's lines are not the rows' pattern twice): left.
    cols = rows(*normal, (["4.丁"], [2, 2, 2, 2, 2, 2, 2]), (["5.戊", "6.己"], [4, 1, 2]))
    assert split_runs(cols, str) == cols
    # The label after the run is not the next number (`6.` where `5.` is due): left.
    skipped = rows(*normal, (["4.丁"], [4, 1, 2, 4, 1, 2]), (["6.己", "7.庚"], [4, 1, 2]))
    assert split_runs(skipped, str) == skipped
    # No numberless label after the run: left (which row lost its label is not told).
    bare = rows(*normal, (["4.丁"], [4, 1, 2, 4, 1, 2]), (["6.己"], [4, 1, 2]))
    assert split_runs(bare, str) == bare

"""Placing a row's printed values into the template's columns, and solving by arithmetic."""

from __future__ import annotations

from pathlib import Path

import gov_disclosure as g
from gov_disclosure.blocks import Cell
from gov_disclosure.placement import Equation, row_candidates, solve


def cells(*texts: str) -> list[Cell]:
    return [Cell(t) for t in texts]


def texts(vec: tuple[Cell | None, ...]) -> list[str | None]:
    return [None if c is None else c.text for c in vec]


def test_exact_width_is_taken_in_order() -> None:
    assert [texts(v) for v in row_candidates(cells("1", "", "3"), 3)] == [["1", "", "3"]]


def test_extra_blank_cells_outside_the_values_are_fillers() -> None:
    """A merge filler before and a separator after: only one window keeps all numbers."""
    got = row_candidates(cells("", "1", "2", "3", ""), 3)
    assert [texts(v) for v in got] == [["1", "2", "3"]]


def test_equal_windows_are_one_candidate() -> None:
    got = row_candidates(cells("", "", "", ""), 3)
    assert [texts(v) for v in got] == [[None, None, None]]


def test_too_few_values_give_every_order_keeping_placement() -> None:
    got = {tuple(texts(v)) for v in row_candidates(cells("5", "6"), 3)}
    assert got == {("5", "6", None), ("5", None, "6"), (None, "5", "6")}


def test_more_numbers_than_columns_is_no_candidate() -> None:
    assert row_candidates(cells("1", "2", "3", "4"), 3) == []


COLS = ("a", "b", "total")
ROW_SUM = [Equation((("r", "total"),), (("r", "a"), ("r", "b"))), Equation((("s", "total"),), (("s", "a"), ("s", "b")))]
COL_SUM = [Equation((("sum", c),), (("r", c), ("s", c))) for c in COLS]


def test_solver_finds_the_single_consistent_assignment() -> None:
    fixed = {"sum": (Cell("2"), Cell("4"), Cell("6"))}
    options = {"r": row_candidates(cells("2", "2"), 3), "s": row_candidates(cells("4", "4"), 3)}
    chosen, n = solve(fixed, options, ROW_SUM + COL_SUM, COLS)
    assert n == 1 and chosen is not None
    assert texts(chosen["r"]) == ["2", None, "2"]
    assert texts(chosen["s"]) == [None, "4", "4"]


def test_solver_refuses_to_choose_between_two() -> None:
    fixed = {"sum": (Cell("2"), Cell("2"), Cell("4"))}
    options = {"r": row_candidates(cells("2", "2"), 3), "s": row_candidates(cells("2", "2"), 3)}
    chosen, n = solve(fixed, options, ROW_SUM + COL_SUM, COLS)
    assert chosen is None and n == 2


def test_solver_reports_no_solution() -> None:
    fixed = {"sum": (Cell("1"), Cell("1"), Cell("2"))}
    options = {"r": row_candidates(cells("5", "5"), 3)}
    chosen, n = solve(fixed, options, ROW_SUM[:1] + COL_SUM, COLS)
    assert chosen is None and n == 0


def test_printed_blank_total_is_not_zero() -> None:
    """A blank sum row does not constrain: the row-sum alone decides (here ambiguously)."""
    fixed = {"sum": (Cell(""), Cell(""), Cell(""))}
    options = {"r": row_candidates(cells("3", "3"), 3)}
    chosen, n = solve(fixed, options, ROW_SUM[:1] + [COL_SUM[0]], COLS)
    assert chosen is None and n == 2


def test_search_budget_settles_nothing_when_it_runs_out() -> None:
    """t = r1 + r2 with t printed 5: r1 in {2, 3}, r2 in {3, 4} has the one solution (2, 3).
    The walk tries r1's first candidate, then needs r2's: a budget of one candidate stops it
    before any solution, and the rows are reported unsettled rather than guessed."""
    fixed = {"t": tuple(cells("5"))}
    options = {"r1": [tuple(cells("2")), tuple(cells("3"))], "r2": [tuple(cells("3")), tuple(cells("4"))]}
    eq = [Equation((("t", "x"),), (("r1", "x"), ("r2", "x")))]
    chosen, n = solve(fixed, options, eq, ["x"])
    assert n == 1 and chosen is not None
    assert (texts(chosen["r1"]), texts(chosen["r2"])) == (["2"], ["3"])
    assert solve(fixed, options, eq, ["x"], budget=1) == (None, 0)


def test_sparse_probe_reads_as_printed() -> None:
    """The made-up probe whose html2text rows print only 自然人 and 总计 (`40 |  |  | … | 40`),
    which once sent the solver into an exponential walk: its rows keep their empty cells in
    place, so every row reads as printed (its README): 自然人 = 总计, the 法人 columns blank."""
    report = g.parse_file(Path(__file__).parent / "data" / "probes" / "sparse-pipe.txt")
    assert report.requests is not None
    printed = {"new_received": 40, "carried_over": 2, "granted": 30, "partially_granted": 5}
    printed |= {"unavailable_not_held": 3, "total": 38, "carried_forward": 4}
    org = ("commercial", "research", "social_welfare", "legal_service", "other_org")
    rows = {k: v for k, v in report.to_dict()["requests"].items() if v is not None}
    assert len(rows) == 25  # the 2021 template's rows, （六） split in three
    for key, row in rows.items():
        want = printed.get(key, 0)
        assert (row["natural_person"], row["total"]) == (want, want), key
        assert [row[c] for c in org] == [None] * 5, key
    assert not [i for i in report.issues if i.code == "placement.unresolved" or i.severity == "error"]


def test_an_identity_on_every_column_is_checked_column_by_column() -> None:
    """t = r1 + r2 in both columns: only r1 under x and r2 under y adds up in each."""
    fixed = {"t": tuple(cells("3", "4"))}
    options = {"r1": row_candidates(cells("3"), 2), "r2": row_candidates(cells("4"), 2)}
    eqs = [Equation((("t", c),), (("r1", c), ("r2", c))) for c in ("x", "y")]
    chosen, n = solve(fixed, options, eqs, ["x", "y"])
    assert n == 1 and chosen is not None
    assert (texts(chosen["r1"]), texts(chosen["r2"])) == (["3", None], [None, "4"])


class TestGaps:
    """A stream that marks its gaps (`Table.gaps_marked`, lynx): an empty cell is one or more
    blank columns, printed cells side by side are adjacent columns."""

    def test_a_gap_is_one_or_more_columns(self) -> None:
        got = row_candidates(cells("1", "", "2"), 4, gaps=True)
        assert [texts(v) for v in got] == [["1", None, "2", None], ["1", None, None, "2"]]

    def test_a_leading_gap_moves_the_first_cell(self) -> None:
        got = row_candidates(cells("", "1", "2"), 4, gaps=True)
        assert [texts(v) for v in got] == [[None, "1", "2", None], [None, None, "1", "2"]]

    def test_a_printed_dash_takes_its_column(self) -> None:
        got = row_candidates(cells("1", "-", "2"), 4, gaps=True)
        assert [texts(v) for v in got] == [["1", "-", "2", None]]

    def test_without_the_mark_every_order_keeping_placement_stays(self) -> None:
        # the same cells in a stream that drops empty cells: 1 and 2 anywhere in order, C(4, 2)
        assert len(row_candidates(cells("1", "", "2"), 4)) == 6

    def test_gaps_that_do_not_fit_fall_back_to_the_stream(self) -> None:
        # 1 _ 2 _ 3 needs five columns: the gaps are not trusted, 3 numbers in 4 columns: C(4, 3)
        assert len(row_candidates(cells("1", "", "2", "", "3"), 4, gaps=True)) == 4

    def test_table4_shape_has_one_solution(self) -> None:
        """lynx's Shanghai Table 4: 5 _ 2 7 8 _ 1 9 in three groups of five (four results and
        their total). 5 starts the row; 2 7 8 are adjacent, and so are 1 9: 2 at b in 2..9, 1 at
        c in b+4..13, 36 layouts; only 5 - - 2 7 | 8 - - 1 9 | blank fits every group's sum."""
        got = row_candidates(cells("5", "", "2", "7", "8", "", "1", "9"), 15, gaps=True)
        assert len(got) == 36
        assert all(v[0] is not None and v[0].text == "5" for v in got)
        cols = [str(i) for i in range(15)]
        eqs = [Equation(tuple(("r", str(g + i)) for i in range(4)), (("r", str(g + 4)),)) for g in (0, 5, 10)]
        chosen, n = solve({}, {"r": got}, eqs, cols)
        assert n == 1 and chosen is not None
        assert texts(chosen["r"]) == ["5", None, None, "2", "7", "8", None, None, "1", "9", *[None] * 5]

    def test_without_the_mark_the_table4_shape_is_ambiguous(self) -> None:
        got = row_candidates(cells("5", "", "2", "7", "8", "", "1", "9"), 15)
        cols = [str(i) for i in range(15)]
        eqs = [Equation(tuple(("r", str(g + i)) for i in range(4)), (("r", str(g + 4)),)) for g in (0, 5, 10)]
        chosen, n = solve({}, {"r": got}, eqs, cols)
        assert (chosen, n) == (None, 2)

"""Rows found by their place in the template's order: damaged labels, cut labels, unsplit groups."""

from __future__ import annotations

from helpers import table

from gov_disclosure import templates as T
from gov_disclosure.blocks import Table
from gov_disclosure.cells import read_grid
from gov_disclosure.equations import unsplit_identities
from gov_disclosure.mapping import map_requests
from gov_disclosure.repair import likeness
from gov_disclosure.rows import Rows, Sink, plan_rows
from gov_disclosure.templates import TableKind

ROW = ["2", "", "", "", "", "", "2"]


def plan(t: Table, template: str = "2019") -> tuple[dict[str, list[str | None]], list[tuple[str, str | None, str]]]:
    sink = Sink(TableKind.REQUESTS)
    width = {r.key: 7 for r in T.get(template).table3_rows}
    found = plan_rows(t, Rows(TableKind.REQUESTS, template, width, read_grid([t]), sink))
    values = {k: [c.text if c else None for c in v] for k, v in found.fixed.items()}
    return values, [(i.code, i.row, i.message) for i in sink.items]


def test_likeness_is_one_less_the_edit_distance_over_the_longer_length() -> None:
    assert likeness("属于国家秘密", "属于国家秘密") == 1.0
    assert likeness("属于国家秘秘密", "属于国家秘密") == 1 - 1 / 7  # one character doubled
    assert likeness("重复申", "重复申请") == 1 - 1 / 4  # one missing
    assert likeness("abcd", "wxyz", floor=0.5) == 0.0  # nothing shared: cut before the distance


def test_a_doubled_character_is_read_as_the_row_between_its_neighbours() -> None:
    values, issues = plan(
        table(
            [
                ["（一）予以公开", *ROW],
                ["1.属于国家秘秘密", "1", "", "", "", "", "", "1"],
                ["2.其他法律行政法规禁止公开", *ROW],
            ]
        )
    )
    assert values["denied_state_secret"] == ["1", "", "", "", "", "", "1"]
    assert [(c, r) for c, r, _ in issues] == [("table.label_repaired", "denied_state_secret")]
    assert "'1.属于国家秘秘密'" in issues[0][2] and "'属于国家秘密'" in issues[0][2]


def test_a_missing_character_alone_in_its_gap() -> None:
    """（四）1 and 3 found: the damaged label between them can only be （四）2."""
    values, issues = plan(
        table(
            [
                ["1.本机关不掌握相关政府信息", *ROW],
                ["2.没有现成信息需要另行作", "3", "", "", "", "", "", "3"],
                ["3.补正后申请内容仍不明确", *ROW],
            ]
        )
    )
    assert values["unavailable_needs_creation"] == ["3", "", "", "", "", "", "3"]
    assert [(c, r) for c, r, _ in issues] == [("table.label_repaired", "unavailable_needs_creation")]


def test_a_row_the_template_lacks_is_not_forced_into_a_gap() -> None:
    values, issues = plan(
        table(
            [
                ["1.本机关不掌握相关政府信息", *ROW],
                ["其中：网上申请", "3", "", "", "", "", "", "3"],
                ["3.补正后申请内容仍不明确", *ROW],
            ]
        )
    )
    assert "unavailable_needs_creation" not in values
    assert [(c, r) for c, r, _ in issues] == [("table.unknown_row", "其中：网上申请")]


def test_a_damaged_label_out_of_its_place_is_not_repaired() -> None:
    """`属于国家秘秘密` printed after （四）1: no row between （四）1 and the end is like it."""
    values, issues = plan(
        table(
            [
                ["1.本机关不掌握相关政府信息", *ROW],
                ["1.属于国家秘秘密", "1", "", "", "", "", "", "1"],
            ]
        )
    )
    assert "denied_state_secret" not in values
    assert [c for c, _, _ in issues] == ["table.unknown_row"]


def test_a_label_cut_by_a_page_break_whose_tail_carries_the_numbers() -> None:
    """Positional: the head on its own row, the tail with the numbers on the next."""
    values, issues = plan(
        table([["3.补正后申请内容仍不", "", "", "", "", "", "", ""], ["明确", "4", "", "", "", "", "", "4"]])
    )
    assert values == {"unavailable_unclear": ["4", "", "", "", "", "", "4"]}
    assert issues == []


def test_a_cut_label_in_a_dump_that_dropped_its_empty_cells() -> None:
    """Stream form: the head and the tail are adjacent labels, the numbers follow the tail."""
    values, _ = plan(table([["3.补正后申请内容仍不"], ["明确", "4", "4"]], dropped_empty=True))
    assert "unavailable_unclear" not in values  # two values for seven columns: still open
    sink = Sink(TableKind.REQUESTS)
    t = table([["3.补正后申请内容仍不"], ["明确", "4", "4"]], dropped_empty=True)
    found = plan_rows(
        t, Rows(TableKind.REQUESTS, "2019", {r.key: 7 for r in T.get("2019").table3_rows}, read_grid([t]), sink)
    )
    assert set(found.options) == {"unavailable_unclear"} and len(found.options["unavailable_unclear"]) == 21


def test_2021_report_printing_other_unsplit_keeps_it_as_other() -> None:
    t = table(
        [
            ["（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", *ROW],
            ["（六）其他处理", "1", "", "", "", "", "", "1"],
            ["（七）总计", "3", "", "", "", "", "", "3"],
        ]
    )
    req, issues = map_requests(t, T.get("2021"), read_grid([t]))
    assert req.other is not None and [req.other.natural_person.value, req.other.total.value] == [1, 1]
    assert req.other.commercial.value is None
    for key in ("other_overdue_correction", "other_overdue_fee", "other_misc"):
        row = getattr(req, key)
        assert row is not None and all(getattr(row, c).value is None for c in T.TABLE3_COLUMN_KEYS)
    unsplit = [i for i in issues if i.code == "table.unsplit_row"]
    assert len(unsplit) == 1 and unsplit[0].severity == "info" and unsplit[0].row == "other"
    missing = {i.row for i in issues if i.code == "table.missing_row"}
    assert not missing & {"other_overdue_correction", "other_overdue_fee", "other_misc", "other"}


def test_unsplit_other_beside_its_sub_rows_is_a_subtotal() -> None:
    t = table(
        [
            ["（六）其他处理", "1", "", "", "", "", "", "1"],
            ["3.其他", "1", "", "", "", "", "", "1"],
        ]
    )
    values, issues = plan(t, "2021")
    assert values == {"other_misc": ["1", "", "", "", "", "", "1"]}
    assert [(c, r) for c, r, _ in issues] == [("table.subtotal_row", "（六）其他处理")]


def test_an_unsplit_group_enters_the_outcome_sum_once() -> None:
    merged = {"other": ("other_overdue_correction", "other_overdue_fee", "other_misc")}
    ids = {i.code: i for i in unsplit_identities(T.get("2021").identities, merged)}
    rhs = ids["requests.outcome_sum"].rhs
    assert "other" in rhs and not set(merged["other"]) & set(rhs)
    assert ids["requests.balance"] == next(i for i in T.get("2021").identities if i.code == "requests.balance")


def test_an_unsplit_group_is_placed_by_the_arithmetic_with_it() -> None:
    """Dropped cells, 2021, rows not printed are blank. 新收 prints all seven cells, so the
    balance makes （七）总计 (2, 1, -, -, -, -, 3). （一） `2 | 2` and （六） `1 | 1` each put
    their second number under 总计 (own row sum); the outcome sum, with （六） in place of
    its three sub-rows, then puts （一）'s 2 under 自然人 and （六）'s 1 under 商业企业."""
    t = table(
        [
            ["一、本年新收政府信息公开申请数量", "2", "1", "0", "0", "0", "0", "3"],
            ["（一）予以公开", "2", "2"],
            ["（六）其他处理", "1", "1"],
            ["（七）总计", "2", "1", "3"],
        ],
        dropped_empty=True,
    )
    req, issues = map_requests(t, T.get("2021"), read_grid([t]))
    assert req.other is not None and req.granted is not None and req.total is not None
    assert [req.other.natural_person.value, req.other.commercial.value, req.other.total.value] == [None, 1, 1]
    assert [req.granted.natural_person.value, req.granted.commercial.value, req.granted.total.value] == [2, None, 2]
    assert [req.total.natural_person.value, req.total.commercial.value, req.total.total.value] == [2, 1, 3]
    assert {i.row for i in issues if i.code == "placement.inferred"} == {"granted", "other", "total"}
    assert not [i for i in issues if i.code in ("placement.ambiguous", "placement.unresolved")]


def test_numbers_no_row_took_keep_the_rows_not_found_out_of_the_arithmetic() -> None:
    """The same table with an unreadable label holding numbers: a row not found may be that
    one, so the outcome sum is not used; each row keeps what its own sum makes certain."""
    t = table(
        [
            ["一、本年新收政府信息公开申请数量", "2", "1", "0", "0", "0", "0", "3"],
            ["（一）予以公开", "2", "2"],
            ["xyz乱码", "1", "1"],
            ["（七）总计", "2", "1", "3"],
        ],
        dropped_empty=True,
    )
    req, issues = map_requests(t, T.get("2021"), read_grid([t]))
    assert req.granted is not None and req.total is not None
    assert [req.granted.natural_person.value, req.granted.total.value] == [None, 2]
    assert [req.total.natural_person.value, req.total.commercial.value, req.total.total.value] == [None, None, 3]
    assert {i.row for i in issues if i.code == "placement.ambiguous"} == {"granted", "total"}


def test_a_damaged_label_whose_sums_do_not_fit_is_not_repaired() -> None:
    """`1.属于国家秘秘密 | 1 | … | 5`: 总计 5 is not the applicant columns' 1, so no placement of
    the row satisfies its own sum and its place alone does not make it the row."""
    values, issues = plan(
        table(
            [
                ["（一）予以公开", *ROW],
                ["1.属于国家秘秘密", "1", "", "", "", "", "", "5"],
                ["2.其他法律行政法规禁止公开", *ROW],
            ]
        )
    )
    assert "denied_state_secret" not in values
    assert [c for c, _, _ in issues] == ["table.unknown_row"]


def test_a_label_with_a_value_run_into_it_is_not_repaired() -> None:
    """A reader that joined `41` to its label leaves `…申请数量 41 | 41`: the label carries
    digits no template label has, so it is a misread cell, not a damaged label; reading it
    as a row would put the lone 41 in a column the report never printed it in."""
    values, issues = plan(
        table(
            [
                ["一、本年新收政府信息公开申请数量 41", "41", "", "", "", "", ""],
                ["二、上年结转政府信息公开申请数量", *ROW],
            ]
        )
    )
    assert "new_received" not in values
    assert [c for c, _, _ in issues] == ["table.unknown_row"]


def test_table_2_labels_are_not_repaired_without_arithmetic() -> None:
    """Table 2 has no identity to confirm a guess: `范性文件` between 规章 and 行政许可 stays
    unread rather than take whatever numbers sit beside it."""
    sink = Sink(TableKind.PROACTIVE)
    blocks = T.get("2019").table2
    width = {r.key: len(b.columns) for b in blocks for r in b.rows}
    t = table([["规章", "1", "2", "3"], ["范性文件", "4", "5", "6"], ["行政许可", "7", "8", "9"]])
    found = plan_rows(t, Rows(TableKind.PROACTIVE, "2019", width, read_grid([t]), sink))
    assert "normative_documents" not in found.fixed
    assert [i.code for i in sink.items] == ["table.unknown_row"]

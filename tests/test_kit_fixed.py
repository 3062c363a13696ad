"""Fixed-width shapes the kit found and the parser now reads (once strict xfails in
`test_kit_gaps.py`): kept as plain round trips so that they stay read."""

from __future__ import annotations

from gov_disclosure import templates as T
from gov_disclosure.records import Report
from gov_disclosure.testing import Quirks, assert_round_trip, parse_rendered, perturb, render, zero_report

LEGAL = T.TABLE3_PART_COLUMNS[1:]


def _blank_legal() -> Report:
    report = zero_report()
    for row in T.get("2019").table3_rows:
        for column in LEGAL:
            report = perturb(report, ("requests", row.key, column), None)
    return report


def test_dashes_in_blank_legal_columns_under_a_group_label() -> None:
    """`（三）不予公开  1.属于国家秘密  0  —  -  /  无  —  0`: the dashes keep every column, so the
    rows under a group label read like the others (natural person and total 0, the rest null)."""
    report = _blank_legal()
    text = render(report, "fixed-width", Quirks(dash_blanks=True))
    assert "（三）不予公开" in text and "—" in text
    parsed = parse_rendered(text, "fixed-width")
    assert_round_trip(report, parsed)
    assert parsed.requests is not None
    assert parsed.requests.denied_state_secret.natural_person.value == 0
    assert parsed.requests.denied_state_secret.commercial.value is None

"""The kit's strategies: consistent reports satisfy every identity of their template (the
validator finds no error), a perturbed one is caught at the cell that was changed, and the
shapes the strategy promises (blank rows, blank 法人 columns, signed changes, units) occur."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import templates as T
from gov_disclosure.records import Report
from gov_disclosure.testing import Perturbation, Quirks, numbers, perturb, quirks, render, reports, without_blanks
from gov_disclosure.validate import validate


@given(reports())
def test_consistent_reports_validate_without_error(report: Report) -> None:
    assert [i for i in validate(report) if i.severity == "error"] == []
    assert report.template is not None and T.get(report.template).expects(report.year or 0)


@given(reports(consistent=False))
def test_a_perturbed_cell_is_named_by_an_error(drawn: tuple[Report, Perturbation]) -> None:
    report, where = drawn
    assert where.printed != where.consistent
    assert numbers(report)[f"{where.table}.{where.row}.{where.column}"] == where.printed
    errors = [i for i in validate(report) if i.severity == "error" and i.table == where.table]
    # A row identity is reported at its row, a column identity at its column.
    assert any(i.row == where.row or i.column == where.column for i in errors), errors


@pytest.mark.parametrize("template", ["2019", "2021"])
@given(data=st.data())
def test_reports_keep_to_their_template(template: str, data: st.DataObject) -> None:
    report = data.draw(reports(template))  # type: ignore[arg-type]
    assert report.template == template
    t = T.get(template)
    requests = report.requests
    assert requests is not None
    assert [k for k in (r.key for r in t.table3_rows) if getattr(requests, k) is None] == []
    cells = numbers(without_blanks(report))
    assert all(v is not None for v in cells.values())


def test_the_promised_shapes_occur() -> None:
    """Blank 法人 columns, blank rows, signed changes and printed units are all drawn."""
    seen: set[str] = set()

    @given(reports("2019"))
    def collect(report: Report) -> None:
        assert report.requests is not None and report.proactive is not None
        rows = [getattr(report.requests, r.key) for r in T.get("2019").table3_rows]
        if all(r.commercial.value is None for r in rows):
            seen.add("blank legal columns")
        if any(r.total.value is None for r in rows):
            seen.add("blank row")
        for row in ("licensing", "penalties"):
            change = getattr(report.proactive, row).change
            if change.value is not None and change.value < 0:
                seen.add("negative change")
            if change.raw and change.raw.startswith("+"):
                seen.add("plus sign")
        amount = report.proactive.procurement.amount  # type: ignore[union-attr]
        if amount is not None and amount.unit is not None:
            seen.add("unit")

    collect()
    assert seen == {"blank legal columns", "blank row", "negative change", "plus sign", "unit"}


@given(reports("2021"))
def test_perturb_changes_one_cell_only(report: Report) -> None:
    changed = perturb(report, ("reviews", "review", "upheld"), 12345)
    diff = {k for k, v in numbers(changed).items() if numbers(report)[k] != v}
    assert diff == {"reviews.review.upheld"}


@given(quirks(["nbsp", "noise"]))
def test_quirks_draws_only_the_allowed_switches(q: Quirks) -> None:
    assert set(q.on()) <= {"nbsp", "noise"}


@settings(max_examples=1)
@given(reports())
def test_render_refuses_a_quirk_its_form_cannot_print(report: Report) -> None:
    with pytest.raises(ValueError, match="cannot print"):
        render(report, "tsv", Quirks(wrapped=True))
    with pytest.raises(ValueError, match="unknown form"):
        render(report, "rtf", Quirks())

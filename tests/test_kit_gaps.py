"""Each shape the round-trip property restricts today (`test_roundtrip.restricted`), pinned as
its smallest input: a strict xfail, so the day the parser reads it this test fails and says
to lift the restriction. Inputs are the kit's `zero_report` with the named cells blank."""

from __future__ import annotations

import attrs
import pytest

from gov_disclosure import templates as T
from gov_disclosure.records import Report, Section
from gov_disclosure.testing import Quirks, assert_round_trip, parse_rendered, perturb, render, zero_report


def _blank(report: Report, table: str, rows: tuple[str, ...], columns: tuple[str, ...]) -> Report:
    for row in rows:
        for column in columns:
            report = perturb(report, (table, row, column), None)
    return report


LEGAL = T.TABLE3_PART_COLUMNS[1:]
REVIEW_COLUMNS = tuple(c.key for c in T.TABLE4_COLUMNS)
T3_ROWS = tuple(r.key for r in T.get("2019").table3_rows)


def _short_overview() -> Report:
    r = zero_report()
    return attrs.evolve(r, overview=Section(r.overview.heading, "众众众众，众众众众。"))


def _page_number_after_blank_group() -> Report:
    """Two overview paragraphs put the noise `- 11 -` (a page number) just after Table 4."""
    r = _blank(zero_report(), "reviews", ("litigation_after_review",), REVIEW_COLUMNS)
    return attrs.evolve(r, overview=Section(r.overview.heading, "\n".join([r.overview.text] * 2)))


def _review_blank_direct_one() -> Report:
    r = _blank(zero_report(), "reviews", ("review",), REVIEW_COLUMNS)
    r = perturb(r, ("reviews", "litigation_direct", "upheld"), 1)
    return perturb(r, ("reviews", "litigation_direct", "total"), 1)


GAPS = [
    # (form, quirks, report): what is lost is in the docstring of `restricted`
    pytest.param("cell-lines", Quirks(), _short_overview(), id="cell-lines-short-overview"),
    pytest.param("pipe", Quirks(), _review_blank_direct_one(), id="pipe-leading-empty-cell"),
    pytest.param(
        "fixed-width",
        Quirks(),
        _blank(zero_report(), "proactive", ("coercion",), ("prior_items", "change", "decisions")),
        id="fixed-width-blank-row",
    ),
    pytest.param(
        "fixed-width", Quirks(), _blank(zero_report(), "requests", T3_ROWS, LEGAL), id="fixed-width-blank-legal"
    ),
    pytest.param(
        "fixed-width",
        Quirks(),
        _blank(zero_report(), "reviews", ("litigation_after_review",), REVIEW_COLUMNS),
        id="fixed-width-blank-last-group",
    ),
    pytest.param(
        "cell-lines-docx2txt",
        Quirks(),
        _blank(zero_report(), "reviews", ("litigation_direct",), REVIEW_COLUMNS),
        id="docx2txt-blank-middle-group",
    ),
    pytest.param(
        "cell-lines",
        Quirks(noise=True),
        _page_number_after_blank_group(),
        id="cell-lines-page-number-after-blank-group",
    ),
    pytest.param(
        "pipe-framed",
        Quirks(noise=True),
        _blank(zero_report(), "requests", T3_ROWS, LEGAL),
        id="pipe-framed-page-number-above",
    ),
]


@pytest.mark.xfail(strict=True, reason="a known gap, restricted in test_roundtrip.restricted")
@pytest.mark.parametrize(("form", "q", "report"), GAPS)
def test_known_gap(form: str, q: Quirks, report: Report) -> None:
    assert_round_trip(report, parse_rendered(render(report, form, q), form))


@pytest.mark.parametrize(("form", "q", "report"), GAPS)
def test_a_gap_is_that_shape_only(form: str, q: Quirks, report: Report) -> None:
    """The same report reads in full as markdown: the gap is the form's, not the report's."""
    assert_round_trip(report, parse_rendered(render(report, "markdown"), "markdown"))

"""Each shape the round-trip property restricts today (`test_roundtrip.restricted`), pinned as
its smallest input: a strict xfail, so the day the parser reads it this test fails and says
to lift the restriction; and each shape once restricted, now read, as a plain test (and an
`@example` of the property). Inputs are the kit's `zero_report` with the named cells blank."""

from __future__ import annotations

import attrs
import pytest

from gov_disclosure import templates as T
from gov_disclosure.records import Report, Section
from gov_disclosure.testing import Quirks, assert_round_trip, parse_rendered, perturb, render, zero_report


def blank(report: Report, table: str, rows: tuple[str, ...], columns: tuple[str, ...]) -> Report:
    for row in rows:
        for column in columns:
            report = perturb(report, (table, row, column), None)
    return report


LEGAL = T.TABLE3_PART_COLUMNS[1:]
REVIEW_COLUMNS = tuple(c.key for c in T.TABLE4_COLUMNS)
T3_ROWS = tuple(r.key for r in T.get("2019").table3_rows)


def short_overview() -> Report:
    r = zero_report()
    return attrs.evolve(r, overview=Section(r.overview.heading, "众众众众，众众众众。"))


def page_number_after_blank_group() -> Report:
    """Two overview paragraphs put the noise `- 11 -` (a page number) just after Table 4."""
    r = blank(zero_report(), "reviews", ("litigation_after_review",), REVIEW_COLUMNS)
    return attrs.evolve(r, overview=Section(r.overview.heading, "\n".join([r.overview.text] * 2)))


def review_blank_direct_one() -> Report:
    r = blank(zero_report(), "reviews", ("review",), REVIEW_COLUMNS)
    r = perturb(r, ("reviews", "litigation_direct", "upheld"), 1)
    return perturb(r, ("reviews", "litigation_direct", "total"), 1)


def coercion_blank() -> Report:
    """Table 2's 行政强制 blank: printed blank-padded, a lone label under the 行政处罚 row."""
    return blank(zero_report(), "proactive", ("coercion",), ("prior_items", "change", "decisions"))


def documents_blank_2021() -> Report:
    """A 2021 report whose Table 2 document rows (规章, 行政规范性文件) are blank: printed one
    cell a line, their empty cells are runs of empty lines before the next block's title."""
    columns = ("issued", "repealed", "in_force")
    return blank(zero_report("2021"), "proactive", ("regulations", "normative_documents"), columns)


FIXED = [
    # (form, quirks, report): gaps the kit found and the parser now reads (see test_fixed_gap)
    pytest.param("cell-lines", Quirks(), short_overview(), id="cell-lines-short-overview"),
    pytest.param("cell-lines-lynx", Quirks(), short_overview(), id="lynx-short-overview"),
    pytest.param("cell-lines-docx2txt", Quirks(), short_overview(), id="docx2txt-short-overview"),
    pytest.param("pipe", Quirks(), review_blank_direct_one(), id="pipe-leading-empty-cell"),
    pytest.param(
        "cell-lines-docx2txt",
        Quirks(),
        blank(zero_report(), "reviews", ("litigation_direct",), REVIEW_COLUMNS),
        id="docx2txt-blank-middle-group",
    ),
    pytest.param(
        "cell-lines",
        Quirks(noise=True),
        page_number_after_blank_group(),
        id="cell-lines-page-number-after-blank-group",
    ),
    pytest.param(
        "pipe-framed",
        Quirks(noise=True),
        blank(zero_report(), "requests", T3_ROWS, LEGAL),
        id="pipe-framed-page-number-above",
    ),
    pytest.param(
        "fixed-width",
        Quirks(dash_blanks=True),
        blank(zero_report(), "requests", T3_ROWS, LEGAL),
        id="fixed-width-dashes-under-group-label",
    ),
    pytest.param("cell-lines", Quirks(), documents_blank_2021(), id="cell-lines-blank-documents-2021"),
    pytest.param(
        "fixed-width", Quirks(), blank(zero_report(), "requests", T3_ROWS, LEGAL), id="fixed-width-blank-legal"
    ),
    pytest.param(
        "fixed-width",
        Quirks(),
        blank(zero_report(), "reviews", ("litigation_after_review",), REVIEW_COLUMNS),
        id="fixed-width-blank-last-group",
    ),
    pytest.param(
        "fixed-width",
        Quirks(),
        blank(zero_report(), "reviews", ("review", "litigation_direct"), REVIEW_COLUMNS),
        id="fixed-width-blank-leading-groups",
    ),
    pytest.param("fixed-width", Quirks(), coercion_blank(), id="fixed-width-blank-row"),
]

GAPS = [
    # (form, quirks, report): what is lost is in the docstring of `restricted`
    pytest.param(
        "fixed-width", Quirks(noise=True), page_number_after_blank_group(), id="fixed-width-noise-blank-last-group"
    ),
]


@pytest.mark.parametrize(("form", "q", "report"), FIXED)
def test_fixed_gap(form: str, q: Quirks, report: Report) -> None:
    """Gaps once restricted, read in full now: a short overview paragraph stays text (not
    cells of Table 2 with the title); html2text's `| | 1| 0` row keeps its empty first cell;
    docx2txt's units survive the extra empty line after a table; a page mark is no cell and
    no reason to read a framed table as unframed; blank fixed-width columns are read by their
    headers' columns (the measure that puts each header over its column wins); a one-cell-a-line
    block after printed empty cells is not cut into a stack of labels and numbers; a header line
    over blank first groups of a table without labels is no row label; a blank-padded row's lone
    label under a row whose label leaves room in its column is a blank row, not that label's wrap."""
    assert_round_trip(report, parse_rendered(render(report, form, q), form))


def test_pipe_leading_empty_cell_reads_its_numbers_in_place() -> None:
    """The one gap that gave wrong numbers, checked cell by cell: 行政复议 blank, 未经复议直接起诉
    upheld 1 and total 1 (not review.total 1 and every number one column left)."""
    report = review_blank_direct_one()
    reviews = parse_rendered(render(report, "pipe"), "pipe").reviews
    assert reviews is not None
    assert [c.value for c in attrs.astuple(reviews.review, recurse=False)] == [None] * 5
    direct = reviews.litigation_direct
    assert (direct.upheld.value, direct.corrected.value, direct.other.value, direct.pending.value) == (1, 0, 0, 0)
    assert direct.total.value == 1


@pytest.mark.xfail(strict=True, reason="a known gap, restricted in test_roundtrip.restricted")
@pytest.mark.parametrize(("form", "q", "report"), GAPS)
def test_known_gap(form: str, q: Quirks, report: Report) -> None:
    assert_round_trip(report, parse_rendered(render(report, form, q), form))


@pytest.mark.parametrize(("form", "q", "report"), GAPS + FIXED)
def test_a_gap_is_that_shape_only(form: str, q: Quirks, report: Report) -> None:
    """The same report reads in full as markdown: the gap is the form's, not the report's."""
    assert_round_trip(report, parse_rendered(render(report, "markdown"), "markdown"))

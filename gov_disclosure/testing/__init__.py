"""gov_disclosure.testing: a property-based test kit for the library and its plug-ins.

Needs the `testing` extra (hypothesis): `pip install gov-disclosure[testing]`.

    from hypothesis import given
    from gov_disclosure import parse_text
    from gov_disclosure.testing import assert_round_trip, quirks, render, reports

    @given(reports(), quirks(FORM_QUIRKS["tsv"]))
    def test_tsv(report, q):
        assert_round_trip(report, parse_text(render(report, "tsv", q)))

`reports` draws `Report` records that obey their template, `render` prints one in an input form
with `Quirks`, `assert_round_trip` says what a parse lost. See docs/testing.md.
"""

from __future__ import annotations

from gov_disclosure.testing.check import assert_round_trip, number_diff, numbers, parse_rendered, round_trip_problems
from gov_disclosure.testing.quirks import QUIRK_NAMES, Quirks, quirks
from gov_disclosure.testing.render import DIALECTS, FORM_QUIRKS, FORMS, render
from gov_disclosure.testing.strategies import (
    Perturbation,
    money,
    organizations,
    perturb,
    prose,
    reports,
    without_blanks,
    zero_report,
)

__all__ = [
    "DIALECTS",
    "FORMS",
    "FORM_QUIRKS",
    "QUIRK_NAMES",
    "Perturbation",
    "Quirks",
    "assert_round_trip",
    "money",
    "number_diff",
    "numbers",
    "organizations",
    "parse_rendered",
    "perturb",
    "prose",
    "quirks",
    "render",
    "reports",
    "round_trip_problems",
    "without_blanks",
    "zero_report",
]

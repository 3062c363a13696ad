"""Title, organization and year from the text; null plus an issue when unsure."""

from __future__ import annotations

import pytest
from helpers import report_text

import gov_disclosure as g
from gov_disclosure.meta import find_organization, find_year


@pytest.mark.parametrize(
    ("title", "year", "organization"),
    [
        ("2020年荣成市政府信息公开年报", 2020, "荣成市"),
        ("忻州市2020年政府信息公开工作年报", 2020, "忻州市"),
        ("二〇二〇年度某某市政府信息公开工作年度报告", 2020, "某某市"),
        ("某某局关于2021年政府信息公开工作年度报告", 2021, "某某局"),
        ("某某局二〇二一年政府信息公开工作年度报告", 2021, "某某局"),
        ("政府信息公开工作年度报告格式模板", None, None),
    ],
)
def test_year_and_organization_from_title(title: str, year: int | None, organization: str | None) -> None:
    assert find_year(title, "") == year
    assert find_organization(title, "") == organization


def test_place_name_completed_from_the_text() -> None:
    assert find_organization("2020年荣成市政府信息公开年报", "由荣成市人民政府编制") == "荣成市人民政府"


def test_no_title_is_null_with_a_warning() -> None:
    r = g.parse_text(report_text(title="").lstrip("\n"))
    assert (r.title, r.year, r.organization) == (None, None, None)
    assert {"meta.title_missing", "meta.year_missing"} <= {i.code for i in r.issues}

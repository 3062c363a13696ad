"""Template data against the records: every key a template spells is a field of its record,
and every field is a key; the registry and its default."""

from __future__ import annotations

import typing

import attrs
import pytest

from gov_disclosure import records as R
from gov_disclosure import templates as T


def fields(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls)]


def field_class(cls: type, name: str) -> type:
    found: type = next(t for t in typing.get_args(attrs.fields_dict(cls)[name].type) if t is not type(None))
    return found


@pytest.mark.parametrize("tpl", T.all_templates(), ids=lambda t: t.name)
def test_table2_keys_are_the_record_fields(tpl: T.Template) -> None:
    record = R.TABLE2_RECORDS[tpl.name]
    assert [r.key for b in tpl.table2 for r in b.rows] == fields(record)
    for block in tpl.table2:
        for row in block.rows:
            assert [c.key for c in block.columns] == fields(field_class(record, row.key)), row.key


def test_table3_keys_are_the_record_fields() -> None:
    rows = {t.name: [r.key for r in t.table3_rows] for t in T.all_templates()}
    every = fields(R.Requests)
    for keys in rows.values():
        assert set(keys) <= set(every) and keys == [k for k in every if k in keys]
    assert set().union(*rows.values()) == set(every)
    assert list(T.TABLE3_COLUMN_KEYS) == fields(R.RequestRow)


def test_table4_keys_are_the_record_fields() -> None:
    assert [g.key for g in T.TABLE4_GROUPS] == fields(R.Reviews)
    assert [c.key for c in T.TABLE4_COLUMNS] == fields(R.ReviewGroup)
    assert set(T.TABLE4_PART_COLUMNS) | {"total"} == set(fields(R.ReviewGroup))


def test_outcome_rows_per_template() -> None:
    """templates.md §5: 20 result rows in 2019, 22 in 2021, （七）总计 among them."""
    assert len(T.get("2019").outcome_rows) == 19 and T.get("2019").outcome_rows[-1] == "other"
    assert len(T.get("2021").outcome_rows) == 21
    assert T.get("2021").outcome_rows[-3:] == ("other_overdue_correction", "other_overdue_fee", "other_misc")
    outcome_sum = next(i for i in T.get("2021").identities if i.code == "requests.outcome_sum")
    assert outcome_sum.rhs == T.get("2021").outcome_rows and outcome_sum.table is T.TableKind.REQUESTS


def test_registry_and_default() -> None:
    assert [t.name for t in T.all_templates()] == ["2019", "2021"]
    assert T.get(None).name == "2019" and T.get("2021").name == "2021"
    assert T.find("2018") is None and T.find(None) is None
    with pytest.raises(KeyError):
        T.get("2018")


def test_years_each_layout_is_expected_for() -> None:
    t2019, t2021 = T.get("2019"), T.get("2021")
    assert t2019.expects(2020) and not t2019.expects(2021) and t2019.expects(2018)
    assert t2021.expects(2021) and t2021.expects(2030) and not t2021.expects(2020)


def test_table_kinds() -> None:
    assert [k.value for k in T.TableKind] == ["proactive", "requests", "reviews"]
    assert [k.number for k in T.TableKind] == [2, 3, 4]
    assert f"{T.TableKind.REVIEWS}" == "reviews" and T.TableKind("requests") is T.TableKind.REQUESTS

"""Property test: random reports rendered as cell-per-line, TSV, markdown and framed-pipe text
parse back to exactly the numbers they were made from; records survive JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

import gov_disclosure as g
from gov_disclosure.templates import TABLE3_COLUMN_KEYS, TABLE4_COLUMNS, TABLE4_GROUPS, all_templates

TABLE2 = {t.name: t.table2 for t in all_templates()}
TABLE3_ROWS = {t.name: t.table3_rows for t in all_templates()}

Rows = list[list[str]]
count = st.one_of(st.none(), st.integers(min_value=0, max_value=99999))


def tika(rows: Rows) -> str:
    return "".join("".join(f"\t{c}\n" for c in r) + "\n" for r in rows)


def tsv(rows: Rows) -> str:
    return "".join("\t".join(r) + "\n" for r in rows)


def markdown(rows: Rows) -> str:
    width = max(len(r) for r in rows)
    out = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return "\n".join(out[:1] + ["|" + "---|" * width] + out[1:]) + "\n"


def framed(rows: Rows) -> str:
    width = max(len(r) for r in rows)
    return "".join("| " + " | ".join(r + [""] * (width - len(r))) + " |\n" for r in rows)


FORMS: dict[str, Callable[[Rows], str]] = {"tika-cells": tika, "tsv": tsv, "markdown": markdown, "pipe": framed}


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, dict[str, dict[str, int | None]], dict[str, dict[str, int | None]]]:
    template = draw(st.sampled_from(["2019", "2021"]))
    requests = {r.key: {c: draw(count) for c in TABLE3_COLUMN_KEYS} for r in TABLE3_ROWS[template]}
    reviews = {gr.key: {c.key: draw(count) for c in TABLE4_COLUMNS} for gr in TABLE4_GROUPS}
    return template, requests, reviews


def render(
    template: str,
    requests: dict[str, dict[str, int | None]],
    reviews: dict[str, dict[str, int | None]],
    form: Callable[[Rows], str],
) -> str:
    def cell(v: int | None) -> str:
        return "" if v is None else str(v)

    t2: Rows = []
    for block in TABLE2[template]:
        t2 += [[block.caption, "", "", ""], ["信息内容"] + [c.texts[0] for c in block.columns]]
        t2 += [[r.texts[0]] + ["0"] * len(block.columns) for r in block.rows]
    t3: Rows = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"],
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    t3 += [[r.texts[0], "", ""] + [cell(v) for v in requests[r.key].values()] for r in TABLE3_ROWS[template]]
    t4: Rows = [
        ["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
        [""] * 5 + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        [c.texts[0] for c in TABLE4_COLUMNS] * 3,
        [cell(v) for g_ in reviews.values() for v in g_.values()],
    ]
    return (
        f"某县人民政府{2019 if template == '2019' else 2022}年政府信息公开工作年度报告\n一、总体情况\n甲。\n"
        f"二、主动公开政府信息情况\n{form(t2)}\n三、收到和处理政府信息公开申请情况\n{form(t3)}\n"
        f"四、政府信息公开行政复议、行政诉讼情况\n{form(t4)}\n五、存在的主要问题及改进情况\n乙。\n六、其他需要报告的事项\n无\n"
    )


@settings(max_examples=40, deadline=None)
@given(reports(), st.sampled_from(sorted(FORMS)))
def test_rendered_reports_parse_back(
    report: tuple[str, dict[str, dict[str, int | None]], dict[str, dict[str, int | None]]], form: str
) -> None:
    template, requests, reviews = report
    parsed = g.parse_text(render(template, requests, reviews, FORMS[form]))
    d = parsed.to_dict()
    assert (parsed.template, parsed.source.dialect) == (template, form)
    assert d["requests"] == requests
    assert d["reviews"] == reviews
    assert not [i for i in parsed.issues if i.code.startswith(("placement.", "table.")) and i.code != "table.blank"]
    assert g.from_dict(json.loads(json.dumps(d))) == parsed

"""A printed label that ends with one template row's whole label: header or group text run into
the row's label by a reader (`三、本年度办 （一）予以公开`, vertical text `信息内容…规章`)."""

from __future__ import annotations

from helpers import plan_requests as plan
from helpers import table

from gov_disclosure.pipeline import parse_text

ROW = ["2", "", "", "", "", "", "2"]


def test_a_group_label_cut_into_the_row_label_is_read_as_the_row_it_ends_with() -> None:
    values, issues = plan(
        table(
            [
                ["二、上年结转政府信息公开申请数量", *ROW],
                ["三、本年度办 （一）予以公开", "5", "", "", "", "", "", "5"],
                ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *ROW],
            ]
        )
    )
    assert values["granted"] == ["5", "", "", "", "", "", "5"]
    assert ("table.label_repaired", "granted") in issues


def test_an_ending_that_the_row_sums_do_not_confirm_is_not_read() -> None:
    values, issues = plan(
        table(
            [
                ["二、上年结转政府信息公开申请数量", *ROW],
                ["三、本年度办 （一）予以公开", "5", "", "", "", "", "", "6"],
                ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *ROW],
            ]
        )
    )
    assert "granted" not in values
    assert ("table.label_repaired", "granted") not in issues


RAW_TABLE2 = "\n".join(
    [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        *"信息内容本年新制作数量本年新公开数量对外公开总数量规章",
        "1 0 11",
        *"规范性文件",
        "8 26 66",
        "第二十条第（五）项",
        *"信息内容上一年项目数量",
        "本年增/减",
        *"处理决定数量行政许可",
        "447 2 28",
        "其他对外管理服务事项 5 0 9",
        "第二十条第（九）项",
        *"信息内容采购项目数量",
        "采购总金",
        *"额政府集中采购",
        "6 38.5万元",
        "三、收到和处理政府信息公开申请情况",
    ]
)


def test_a_table2_label_with_its_vertical_header_run_into_it_is_read_without_arithmetic() -> None:
    """`pdftotext -raw` of narrow columns: the header and the first row's label, each printed a
    character a line, are one vertical run. Table 2 has no row sums, so the whole label printed
    at its end is the evidence."""
    report = parse_text(RAW_TABLE2).to_dict()
    assert report["proactive"]["regulations"] == {"new_made": 1, "new_published": 0, "total_published": 11}
    assert report["proactive"]["licensing"] == {"prior_items": 447, "change": 2, "decisions": 28}
    repaired = [i["row"] for i in report["issues"] if i["code"] == "table.label_repaired"]
    assert report["proactive"]["procurement"]["items"] == 6
    assert report["proactive"]["procurement"]["amount"]["raw"] == "38.5万元"
    assert repaired == ["regulations", "licensing", "procurement"]


def _table2(rows: list[str]) -> dict[str, object]:
    lines = [
        "二、主动公开政府信息情况",
        "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        "|---|---|---|---|",
        "| 规章 | 1 | 0 | 11 |",
        *rows,
        "| 行政强制 | 3 | 0 | 4 |",
        "三、收到和处理政府信息公开申请情况",
    ]
    return parse_text("\n".join(lines)).to_dict()


def test_a_label_with_the_next_line_run_into_it_is_read_as_the_row_it_starts_with() -> None:
    """A layout reader that takes the next block's title for the rest of a wrapped label."""
    report = _table2(["| 规范性文件第二十条第（五）项 | 8 | 26 | 66 |", "| 行政许可 | 447 | 2 | 28 |"])
    proactive = report["proactive"]
    assert isinstance(proactive, dict)
    assert proactive["normative_documents"] == {"new_made": 8, "new_published": 26, "total_published": 66}
    issues = report["issues"]
    assert isinstance(issues, list)
    assert [i["row"] for i in issues if i["code"] == "table.label_repaired"] == ["normative_documents"]


def test_a_label_that_starts_with_one_row_and_ends_with_another_is_not_read() -> None:
    report = _table2(["| 规范性文件 | 8 | 26 | 66 |", "| 行政许可其他对外管理服务事项 | 447 | 2 | 28 |"])
    proactive = report["proactive"]
    assert isinstance(proactive, dict)
    blank = {"prior_items": None, "change": None, "decisions": None}
    assert proactive["licensing"] == blank and proactive["other_services"] == blank
    issues = report["issues"]
    assert isinstance(issues, list)
    assert ("table.unknown_row", "行政许可其他对外管理服务事项") in [(i["code"], i["row"]) for i in issues]

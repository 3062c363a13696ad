"""One test per quirk of field-notes.md, each failing without the code that handles it."""

from __future__ import annotations

from helpers import T2_2019, T4, report_text, t3_tika, tika

import gov_disclosure as g

ZERO7 = ["0"] * 7


def codes(report: g.Report) -> list[str]:
    return [i.code for i in report.issues]


def test_cell_wrapped_over_lines_and_blank_line() -> None:
    """Quirk 1: `\\t对外公开` / blank / `总数量`, and a row label broken across a blank line."""
    t3 = t3_tika({"0": ["3", "", "", "", "", "", "3"]}).replace(
        "\t5.要求行政机关确认或重新出具已获取信息\n", "\t5.要求行政机关确认或重新\n\n出具已获取信息\n"
    )
    t3 = t3.replace(
        "\t5.要求行政机关确认或重新\n\n出具已获取信息\n" + "\t\n" * 7,
        "\t5.要求行政机关确认或重新\n\n出具已获取信息\n\t2\n\t\n\t\n\t\n\t\n\t\n\t2\n",
    )
    t2 = T2_2019.replace("\t对外公开总数量\n", "\t对外公开\n\n总数量\n")
    r = g.parse_text(report_text(t2=t2, t3=t3))
    assert r.requests is not None and r.requests.rejected_confirmation is not None
    assert r.requests.rejected_confirmation.natural_person.value == 2
    assert r.requests.rejected_confirmation.total.value == 2
    assert r.proactive is not None and r.proactive.regulations is not None
    assert r.proactive.regulations.total_published.value == 3
    assert "table.unknown_row" not in codes(r)


def test_full_width_digits_and_padding() -> None:
    """Quirk 2: `\\xa0０`, `０\\xa0`, ideographic and plain spaces around numbers."""
    t3 = t3_tika({"0": ["\xa0１２", "３\xa0", "\u3000０", " 0", "0 ", "０", "１５"]})
    r = g.parse_text(report_text(t3=t3))
    assert r.requests is not None and r.requests.new_received is not None
    row = r.requests.new_received
    assert [row.natural_person.value, row.commercial.value, row.research.value, row.total.value] == [12, 3, 0, 15]
    assert row.natural_person.raw == "\xa0１２"


def test_merged_headers_as_empty_cells_in_tsv() -> None:
    """Quirk 3: merged row labels leave empty cells (TSV); values are found after the last label."""
    lines = [
        "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t\t",
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
        "一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t6\t",
        "三、本年度办理结果\t(一) 予以公开\t5\t1\t0\t0\t0\t0\t6",
        "\t(七) 总计\t5\t1\t0\t0\t0\t0\t6",
    ]
    r = g.parse_text(report_text(t3="\n".join(lines) + "\n"))
    assert r.source.dialect in ("tika-cells", "tsv")
    assert r.requests is not None and r.requests.granted is not None and r.requests.new_received is not None
    assert r.requests.new_received.commercial.value == 1
    assert r.requests.new_received.total.value == 6
    assert r.requests.granted.commercial.value == 1


def test_table_split_over_pages_with_repeated_header() -> None:
    """Quirk 4: header repeated after a page break; `3.补正后申请内容仍不` continues as `明确`."""
    head = [
        "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t",
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]
    lines = head + [
        "\t(四) 无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1",
        "\t\t3.补正后申请内容仍不\t2\t0\t0\t0\t0\t0\t2",
        "",
        *head,
        "\t明确\t\t\t\t\t\t\t",
        "(五) 不予处理\t1.信访举报投诉类申请\t4\t0\t0\t0\t0\t0\t4",
    ]
    r = g.parse_text(report_text(t3="\n".join(lines) + "\n"))
    assert r.requests is not None
    assert r.requests.unavailable_unclear is not None and r.requests.unavailable_unclear.total.value == 2
    assert r.requests.rejected_complaint is not None and r.requests.rejected_complaint.total.value == 4
    assert "table.unknown_row" not in codes(r)
    assert "table.duplicate_row" not in codes(r)


PIPE_HEAD = [
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||",
    "自然人 | 法人或其他组织 | 总计 | |||||",
    "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ||||",
]


def _pipe_t3(rows: dict[str, str]) -> str:
    out = list(PIPE_HEAD)
    for labels in (
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果 | (一)予以公开",
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        "(七)总计",
        "四、结转下年度继续办理",
    ):
        key = labels.split(" | ")[-1]
        out.append(f"{labels} | {rows.get(key, '')} | ||||||||")
    return "\n".join(out) + "\n"


def test_dropped_empty_cells_placed_by_arithmetic() -> None:
    """Quirk 5: pipe rows keep only non-empty cells; one placement satisfies the arithmetic."""
    t3 = _pipe_t3(
        {
            "一、本年新收政府信息公开申请数量": "6 | 2 | 0 | 0 | 3 | 0 | 11",
            "(一)予以公开": "6 | 3 | 9",
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)": "2 | 2",
            "(七)总计": "6 | 2 | 3 | 11",
        }
    )
    r = g.parse_text(report_text(t3=t3))
    req = r.requests
    assert req is not None and req.granted is not None and req.partially_granted is not None
    assert [req.granted.natural_person.value, req.granted.legal_service.value, req.granted.total.value] == [6, 3, 9]
    assert req.granted.commercial.value is None
    assert req.partially_granted.commercial.value == 2
    assert req.total is not None and req.total.legal_service.value == 3
    inferred = [i for i in r.issues if i.code == "placement.inferred"]
    assert {i.row for i in inferred} == {"granted", "partially_granted", "total"}
    assert all(i.severity == "info" for i in inferred)


def test_dropped_empty_cells_ambiguous_is_left_null() -> None:
    """Quirk 5, refused guess: two columns with equal totals make the placement ambiguous.
    What every solution agrees on is kept: each row's 2 | 2 puts its second 2 under 总计 (its
    own row sum), and the balance puts the total row's 2, 2 under 自然人 and 商业企业, so
    （一） and （二） take one each, in either order: those two cells stay null."""
    t3 = _pipe_t3(
        {
            "一、本年新收政府信息公开申请数量": "2 | 2 | 0 | 0 | 0 | 0 | 4",
            "(一)予以公开": "2 | 2",
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)": "2 | 2",
            "(七)总计": "2 | 2 | 4",
        }
    )
    r = g.parse_text(report_text(t3=t3))
    req = r.requests
    assert req is not None and req.granted is not None
    assert req.granted.natural_person.value is None and req.granted.commercial.value is None
    assert req.granted.total.value == 2 and req.granted.research.value is None
    amb = [i for i in r.issues if i.code == "placement.ambiguous"]
    assert {i.row for i in amb} == {"granted", "partially_granted"}
    assert all(i.severity == "warning" and "2 | 2" in i.message for i in amb)
    assert all("left null: natural_person, commercial" in i.message for i in amb)


def test_blank_total_row_is_one_warning() -> None:
    """Quirk 6: a blank （七）总计 row is a warning of its own, not a column of mismatches."""
    t3 = t3_tika({"0": ["3", "", "", "", "", "", "3"], "2": ["3", "", "", "", "", "", "3"], "22": ZERO7})
    r = g.parse_text(report_text(t3=t3))
    assert codes(r).count("requests.total_blank") == 1
    assert not [c for c in codes(r) if c in ("requests.outcome_sum", "requests.balance")]
    assert r.requests is not None and r.requests.total is not None and r.requests.total.total.value is None


def test_signs_and_units() -> None:
    """Quirk 7: `+4`, `－2`, `5.49亿`, `27326.00万元`, a bare amount."""
    t2 = T2_2019 + tika(
        ["第二十条第（八）项"], ["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费", "25", "－2"]
    )
    t2 += tika(["第二十条第（九）项"], ["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购", "410", "5.49亿"])
    r = g.parse_text(report_text(t2=t2))
    p = r.proactive
    assert p is not None and p.licensing is not None and p.fees is not None and p.procurement is not None
    assert p.licensing.change.value == 8  # printed +8
    assert p.fees.change.value == -2
    assert p.procurement.amount is not None
    assert (p.procurement.amount.raw, p.procurement.amount.value, p.procurement.amount.unit) == ("5.49亿", 5.49, "亿")
    r2 = g.parse_text(report_text(t2=t2.replace("5.49亿", "27326.00万元")))
    assert r2.proactive is not None and r2.proactive.procurement is not None  # type: ignore[union-attr]
    amount = r2.proactive.procurement.amount  # type: ignore[union-attr]
    assert amount is not None and (amount.value, amount.unit) == (27326.0, "万元")


def test_label_variants() -> None:
    """Quirk 8: 本年新收到, 上年转结, 转结下年度, `(一) 予以公开` with a space."""
    t3 = t3_tika({"0": ZERO7, "1": ["1"] + ["0"] * 5 + ["1"], "22": ["1"] + ["0"] * 5 + ["1"]})
    t3 = (
        t3.replace("本年新收政府", "本年新收到政府")
        .replace("上年结转", "上年转结")
        .replace("结转下年度", "转结下年度")
        .replace("（一）予以公开", "(一) 予以公开")
    )
    r = g.parse_text(report_text(t3=t3))
    req = r.requests
    assert req is not None and req.carried_over is not None and req.carried_forward is not None
    assert req.carried_over.natural_person.value == 1
    assert req.carried_forward.total.value == 1
    assert req.granted is not None and req.granted.total.value is None
    assert not [i for i in r.issues if i.code == "table.missing_row" and i.table == "requests"]


def test_irregular_section_headings() -> None:
    """Quirk 9: `1、 总体情况`, `一、概 述`, a heading printed twice, an old title beside the official one."""
    text = (
        "某县2020年政府信息公开年报\n1、 总体情况\n甲。\n二、主动公开政府信息情况\n乙。\n"
        f"二、主动公开政府信息情况\n{T2_2019}三、依申请公开政府信息情况\n丙。\n"
        "三、收到和处理政府信息公开申请情况\n丁。\n五、主要问题和改进措施\n戊。\n六、其他需要报告的事项\n无\n"
    )
    r = g.parse_text(text)
    assert (r.overview.heading, r.overview.text) == ("1、 总体情况", "甲。")
    assert r.problems.heading == "五、主要问题和改进措施" and r.problems.text == "戊。"
    assert r.table_sections["proactive"].text == "乙。"
    assert r.table_sections["requests"].text == "丙。\n丁。"
    r2 = g.parse_text(text.replace("1、 总体情况", "一、概 述"))
    assert r2.overview.heading == "一、概 述" and r2.overview.text == "甲。"


def test_noise_is_kept_and_reported() -> None:
    """Quirk 10: markers, page furniture, signature and date are kept in `unassigned`."""
    text = report_text().replace("概述文字。", "[bookmark: _GoBack]概述文字。\n[image: 图01]")
    text += "某某县人民政府办公室\n2021年1月30日\n扫一扫在手机打开当前页面\n"
    r = g.parse_text(text)
    assert r.overview.text == "概述文字。"
    assert r.other_matters.text == "无"
    kept = {(u.reason, u.text) for u in r.unassigned}
    assert {
        ("marker", "[bookmark: _GoBack]"),
        ("marker", "[image: 图01]"),
        ("signature", "某某县人民政府办公室"),
        ("date", "2021年1月30日"),
        ("furniture", "扫一扫在手机打开当前页面"),
    } <= kept
    assert codes(r).count("text.unassigned") == 5


def test_report_that_does_not_add_up() -> None:
    """Quirk 11: printed totals kept as printed, each mismatch reported at its row, column and line."""
    t3 = t3_tika(
        {"0": ["3"] + ["0"] * 5 + ["3"], "2": ["3"] + ["0"] * 5 + ["3"], "21": ["2"] + ["0"] * 5 + ["2"], "22": ZERO7}
    )
    text = report_text(t3=t3)
    r = g.parse_text(text)
    assert r.requests is not None and r.requests.total is not None
    assert r.requests.total.natural_person.value == 2
    bad = {(i.code, i.row, i.column) for i in r.issues if i.severity == "error"}
    assert ("requests.outcome_sum", "total", "natural_person") in bad
    assert ("requests.balance", "total", "natural_person") in bad
    line = next(i.line for i in r.issues if i.code == "requests.outcome_sum" and i.column == "total")
    assert text.split("\n")[line - 1] == "\t2"


def test_group_subtotal_row_is_kept_in_an_issue() -> None:
    """Contract gap: a group label printing its own subtotal has no key; its numbers go to an issue."""
    t3 = t3_tika({"4": ["2", "0", "0", "0", "0", "0", "2"]})
    subtotal = "\t（三）不予公开\n" + "".join(f"\t{v}\n" for v in ["2", "0", "0", "0", "0", "0", "2"]) + "\n\t\n\t\n"
    t3 = t3.replace("\t（三）不予公开\n", subtotal, 1)
    r = g.parse_text(report_text(t3=t3))
    sub = [i for i in r.issues if i.code == "table.subtotal_row"]
    assert len(sub) == 1 and sub[0].row == "（三）不予公开" and "2 | 0 | 0 | 0 | 0 | 0 | 2" in sub[0].message
    assert r.requests is not None and r.requests.denied_state_secret is not None
    assert r.requests.denied_state_secret.total.value == 2


def test_heading_run_into_its_first_sentence() -> None:
    """Web pages print a bold heading inside the paragraph: `一、总体情况。2020年，…`."""
    text = report_text().replace("一、总体情况\n概述文字。", "一、总体情况。2020年，本县概述文字。")
    text = text.replace("五、存在的主要问题及改进情况\n问题。", "五、存在的主要问题及改进情况：一是问题。")
    r = g.parse_text(text)
    assert (r.overview.heading, r.overview.text) == ("一、总体情况", "2020年，本县概述文字。")
    assert (r.problems.heading, r.problems.text) == ("五、存在的主要问题及改进情况", "一是问题。")
    plain = g.parse_text(text.replace("一、总体情况。2020年", "总体情况。2020年"))
    assert plain.overview.heading is None  # without numbering, prose that names a section stays prose


def test_framed_pipe_rows_keep_empty_cells_in_place() -> None:
    """`| a |  | c |` rows without a markdown rule: empties are positional, not dropped."""
    t3 = "\n".join(
        [
            "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |"
            "  |  |  |  |  |  |",
            "|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |",
            "|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |",
            "| 一、本年新收政府信息公开申请数量 |  |  | 2 |  |  |  | 2 |  | 4 |",
            "| 三、本年度办理结果 | （一）予以公开 |  | 2 |  |  |  | 2 |  | 4 |",
        ]
    )
    r = g.parse_text(report_text(t3=t3 + "\n"))
    req = r.requests
    assert req is not None and req.new_received is not None and req.granted is not None
    assert [req.new_received.natural_person.value, req.new_received.legal_service.value] == [2, 2]
    assert req.new_received.commercial.value is None and req.granted.legal_service.value == 2
    assert not [i for i in r.issues if i.code.startswith("placement.")]


def test_three_tables_in_one_block_are_split_by_their_labels() -> None:
    """No heading between the tables (one HTML table, one dump region): split by row labels."""
    t3 = t3_tika(
        {
            "0": ["1", "0", "0", "0", "0", "0", "1"],
            "2": ["1", "0", "0", "0", "0", "0", "1"],
            "21": ["1", "0", "0", "0", "0", "0", "1"],
        }
    )
    text = "某县2020年政府信息公开年报\n一、总体情况\n甲。\n二、主动公开政府信息情况\n" + T2_2019 + t3 + T4
    text += "五、存在的主要问题及改进情况\n乙。\n"
    doc = g.read_document(text.encode("utf-8"))
    assert len(doc.tables) == 1
    r = g.parse_text(text)
    assert r.proactive is not None and r.requests is not None and r.reviews is not None
    assert r.requests.total is not None and r.requests.total.total.value == 1
    assert r.reviews.litigation_after_review.total.value == 3
    assert not [i for i in r.issues if i.severity == "error"]


def test_heading_wording_not_listed_but_numbered_as_its_section() -> None:
    """`六、其它需要报告的事项`, `五、工作中存在的…问题…`: known by number and keyword, not by list."""
    text = report_text().replace("五、存在的主要问题及改进情况", "五、工作中存在的主要问题及改进情况")
    text = text.replace("六、其他需要报告的事项", "六、其它需要报告的事项")
    r = g.parse_text(text.replace("概述文字。", "概述文字。\n一、主动公开方面\n（二）依申请公开"))
    assert (r.problems.heading, r.problems.text) == ("五、工作中存在的主要问题及改进情况", "问题。")
    assert (r.other_matters.heading, r.other_matters.text) == ("六、其它需要报告的事项", "无")
    assert r.overview.text == "概述文字。\n一、主动公开方面\n（二）依申请公开"  # wrong number, or a subsection

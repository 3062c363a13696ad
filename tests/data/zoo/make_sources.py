"""Render the zoo's HTML and DOCX sources: samples re-published, two reports of our own.

Stdlib only apart from the project itself (``gov_disclosure`` is imported to read where each
sample cell was printed). Called by ``make_zoo.py``; also runs alone:
``PYTHONPATH=<repo> python tests/data/zoo/make_sources.py`` writes ``sources/*.html|docx``.

What it renders, and from what:

- ``sample-00N.html`` / ``sample-00N.docx``: the sample text ``tests/data/samples/00N_*.txt``.
  Prose: every non-empty line outside the three table line ranges (``TABLE_LINES``, read off the
  sample by hand), one paragraph a line, as printed. Tables: the official template's structure
  (``shared/spec/templates.md`` §3-§6: rowspan/colspan in HTML, ``w:gridSpan``/``w:vMerge`` in
  Word), each cell's text as the sample printed it (the parser's provenance ``raw``), asserted
  equal in value to the hand-checked ``tests/expected/00N.json``; a cell that is ``null`` there is
  blank. 004 already has a published HTML and 000 a DOCX (``tests/data/rendered/``): those are
  used as they are and not rendered again.
- ``own-2019.*`` / ``own-2021.*``: made-up offices whose five 法人 columns are blank, rendered
  from the hand-written ``tests/expected/own-2019.json`` / ``own-2021.json``; the identities of
  ``templates.md`` §9 are asserted before anything is written.

Output is deterministic: fixed zip timestamps and part order.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent.parent
SOURCES = HERE / "sources"
SAMPLES = TESTS / "data" / "samples"
EXPECTED = TESTS / "expected"

# (first, last) 1-based line numbers of Tables 2, 3 and 4 in each sample text.
TABLE_LINES = {
    "000": [(28, 100), (109, 371), (374, 430)],
    "001": [(21, 85), (87, 112), (113, 150)],
    "002": [(11, 82), (87, 345), (350, 393)],
    "003": [(37, 55), (59, 89), (91, 96)],
    "004": [(29, 98), (102, 360), (363, 401)],
}
RENDER = {"000": ("html",), "001": ("html", "docx"), "002": ("html", "docx"), "003": ("html", "docx"), "004": ("docx",)}

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
GROUP = ["upheld", "corrected", "other", "pending", "total"]

# A cell: (text, colspan, rowspan); "\n" in text is a line break inside the cell.
Cell = tuple[str, int, int]


def c(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return (text, colspan, rowspan)


# ---------------------------------------------------------------- tables (HTML model)


def table2_2019(v: dict[str, Any]) -> list[list[Cell]]:
    def row(label: str, key: str, cols: list[str], wide_last: bool = False) -> list[Cell]:
        cells = [c(label)] + [c(v[key][k]) for k in cols]
        if wide_last:
            cells[-1] = c(cells[-1][0], 2)
        return cells

    three = ["prior_items", "change", "decisions"]
    head3 = [c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")]
    return [
        [c("第二十条第（一）项", 4)],
        [c("信息内容"), c("本年新\n制作数量"), c("本年新\n公开数量"), c("对外公开\n总数量")],
        row("规章", "regulations", ["new_made", "new_published", "total_published"]),
        row("规范性文件", "normative_documents", ["new_made", "new_published", "total_published"]),
        [c("第二十条第（五）项", 4)],
        head3,
        row("行政许可", "licensing", three),
        row("其他对外管理服务事项", "other_services", three),
        [c("第二十条第（六）项", 4)],
        head3,
        row("行政处罚", "penalties", three),
        row("行政强制", "coercion", three),
        [c("第二十条第（八）项", 4)],
        [c("信息内容"), c("上一年项目数量"), c("本年增/减", 2)],
        row("行政事业性收费", "fees", ["prior_items", "change"], wide_last=True),
        [c("第二十条第（九）项", 4)],
        [c("信息内容"), c("采购项目数量"), c("采购总金额", 2)],
        row("政府集中采购", "procurement", ["items", "amount"], wide_last=True),
    ]


def table2_2021(v: dict[str, Any]) -> list[list[Cell]]:
    head = [c("信息内容"), c("本年处理决定数量", 3)]
    return [
        [c("第二十条第（一）项", 4)],
        [c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")],
        [c("规章")] + [c(v["regulations"][k]) for k in ("issued", "repealed", "in_force")],
        [c("行政规范性文件")] + [c(v["normative_documents"][k]) for k in ("issued", "repealed", "in_force")],
        [c("第二十条第（五）项", 4)],
        head,
        [c("行政许可"), c(v["licensing"]["decisions"], 3)],
        [c("第二十条第（六）项", 4)],
        head,
        [c("行政处罚"), c(v["penalties"]["decisions"], 3)],
        [c("行政强制"), c(v["coercion"]["decisions"], 3)],
        [c("第二十条第（八）项", 4)],
        [c("信息内容"), c("本年收费金额（单位：万元）", 3)],
        [c("行政事业性收费"), c(v["fees"]["amount"], 3)],
    ]


DENIED = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
DENIED_KEYS = ["denied_state_secret", "denied_prohibited_by_law", "denied_security_stability", "denied_third_party",
               "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_admin_query"]
UNAVAILABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
UNAVAILABLE_KEYS = ["unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear"]
REJECTED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息"]
REJECTED_KEYS = ["rejected_complaint", "rejected_duplicate", "rejected_publication", "rejected_excessive",
                 "rejected_confirmation"]
OTHER_2021 = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]
OTHER_2021_KEYS = ["other_overdue_correction", "other_overdue_fee", "other_misc"]


def table3(v: dict[str, Any], template: str) -> list[list[Cell]]:
    def vals(key: str) -> list[Cell]:
        return [c(v[key][k]) for k in APPLICANTS]

    def group(label: str, labels: list[str], keys: list[str]) -> list[list[Cell]]:
        rows = [[c(label, 1, len(keys)), c(labels[0])] + vals(keys[0])]
        rows += [[c(lab)] + vals(k) for lab, k in zip(labels[1:], keys[1:], strict=True)]
        return rows

    results: list[list[Cell]] = [
        [c("（一）予以公开", 2)] + vals("granted"),
        [c("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)] + vals("partially_granted"),
        *group("（三）不予公开", DENIED, DENIED_KEYS),
        *group("（四）无法提供", UNAVAILABLE, UNAVAILABLE_KEYS),
        *group("（五）不予处理", REJECTED, REJECTED_KEYS),
    ]
    if template == "2019":
        results.append([c("（六）其他处理", 2)] + vals("other"))
    else:
        results += group("（六）其他处理", OTHER_2021, OTHER_2021_KEYS)
    results.append([c("（七）总计", 2)] + vals("total"))
    results[0] = [c("三、本年度办理结果", 1, len(results))] + results[0]
    return [
        [c("（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）", 3, 3), c("申请人情况", 7)],
        [c("自然人", 1, 2), c("法人或其他组织", 5), c("总计", 1, 2)],
        [c("商业\n企业"), c("科研\n机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
        [c("一、本年新收政府信息公开申请数量", 3)] + vals("new_received"),
        [c("二、上年结转政府信息公开申请数量", 3)] + vals("carried_over"),
        *results,
        [c("四、结转下年度继续办理", 3)] + vals("carried_forward"),
    ]


def table4(v: dict[str, Any]) -> list[list[Cell]]:
    leaves = [c("结果维持"), c("结果纠正"), c("其他结果"), c("尚未审结"), c("总计")]
    return [
        [c("行政复议", 5), c("行政诉讼", 10)],
        [c("结果\n维持", 1, 2), c("结果\n纠正", 1, 2), c("其他\n结果", 1, 2), c("尚未\n审结", 1, 2), c("总计", 1, 2),
         c("未经复议直接起诉", 5), c("复议后起诉", 5)],
        leaves + leaves,
        [c(v[g][k]) for g in ("review", "litigation_direct", "litigation_after_review") for k in GROUP],
    ]


# ---------------------------------------------------------------- printed cell text


def printed(value: Any) -> str:
    """The text of a cell whose value is `value` and whose printed form is not otherwise known."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value["raw"])
    return str(value)


def printed_tables(want: dict[str, Any], raw: dict[str, str]) -> dict[str, dict[str, dict[str, str]]]:
    """Every cell's text: the printed `raw` where known, else the expected value; blank for null."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for table in ("proactive", "requests", "reviews"):
        out[table] = {
            row: {col: (raw.get(f"{table}.{row}.{col}", printed(val)) if val is not None else "")
                  for col, val in cells.items()}
            for row, cells in want[table].items()
        }
    return out


def sample_raw(num: str, path: Path, want: dict[str, Any]) -> dict[str, str]:
    """Where the sample printed each cell (the parser's provenance), checked against `want`."""
    import gov_disclosure as g

    got = g.to_dict(g.parse_file(path), with_provenance=True)
    for table in ("proactive", "requests", "reviews"):
        if got[table] != want[table]:
            raise SystemExit(f"sample {num}: the parser no longer reads {table} as expected; fix that first")
    return {k: str(w["raw"]).strip() for k, w in got["provenance"].items() if "raw" in w and k.count(".") == 2}


# ---------------------------------------------------------------- identities of the own reports


def check_identities(want: dict[str, Any]) -> None:
    """templates.md §9, blank = 0; raises on the first identity that does not hold."""
    req = want["requests"]

    def n(x: Any) -> int:
        return 0 if x is None else int(x)

    for row, cells in req.items():
        assert sum(n(cells[k]) for k in APPLICANTS[:-1]) == n(cells["total"]), row
    outcome = [k for k in req if k not in ("new_received", "carried_over", "total", "carried_forward")]
    for col in APPLICANTS:
        assert sum(n(req[k][col]) for k in outcome) == n(req["total"][col]), col
        assert n(req["new_received"][col]) + n(req["carried_over"][col]) == (
            n(req["total"][col]) + n(req["carried_forward"][col])
        ), col
    for grp in want["reviews"].values():
        assert sum(n(grp[k]) for k in GROUP[:-1]) == n(grp["total"])


# ---------------------------------------------------------------- HTML


def html_table(rows: list[list[Cell]]) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="2" style="border-collapse: collapse;">']
    for row in rows:
        tds = []
        for text, colspan, rowspan in row:
            attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
            tds.append(f"<td{attrs}>{'<br/>'.join(escape(p) for p in text.split(chr(10)))}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_page(title: str, blocks: list[tuple[str, Any]]) -> str:
    body = []
    for kind, item in blocks:
        if kind == "title":
            body.append(f'<p style="text-align: center;"><strong>{escape(item)}</strong></p>')
        elif kind == "p":
            body.append(f"<p>{escape(item)}</p>")
        else:
            body.append(html_table(item))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n<div class=\"article\">\n"
        + "\n".join(body)
        + "\n</div>\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RPR = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr>'
BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
FIXED_DATE = (2021, 3, 1, 9, 0, 0)


def w_para(text: str, center: bool = False, bold: bool = False) -> str:
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    rpr = RPR.replace("<w:sz", "<w:b/><w:sz") if bold else RPR
    if not text:
        return f"<w:p>{ppr}</w:p>"
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:p>{ppr}<w:r>{rpr}<w:t{space}>{escape(text)}</w:t></w:r></w:p>"


def docx_table(rows: list[list[Cell]]) -> str:
    """HTML-model rows -> w:tbl: covered slots of a rowspan become vMerge continue cells."""
    width = sum(span for _, span, _ in rows[0])
    below: dict[int, tuple[int, int]] = {}  # grid column -> (colspan, rows still covered)
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top {BORDER}/><w:left {BORDER}/>'
        f"<w:bottom {BORDER}/><w:right {BORDER}/><w:insideH {BORDER}/><w:insideV {BORDER}/></w:tblBorders>"
        "</w:tblPr><w:tblGrid>" + "".join('<w:gridCol w:w="600"/>' for _ in range(width)) + "</w:tblGrid>"
    ]
    for row in rows:
        cells = iter(row)
        col = 0
        out.append("<w:tr>")
        while col < width:
            if col in below:
                span, left = below.pop(col)
                if left > 1:
                    below[col] = (span, left - 1)
                pr = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + "<w:vMerge/>"
                out.append(f"<w:tc><w:tcPr>{pr}</w:tcPr><w:p/></w:tc>")
                col += span
                continue
            text, span, rowspan = next(cells)
            pr = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if rowspan > 1:
                pr += '<w:vMerge w:val="restart"/>'
                below[col] = (span, rowspan - 1)
            paras = "".join(w_para(p, center=True) for p in text.split("\n"))
            out.append(f"<w:tc><w:tcPr>{pr}</w:tcPr>{paras}</w:tc>")
            col += span
        if next(cells, None) is not None:
            raise ValueError(f"row wider than the grid: {row!r}")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/></Relationships>'
)
SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1247" w:bottom="1440" '
        'w:left="1247" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')


def write_docx(path: Path, blocks: list[tuple[str, Any]]) -> None:
    body = []
    for kind, item in blocks:
        if kind == "title":
            body.append(w_para(item, center=True, bold=True))
        elif kind == "p":
            body.append(w_para(item))
        else:
            body.append(docx_table(item) + "<w:p/>")
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}{SECT}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("word/document.xml", doc)):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


# ---------------------------------------------------------------- reports


def tables(want: dict[str, Any], cells: dict[str, dict[str, dict[str, str]]]) -> list[list[list[Cell]]]:
    t2 = table2_2019 if want["template"] == "2019" else table2_2021
    return [t2(cells["proactive"]), table3(cells["requests"], want["template"]), table4(cells["reviews"])]


def sample_blocks(num: str) -> tuple[str, list[tuple[str, Any]]]:
    path = next(SAMPLES.glob(f"{num}_*.txt"))
    want = json.loads((EXPECTED / f"{num}.json").read_text(encoding="utf-8"))
    grids = tables(want, printed_tables(want, sample_raw(num, path, want)))
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: list[tuple[str, Any]] = []
    pos = 0
    for (first, last), grid in zip(TABLE_LINES[num], grids, strict=True):
        blocks += [("p", s.strip()) for s in lines[pos : first - 1] if s.strip()]
        blocks.append(("table", grid))
        pos = last
    blocks += [("p", s.strip()) for s in lines[pos:] if s.strip()]
    kind, first_line = blocks[0]
    blocks[0] = ("title", first_line)
    return str(want["title"]), blocks


OWN_PROSE = {
    "own-2019": [
        ["一、总体情况",
         "2019年，新桥县农业农村局认真贯彻《中华人民共和国政府信息公开条例》，围绕农业农村重点工作做好政府信息公开。", "二、主动公开政府信息情况"],
        ["三、收到和处理政府信息公开申请情况"],
        ["四、政府信息公开行政复议、行政诉讼情况"],
        ["五、存在的主要问题及改进情况", "主要问题是信息更新不够及时。下一步将加强培训，规范发布流程。",
         "六、其他需要报告的事项", "无。", "新桥县农业农村局", "2020年1月20日"],
    ],
    "own-2021": [
        ["一、总体情况",
         "2021年，白沙镇人民政府坚持以公开为常态、不公开为例外，依法做好主动公开和依申请公开工作。", "二、主动公开政府信息情况"],
        ["三、收到和处理政府信息公开申请情况"],
        ["四、政府信息公开行政复议、行政诉讼情况"],
        ["五、存在的主要问题及改进情况", "公开内容还不够全面。下一步将完善目录，及时更新。",
         "六、其他需要报告的事项", "本年度未收取信息处理费。", "白沙镇人民政府", "2022年1月25日"],
    ],
}
# Cells printed otherwise than their value's plain digits.
OWN_PRINTED = {"own-2019": {"proactive.licensing.change": "+2"}, "own-2021": {}}


def own_blocks(name: str) -> tuple[str, list[tuple[str, Any]]]:
    want = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    check_identities(want)
    grids = tables(want, printed_tables(want, OWN_PRINTED[name]))
    blocks: list[tuple[str, Any]] = [("title", str(want["title"]))]
    for prose, grid in zip(OWN_PROSE[name], [*grids, None], strict=True):
        blocks += [("p", s) for s in prose]
        if grid is not None:
            blocks.append(("table", grid))
    return str(want["title"]), blocks


def main() -> list[Path]:
    SOURCES.mkdir(exist_ok=True)
    written = []
    jobs = [(f"sample-{num}", forms, sample_blocks, num) for num, forms in RENDER.items()]
    jobs += [(name, ("html", "docx"), own_blocks, name) for name in OWN_PROSE]
    for stem, forms, build, arg in jobs:
        title, blocks = build(arg)
        if "html" in forms:
            path = SOURCES / f"{stem}.html"
            path.write_text(html_page(title, blocks), encoding="utf-8")
            written.append(path)
        if "docx" in forms:
            path = SOURCES / f"{stem}.docx"
            write_docx(path, blocks)
            written.append(path)
    return written


if __name__ == "__main__":
    for p in main():
        print(p)

"""Builders of report text shared by the tests (imported as `from helpers import ...`)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from gov_disclosure import templates as T
from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.cells import read_grid
from gov_disclosure.rows import Rows, Sink, plan_rows
from gov_disclosure.templates import TableKind


def table(rows: list[list[str]], *, dropped_empty: bool = False) -> Table:
    """A grid of cells from rows of texts, each cell at its line, row and column."""
    return Table(
        rows=tuple(
            tuple(Cell(t, Position(line=r + 1, row=r, col=c)) for c, t in enumerate(row)) for r, row in enumerate(rows)
        ),
        dropped_empty=dropped_empty,
    )


def tika(*rows: list[str]) -> str:
    """A cell-per-line table: each cell a TAB-led line, a blank line after each row."""
    return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in rows)


T3_LABELS_2019 = [
    ("一、本年新收政府信息公开申请数量",),
    ("二、上年结转政府信息公开申请数量",),
    ("三、本年度办理结果", "（一）予以公开"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("", "（三）不予公开", "1.属于国家秘密"),
    ("", "", "2.其他法律行政法规禁止公开"),
    ("", "", "3.危及“三安全一稳定”"),
    ("", "", "4.保护第三方合法权益"),
    ("", "", "5.属于三类内部事务信息"),
    ("", "", "6.属于四类过程性信息"),
    ("", "", "7.属于行政执法案卷"),
    ("", "", "8.属于行政查询事项"),
    ("", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("", "", "2.没有现成信息需要另行制作"),
    ("", "", "3.补正后申请内容仍不明确"),
    ("", "（五）不予处理", "1.信访举报投诉类申请"),
    ("", "", "2.重复申请"),
    ("", "", "3.要求提供公开出版物"),
    ("", "", "4.无正当理由大量反复申请"),
    ("", "", "5.要求行政机关确认或重新出具已获取信息"),
    ("", "（六）其他处理"),
    ("", "（七）总计"),
    ("四、结转下年度继续办理",),
]

T2_2019 = """\t第二十条第（一）项

\t信息内容
\t本年新制作数量
\t本年新公开数量
\t对外公开总数量

\t规章
\t1
\t2
\t3

\t规范性文件
\t4
\t5
\t6

\t第二十条第（五）项

\t信息内容
\t上一年项目数量
\t本年增/减
\t处理决定数量

\t行政许可
\t7
\t+8
\t9

"""

T4 = """\t行政复议
\t行政诉讼

\t结果维持
\t结果纠正
\t其他结果
\t尚未审结
\t总计
\t未经复议直接起诉
\t复议后起诉

\t结果维持
\t结果纠正
\t其他结果
\t尚未审结
\t总计
\t结果维持
\t结果纠正
\t其他结果
\t尚未审结
\t总计

\t1
\t0
\t0
\t1
\t2
\t0
\t0
\t0
\t0
\t0
\t3
\t0
\t0
\t0
\t3

"""


def t3_tika(values: dict[str, list[str]]) -> str:
    """Table 3 (2019) as cell-per-line text; `values` maps a row index (as str) to 7 cells."""
    head = tika(
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    )
    rows = [list(labels) + values.get(str(i), [""] * 7) for i, labels in enumerate(T3_LABELS_2019)]
    return head + tika(*rows)


def report_text(
    t2: str = T2_2019, t3: str = "", t4: str = T4, *, title: str = "某某县人民政府2020年政府信息公开工作年度报告"
) -> str:
    return (
        f"{title}\n一、总体情况\n概述文字。\n二、主动公开政府信息情况\n{t2}\n"
        f"三、收到和处理政府信息公开申请情况\n{t3}\n四、政府信息公开行政复议、行政诉讼情况\n{t4}\n"
        "五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无\n"
    )


def calls(fn: Callable[[], object]) -> int:
    """How many Python function calls `fn()` makes: a measure of work that, unlike a clock,
    does not depend on the machine, so a test can show a cost grows linearly with its input."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def grows_linearly(cost: Callable[[int], int], n: int, slack: float = 2.5) -> bool:
    """Whether doubling the input size `n` at most `slack`-folds the cost (quadratic gives 4)."""
    return cost(2 * n) <= slack * cost(n)


def plan_requests(t: Table) -> tuple[dict[str, list[str | None]], list[tuple[str, str | None]]]:
    """A 2019 Table 3 grid through `rows.plan_rows`: each placed row's value texts, and the
    issues raised (code, row)."""
    sink = Sink(TableKind.REQUESTS)
    width = {r.key: 7 for r in T.get("2019").table3_rows}
    found = plan_rows(t, Rows(TableKind.REQUESTS, "2019", width, read_grid([t]), sink))
    values = {k: [c.text if c else None for c in v] for k, v in found.fixed.items()}
    return values, [(i.code, i.row) for i in sink.items]

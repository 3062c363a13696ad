"""The two official templates (2019 and 2021) as data: headings, labels, keys, identities.

This is the only module that spells template labels. Everything else asks it. Labels are
written as printed in the official templates; `labels.label_key` normalises both these and
the text of a report (brackets, spaces, numbering punctuation) before they are compared.
Variants seen in real reports are listed beside the official label.
"""

from __future__ import annotations

import attrs

TEMPLATES = ("2019", "2021")


@attrs.frozen
class Label:
    """A printed label and its variants; `numbered` means the label must keep its numbering to
    match (a bare `总计` is a column header, `（七）总计` the row)."""

    key: str
    texts: tuple[str, ...]
    numbered: bool = False


@attrs.frozen
class Column:
    key: str
    texts: tuple[str, ...]
    kind: str = "count"  # "count" or "money"
    unit: str | None = None  # unit stated by the column header


@attrs.frozen
class Block:
    """One caption-headed block of Table 2: its rows share its columns."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Label, ...]


# --- Sections --------------------------------------------------------------------------------

SECTION_KEYS = ("overview", "proactive", "requests", "reviews", "problems", "other_matters")
SECTION_NUMBERS = {key: i for i, key in enumerate(SECTION_KEYS, start=1)}

SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "概述", "政府信息公开工作基本情况", "基本情况"),
    "proactive": (
        "主动公开政府信息情况",
        "行政机关主动公开政府信息情况",
        "主动公开政府信息",
    ),
    "requests": (
        "收到和处理政府信息公开申请情况",
        "行政机关收到和处理政府信息公开申请情况",
        "依申请公开政府信息情况",
        "依申请公开情况",
    ),
    "reviews": (
        "政府信息公开行政复议、行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "因政府信息公开工作被申请行政复议提起行政诉讼情况",
        "政府信息公开行政复议,行政诉讼情况",
        "行政复议、行政诉讼情况",
    ),
    "problems": (
        "存在的主要问题及改进情况",
        "存在的主要问题和改进情况",
        "政府信息公开工作存在的主要问题及改进情况",
        "主要问题和改进措施",
        "存在问题及改进情况",
        "存在的主要问题及改进措施",
    ),
    "other_matters": ("其他需要报告的事项", "其他需要报告事项"),
}

# A heading numbered as section N (`三、…`, `3、…`) whose words carry one of these is section N
# even in wording not listed above (`六、其它需要报告的事项`, `五、工作中存在的主要问题…`).
SECTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "概述", "概况", "基本情况"),
    "proactive": ("主动公开",),
    "requests": ("依申请", "申请"),
    "reviews": ("复议", "诉讼"),
    "problems": ("问题",),
    "other_matters": ("其他", "其它"),
}

# --- Table 2 (主动公开) ------------------------------------------------------------------------

_DOC_ROWS_2019 = (
    Label("regulations", ("规章",)),
    Label("normative_documents", ("规范性文件",)),
)
_ITEM_COLUMNS_2019 = (
    Column("prior_items", ("上一年项目数量",)),
    Column("change", ("本年增/减", "本年增减")),
    Column("decisions", ("处理决定数量",)),
)

TABLE2_2019 = (
    Block(
        "第二十条第（一）项",
        (
            Column("new_made", ("本年新制作数量", "本年新")),
            Column("new_published", ("本年新公开数量",)),
            Column("total_published", ("对外公开总数量",)),
        ),
        _DOC_ROWS_2019,
    ),
    Block(
        "第二十条第（五）项",
        _ITEM_COLUMNS_2019,
        (Label("licensing", ("行政许可",)), Label("other_services", ("其他对外管理服务事项",))),
    ),
    Block(
        "第二十条第（六）项",
        _ITEM_COLUMNS_2019,
        (Label("penalties", ("行政处罚",)), Label("coercion", ("行政强制",))),
    ),
    Block("第二十条第（八）项", _ITEM_COLUMNS_2019[:2], (Label("fees", ("行政事业性收费",)),)),
    Block(
        "第二十条第（九）项",
        (Column("items", ("采购项目数量",)), Column("amount", ("采购总金额",), kind="money")),
        (Label("procurement", ("政府集中采购",)),),
    ),
)

_DECISIONS_2021 = (Column("decisions", ("本年处理决定数量", "本年处理绝对数量", "处理决定数量")),)

TABLE2_2021 = (
    Block(
        "第二十条第（一）项",
        (
            Column("issued", ("本年制发件数",)),
            Column("repealed", ("本年废止件数",)),
            Column("in_force", ("现行有效件数",)),
        ),
        (
            Label("regulations", ("规章",)),
            Label("normative_documents", ("行政规范性文件", "规范性文件")),
        ),
    ),
    Block("第二十条第（五）项", _DECISIONS_2021, (Label("licensing", ("行政许可",)),)),
    Block(
        "第二十条第（六）项",
        _DECISIONS_2021,
        (Label("penalties", ("行政处罚",)), Label("coercion", ("行政强制",))),
    ),
    Block(
        "第二十条第（八）项",
        (
            Column(
                "amount",
                ("本年收费金额（单位：万元）", "本年收费金额"),
                kind="money",
                unit="万元",
            ),
        ),
        (Label("fees", ("行政事业性收费",)),),
    ),
)

TABLE2: dict[str, tuple[Block, ...]] = {"2019": TABLE2_2019, "2021": TABLE2_2021}
TABLE2_HEADER = ("信息内容",)

# --- Table 3 (依申请) --------------------------------------------------------------------------

TABLE3_COLUMNS = (
    Column("natural_person", ("自然人",)),
    Column("commercial", ("商业企业",)),
    Column("research", ("科研机构",)),
    Column("social_welfare", ("社会公益组织",)),
    Column("legal_service", ("法律服务机构",)),
    Column("other_org", ("其他",)),
    Column("total", ("总计",)),
)
TABLE3_COLUMN_KEYS = tuple(c.key for c in TABLE3_COLUMNS)
TABLE3_PART_COLUMNS = TABLE3_COLUMN_KEYS[:6]
TABLE3_HEADER = (
    "申请人情况",
    "法人或其他组织",
    "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
    "本列数据的勾稽关系为",
)

_T3_COMMON_HEAD = (
    Label("new_received", ("本年新收政府信息公开申请数量", "本年新收到政府信息公开申请数量")),
    Label(
        "carried_over",
        (
            "上年结转政府信息公开申请数量",
            "上年转结政府信息公开申请数量",
            "上年结转政府信息公开数量",
            "上年转结政府信息公开数量",
        ),
    ),
    Label("granted", ("予以公开",)),
    Label("partially_granted", ("部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开")),
    Label("denied_state_secret", ("属于国家秘密",)),
    Label("denied_prohibited_by_law", ("其他法律行政法规禁止公开",)),
    Label("denied_security_stability", ("危及“三安全一稳定”", "危及三安全一稳定")),
    Label("denied_third_party", ("保护第三方合法权益",)),
    Label("denied_internal_affairs", ("属于三类内部事务信息",)),
    Label("denied_process_info", ("属于四类过程性信息",)),
    Label("denied_enforcement_file", ("属于行政执法案卷",)),
    Label("denied_admin_query", ("属于行政查询事项",)),
    Label("unavailable_not_held", ("本机关不掌握相关政府信息",)),
    Label("unavailable_needs_creation", ("没有现成信息需要另行制作",)),
    Label("unavailable_unclear", ("补正后申请内容仍不明确",)),
    Label("rejected_complaint", ("信访举报投诉类申请",)),
    Label("rejected_duplicate", ("重复申请",)),
    Label("rejected_publication", ("要求提供公开出版物",)),
    Label("rejected_excessive", ("无正当理由大量反复申请",)),
    Label("rejected_confirmation", ("要求行政机关确认或重新出具已获取信息",)),
)
_T3_TAIL = (
    Label("total", ("（七）总计",), numbered=True),
    Label("carried_forward", ("结转下年度继续办理", "转结下年度继续办理")),
)

TABLE3_ROWS: dict[str, tuple[Label, ...]] = {
    "2019": _T3_COMMON_HEAD + (Label("other", ("其他处理",)),) + _T3_TAIL,
    "2021": _T3_COMMON_HEAD
    + (
        Label(
            "other_overdue_correction",
            (
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
            ),
        ),
        Label(
            "other_overdue_fee",
            (
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请",
            ),
        ),
        Label("other_misc", ("3.其他",), numbered=True),
    )
    + _T3_TAIL,
}
# Group labels: printed, carry no numbers of their own.
TABLE3_GROUPS = ("本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理")

# Rows whose sum is （七）总计, per template (the template gives groups no subtotal row).
TABLE3_OUTCOME_ROWS: dict[str, tuple[str, ...]] = {
    t: tuple(r.key for r in TABLE3_ROWS[t] if r.key not in ("new_received", "carried_over", "total", "carried_forward"))
    for t in TEMPLATES
}

# --- Table 4 (复议/诉讼) -----------------------------------------------------------------------

TABLE4_GROUPS = (
    Label("review", ("行政复议",)),
    Label("litigation_direct", ("未经复议直接起诉",)),
    Label("litigation_after_review", ("复议后起诉",)),
)
TABLE4_COLUMNS = (
    Column("upheld", ("结果维持",)),
    Column("corrected", ("结果纠正",)),
    Column("other", ("其他结果",)),
    Column("pending", ("尚未审结",)),
    Column("total", ("总计",)),
)
TABLE4_HEADER = ("行政诉讼",)
TABLE4_PART_COLUMNS = ("upheld", "corrected", "other", "pending")

# --- Telling the templates apart (templates.md §1) ----------------------------------------------

TEMPLATE_MARKERS: dict[str, tuple[str, ...]] = {
    "2021": (
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额",
        "申请人无正当理由逾期不补正",
        "申请人逾期未按收费通知要求缴纳费用",
    ),
    "2019": (
        "本年新制作数量",
        "本年新公开数量",
        "上一年项目数量",
        "本年增/减",
        "第二十条第（九）项",
        "政府集中采购",
    ),
}

# --- Identities (templates.md §9), as data the validator and the placement solver share --------


@attrs.frozen
class Identity:
    """`sum(lhs) == sum(rhs)`, applied along `axis` of a table.

    axis "row": applied to every row, lhs/rhs are column keys.
    axis "column": applied to every column, lhs/rhs are row keys.
    `lhs[0]` is where the printed total sits: a mismatch is reported at that cell.
    """

    code: str
    table: str
    axis: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    description: str


def identities(template: str | None) -> tuple[Identity, ...]:
    """The arithmetic a report of `template` must satisfy (2019 assumed when unknown)."""
    outcome = TABLE3_OUTCOME_ROWS[template or "2019"]
    return (
        Identity(
            "requests.row_sum",
            "requests",
            "row",
            ("total",),
            TABLE3_PART_COLUMNS,
            "the six applicant columns sum to 总计",
        ),
        Identity(
            "requests.balance",
            "requests",
            "column",
            ("total", "carried_forward"),
            ("new_received", "carried_over"),
            "第一项加第二项之和，等于第三项加第四项之和",
        ),
        Identity(
            "requests.outcome_sum",
            "requests",
            "column",
            ("total",),
            outcome,
            "（七）总计 equals the sum of the outcome rows",
        ),
        Identity(
            "reviews.group_sum",
            "reviews",
            "row",
            ("total",),
            TABLE4_PART_COLUMNS,
            "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计",
        ),
    )

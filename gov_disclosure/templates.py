"""The official templates (2019 and 2021) as data: headings, labels, keys, identities.

This is the only module that spells template labels. Everything else asks it: one `Template`
object per template, in one registry (`get`, `all_templates`), plus the parts both templates
share (section headings, Tables 3 and 4's columns, Table 4). Labels are written as printed in
the official templates; `labels.label_key` normalises both these and the text of a report
(brackets, spaces, numbering punctuation) before they are compared. Variants seen in real
reports are listed beside the official label. Adding a template means adding its data here
and its Table 2 record to `records.TABLE2_RECORDS`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs


class TableKind(str, enum.Enum):
    """The three statistical tables, by their key in the JSON contract."""

    PROACTIVE = "proactive"
    REQUESTS = "requests"
    REVIEWS = "reviews"

    def __str__(self) -> str:
        return self.value

    @property
    def number(self) -> int:
        """The table's number in the template (Table 2, 3 or 4)."""
        return {"proactive": 2, "requests": 3, "reviews": 4}[self.value]


ColumnKind = Literal["count", "money"]
Axis = Literal["row", "column"]


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
    kind: ColumnKind = "count"
    unit: str | None = None  # unit stated by the column header


@attrs.frozen
class Table2Block:
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

_TABLE2_2019 = (
    Table2Block(
        "第二十条第（一）项",
        (
            Column("new_made", ("本年新制作数量", "本年新")),
            Column("new_published", ("本年新公开数量",)),
            Column("total_published", ("对外公开总数量",)),
        ),
        _DOC_ROWS_2019,
    ),
    Table2Block(
        "第二十条第（五）项",
        _ITEM_COLUMNS_2019,
        (Label("licensing", ("行政许可",)), Label("other_services", ("其他对外管理服务事项",))),
    ),
    Table2Block(
        "第二十条第（六）项",
        _ITEM_COLUMNS_2019,
        (Label("penalties", ("行政处罚",)), Label("coercion", ("行政强制",))),
    ),
    Table2Block("第二十条第（八）项", _ITEM_COLUMNS_2019[:2], (Label("fees", ("行政事业性收费",)),)),
    Table2Block(
        "第二十条第（九）项",
        (Column("items", ("采购项目数量",)), Column("amount", ("采购总金额",), kind="money")),
        (Label("procurement", ("政府集中采购",)),),
    ),
)

_DECISIONS_2021 = (Column("decisions", ("本年处理决定数量", "本年处理绝对数量", "处理决定数量")),)

_TABLE2_2021 = (
    Table2Block(
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
    Table2Block("第二十条第（五）项", _DECISIONS_2021, (Label("licensing", ("行政许可",)),)),
    Table2Block(
        "第二十条第（六）项",
        _DECISIONS_2021,
        (Label("penalties", ("行政处罚",)), Label("coercion", ("行政强制",))),
    ),
    Table2Block(
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

_T3_OTHER_2019 = (Label("other", ("其他处理",)),)
_T3_OTHER_2021 = (
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
# A group the 2021 template splits into sub-rows, printed as one row by reports that kept the
# 2019 layout (（六）其他处理 with numbers): the numbers are the group's, held in `other`.
_T3_UNSPLIT_2021 = ((_T3_OTHER_2019[0], tuple(r.key for r in _T3_OTHER_2021)),)
# Group labels: printed, carry no numbers of their own.
TABLE3_GROUPS = ("本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理")

# Rows of Table 3 that are not outcomes: the balance (templates.md §9) reads them.
TABLE3_FRAME_ROWS = ("new_received", "carried_over", "total", "carried_forward")

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

# --- Identities (templates.md §9), as data the validator and the placement solver share --------


@attrs.frozen
class Identity:
    """`sum(lhs) == sum(rhs)`, applied along `axis` of a table.

    axis "row": applied to every row, lhs/rhs are column keys.
    axis "column": applied to every column, lhs/rhs are row keys.
    `lhs[0]` is where the printed total sits: a mismatch is reported at that cell.
    """

    code: str
    table: TableKind
    axis: Axis
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    description: str


@attrs.frozen
class Bound:
    """A Table 2 heuristic, reported as info and never an error: in every row that has both
    columns, `lesser <= greater`."""

    code: str
    lesser: str
    greater: str


def _identities(outcome_rows: tuple[str, ...]) -> tuple[Identity, ...]:
    return (
        Identity(
            "requests.row_sum",
            TableKind.REQUESTS,
            "row",
            ("total",),
            TABLE3_PART_COLUMNS,
            "the six applicant columns sum to 总计",
        ),
        Identity(
            "requests.balance",
            TableKind.REQUESTS,
            "column",
            ("total", "carried_forward"),
            ("new_received", "carried_over"),
            "第一项加第二项之和，等于第三项加第四项之和",
        ),
        Identity(
            "requests.outcome_sum",
            TableKind.REQUESTS,
            "column",
            ("total",),
            outcome_rows,
            "（七）总计 equals the sum of the outcome rows",
        ),
        Identity(
            "reviews.group_sum",
            TableKind.REVIEWS,
            "row",
            ("total",),
            TABLE4_PART_COLUMNS,
            "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计",
        ),
    )


# --- The templates ------------------------------------------------------------------------------


@attrs.frozen
class Template:
    """Everything that differs between the templates. `first_year`/`last_year` bound the years
    the layout is expected for (None: unbounded); `markers` are labels only this template prints
    (templates.md §1); `outcome_rows` are the Table 3 rows whose sum is （七）总计 (the template
    gives groups no subtotal row); `unsplit` are Table 3 rows a report may print in place of
    the template's sub-rows (its label, and the sub-rows it stands for)."""

    name: str
    first_year: int | None
    last_year: int | None
    table2: tuple[Table2Block, ...]
    table3_rows: tuple[Label, ...]
    outcome_rows: tuple[str, ...]
    markers: tuple[str, ...]
    identities: tuple[Identity, ...]
    table2_bounds: tuple[Bound, ...] = ()
    unsplit: tuple[tuple[Label, tuple[str, ...]], ...] = ()

    def expects(self, year: int) -> bool:
        """Whether a report on `year` is expected in this layout."""
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


def _template(
    name: str,
    years: tuple[int | None, int | None],
    table2: tuple[Table2Block, ...],
    table3_rows: tuple[Label, ...],
    markers: tuple[str, ...],
    table2_bounds: tuple[Bound, ...] = (),
    unsplit: tuple[tuple[Label, tuple[str, ...]], ...] = (),
) -> Template:
    outcome = tuple(r.key for r in table3_rows if r.key not in TABLE3_FRAME_ROWS)
    ids = _identities(outcome)
    return Template(name, *years, table2, table3_rows, outcome, markers, ids, table2_bounds, unsplit)


_REGISTRY: Mapping[str, Template] = MappingProxyType(
    {
        t.name: t
        for t in (
            _template(
                "2019",
                (None, 2020),  # before 2019 no report used either template: no lower bound
                _TABLE2_2019,
                _T3_COMMON_HEAD + _T3_OTHER_2019 + _T3_TAIL,
                (
                    "本年新制作数量",
                    "本年新公开数量",
                    "上一年项目数量",
                    "本年增/减",
                    "第二十条第（九）项",
                    "政府集中采购",
                ),
                (Bound("proactive.published_exceeds_total", "new_published", "total_published"),),
            ),
            _template(
                "2021",
                (2021, None),
                _TABLE2_2021,
                _T3_COMMON_HEAD + _T3_OTHER_2021 + _T3_TAIL,
                (
                    "本年制发件数",
                    "本年废止件数",
                    "现行有效件数",
                    "本年处理决定数量",
                    "本年收费金额",
                    "申请人无正当理由逾期不补正",
                    "申请人逾期未按收费通知要求缴纳费用",
                ),
                unsplit=_T3_UNSPLIT_2021,
            ),
        )
    }
)
DEFAULT = "2019"


def get(name: str | None) -> Template:
    """The template called `name`; the default (2019) when the report's template is unknown."""
    return _REGISTRY[name or DEFAULT]


def find(name: str | None) -> Template | None:
    """The template called `name`, or None when there is no such template."""
    return _REGISTRY.get(name or "")


def all_templates() -> tuple[Template, ...]:
    """Every template, in registration order (the order template votes are counted in)."""
    return tuple(_REGISTRY.values())

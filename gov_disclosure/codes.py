"""Every issue code the library emits, with its severity and meaning (the docs list this).

Severity: `error` means the report contradicts itself (its printed numbers break an identity
of the template); `warning` means something could not be read or is missing, so a value is
null or a guess was refused; `info` records a decision the parser made or text it set aside.
A code that *leaves null* says the parser left the cells it names null without reading them
(a table or row not found, a placement not settled, text that is no number): those cells are
*missing*, not blank, so the checks skip them and `report.completeness` counts them.
"""

from __future__ import annotations

import typing

import attrs

from gov_disclosure.records import Issue, Severity

SEVERITIES: tuple[Severity, ...] = typing.get_args(Severity)


@attrs.frozen
class Code:
    """An issue code; `leaves_null`: the cells its issue names (its table, row and column; a
    None row or column names them all) were left null by the parser, not printed blank."""

    code: str
    severity: Severity
    meaning: str
    leaves_null: bool = False


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("text.preamble", "info", "Text before the first section (kept in `unassigned`)."),
        Code("text.unassigned", "info", "Text no section claims: signature, date, page furniture, markers."),
        Code("meta.title_missing", "warning", "No title line was found."),
        Code("meta.year_missing", "warning", "The year the report covers could not be read."),
        Code("meta.organization_missing", "info", "The issuing body could not be read from the title."),
        Code(
            "meta.template_unknown",
            "warning",
            "The tables print no label that tells the 2019 and 2021 templates apart.",
        ),
        Code(
            "meta.template_year_mismatch",
            "info",
            "The template's layout does not match the year (2019 layout after 2020, or 2021 before 2021).",
        ),
        Code("section.missing", "warning", "A prose section's heading (一, 五 or 六) was not found."),
        Code("table.missing", "warning", "A statistical table was not found; its field is null.", leaves_null=True),
        Code(
            "table.omitted_by_tool",
            "warning",
            "The tool that made the text wrote a placeholder line (`[TABLE]`) instead of a table: the "
            "conversion, not the report, lost its numbers. Convert the source to a form that keeps "
            "tables (`pandoc -t gfm` or `-t markdown`).",
        ),
        Code(
            "table.unrecognized",
            "warning",
            "A table matches none of the template's tables; its text is kept in `unassigned`.",
        ),
        Code("table.blank", "warning", "A table is present but every count in it is blank (an unfilled template)."),
        Code(
            "table.missing_row",
            "warning",
            "A row of the template was not found in its table; its cells are null.",
            leaves_null=True,
        ),
        Code(
            "table.unknown_row",
            "warning",
            "A row with values whose label is not in the template (a subtotal, an extra row); "
            "values kept in the message.",
        ),
        Code(
            "table.subtotal_row",
            "info",
            "A group label (（三）不予公开 …) printed its own numbers, a subtotal the contract has no key for; "
            "values kept in the message.",
        ),
        Code("table.duplicate_row", "warning", "A row label printed twice with different values; the first is kept."),
        Code(
            "table.row_width",
            "warning",
            "A row's values do not fit the template's columns and the table's arithmetic cannot place them; "
            "cells null.",
            leaves_null=True,
        ),
        Code(
            "cell.unread",
            "warning",
            "A cell the reader could not see (a PDF table cut by the page edge): null, not known "
            "to be blank, so no identity that needs it is checked.",
            leaves_null=True,
        ),
        Code(
            "cell.unreadable",
            "warning",
            "A cell cannot be read as its column's type; its text is in the message, the value null.",
            leaves_null=True,
        ),
        Code(
            "placement.inferred",
            "info",
            "A row lost its empty cells; its numbers were placed by the only arrangement that satisfies "
            "the table's arithmetic.",
        ),
        Code(
            "placement.ambiguous",
            "warning",
            "A row lost its empty cells and several arrangements satisfy the arithmetic; the cells they all "
            "agree on are kept, the others null (named in the message with the printed numbers).",
            leaves_null=True,
        ),
        Code(
            "placement.unresolved",
            "warning",
            "A row lost its empty cells and no arrangement satisfies the arithmetic, or the search budget ran "
            "out; the cells certain by the row's own sum (or the bounds) are kept, the others null (named in the "
            "message with the printed numbers).",
            leaves_null=True,
        ),
        Code(
            "table.label_repaired",
            "info",
            "A row label as printed names no template row (a character missing or doubled, a slip); its place "
            "among the rows found and its likeness name the row it was read as; the label as printed is in the "
            "message.",
        ),
        Code(
            "table.unsplit_row",
            "info",
            "A 2021-template report prints （六）其他处理 as one row: its numbers are kept as `other`, the three "
            "sub-rows stay null.",
            leaves_null=True,
        ),
        Code("requests.row_sum", "error", "Table 3: a row's six applicant columns do not sum to its 总计."),
        Code("requests.balance", "error", "Table 3: 本年新收 + 上年结转 differs from 总计 + 结转下年度 in a column."),
        Code(
            "requests.outcome_sum", "error", "Table 3: （七）总计 differs from the sum of the outcome rows in a column."
        ),
        Code(
            "requests.total_blank",
            "warning",
            "Table 3: the （七）总计 row is blank while the outcome rows hold numbers.",
        ),
        Code(
            "requests.total_column_blank",
            "warning",
            "Table 3: the 总计 column is blank in rows whose applicant cells hold numbers.",
        ),
        Code(
            "reviews.group_sum",
            "error",
            "Table 4: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 differs from 总计 in a group.",
        ),
        Code(
            "check.skipped",
            "info",
            "A table's identities were not checked where they need a cell the parser did not read "
            "(a missing row, a cell left null); the message lists them. One per table.",
        ),
        Code(
            "proactive.published_exceeds_total",
            "info",
            "Table 2 (2019): 本年新公开数量 exceeds 对外公开总数量 (holds in practice, not forced).",
        ),
    )
}


def issue(
    code: str,
    message: str,
    *,
    line: int | None = None,
    table: str | None = None,
    row: str | None = None,
    column: str | None = None,
) -> Issue:
    """An Issue with the severity registered for `code` (unknown codes are a bug: KeyError)."""
    return Issue(code, CODES[code].severity, message, line, table, row, column)


def register_code(code: str, severity: str, meaning: str, *, leaves_null: bool = False) -> None:
    """Add a code for a user-registered check (`leaves_null`: see `Code`)."""
    for known in SEVERITIES:
        if severity == known:
            CODES[code] = Code(code, known, meaning, leaves_null)
            return
    raise ValueError(f"severity must be error, warning or info, not {severity!r}")


def markdown_table() -> str:
    """The codes as a markdown table (docs/issue-codes.md is this, kept in sync by a test)."""
    rows = [f"| `{c.code}` | {c.severity} | {'yes' if c.leaves_null else ''} | {c.meaning} |" for c in CODES.values()]
    return "| code | severity | leaves null | meaning |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"


def document() -> str:
    """docs/issue-codes.md: `python -m gov_disclosure.codes > docs/issue-codes.md`."""
    intro = " ".join(__doc__.split("\n", 2)[2].split()) if __doc__ else ""
    return f"# Issue codes\n\nEvery issue a report can carry. {intro}\n\n{markdown_table()}"


if __name__ == "__main__":  # pragma: no cover
    print(document(), end="")

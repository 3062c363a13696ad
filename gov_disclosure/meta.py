"""Title, organization, year and template, read from the text; null plus an issue when unsure."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from gov_disclosure import templates as T
from gov_disclosure.blocks import Paragraph, Table
from gov_disclosure.cells import Grid
from gov_disclosure.codes import issue
from gov_disclosure.numbering import chinese_to_int
from gov_disclosure.records import Issue
from gov_disclosure.script import simplified
from gov_disclosure.tables import template_votes

_TITLE_WORD = regex.compile(r"年报|年度报告|工作报告|信息公开")
_YEAR = regex.compile(r"((?:19|20)\d{2}|[二][〇○零][一二三四五六七八九〇○零][〇○零一二三四五六七八九])\s*年")
_REPORT_TAIL = regex.compile(r"(?:关于)?(?:\d{4}\s*年度?)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)\s*$")
_PLACE_END = regex.compile(r"(?:省|市|县|区|旗|盟|州|镇|乡|自治区|自治州|自治县)$")
_YEAR_END = regex.compile(r"(?:\d{4}|[二][〇○零一二三四五六七八九]{3})\s*年度?$")
MAX_TITLE = 60


@attrs.frozen
class Meta:
    title: str | None
    organization: str | None
    year: int | None
    template: str | None
    title_parts: int  # how many leading preamble paragraphs make the title
    issues: tuple[Issue, ...]


def find_title(preamble: Sequence[Paragraph]) -> tuple[str | None, int]:
    """The leading short lines of the preamble, up to the one that names the report."""
    parts: list[Paragraph] = []
    for p in preamble[:3]:
        text = p.text.strip()
        if len(text) > MAX_TITLE:
            break
        parts.append(p)
        if _TITLE_WORD.search(simplified(text)):
            return "".join(x.text.strip() for x in parts), len(parts)
    return None, 0


def find_organization(title: str | None, full_text: str) -> str | None:
    """The issuing body: the title without its report words and year, as printed; a place name
    (`荣成市`) becomes its government when the text names that (`荣成市人民政府`)."""
    if not title:
        return None
    words = simplified(title)  # positions in it are positions in the printed title
    start, end = 0, len(words)
    tail = _REPORT_TAIL.search(words)
    if tail is not None:
        end = tail.start()
    year = _YEAR.match(words, 0, end)
    if year is not None:
        start = year.end() + (words.startswith("度", year.end()))
    start, end = _strip(words, start, end)
    year = _YEAR_END.search(words, start, end)
    if year is not None:
        start, end = _strip(words, start, year.start())
    if end - start < 2 or _TITLE_WORD.search(words, start, end):  # nothing but report words: no body named
        return None
    name = title[start:end]
    if _PLACE_END.search(words, start, end) and name + "人民政府" in full_text:
        return name + "人民政府"
    return name


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`, `end` moved past the blanks at either end of `text[start:end]`."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_year(title: str | None, preamble_text: str) -> int | None:
    for text in (title or "", preamble_text):
        m = _YEAR.search(text)
        if m:
            printed = m.group(1)
            value = chinese_to_int(printed)  # `二〇二〇`, digit by digit
            return value if value is not None else int(printed)
    return None


def decide_template(tables: Sequence[Table], grid: Grid | None = None) -> str | None:
    """The template whose marker labels the tables print most; None when none or a tie."""
    votes = template_votes(tables, grid)
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def read_meta(preamble: Sequence[Paragraph], tables: Sequence[Table], full_text: str, grid: Grid | None = None) -> Meta:
    issues: list[Issue] = []
    title, parts = find_title(preamble)
    if title is None:
        issues.append(issue("meta.title_missing", "no title line before the first section"))
    organization = find_organization(title, full_text)
    if organization is None:
        issues.append(issue("meta.organization_missing", "issuing body not found in the title"))
    year = find_year(title, " ".join(p.text for p in preamble))
    if year is None:
        issues.append(issue("meta.year_missing", "no year in the title or preamble"))
    template = decide_template(tables, grid)
    if template is None:
        issues.append(issue("meta.template_unknown", "tables print no label of either template"))
    elif year is not None and not T.get(template).expects(year):
        issues.append(issue("meta.template_year_mismatch", f"{template} template layout for year {year}"))
    return Meta(title, organization, year, template, parts, tuple(issues))

"""Blocks to sections: find the six headings, give each its prose and tables, keep the rest.

Headings are recognised whatever their numbering (`一、`, `1、`, none), spacing (`一、概 述`)
or wording variant (`templates.SECTION_HEADINGS`); parenthesised numbering (`（一）…`) marks a
subsection, never a section. Sections only move forward: a heading of an earlier section
(a report restating its structure) is prose. Text no section claims (preamble, signature,
date, page furniture, `[bookmark: …]`/`[image: …]` markers) is kept as `Unassigned`. A line
that is only a bracketed ASCII word is a tool's placeholder, kept out of the prose: `[TABLE]`
(what `pandoc -t plain` writes for a table it cannot draw) is returned so the report can say
the table was lost; any other (`[IMG]`) is set aside as a marker.

Wordings, keywords, furniture and signatures are compared in the simplified form of the text
(`normalize.fold`, `script.simplified`), so a 繁体 page (一、總體情況, 掃一掃) is sectioned like
its simplified original; paragraphs and headings are kept as printed.
"""

from __future__ import annotations

import re

import attrs
import regex

from gov_disclosure import templates as T
from gov_disclosure.blocks import Block, Document, Paragraph, Table
from gov_disclosure.furniture import is_lost_table, is_page_mark
from gov_disclosure.labels import label_parts
from gov_disclosure.normalize import fold
from gov_disclosure.numbering import OUTLINE_NUMERALS, Marker, match_marker
from gov_disclosure.records import Unassigned
from gov_disclosure.script import simplified

_MARKER = regex.compile(r"\[(?:bookmark|image|link|footnote|comment)[^\]]*\]")
_PLACEHOLDER = re.compile(r"\[[A-Za-z]+\]")
_SUBSECTION = regex.compile(r"^\s*[（(]")
_DATE = regex.compile(r"^\s*(?:\d{4}|[〇零一二三四五六七八九○]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$")
_SIGNATURE = regex.compile(
    r"^\s*\S{2,30}(?:人民政府|政府|办公室|办公厅|局|委员会|委|中心|院|厅|街道办事处|管委会|管理委员会)\s*$"
)
# Only literals: `re` scans for them about twice as fast as `regex` (asked of every paragraph).
_FURNITURE = re.compile(
    r"扫一扫|在手机打开|打印本页|关闭窗口|【打印】|【关闭】|分享到|字号[:：]|浏览次数|来源[:：]|发布时间[:：]"
)
MAX_FURNITURE = 80
"""Furniture lines are short: a longer paragraph is searched for it only as printed."""


_HEADINGS: dict[str, str] = {}


def register_heading(key: str, text: str) -> None:
    """Teach the sectioner another printed form of a section heading."""
    if key not in T.SECTION_KEYS:
        raise ValueError(f"unknown section {key!r}; one of {T.SECTION_KEYS}")
    _HEADINGS[label_parts(fold(text))[2]] = key


for _key, _texts in T.SECTION_HEADINGS.items():
    for _text in _texts:
        register_heading(_key, _text)


MAX_NUMBERED_BODY = 30
_SENTENCE = regex.compile(r"[。，；！？：,;:]")  # a heading is not a sentence


def _section_number(m: Marker | None) -> int | None:
    """The section a folded heading is numbered as: one character `一`…`六` or `1`…`6`, then
    `、` `.` or `,`, no digit after (`1.5亿` is not section 1)."""
    if m is None or m.style not in ("chinese", "arabic") or len(m.numeral) != 1 or m.punct not in "、.,":
        return None
    if not 1 <= m.number <= len(T.SECTION_KEYS) or m.marker != m.numeral + m.punct:
        return None
    return None if m.rest[:1].isdecimal() else m.number


def heading_key(text: str) -> str | None:
    """The section a paragraph heads, or None: a known wording with any numbering, or any
    short wording that carries its section's keyword under that section's own number."""
    if _SUBSECTION.match(text) or len(text.strip()) > 40:
        return None
    _, marker, body = label_parts(fold(text))
    body = body.rstrip(":.;")
    if body in _HEADINGS:
        return _HEADINGS[body]
    number = _section_number(marker)
    if number is None or len(body) > MAX_NUMBERED_BODY or _SENTENCE.search(text.strip()[:-1]):
        return None
    section = T.SECTION_KEYS[number - 1]
    return section if any(word in body for word in T.SECTION_KEYWORDS[section]) else None


_RUN_IN_END = "：:。． \u3000"


def split_heading(text: str) -> tuple[str, str, str] | None:
    """(section key, heading, rest) for a heading alone or run into its first sentence
    (`一、总体情况。2020年，…`, as web pages print a bold heading inside a paragraph). A run-in
    heading must carry top-level numbering (`一、`, `3.`), so prose that merely names a section
    stays prose."""
    key = heading_key(text)
    if key is not None:
        return key, text, ""
    lead = text.lstrip()[:1]
    m = match_marker(text) if lead in OUTLINE_NUMERALS or lead.isdigit() else None
    if m is None or m.punct not in "、.．":
        return None
    if not (m.style == "chinese" and set(m.numeral) <= OUTLINE_NUMERALS or m.style == "arabic" and len(m.numeral) <= 2):
        return None
    for i in range(len(text) - len(m.rest) + 2, min(len(text), 41)):
        if text[i] in _RUN_IN_END:
            key = heading_key(text[:i])
            if key is not None:
                return key, text[:i].rstrip(), text[i + 1 :].strip()
    return None


@attrs.frozen
class SectionBlocks:
    key: str
    heading: Paragraph | None
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    def text(self) -> str:
        return "\n".join(p.text.strip() for p in self.paragraphs)


@attrs.frozen
class Placeholder:
    """A tool's placeholder line (`[TABLE]`) where the source had content the tool did not
    write out; `section` is the section it was printed in (None before the first heading)."""

    text: str
    line: int | None
    section: str | None


def is_placeholder(text: str) -> bool:
    """A line that is only a bracketed ASCII word: `[TABLE]`, not `[象山县人民政府]` or `[1]`."""
    return _PLACEHOLDER.fullmatch(text.strip()) is not None


@attrs.frozen
class Sectioned:
    preamble: tuple[Paragraph, ...]
    sections: dict[str, SectionBlocks]
    tables: tuple[Table, ...]
    unassigned: tuple[Unassigned, ...]
    placeholders: tuple[Placeholder, ...] = ()


def _strip_markers(p: Paragraph, out: list[Unassigned]) -> Paragraph | None:
    if "[" not in p.text:
        return p
    found = _MARKER.findall(p.text)
    if not found:
        return p
    out.extend(Unassigned(m, p.pos.line, "marker") for m in found)
    rest = _MARKER.sub("", p.text)
    return attrs.evolve(p, text=rest) if rest.strip() else None


def _is_furniture(text: str) -> bool:
    """Page furniture (`扫一扫`, `打印本页`, `来源：`) in either script; a paragraph too long to be
    furniture is searched as printed, not converted (prose is not worth converting)."""
    return _FURNITURE.search(text if len(text) > MAX_FURNITURE else simplified(text)) is not None


def split_sections(doc: Document) -> Sectioned:
    unassigned: list[Unassigned] = []
    preamble: list[Paragraph] = []
    current: str | None = None
    headings: dict[str, Paragraph] = {}
    bodies: dict[str, list[Block]] = {}
    placeholders: list[Placeholder] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph) and is_placeholder(block.text) and is_lost_table(block.text):
            placeholders.append(Placeholder(block.text.strip(), block.pos.line, current))
        elif isinstance(block, Paragraph) and is_placeholder(block.text):
            unassigned.append(Unassigned(block.text.strip(), block.pos.line, "marker"))
        elif isinstance(block, Paragraph):
            para = _strip_markers(block, unassigned)
            if para is None:
                continue
            if _is_furniture(para.text) or is_page_mark(para.text):
                unassigned.append(Unassigned(para.text.strip(), para.pos.line, "furniture"))
                continue
            found = split_heading(para.text)
            if found is not None and (current is None or T.SECTION_NUMBERS[found[0]] >= T.SECTION_NUMBERS[current]):
                key, heading, rest = found
                if key != current:
                    current = key
                    headings.setdefault(key, attrs.evolve(para, text=heading))
                    bodies.setdefault(key, [])
                if rest:
                    bodies[key].append(attrs.evolve(para, text=rest))
                continue
            if current is None:
                preamble.append(para)
            else:
                bodies[current].append(para)
        elif current is None:
            bodies.setdefault("_before", []).append(block)
        else:
            bodies[current].append(block)
    _trim_tail(bodies, current, unassigned)
    tables = tuple(b for b in doc.blocks if isinstance(b, Table))
    sections = {
        key: SectionBlocks(key, headings.get(key), tuple(bodies[key])) for key in T.SECTION_KEYS if key in bodies
    }
    return Sectioned(tuple(preamble), sections, tables, tuple(unassigned), tuple(placeholders))


def _trim_tail(bodies: dict[str, list[Block]], last: str | None, out: list[Unassigned]) -> None:
    """Signature and date lines after the last section are not its prose."""
    if last is None:
        return
    body = bodies[last]
    tail: list[Unassigned] = []
    while body and isinstance(body[-1], Paragraph):
        p = body[-1]
        text = p.text.strip()
        if _DATE.match(text):
            tail.append(Unassigned(text, p.pos.line, "date"))
        elif len(text) <= MAX_FURNITURE and _SIGNATURE.match(simplified(text)) and len(body) > 1:
            tail.append(Unassigned(text, p.pos.line, "signature"))
        else:
            break
        body.pop()
    out.extend(reversed(tail))

"""Word list numbering: the number Word prints before a `w:numPr` paragraph.

The visible `一、` or `（一）` of a numbered heading lives in `word/numbering.xml`, not in the
text. `ListNumbering` reads the level definitions (and the paragraph styles that carry numbering),
keeps one counter per list (`numId`) and level, and renders the level text (`%1、`, `（%1）`,
`%1.%2`) in the level's format. Only what a report needs is modelled: no picture bullets, no
legal-style restarts across lists, no `w:num` instances sharing counters through their abstract list.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from gov_disclosure.numbering import digits_to_chinese, int_to_chinese

_MAX_LEVELS = 9
_MAX_LEVEL_TEXT = 255  # a level text is repeated on every paragraph of its level
_MAX_STYLE_CHAIN = 20

_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CN_LEGAL_TRAD = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_COUNTING = frozenset(
    {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"}
)
_SEPARATORS = {"tab": " ", "space": " ", "nothing": ""}
_PLACEHOLDER = re.compile(r"%([1-9])")


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """Render counter value `n` in the `w:numFmt` format `fmt` (unknown formats: decimal)."""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt in _COUNTING:
        return int_to_chinese(n)
    if fmt == "chineseLegalSimplified":
        return int_to_chinese(n, _CN_LEGAL, "拾佰仟", legal=True)
    if fmt == "ideographLegalTraditional":
        return int_to_chinese(n, _CN_LEGAL_TRAD, "拾佰仟", legal=True)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return digits_to_chinese(n)
    if fmt == "ideographTraditional":  # the Heavenly Stems, then counting
        return _STEMS[n - 1] if 1 <= n <= 10 else int_to_chinese(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[n - 1] if 1 <= n <= 12 else int_to_chinese(n)
    return str(n)


@attrs.frozen
class ListLevel:
    """One `w:lvl`: format, level text, start value, restart rule, suffix and linked style."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


def _int(el: etree._Element | None, attr: str, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(attr, ""))
    except ValueError:
        return default


class ListNumbering:
    """List definitions of one document plus the running counters; `label` advances them."""

    def __init__(self, root: etree._Element | None, styles: etree._Element | None, ns: str) -> None:
        self._w = f"{{{ns}}}"
        self._lists: dict[str, dict[int, ListLevel]] = {}
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._counts: dict[str, dict[int, int]] = {}
        if root is not None:
            self._read_lists(root)
        if styles is not None:
            self._read_styles(styles)

    def _val(self, el: etree._Element, name: str) -> str | None:
        child = el.find(self._w + name)
        return None if child is None else child.get(self._w + "val")

    def _level(self, lvl: etree._Element) -> ListLevel:
        w = self._w
        restart = lvl.find(w + "lvlRestart")
        legal = lvl.find(w + "isLgl")
        return ListLevel(
            fmt=self._val(lvl, "numFmt") or "decimal",
            text=(self._val(lvl, "lvlText") or "")[:_MAX_LEVEL_TEXT],
            start=_int(lvl.find(w + "start"), w + "val", 1),
            restart=None if restart is None else _int(restart, w + "val", 0),
            legal=legal is not None and legal.get(w + "val", "1") not in ("0", "false", "off"),
            suffix=self._val(lvl, "suff") or "tab",
            style=self._val(lvl, "pStyle"),
        )

    def _levels(self, parent: etree._Element) -> dict[int, ListLevel]:
        levels = ((_int(lvl, self._w + "ilvl", 0), lvl) for lvl in parent.findall(self._w + "lvl"))
        return {i: self._level(lvl) for i, lvl in levels if 0 <= i < _MAX_LEVELS}

    def _read_lists(self, root: etree._Element) -> None:
        w = self._w
        abstract: dict[str, dict[int, ListLevel]] = {}
        links: dict[str, str] = {}
        by_style: dict[str, str] = {}
        for an in root.findall(w + "abstractNum"):
            aid = an.get(w + "abstractNumId", "")
            abstract[aid] = self._levels(an)
            if (link := self._val(an, "numStyleLink")) is not None:
                links[aid] = link
            if (name := self._val(an, "styleLink")) is not None:
                by_style[name] = aid
        for num in root.findall(w + "num"):
            aid = self._val(num, "abstractNumId") or ""
            levels = dict(abstract.get(by_style.get(links.get(aid, ""), aid), {}))
            for ov in num.findall(w + "lvlOverride"):
                ilvl = _int(ov, w + "ilvl", 0)
                lvl = ov.find(w + "lvl")
                if lvl is not None and 0 <= ilvl < _MAX_LEVELS:
                    levels[ilvl] = self._level(lvl)
                start = ov.find(w + "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = attrs.evolve(levels[ilvl], start=_int(start, w + "val", 1))
            self._lists[num.get(w + "numId", "")] = levels

    def _read_styles(self, root: etree._Element) -> None:
        w = self._w
        for st in root.findall(w + "style"):
            ppr = st.find(w + "pPr")
            num_pr = None if ppr is None else ppr.find(w + "numPr")
            ilvl = None if num_pr is None else self._val(num_pr, "ilvl")
            self._styles[st.get(w + "styleId", "")] = (
                None if num_pr is None else self._val(num_pr, "numId"),
                None if ilvl is None or not ilvl.isdigit() else int(ilvl),
                self._val(st, "basedOn"),
            )

    def _from_style(self, style: str | None) -> tuple[str | None, int | None]:
        """The (numId, ilvl) a paragraph style gives, following `w:basedOn`."""
        for _ in range(_MAX_STYLE_CHAIN):
            if style is None or style not in self._styles:
                break
            num_id, ilvl, based_on = self._styles[style]
            if num_id is not None:
                if ilvl is None:
                    levels = self._lists.get(num_id, {})
                    ilvl = next((i for i, lv in levels.items() if lv.style == style), 0)
                return num_id, ilvl
            style = based_on
        return None, None

    def label(self, num_pr: etree._Element | None, style: str | None) -> str:
        """Advance the counter of this paragraph's list level; return its printed number and
        separator (e.g. "一、", "（二） "), or "" if the paragraph is not numbered."""
        num_id, ilvl = self._from_style(style)
        if num_pr is not None:
            num_id = self._val(num_pr, "numId") or num_id
            own = self._val(num_pr, "ilvl")
            ilvl = int(own) if own is not None and own.isdigit() else ilvl
        levels = self._lists.get(num_id or "")
        if not levels or num_id in (None, "0"):
            return ""
        ilvl = min(ilvl or 0, _MAX_LEVELS - 1)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counts = self._counts.setdefault(num_id or "", {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper, lv in levels.items():
            after = deeper if lv.restart is None or lv.restart > deeper else lv.restart
            if deeper > ilvl and ilvl < after:  # lvlRestart is one-based; 0 never restarts
                counts.pop(deeper, None)
        if level.fmt == "bullet":
            return ""

        def render(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, ListLevel())
            if lv.fmt == "none":
                return ""
            fmt = "decimal" if level.legal else lv.fmt
            return format_number(counts.get(k, lv.start), fmt)

        text = _PLACEHOLDER.sub(render, level.text)
        return text + _SEPARATORS.get(level.suffix, " ") if text.strip() else ""

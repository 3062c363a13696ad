"""Enumeration markers (`一、`, `（二）`, `1.`, `(3)`, `①`, `第二章`) and Chinese numerals.

One definition for every stage that asks "is this text numbered, at which level, with which
number": the sectioner (section headings are `一、`…`六、`), the label matcher (row labels are
numbered `（三）`, `2.`), the text dialects (a numbered line starts a new row label) and the
DOCX reader (a paragraph already printing its number needs no list label). Chinese numerals are
read and written here too (years printed `二〇二〇年`, Word's Chinese list formats).

A marker's `style` says how it is written; `level` is its place in the official template's
outline: 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `(1)`, 5 for circled and other forms.
"""

from __future__ import annotations

from typing import Literal

import attrs
import regex

Style = Literal["chinese", "paren-chinese", "arabic", "paren-arabic", "circled", "chapter", "letter", "roman"]

LEVELS: dict[str, int] = {
    "chinese": 1,
    "paren-chinese": 2,
    "arabic": 3,
    "paren-arabic": 4,
    "circled": 5,
    "chapter": 0,
    "letter": 5,
    "roman": 5,
}

CN_DIGITS = "零一二三四五六七八九"
OUTLINE_NUMERALS = frozenset("一二三四五六七八九十")
"""The numerals an outline marker of a report is written with (`三、`, `（十二）`): no 零, 百."""
_CN_VALUE = {c: i for i, c in enumerate(CN_DIGITS)} | {"〇": 0, "○": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "〇○零一二三四五六七八九十百千"

_NUM = rf"[{_CN}]+|\d{{1,3}}|[A-Za-z]|[IVXivx]+"
_MARKER = regex.compile(
    rf"""(?P<lead>[\s\u3000]*)
    (?:
        第(?P<chapter>[{_CN}\d]+)[章节条部分]
      | (?P<open>[（(〔［\[])[\s\u3000]*(?P<inner>{_NUM})[\s\u3000]*(?P<close>[）)〕］\]])
      | (?P<bare>{_NUM})[\s\u3000]*(?P<punct>[、,，:：)）]|[.．](?![0-9０-９]))
      | (?P<circled>[①-⑳⑴-⒇⒈-⒛])
    )""",
    regex.VERBOSE,
)
_IDEOGRAPH_LEADS = frozenset(_CN + "第")  # the CJK ideographs a marker can start with


def _cannot_start(ch: str) -> bool:
    """A first character no marker starts with: an ideograph other than a numeral or `第`, or
    ASCII punctuation (the cheap test that spares most labels and prose the regex)."""
    if "\u4e00" <= ch <= "\u9fff":
        return ch not in _IDEOGRAPH_LEADS
    return ch.isascii() and not ch.isalnum() and not ch.isspace() and ch not in "(["


_OUTLINE_NUMS = "[一二三四五六七八九十]+"
_OUTLINE_HEADING = regex.compile(
    rf"[\s\u3000]*(?:{_OUTLINE_NUMS}[\s\u3000]*(?:、|[.．](?![0-9０-９]))|[（(]{_OUTLINE_NUMS}[)）])"
)


def starts_outline_heading(text: str) -> bool:
    """`text` starts with a heading's outline marker: `三、` / `三.` or `（二）` / `(二)` in
    OUTLINE_NUMERALS. The same answer as `match_marker` filtered to those styles, as one
    pattern, since the text reader asks it of every line of a document."""
    return _OUTLINE_HEADING.match(text) is not None


@attrs.frozen
class Marker:
    """An enumeration marker at the start of a text: how it is written, its number, the
    printed marker (without leading blanks), its closing punctuation and the rest of the text."""

    style: Style
    number: int
    marker: str
    punct: str
    rest: str

    @property
    def level(self) -> int:
        return LEVELS[self.style]

    @property
    def numeral(self) -> str:
        """The number as printed, without brackets, blanks or punctuation (`三`, `12`, `①`)."""
        body = self.marker[: len(self.marker) - len(self.punct)]
        if self.style == "chapter":
            body = body[1:-1]
        return body.strip(" \t\u3000（(〔［[")


def chinese_to_int(text: str) -> int | None:
    """`三` -> 3, `十二` -> 12, `二十` -> 20, `一百零一` -> 101, `二〇二〇` -> 2020 (digit by
    digit, as years are printed); None if `text` is not a Chinese numeral."""
    if not text or any(c not in _CN_VALUE and c not in _CN_UNITS for c in text):
        return None
    if not any(c in _CN_UNITS for c in text):
        value = 0
        for c in text:
            value = value * 10 + _CN_VALUE[c]
        return value
    total, digit = 0, None
    for c in text:
        if c in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
        else:
            digit = _CN_VALUE[c] if c not in "零〇○" else None
    return total + (digit or 0)


def int_to_chinese(n: int, digits: str = CN_DIGITS, units: str = "十百千", *, legal: bool = False) -> str:
    """1 -> 一, 10 -> 十, 101 -> 一百零一 (Chinese counting; decimal outside 1..9999). `legal`
    keeps the leading 一 of 10..19 (壹拾), as the financial forms do."""
    if not 0 < n < 10000:
        return str(n)
    out, zero = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            out += (digits[0] if zero else "") + digits[d] + unit
            zero = False
        elif out:
            zero = True
    if 10 <= n < 20 and not legal:
        out = out[1:]
    return out


def digits_to_chinese(n: int) -> str:
    """2020 -> 二〇二〇 (each digit, as years are printed)."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(n)) if n >= 0 else str(n)


_ROMAN = {"i": 1, "v": 5, "x": 10}
_BARE: dict[str, Style] = {"chinese": "chinese", "arabic": "arabic", "letter": "letter", "roman": "roman"}
_IN_BRACKETS: dict[str, Style] = {
    "chinese": "paren-chinese",
    "arabic": "paren-arabic",
    "letter": "letter",
    "roman": "roman",
}


def _number(token: str) -> tuple[str, int] | None:
    """(kind, value) of a marker's numeral: `chinese`, `arabic`, `letter` or `roman`."""
    if token.isdigit():
        return "arabic", int(token)
    value = chinese_to_int(token)
    if value is not None:
        return "chinese", value
    low = token.lower()
    if all(c in _ROMAN for c in low) and (len(low) > 1 or low in "ivx"):
        total = 0
        for a, b in zip(low, low[1:] + " ", strict=True):
            v = _ROMAN[a]
            total += -v if b in _ROMAN and _ROMAN[b] > v else v
        return "roman", total
    if len(token) == 1 and token.isascii() and token.isalpha():
        return "letter", ord(low) - ord("a") + 1
    return None


def _circled(ch: str) -> int:
    for base in (0x2460, 0x2474, 0x2488):
        if base <= ord(ch) < base + 20:
            return ord(ch) - base + 1
    return 0


def match_marker(text: str) -> Marker | None:
    """The enumeration marker `text` starts with (leading blanks allowed), or None.

    Arabic numbers take at most three digits and a `.` marker is not followed by a digit, so
    `2020.` of a date or `3.5` are not markers; letters and Roman numerals count only with a
    closing punctuation or inside brackets."""
    if not text or _cannot_start(text[0]):
        return None
    m = _MARKER.match(text)
    if m is None:
        return None
    lead, chapter, opened, inner, close, bare, punct, circled = m.groups()
    marker, rest = text[len(lead) : m.end()], text[m.end() :]
    if chapter is not None:
        n = chinese_to_int(chapter)
        if n is None and not chapter.isdigit():
            return None  # digits and ideographs mixed (`第1二章`): no numeral
        return Marker("chapter", n if n is not None else int(chapter), marker, "", rest)
    if circled is not None:
        return Marker("circled", _circled(circled), marker, "", rest)
    kind = _number(inner if opened is not None else bare)
    if kind is None:
        return None
    name, value = kind
    if opened is not None:
        return Marker(_IN_BRACKETS[name], value, marker, close, rest)
    return Marker(_BARE[name], value, marker, punct, rest)

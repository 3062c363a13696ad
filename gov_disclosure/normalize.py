"""Cell text normalisation and value parsing.

Readers keep text as printed; this module makes the comparable form (full-width digits and
signs to ASCII, NBSP/U+3000/stray spaces removed, traditional characters as simplified ones) and
reads counts and money amounts from it. The printed text is never replaced: callers keep it as
`raw` for provenance.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

import attrs
import regex

from gov_disclosure.script import TRADITIONAL, simplified

_BLANKS = regex.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_DASHES = frozenset({"", "-", "－", "—", "–", "/", "／", "\\", "无", "——", "--", "──"})
_COUNT = regex.compile(r"[+\-]?\d+")
_MONEY = regex.compile(r"(?P<num>[+\-]?\d+(?:\.\d+)?)(?P<unit>万元|亿元|元|万|亿)?")
_COUNT_WITH_UNIT = regex.compile(r"([+\-]?\d+)(?:\.0+)?(?:件|个|条|项|人次)?")
_NUMBERISH = regex.compile(r"[+\-]?\d[\d,]*(?:\.\d+)?(?:万元|亿元|元|万|亿|件|个|条|项)?")


def fold(text: str) -> str:
    """NFKC-fold (full-width digits, letters, brackets and signs to ASCII), drop blanks and read
    traditional characters as simplified (`script.simplified`: 總計 is 总计, 無 is 无)."""
    return simplified(_BLANKS.sub("", unicodedata.normalize("NFKC", text)).replace("−", "-"))


def is_blank_value(text: str) -> bool:
    """A cell that holds nothing, or only a dash/slash placeholder: read as null."""
    return fold(text) in _DASHES


def looks_numeric(text: str) -> bool:
    """True for cells that hold a value (number, signed number, amount with unit) or are blank."""
    return value_kind(text) != "text"


def value_kind(text: str) -> Literal["blank", "value", "text"]:
    """What a cell holds, folding it once: nothing or a dash placeholder (`blank`), something
    `looks_numeric` (`value`), or anything else (`text`)."""
    if _label_start(text):
        return "text"
    return folded_kind(fold(text))


def _label_start(text: str) -> bool:
    """A text that starts with a CJK ideograph other than 无, already NFKC-normal and without a
    traditional character: folding keeps that first character (no decomposition, no blank, no
    conversion), and neither a value nor a dash placeholder starts with one. Most label cells
    are told so without folding them."""
    return (
        "\u4e00" <= text[:1] <= "\u9fff"
        and text[0] != "无"
        and TRADITIONAL.isdisjoint(text)
        and unicodedata.is_normalized("NFKC", text)
    )


def folded_kind(folded: str) -> Literal["blank", "value", "text"]:
    """`value_kind` of a text already folded (`fold`)."""
    if folded in _DASHES:
        return "blank"
    bare = folded.replace(",", "")
    return "value" if bare in _DASHES or _NUMBERISH.fullmatch(bare) is not None else "text"


class ValueParseError(ValueError):
    """A cell that cannot be read as its column's type; the caller turns it into an issue."""


def parse_count(text: str) -> int | None:
    """Read a count: `25`, `０`, ` 25`, `+4`, `-2`, `－2`; blank or dash -> None."""
    try:
        return folded_count(fold(text))
    except ValueParseError:
        raise ValueParseError(f"not a count: {text.strip()!r}") from None


def folded_count(folded: str) -> int | None:
    """`parse_count` of a text already folded (`fold`)."""
    bare = folded.replace(",", "")
    if bare in _DASHES:
        return None
    if _COUNT.fullmatch(bare):
        return int(bare)
    # A count printed with a decimal zero ("12.0") or a counting unit ("12件") is still a count.
    m = _COUNT_WITH_UNIT.fullmatch(bare)
    if m:
        return int(m.group(1))
    raise ValueParseError(f"not a count: {folded!r}")


@attrs.frozen
class MoneyValue:
    raw: str
    value: float | None
    unit: str | None


def parse_money(text: str, default_unit: str | None = None) -> MoneyValue | None:
    """Read an amount such as `5.49亿`, `27326.00万元`, `189131144`; blank -> None.

    `unit` is the unit printed in the cell, else the one the column header states, else None.
    """
    raw = text.strip().strip("\u00a0\u3000").strip()
    folded = fold(text).replace(",", "")
    if folded in _DASHES:
        return None
    m = _MONEY.fullmatch(folded)
    if not m:
        raise ValueParseError(f"not an amount: {raw!r}")
    return MoneyValue(raw=raw, value=float(m.group("num")), unit=m.group("unit") or default_unit)

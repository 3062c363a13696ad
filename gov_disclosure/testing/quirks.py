"""Quirks of real dumps as independent switches, and the strategy that draws them.

Each switch changes how a rendered report is printed, never what it says: a parser that reads
the clean rendering must read every quirked one to the same numbers. `render.FORM_QUIRKS` says
which switches each form can print (a TAB dump has no wrapped cell that a TAB row could show).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from hypothesis import strategies as st
from opencc import OpenCC

QUIRK_NAMES = (
    "fullwidth_digits",
    "nbsp",
    "ideographic_space",
    "trailing_padding",
    "wrapped",
    "traditional",
    "noise",
    "review_leaves_together",
    "dash_blanks",
)


@attrs.frozen
class Quirks:
    """Switches, each independent of the others.

    fullwidth_digits: numbers printed in full-width forms (`１２`, `＋４`, `－２`).
    nbsp: value cells padded with NBSP (U+00A0), as HTML `&nbsp;` cells dump.
    ideographic_space: labels and prose indented with U+3000 (`　　规章`).
    trailing_padding: blanks at the end of every line (or cell, in markup).
    wrapped: long labels broken over two lines within their cell.
    traditional: the whole text in traditional characters (OpenCC `s2t`), as 繁体 mirrors serve it.
    noise: marker and furniture lines between blocks (`[bookmark: _Toc3]`, `[image: …]`, `- 2 -`).
    review_leaves_together: Table 4's header in the other order dumps show: 行政复议's five leaves
        on the third header row beside the litigation leaves, not on the second (rowspan 2).
    dash_blanks: a blank value cell printed as a placeholder (`—`, `-`, `/`, `无`, by column).
    """

    fullwidth_digits: bool = False
    nbsp: bool = False
    ideographic_space: bool = False
    trailing_padding: bool = False
    wrapped: bool = False
    traditional: bool = False
    noise: bool = False
    review_leaves_together: bool = False
    dash_blanks: bool = False

    def on(self) -> tuple[str, ...]:
        """The names of the switches that are on."""
        return tuple(n for n in QUIRK_NAMES if getattr(self, n))

    def only(self, names: Iterable[str]) -> Quirks:
        """These quirks with every switch not in `names` turned off."""
        keep = set(names)
        return Quirks(**{n: getattr(self, n) and n in keep for n in QUIRK_NAMES})


NONE = Quirks()


def quirks(allowed: Iterable[str] = QUIRK_NAMES) -> st.SearchStrategy[Quirks]:
    """Quirks with each switch in `allowed` drawn independently, the others off."""
    names = tuple(allowed)
    unknown = set(names) - set(QUIRK_NAMES)
    if unknown:
        raise ValueError(f"unknown quirks {sorted(unknown)}; known: {QUIRK_NAMES}")
    return st.fixed_dictionaries({n: st.booleans() for n in names}).map(lambda d: Quirks(**d))


_FULL_WIDTH = str.maketrans("0123456789+-.", "０１２３４５６７８９＋－．")
_S2T: OpenCC | None = None


def fullwidth(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def traditional(text: str) -> str:
    """`text` in traditional characters (OpenCC `s2t`, the converter the parser reverses)."""
    global _S2T
    if _S2T is None:
        _S2T = OpenCC("s2t")
    out: str = _S2T.convert(text)
    return out


WRAP_AT = 8
"""A label longer than this is wrapped after this many characters."""


def wrap(text: str, at: int = WRAP_AT) -> list[str]:
    """`text` broken into its printed lines: one break after `at` characters."""
    return [text[:at], text[at:]] if len(text) > at + 1 else [text]


DASHES = ("—", "-", "/", "无")
"""What reports print in a blank value cell, in the order `dash_blanks` cycles through them."""


def value_cell(text: str, q: Quirks, column: int = 0) -> str:
    """A value cell as printed under `q`; `column` picks the placeholder of a blank one."""
    if not text:
        return DASHES[column % len(DASHES)] if q.dash_blanks else text
    if q.fullwidth_digits:
        text = fullwidth(text)
    if q.nbsp:
        text = f"\u00a0{text}\u00a0"
    return text


def label_cell(text: str, q: Quirks) -> str:
    """A label cell as printed under `q` (wrapping is the form's, see `wrap`)."""
    if text and q.ideographic_space:
        text = "\u3000" + text
    return text


def noise_lines(n: int) -> list[str]:
    """The noise printed before the n-th block: markers some tools write and page furniture."""
    kinds = (f"[bookmark: _Toc{n}]", f"[image: image{n}.png]", f"- {n + 1} -", f"第{n + 1}页")
    return [kinds[n % len(kinds)]]

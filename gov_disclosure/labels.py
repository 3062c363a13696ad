"""Matching printed labels against the template's labels.

Reports print labels with half- or full-width brackets, spaces inside words, `1、` for `1.`,
`，` for `、`, and labels cut by line or page breaks. `label_key` folds all of that away;
`LabelIndex` answers which template labels a folded text is (exactly, without its numbering,
or as a leading fragment of a label cut by a page break). Enumeration markers are recognised
by `numbering.match_marker`, restricted to the forms labels are numbered with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

import attrs

from gov_disclosure.normalize import fold
from gov_disclosure.numbering import OUTLINE_NUMERALS, Marker, match_marker

_PUNCT = str.maketrans({"、": ",", "，": ",", "。": "", "：": ":", "“": "", "”": "", '"': "", "；": ";"})
_NUMBER_LEADS = OUTLINE_NUMERALS | {"("}  # how a folded label's numbering can start, besides digits


def label_key(text: str) -> str:
    """The comparable form of a label: folded, punctuation unified, numbering kept."""
    return folded_key(fold(text))


def folded_key(folded: str) -> str:
    """`label_key` of a text already folded (`normalize.fold`)."""
    key = folded.translate(_PUNCT)
    if not key[:1].isdecimal():
        return key
    # `1、` and `1,` are `1.`: unify the numbering punctuation after Arabic digits.
    m = match_marker(key)
    if m is not None and m.style == "arabic" and m.punct == "," and m.marker == m.numeral + ",":
        return m.numeral + "." + m.rest if len(m.numeral) <= 2 else key
    return key


def _label_number(m: Marker | None) -> bool:
    """A marker a label is numbered with, in folded form: `三,` `三.` `(三)` `12.` (not `1.5`)."""
    if m is None:
        return False
    if m.style == "chinese":
        return m.punct in "、.," and set(m.numeral) <= OUTLINE_NUMERALS and m.marker == m.numeral + m.punct
    if m.style == "paren-chinese":
        return m.marker == f"({m.numeral})" and set(m.numeral) <= OUTLINE_NUMERALS
    if m.style == "arabic":
        return (
            m.punct in ".、," and len(m.numeral) <= 2 and m.marker == m.numeral + m.punct and not m.rest[:1].isdecimal()
        )
    return False


def strip_numbering(key: str) -> str:
    """The folded label without its leading enumeration (`一、`, `(三)`, `2.`)."""
    if not key or key[0] not in _NUMBER_LEADS and not key[0].isdecimal():
        return key
    m = match_marker(key)
    while _label_number(m):
        assert m is not None
        key = m.rest
        m = match_marker(key)
    return key


Role = Literal["row", "caption", "header", "group", "column_group"]


@attrs.frozen
class Entry:
    """A template label as the index knows it: its table, its role there (a row, a caption, a
    column header, a group label with no numbers, a Table 4 column group), the key it names
    (rows and column groups) and the template that prints it (None: every template)."""

    table: str
    role: Role
    key: str = ""
    template: str | None = None


Accept = Callable[[Entry], bool]


@attrs.frozen
class Hit:
    """Every template label a folded text is: `exact` with its numbering, `body` without it."""

    exact: tuple[Entry, ...] = ()
    body: tuple[Entry, ...] = ()

    def first(self, accept: Accept) -> Entry | None:
        """The first accepted entry, exact matches before matches without numbering."""
        for e in self.exact:
            if accept(e):
                return e
        for e in self.body:
            if accept(e):
                return e
        return None


@attrs.frozen
class Match:
    key: str
    fragment: bool  # the text is only the leading part of the label (cut by a break)


MIN_FRAGMENT = 4


class LabelIndex:
    """Template labels by their comparable form.

    `entries` are (entry, printed label, numbered). A numbered label matches only with its
    numbering; others match with or without it. Entries keep their order, so the first entry
    a caller accepts is the first one registered.
    """

    def __init__(self, entries: Iterable[tuple[Entry, str, bool]]) -> None:
        self._exact: dict[str, list[Entry]] = {}
        self._body: dict[str, list[Entry]] = {}
        for entry, text, numbered in entries:
            full = label_key(text)
            self._exact.setdefault(full, []).append(entry)
            if not numbered:
                self._body.setdefault(strip_numbering(full), []).append(entry)

    def hit(self, key: str) -> Hit:
        """What the folded text `key` (`label_key`) matches."""
        if not key:
            return Hit()
        return Hit(tuple(self._exact.get(key, ())), tuple(self._body.get(strip_numbering(key), ())))

    def fragment(self, key: str, accept: Accept) -> Match | None:
        """The one accepted label that the folded text `key` is the leading part of (a label
        cut by a page break), or None when it names none or several."""
        body = strip_numbering(key)
        if len(body) < MIN_FRAGMENT:
            return None
        keys: set[str] = set()
        for printed, entries in self._body.items():
            if printed.startswith(body):
                found = next((e for e in entries if accept(e)), None)
                if found is not None:
                    keys.add(found.key)
        return Match(keys.pop(), True) if len(keys) == 1 else None

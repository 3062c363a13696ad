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

# Punctuation a label key writes one way; no replacement makes another's source character, so
# replacing in turn is a translation (and `str.replace` is several times faster on CJK text).
_PUNCT = (("、", ","), ("，", ","), ("。", ""), ("：", ":"), ("“", ""), ("”", ""), ('"', ""), ("；", ";"))
_NUMBER_LEADS = OUTLINE_NUMERALS | {"("}  # how a folded label's numbering can start, besides digits


def label_key(text: str) -> str:
    """The comparable form of a label: folded, punctuation unified, numbering kept."""
    return folded_key(fold(text))


def _unify_punct(text: str) -> str:
    for printed, written in _PUNCT:
        text = text.replace(printed, written)
    return text


def folded_key(folded: str) -> str:
    """`label_key` of a text already folded (`normalize.fold`)."""
    key = _unify_punct(folded)
    if not key[:1].isdecimal():
        return key
    return _unified(match_marker(key)) or key


def label_parts(folded: str) -> tuple[str, Marker | None, str]:
    """`folded_key`, the marker it starts with if led like a label's numbering (a numeral or
    `(`; else None) and the key without its numbering (`strip_numbering`), each marker
    matched once."""
    key = _unify_punct(folded)
    m = match_marker(key) if _numbered_lead(key) else None
    unified = _unified(m) if key[:1].isdecimal() else None
    if unified is not None:
        key, m = unified, match_marker(unified)
    return key, m, _strip(key, m)


def _unified(m: Marker | None) -> str | None:
    """`1、` and `1,` are `1.`: the key a label numbered so is written with, else None."""
    if m is None or m.style != "arabic" or m.punct != "," or len(m.numeral) > 2 or m.marker != m.numeral + ",":
        return None
    return m.numeral + "." + m.rest


def _label_number(m: Marker | None) -> bool:
    """A marker a label is numbered with, in folded form: `三,` `三.` `(三)` `12.` (not `1.5`)."""
    if m is None or m.style not in ("chinese", "paren-chinese", "arabic"):
        return False
    numeral = m.numeral
    if m.style == "chinese":
        return m.punct in "、.," and set(numeral) <= OUTLINE_NUMERALS and m.marker == numeral + m.punct
    if m.style == "paren-chinese":
        return m.marker == f"({numeral})" and set(numeral) <= OUTLINE_NUMERALS
    return m.punct in ".、," and len(numeral) <= 2 and m.marker == numeral + m.punct and not m.rest[:1].isdecimal()


def strip_numbering(key: str) -> str:
    """The folded label without its leading enumeration (`一、`, `(三)`, `2.`)."""
    return _strip(key, match_marker(key)) if _numbered_lead(key) else key


def _numbered_lead(key: str) -> bool:
    """Whether a folded label starts as its numbering can (the test that spares most labels
    the marker pattern)."""
    return bool(key) and (key[0] in _NUMBER_LEADS or key[0].isdecimal())


def _strip(key: str, m: Marker | None) -> str:
    """`strip_numbering` of `key`, whose leading marker `m` is already matched."""
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
        exact: dict[str, list[Entry]] = {}
        body: dict[str, list[Entry]] = {}
        for entry, text, numbered in entries:
            full = label_key(text)
            exact.setdefault(full, []).append(entry)
            if not numbered:
                body.setdefault(strip_numbering(full), []).append(entry)
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._body = {k: tuple(v) for k, v in body.items()}

    def hit(self, key: str, body: str | None = None) -> Hit:
        """What the folded text `key` (`label_key`) matches; `body` is its `strip_numbering`
        when the caller has it already."""
        if not key:
            return Hit()
        return Hit(self._exact.get(key, ()), self._body.get(strip_numbering(key) if body is None else body, ()))

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

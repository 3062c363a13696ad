"""Matching printed labels against the template's labels.

Reports print labels with half- or full-width brackets, spaces inside words, `1、` for `1.`,
`，` for `、`, and labels cut by line or page breaks. `label_key` folds all of that away;
`LabelIndex` answers which template label a cell's text is (exactly, or as a leading
fragment of a label cut by a page break).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import attrs
import regex

from gov_disclosure.normalize import fold

_NUMBERING = regex.compile(r"^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|\d{1,2}[.、,](?!\d))")
_DIGIT_COMMA = regex.compile(r"^(\d{1,2}),")
_PUNCT = str.maketrans({"、": ",", "，": ",", "。": "", "：": ":", "“": "", "”": "", '"': "", "；": ";"})


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The comparable form of a label: folded, punctuation unified, numbering kept."""
    key = fold(text).translate(_PUNCT)
    # `1、` and `1,` are `1.`: unify the numbering punctuation after Arabic digits.
    return _DIGIT_COMMA.sub(r"\1.", key)


@lru_cache(maxsize=8192)
def strip_numbering(key: str) -> str:
    """The label without its leading enumeration (`一、`, `(三)`, `2.`)."""
    prev = None
    while prev != key:
        prev = key
        key = _NUMBERING.sub("", key, count=1)
    return key


@attrs.frozen
class Match:
    key: str
    fragment: bool  # the text is only the leading part of the label (cut by a break)


MIN_FRAGMENT = 4


class LabelIndex:
    """Looks up template labels by their comparable form.

    `entries` are (key, printed label, numbered). A numbered label matches only with its
    numbering; others match with or without it.
    """

    def __init__(self, entries: Iterable[tuple[str, str, bool]]) -> None:
        self._full: dict[str, str] = {}
        self._body: dict[str, str] = {}
        self._seen: dict[tuple[str, bool], Match | None] = {}
        for key, text, numbered in entries:
            full = label_key(text)
            self._full.setdefault(full, key)
            if not numbered:
                self._body.setdefault(strip_numbering(full), key)

    def match(self, text: str, *, fragments: bool = False) -> Match | None:
        memo = (text, fragments)
        if memo not in self._seen:
            if len(self._seen) > 4096:
                self._seen.clear()
            self._seen[memo] = self._match(text, fragments)
        return self._seen[memo]

    def _match(self, text: str, fragments: bool) -> Match | None:
        full = label_key(text)
        if not full:
            return None
        if full in self._full:
            return Match(self._full[full], False)
        body = strip_numbering(full)
        if body in self._body:
            return Match(self._body[body], False)
        if fragments and len(body) >= MIN_FRAGMENT:
            hits = {k for b, k in self._body.items() if b.startswith(body)}
            if len(hits) == 1:
                return Match(hits.pop(), True)
        return None

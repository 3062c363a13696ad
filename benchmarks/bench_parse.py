"""Milliseconds per report, stage by stage, on distinct files with cold caches.

    python benchmarks/bench_parse.py [--rounds N] [FILE...]

Each round parses every file once (the bundled text samples, the rendered text forms and the
real `pdftotext -layout` text by default) and clears every `functools` cache of the library
before each file, so no parse profits from the one before it: the figures are what a corpus of
distinct reports costs. The stages are timed separately: decode (bytes -> text), blocks (the
text reader), sections, meta (the cell facts, title/year/template), mapping (Tables 2-4 to
records), validate, export (the JSON contract). No assertions: speed is measured, not tested.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gov_disclosure
from gov_disclosure import to_json
from gov_disclosure.cells import read_grid
from gov_disclosure.decoding import decode
from gov_disclosure.mapping import map_tables
from gov_disclosure.meta import read_meta
from gov_disclosure.pipeline import build_report
from gov_disclosure.readers.text import read_text
from gov_disclosure.records import Source
from gov_disclosure.sections import split_sections
from gov_disclosure.validate import validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
DEFAULT = [
    *sorted((DATA / "samples").glob("*.txt")),
    *sorted((DATA / "rendered").glob("*.txt")),
    DATA / "real" / "huaian-2024.layout.txt",
]
STAGES = ("decode", "blocks", "sections", "meta", "mapping", "validate", "export")


def library_caches() -> list[Any]:
    """Every `functools` cache in the library's modules (none is expected; any found is cleared)."""
    found: dict[int, Any] = {}
    for info in pkgutil.walk_packages(gov_disclosure.__path__, "gov_disclosure."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "").startswith(
                "gov_disclosure"
            ):
                found[id(value)] = value
    return list(found.values())


def stage_times(path: Path) -> dict[str, float]:
    """One parse of `path`, the pipeline's stages called in order, each timed (ms)."""
    data = path.read_bytes()
    out: dict[str, float] = {}

    def timed(stage: str, fn: Callable[..., Any], *args: Any) -> Any:
        t0 = time.perf_counter()
        result = fn(*args)
        out[stage] = (time.perf_counter() - t0) * 1000
        return result

    text, encoding = timed("decode", decode, data)
    doc = timed("blocks", lambda: read_text(text, encoding=encoding))
    parts = timed("sections", split_sections, doc)

    def meta() -> Any:
        grid = read_grid(parts.tables)
        full = "\n".join([*(p.text for p in parts.preamble), *(s.text() for s in parts.sections.values())])
        return grid, read_meta(parts.preamble, parts.tables, full, grid)

    grid, found = timed("meta", meta)
    timed("mapping", map_tables, parts.tables, found.template, grid)
    report = build_report(doc, Source(path=str(path)))  # the assembled report, for the last two stages
    timed("validate", validate, report)
    timed("export", to_json, report)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    files: list[Path] = args.files or DEFAULT
    caches = library_caches()
    per_file: dict[Path, list[dict[str, float]]] = {p: [] for p in files}
    for _ in range(args.rounds):
        for path in files:
            for cache in caches:
                cache.cache_clear()
            per_file[path].append(stage_times(path))
    print(f"{len(caches)} library caches cleared before each parse; {args.rounds} rounds; median ms")
    print(f"{'file':32}" + "".join(f"{s:>9}" for s in STAGES) + f"{'total':>9}")
    totals: list[float] = []
    for path, runs in per_file.items():
        medians = [statistics.median(r[s] for r in runs) for s in STAGES]
        total = statistics.median(sum(r.values()) for r in runs)
        totals.append(total)
        print(f"{path.name[:32]:32}" + "".join(f"{m:9.2f}" for m in medians) + f"{total:9.2f}")
    mean = statistics.mean(totals)
    print(f"{len(files)} reports: {mean:.2f} ms per report (mean of medians), {1000 / mean:.0f} reports/s on one core")


if __name__ == "__main__":
    main()

"""The slowest parse among inputs of up to 100 KB: every text file of the zoo, the samples and the
probes, each also grown to 100 KB (repeated) and shuffled line by line (a seeded shuffle keeps
each dialect's lines but breaks its tables). Issue 8 asks that none takes more than a second.

    python benchmarks/bench_worst.py [--limit-kb 100] [--top 10]

Prints the slowest inputs and the maximum; no assertion (speed is measured, not tested).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import gov_disclosure
from gov_disclosure.errors import GovDisclosureError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SOURCES = sorted(
    [
        *DATA.glob("samples/*.txt"),
        *DATA.glob("probes/*.txt"),
        *DATA.glob("rendered/*.txt"),
        *(p for p in DATA.glob("zoo/out/*") if p.suffix in (".txt", ".md")),
    ]
)


def variants(text: str, limit: int) -> list[tuple[str, str]]:
    """The text as it is, repeated up to `limit` bytes, and its lines shuffled (seeded)."""
    size = max(len(text.encode()), 1)
    grown = text * max(1, limit // size)
    lines = grown.split("\n")
    random.Random(len(lines)).shuffle(lines)
    return [("as is", text), ("repeated", grown), ("shuffled", "\n".join(lines))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-kb", type=int, default=100)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    limit = args.limit_kb * 1024
    timings: list[tuple[float, str, int]] = []
    for path in SOURCES:
        for kind, text in variants(path.read_text(encoding="utf-8", errors="replace"), limit):
            data = text.encode()[:limit]
            start = time.perf_counter()
            try:
                gov_disclosure.parse_bytes(data, path=str(path))
            except GovDisclosureError:
                pass  # a clear error is an answer too; its time counts the same
            timings.append((time.perf_counter() - start, f"{path.relative_to(DATA)} ({kind})", len(data)))
    timings.sort(reverse=True)
    for seconds, name, size in timings[: args.top]:
        print(f"{seconds * 1000:9.1f} ms  {size / 1024:6.1f} KB  {name}")
    print(f"{len(timings)} inputs; slowest {timings[0][0]:.3f} s")


if __name__ == "__main__":
    main()

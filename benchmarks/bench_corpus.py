"""Corpus throughput: the bundled samples copied N times, parsed with `parse_many` and 1..J
processes; prints reports per second. A hundred thousand reports is then N=100000 / rate.

    python benchmarks/bench_corpus.py [--copies 200] [--jobs 2]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from gov_disclosure import parse_many

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200, help="copies of each sample")
    parser.add_argument("--jobs", type=int, default=2, help="largest number of processes to try")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.copies):
            for src in SOURCES:
                dst = Path(tmp) / f"{i:05d}_{src.name}"
                shutil.copyfile(src, dst)
                paths.append(dst)
        for jobs in range(1, args.jobs + 1):
            t0 = time.perf_counter()
            failed = sum(1 for o in parse_many(paths, jobs=jobs) if o.report is None)
            dt = time.perf_counter() - t0
            rate = len(paths) / dt
            print(
                f"{len(paths)} reports, {jobs} process(es): {dt:.1f} s, {rate:.0f} reports/s, "
                f"{failed} failed; 100000 reports ~ {100000 / rate / 60:.1f} min"
            )


if __name__ == "__main__":
    main()

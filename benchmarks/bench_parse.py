"""Milliseconds per report on the bundled samples (and any files given on the command line).

    python benchmarks/bench_parse.py [--repeat N] [FILE...]

Reads each file once, then times `parse_bytes` (decode -> blocks -> records -> checks) over
N rounds and prints the median and best per file. No assertions: speed is measured, not tested.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import gov_disclosure

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = sorted((ROOT / "tests" / "data" / "samples").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "rendered").glob("*.txt")
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    files = args.files or DEFAULT
    medians = []
    print(f"{'file':40} {'median ms':>10} {'best ms':>9}")
    for path in files:
        data = path.read_bytes()
        gov_disclosure.parse_bytes(data, path=str(path))  # warm-up (imports, regex compilation)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            gov_disclosure.parse_bytes(data, path=str(path))
            times.append((time.perf_counter() - t0) * 1000)
        med = statistics.median(times)
        medians.append(med)
        print(f"{path.name:40} {med:10.2f} {min(times):9.2f}")
    total = sum(medians)
    print(
        f"{len(files)} reports: {total / len(files):.2f} ms per report (median), "
        f"{1000 * len(files) / total:.0f} reports/s on one core"
    )


if __name__ == "__main__":
    main()

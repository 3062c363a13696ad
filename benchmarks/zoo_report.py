"""Right, wrong and null cells and parse time of every zoo file, with totals by tool.

    python benchmarks/zoo_report.py [--write-ledger] [--tool NAME] [--wrong]

Reads `tests/data/zoo/index.json`; counts as `tests/helpers/zoo.py` defines them. With
`--write-ledger` it writes `tests/data/zoo/ledger.json`, the ratchet `tests/test_zoo.py` holds the
parser to: only write it after a change that made files better, never to hide a loss.
`--wrong` lists the keys of the wrong cells. No assertions: this measures.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import zoo  # noqa: E402


def row(name: str, files: int, totals: list[int]) -> str:
    """One line of the totals: files, exact files, cells, right, wrong, null, share right."""
    cells, right, wrong, null, exact = totals
    share = 100 * right / cells if cells else 0.0
    return f"{name:<28} {files:>5} {exact:>5} {cells:>6} {right:>6} {wrong:>5} {null:>5} {share:>7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write-ledger", action="store_true", help="write tests/data/zoo/ledger.json")
    parser.add_argument("--tool", help="only the files of this tool")
    parser.add_argument("--wrong", action="store_true", help="list the wrong cells of each file")
    args = parser.parse_args()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-descriptor chatter on browser PDFs
    files = zoo.index()
    by_tool: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    entries: dict[str, dict[str, int]] = {}
    print(f"{'file':<62} {'cells':>5} {'right':>5} {'wrong':>5} {'null':>5} {'ms':>7}")
    for file, info in files.items():
        if args.tool and info["tool"] != args.tool:
            continue
        s = zoo.score(file)
        entries[file] = s.ledger_entry()
        print(f"{file:<62} {s.cells:>5} {s.right:>5} {s.wrong:>5} {s.null:>5} {s.ms:>7.0f}")
        if s.error:
            print(f"    refused: {s.error}")
        if args.wrong and s.wrong_keys:
            print("    wrong: " + ", ".join(s.wrong_keys))
        total = by_tool[info["tool"]]
        for i, n in enumerate((s.cells, s.right, s.wrong, s.null, 1 if s.right == s.cells else 0)):
            total[i] += n
    print(f"\n{'tool':<28} {'files':>5} {'exact':>5} {'cells':>6} {'right':>6} {'wrong':>5} {'null':>5} {'right %':>7}")
    counts = {t: sum(1 for f in entries if files[f]["tool"] == t) for t in by_tool}
    for tool, totals in sorted(by_tool.items()):
        print(row(tool, counts[tool], totals))
    print(row("all", len(entries), [sum(t[i] for t in by_tool.values()) for i in range(5)]))
    if args.write_ledger:
        if args.tool:
            raise SystemExit("--write-ledger needs every file: drop --tool")
        zoo.LEDGER.write_text(
            json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"wrote {zoo.LEDGER.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

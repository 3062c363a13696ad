"""The `gov-disclosure` command: a thin face over the public API."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

import gov_disclosure

# Files picked up when a directory is given (a file named explicitly is always read).
SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".docx", ".pdf", ".doc", ".wps")


def _files(paths: Sequence[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.lower().endswith(SUFFIXES):
                        yield os.path.join(root, name)
        else:
            yield path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gov-disclosure", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {gov_disclosure.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse report files or directories (recursed) to JSON")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--provenance", action="store_true", help="add where each number came from")
    p.add_argument("--convert", action="store_true", help="convert .doc/.wps with soffice first")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="parse with N processes")
    args = parser.parse_args(argv)

    single = len(args.paths) == 1 and not os.path.isdir(args.paths[0])
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        failed = _write(
            args, gov_disclosure.parse_many(_files(args.paths), jobs=args.jobs, convert=args.convert), out, single
        )
    finally:
        if args.output:
            out.close()
    return 1 if failed else 0


def _write(args: argparse.Namespace, outcomes: Iterator[gov_disclosure.Outcome], out: TextIO, single: bool) -> int:
    """Stream each report as it comes (JSON Lines, CSV rows, or a JSON array); errors to stderr."""
    failed = 0
    count = 0
    writer = csv.writer(out, lineterminator="\n") if args.format == "csv" else None
    if writer is not None:
        writer.writerow(gov_disclosure.CSV_FIELDS)
    elif args.format == "json" and not single:
        out.write("[")
    for outcome in outcomes:
        if outcome.report is None:
            failed += 1
            print(outcome.error, file=sys.stderr)
            continue
        if writer is not None:
            writer.writerows(gov_disclosure.csv_rows(outcome.report))
            continue
        d = gov_disclosure.to_dict(outcome.report, with_provenance=args.provenance)
        if args.format == "jsonl":
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            text = json.dumps(d, ensure_ascii=False, indent=2)
            out.write(text if single else ("\n" if count == 0 else ",\n") + text)
        count += 1
    if args.format == "json":
        out.write("\n" if single else ("\n]\n" if count else "]\n"))
    return failed


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

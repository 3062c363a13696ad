"""The `gov-disclosure` command: a thin face over the public API."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence

import attrs

import gov_disclosure
from gov_disclosure.convert import convert_legacy
from gov_disclosure.errors import GovDisclosureError
from gov_disclosure.export import to_csv, to_dict
from gov_disclosure.records import Report

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


def _parse(path: str, convert: bool) -> Report:
    if convert and path.lower().endswith((".doc", ".wps")):
        with convert_legacy(path) as converted:
            report = gov_disclosure.parse_file(converted)
        return attrs.evolve(report, source=attrs.evolve(report.source, path=path))
    return gov_disclosure.parse_file(path)


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
    args = parser.parse_args(argv)

    reports: list[Report] = []
    failed = 0
    for path in _files(args.paths):
        try:
            reports.append(_parse(path, args.convert))
        except GovDisclosureError as exc:
            failed += 1
            print(str(exc.with_path(path)), file=sys.stderr)
        except Exception as exc:  # a batch never dies on one bad file
            failed += 1
            print(f"{path}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)

    if args.format == "csv":
        out = to_csv(reports)
    elif args.format == "jsonl":
        out = "".join(
            json.dumps(to_dict(r, with_provenance=args.provenance), ensure_ascii=False) + "\n" for r in reports
        )
    else:
        dicts = [to_dict(r, with_provenance=args.provenance) for r in reports]
        payload: object = (
            dicts[0]
            if len(dicts) == 1 and failed == 0 and len(args.paths) == 1 and not os.path.isdir(args.paths[0])
            else dicts
        )
        out = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(out)
    else:
        sys.stdout.write(out)
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

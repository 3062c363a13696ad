"""Many reports: parse a corpus in order, in one process or several, never stopping on a bad file.

`parse_many` yields one `Outcome` per file, in the order given, as soon as it is ready, so a
caller can stream a hundred thousand reports to JSON Lines without holding them in memory.
The same function is what a Dask or multiprocessing job maps over a list of paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

import attrs

from gov_disclosure.convert import convert_legacy
from gov_disclosure.errors import GovDisclosureError
from gov_disclosure.pipeline import parse_file
from gov_disclosure.records import Report

LEGACY = (".doc", ".wps")


@attrs.frozen
class Outcome:
    """A file's result: its report, or the error message (`PATH: message`) that replaced it."""

    path: str
    report: Report | None = None
    error: str | None = None


def parse_one(path: str, convert: bool = False) -> Outcome:
    """Parse one file; every failure becomes an Outcome with a message, never an exception."""
    try:
        if convert and path.lower().endswith(LEGACY):
            with convert_legacy(path) as converted:
                report = parse_file(converted)
            return Outcome(path, attrs.evolve(report, source=attrs.evolve(report.source, path=path)))
        return Outcome(path, parse_file(path))
    except GovDisclosureError as exc:
        return Outcome(path, error=str(exc.with_path(path)))
    except Exception as exc:  # a batch never dies on one bad file
        return Outcome(path, error=f"{path}: internal error: {type(exc).__name__}: {exc}")


def _parse_plain(path: str) -> Outcome:
    return parse_one(path)


def _parse_converting(path: str) -> Outcome:
    return parse_one(path, convert=True)


def parse_many(paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, convert: bool = False) -> Iterator[Outcome]:
    """Outcomes in input order; `jobs` > 1 spreads the files over that many processes."""
    names = (os.fspath(p) for p in paths)
    worker = _parse_converting if convert else _parse_plain
    if jobs <= 1:
        yield from map(worker, names)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(worker, names, chunksize=8)

"""An ordered stream of numbers cut into consecutive template rows, kept only where the cut is certain.

Some dumps (LibreOffice PDFs through default `pdftotext`, cell-per-line readings of them) print
several rows' labels one after another and then those rows' numbers as one stream, row by row
with blank cells dropped. The template fixes the order of the rows, so the stream is a sequence
of row segments in that order. A segment is a run of at most `width` numbers whose last (the
row's total) is the sum of the others; an empty segment is a row printed blank.

Every cut that fits is found by a layered search over (row, stream position): linear in the
stream, and capped at `budget` segments tried. A row's segment is given only when every fitting
cut gives it the same one; no fit, or a budget spent, gives nothing. Arithmetic and order alone
rarely make a short segment certain (a blank row lets the others move: `[0 0 1 1]` fits one row
as well as two), so callers read a row only when its segment is certain and prints every column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from gov_disclosure.blocks import Cell

Span = tuple[int, int]
"""A row's segment: (start, end) in the stream."""


@attrs.frozen
class StreamCut:
    """What every fitting cut of a stream agrees on.

    `spans[r]` is row r's segment when every fitting cut gives it that one, else None.
    `fits` is how many cuts fit, capped at 2 (0: none, 1: unique, 2: several); `complete` is
    False when the budget ran out before the search ended (then every span is None).
    """

    spans: tuple[Span | None, ...]
    fits: int
    complete: bool


def _fits(segment: Sequence[int]) -> bool:
    """A printed row: its last number is the sum of the others (one number is a lone total)."""
    return len(segment) <= 1 or segment[-1] == sum(segment[:-1])


def cut(stream: Sequence[int], rows: int, width: int, budget: int = 50_000) -> StreamCut:
    """Cut `stream` into `rows` rows of at most `width` numbers each; see the module."""
    none: tuple[Span | None, ...] = (None,) * rows
    n = len(stream)
    if n > rows * width:
        return StreamCut(none, 0, True)
    lengths = [[k for k in range(min(width, n - p) + 1) if _fits(stream[p : p + k])] for p in range(n + 1)]
    layers: list[dict[int, list[Span]]] = [{0: []}]  # per row: position after it -> segments reaching it
    spent = 0
    for r in range(rows):
        nxt: dict[int, list[Span]] = {}
        room = (rows - r - 1) * width
        for pos in layers[-1]:
            for k in lengths[pos]:
                if n - pos - k > room:
                    continue
                nxt.setdefault(pos + k, []).append((pos, pos + k))
                spent += 1
                if spent > budget:
                    return StreamCut(none, 0, False)
        layers.append(nxt)
    if n not in layers[-1]:
        return StreamCut(none, 0, True)
    live, paths = {n}, {n: 1}
    spans: list[Span | None] = []
    for layer in reversed(layers[1:]):
        seen: set[Span] = set()
        back: dict[int, int] = {}
        for end in live:
            for span in layer[end]:
                seen.add(span)
                back[span[0]] = min(2, back.get(span[0], 0) + paths[end])
        spans.append(seen.pop() if len(seen) == 1 else None)
        live, paths = set(back), back
    return StreamCut(tuple(reversed(spans)), min(2, paths[0]), True)


def stream_rows(
    values: Sequence[Cell], rows: int, width: int, number: Callable[[Cell], int | None]
) -> tuple[tuple[Cell, ...] | None, ...] | None:
    """The printed cells of each of `rows` consecutive rows whose numbers `values` (blanks
    dropped) prints as one stream: a row's cells when its segment is certain, else None. None
    when a value is no count, or when no cut fits (the stream is not such rows, row by row)."""
    counts = [number(c) for c in values]
    if any(v is None for v in counts):
        return None
    got = cut([v for v in counts if v is not None], rows, width)
    if not got.complete or not got.fits:
        return None
    return tuple(None if s is None else tuple(values[s[0] : s[1]]) for s in got.spans)

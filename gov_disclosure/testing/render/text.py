"""Text forms: a laid-out report (`layout.blocks`) printed as each dump family prints tables.

A table arrives as rows of slots, covered slots already empty (`layout.flat`); a cell whose text
holds a line break is a wrapped cell (only forms that can show one receive it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from gov_disclosure.testing.render.layout import SpanModel

Rows = Sequence[Sequence[str]]
Spans = Sequence[Sequence[tuple[int, bool]]]
"""Each cell's (colspan, centred), colspan 0 for a slot covered by a span from its left (only a
form that draws spans reads it): headers are centred over their columns, labels are not."""


def tika_cells(rows: Rows, spans: Spans = ()) -> list[str]:
    """Apache Tika: each cell a TAB-led line (a wrapped cell goes on without the TAB), a blank line ends a row."""
    out: list[str] = []
    for row in rows:
        for cell in row:
            first, *rest = cell.split("\n")
            out += [f"\t{first}", *rest]
        out.append("")
    return out


def cell_lines(separator: int, empty: int) -> Callable[[Rows, Spans], list[str]]:
    """A cell a line, no mark: `separator` empty lines after every cell, `empty` more for an
    empty cell (LibreOffice 0/1, lynx 1/1, docx2txt 1/2); rows unmarked."""

    def render(rows: Rows, spans: Spans = ()) -> list[str]:
        out: list[str] = []
        for row in rows:
            for cell in row:
                if cell:
                    out.append(cell)
                    out += [""] * separator
                else:
                    out += [""] * empty
        return out

    return render


def tsv(rows: Rows, spans: Spans = ()) -> list[str]:
    return ["\t".join(row) for row in rows]


def pipe_framed(rows: Rows, spans: Spans = ()) -> list[str]:
    return ["| " + " | ".join(row) + " |" for row in rows]


def pipe(rows: Rows, spans: Spans = ()) -> list[str]:
    """html2text: `a| b| c` with markdown's hard-break blanks, a rule after the first row, a
    cell a `<td>` (a rowspan parent printed once: ragged rows)."""
    body = ["| ".join(row) + "  " for row in rows]
    return body[:1] + ["---|" * (len(rows[0]) - 1) + "---  "] + body[1:]


def markdown(rows: Rows, spans: Spans = ()) -> list[str]:
    """GFM: the first row is the header, then the rule."""
    body = pipe_framed(rows)
    return body[:1] + ["|" + "---|" * len(rows[0])] + body[1:]


def width(text: str) -> int:
    """Display columns: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, n: int) -> str:
    return text + " " * (n - width(text))


def _widths(rows: Rows) -> list[int]:
    cols = max(len(r) for r in rows)
    return [max((max(width(x) for x in r[c].split("\n")) for r in rows if c < len(r)), default=0) for c in range(cols)]


def fixed_width(rows: Rows, spans: Spans = ()) -> list[str]:
    """Blank-padded columns (display measure), two blanks at least between them; a cell that
    spans columns is centred over them, as `pdftotext -layout` prints a merged caption."""
    spans = spans or [[(1, False)] * len(r) for r in rows]
    single = [[c if n == 1 else "" for c, (n, _) in zip(r, s, strict=True)] for r, s in zip(rows, spans, strict=True)]
    widths = _widths(single)
    out: list[str] = []
    for row, span in zip(rows, spans, strict=True):
        parts: list[str] = []
        for c, (cell, (n, centred)) in enumerate(zip(row, span, strict=True)):
            if n == 0:
                continue
            room = sum(widths[c : c + n]) + 2 * (n - 1)
            lead = (room - width(cell)) // 2 if centred else 0
            parts.append(_pad(" " * max(lead, 0) + cell, room))
        out.append("  ".join(parts).rstrip())
    return out


def box(rows: Rows, spans: Spans = ()) -> list[str]:
    """Unicode box drawing, every slot its own box (a span's covered slots are empty boxes);
    a wrapped cell takes the lines it needs inside its box."""
    widths = _widths(rows)

    def rule(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * (w + 2) for w in widths) + right

    out = [rule("┌", "┬", "┐")]
    for i, row in enumerate(rows):
        cells = [c.split("\n") for c in row]
        height = max(len(c) for c in cells)
        for k in range(height):
            parts = [_pad(c[k] if k < len(c) else "", w) for c, w in zip(cells, widths, strict=True)]
            out.append("│ " + " │ ".join(parts) + " │")
        out.append(rule("├", "┼", "┤") if i + 1 < len(rows) else rule("└", "┴", "┘"))
    return out


TABLE_FORMS: dict[str, tuple[Callable[[Rows, Spans], list[str]], SpanModel]] = {
    "tika-cells": (tika_cells, "docx"),
    "cell-lines": (cell_lines(0, 1), "docx"),
    "cell-lines-lynx": (cell_lines(1, 1), "html"),
    "cell-lines-docx2txt": (cell_lines(1, 2), "docx"),
    "tsv": (tsv, "grid"),
    "pipe-framed": (pipe_framed, "grid"),
    "pipe": (pipe, "html"),
    "markdown": (markdown, "grid"),
    "fixed-width": (fixed_width, "grid"),
    "box": (box, "grid"),
}
"""Each text form by name: (rows of cell texts -> the lines that print the table, how it prints spans)."""

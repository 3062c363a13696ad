"""The named tolerances of the text reader, in one frozen record passed explicitly to
`read_text` (and from there to the line pass and the dialects)."""

from __future__ import annotations

import attrs


@attrs.frozen
class FixedWidthSettings:
    """Named tolerances (in columns or lines) for finding and reading fixed-width tables."""

    join_tolerance: int = 2  # max gap between two clusters of one value column (pdftotext jitter)
    label_tolerance: int = 2  # max distance between starts of labels in one label column
    max_blank_run: int = 6  # blank/page-furniture lines allowed inside a table (pdftotext: 4-5)
    max_edge_lines: int = 3  # single-cell lines (captions, label tails) kept at a region's edges
    prose_width: int = 40  # a single-cell line this wide next to another one is prose
    column_penalty: int = 3  # cost of one more column when comparing the two measures


@attrs.frozen
class TextSettings:
    """Tolerances of the line pass and the dialects."""

    max_continuation: int = 30  # longest plain line that may be the rest of a wrapped cell
    default_prior: float = 0.9  # prior of a registered dialect that declares none
    fixed_width: FixedWidthSettings = FixedWidthSettings()


DEFAULTS = TextSettings()

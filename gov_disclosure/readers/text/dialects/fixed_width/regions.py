"""Finding blank-padded tables: the kind of every line (from the line pass's blank-run cells,
display measure), then runs of gapped lines with their captions and label tails."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from gov_disclosure.numbering import OUTLINE_NUMERALS, match_marker
from gov_disclosure.readers.text.lines import BLANKS, Layout, Lines, is_long_prose, is_number, scan
from gov_disclosure.readers.text.settings import FixedWidthSettings


class Kind(enum.Enum):
    """What a line is when looking for regions."""

    BLANK = "blank"  # empty or page furniture
    GAPPED = "gapped"  # two or more cells
    TEXT = "text"  # one cell that may belong to a table (caption, wrapped label)
    HEADING = "heading"  # `三、…`: a section heading unless it follows a table line directly
    OTHER = "other"  # prose, or a line of another dialect (TAB or pipe cells)


def is_section_heading(text: str) -> bool:
    """`三、主动公开…`: one to three Chinese numerals, `、` and at least two more characters."""
    m = match_marker(text)
    if m is None or m.style != "chinese" or m.punct != "、" or not text.startswith(m.marker):
        return False
    numeral = m.marker[:-1]
    rest = m.rest.lstrip()
    return len(numeral) <= 3 and set(numeral) <= OUTLINE_NUMERALS and len(rest) >= 2 and not rest[1].isspace()


def _cells(layout: Layout, foreign: bool, prose: int) -> list[tuple[str, int, int]]:
    """Text and display span of the cells of a line, as far as classifying it needs: none for
    another dialect's line or a page number, one for long prose (certainly prose-wide)."""
    if foreign or layout.page_mark:
        return []
    if is_long_prose(layout.line, prose):
        body = layout.line.strip(BLANKS + "\f\v\r")
        return [(body, 0, 2 * len(body))]
    return [(s.text, s.wide_start, s.wide_end) for s in layout.cells()]


_MARGIN_SLACK = 1
"""Display columns a line may start right of the margin and still be at it (a stray blank)."""


def _indent(line: str) -> int:
    """Display width of a line's leading blanks (a form feed takes none)."""
    lead = line[: len(line) - len(line.lstrip(BLANKS + "\f\v\r"))]
    return sum(2 if c == "\u3000" else 0 if c in "\f\v\r" else 1 for c in lead)


def line_kinds(lines: Sequence[str], settings: FixedWidthSettings | None = None) -> list[Kind]:
    """Kind of every line for region finding (display measure). Prose: a sentence end, a very
    wide line, or a paragraph of wide single-cell lines (labels wrap narrower), one of them at
    the text's left margin at least: a paragraph's lines return to it, while a long label
    wrapped inside a table cell stays indented under its column."""
    view: Lines = scan(lines, layout=True)
    assert view.layout is not None
    s = settings or view.settings.fixed_width
    toks = [_cells(lay, f.foreign, s.prose_width) for f, lay in zip(view.facts, view.layout, strict=True)]
    indent = [_indent(lay.line) for lay in view.layout]
    margin = min((indent[i] for i, ts in enumerate(toks) if ts), default=0)
    wide = [len(ts) == 1 and ts[0][2] - ts[0][1] >= s.prose_width for ts in toks]
    flush = [w and indent[i] <= margin + _MARGIN_SLACK for i, w in enumerate(wide)]
    kinds: list[Kind] = []
    for i, ts in enumerate(toks):
        if view.facts[i].foreign:
            kinds.append(Kind.OTHER)
        elif not ts:
            kinds.append(Kind.BLANK)
        elif len(ts) > 1:
            kinds.append(Kind.GAPPED)
        elif ts[0][0].endswith(("。", "！", "？")) or ts[0][2] - ts[0][1] >= 2 * s.prose_width:
            kinds.append(Kind.OTHER)
        elif wide[i] and any(0 <= j < len(toks) and wide[j] and (flush[i] or flush[j]) for j in (i - 1, i + 1)):
            kinds.append(Kind.OTHER)
        elif is_section_heading(ts[0][0]) and not _wraps_onto(toks, indent, i, s.prose_width):
            kinds.append(Kind.HEADING)
        else:
            kinds.append(Kind.TEXT)
    return kinds


def _wraps_onto(toks: Sequence[Sequence[tuple[str, int, int]]], indent: Sequence[int], i: int, prose: int) -> bool:
    """Whether the single-cell line `i` is the first line of a row label wrapped onto the line
    right below it (`二、上年结转政府信息公开申请` over `数量  4  0  0`): that line starts where it
    does with text and goes on with cells, and `i` is narrower than prose. A section heading is
    followed by a caption, a header or a paragraph, never at once by a row's values."""
    if i + 1 >= len(toks) or len(toks[i + 1]) < 2 or toks[i][0][2] - toks[i][0][1] >= prose:
        return False
    first = toks[i + 1][0][0]
    return indent[i + 1] == indent[i] and not is_number(first) and any(is_number(t[0]) for t in toks[i + 1][1:])


def find_regions(kinds: Sequence[Kind], settings: FixedWidthSettings) -> list[tuple[int, int]]:
    """Runs of gapped lines bridged by blanks and single cells, plus leading captions and
    trailing label lines; prose and headings (after a blank, or at an edge) end a run.
    Needs two gapped lines."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(kinds)
    inner = (Kind.BLANK, Kind.TEXT, Kind.GAPPED)
    while i < n:
        if kinds[i] is not Kind.GAPPED:
            i += 1
            continue
        last, gapped, blanks, j = i, 1, 0, i + 1
        while j < n and (kinds[j] in inner or kinds[j] is Kind.HEADING and kinds[j - 1] is not Kind.BLANK):
            blanks = blanks + 1 if kinds[j] is Kind.BLANK else 0
            if blanks > settings.max_blank_run:
                break
            if kinds[j] is Kind.GAPPED:
                last, gapped = j, gapped + 1
            j += 1
        start, k, blanks = i, i - 1, 0
        while k >= (out[-1][1] if out else 0) and i - k <= settings.max_edge_lines + 2 and blanks <= 2:
            if kinds[k] is not Kind.TEXT and kinds[k] is not Kind.BLANK:
                break
            start, blanks = (k, 0) if kinds[k] is Kind.TEXT else (start, blanks + 1)
            k -= 1
        end = last + 1
        while end < n and end - last <= settings.max_edge_lines and kinds[end] is Kind.TEXT:
            end += 1
        if gapped >= 2:
            out.append((start, end))
        i = max(j, end)
    return out

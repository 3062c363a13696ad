"""Columns the values alone do not show. Value columns are built from numbers, so a column that
is blank on every row (the five 法人 columns of a small office) has none; its header still stands
over it. Narrow columns also print a cell a single blank from the next one (`…禁止公 0`,
`自然 商 科`), which the line pass keeps as one cell. Two pure steps, both under the region's
measure: `split_values` parts a label from a trailing number that stands in a value column;
`header_columns` reads the header's own columns (its words stacked bottom-up, a word over two
of them a merged header) and, when every value column lies under exactly one of them, adds the
others as empty value columns."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.readers.text.dialects.fixed_width.grid import Token, ValueColumn, pieces, width
from gov_disclosure.readers.text.lines import is_number


def _overlaps(t: Token, c: ValueColumn) -> bool:
    return t.start < c.hi and t.end > c.lo


def split_values(
    toks: Sequence[Sequence[Token]], columns: Sequence[Sequence[ValueColumn]], *, wide: bool
) -> list[list[Token]]:
    """Every line's tokens, a text cell whose last word is a number standing in one of the
    line's value columns (`columns[line]`), or touching one (pdftotext moves a cell by a column
    now and then), parted into the text and the number."""
    out: list[list[Token]] = []
    for ts, cols in zip(toks, columns, strict=True):
        line: list[Token] = []
        for t in ts:
            words = t.text.rsplit(maxsplit=1) if cols and not t.number else []
            if len(words) == 2 and is_number(words[1]):
                value = Token(words[1], t.end - width(words[1], wide=wide), t.end, t.line, True)
                if any(value.start <= c.hi and value.end >= c.lo for c in cols):  # at most touching it
                    line.append(Token(words[0], t.start, t.start + width(words[0], wide=wide), t.line))
                    line.append(value)
                    continue
            line.append(t)
        out.append(line)
    return out


MAX_LEAVES = 64
"""Header columns past which a header is no table's (a table has a few dozen at most): the
words are not read further, which keeps a page of single-spaced text linear."""


def leaf_columns(lines: Sequence[Sequence[Token]], lo: int, *, wide: bool) -> list[tuple[int, int, int]]:
    """The header's own columns right of `lo`: `[lo, hi)` and how many words stack in each
    (a word of two characters or more counts twice: it is no half of a cell split by a blank).
    Its words are read bottom-up, a word joining the one column it overlaps or opening a new
    one; a word over two columns is a merged header and adds nothing. None past `MAX_LEAVES`."""
    cols: list[list[int]] = []  # lo, hi, lines
    for ts in reversed(lines):
        for w in (w for t in ts if t.end > lo for w in pieces(t, wide=wide) if w.end > lo):
            hit = [c for c in cols if w.start < c[1] and w.end > c[0]]
            weight = 2 if len(w.text) >= 2 else 1
            if not hit:
                cols.append([w.start, w.end, weight])
            elif len(hit) == 1:
                hit[0][:] = min(hit[0][0], w.start), max(hit[0][1], w.end), hit[0][2] + weight
        if len(cols) > MAX_LEAVES:
            return []
    return sorted((a, b, n) for a, b, n in cols)


def header_columns(
    values: Sequence[ValueColumn], header: Sequence[Sequence[Token]], *, wide: bool, labelled: bool = True
) -> tuple[list[ValueColumn], bool]:
    """`values` with an empty column for each header column no value stands under -- when the
    header's columns are disjoint and every value column lies under exactly one of its own --
    and whether the values can be placed by position: not when the header stacks words in
    more columns than the values fill and the values do not fit its columns (the layout cannot
    say which column a value is in; a garbled header over as many value columns as it has
    columns says nothing). An empty column needs words on two lines at least: a lone word may
    be half of a cell's text split by a single blank (`结 果`). Header columns are read right
    of the first value column, where `labelled` rows print their labels; a table without
    labels (Table 4) may leave its first columns blank, so all of its header is read."""
    if not values or not header:
        return list(values), True
    leaves = leaf_columns(header, values[0].lo if labelled else 0, wide=wide)
    extra = [ValueColumn(a, b, ()) for a, b, n in leaves if n >= 2 and not any(c.lo < b and c.hi > a for c in values)]
    if not extra or len(leaves) <= len(values):  # every header column may have its values
        return list(values), True
    under = [[k for k, (a, b, _) in enumerate(leaves) if c.lo < b and c.hi > a] for c in values]
    disjoint = all(a[1] <= b[0] for a, b in zip(leaves, leaves[1:], strict=False))
    if not disjoint or any(len(u) != 1 for u in under) or len({u[0] for u in under}) != len(values):
        return list(values), sum(n >= 2 for _, _, n in leaves) <= len(values)
    return sorted([*values, *extra], key=lambda c: (c.lo, c.hi)), True


def packed(columns: Sequence[ValueColumn]) -> bool:
    """Whether values cannot be placed by position for want of room: two neighbouring columns a
    single blank apart at most (pdftotext moves a centred digit by one, into the next one) and
    a line that leaves some of them blank (a full line shows every column)."""
    if not any(
        b.lo - a.hi <= 1 and any(c.tokens and c.spread() > 1 for c in (a, b))
        for a, b in zip(columns, columns[1:], strict=False)
    ):
        return False
    lines: dict[int, int] = {}
    for c in columns:
        for t in c.tokens:
            lines[t.line] = lines.get(t.line, 0) + 1
    return any(n < len(columns) for n in lines.values())

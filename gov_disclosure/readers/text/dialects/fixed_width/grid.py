"""Reading one blank-padded region into a grid, in stages, each a pure function, as
pdfplumber's `TableFinder` does: tokens (the line pass's blank-run cells under one column
measure) -> `line_roles` (anchor lines with numbers, label-only lines, header lines) ->
`block_ids` (stacked blocks with their own value columns) -> `cluster_columns` /
`label_columns` -> `assembler.RowAssembler` (wrapped labels and numbers joined, blanks
filled). `FixedWidthFinder`
runs them under one measure and keeps every intermediate.
"""

from __future__ import annotations

import enum
from bisect import bisect_right, insort
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from gov_disclosure.numbering import OUTLINE_NUMERALS, match_marker
from gov_disclosure.readers.text.lines import Layout, blank_runs, is_number, wide_chars

NAME = "fixed-width"
_WORD = regex.compile(r"[^\s\u3000\xa0]+")
_DIGIT = regex.compile(r"\d")


class Role(enum.Enum):
    """What a line is inside a region."""

    BLANK = "blank"
    FURNITURE = "furniture"  # page number: ends a block, never a cell
    ANCHOR = "anchor"  # has numbers: one grid row
    LABEL = "label"  # text only left of the values: part of a row label
    HEADER = "header"  # text over the value columns: a header row


class Token(NamedTuple):
    """One cell's text on one line, its `[start, end)` columns under one measure and its
    region line index and whether it is a value. (A named tuple: there is one per cell per measure.)"""

    text: str
    start: int
    end: int
    line: int
    number: bool = False  # `is_number(text)`, as the line pass found

    @property
    def centre2(self) -> int:
        """Twice the centre column (keeps arithmetic integral)."""
        return self.start + self.end


@attrs.frozen
class ValueColumn:
    """A value column: the hull of its tokens' spans and the tokens themselves."""

    lo: int
    hi: int
    tokens: tuple[Token, ...]

    def spread(self) -> float:
        """How badly the tokens align: the smallest range of their left, right or centre edges."""
        edges = ([t.start for t in self.tokens], [t.end for t in self.tokens], [t.centre2 / 2 for t in self.tokens])
        return min(max(e) - min(e) for e in edges)


def tokens(layout: Sequence[Layout], *, wide: bool) -> list[list[Token]]:
    """Every region line's cells under one measure (none on a page-number line)."""
    return both_measures(layout)[0 if wide else 1]


def both_measures(layout: Sequence[Layout]) -> tuple[list[list[Token]], list[list[Token]]]:
    """Every region line's cells under display columns and under code points (none on a
    page-number line): each cell is measured, and tested for a value, once for both."""
    display: list[list[Token]] = []
    points: list[list[Token]] = []
    for i, lay in enumerate(layout):
        shown: list[Token] = []
        coded: list[Token] = []
        if not lay.page_mark:
            for s in lay.cells():
                number = is_number(s.text)
                shown.append(Token(s.text, s.wide_start, s.wide_end, i, number))
                coded.append(Token(s.text, s.start, s.end, i, number))
        display.append(shown)
        points.append(coded)
    return display, points


def line_tokens(line: str, index: int = 0, *, wide: bool = True) -> list[Token]:
    """Cells of one line with display (`wide`) or code-point column spans."""
    spans = blank_runs(line)
    if wide:
        return [Token(s.text, s.wide_start, s.wide_end, index, is_number(s.text)) for s in spans]
    return [Token(s.text, s.start, s.end, index, is_number(s.text)) for s in spans]


def width(text: str, *, wide: bool) -> int:
    """Columns `text` takes under the measure: code points, or display columns (CJK = 2)."""
    if not wide or text.isascii():
        return len(text)
    return 2 * len(text) - len(text.translate(wide_chars(text)))


def pieces(t: Token, *, wide: bool) -> list[Token]:
    """The blank-separated words of a token (header words), each with its own columns under
    the measure."""
    if len(t.text.split(maxsplit=1)) < 2:
        return [t]
    out = []
    for m in _WORD.finditer(t.text):
        start = t.start + width(t.text[: m.start()], wide=wide)
        out.append(Token(m.group(), start, start + width(m.group(), wide=wide), t.line))
    return out


def is_enumerated(text: str) -> bool:
    """A label led by an item number (`（三）`, `(3)`, `三、`, `3.`, `3、`): it starts a row."""
    m = match_marker(text)
    if m is None or not text.startswith(m.marker):
        return False
    if m.style in ("paren-chinese", "paren-arabic"):
        inner = m.marker[1:-1].strip()
        return m.marker[0] in "（(" and m.marker[-1] in ")）" and (inner.isdigit() or set(inner) <= OUTLINE_NUMERALS)
    numeral = m.marker[:-1]
    if m.style == "chinese":
        return m.punct == "、" and set(numeral) <= OUTLINE_NUMERALS
    if m.style == "arabic":
        return m.punct in (".", "．", "、") and numeral.isdigit() and not m.rest[:1].isdigit()
    return False


def _bare(text: str) -> bool:
    m = match_marker(text)
    return m is not None and not m.rest.strip()


def marker_first(text: str) -> str:
    """A label's lines with a line that is an item number alone (`5.`, `（三）`) put first: a
    label wrapped round its number, which a PDF prints a line apart (`属于三类内部事` / `5.` /
    `务信息`), reads `5.属于三类内部事` / `务信息`."""
    lines = text.split("\n")
    bare = [k for k, ln in enumerate(lines) if k and is_enumerated(ln) and _bare(ln)]
    if len(bare) != 1:
        return text
    k = bare[0]
    return lines[k] + "\n".join(lines[:k] + lines[k + 1 :])


def has_item(ts: Sequence[Token]) -> bool:
    """Whether a line has a label led by an item number, also after a single blank
    (`不予处 3.要求提供公开出版物`: a parent label's wrap, then the next row's own)."""
    return any(is_enumerated(w) for t in ts if not t.number for w in t.text.split())


def split_labels(toks: Sequence[Sequence[Token]], starts: Sequence[int], tol: int, *, wide: bool) -> list[list[Token]]:
    """Every line's tokens, a label cell that runs a single blank into the next label column
    parted where a word starts at that column and is led by an item number (`（四）无法
    2.没有现成信息需要`: a parent label's wrap, then the row's own), or stands flush under or
    over a label of the line above or below (`无法提 要另行制作` under `2.没有现成信息需`)."""
    items = _split_labels(toks, starts, tol, [set()] * len(toks), wide=wide)  # item numbers first
    texts = [{t.start for t in ts if not t.number} for ts in items]
    near = [(texts[i - 1] if i else set()) | (texts[i + 1] if i + 1 < len(texts) else set()) for i in range(len(texts))]
    return _split_labels(items, starts, tol, near, wide=wide)


def _split_labels(
    toks: Sequence[Sequence[Token]], starts: Sequence[int], tol: int, near: Sequence[set[int]], *, wide: bool
) -> list[list[Token]]:
    """One pass of `split_labels`, `near[i]` the label starts of line i's neighbours."""
    out: list[list[Token]] = []
    for ts, starts_near in zip(toks, near, strict=True):
        line: list[Token] = []
        for t in ts:
            cut = None if t.number else _label_cut(t, starts, tol, starts_near, wide=wide)
            if cut is None:
                line.append(t)
                continue
            k, col = cut
            head = t.text[:k].rstrip()
            line.append(Token(head, t.start, t.start + width(head, wide=wide), t.line))
            line.append(Token(t.text[k:], col, t.end, t.line))
        out.append(line)
    return out


def _label_cut(t: Token, starts: Sequence[int], tol: int, near: set[int], *, wide: bool) -> tuple[int, int] | None:
    """Where `t` is parted (its text offset and column), if a later word of it starts at a label
    column right of the one `t` starts in and is led by an item number or starts where a label
    of a neighbouring line (`near`) does."""
    if len(t.text.split(maxsplit=1)) < 2:
        return None
    for m in list(_WORD.finditer(t.text))[1:]:
        col = t.start + width(t.text[: m.start()], wide=wide)
        if not any(abs(col - s) <= tol and s > t.start + tol for s in starts):
            continue
        if is_enumerated(m.group()) or col in near:
            return m.start(), col
    return None


def line_roles(toks: Sequence[Sequence[Token]], furniture: Sequence[bool], pages: Sequence[bool] = ()) -> list[Role]:
    """Role of every region line. A text line is LABEL when all its cells lie left of where the
    nearest anchor lines' numbers start on its page (`pages`: the lines that start one; pdftotext
    lays each page out anew, so the next page's numbers may start further left), HEADER otherwise."""
    first = [next((t.start for t in ts if t.number and _DIGIT.search(t.text)), None) for ts in toks]
    starts = [i < len(pages) and pages[i] for i in range(len(toks))]
    above: list[int | None] = []
    below: list[int | None] = [None] * len(toks)
    seen: int | None = None
    for i, f in enumerate(first):
        seen = f if f is not None else None if starts[i] else seen
        above.append(seen)
    seen = None
    for i in range(len(toks) - 1, -1, -1):
        seen = first[i] if first[i] is not None else seen
        below[i] = seen
        if starts[i]:
            seen = None
    roles: list[Role] = []
    for i, ts in enumerate(toks):
        near = [v for v in (above[i], below[i]) if v is not None]
        if furniture[i]:
            roles.append(Role.FURNITURE)
        elif not ts:
            roles.append(Role.BLANK)
        elif near and all(t.centre2 < 2 * min(near) for t in ts):
            roles.append(Role.LABEL)  # a word read as a value (`无` of `无法提供` down its cell) among them
        elif first[i] is not None or any(t.number for t in ts):
            roles.append(Role.ANCHOR)
        else:
            roles.append(Role.HEADER)
    return roles


def unlabelled_headers(toks: Sequence[Sequence[Token]], roles: Sequence[Role], blocks: Sequence[int]) -> list[Role]:
    """`roles` with the label lines that open a block (above its header and numbers) read as
    header lines, when no number line of the block carries a label: a table without row
    labels (Table 4) whose first columns are blank prints the top of its header left of
    every number, where a label would stand; no row of it has one, so the words are its
    header's. (A label line further down, between header lines, stays one.)"""
    labelled = {b for ts, r, b in zip(toks, roles, blocks, strict=True) if r is Role.ANCHOR and not ts[0].number}
    opened: set[int] = set()  # blocks past their first header or number line
    out: list[Role] = []
    for r, b in zip(roles, blocks, strict=True):
        out.append(Role.HEADER if r is Role.LABEL and b not in labelled and b not in opened else r)
        opened |= {b} if r in (Role.ANCHOR, Role.HEADER) else set()
    return out


def block_ids(roles: Sequence[Role], breaks: Sequence[bool] = ()) -> list[int]:
    """Block number of every line: a header after data, or a page break (a page number, or,
    after data, a line that `breaks` says starts a page), starts a block (Table 2's stacked
    blocks, a table continued on the next page)."""
    ids, bid, data, content = [], 0, False, False
    for i, role in enumerate(roles):
        page = role is Role.FURNITURE and content or i < len(breaks) and breaks[i] and data
        if page or role is Role.HEADER and data:
            bid, data, content = bid + 1, False, False
        data = data or role is Role.ANCHOR
        content = content or role not in (Role.BLANK, Role.FURNITURE)
        ids.append(bid)
    return ids


def split_anchor(ts: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Labels (cells before the first number) and values (the rest) of an anchor line."""
    k = next(i for i, t in enumerate(ts) if t.number)
    return list(ts[:k]), list(ts[k:])


def cluster_columns(tokens: Sequence[Token], tol: int = 2) -> list[ValueColumn]:
    """Value columns from value cells: overlapping spans share a column unless they share a
    line; then neighbouring columns at most `tol` apart merge if no line uses both."""
    groups: list[tuple[list[Token], set[int]]] = []
    his: list[int] = []
    active: list[int] = []  # groups a later cell may still overlap (cells come by start column)
    for t in sorted(tokens, key=lambda t: (t.start, t.end, t.line)):
        active = [g for g in active if his[g] > t.start]
        fits = [(min(t.end, his[g]) - t.start, g) for g in active if t.line not in groups[g][1]] if active else []
        overlap, best = max(fits, default=(0, -1))
        if overlap <= 0:
            active.append(len(groups))
            groups.append(([t], {t.line}))
            his.append(t.end)
        else:
            groups[best][0].append(t)
            groups[best][1].add(t.line)
            if t.end > his[best]:
                his[best] = t.end
    order = sorted(range(len(groups)), key=lambda g: (groups[g][0][0].start, his[g]))
    merged: list[tuple[int, int, list[Token], set[int]]] = []  # lo, hi, tokens, their lines
    for g in order:
        toks, lines = groups[g]
        lo, hi = toks[0].start, his[g]
        if merged and lo - merged[-1][1] <= tol and merged[-1][3].isdisjoint(lines):
            plo, phi, ptoks, plines = merged[-1]
            merged[-1] = (plo, max(phi, hi), ptoks + toks, plines | lines)
        else:
            merged.append((lo, hi, toks, lines))
    return [ValueColumn(lo, hi, tuple(toks)) for lo, hi, toks, _ in merged]


def label_columns(starts: Sequence[int], tol: int = 2, lines: Sequence[Sequence[int]] = ()) -> list[int]:
    """Start columns of the label columns: left-aligned label starts chained within `tol`; a
    chain is parted where one line (`lines`: each line's label starts) has two cells in it (two
    labels printed down their cells side by side, `（` and `1.` of `（三）不予公开` and
    `1.属于国家秘密`, cannot be one column however close the starts between them are)."""
    ordered = sorted(set(starts))
    cols = [s for k, s in enumerate(ordered) if k == 0 or s - ordered[k - 1] > tol]
    for line in lines:
        for a, b in zip(line, line[1:], strict=False):
            if b - a > tol and label_col(a, cols, tol) == label_col(b, cols, tol):
                insort(cols, b)
    return cols


def label_col(start: int, starts: Sequence[int], tol: int = 2) -> int:
    """The label column a label starting at `start` belongs to (0 when left of all); `starts`
    ascending, as `label_columns` gives them."""
    return max(bisect_right(starts, start + tol) - 1, 0)

"""Blank-padded fixed-width tables: `pdftotext -layout` output and hand-aligned text.

Cells are separated by runs of two or more blanks (space, U+3000, NBSP); a single blank splits
only two numbers. The table is found in stages, each a pure function, as pdfplumber's
`TableFinder` does: `line_tokens` (cells of a line with their column spans) -> `line_roles`
(anchor lines with numbers, label-only lines, header lines) -> `block_ids` (stacked blocks with
their own value columns) -> `cluster_columns` / `label_columns` -> `assemble_rows` (wrapped labels
joined, blanks filled). `FixedWidthFinder` runs them under one column measure and keeps every
intermediate; `FixedWidthDialect.read` tries display columns (CJK = 2) and code points
(pdftotext) and keeps the reading whose columns are more regular.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

import attrs
import regex

from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.furniture import is_page_mark
from gov_disclosure.normalize import looks_numeric

BLANKS = " \u3000\xa0"
_WORD = regex.compile(f"[^{BLANKS}\t]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\f\v\r"))  # pdftotext starts each page with a form feed
_FOREIGN = regex.compile(r"[|｜]|\S\t+\S")  # pipe or TAB cells: another dialect's line
_ENUM = regex.compile(r"[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十]+、|\d+[.．、](?!\d)")
_HEADING = regex.compile(r"[一二三四五六七八九十]{1,3}、\s*\S{2,}.*")


@attrs.frozen
class Settings:
    """Named tolerances (in columns or lines) for finding and reading fixed-width tables."""

    join_tolerance: int = 2  # max gap between two clusters of one value column (pdftotext jitter)
    label_tolerance: int = 2  # max distance between starts of labels in one label column
    max_blank_run: int = 6  # blank/page-furniture lines allowed inside a table (pdftotext: 4-5)
    max_edge_lines: int = 3  # single-cell lines (captions, label tails) kept at a region's edges
    prose_width: int = 40  # a single-cell line this wide next to another one is prose
    column_penalty: int = 3  # cost of one more column when comparing the two measures


DEFAULTS = Settings()


class Kind(enum.Enum):
    """What a line is when looking for regions."""

    BLANK = "blank"  # empty or page furniture
    GAPPED = "gapped"  # two or more cells
    TEXT = "text"  # one cell that may belong to a table (caption, wrapped label)
    HEADING = "heading"  # `三、…`: a section heading unless it follows a table line directly
    OTHER = "other"  # prose, or a line of another dialect (TAB or pipe cells)


class Role(enum.Enum):
    """What a line is inside a region."""

    BLANK = "blank"
    FURNITURE = "furniture"  # page number: ends a block, never a cell
    ANCHOR = "anchor"  # has numbers: one grid row
    LABEL = "label"  # text only left of the values: part of a row label
    HEADER = "header"  # text over the value columns: a header row


@attrs.frozen
class Token:
    """One cell's text on one line, its `[start, end)` columns and its region line index."""

    text: str
    start: int
    end: int
    line: int

    @property
    def centre2(self) -> int:
        """Twice the centre column (keeps arithmetic integral)."""
        return self.start + self.end


@attrs.frozen
class Column:
    """A value column: the hull of its tokens' spans and the tokens themselves."""

    lo: int
    hi: int
    tokens: tuple[Token, ...]

    def spread(self) -> float:
        """How badly the tokens align: the smallest range of their left, right or centre edges."""
        edges = ([t.start for t in self.tokens], [t.end for t in self.tokens], [t.centre2 / 2 for t in self.tokens])
        return min(max(e) - min(e) for e in edges)


def is_number(text: str) -> bool:
    """A value cell (signed or unit-suffixed number, or a dash placeholder), as the mapping
    stage will read it."""
    return bool(text.strip()) and looks_numeric(text)


def is_furniture(line: str) -> bool:
    """A page number line (`-4-`, `第 3 页`, `2/6`) that pdftotext leaves inside tables."""
    return is_page_mark(line.strip(BLANKS + "\t\f\v\r"))


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    """Display columns of one character: 2 for East Asian wide or fullwidth, else 1."""
    return 2 if ord(ch) >= 0x1100 and unicodedata.east_asian_width(ch) in ("W", "F") else 1


@lru_cache(maxsize=4096)
def _columns(line: str, wide: bool) -> tuple[int, ...]:
    """Column where each character of `line` starts (and the end), by display or code point."""
    if not wide:
        return tuple(range(len(line) + 1))
    return tuple(accumulate((char_width(ch) for ch in line), initial=0))


def line_tokens(line: str, index: int = 0, *, wide: bool = True) -> list[Token]:
    """Cells of one line with display (`wide`) or code-point column spans.

    Words are split at blank runs; a single blank joins two words (`(一) 予以公开`) unless both
    are numbers (`1288 21`)."""
    line = line.translate(_ZERO_WIDTH)
    cols = _columns(line, wide)
    out: list[Token] = []
    begin = prev = prev_s = -1
    for m in _WORD.finditer(line):
        s, e = m.span()
        if prev >= 0 and (s - prev > 1 or is_number(line[prev_s:prev]) and is_number(line[s:e])):
            out.append(Token(line[begin:prev], cols[begin], cols[prev], index))
            begin = -1
        begin = s if begin < 0 else begin
        prev_s, prev = s, e
    if begin >= 0:
        out.append(Token(line[begin:prev], cols[begin], cols[prev], index))
    return out


_GAP = regex.compile(f"[{BLANKS}]{{2,}}|\\d[{BLANKS}]\\d")


def _quick_tokens(line: str, settings: Settings) -> list[Token]:
    """`line_tokens` for classification only, without its per-character work where the answer
    is already known: another dialect's line (no tokens matter), and a long gap-free line (one
    token, certainly prose-wide; its exact columns do not matter)."""
    if _FOREIGN.search(line) or is_furniture(line):
        return []
    body = line.strip(BLANKS + "\f\v\r")
    if len(body) >= 2 * settings.prose_width and not _GAP.search(body):
        return [Token(body, 0, 2 * len(body), 0)]
    return line_tokens(line)


def classify(lines: Sequence[str], settings: Settings = DEFAULTS) -> list[Kind]:
    """Kind of every line for region finding (display measure). Prose: a sentence end, a very
    wide line, or a paragraph of wide single-cell lines (labels wrap narrower)."""
    toks = [_quick_tokens(line, settings) for line in lines]
    wide = [len(ts) == 1 and ts[0].end - ts[0].start >= settings.prose_width for ts in toks]
    kinds: list[Kind] = []
    for i, ts in enumerate(toks):
        if _FOREIGN.search(lines[i]):
            kinds.append(Kind.OTHER)
        elif not ts:
            kinds.append(Kind.BLANK)
        elif len(ts) > 1:
            kinds.append(Kind.GAPPED)
        elif ts[0].text.endswith(("。", "！", "？")) or ts[0].end >= 2 * settings.prose_width:
            kinds.append(Kind.OTHER)
        elif wide[i] and (i > 0 and wide[i - 1] or i + 1 < len(toks) and wide[i + 1]):
            kinds.append(Kind.OTHER)
        else:
            kinds.append(Kind.HEADING if _HEADING.fullmatch(ts[0].text) else Kind.TEXT)
    return kinds


def find_regions(kinds: Sequence[Kind], settings: Settings = DEFAULTS) -> list[tuple[int, int]]:
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


def _latest(a: int | None, b: int | None) -> int | None:
    return a if b is None else b


def line_roles(toks: Sequence[Sequence[Token]], furniture: Sequence[bool]) -> list[Role]:
    """Role of every region line. A text line is LABEL when all its cells lie left of where the
    nearest anchor lines' numbers start, HEADER otherwise."""
    first = [next((t.start for t in ts if is_number(t.text)), None) for ts in toks]
    above = list(accumulate(first, _latest))
    below = list(accumulate(first[::-1], _latest))[::-1]
    roles: list[Role] = []
    for i, ts in enumerate(toks):
        near = [v for v in (above[i], below[i]) if v is not None]
        if furniture[i]:
            roles.append(Role.FURNITURE)
        elif not ts:
            roles.append(Role.BLANK)
        elif first[i] is not None:
            roles.append(Role.ANCHOR)
        elif near and all(t.centre2 < 2 * min(near) for t in ts):
            roles.append(Role.LABEL)
        else:
            roles.append(Role.HEADER)
    return roles


def block_ids(roles: Sequence[Role]) -> list[int]:
    """Block number of every line: a header after data, or a page break, starts a block
    (Table 2's stacked blocks, a table continued on the next page)."""
    ids, bid, data, content = [], 0, False, False
    for role in roles:
        if role is Role.FURNITURE and content or role is Role.HEADER and data:
            bid, data, content = bid + 1, False, False
        data = data or role is Role.ANCHOR
        content = content or role not in (Role.BLANK, Role.FURNITURE)
        ids.append(bid)
    return ids


def split_anchor(ts: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Labels (cells before the first number) and values (the rest) of an anchor line."""
    k = next(i for i, t in enumerate(ts) if is_number(t.text))
    return list(ts[:k]), list(ts[k:])


def cluster_columns(tokens: Sequence[Token], tol: int = 2) -> list[Column]:
    """Value columns from value cells: overlapping spans share a column unless they share a
    line; then neighbouring columns at most `tol` apart merge if no line uses both."""
    groups: list[tuple[list[Token], set[int]]] = []
    his: list[int] = []
    for t in sorted(tokens, key=lambda t: (t.start, t.end, t.line)):
        fits = [(min(t.end, hi) - t.start, g) for g, hi in enumerate(his) if t.line not in groups[g][1]]
        overlap, best = max(fits, default=(0, -1))
        if overlap <= 0:
            groups.append(([t], {t.line}))
            his.append(t.end)
        else:
            groups[best][0].append(t)
            groups[best][1].add(t.line)
            his[best] = max(his[best], t.end)
    hulls = (Column(min(m.start for m in g), max(m.end for m in g), tuple(g)) for g, _ in groups)
    cols = sorted(hulls, key=lambda c: (c.lo, c.hi))
    merged: list[Column] = []
    for col in cols:
        prev = merged[-1] if merged else None
        if prev and col.lo - prev.hi <= tol and not {t.line for t in prev.tokens} & {t.line for t in col.tokens}:
            merged[-1] = Column(prev.lo, max(prev.hi, col.hi), prev.tokens + col.tokens)
        else:
            merged.append(col)
    return merged


def label_columns(starts: Sequence[int], tol: int = 2) -> list[int]:
    """Start columns of the label columns: left-aligned label starts chained within `tol`."""
    ordered = sorted(set(starts))
    return [s for k, s in enumerate(ordered) if k == 0 or s - ordered[k - 1] > tol]


def label_col(start: int, starts: Sequence[int], tol: int = 2) -> int:
    """The label column a label starting at `start` belongs to (0 when left of all)."""
    return max([k for k, s in enumerate(starts) if s <= start + tol], default=0)


def header_cols(t: Token, cols: Sequence[Column]) -> tuple[int, int]:
    """First value column and column count of a header cell: the columns whose values it
    overlaps, else the one whose share of the line holds its centre (a centred merged label
    narrower than its span lands on the middle column)."""
    hit = [k for k, c in enumerate(cols) if t.start < c.hi and t.end > c.lo]
    if hit:
        return hit[0], hit[-1] - hit[0] + 1
    return sum(1 for k in range(len(cols) - 1) if t.centre2 >= cols[k].hi + cols[k + 1].lo), 1


@attrs.define
class Row:
    """A grid row being assembled: col -> (first region line, text), colspans, its block."""

    block: int
    line: int
    header: bool = False
    cells: dict[int, tuple[int, str]] = attrs.Factory(dict)
    spans: dict[int, int] = attrs.Factory(dict)
    last: int = -1  # last region line that added text

    def add(self, col: int, line: int, text: str, *, before: bool = False) -> None:
        """Join `text` to the cell at `col` (below its text, or above it when `before`)."""
        if col in self.cells:
            old_line, old = self.cells[col]
            self.cells[col] = (min(line, old_line), f"{text}\n{old}" if before else f"{old}\n{text}")
        else:
            self.cells[col] = (line, text)
        self.last = max(self.last, line)


def assemble_rows(
    toks: Sequence[Sequence[Token]],
    roles: Sequence[Role],
    blocks: Sequence[int],
    columns: dict[int, list[Column]],
    starts: Sequence[int],
    tol: int = 2,
) -> list[Row]:
    """Rows in reading order. Anchor lines make rows; a label-only line joins the row above
    when it follows it directly, else (item number, blank line above, or a label-less anchor
    right below: a label centred on the middle line) it waits for the next anchor; waiting
    lines become their own row if that anchor has a label of the same or higher level."""
    nlab = len(starts)
    value_col = {t: nlab + k for cols in columns.values() for k, c in enumerate(cols) for t in c.tokens}
    rows: list[Row] = []
    pending: list[int] = []
    last: Row | None = None

    def flush(block: int) -> None:
        if pending:
            rows.append(Row(block, pending[0]))
            for p in pending:
                for t in toks[p]:
                    rows[-1].add(label_col(t.start, starts, tol), p, t.text)
            pending.clear()

    for i, role in enumerate(roles):
        cols = columns[blocks[i]]
        if role is Role.FURNITURE:
            flush(blocks[i])
            last = None
        elif role is Role.LABEL:
            blank_above = i == 0 or roles[i - 1] is Role.BLANK
            bare_below = i + 1 < len(roles) and roles[i + 1] is Role.ANCHOR and is_number(toks[i + 1][0].text)
            if pending or last is None or blank_above or bare_below or _ENUM.match(toks[i][0].text):
                pending.append(i)
            else:
                for t in toks[i]:
                    last.add(label_col(t.start, starts, tol), i, t.text)
        elif role is Role.ANCHOR:
            labels, values = split_anchor(toks[i])
            row = Row(blocks[i], i)
            for t in labels:  # a text cell over a value column (`无`, `—`) is a value
                hit = [k for k, c in enumerate(cols) if t.start < c.hi and t.end > c.lo and t.start >= cols[0].lo]
                row.add(nlab + hit[0] if hit else label_col(t.start, starts, tol), i, t.text)
            for t in values:
                row.add(value_col[t], i, t.text)
            own = {c: txt for c, (_, txt) in row.cells.items() if c < nlab}
            waiting = {label_col(t.start, starts, tol) for p in pending for t in toks[p]}
            if any(b < w or b == w and _ENUM.match(own[b]) for b in own for w in waiting):
                flush(blocks[i])
            for p in reversed(pending):
                for t in reversed(toks[p]):
                    row.add(label_col(t.start, starts, tol), p, t.text, before=True)
            pending.clear()
            rows.append(row)
            last = row
        elif role is Role.HEADER:
            flush(blocks[i])
            row = Row(blocks[i], i, header=True)
            for t in toks[i]:
                if nlab and t.centre2 < 2 * cols[0].lo:  # over the label columns
                    col = label_col(t.start, starts, tol)
                    above = [c for c, s in last.spans.items() if c <= col < c + s] if last and last.header else []
                    if last and above and last.last == i - 1:  # the corner cell wraps
                        last.add(above[0], i, t.text)
                        continue
                    span = max(1, sum(1 for s in starts[col:] if s < t.end))
                else:
                    first, span = header_cols(t, cols)
                    col = nlab + first
                while col in row.cells or any(c < col < c + s for c, s in row.spans.items()):
                    col += 1
                row.add(col, i, t.text)
                row.spans[col] = span
            if row.cells:
                rows.append(row)
                last = row
    flush(blocks[-1] if blocks else 0)
    return rows


def regularity(columns: dict[int, list[Column]], headers: dict[int, list[Token]], penalty: int = 3) -> float:
    """Irregularity of a reading (lower is better): how far value cells stray from their
    column's alignment, how far header cells over the values sit from any column, and the
    column count."""
    score = 0.0
    for b, cols in columns.items():
        score += sum(c.spread() for c in cols) + penalty * len(cols)
        for t in headers.get(b, []):
            if cols and t.centre2 >= 2 * cols[0].lo:
                score += min(max(c.lo - t.centre2 / 2, t.centre2 / 2 - c.hi, 0) for c in cols)
    return score


class FixedWidthFinder:
    """One reading of a region under one column measure, keeping every stage's result
    (`tokens`, `roles`, `blocks`, `columns`, `label_starts`, `rows`, `score`) for debugging."""

    def __init__(self, lines: Sequence[str], *, wide: bool, settings: Settings = DEFAULTS) -> None:
        self.wide = wide
        self.furniture = [is_furniture(line) for line in lines]
        pairs = enumerate(zip(lines, self.furniture, strict=True))
        self.tokens = [[] if f else line_tokens(s, i, wide=wide) for i, (s, f) in pairs]
        self.roles = line_roles(self.tokens, self.furniture)
        self.blocks = block_ids(self.roles)
        values: dict[int, list[Token]] = {b: [] for b in self.blocks}
        headers: dict[int, list[Token]] = {b: [] for b in self.blocks}
        labels: list[int] = []
        for ts, role, b in zip(self.tokens, self.roles, self.blocks, strict=True):
            lab, val = split_anchor(ts) if role is Role.ANCHOR else (ts if role is Role.LABEL else [], [])
            values[b] += val
            headers[b] += ts if role is Role.HEADER else []
            labels += [t.start for t in lab]
        self.columns = {b: cluster_columns(v, settings.join_tolerance) for b, v in values.items()}
        filled = [b for b in sorted(self.columns) if self.columns[b]]
        for b in self.columns:  # a block of headers only borrows the next (else last) block's columns
            if not self.columns[b] and filled:
                self.columns[b] = self.columns[next((c for c in filled if c > b), filled[-1])]
        self.label_starts = label_columns(labels, settings.label_tolerance)
        self.rows: list[Row] = []
        self.score = float("inf")
        if filled:
            self.rows = assemble_rows(
                self.tokens, self.roles, self.blocks, self.columns, self.label_starts, settings.label_tolerance
            )
            self.score = regularity(self.columns, headers, settings.column_penalty)

    def table(self, first_line: int) -> Table | None:
        """The grid: every row as wide as its block, blanks as empty cells at their column."""
        if len(self.rows) < 2:
            return None
        nlab = len(self.label_starts)
        out: list[tuple[Cell, ...]] = []
        for r, row in enumerate(self.rows):
            width = max(nlab + len(self.columns[row.block]), max(row.cells, default=0) + 1)
            cells: list[Cell] = []
            c = 0
            while c < width:
                line, text = row.cells.get(c, (row.line, ""))
                cells.append(Cell(text, Position(line=first_line + line, row=r, col=c), colspan=row.spans.get(c, 1)))
                c += row.spans.get(c, 1)
            out.append(tuple(cells))
        return Table(tuple(out), pos=Position(line=first_line), dialect=FixedWidthDialect.name)


class FixedWidthDialect:
    """Blank-padded columns (`pdftotext -layout` and hand-aligned text)."""

    name = "fixed-width"

    def __init__(self, settings: Settings = DEFAULTS) -> None:
        self.settings = settings

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        """Half-open line ranges that look like blank-padded tables."""
        gapped = sum(1 for line in lines if _GAP.search(line.strip(BLANKS)) and not _FOREIGN.search(line))
        if gapped < 2:  # a region needs two gapped lines: skip the per-line work on other dumps
            return []
        return find_regions(classify(lines, self.settings), self.settings)

    def finders(self, lines: Sequence[str]) -> list[FixedWidthFinder]:
        """Both readings of a region: display columns first, then code points."""
        return [FixedWidthFinder(lines, wide=w, settings=self.settings) for w in (True, False)]

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        """The more regular of the display-width and code-point readings (ties: display)."""
        return min(self.finders(lines), key=lambda f: f.score).table(first_line)

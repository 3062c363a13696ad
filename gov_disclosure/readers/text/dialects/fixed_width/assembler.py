"""Rows of one blank-padded region in reading order (`RowAssembler`): anchor lines make rows,
label lines join or wait, header lines make header rows, and a value wrapped inside its narrow
cell is joined to its first line (`16` over `7` is `167`)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gov_disclosure.numbering import OUTLINE_NUMERALS
from gov_disclosure.readers.text.dialects.fixed_width.grid import (
    Role,
    Token,
    ValueColumn,
    has_item,
    is_enumerated,
    label_col,
    marker_first,
    pieces,
    split_anchor,
)


def starts_item(label: str) -> bool:
    """Whether a row's own label starts a new item: led by an item number, or its first line a
    bare outline numeral (`三` of `三、本年度办理结果` printed down its cell, the `、` a line below)."""
    first = label.split("\n", 1)[0].strip()
    return is_enumerated(label) or 0 < len(first) <= 3 and set(first) <= OUTLINE_NUMERALS


def header_cols(t: Token, cols: Sequence[ValueColumn]) -> tuple[int, int]:
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

    def covers(self, col: int) -> bool:
        """Whether a cell left of `col` spans over it."""
        return any(c < col < c + s for c, s in self.spans.items())

    def add(self, col: int, line: int, text: str, *, before: bool = False) -> None:
        """Join `text` to the cell at `col` (below its text, or above it when `before`)."""
        if col in self.cells:
            old_line, old = self.cells[col]
            self.cells[col] = (min(line, old_line), f"{text}\n{old}" if before else f"{old}\n{text}")
        else:
            self.cells[col] = (line, text)
        self.last = max(self.last, line)


class RowAssembler:
    """Rows in reading order, one method per line role. Anchor lines make rows; a label-only
    line joins the row above when it follows it directly, else (item number, blank line or page
    break above, a label-less anchor right below: a label centred on the middle line; or, after
    data, a header row right below: the next block's caption) it waits for the next anchor;
    waiting lines become their own row if that anchor has a label of the same or higher level
    (after a page break: the end of the label of the row before it)."""

    def __init__(
        self,
        toks: Sequence[Sequence[Token]],
        roles: Sequence[Role],
        blocks: Sequence[int],
        columns: dict[int, list[ValueColumn]],
        starts: Sequence[int],
        tol: int = 2,
        *,
        wide: bool = True,
        pages: Sequence[bool] = (),
    ) -> None:
        self.toks, self.roles, self.blocks, self.columns, self.wide = toks, roles, blocks, columns, wide
        self.pages = pages  # lines that start a page (a form feed)
        self.starts, self.tol, self.nlab = starts, tol, len(starts)
        self.value_col = {t: self.nlab + k for cols in columns.values() for k, c in enumerate(cols) for t in c.tokens}
        self.rows: list[Row] = []
        self.pending: list[int] = []  # label lines waiting for their anchor
        self.last: Row | None = None  # the row a label line directly below may join
        widest = {id(c): max((t.end - t.start for t in c.tokens), default=0) for cs in columns.values() for c in cs}
        self.widest = {t: widest[id(c)] for cs in columns.values() for c in cs for t in c.tokens}
        self.edge: dict[int, int] = {}  # label col -> the end of its widest label on a line with numbers
        for i, role in enumerate(roles):
            if role is Role.ANCHOR:
                lo = columns[blocks[i]][0].lo if columns.get(blocks[i]) else 0
                for t in split_anchor(toks[i])[0]:
                    if t.end <= lo:
                        col = self.label_col(t.start)
                        self.edge[col] = max(self.edge.get(col, 0), t.end)
        self.wraps: dict[int, int] = {}  # block -> its label-only lines right below a line with text
        for i in range(1, len(roles)):
            if roles[i] is Role.LABEL and roles[i - 1] in (Role.ANCHOR, Role.LABEL):
                self.wraps[blocks[i]] = self.wraps.get(blocks[i], 0) + 1
        self.heads: dict[int, Token] = {}  # col -> the last part of the last row's value there
        self.tail = -1  # the last line that added values to the last row
        self.tight = False  # whether the last row's cells are too narrow: numbers a blank apart, or wrapped

    def assemble(self) -> list[Row]:
        steps = {
            Role.FURNITURE: self.furniture,
            Role.LABEL: self.label,
            Role.ANCHOR: self.anchor,
            Role.HEADER: self.header,
        }
        for i, role in enumerate(self.roles):
            if role in steps:
                steps[role](i)
        self.flush(self.blocks[-1] if self.blocks else 0)
        for row in self.rows:
            for col, (line, text) in row.cells.items():
                if col < self.nlab and not row.header:
                    row.cells[col] = (line, marker_first(text))
        return self.rows

    def label_col(self, start: int) -> int:
        return label_col(start, self.starts, self.tol)

    def flush(self, block: int) -> None:
        """The waiting label lines as rows of their own: a line with an item number starts
        the next one (`3.…`, `4.…`, `5.…` with no values are three blank rows, not one)."""
        row: Row | None = None
        for p in self.pending:
            if row is None or has_item(self.toks[p]):
                row = Row(block, p)
                self.rows.append(row)
            for t in self.toks[p]:
                row.add(self.label_col(t.start), p, t.text)
        self.pending.clear()

    def continues(self, i: int, labels: Sequence[Token], values: Sequence[Token]) -> bool:
        """A line that goes on with the row right above it: its label is no item of its own and
        its numbers fill the columns right of the row's (pdftotext prints a cell's number on
        the first line of a wrapped label, the other cells' on the second: `…公开申  167` /
        `请数量  4 0 0 0 1 172`). Joined to that row."""
        last = self.last
        if last is None or last.header or self.pending or last.last != i - 1 or has_item(labels):
            return False
        if self.roles[i - 1] is not Role.ANCHOR or not values:
            return False
        taken = [c for c in last.cells if c >= self.nlab]
        cols = [self.value_col[t] for t in values]
        if not taken or min(cols) <= max(taken):
            return False
        for t in labels:
            last.add(self.label_col(t.start), i, t.text)
        for t, c in zip(values, cols, strict=True):
            last.add(c, i, t.text)
        return True

    def carry_over(self) -> bool:
        """Waiting label lines that start a page and are no part of the next row: the rest of
        the label of the row before the page break (a label printed down its cell). Joined to it."""
        last, first = self.last, self.pending[0] if self.pending else -1
        if last is None or last.header or not (0 <= first < len(self.pages) and self.pages[first]):
            return False
        if any(has_item(self.toks[p]) for p in self.pending):  # an item number starts a row
            return False
        for p in self.pending:
            for t in self.toks[p]:
                last.add(self.label_col(t.start), p, t.text)
        self.pending.clear()
        return True

    def furniture(self, i: int) -> None:
        self.flush(self.blocks[i])
        self.last = None

    def label(self, i: int) -> None:
        roles, toks = self.roles, self.toks
        page = i < len(self.pages) and self.pages[i] and self.last is not None and not self.last.header
        blank_above = i == 0 or roles[i - 1] is Role.BLANK or page
        below = roles[i + 1] if i + 1 < len(roles) else Role.BLANK
        bare_below = below is Role.ANCHOR and toks[i + 1][0].number
        if self.pending or self.last is None or blank_above or bare_below or has_item(toks[i]):
            self.pending.append(i)
        elif not self.last.header and below is Role.HEADER and len(toks[i + 1]) > 1:
            self.pending.append(i)  # after data, over a header row: the next block's caption
        elif self.own_row(i):
            self.last = Row(self.blocks[i], i)
            self.last.add(self.label_col(toks[i][0].start), i, toks[i][0].text)
            self.rows.append(self.last)
            self.heads, self.tail, self.tight = {}, i, False
        else:
            for t in toks[i]:
                self.last.add(self.label_col(t.start), i, t.text)

    def own_row(self, i: int) -> bool:
        """In a table of one label column, a block's one lone label right below a one-line row
        (no other label of the block wraps), starting where that row's only label does
        (not indented like a wrap), when that label leaves room for two more characters before
        the widest label of its column on a line with numbers: no wrap (a wrap's first line
        fills its column), a blank row of its own (`行政处罚  0 0 0` over a bare `行政强制`)."""
        last, line = self.last, self.toks[i]
        if self.nlab != 1 or self.wraps.get(self.blocks[i], 0) != 1:  # labels in one column, no other wrap
            return False
        if last is None or last.header or last.line != i - 1 or last.last != i - 1 or len(line) != 1:
            return False
        above = self.toks[i - 1]
        heads = split_anchor(above)[0] if self.roles[i - 1] is Role.ANCHOR else list(above)
        labels = [c for c in last.cells if c < self.nlab]
        if len(heads) != 1 or len(labels) != 1 or line[0].start != heads[0].start:
            return False
        head = heads[0]
        if labels[0] != self.label_col(head.start) or not head.text:
            return False
        room = self.edge.get(labels[0], 0) - head.end
        return room * len(head.text) >= 2 * (head.end - head.start)

    def wrapped(self, i: int, labels: Sequence[Token], values: Sequence[Token]) -> bool:
        """A line of numbers only, each within a column of a part of the row's number in its
        column that is two digits at least and as wide as the column's widest: the rest of those
        numbers, wrapped inside their narrow cells (`16` over `7`). Joined to them when the line
        is right below the row's last line and shows fewer numbers, or the row's cells are too
        narrow for its numbers (they stand a single blank apart, or wrapped already); with label
        lines between (the row's label going on down its cell), when both hold."""
        last = self.last
        if labels or last is None or last.header:
            return False
        fewer = len(values) < len(self.heads)
        below = self.tail == i - 1 and (fewer or self.tight)
        if not below and not (
            self.tight and fewer and all(self.roles[j] is Role.LABEL for j in range(self.tail + 1, i))
        ):
            return False
        cols = [self.value_col[t] for t in values]
        for t, c in zip(values, cols, strict=True):
            head = self.heads.get(c)
            if head is None or len(head.text) < 2 or head.end - head.start < self.widest[head]:
                return False
            if t.start < head.start - 1 or t.end > head.end + 1:  # centred or flush under it
                return False
        for p in self.pending:  # the row's label, printed down its cell
            for t in self.toks[p]:
                last.add(self.label_col(t.start), p, t.text)
        self.pending.clear()
        for t, c in zip(values, cols, strict=True):
            last.add(c, i, t.text)
        self.heads = dict(zip(cols, values, strict=True))
        self.tail, self.tight = i, True  # a row that wrapped has cells too narrow for its numbers
        return True

    def anchor(self, i: int) -> None:
        cols, nlab = self.columns[self.blocks[i]], self.nlab
        labels, values = split_anchor(self.toks[i])
        if self.wrapped(i, labels, values):
            return
        self.heads, self.tail, self.tight = {}, i, False
        if self.continues(i, labels, values):
            return
        row = Row(self.blocks[i], i)
        for t in labels:  # a text cell over a value column (`无`, `—`) is a value
            hit = [k for k, c in enumerate(cols) if t.start < c.hi and t.end > c.lo and t.start >= cols[0].lo]
            row.add(nlab + hit[0] if hit else self.label_col(t.start), i, t.text)
        for t in values:
            row.add(self.value_col[t], i, t.text)
        self.heads = {self.value_col[t]: t for t in values}
        self.tight = any(b.start - a.end == 1 for a, b in zip(values, values[1:], strict=False))
        own = {c: txt for c, (_, txt) in row.cells.items() if c < nlab}
        waiting = {self.label_col(t.start) for p in self.pending for t in self.toks[p]}
        if any(b <= w for b in own for w in waiting) and self.carry_over():
            pass  # the row has a label of its own: lines over it after a page break end the row before
        elif max(waiting, default=-1) not in own or starts_item(own[max(waiting)]):
            if any(b < w or b == w and starts_item(own[b]) for b in own for w in waiting):
                self.flush(self.blocks[i])
        for p in reversed(self.pending):
            for t in reversed(self.toks[p]):
                row.add(self.label_col(t.start), p, t.text, before=True)
        self.pending.clear()
        self.rows.append(row)
        self.last = row

    def header(self, i: int) -> None:
        if len(self.toks[i]) > 1 or not self.carry_over():  # over a header row: its caption
            self.flush(self.blocks[i])
        cols, last = self.columns[self.blocks[i]], self.last
        row = Row(self.blocks[i], i, header=True)
        for t in self.toks[i]:
            if self.nlab and t.centre2 < 2 * cols[0].lo:  # over the label columns
                col = self.label_col(t.start)
                above = [c for c, s in last.spans.items() if c <= col < c + s] if last and last.header else []
                if last and above and last.last == i - 1:  # the corner cell wraps
                    last.add(above[0], i, t.text)
                    continue
                span = max(1, sum(1 for s in self.starts[col:] if s < t.end))
            else:
                first, span = header_cols(t, cols)
                words = pieces(t, wide=self.wide) if span > 1 else []
                at = [header_cols(w, cols) for w in words]
                free = all(self.nlab + k not in row.cells and not row.covers(self.nlab + k) for k, _ in at)
                if words and free and all(n == 1 for _, n in at) and len({k for k, _ in at}) == len(words):
                    for w, (k, _) in zip(words, at, strict=True):  # words of narrow columns, one each
                        row.add(self.nlab + k, i, w.text)
                        row.spans[self.nlab + k] = 1
                    continue
                col = self.nlab + first
            while col in row.cells or row.covers(col):
                col += 1
            row.add(col, i, t.text)
            row.spans[col] = span
        if row.cells:
            self.rows.append(row)
            self.last = row

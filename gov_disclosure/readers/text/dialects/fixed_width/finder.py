"""One region read under one column measure: the stages of `grid` and `headers` in order,
every intermediate kept (`FixedWidthFinder`), and the score that chooses the measure."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate

from gov_disclosure.readers.text.dialects.base import Piece, Reading
from gov_disclosure.readers.text.dialects.fixed_width.assembler import Row, RowAssembler
from gov_disclosure.readers.text.dialects.fixed_width.grid import (
    NAME,
    Role,
    Token,
    ValueColumn,
    block_ids,
    cluster_columns,
    label_columns,
    line_roles,
    split_anchor,
    split_labels,
    tokens,
    unlabelled_headers,
)
from gov_disclosure.readers.text.dialects.fixed_width.headers import header_columns, packed, split_values
from gov_disclosure.readers.text.lines import Layout
from gov_disclosure.readers.text.settings import FixedWidthSettings

SPLIT_ROUNDS = 3
"""Times numbers are parted from labels: the columns the parted numbers widen may reach the
number of another label (pdftotext moves a cell by a column now and then)."""

_TEXT = (Role.HEADER, Role.LABEL)


def regularity(columns: dict[int, list[ValueColumn]], headers: dict[int, list[Token]], penalty: int = 3) -> float:
    """Irregularity of a reading (lower is better): how far value cells stray from their
    column's alignment, how far header cells over the values sit from any column (the header's
    own empty columns included: a blank column is no stray header), and the count of columns
    with values."""
    score = 0.0
    for b, cols in columns.items():
        score += sum(c.spread() + penalty for c in cols if c.tokens)
        if not cols:
            continue
        los = [c.lo for c in cols]  # sorted: the furthest reach of the columns left of a cell's end, the next one
        reach = list(accumulate((c.hi for c in cols), max))
        for t in headers.get(b, []):
            if t.centre2 >= 2 * los[0]:
                k = bisect_left(los, t.end)
                right = los[k] - t.end if k < len(los) else math.inf
                score += min(max(0, t.start - reach[k - 1]), right)
    return score


class FixedWidthFinder:
    """One reading of a region under one column measure, keeping every stage's result
    (`tokens`, `roles`, `blocks`, `columns`, `label_starts`, `score`, and `rows` once asked)
    for debugging. The score is known before any row is assembled, so the measure can be
    chosen first and rows assembled under the chosen one only. `toks`: the region's tokens
    under this measure, when already measured (`both_measures`)."""

    def __init__(
        self,
        layout: Sequence[Layout],
        *,
        wide: bool,
        settings: FixedWidthSettings,
        toks: list[list[Token]] | None = None,
    ) -> None:
        self.wide = wide
        self.settings = settings
        self.furniture = [lay.page_mark for lay in layout]
        self.pages = [lay.line.startswith("\f") and i > 0 for i, lay in enumerate(layout)]  # lines that start a page
        self.breaks = list(self.pages)  # those that start a block
        self.tokens = tokens(layout, wide=wide) if toks is None else toks
        self.stage()
        for _ in range(SPLIT_ROUNDS):  # a number parted from its label: the lines' roles change
            spans = {b: self.columns[b] + self.header_spans(b) for b in self.columns}
            split = split_values(self.tokens, [spans[b] for b in self.blocks], wide=wide)
            if split == self.tokens:
                break
            self.tokens = split
            self.stage()
        self.score = regularity(self.headed(), self.headers, settings.column_penalty) if self.filled else float("inf")
        self.unplaceable: set[int] = set()  # blocks whose header shows columns the values do not fit
        self.placed = False
        self.drifted: set[int] = set()  # later blocks whose columns do not line up with the first's

    def place(self) -> FixedWidthFinder:
        """The header's empty columns added and the unplaceable blocks found (once; only the
        measure chosen needs it), then a block of headers only given its neighbour's columns."""
        if self.placed:
            return self
        self.placed = True
        self.header_columns()
        unsure = self.continued(whole=True)
        if unsure:  # a page whose columns cannot be matched one to one: read with its table's
            self.breaks = [b and i not in unsure for i, b in enumerate(self.breaks)]
            self.stage()
            self.header_columns()
        for b in self.columns:  # a block of headers only borrows the next (else last) block's columns
            if not self.columns[b] and self.filled:
                self.columns[b] = self.columns[next((c for c in self.filled if c > b), self.filled[-1])]
        self.drifted = self._drifted()
        return self

    def header_spans(self, block: int) -> list[ValueColumn]:
        """A block's header cells right of where labels start, as columns a value a single blank
        after its label may stand in besides the block's value columns (`行政事业性收费 12.6`
        under `本年收费金额`, a label column padded to its widest label; or under a column no
        other line fills)."""
        left = min(self.label_starts, default=0)
        return [ValueColumn(t.start, t.end, ()) for t in self.headers[block] if t.start > left]

    def header_lines(self) -> dict[int, list[list[Token]]]:
        """Each filled block's header lines."""
        out: dict[int, list[list[Token]]] = {b: [] for b in self.filled}
        for ts, r, k in zip(self.tokens, self.roles, self.blocks, strict=True):
            if r is Role.HEADER and k in out:
                out[k].append(ts)
        return out

    def headed(self) -> dict[int, list[ValueColumn]]:
        """Each block's columns with the header's empty ones, where its values can be placed
        (what the score measures headers against; `place` keeps them)."""
        lines = self.header_lines()
        out = dict(self.columns)
        crammed = self.crammed()
        for b in self.filled:
            cols, placeable = header_columns(
                self.columns[b], lines[b], wide=self.wide, labelled=bool(self.label_starts)
            )
            if placeable and not packed(cols) and b not in crammed:
                out[b] = cols
        return out

    def header_columns(self) -> None:
        """The header's empty columns added to each block's, and the unplaceable blocks found."""
        header_lines = self.header_lines()
        self.unplaceable = set()
        crammed = self.crammed()
        for b in self.filled:
            if b in crammed:  # its header's columns unknown: no empty ones added
                self.unplaceable.add(b)
                continue
            self.columns[b], placeable = header_columns(
                self.columns[b], header_lines[b], wide=self.wide, labelled=bool(self.label_starts)
            )
            if not placeable or packed(self.columns[b]):
                self.unplaceable.add(b)

    def crammed(self) -> set[int]:
        """The blocks read without labels (`unlabelled_headers`) whose text lines have words a
        single blank apart: squeezed into their cells, they do not show where the columns are,
        and the blank first columns cannot be told from the printed ones."""
        return {
            b
            for ts, r, b in zip(self.tokens, self.roles, self.blocks, strict=True)
            if b in self.unlabelled and r in _TEXT and any(len(t.text.split()) > 1 for t in ts)
        }

    def _drifted(self) -> set[int]:
        """Later blocks aligned with the first, whose header shows columns its values leave
        blank: a block each of whose columns overlaps exactly one of the first block's printed
        columns takes the first block's columns (its values keep their column, the blank ones
        stay blank); any other block drifted, and is returned: its values cannot be placed by
        position (it would put them in the blank columns)."""
        if not self.filled:
            return set()
        ref = self.columns[self.filled[0]]
        if all(c.tokens for c in ref):
            return set()
        out: set[int] = set()
        for b in self.filled[1:]:
            hits = [[k for k, r in enumerate(ref) if c.lo < r.hi and c.hi > r.lo] for c in self.columns[b]]
            if any(len(h) != 1 or not ref[h[0]].tokens for h in hits) or len({h[0] for h in hits}) != len(hits):
                out.add(b)
                continue
            own = {h[0]: c.tokens for h, c in zip(hits, self.columns[b], strict=True)}
            self.columns[b] = [ValueColumn(r.lo, r.hi, own.get(k, ())) for k, r in enumerate(ref)]
        return out

    def stage(self) -> None:
        """Roles, blocks, value columns, header cells and label columns of the tokens."""
        self.roles = line_roles(self.tokens, self.furniture, self.pages)
        self.blocks = block_ids(self.roles, self.breaks)
        roles = unlabelled_headers(self.tokens, self.roles, self.blocks)
        self.unlabelled = {b for r, h, b in zip(self.roles, roles, self.blocks, strict=True) if r is not h}
        self.roles = roles
        self.measure()
        joined = self.continued()
        if joined:  # a page that cannot be read by its own columns is read by its table's
            self.breaks = [b and i not in joined for i, b in enumerate(self.breaks)]
            self.blocks = block_ids(self.roles, self.breaks)
            self.measure()
        parted = split_labels(self.tokens, self.label_starts, self.settings.label_tolerance, wide=self.wide)
        if parted != self.tokens:
            self.tokens = parted
            self.measure()

    def continued(self, *, whole: bool = False) -> set[int]:
        """The page breaks (form feeds) that do not start a block of their own. pdftotext lays
        each page out anew, so a table's columns may drift at a break: a page without a header
        of its own keeps its own columns when they are as many as the block it goes on (and,
        once the header's columns are known, `whole`, every column of that block is printed,
        so the two match one to one); any other page is read with the block before it, unless
        (`whole`) one of its columns stands under none of that block's: it drifted."""
        out: set[int] = set()
        headed = {k for r, k in zip(self.roles, self.blocks, strict=True) if r is Role.HEADER}
        for i, brk in enumerate(self.breaks):
            if not brk or i == 0 or self.blocks[i] == self.blocks[i - 1]:
                continue
            b = self.blocks[i]
            if b in headed:
                continue
            ref, own = self.columns[b - 1], self.columns[b]  # the page before ends the table's block
            if whole and ref and any(not any(c.lo < r.hi and c.hi > r.lo for r in ref) for c in own):
                continue  # a column under none of the table's, header columns included: drifted
            if len(own) != len(ref) or not ref or whole and not all(c.tokens for c in ref):
                out.add(i)
            elif all(c.lo < r.hi and c.hi > r.lo for c, r in zip(own, ref, strict=True)):
                out.add(i)  # no drift: one block reads the same
        return out

    def measure(self) -> None:
        """Value columns, header cells and label columns of the blocks."""
        values: dict[int, list[Token]] = {b: [] for b in self.blocks}
        self.headers: dict[int, list[Token]] = {b: [] for b in self.blocks}
        labels: list[int] = []
        sides: list[list[int]] = []  # the label starts of lines with several
        for ts, role, b in zip(self.tokens, self.roles, self.blocks, strict=True):
            lab, val = split_anchor(ts) if role is Role.ANCHOR else (ts if role is Role.LABEL else [], [])
            values[b] += val
            self.headers[b] += ts if role is Role.HEADER else []
            labels += [t.start for t in lab]
            if len(lab) > 1:
                sides.append([t.start for t in lab])
        self.columns = {b: cluster_columns(v, self.settings.join_tolerance) for b, v in values.items()}
        self.filled = [b for b in sorted(self.columns) if self.columns[b]]
        self.label_starts = label_columns(labels, self.settings.label_tolerance, sides)

    @cached_property
    def rows(self) -> list[Row]:
        self.place()
        if not self.filled:
            return []
        assembler = RowAssembler(
            self.tokens,
            self.roles,
            self.blocks,
            self.columns,
            self.label_starts,
            self.settings.label_tolerance,
            wide=self.wide,
            pages=self.pages,
        )
        return assembler.assemble()

    def parts(self) -> list[tuple[int, int]]:
        """The region's line ranges, `[start, end)`, each unplaceable block one of its own
        (read as a stream), the lines around it the others."""
        self.place()
        cuts = {0, len(self.blocks)}
        for b in self.unplaceable:
            lines = [i for i, k in enumerate(self.blocks) if k == b]
            cuts |= {lines[0], lines[-1] + 1}
        edges = sorted(cuts)
        return list(zip(edges, edges[1:], strict=False))

    def reading(self, first_line: int) -> Reading | None:
        """The grid: every row as wide as its block, blanks as empty cells at their column; a
        region of unplaceable blocks only is a stream of its printed cells (`dropped_empty`)."""
        if len(self.rows) < 2:
            return None
        if self.drifted or all(b in self.unplaceable for b in self.filled):
            stream = [
                tuple(Piece(t, first_line + ln, c, 1) for c, (ln, t) in sorted(r.cells.items())) for r in self.rows
            ]
            return Reading(NAME, first_line, tuple(stream), dropped_empty=True)
        nlab = len(self.label_starts)
        out: list[tuple[Piece, ...]] = []
        for row in self.rows:
            width = max(nlab + len(self.columns[row.block]), max(row.cells, default=0) + 1)
            cells: list[Piece] = []
            c = 0
            while c < width:
                line, text = row.cells.get(c, (row.line, ""))
                span = row.spans.get(c, 1)
                cells.append(Piece(text, first_line + line, c, span))
                c += span
            out.append(tuple(cells))
        return Reading(NAME, first_line, tuple(out))

"""The DOCX body walker: `w:body` (and cell and text box content) into positioned blocks.

- paragraphs: text of the runs (`w:tab` -> space, `w:br` -> newline), tracked insertions kept and
  deletions dropped, content controls, hyperlinks and field results included, hidden runs dropped;
  the list number from `readers.docx.lists` is prefixed when the text does not already start with
  an enumeration marker (`numbering.match_marker`); text boxes become paragraphs after their host
  (one `mc:AlternateContent` branch only);
- tables: `w:gridSpan`, `w:vMerge`, `w:hMerge` and `w:gridBefore` resolved into merged cells and
  laid out by `grid.fill` on a grid at least as wide as `w:tblGrid`; a cell's paragraphs are
  joined by newlines; nested tables are flattened into their cell (one line per row).

Blank paragraphs are dropped. Paragraph positions are empty (DOCX has no lines); a cell's
position is its table's 0-based index and its grid row and column.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from lxml import etree

from gov_disclosure.blocks import Block, Cell, Paragraph, Position, Table
from gov_disclosure.errors import InputFormatError
from gov_disclosure.grid import Placed, fill
from gov_disclosure.numbering import match_marker
from gov_disclosure.readers.docx.lists import ListNumbering

MAX_NESTING = 64  # cells and text boxes inside each other
MAX_COLUMNS = 1_000  # Word itself allows 63
MAX_CELLS = 200_000  # grid slots in the whole document (a report has a few hundred)

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OFF = ("0", "false", "off")
_UNWRAP = frozenset({"sdtContent", "customXml", "ins", "moveTo", "smartTag"})
_INLINE = frozenset({"r", "hyperlink", "fldSimple", "bdo", "dir", "ruby", "rubyBase"})


@attrs.define
class _MergedCell:
    """A cell while its table is being read: top-left slot, spans grown by the merge marks
    that follow, text pieces (its own, then any text found in the cells merged into it)."""

    row: int
    col: int
    colspan: int
    texts: list[str]
    rowspan: int = 1

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


class DocxBodyWalker:
    """Turns `w:body` (and cell and text box content) into blocks, numbering tables in order."""

    def __init__(self, ns: str, numbering: ListNumbering, path: str | None) -> None:
        self.w, self.numbering, self.path = f"{{{ns}}}", numbering, path
        self.tables = 0
        self.slots = 0  # grid slots laid out so far, and the area of the finished grids
        self.area = 0
        self.names: dict[str, str] = {}

    def local(self, el: etree._Element) -> str:
        """`p` for w:p, `mc:Choice` for markup compatibility, "" for anything else."""
        tag = el.tag
        name = self.names.get(tag)
        if name is None:
            name = (
                ""
                if not isinstance(tag, str)
                else (
                    tag[len(self.w) :]
                    if tag.startswith(self.w)
                    else "mc:" + tag[len(_MC) :]
                    if tag.startswith(_MC)
                    else ""
                )
            )
            self.names[tag] = name
        return name

    def val(self, parent: etree._Element | None, name: str) -> str | None:
        """`w:val` of child `name` of `parent`; "" if the child has no value, None if absent."""
        child = None if parent is None else parent.find(self.w + name)
        return None if child is None else child.get(self.w + "val", "")

    def children(self, parent: etree._Element) -> Iterator[etree._Element]:
        """Children with wrappers opened (content controls, custom XML, tracked insertions,
        one `mc:AlternateContent` branch). Tracked deletions (`w:del`, `w:moveFrom`) are never
        opened, and their `w:delText` is never read."""
        for child in parent:
            name = self.local(child)
            if name == "sdt":
                content = child.find(self.w + "sdtContent")
                if content is not None:
                    yield from self.children(content)
            elif name in _UNWRAP:
                yield from self.children(child)
            elif name == "mc:AlternateContent":
                branch = self.branch(child)
                if branch is not None:
                    yield from self.children(branch)
            else:
                yield child

    def branch(self, alt: etree._Element) -> etree._Element | None:
        """The first `mc:Choice`/`mc:Fallback` holding text, else the first one."""
        branches = [c for c in alt if self.local(c) in ("mc:Choice", "mc:Fallback")]
        for b in branches:
            if next(b.iter(self.w + "t"), None) is not None:
                return b
        return branches[0] if branches else None

    def content(self, parent: etree._Element, depth: int, *, flat: bool) -> list[Block]:
        """Blocks of a body, cell or text box in order; with `flat`, tables become lines."""
        if depth > MAX_NESTING:
            raise InputFormatError(f"tables or text boxes nested more than {MAX_NESTING} levels deep", path=self.path)
        out: list[Block] = []
        for child in self.children(parent):
            name = self.local(child)
            if name == "p":
                out.extend(self.paragraph(child, depth, flat=flat))
            elif name == "tbl":
                out.extend(self.table(child, depth, flat=flat))
        return out

    def paragraph(self, p: etree._Element, depth: int, *, flat: bool) -> list[Block]:
        """The paragraph (if not blank) followed by the content of its text boxes."""
        parts: list[str] = []
        boxes: list[etree._Element] = []
        self.inline(p, parts, boxes)
        text = "".join(parts)
        ppr = p.find(self.w + "pPr")
        mark_deleted = ppr is not None and ppr.find(f"{self.w}rPr/{self.w}del") is not None
        if ppr is not None and not (mark_deleted and not text.strip()):
            style = self.val(ppr, "pStyle")
            label = self.numbering.label(ppr.find(self.w + "numPr"), style)
            if label and match_marker(text) is None:
                text = label + text
        out: list[Block] = [Paragraph(text)] if text.strip() else []
        for box in boxes:
            out.extend(self.content(box, depth + 1, flat=flat))
        return out

    def inline(self, parent: etree._Element, parts: list[str], boxes: list[etree._Element]) -> None:
        """Collect the visible text under `parent` into `parts`, text boxes into `boxes`."""
        for child in self.children(parent):
            name = self.local(child)
            if name == "t":
                parts.append(child.text or "")
            elif name in ("tab", "ptab"):
                parts.append(" ")
            elif name in ("br", "cr"):
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name in ("drawing", "pict", "object"):
                boxes.extend(self.text_boxes(child))
            elif name in _INLINE:
                vanish = self.val(child.find(self.w + "rPr"), "vanish")
                if vanish is None or vanish in _OFF:
                    self.inline(child, parts, boxes)

    def text_boxes(self, el: etree._Element) -> list[etree._Element]:
        """The outermost `w:txbxContent` under a drawing, in order (one branch of each
        `mc:AlternateContent`, so a DrawingML box and its VML fallback count once)."""
        found: list[etree._Element] = []
        stack = [el]
        while stack:
            node = stack.pop()
            name = self.local(node)
            if name == "txbxContent":
                found.append(node)
            elif name == "mc:AlternateContent":
                branch = self.branch(node)
                stack.extend([] if branch is None else [branch])
            else:
                stack.extend(list(node)[::-1])
        return found

    def table(self, tbl: etree._Element, depth: int, *, flat: bool) -> list[Block]:
        """A `w:tbl` as a Table (or, with `flat`, one paragraph per row)."""
        w = self.w
        grid = tbl.find(w + "tblGrid")
        width = 0 if grid is None else len(grid.findall(w + "gridCol"))
        merged: list[_MergedCell] = []  # in the order they start: row by row, left to right
        nrows = 0
        above: dict[int, _MergedCell] = {}  # grid column -> the cell covering it in the row above
        for tr in self.children(tbl):
            if self.local(tr) != "tr" or tr.find(f"{w}trPr/{w}del") is not None:
                continue
            r, nrows = nrows, nrows + 1
            here: dict[int, _MergedCell] = {}
            col = self.count(self.val(tr.find(w + "trPr"), "gridBefore"))
            last: _MergedCell | None = None
            for tc in self.children(tr):
                if self.local(tc) != "tc":
                    continue
                tcpr = tc.find(w + "tcPr")
                span = max(1, self.count(self.val(tcpr, "gridSpan")))
                vmerge, hmerge = self.val(tcpr, "vMerge"), self.val(tcpr, "hMerge")
                text = "\n".join(b.text for b in self.content(tc, depth + 1, flat=True) if isinstance(b, Paragraph))
                cell = above.get(col)
                if hmerge not in (None, "restart") and last is not None and last.row == r:
                    cell = last
                    cell.colspan += span
                elif vmerge not in (None, "restart") and cell is not None and cell.col == col:
                    cell.rowspan = r - cell.row + 1
                else:
                    cell, text = _MergedCell(r, col, span, [text] if text else []), ""
                    merged.append(cell)
                if text.strip():
                    cell.texts.append(text)
                self.slots += span
                if col + span > MAX_COLUMNS or self.slots > MAX_CELLS:
                    raise self._too_large()
                here.update(dict.fromkeys(range(col, col + span), cell))
                col += span
                width = max(width, col)
                last = cell
            above = here
        if not nrows:
            return []
        self.area += nrows * width
        if width > MAX_COLUMNS or self.area > MAX_CELLS:
            raise self._too_large()
        if flat:
            lines: list[list[str]] = [[] for _ in range(nrows)]
            for m in merged:
                if m.text.strip():
                    lines[m.row].append(m.text.replace("\n", " "))
            return [Paragraph(" ".join(parts)) for parts in lines if parts]
        index, self.tables = self.tables, self.tables + 1
        placed = (Placed(m.row, m.col, Cell(m.text, Position(table=index), m.rowspan, m.colspan)) for m in merged)
        rows = fill(placed, [Position(table=index)] * nrows, width)
        return [Table(rows=rows, pos=Position(table=index), dialect="docx")]

    def _too_large(self) -> InputFormatError:
        return InputFormatError(
            f"a table is over {MAX_COLUMNS:,} columns wide or the tables have over {MAX_CELLS:,} cells", path=self.path
        )

    @staticmethod
    def count(value: str | None) -> int:
        """A non-negative `w:val` count (gridSpan, gridBefore); 0 if absent or malformed."""
        return int(value) if value is not None and value.isdigit() and len(value) < 7 else 0

"""DOCX reader: a Word or WPS `.docx` package into positioned blocks.

The zip is opened with every member's declared size and compression ratio checked before
anything is decompressed, and reads are bounded. XML is parsed by lxml with entities unresolved,
no DTD and no network; a DOCTYPE is refused. `w:body` is walked in order:

- paragraphs: text of the runs (`w:tab` -> space, `w:br` -> newline), tracked insertions kept and
  deletions dropped, content controls, hyperlinks and field results included, hidden runs dropped;
  the list number from `numbering.xml` is prefixed when the text does not already start with one;
  text boxes become paragraphs after their host (one `mc:AlternateContent` branch only);
- tables: `w:gridSpan`, `w:vMerge`, `w:hMerge` and `w:gridBefore` expanded into a grid at least as
  wide as `w:tblGrid`; a merged cell appears once at its top-left slot with its spans, the other
  slots it covers are empty cells. A cell's paragraphs are joined by newlines; nested tables are
  flattened into their cell (one line per row).

Blank paragraphs are dropped. Paragraph positions are empty (DOCX has no lines); a cell's
position is its table's 0-based index and its grid row and column.
"""

from __future__ import annotations

import io
import posixpath
import re
import shlex
import zipfile
import zlib
from collections.abc import Iterator

import attrs
from lxml import etree

from gov_disclosure.blocks import Block, Cell, Document, Paragraph, Position, Table
from gov_disclosure.errors import InputFormatError
from gov_disclosure.readers.docx_numbering import Numbering

MAX_PART_BYTES = 50 * 2**20  # one XML part, uncompressed
MAX_TOTAL_BYTES = 200 * 2**20  # all members, uncompressed, as declared
MAX_RATIO = 500  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 2 * 2**20
MAX_MEMBERS = 10_000
MAX_TAGS = 2_000_000  # start and end tags ("<") in one part, counted before parsing
MAX_NESTING = 64  # cells and text boxes inside each other
MAX_COLUMNS = 1_000  # Word itself allows 63
MAX_CELLS = 200_000  # grid slots in the whole document (a report has a few hundred)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_NS = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict Open XML
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
               RuntimeError, NotImplementedError, ValueError)
_NUM = r"(?:\d+|[一二三四五六七八九十百零〇]+|[A-Za-z]|[IVXivx]+)"
_NUMBERED = re.compile(
    rf"\s*(?:第[一二三四五六七八九十百零〇\d]+[章节条部分]|[（(〔［\[]\s*{_NUM}\s*[）)〕］\]]"
    rf"|{_NUM}\s*(?:[、,，:：)）]|[.．](?![0-9０-９]))|[①-⑳⑴-⒇⒈-⒛])"
)
_OFF = ("0", "false", "off")
_UNWRAP = frozenset({"sdtContent", "customXml", "ins", "moveTo", "smartTag"})
_INLINE = frozenset({"r", "hyperlink", "fldSimple", "bdo", "dir", "ruby", "rubyBase"})


def looks_like_docx(data: bytes) -> bool:
    """True for a zip archive holding a `word/` part (Word or WPS, transitional or strict)."""
    return data[:4] == b"PK\x03\x04" and b"word/" in data


def looks_like_legacy_office(data: bytes) -> bool:
    """True for an OLE2 compound file: legacy `.doc`/`.wps` (or a password-protected `.docx`)."""
    return data[:8] == OLE2_MAGIC


def read_docx(data: bytes, *, path: str | None = None) -> Document:
    """Read a `.docx` file into blocks; `path` only names the file in errors.

    Raises:
        InputFormatError: not a DOCX (legacy `.doc`/`.wps`, RTF, HTML, other zip), damaged,
            over a size limit, a zip bomb, a DOCTYPE in XML, or nested too deeply.
    """
    if looks_like_legacy_office(data):
        raise _legacy_error(data, path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as err:
        raise InputFormatError(f"not a DOCX file: not a zip archive ({err}){_hint(data)}",
                               path=path) from None
    with archive:
        pkg = _Package(archive, path)
        main = pkg.target("_rels/.rels", "/officeDocument") or ""
        main = main if main.lower() in pkg.members else "word/document.xml"
        root = pkg.xml(main)
        if root is None:
            raise InputFormatError(f"no {main} in the zip archive: not a Word document"
                                   f"{pkg.other_kind()}", path=path)
        ns = etree.QName(root).namespace or ""
        body = root.find(f"{{{ns}}}body")
        if ns not in _MAIN_NS or body is None:
            raise InputFormatError(f"{main} is not a WordprocessingML document body", path=path)
        rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        numbering = Numbering(
            pkg.xml(pkg.target(rels, "/numbering") or "word/numbering.xml"),
            pkg.xml(pkg.target(rels, "/styles") or "word/styles.xml"),
            ns,
        )
    try:
        blocks = _Walker(ns, numbering, path).content(body, 0, flat=False)
    except RecursionError:  # only when the caller is already deep: libxml2 caps depth at 256
        raise InputFormatError("document nested too deeply to read", path=path) from None
    return Document(blocks=tuple(blocks), format="docx", encoding=None)


def _legacy_error(data: bytes, path: str | None) -> InputFormatError:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return InputFormatError(
            "password-protected Office document: remove the password in Word or WPS "
            "and save it again as .docx", path=path)
    target = shlex.quote(path) if path else "FILE"
    return InputFormatError(
        "legacy binary Word/WPS document (.doc/.wps, OLE2), which is not read directly: "
        f"convert it to .docx first, e.g. `soffice --headless --convert-to docx {target}` "
        "(LibreOffice), or save it as .docx from Word or WPS", path=path)


def _hint(data: bytes) -> str:
    """A guess at what a non-zip input really is, for the error message."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        return "; it is an RTF file: convert it, e.g. `soffice --headless --convert-to docx FILE`"
    if head.startswith(b"%pdf"):
        return "; it is a PDF file: read it with the PDF reader"
    if b"<html" in head or b"mime-version" in head:
        return "; it looks like a web page saved as .doc: read it with the HTML reader"
    return ""


class _Package:
    """A zip archive opened for reading with every member checked before decompression."""

    def __init__(self, archive: zipfile.ZipFile, path: str | None) -> None:
        self.archive, self.path = archive, path
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self._error(f"zip archive has {len(infos):,} members (limit {MAX_MEMBERS:,})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise self._error(f"zip archive declares {total:,} bytes uncompressed (limit "
                              f"{MAX_TOTAL_BYTES:,}): refusing a possible zip bomb")
        self.members = {i.filename.replace("\\", "/").lstrip("/").lower(): i for i in infos}

    def _error(self, message: str) -> InputFormatError:
        return InputFormatError(message, path=self.path)

    def read(self, name: str) -> bytes | None:
        """The bytes of member `name` (None if absent), within the size and ratio limits."""
        info = self.members.get(name.lstrip("/").lower())
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise self._error(f"{name} declares {info.file_size:,} bytes uncompressed "
                              f"(limit {MAX_PART_BYTES:,}): refusing a possible zip bomb")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise self._error(f"{name} compresses {info.file_size:,} bytes into "
                              f"{info.compress_size:,}: refusing a possible zip bomb")
        if info.flag_bits & 0x1:
            raise self._error(f"{name} is encrypted")
        try:
            with self.archive.open(info) as member:
                raw = member.read(MAX_PART_BYTES + 1)
        except _ZIP_ERRORS as err:
            raise self._error(f"{name} is damaged ({err})") from None
        if len(raw) > MAX_PART_BYTES:
            raise self._error(f"{name} inflates past {MAX_PART_BYTES:,} bytes: zip bomb")
        return raw

    def xml(self, name: str) -> etree._Element | None:
        """Member `name` parsed safely; None if absent."""
        raw = self.read(name)
        if raw is None:
            return None
        for marker in ("<!DOCTYPE", "<!ENTITY"):
            if any(marker.encode(enc) in raw for enc in ("ascii", "utf-16-le", "utf-16-be")):
                raise self._error(f"{name} contains a DOCTYPE or entity declaration, which Word "
                                  "never writes: refused (possible XXE or entity bomb)")
        if raw.count(b"<") > MAX_TAGS:
            raise self._error(f"{name} has more than {MAX_TAGS:,} XML tags")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 dtd_validation=False, huge_tree=False)
        try:
            root = etree.fromstring(raw, parser)
        except (etree.LxmlError, ValueError) as err:
            raise self._error(f"{name} is not well-formed XML ({err})") from None
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise self._error(f"{name} has a DOCTYPE: refused")
        return root

    def other_kind(self) -> str:
        """What a zip without a Word document is, for the error message."""
        names = self.members
        if "xl/workbook.xml" in names:
            return " (it is an Excel workbook)"
        if "ppt/presentation.xml" in names:
            return " (it is a PowerPoint presentation)"
        if "content.xml" in names:
            return " (it is an OpenDocument file: convert it, e.g. `soffice --headless " \
                   "--convert-to docx FILE`)"
        return ""

    def target(self, rels: str, kind: str) -> str | None:
        """The part that relationship file `rels` names with a type ending in `kind`."""
        root = self.xml(rels)
        if root is None:
            return None
        base = posixpath.dirname(posixpath.dirname(rels))
        for rel in root.iter(_REL):
            target = rel.get("Target") or ""
            if (rel.get("Type") or "").endswith(kind) and rel.get("TargetMode") != "External":
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(base, target))
        return None


@attrs.define
class _Span:
    """A merged cell while its table is being expanded: top-left slot, spans, text pieces
    (its own, then any text found in the cells merged into it)."""

    row: int
    col: int
    colspan: int
    texts: list[str]
    rowspan: int = 1

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


class _Walker:
    """Turns `w:body` (and cell and text box content) into blocks, numbering tables in order."""

    def __init__(self, ns: str, numbering: Numbering, path: str | None) -> None:
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
            name = "" if not isinstance(tag, str) else (
                tag[len(self.w):] if tag.startswith(self.w)
                else "mc:" + tag[len(_MC):] if tag.startswith(_MC) else "")
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
            raise InputFormatError(f"tables or text boxes nested more than {MAX_NESTING} "
                                   "levels deep", path=self.path)
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
            if label and not _NUMBERED.match(text):
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
        owners: list[dict[int, _Span]] = []
        above: dict[int, _Span] = {}
        for tr in self.children(tbl):
            if self.local(tr) != "tr" or tr.find(f"{w}trPr/{w}del") is not None:
                continue
            r = len(owners)
            here: dict[int, _Span] = {}
            col = self.count(self.val(tr.find(w + "trPr"), "gridBefore"))
            last: _Span | None = None
            for tc in self.children(tr):
                if self.local(tc) != "tc":
                    continue
                tcpr = tc.find(w + "tcPr")
                span = max(1, self.count(self.val(tcpr, "gridSpan")))
                vmerge, hmerge = self.val(tcpr, "vMerge"), self.val(tcpr, "hMerge")
                text = "\n".join(b.text for b in self.content(tc, depth + 1, flat=True)
                                 if isinstance(b, Paragraph))
                cell = above.get(col)
                if hmerge not in (None, "restart") and last is not None and last.row == r:
                    cell = last
                    cell.colspan += span
                elif vmerge not in (None, "restart") and cell is not None and cell.col == col:
                    cell.rowspan = r - cell.row + 1
                else:
                    cell, text = _Span(r, col, span, [text] if text else []), ""
                if text.strip():
                    cell.texts.append(text)
                self.slots += span
                if col + span > MAX_COLUMNS or self.slots > MAX_CELLS:
                    raise InputFormatError(f"a table is over {MAX_COLUMNS:,} columns wide or the "
                                           f"tables have over {MAX_CELLS:,} cells", path=self.path)
                here.update(dict.fromkeys(range(col, col + span), cell))
                col += span
                last = cell
            owners.append(here)
            above = here
        if not owners:
            return []
        ncols = max([width, *(max(h) + 1 for h in owners if h)])
        self.area += len(owners) * ncols
        if ncols > MAX_COLUMNS or self.area > MAX_CELLS:
            raise InputFormatError(f"a table is over {MAX_COLUMNS:,} columns wide or the "
                                   f"tables have over {MAX_CELLS:,} cells", path=self.path)
        if flat:
            lines = (" ".join(s.text.replace("\n", " ") for c, s in sorted(h.items())
                              if s.row == r and s.col == c and s.text.strip())
                     for r, h in enumerate(owners))
            return [Paragraph(line) for line in lines if line]
        index, self.tables = self.tables, self.tables + 1
        rows = tuple(tuple(self.cell(h.get(c), index, r, c) for c in range(ncols))
                     for r, h in enumerate(owners))
        return [Table(rows=rows, pos=Position(table=index), dialect="docx")]

    @staticmethod
    def cell(span: _Span | None, table: int, row: int, col: int) -> Cell:
        """The cell at a grid slot: the merged cell at its top-left slot, else empty."""
        pos = Position(table=table, row=row, col=col)
        if span is None or (span.row, span.col) != (row, col):
            return Cell("", pos)
        return Cell(span.text, pos, rowspan=span.rowspan, colspan=span.colspan)

    @staticmethod
    def count(value: str | None) -> int:
        """A non-negative `w:val` count (gridSpan, gridBefore); 0 if absent or malformed."""
        return int(value) if value is not None and value.isdigit() and len(value) < 7 else 0

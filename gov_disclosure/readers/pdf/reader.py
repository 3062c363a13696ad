"""PDF reader (optional extra `pdf`, pdfplumber): a text-layer PDF into positioned blocks.

Install with `pip install "gov-disclosure[pdf]"`. Tables are found from ruling lines where a
page has them and from word alignment where it has none; tables continued over pages are
joined, page numbers and running headers removed. Every paragraph and cell keeps its 1-based
page and its bbox `(x0, top, x1, bottom)` in points from the top left of the page.

pdfplumber is touched only under `_guard` in `read_pdf`, `_read_pages` and `_page_objects`,
which turn its dict objects into the typed records of `readers.pdf.layout`; every stage after
that is a pure function over those records and lives in `layout` and `assembly`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import attrs

from gov_disclosure.blocks import Document
from gov_disclosure.errors import GovDisclosureError, InputFormatError, MissingExtraError
from gov_disclosure.readers.pdf.assembly import assemble
from gov_disclosure.readers.pdf.layout import (
    DrawnCell,
    DrawnTable,
    PageContent,
    PdfSettings,
    Word,
    closing_rules,
    group_lines,
    is_grid,
    outside,
    strip_furniture,
    trim_text_table,
)

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.pdf import PDF
    from pdfplumber.table import Table as PlumberTable

_INSTALL = 'pip install "gov-disclosure[pdf]"'
_LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def looks_like_pdf(data: bytes) -> bool:
    """True when the `%PDF-` magic occurs within the first 1 KB (as PDF readers accept it)."""
    return b"%PDF-" in data[:1024]


def read_pdf(data: bytes, *, path: str | None = None, settings: PdfSettings | None = None) -> Document:
    """Read a PDF with a text layer into a Document (format "pdf", tables of dialect "pdf").

    Raises:
        MissingExtraError: pdfplumber is not installed (the message names the extra).
        InputFormatError: not a PDF, damaged, encrypted, too large, or without a text layer.
    """
    try:
        import pdfplumber
    except ImportError as exc:
        raise MissingExtraError(f"reading a PDF needs the optional extra 'pdf': {_INSTALL}", path=path) from exc
    settings = settings or PdfSettings()
    if not looks_like_pdf(data):
        raise InputFormatError("is not a PDF (no %PDF- header in its first 1 KB)", path=path)
    with _guard(path):
        pdf = pdfplumber.open(io.BytesIO(data))
    try:
        pages = _read_pages(pdf, path, settings)
    finally:
        pdf.close()
    if not any(_has_text(p) for p in pages):
        raise InputFormatError(f"has {len(pages)} page(s) but no text layer (scanned?); OCR it first", path=path)
    pages = strip_furniture(pages, settings)
    if not any(_has_text(p) for p in pages):
        raise InputFormatError(
            "has no text layer beyond page numbers and running headers (scanned?); OCR it first",
            path=path,
        )
    return Document(blocks=assemble(pages, settings), format="pdf")


def _has_text(page: PageContent) -> bool:
    return any(line.text.strip() for line in page.lines) or any(
        cell.text.strip() for table in page.tables for cell in table.cells
    )


@contextmanager
def _guard(path: str | None, page: int | None = None) -> Iterator[None]:
    """Turn any pdfminer/pdfplumber failure into an InputFormatError naming the file.

    Only calls into pdfplumber run under it, so a bug in this package is never reported as
    a damaged PDF.
    """
    try:
        yield
    except GovDisclosureError:
        raise
    except Exception as exc:  # pdfminer raises anything at all on hostile input
        cause: BaseException = exc
        while cause.args and isinstance(cause.args[0], BaseException):
            cause = cause.args[0]  # pdfplumber wraps pdfminer's exception as its first arg
        name = type(cause).__name__
        where = f"page {page} " if page else ""
        if "password" in name.lower() or "encrypt" in name.lower():
            message = f"{where}cannot be read: the PDF is encrypted ({name}); decrypt it first"
        else:
            detail = str(cause)[:200]
            message = f"{where}cannot be read as a PDF (damaged or truncated?): {name}: {detail}"
        raise InputFormatError(message, path=path) from exc


@attrs.frozen
class _PageObjects:
    """What the boundary takes from one pdfplumber page, already typed."""

    width: float
    height: float
    words: tuple[Word, ...]
    tables: tuple[DrawnTable, ...]  # ruled tables that are real grids
    text_tables: tuple[DrawnTable, ...]  # word-alignment candidates, only when no ruled table


def _read_pages(pdf: PDF, path: str | None, settings: PdfSettings) -> tuple[PageContent, ...]:
    with _guard(path):
        count = len(pdf.pages)
    if count == 0:
        raise InputFormatError("is a PDF without pages", path=path)
    if count > settings.max_pages:
        raise InputFormatError(f"has {count} pages, more than the {settings.max_pages} a report may have", path=path)
    pages = []
    for number in range(1, count + 1):
        with _guard(path, number):
            page = pdf.pages[number - 1]
            found = _page_objects(page, number, path, settings)
            page.close()
        tables = list(found.tables)
        for candidate in found.text_tables:
            tables.extend(trim_text_table(candidate, found.words, settings))
        lines = group_lines(outside(found.words, [t.bbox for t in tables]), settings)
        pages.append(PageContent(number, found.width, found.height, lines, tuple(tables)))
    return tuple(pages)


def _page_objects(page: Page, number: int, path: str | None, settings: PdfSettings) -> _PageObjects:
    """The boundary: one pdfplumber page as typed words and drawn tables."""
    chars, edges = page.chars, page.edges
    for what, count, limit in (
        ("characters", len(chars), settings.max_chars_per_page),
        ("ruling lines", len(edges), settings.max_edges_per_page),
    ):
        if count > limit:
            raise InputFormatError(f"page {number} has {count} {what}, more than {limit}; refusing it", path=path)
    if _undecodable(chars):
        raise InputFormatError(
            f"page {number}: the text layer cannot be decoded (fonts without a Unicode map); OCR the PDF first",
            path=path,
        )
    width, height = float(page.width), float(page.height)
    visible = page.filter(_visible).dedupe_chars()
    found = visible.extract_words(return_chars=True)
    words = tuple(
        w
        for w in (_word(obj) for obj in found)
        if 0 <= (w.bbox[0] + w.bbox[2]) / 2 <= width and 0 <= (w.bbox[1] + w.bbox[3]) / 2 <= height
    )
    crossing = [obj for obj in found if _crosses(_box(obj), width, height)]
    rules = [(_box(e), e.get("orientation")) for e in visible.edges]
    added_h, added_v = closing_rules([b for b, o in rules if o == "h"], [b for b, o in rules if o == "v"], settings)
    lines = {
        **_LINES,
        "explicit_horizontal_lines": [_edge(b, "h") for b in added_h],
        "explicit_vertical_lines": [_edge(b, "v") for b in added_v],
    }
    chars = visible.chars
    sides = _PageEdges(width, height, _ink_beyond(chars, width, height))
    ruled = (
        _opened(_drawn(t, "lines", chars, crossing, sides, settings.rule_tolerance), added_h, settings)
        for t in visible.find_tables(lines)
    )
    tables = tuple(t for t in ruled if is_grid(t, settings))
    text_tables: tuple[DrawnTable, ...] = ()
    if not tables and words:
        text_tables = tuple(
            _drawn(t, "text", chars, [], sides, settings.rule_tolerance) for t in visible.find_tables(_TEXT)
        )
    return _PageObjects(width, height, words, tables, text_tables)


def _edge(box: tuple[float, float, float, float], orientation: str) -> dict[str, Any]:
    """A supplied rule in the form pdfplumber's table finder takes its explicit lines."""
    x0, top, x1, bottom = box
    return {
        "object_type": "supplied_edge",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _opened(table: DrawnTable, added: Sequence[tuple[float, float, float, float]], settings: PdfSettings) -> DrawnTable:
    """`table` marked open at its top or bottom where that rule was a supplied one."""
    tol = settings.rule_tolerance

    def supplied(y: float) -> bool:
        return any(abs(r[1] - y) <= tol and r[0] - tol <= table.bbox[0] and table.bbox[2] <= r[2] + tol for r in added)

    return attrs.evolve(table, open_top=supplied(table.bbox[1]), open_bottom=supplied(table.bbox[3]))


def _undecodable(chars: Sequence[dict[str, Any]]) -> bool:
    """Most characters came out as `(cid:N)`: the fonts carry no text, only glyph numbers."""
    cids = sum(1 for c in chars if str(c.get("text", "")).startswith("(cid:"))
    return cids > 0 and cids * 2 > len(chars)


def _box(obj: dict[str, Any]) -> tuple[float, float, float, float]:
    return (float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def _word(obj: dict[str, Any]) -> Word:
    return Word(str(obj["text"]), _box(obj))


def _crosses(box: tuple[float, float, float, float], width: float, height: float) -> bool:
    """True when a word's box runs across an edge of the page (part printed, part clipped)."""
    x0, top, x1, bottom = box
    return x0 < 0 < x1 or x0 < width < x1 or top < 0 < bottom or top < height < bottom


def _mid_in(char: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """pdfplumber's own test of a character in a cell: its centre in the half-open box."""
    x, y = (float(char["x0"]) + float(char["x1"])) / 2, (float(char["top"]) + float(char["bottom"])) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _pitch(chars: Sequence[dict[str, Any]]) -> float:
    """The distance between the tops of two consecutive lines of `chars` (the least one), or the
    tallest character's height when they make one line; 0 without characters."""
    glyph = max((float(c["bottom"]) - float(c["top"]) for c in chars), default=0.0)
    tops = sorted({float(c["top"]) for c in chars})
    steps = [b - a for a, b in zip(tops, tops[1:], strict=False) if b - a > glyph / 2]
    return min(steps, default=glyph)


def _char_key(char: dict[str, Any]) -> tuple[str, float, float]:
    return str(char["text"]), round(float(char["x0"]), 2), round(float(char["top"]), 2)


@attrs.frozen
class _PageEdges:
    """The page's size and the sides (left, top, right, bottom) past which it holds text."""

    width: float
    height: float
    beyond: tuple[bool, bool, bool, bool]


def _ink_beyond(chars: Sequence[dict[str, Any]], width: float, height: float) -> tuple[bool, bool, bool, bool]:
    """Per side of the page (left, top, right, bottom): whether some character runs past it, the
    sign of content placed off the page (a page laid out without margins has none)."""
    boxes = [_box(c) for c in chars if str(c.get("text", "")).strip()]
    return (
        any(b[0] < 0 for b in boxes),
        any(b[1] < 0 for b in boxes),
        any(b[2] > width for b in boxes),
        any(b[3] > height for b in boxes),
    )


def _at_edge(box: tuple[float, float, float, float], page: _PageEdges, tol: float) -> bool:
    """True when `box` reaches an edge of the page past which the page holds text: a table the
    page cut, not one in the margins nor one on a page laid out without margins."""
    left, top, right, bottom = page.beyond
    return (
        (left and box[0] <= tol)
        or (top and box[1] <= tol)
        or (right and box[2] >= page.width - tol)
        or (bottom and box[3] >= page.height - tol)
    )


def _clipped_centre(box: tuple[float, float, float, float], size: tuple[float, float]) -> tuple[float, float]:
    """The centre of the part of `box` that lies on the page."""
    x0, x1 = max(box[0], 0.0), min(box[2], size[0])
    top, bottom = max(box[1], 0.0), min(box[3], size[1])
    return (x0 + x1) / 2, (top + bottom) / 2


def _drawn(
    table: PlumberTable,
    strategy: str,
    chars: Sequence[dict[str, Any]],
    crossing: Sequence[dict[str, Any]],
    page: _PageEdges,
    tol: float,
) -> DrawnTable:
    """A pdfplumber table as drawn cells; slots covered by a merged cell (None) are skipped.

    A cell's characters are those whose centre lies in it (as pdfplumber extracts a table),
    plus every character of a word that runs across the page edge from inside that cell: an
    export that places a table partly off the page clips the painted ink at the page box, but
    the word is one run of text the cell holds, so it is kept whole rather than cut. Words wholly
    off the page are not kept: no drawn cell on the page says which column they belong to.
    A cell ruled up to an edge of the page (within `tol`) past which the page holds text, and
    that shows no text, is `cut`: it runs off the page, where what it holds cannot be seen.
    Each cell also keeps the box of its ink and its line pitch (`DrawnCell.ink`, `.pitch`).
    """
    from pdfplumber.utils.text import extract_text

    cells = []
    for row in table.rows:
        row_chars = [c for c in chars if _mid_in(c, row.bbox)]
        for bbox in row.cells:
            if bbox is None:
                continue
            box = (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3]))
            own = [c for c in row_chars if _mid_in(c, box)]
            for word in crossing:
                x, y = _clipped_centre(_box(word), (page.width, page.height))
                if box[0] <= x < box[2] and box[1] <= y < box[3]:
                    known = {_char_key(c) for c in own}
                    own.extend(c for c in word["chars"] if _char_key(c) not in known)
            text = extract_text(own) if own else ""
            ink = (
                (
                    min(float(c["x0"]) for c in own),
                    min(float(c["top"]) for c in own),
                    max(float(c["x1"]) for c in own),
                    max(float(c["bottom"]) for c in own),
                )
                if own
                else None
            )
            cut = not text.strip() and _at_edge(box, page, tol)
            cells.append(DrawnCell(text or "", box, ink, _pitch(own), cut))
    x0, top, x1, bottom = table.bbox
    box = (float(x0), float(top), float(x1), float(bottom))
    return DrawnTable(box, tuple(cells), strategy)


def _white(color: object) -> bool:
    if not isinstance(color, (tuple, list)) or not color:
        return False
    if not all(isinstance(v, (int, float)) for v in color):
        return False
    values = [float(v) for v in color]
    if len(values) == 4:  # CMYK
        return all(v <= 0.01 for v in values)
    return all(v >= 0.99 for v in values)


def _visible(obj: dict[str, Any]) -> bool:
    """False for drawing objects nobody sees: unstroked white fills, white or unpainted paths
    (word processors draw white boxes behind prose, which would read as one-column tables)."""
    if obj.get("object_type") not in ("rect", "curve", "line"):
        return True
    stroked = bool(obj.get("stroke")) and not _white(obj.get("stroking_color"))
    filled = bool(obj.get("fill")) and not _white(obj.get("non_stroking_color"))
    return stroked or filled

"""The page around an HTML report: furniture removal, layout tables, the body container.

Generic on purpose (readers know blocks, never templates): nothing here looks for a report
label. Every pass is iterative and linear in the number of elements, which is capped, so a
hostile page ends in an `InputFormatError` within seconds rather than a hang or a
RecursionError.

Layout tables: a table is *layout* when it is a single cell, when one of its cells holds more
than `LAYOUT_CELL_CHARS` characters, or when it contains another table with at least two rows
and two columns. The reader walks a layout table's cells like `<div>`s, so the report's real
tables inside it become Table blocks; any other table inside a data table is flattened into its
cell's text.
"""

from __future__ import annotations

import re

from lxml import etree

from gov_disclosure.errors import InputFormatError

MAX_DEPTH = 250
"""Deepest element nesting accepted (libxml2 itself stops at 256 without `huge_tree`)."""
MAX_ELEMENTS = 100_000
"""A report page has a few thousand elements; a big portal page a few tens of thousands."""
LAYOUT_CELL_CHARS = 300
"""A cell with more text than this is page layout, not a data cell (report cells hold < 100)."""
DOMINANCE = 0.8
"""Descend into a child holding at least this share of its parent's content score."""
TABLE_BONUS = 200
"""Content-score weight of one data table, in characters of text."""

_NOISE_TAGS = (
    "script", "style", "noscript", "nav", "footer", "button", "iframe", "frame", "frameset",
    "object", "embed", "select", "textarea", "input", "svg", "template", "head",
)  # fmt: skip
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3"})
_NOISE_HINT = re.compile(
    r"nav|menu|crumb|share|foot|copyright|sidebar|toolbar|banner|topbar|qrcode|erweima"
    r"|position|location|print|related",
    re.IGNORECASE,
)
_TITLE_HINT = re.compile(r"title|headline", re.IGNORECASE)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

Element = etree._Element


def source_line(el: Element) -> int | None:
    """The element's 1-based source line (lxml-stubs mistype `sourceline`)."""
    line: object = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else None


def table_rows(table: Element) -> list[list[Element]]:
    """The table's own `<tr>`s (not those of nested tables), grouped as HTML row groups:
    each `<thead>`/`<tbody>`/`<tfoot>`, and each run of `<tr>` directly in the table."""
    groups: list[list[Element]] = []
    loose: list[Element] = []
    for child in table:
        if child.tag == "tr":
            loose.append(child)
            continue
        if loose:
            groups.append(loose)
            loose = []
        if child.tag in ("thead", "tbody", "tfoot"):
            groups.append([tr for tr in child if tr.tag == "tr"])
    if loose:
        groups.append(loose)
    return groups


def row_cells(tr: Element) -> list[Element]:
    return [c for c in tr if c.tag in ("td", "th")]


def clean(root: Element) -> None:
    """Remove what a reader of the printed page never sees or never counts as the report.

    Scripts, styles, navigation, footers and frames go by tag (a `<header>` only outside
    `<article>`/`<main>`, where it is the site's, not the article's); `<form>` is unwrapped
    (ASP.NET pages wrap the whole page in one); hidden elements go by inline style; breadcrumbs,
    share bars and the like by a class/id hint, but only when small, table-free and not a table
    part (a content `<div id="printContent">` carries a hint too and must stay).

    Raises:
        InputFormatError: more than `MAX_ELEMENTS` elements or deeper than `MAX_DEPTH`.
    """
    etree.strip_elements(root, *_NOISE_TAGS, with_tail=False)
    etree.strip_tags(root, "form")
    for header in list(root.iter("header")):
        if next(header.iterancestors("article", "main"), None) is None:
            _drop(header)
    doomed: list[Element] = []
    for el in _preorder(root):
        if doomed and any(a is doomed[-1] for a in el.iterancestors()):
            continue  # inside an element already doomed (preorder: it is the last one)
        hint = f"{el.get('class', '')} {el.get('id', '')}"
        if _HIDDEN.search(el.get("style", "")) or (
            el.tag not in _TABLE_PARTS
            and _NOISE_HINT.search(hint)
            and el.find(".//table") is None
            and sum(len("".join(str(s).split())) for s in el.itertext()) < LAYOUT_CELL_CHARS
        ):
            doomed.append(el)
    for el in doomed:
        _drop(el)


def _preorder(root: Element) -> list[Element]:
    """Elements in document order, iteratively; refuses hostile sizes and depths."""
    out: list[Element] = []
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if depth > MAX_DEPTH:
            raise InputFormatError(f"elements nested deeper than {MAX_DEPTH}", line=source_line(el))
        out.append(el)
        if len(out) > MAX_ELEMENTS:
            raise InputFormatError(f"more than {MAX_ELEMENTS} elements", line=source_line(el))
        stack.extend((child, depth + 1) for child in reversed(el))
    return out


def _drop(el: Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _chars(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


class MeasuredPage:
    """Measurements of a cleaned tree, taken once bottom-up: per element the non-link and
    link characters and data tables below it, and which tables are layout tables."""

    def __init__(self, root: Element) -> None:
        self.root = root
        order = _preorder(root)
        self.text: dict[Element, int] = {}
        self.link: dict[Element, int] = {}
        self.tables: dict[Element, int] = {}
        self.layout: set[Element] = set()
        in_link: set[Element] = set()
        for el in order:
            parent = el.getparent()
            own = _chars(el.text) + sum(_chars(c.tail) for c in el)
            linked = el.tag == "a" or (parent is not None and parent in in_link)
            if linked:
                in_link.add(el)
            self.text[el], self.link[el], self.tables[el] = (0, own, 0) if linked else (own, 0, 0)
        grid_below: dict[Element, bool] = {}
        for el in reversed(order):  # every element after all of its descendants
            below = grid_below.get(el, False)
            if el.tag == "table":
                rows = [tr for group in table_rows(el) for tr in group]
                cells = [td for tr in rows for td in row_cells(tr)]
                big = any(self.chars(td) > LAYOUT_CELL_CHARS for td in cells)
                if below or big or len(cells) <= 1:
                    self.layout.add(el)
                else:
                    self.tables[el] += 1
                below = below or (len(rows) >= 2 and max(len(row_cells(r)) for r in rows) >= 2)
            parent = el.getparent()
            if parent is not None and parent in self.text:
                self.text[parent] += self.text[el]
                self.link[parent] += self.link[el]
                self.tables[parent] += self.tables[el]
                grid_below[parent] = grid_below.get(parent, False) or below

    def chars(self, el: Element) -> int:
        """All characters of text below `el`, whitespace not counted."""
        return self.text[el] + self.link[el]

    def score(self, el: Element) -> int:
        return self.text[el] + TABLE_BONUS * self.tables[el]

    def link_heavy(self, el: Element) -> bool:
        return self.link[el] > self.text[el]


def choose_body(page: MeasuredPage) -> tuple[Element, list[Element]]:
    """Find the report's container and the headings standing just outside it.

    Descends from `<body>` while one child holds `DOMINANCE` of the content score (non-link
    text plus `TABLE_BONUS` per data table) and no sibling left behind holds a data table that
    is not mostly links; never into a data table or a `<p>`. Headings (h1-h3, or class/id
    "title") in the siblings left behind before the chosen child are kept, in document order,
    unless that sibling is mostly links: the page title often sits outside the content `<div>`.
    """
    body = page.root.find("body")
    current = body if body is not None else page.root
    headings: list[Element] = []
    while True:
        children = [c for c in current if c in page.text]
        candidates = [c for c in children if c.tag != "p" and (c.tag != "table" or c in page.layout)]
        if not candidates:
            break
        best = max(candidates, key=page.score)
        if page.score(best) < DOMINANCE * page.score(current) or any(
            page.tables[c] and not page.link_heavy(c) for c in children if c is not best
        ):
            break
        for sibling in reversed(list(best.itersiblings(preceding=True))):
            if sibling in page.text and not page.link_heavy(sibling):  # not a menu column
                headings.extend(h for h in _headings(sibling) if not page.link_heavy(h))
        current = best
    return current, headings


def _headings(el: Element) -> list[Element]:
    """Outermost heading-like elements in `el` (itself included), in document order."""
    found: list[Element] = []
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if found and any(a is found[-1] for a in node.iterancestors()):
            continue  # inside the heading found last (preorder)
        hint = f"{node.get('class', '')} {node.get('id', '')}"
        if node.tag in _HEADINGS or _TITLE_HINT.search(hint):
            found.append(node)
    return found

"""The pipeline end to end: bytes -> text or markup -> blocks -> sections -> records -> checks.

`parse_bytes` picks the reader from the content (magic numbers, markup sniffing), not the
file name, and records which in `source.format`.
"""

from __future__ import annotations

import os

import attrs

from gov_disclosure.blocks import Document
from gov_disclosure.cells import read_grid
from gov_disclosure.codes import issue
from gov_disclosure.completeness import completeness
from gov_disclosure.errors import GovDisclosureError, InputFormatError
from gov_disclosure.mapping import map_tables
from gov_disclosure.meta import read_meta
from gov_disclosure.readers import read_any
from gov_disclosure.readers.text import read_text
from gov_disclosure.records import Issue, Report, Section, Source, Unassigned
from gov_disclosure.sections import SectionBlocks, split_sections
from gov_disclosure.templates import TableKind
from gov_disclosure.validate import validate

PROSE = ("overview", "problems", "other_matters")
MAX_BYTES = 200 * 1024 * 1024


def _section(s: SectionBlocks | None) -> Section:
    if s is None:
        return Section()
    heading = s.heading.text.strip() if s.heading is not None else None
    return Section(heading, s.text(), s.heading.pos.line if s.heading is not None else None)


def build_report(doc: Document, source: Source) -> Report:
    """Everything after the readers: one code path for every input form."""
    parts = split_sections(doc)
    if not parts.sections and not parts.tables:
        raise InputFormatError("no report found: no section heading and no table", path=source.path)
    full_text = "\n".join([*(p.text for p in parts.preamble), *(s.text() for s in parts.sections.values())])
    grid = read_grid(parts.tables)  # every cell's facts, read once for all later stages
    meta = read_meta(parts.preamble, parts.tables, full_text, grid)
    mapped = map_tables(parts.tables, meta.template, grid)
    issues: list[Issue] = list(meta.issues)
    unassigned: list[Unassigned] = [
        Unassigned(p.text.strip(), p.pos.line, "preamble") for p in parts.preamble[meta.title_parts :]
    ]
    unassigned += parts.unassigned
    for t in mapped.unrecognized:
        text = "\n".join("\t".join(c.text for c in row) for row in t.rows)
        unassigned.append(Unassigned(text, t.pos.line, "table"))
        issues.append(issue("table.unrecognized", "a table matching none of the template's tables", line=t.pos.line))
    for u in unassigned:
        code = "text.preamble" if u.reason == "preamble" else "text.unassigned"
        issues.append(issue(code, f"{u.reason}: {u.text[:40]}", line=u.line))
    for key in PROSE:  # a table section without its heading is reported by table.missing if at all
        if key not in parts.sections:
            issues.append(issue("section.missing", f"section {key} not found"))
    for ph in parts.placeholders:
        where = f"section {ph.section}" if ph.section else "before the first section"
        message = f"{where}: `{ph.text}` printed in place of a table; its numbers are not in this text"
        issues.append(issue("table.omitted_by_tool", message, line=ph.line))
    issues += mapped.issues
    report = Report(
        source=attrs.evolve(source, format=doc.format, dialect=doc.dialect, encoding=doc.encoding),
        title=meta.title,
        organization=meta.organization,
        year=meta.year,
        template=meta.template,
        overview=_section(parts.sections.get("overview")),
        proactive=mapped.proactive,
        requests=mapped.requests,
        reviews=mapped.reviews,
        problems=_section(parts.sections.get("problems")),
        other_matters=_section(parts.sections.get("other_matters")),
        table_sections={k.value: _section(parts.sections[k.value]) for k in TableKind if k.value in parts.sections},
        unassigned=tuple(unassigned),
        issues=tuple(issues),
    )
    report = attrs.evolve(report, issues=report.issues + tuple(validate(report)))  # checks see what the parser missed
    return attrs.evolve(report, completeness=completeness(report))


def _source(source: str | os.PathLike[str] | Source | None) -> Source:
    if source is None or isinstance(source, Source):
        return source or Source()
    return Source(path=os.fspath(source))


def parse_text(text: str, *, source: str | os.PathLike[str] | Source | None = None) -> Report:
    """Parse a report given as text (a dump of any of the supported table dialects)."""
    src = _source(source)
    return build_report(read_text(text, encoding=src.encoding), src)


def read_document(data: bytes, *, path: str | None = None) -> Document:
    """Bytes to blocks with the reader the content calls for (`readers.READERS`)."""
    return read_any(data, path=path)


def parse_bytes(data: bytes, *, path: str | os.PathLike[str] | None = None) -> Report:
    """Parse a report from its bytes (text in any supported encoding, HTML, DOCX or PDF)."""
    name = os.fspath(path) if path is not None else None
    try:
        doc = read_document(data, path=name)
    except GovDisclosureError as exc:
        raise (exc.with_path(name) if name else exc) from None
    return build_report(doc, Source(path=name))


def parse_file(path: str | os.PathLike[str]) -> Report:
    """Parse the report in a file; errors name the file."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_BYTES:
            raise InputFormatError(f"file too large ({size} bytes)", path=name)
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputFormatError(f"cannot read: {exc.strerror or exc}", path=name) from exc
    return parse_bytes(data, path=name)


__all__ = ["build_report", "parse_bytes", "parse_file", "parse_text", "read_document"]

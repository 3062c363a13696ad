"""Extension points: a user's own table dialect and heading wording."""

from __future__ import annotations

from collections.abc import Sequence

from helpers import report_text, t3_tika

import gov_disclosure as g
from gov_disclosure.blocks import Cell, Position, Table
from gov_disclosure.readers.text import DIALECTS
from gov_disclosure.sections import _HEADINGS


class SemicolonDialect:
    """Rows of cells split by `;` (a user's own exporter)."""

    name = "semicolon"

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        rows = [i for i, line in enumerate(lines) if line.count(";") >= 2]
        return [(rows[0], rows[-1] + 1)] if rows else []

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        rows = tuple(
            tuple(Cell(t, Position(line=first_line + i, row=i, col=k)) for k, t in enumerate(line.split(";")))
            for i, line in enumerate(lines)
        )
        return Table(rows=rows, pos=Position(line=first_line), dialect=self.name)


def test_registered_dialect_reads_its_tables() -> None:
    t4 = "行政复议;;;;;行政诉讼\n;;;;;未经复议直接起诉;;;;;复议后起诉\n"
    t4 += ";".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + "\n"
    t4 += ";".join(["1", "0", "0", "0", "1"] + ["0"] * 10) + "\n"
    text = report_text(t3=t3_tika({}), t4=t4)
    assert "semicolon" not in [t.dialect for t in g.read_document(text.encode()).tables]
    g.register_dialect(SemicolonDialect())
    try:
        r = g.parse_text(text)
        dialects = [t.dialect for t in g.read_document(text.encode()).tables]
    finally:
        DIALECTS.pop()
    assert dialects.count("semicolon") == 1
    assert r.reviews is not None and r.reviews.review.total.value == 1


def test_registered_heading_wording() -> None:
    text = report_text().replace("五、存在的主要问题及改进情况", "工作不足与下一步打算")
    assert g.parse_text(text).problems.heading is None
    g.register_heading("problems", "工作不足与下一步打算")
    try:
        assert g.parse_text(text).problems.heading == "工作不足与下一步打算"
    finally:
        del _HEADINGS["工作不足与下一步打算"]

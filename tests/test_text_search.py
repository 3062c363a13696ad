"""The scored search of the text reader: strict forms decide first (weaker dialects are not asked
about their lines), every candidate read keeps its score on the chosen table, and only the
chosen readings become cells. Scores were worked out by hand: share of clean cells x grid
weight x the dialect's prior."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from gov_disclosure.blocks import Cell, Paragraph, Position, Table
from gov_disclosure.readers.text import DIALECTS, read_text
from gov_disclosure.readers.text.dialects import base
from gov_disclosure.readers.text.dialects.base import Reading
from gov_disclosure.readers.text.dialects.markdown import MarkdownDialect
from gov_disclosure.readers.text.dialects.pipe import PipeDialect
from gov_disclosure.readers.text.lines import Lines, scan
from gov_disclosure.readers.text.search import score, search
from gov_disclosure.readers.text.settings import FixedWidthSettings, TextSettings

MARKDOWN = "前文\n| 项目 | 数量 |\n|---|---|\n| 规章 | 1 |\n| 规范性文件 | 2 |\n后文"


class Spy:
    """A built-in dialect that records the regions it is asked to read."""

    def __init__(self, dialect: PipeDialect) -> None:
        self.dialect = dialect
        self.name, self.prior = dialect.name, dialect.prior
        self.proposed: list[tuple[int, int]] = []
        self.asked: list[tuple[int, int]] = []

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        self.proposed = self.dialect.regions(lines)
        return self.proposed

    def readings(self, lines: Lines, regions: Sequence[tuple[int, int]]) -> list[Reading | None]:
        self.asked += regions
        return self.dialect.readings(lines, regions)

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        return self.dialect.read(lines, first_line)


def test_a_strict_reading_is_not_offered_to_weaker_dialects() -> None:
    pipe = Spy(PipeDialect())
    found = search(scan(MARKDOWN.split("\n")), [pipe, MarkdownDialect()])
    # `前文` may open a pipe cell, so the pipe dialect proposes lines 0-4; it never reads them
    assert pipe.proposed == [(0, 5)] and pipe.asked == []
    assert [(f.start, f.end) for f in found] == [(1, 5)]
    table = found[0].table
    assert (table.dialect, table.detection, table.scores) == ("markdown", "strict", (("markdown", 1.0),))
    assert [[c.text for c in row] for row in table.rows] == [["项目", "数量"], ["规章", "1"], ["规范性文件", "2"]]


def test_stronger_candidates_keep_their_scores() -> None:
    """TSV (0.99) reads `x` and `| 1 | 2 |`: half the cells are debris, so 0.5 x 0.99. The pipe
    stream reading (0.97) is all clean; both scores stay on the table, in registry order."""
    text = "x\t| 1 | 2 |\ny\t| 3 | 4 |\nz\t| 5 | 6 |"
    table = read_text(text).tables[0]
    assert (table.dialect, table.detection) == ("pipe", "strict")
    assert table.scores == (("tsv", 0.495), ("pipe", 0.97))
    assert [[c.text for c in row] for row in table.rows] == [["x", "1", "2"], ["y", "3", "4"], ["z", "5", "6"]]


def test_an_unclean_reading_is_decided_by_the_search() -> None:
    """One cell of four holds a pipe: 0.75 x 0.98."""
    table = read_text("\t项目\n\t数量\n\n\ta|b\n\t3\n").tables[0]
    assert (table.dialect, table.detection, table.scores) == ("tika-cells", "search", (("tika-cells", 0.735),))


def test_cells_are_built_for_the_chosen_reading_only(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []

    def counting_cell(text: str, pos: Position, rowspan: int = 1, colspan: int = 1) -> Cell:
        built.append(text)
        return Cell(text, pos, rowspan, colspan)

    monkeypatch.setattr(base, "Cell", counting_cell)
    doc = read_text("x\t| 1 | 2 |\ny\t| 3 | 4 |\nz\t| 5 | 6 |")
    assert doc.tables[0].scores[0][0] == "tsv"  # the TSV reading was read and scored...
    assert built == ["x", "1", "2", "y", "3", "4", "z", "5", "6"]  # ...but only the pipe one made cells


class Semicolons:
    name = "semicolon"

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        return [(0, len(lines))]

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        rows = tuple(
            tuple(Cell(t, Position(line=first_line + i, row=i, col=k)) for k, t in enumerate(line.split(";")))
            for i, line in enumerate(lines)
        )
        return Table(rows=rows, pos=Position(line=first_line), dialect=self.name)


class HalfSure(Semicolons):
    prior = 0.5


@pytest.mark.parametrize(
    ("dialect", "settings", "expected"),
    [
        (Semicolons(), None, 0.9),  # no prior: the default
        (Semicolons(), TextSettings(default_prior=0.8), 0.8),
        (HalfSure(), None, 0.5),  # its own prior
    ],
)
def test_a_user_dialect_and_its_prior(dialect: Semicolons, settings: TextSettings | None, expected: float) -> None:
    DIALECTS.append(dialect)
    try:
        doc = read_text("a;b\n1;2", settings=settings)
    finally:
        DIALECTS.pop()
    table = doc.tables[0]
    assert (table.dialect, table.scores, table.detection) == ("semicolon", (("semicolon", expected),), "strict")
    assert score(table.rows, table.dropped_empty) == 1.0 and table.rows[1][1].pos == Position(line=2, row=1, col=1)


class Proposes(Semicolons):
    """A user dialect with its own prior proposing one given region."""

    def __init__(self, name: str, prior: float, region: tuple[int, int]) -> None:
        self.name, self.prior, self.region = name, prior, region
        self.asked = 0

    def regions(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        return [self.region]

    def read(self, lines: Sequence[str], first_line: int) -> Table | None:
        self.asked += 1
        return super().read(lines, first_line)


def test_a_clean_reading_under_a_stronger_one_is_not_decided_at_once() -> None:
    """Ten rows, nine of two cells: `wide` scores 1.0 x 0.95 x 1.0 = 0.95, not its prior, so the
    search decides; `narrow` (0.9, clean) sits under it and so cannot decide strictly, and the
    weaker `inner` is still asked about its lines. In a second text nothing stronger overlaps
    `narrow`, and `inner` is not asked."""
    lines = scan(["a;b"] * 9 + ["c"])
    wide, narrow, inner = (
        Proposes("wide", 1.0, (0, 10)),
        Proposes("narrow", 0.9, (0, 2)),
        Proposes("inner", 0.8, (1, 2)),
    )
    found = search(lines, [wide, narrow, inner])
    assert [(f.start, f.end, f.table.dialect, f.table.detection) for f in found] == [(0, 10, "wide", "search")]
    assert found[0].table.scores == (("wide", 0.95),)
    assert inner.asked == 1

    wide.region = (5, 10)
    found = search(lines, [wide, narrow, inner])
    assert [(f.start, f.end, f.table.dialect, f.table.detection) for f in found] == [
        (0, 2, "narrow", "strict"),
        (5, 10, "wide", "search"),
    ]
    assert inner.asked == 1  # not asked again


def test_settings_reach_the_line_pass_and_the_dialects() -> None:
    wrapped = "这是一个三十一个字符长的被折行的单元格文字内容测试用的句子啊啊"  # 31 characters
    text = f"\t项目\n\t数量\n\n\t规章\n{wrapped}\n\t1\n"
    default = read_text(text)
    assert [[c.text for c in row] for row in default.tables[0].rows] == [["项目", "数量"], ["规章"]]
    assert default.blocks[1:] == (Paragraph(wrapped, Position(line=5)), Paragraph("\t1", Position(line=6)))
    longer = read_text(text, settings=TextSettings(max_continuation=31))
    assert [[c.text for c in row] for row in longer.tables[0].rows] == [["项目", "数量"], [f"规章\n{wrapped}", "1"]]

    padded = "规章    1    2\n\n规范性文件    3    4"
    assert read_text(padded).dialect == "fixed-width"  # a blank line inside the table is bridged...
    strict = TextSettings(fixed_width=FixedWidthSettings(max_blank_run=0))
    assert read_text(padded, settings=strict).tables == ()  # ...unless no blank line may be

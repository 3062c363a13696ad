"""The text reader's line pass: the facts of every line, the blank-run cells of blank-padded
lines with both column measures, the `Lines` view, and the one run finder of the dialects.
Expected values were worked out by hand from the lines written here."""

from __future__ import annotations

from gov_disclosure.readers.text.lines import (
    Claim,
    Lines,
    Numbers,
    Span,
    blank_runs,
    is_number,
    line_facts,
    looks_like_heading,
    numbers_of,
    runs,
    scan,
)
from gov_disclosure.readers.text.settings import TextSettings


class TestFacts:
    def test_cell_line_and_lone_tab(self) -> None:
        f = line_facts("\t本年新收")
        assert (f.cell_line, f.tsv_row, f.tabs, f.blank, f.foreign) == (True, False, 1, False, False)
        lone = line_facts("\t")
        assert (lone.cell_line, lone.blank) == (True, True)  # an empty cell is a lone TAB

    def test_tsv_rows(self) -> None:
        assert line_facts("规章\t1\t2").tsv_row and line_facts("规章\t1\t2").foreign
        assert line_facts("规章\t1").tsv_row  # one TAB that does not lead
        assert line_facts("\t\t1").tsv_row  # two TABs, even leading
        assert not line_facts("\t规章").tsv_row

    def test_pipes_framing_and_rules(self) -> None:
        row = line_facts("  | 规章 | 1 |  ")
        assert (row.pipes, row.framed, row.pipe_led, row.rule, row.foreign) == (3, True, True, False, True)
        rule = line_facts("|---|:---:|")
        assert (rule.framed, rule.rule) == (True, True)
        assert not line_facts("---").rule  # a rule only counts in a framed row
        stream = line_facts("规章 | 1 |")
        assert (stream.pipes, stream.framed, stream.pipe_led) == (2, False, False)

    def test_short_text_and_headings(self) -> None:
        assert line_facts("公开数量").short_text
        assert not line_facts("x" * 31).short_text  # longer than max_continuation (30)
        assert line_facts("x" * 31, TextSettings(max_continuation=31)).short_text
        head = line_facts("三、收到和处理政府信息公开申请情况")
        assert (head.heading, head.short_text) == (True, False)
        assert line_facts("（二）部分公开").heading

    def test_gapped_lines(self) -> None:
        assert line_facts("规章    1    2").gapped
        assert line_facts("1288 21").gapped  # a single blank splits two numbers
        assert not line_facts("(一) 予以公开").gapped
        assert not line_facts("规章\t\t1").gapped  # TAB cells: another dialect's line

    def test_blank(self) -> None:
        assert line_facts("").blank and line_facts(" \u3000\xa0\t").blank
        assert not line_facts("-3-").blank


class TestHeading:
    def test_enumerated_headings(self) -> None:
        for text in ["一、总体情况", "十二、其他", "  三 、 x", "（二）部分公开", "(四)无法提供", "五.x", "六．x"]:
            assert looks_like_heading(text), text

    def test_not_headings(self) -> None:
        for text in ["1.属于国家秘密", "一百、x", "（1）x", "〔二〕x", "第二章 x", "①x", "一是加强", "（ 二）x"]:
            assert not looks_like_heading(text), text


class TestBlankRuns:
    def test_cells_and_both_measures(self) -> None:
        spans = blank_runs("规章    12")
        assert [(s.text, s.start, s.end, s.wide_start, s.wide_end) for s in spans] == [
            ("规章", 0, 2, 0, 4),
            ("12", 6, 8, 8, 10),
        ]

    def test_single_blank_joins_words_but_splits_numbers(self) -> None:
        assert [s.text for s in blank_runs("(一) 予以公开   1288 21")] == ["(一) 予以公开", "1288", "21"]

    def test_form_feed_takes_no_column(self) -> None:
        assert [(s.text, s.start, s.wide_start) for s in blank_runs("\f  法提供  11")] == [
            ("法提供", 2, 2),
            ("11", 7, 10),
        ]


class TestScan:
    def test_layout_only_when_two_lines_are_blank_padded(self) -> None:
        assert scan(["规章    1", "正文"]).layout is None
        lines = scan(["规章    1", "第 3 页", "规范性文件    2"])
        assert lines.layout is not None
        assert [lay.page_mark for lay in lines.layout] == [False, True, False]
        assert [s.text for s in lines.layout[2].cells()] == ["规范性文件", "2"]

    def test_long_prose_and_other_dialects_lines_are_measured_only_when_asked(self) -> None:
        prose = "这" * 80  # two prose widths, no blank run
        lines = scan(["规章    1", prose, "规章\t1\t2", "规范性文件    2"])
        assert lines.layout is not None
        assert [lay.spans is None for lay in lines.layout] == [False, True, True, False]
        assert lines.layout[1].cells() == (Span(prose, 0, 80, 0, 160),)
        # a lone TAB separates words like a single blank: it joins them unless both are numbers
        assert [s.text for s in lines.layout[2].cells()] == ["规章\t1", "2"]

    def test_a_view_of_plain_lines(self) -> None:
        lines = scan(["\ta", "", "\tb", "x"])
        assert isinstance(lines, Lines) and list(lines) == ["\ta", "", "\tb", "x"] and lines[2] == "\tb"
        part = lines[1:3]
        assert list(part) == ["", "\tb"] and [f.cell_line for f in part.facts] == [False, True]
        assert scan(lines) is lines  # the facts are computed once
        assert scan(lines, layout=True).facts is lines.facts


class TestDocumentTables:
    """What the line pass makes once per document: the word table, page marks, layouts."""

    def test_the_word_table_answers_as_is_number_and_keeps_each_word_asked(self) -> None:
        table = Numbers()
        words = ["1288", "1,234", "５", "-2", "12件", "5.49亿", "—", "无", "規章", "规章", "", " "]
        assert [table[w] for w in words] == [is_number(w) for w in words]
        # by hand: numbers, signed and unit-suffixed values, dash placeholders; not labels or nothing
        assert [table[w] for w in words] == [True] * 8 + [False] * 4
        assert set(table) == set(words)  # each word read once, then looked up

    def test_one_table_per_document_shared_by_its_slices_and_rescans(self) -> None:
        lines = scan(["规章 1 2", "", "规章 1 2"])
        assert lines[1:3].numbers is lines.numbers
        assert scan(lines, layout=True).numbers is lines.numbers
        assert scan(["规章 1 2"]).numbers is not lines.numbers  # another document, another table
        number = numbers_of(lines)
        assert number("12") and not number("规章") and "12" in lines.numbers
        assert numbers_of(["12"]) is is_number  # plain lines: no document, no table

    def test_blank_runs_reads_numbers_through_the_table_it_is_given(self) -> None:
        table = Numbers()
        # a single blank splits two numbers only (`1288 21`), not a label from a number
        assert [s.text for s in blank_runs("规章 1288 21", number=table.__getitem__)] == ["规章 1288", "21"]
        assert set(table) == {"规章", "1288", "21"}

    def test_page_marks_are_a_line_fact(self) -> None:
        assert line_facts("- 3 -").page_mark and line_facts("  第 3 页 共 6 页").page_mark
        assert line_facts("第3頁").page_mark  # traditional, compared as simplified
        assert not line_facts("3").page_mark  # a bare number may be a value
        assert not line_facts("规章 1 2").page_mark and not line_facts("").page_mark

    def test_a_layout_is_made_once_per_distinct_line(self) -> None:
        lines = scan(["规章    1    2", "", "规章    1    2", "- 2 -"], layout=True)
        assert lines.layout is not None
        assert lines.layout[0] is lines.layout[2]
        assert [s.text for s in lines.layout[0].cells()] == ["规章", "1", "2"]
        assert lines.layout[3].page_mark and not lines.layout[0].page_mark


M, J, G, S = Claim.MEMBER, Claim.JOIN, Claim.GAP, Claim.STOP


class TestRuns:
    def test_members_gaps_and_minimum(self) -> None:
        #        0  1  2  3  4  5  6  7  8
        claims = [S, M, G, M, M, G, S, M, M]
        assert runs(claims, 3) == [(1, 5)]  # the gap after line 4 does not extend the run
        assert runs(claims, 2) == [(1, 5), (7, 9)]

    def test_joining_lines(self) -> None:
        claims = [J, M, J, M, M, S]
        assert runs(claims, 3) == [(1, 5)]  # a run starts at a member...
        assert runs(claims, 3, start_on_join=True) == [(0, 5)]  # ...or, if asked, a joining line
        assert runs([M, M, M, J, G, S], 3) == [(0, 4)]  # a joining line extends the run

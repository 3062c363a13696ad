"""The zoo (`tests/data/zoo`): real reports and re-published samples as common tools write them,
every cell checked against the hand-checked expected files.

Most forms are not read exactly yet, so this is a ratchet against `tests/data/zoo/ledger.json`
(written by `benchmarks/zoo_report.py --write-ledger`): a file may not lose a right cell nor gain
a wrong one, and no file may hold a wrong number the ledger does not record. Counts are those of
`tests/helpers/zoo.py`.
"""

from __future__ import annotations

import re

import pytest
from helpers import zoo

import gov_disclosure as g

FILES = zoo.index()
LEDGER = zoo.ledger()
SCORES: dict[str, zoo.Score] = {}


def scored(file: str) -> zoo.Score:
    """Each file parsed once per test session (the ratchet and the wrong-number test share it)."""
    if file not in SCORES:
        SCORES[file] = zoo.score(file)
    return SCORES[file]


def test_index_and_ledger_name_the_same_files() -> None:
    assert sorted(LEDGER) == sorted(FILES)
    assert all((zoo.ZOO / f).is_file() for f in FILES)


@pytest.mark.parametrize("file", sorted(FILES))
def test_no_file_loses_a_right_cell_or_gains_a_wrong_one(file: str) -> None:
    score = scored(file)
    held = LEDGER[file]
    assert score.cells == held["cells"], "the expected file changed: rewrite the ledger"
    assert score.right >= held["right"], f"{file}: {score.right} cells right, the ledger holds {held['right']}"
    assert score.wrong <= held["wrong"], f"{file}: wrong cells {', '.join(score.wrong_keys)}"


def test_every_wrong_number_is_on_the_ledger() -> None:
    """A file may hold a wrong number only where the ledger says so: no wrong cell goes unseen."""
    unrecorded = {}
    for file in sorted(FILES):
        score = scored(file)
        if score.wrong > LEDGER[file]["wrong"]:
            unrecorded[file] = score.wrong_keys
    assert not unrecorded
    recorded = sum(entry["wrong"] for entry in LEDGER.values())
    assert sum(scored(f).wrong for f in FILES) <= recorded


def test_sources_are_exact() -> None:
    """The rendered HTML and DOCX sources themselves read exactly: the zoo starts from right values."""
    sources = [f for f, info in FILES.items() if info["tool"] == "source" and ".trad." not in f]
    assert len(sources) >= 20
    for file in sources:
        score = scored(file)
        assert (score.right, score.error) == (score.cells, ""), file


def test_compare_counts_blank_zero_and_wrong_apart() -> None:
    """The counting itself: a printed 0 is not a blank, a value where a blank is expected is wrong."""
    want = zoo.expected("own-2021")
    got = g.to_dict(g.parse_file(zoo.ZOO / "sources" / "own-2021.html"))
    assert zoo.compare(got, want)[1:3] == (0, 0)
    got["requests"]["granted"]["commercial"] = 0  # blank in the source
    got["requests"]["granted"]["natural_person"] = None  # printed 20
    got["reviews"]["litigation_after_review"]["total"] = None  # printed 0
    got["proactive"]["fees"]["amount"] = {"raw": "12.6", "value": 12.6, "unit": "元"}
    right, wrong, null, keys = zoo.compare(got, want)
    assert (wrong, null) == (2, 2)
    assert keys == ["proactive.fees.amount", "requests.granted.commercial"]
    assert right == zoo.score("sources/own-2021.html").cells - 4


def test_tables_a_tool_left_out() -> None:
    """`pandoc -t plain` writes `[TABLE]` for the tables it cannot draw (checked by hand: every
    DOCX but Shanghai's loses Tables 3 and 4, the GBK page of 004 its two-part Table 3), and only
    those count as left out; a file that draws every table leaves none out."""
    plain = {f for f, info in FILES.items() if info["tool"] == "pandoc-plain"}
    left = {f: zoo.omitted((zoo.ZOO / f).read_text(encoding="utf-8")) for f in plain}
    both = ("requests", "reviews")
    want = {f"out/{s}.docx--pandoc-plain.txt": both for s in ("own-2019", "own-2021", "000_report")}
    want |= {f"out/sample-00{n}.docx--pandoc-plain.txt": both for n in range(1, 5)}
    want["out/004_page.html--pandoc-plain.txt"] = ("requests",)
    assert {f: t for f, t in left.items() if t} == want
    others = [f for f, info in FILES.items() if info["tool"] != "pandoc-plain" and f.endswith((".txt", ".md"))]
    assert not any(zoo.omitted((zoo.ZOO / f).read_text(encoding="utf-8", errors="replace")) for f in others)


def test_a_number_in_a_left_out_table_is_wrong() -> None:
    want = zoo.expected("own-2021")
    got = g.to_dict(g.parse_file(zoo.ZOO / "sources" / "own-2021.html"))
    right, wrong, null, keys = zoo.compare(got, want, ("reviews.*",))
    assert wrong == 15 and keys[0] == "reviews.review.upheld"
    got["reviews"] = None
    assert zoo.compare(got, want, ("reviews.*",))[1:3] == (0, 0)


def test_cells_cut_off_the_page_are_not_in_the_print() -> None:
    """`cut.json` (checked by hand): the Shanghai DOCX printed by LibreOffice loses Table 3's last
    three columns past the right edge and Table 4's first past the left; its layout text shows it:
    the header stops at `法`, no Table 3 row prints more than two numbers, Table 4 starts at 2."""
    stem = "out/shanghai-office-2019.docx--libreoffice-pdf"
    text = (zoo.ZOO / f"{stem}--pdftotext-layout.txt").read_text(encoding="utf-8")
    table3 = text[text.index("三、收到和处理") : text.index("四、政府信息公开行政复议")]
    assert "法律服务机构" not in table3 and "社会公益组织 法\n" in table3
    assert max(len(re.findall(r"(?<!\S)\d+(?!\S)", line)) for line in table3.splitlines()) == 2
    table4 = text[text.index("四、政府信息公开行政复议") : text.index("五、")]
    assert re.findall(r"(?<!\S)\d+(?!\S)", table4) == ["2", "7", "8", "1", "9"]
    derived = [f for f in FILES if f.startswith(stem)]
    assert len(derived) == 4
    assert all("requests.*.total" in zoo.absent(f) for f in derived)
    assert zoo.absent("out/shanghai-office-2019.html--w3m.txt") == ()

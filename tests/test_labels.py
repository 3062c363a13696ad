"""The comparable form of a label, its numbering, and the label index."""

from __future__ import annotations

from gov_disclosure.labels import Entry, LabelIndex, Match, folded_key, label_key, label_parts, strip_numbering
from gov_disclosure.normalize import fold
from gov_disclosure.numbering import match_marker


def test_label_key_folds_what_reports_vary() -> None:
    assert label_key("（一） 予以公开") == "(一)予以公开"
    assert label_key("1、 本机关不掌握相关政府信息") == "1.本机关不掌握相关政府信息"
    assert label_key("危及“三安全一稳定”") == "危及三安全一稳定"
    assert label_key("申请人无正当理由逾期不补正，行政机关") == "申请人无正当理由逾期不补正,行政机关"
    assert label_key("商业\n企业") == "商业企业"
    assert label_key("123,4") == "123,4"  # three digits are not a numbering


def test_strip_numbering_takes_every_leading_marker() -> None:
    assert strip_numbering("三,本年度办理结果") == "本年度办理结果"
    assert strip_numbering("(三)1.属于国家秘密") == "属于国家秘密"
    assert strip_numbering("(七)总计") == "总计"
    assert strip_numbering("1.5亿") == "1.5亿"  # a decimal, not `1.`
    assert strip_numbering("(1)其他") == "(1)其他"  # labels are not numbered `(1)`
    assert strip_numbering("百,总体情况") == "百,总体情况"


ROW_TOTAL = Entry("requests", "row", "total")
HEADER = Entry("requests", "header")
UNCLEAR = Entry("requests", "row", "unavailable_unclear", "2019")
INDEX = LabelIndex(
    [(ROW_TOTAL, "（七）总计", True), (HEADER, "总计", False), (UNCLEAR, "3.补正后申请内容仍不明确", False)]
)


def test_numbered_labels_match_only_with_their_numbering() -> None:
    assert INDEX.hit(label_key("(七)总计")).exact == (ROW_TOTAL,)
    assert INDEX.hit(label_key("总计")).first(lambda e: True) == HEADER
    assert INDEX.hit(label_key("总计")).first(lambda e: e.role == "row") is None


def test_unnumbered_labels_match_without_numbering() -> None:
    hit = INDEX.hit(label_key("补正后申请内容仍不明确"))
    assert hit.exact == () and hit.body == (UNCLEAR,)
    assert INDEX.hit(label_key("（四）3、补正后申请内容仍不明确")).body == (UNCLEAR,)
    assert INDEX.hit("").first(lambda e: True) is None


def test_fragment_of_a_label_cut_by_a_page_break() -> None:
    assert INDEX.fragment(label_key("3.补正后申请内容仍不"), lambda e: True) == Match("unavailable_unclear", True)
    assert INDEX.fragment(label_key("补正"), lambda e: True) is None  # too short to tell
    assert INDEX.fragment(label_key("3.补正后申请内容仍不"), lambda e: e.template == "2021") is None


def test_label_parts_agree_with_key_marker_and_body() -> None:
    texts = [
        "1、行政许可",
        "12,其他",
        "123,其他",
        "1,5亿",
        "(三)不予公开",
        "一、概 述",
        "二.三、x",
        "第一章",
        "行政许可",
        "",
    ]
    for text in texts:
        folded = fold(text)
        key, marker, body = label_parts(folded)
        assert key == folded_key(folded) == label_key(text)
        assert body == strip_numbering(key)
        if key[:1] in "一二三四五六七八九十(" or key[:1].isdecimal():
            assert marker == match_marker(key)
        else:
            assert marker is None

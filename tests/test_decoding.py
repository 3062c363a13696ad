"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, GB18030; the encoding is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import gov_disclosure as g
from gov_disclosure.decoding import decode

SAMPLE = Path(__file__).parent / "data" / "samples" / "004_5f52f77d1e58bc3f.txt"


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), "utf-8-sig"),
        (lambda s: s.encode("utf-16"), "utf-16"),
        (lambda s: s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: s.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_parse_to_the_same_numbers(encode, name) -> None:  # type: ignore[no-untyped-def]
    text = SAMPLE.read_text(encoding="utf-8")
    report = g.parse_bytes(encode(text), path="x.txt")
    assert report.source.encoding == name
    assert report.requests is not None and report.requests.total is not None
    assert report.requests.total.natural_person.value == 170
    assert report.title == "宁波市象山县人民政府办公室2020年政府信息公开工作年度报告"


def test_undecodable_bytes_name_the_file() -> None:
    with pytest.raises(g.DecodeError) as exc:
        decode(b"\x80\x80\xff\xff\x80" * 10, path="bad.txt")
    assert str(exc.value).startswith("bad.txt: ")
    assert isinstance(exc.value, g.GovDisclosureError) and isinstance(exc.value, UnicodeError)

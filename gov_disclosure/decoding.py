"""Bytes to text: BOM, UTF-8, UTF-16 without BOM, GB18030; the encoding used is reported."""

from __future__ import annotations

import codecs

from gov_disclosure.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has NUL in every other byte for ASCII; look at where the NULs are."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding name). Raises DecodeError naming the file."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"bad {name} data after BOM: {exc.reason}", path=path) from exc
    utf16 = _utf16_without_bom(data)
    candidates = ([utf16] if utf16 else []) + ["utf-8", "gb18030"]
    for name in candidates:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise DecodeError("not UTF-8, UTF-16 or GB18030 text", path=path)

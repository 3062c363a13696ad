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
    """Reports have line breaks: in UTF-16 each is `0A 00` (LE) or `00 0A` (BE) at an even
    offset, which UTF-8 and GB18030 text never has."""
    if len(data) % 2:
        return None
    sample = data[:65536]
    le = sum(1 for i in range(0, len(sample) - 1, 2) if sample[i] == 0x0A and sample[i + 1] == 0)
    be = sum(1 for i in range(0, len(sample) - 1, 2) if sample[i] == 0 and sample[i + 1] == 0x0A)
    if le >= 2 and be == 0:
        return "utf-16-le"
    if be >= 2 and le == 0:
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
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:65536] else None
    for name in ["utf-8"] + ([utf16] if utf16 else []) + ["gb18030"]:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise DecodeError("not UTF-8, UTF-16 or GB18030 text", path=path)
